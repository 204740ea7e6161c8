"""`plume generate KEYWORD` — write a whole SEO article with a local model and save it.

plume generate "vélo électrique" --lang fr --model qwen3:8b --words 1500 --out articles/
plume generate "best hiking boots" --tone friendly --secondary "waterproof boots" "ankle support"
plume generate "compost" --lang fr --think low --show-thinking --format md,html

The article streams to stdout; progress (phase, section i/n, tokens/s) goes to stderr.
Ctrl+C stops at once and keeps what was written (saved as <slug>-partial.md); during the
self-review the article is complete, so it is saved as <slug>.md with the fixes kept so far.

Exit codes: 0 written · 1 generation failed (partial saved when possible) · 2 bad input ·
3 Ollama unreachable · 4 model not installed · 130 stopped by Ctrl+C.
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from typing import Any

EXIT_FAILED, EXIT_INPUT, EXIT_UNAVAILABLE, EXIT_NO_MODEL, EXIT_CANCELLED = 1, 2, 3, 4, 130
TONES = ("neutral", "friendly", "professional", "expert", "persuasive")
POVS = ("first_singular", "first_plural", "second", "third")
THINK = ("off", "on", "low", "medium", "high", "max")
PREFERRED = ("gpt-oss:20b", "mistral-small3.2", "qwen3", "gemma3", "llama3.1", "mistral")


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "generate", help="write an SEO article for a keyword with a local model",
        description="Plan, write and save a complete SEO article (title, meta description, slug, "
                    "outline, sections, FAQ) with a model running in Ollama.")
    p.add_argument("keyword", help="the main keyword (quote it if it has spaces)")
    p.add_argument("--lang", help="article language: an installed language pack, e.g. fr or en "
                                  "(default: settings)")
    p.add_argument("--model", help="Ollama model (default: settings, else the best installed one)")
    p.add_argument("--words", type=int, help="target length in words (default: settings, else 1200)")
    p.add_argument("--tone", choices=TONES, help="tone (default: neutral)")
    p.add_argument("--pov", choices=POVS, default="second", help="point of view (default: second)")
    p.add_argument("--audience", default="", help="who the article is for")
    p.add_argument("--secondary", nargs="+", default=[], metavar="KEYWORD",
                   help="secondary keywords (several, or comma-separated)")
    p.add_argument("--instructions", default="", help="custom instructions for the writer")
    p.add_argument("--think", choices=THINK, help="reasoning for thinking models: off, on, or a "
                   "level (gpt-oss: low/medium/high)")
    p.add_argument("--show-thinking", action="store_true",
                   help="print the model's reasoning, dimmed, on stderr (never in the file)")
    p.add_argument("--host", metavar="URL", help="Ollama address (default: settings, $OLLAMA_HOST, "
                   "then http://127.0.0.1:11434); token from $PLUME_OLLAMA_TOKEN or the keychain")
    p.add_argument("--no-faq", action="store_true", help="no FAQ section")
    p.add_argument("--no-conclusion", action="store_true", help="no conclusion section")
    p.add_argument("--takeaways", action="store_true", help="add a key-takeaways list")
    p.add_argument("--no-lists", action="store_true", help="paragraphs only: no lists or tables")
    p.add_argument("--out", type=Path, default=Path("."), metavar="DIR", help="output folder")
    p.add_argument("--format", default="md", help="md, html or md,html (default: md)")
    p.add_argument("--preset", help="front matter: plain, hugo, jekyll, astro (default: settings)")
    p.add_argument("--temperature", type=float, help="default: settings, else 0.7")
    p.add_argument("--seed", type=int, help="fixed seed for repeatable output")
    p.add_argument("--num-ctx", type=int,
                   help="context window (default: settings, else sized automatically)")
    p.add_argument("--quiet", action="store_true", help="do not stream the text to stdout")
    p.add_argument("--no-review", action="store_true",
                   help="skip the self-review (rule fixes and model revisions after the draft; "
                        "default: the 'self_review' setting, on)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.core.errors import InputError, ModelNotFound, OllamaUnavailable, PlumeError

    try:
        return _generate(args)
    except PlumeError as exc:
        _error(exc)
        if isinstance(exc, OllamaUnavailable):
            return EXIT_UNAVAILABLE
        if isinstance(exc, ModelNotFound):
            return EXIT_NO_MODEL
        return EXIT_INPUT if isinstance(exc, InputError) else EXIT_FAILED


def _error(exc: Any) -> None:
    print(f"plume generate: {exc.message}", file=sys.stderr)
    if exc.hint:
        print(f"  → {exc.hint}", file=sys.stderr)


def _generate(args: argparse.Namespace) -> int:
    from app.application import Plume
    from app.commands._generate_view import Console, save
    from app.core.cancel import CancelToken
    from app.core.errors import Cancelled, InputError, ModelNotFound, OllamaUnavailable
    from app.core.generation.events import ArticleReady, Failed, ReviewReady
    from app.core.llm.thinking import wants_thinking

    plume = Plume.open()
    brief = _brief(args, plume)
    formats = list(plume.formats(str(args.format)))
    preset = plume.preset(args.preset)
    think: bool | str | None = plume.settings.think
    if args.think:
        think = {"off": False, "on": True}.get(args.think, args.think)
    with plume.connection(args.host).open() as service:
        model = plume.model(args.model) or _best_installed(service)
        info = service.show(model)
        if not info.can_complete:
            raise InputError(f"'{model}' cannot write text (capabilities: "
                             f"{', '.join(sorted(info.capabilities))}).", hint="Pick another model.")
        if wants_thinking(think) and not info.can_think:
            if args.think:
                print(f"plume generate: '{model}' cannot think; --think is ignored.",
                      file=sys.stderr)
            think = None
        generator = plume.generator(service, model, think=think, num_ctx=args.num_ctx,
                                    temperature=args.temperature, seed=args.seed,
                                    review=False if args.no_review else None)
        console = Console(sys.stdout, sys.stderr, show_text=not args.quiet,
                          show_thinking=args.show_thinking)
        cancel = CancelToken()
        previous = signal.signal(signal.SIGINT, lambda *_: cancel.cancel())
        outcome: ArticleReady | Failed | None = None
        reviewed: Any = None
        try:
            console.start(model, service.host)
            for event in generator.generate(brief, cancel):
                console.show(event)
                if isinstance(event, ArticleReady | Failed):
                    outcome = event
                if isinstance(event, ReviewReady):
                    reviewed = event.result
        finally:
            signal.signal(signal.SIGINT, previous)
            console.finish()
    if isinstance(outcome, ArticleReady):
        if reviewed is not None:
            from app.core.review.messages import summary_lines

            print("\n".join(summary_lines(reviewed)), file=sys.stderr)
        paths = save(outcome.article, args.out, formats, preset)
        for path in paths:
            print(f"Saved {path}", file=sys.stderr)
        if cancel.cancelled:
            # Ctrl+C after the draft was complete (during the self-review): the article is
            # whole, so it is saved under its normal name with the fixes kept so far.
            print(_review_stopped_message(reviewed, paths), file=sys.stderr)
            print("Stopped.", file=sys.stderr)
            return EXIT_CANCELLED
        return 0
    if outcome is None:
        return EXIT_FAILED
    error = outcome.error
    partial = outcome.partial
    if partial is not None and len(partial.body.split()) > 20:
        partial.slug = f"{partial.slug or 'article'}-partial"
        partial.extra["draft"] = True
        for path in save(partial, args.out, ["md"], preset):
            print(f"What was written is kept in {path}", file=sys.stderr)
    if isinstance(error, Cancelled):
        print("Stopped.", file=sys.stderr)
        return EXIT_CANCELLED
    _error(error)
    if isinstance(error, OllamaUnavailable):
        return EXIT_UNAVAILABLE
    return EXIT_NO_MODEL if isinstance(error, ModelNotFound) else EXIT_FAILED


def _review_stopped_message(reviewed: Any, paths: list[Path]) -> str:
    """What a writer needs to know after Ctrl+C during the review: what the file holds."""
    where = str(paths[0]) if paths else "the output folder"
    if reviewed is None:
        return (f"Stopped by Ctrl+C once the draft was complete: it is saved as written in "
                f"{where} (not self-reviewed).")
    kept = len(reviewed.fixes)
    if not kept:
        return (f"Self-review stopped by Ctrl+C before any fix was kept: the complete draft is "
                f"saved as written in {where}.")
    fixes = "1 fix" if kept == 1 else f"{kept} fixes"
    return (f"Self-review stopped by Ctrl+C: the complete article is saved in {where} with the "
            f"{fixes} kept so far (listed above with “+”); the checks not reviewed yet are "
            f"left as drafted.")


def _brief(args: argparse.Namespace, plume: Any) -> Any:
    from app.core.errors import InputError
    from app.core.models import (
        TARGET_WORDS_MAX,
        TARGET_WORDS_MIN,
        Brief,
        BriefOptions,
        PointOfView,
        Tone,
    )

    try:
        keyword = plume.keyword(args.keyword)
    except InputError as exc:
        exc.hint = 'Example: plume generate "vélo électrique" --lang fr'
        raise
    words = args.words or plume.settings.target_words
    if not TARGET_WORDS_MIN <= words <= TARGET_WORDS_MAX:
        raise InputError(f"--words {words} is out of range.",
                         hint=f"Use {TARGET_WORDS_MIN} to {TARGET_WORDS_MAX} words.")
    secondary = tuple(k.strip() for item in args.secondary for k in item.split(",") if k.strip())
    tone = Tone(args.tone) if args.tone else plume.settings.tone
    options = BriefOptions(faq=not args.no_faq, key_takeaways=args.takeaways,
                           conclusion=not args.no_conclusion, lists_and_tables=not args.no_lists)
    return Brief(keyword=keyword, language=plume.language(args.lang),
                 secondary_keywords=secondary, audience=args.audience.strip(), tone=tone,
                 point_of_view=PointOfView(args.pov), target_words=words, options=options,
                 instructions=args.instructions.strip())


def _best_installed(service: Any) -> str:
    """No model chosen (flag or settings): the best installed one by the PREFERRED order."""
    from app.core.errors import ModelNotFound

    names: list[str] = [m.name for m in service.list_models(details=False)]
    for prefix in PREFERRED:
        for name in names:
            if name.startswith(prefix):
                return name
    if names:
        return names[0]
    raise ModelNotFound("qwen3:8b", "No model is installed in Ollama.")

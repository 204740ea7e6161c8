"""`plume generate KEYWORD` — write a whole SEO article with a local model and save it.

plume generate "vélo électrique" --lang fr --model qwen3:8b --words 1500 --out articles/
plume generate "best hiking boots" --tone friendly --secondary "waterproof boots" "ankle support"
plume generate "compost" --lang fr --think low --show-thinking --format md,html

The article streams to stdout; progress (phase, section i/n, tokens/s) goes to stderr.
Ctrl+C, SIGTERM and SIGHUP stop at once and keep what was written (saved as
<slug>-partial.md); during the self-review the article is complete, so it is saved as
<slug>.md with the fixes kept so far. The output folder is checked before the model is asked
anything; if saving still fails (disk full, folder removed), the article goes to Plume's
recovery folder and the message says where. A closed pipe (`| head`) stops the echo only.

Exit codes: 0 written · 1 generation failed or saved only in the recovery folder (partial
saved when possible) · 2 bad input · 3 Ollama unreachable · 4 model not installed ·
130 stopped by Ctrl+C · 143 by SIGTERM · 129 by SIGHUP.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
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
    p.add_argument("--terms", metavar="FILE|auto",
                   help="topic terms to cover: a file (one per line, e.g. 'autonomie: 2-4'), or "
                        "'auto' for the model to propose them; coverage is printed at the end")
    p.add_argument("--links", metavar="SITE",
                   help="add internal links to pages of this site profile (plume site import)")
    p.add_argument("--max-links", type=int, default=6, metavar="N",
                   help="most internal links to add (default: 6)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.commands._terminal import StopSignals
    from app.core.errors import PlumeError

    with StopSignals() as stops:
        try:
            return _generate(args, stops)
        except KeyboardInterrupt:          # stopped before any text was written
            _say("Stopped.")
            return stops.code
        except PlumeError as exc:
            return _failed(exc)


def _failed(exc: Any) -> int:
    from app.core.errors import InputError, ModelNotFound, OllamaUnavailable

    _error(exc)
    if isinstance(exc, OllamaUnavailable):
        return EXIT_UNAVAILABLE
    if isinstance(exc, ModelNotFound):
        return EXIT_NO_MODEL
    return EXIT_INPUT if isinstance(exc, InputError) else EXIT_FAILED


def _say(text: str) -> None:
    """A line on stderr; a closed terminal (SIGHUP) or pipe must not turn it into a crash."""
    try:
        print(text, file=sys.stderr, flush=True)
    except (OSError, ValueError):
        pass


def _error(exc: Any) -> None:
    _say(f"plume generate: {exc.message}")
    if exc.hint:
        _say(f"  → {exc.hint}")


def _generate(args: argparse.Namespace, stops: Any) -> int:
    from app.application import Plume
    from app.commands._generate_view import Console, Journal, orphaned_journals
    from app.core.cancel import CancelToken
    from app.core.errors import ExportError, InputError
    from app.core.export.files import check_folder
    from app.core.generation.events import (
        ArticleReady,
        Failed,
        PhaseStarted,
        ReviewReady,
        TextDelta,
    )
    from app.core.llm.thinking import wants_thinking

    plume = Plume.open()
    for left in orphaned_journals():
        _say(f"plume generate: an earlier run was stopped before it could save; its text is "
             f"in {left}")
    brief = _brief(args, plume)
    auto_terms = bool(args.terms) and args.terms.strip().lower() == "auto"
    terms = plume.terms(args.terms, brief) if args.terms and not auto_terms else []
    if args.links:
        _check_site(args.links, args.max_links)
    formats = list(plume.formats(str(args.format)))
    preset = plume.preset(args.preset)
    try:
        check_folder(args.out)          # before the model is asked anything, not after
    except ExportError as exc:
        raise InputError(f"Cannot save articles in {args.out}: {exc.message}",
                         hint=f"{exc.hint} (--out DIR)") from None
    think: bool | str | None = plume.settings.think
    if args.think:
        think = {"off": False, "on": True}.get(args.think, args.think)
    cancel = CancelToken()
    stops.on_stop = cancel.cancel
    journal = Journal(brief.keyword)
    with plume.connection(args.host).open() as service:
        warning = getattr(service, "warning", None)    # a token in clear on the internet
        if warning:
            _say(f"plume generate: {warning}")
        model = plume.model(args.model) or _best_installed(service)
        info = service.show(model)
        if not info.can_complete:
            raise InputError(f"'{model}' cannot write text (capabilities: "
                             f"{', '.join(sorted(info.capabilities))}).",
                             hint="Pick another model.")
        if wants_thinking(think) and not info.can_think:
            if args.think:
                _say(f"plume generate: '{model}' cannot think; --think is ignored.")
            think = None
        if terms:
            brief = brief.with_(terms=tuple(t.text for t in terms))
        if args.links:                    # pages to link to, named while writing
            from app.application.site import link_targets

            brief = brief.with_(terms=(*brief.terms, *link_targets(args.links, brief)))
        generator = plume.generator(service, model, think=think, num_ctx=args.num_ctx,
                                    temperature=args.temperature, seed=args.seed,
                                    review=False if args.no_review else None)
        console = Console(sys.stdout, sys.stderr, show_text=not args.quiet,
                          show_thinking=args.show_thinking)
        outcome: ArticleReady | Failed | None = None
        reviewed: Any = None
        stops.interrupting = False   # from here a stop is handled: what was written is saved
        chosen: list[Any] = list(terms)

        def propose(plan: Any) -> tuple[str, ...]:   # --terms auto: at outline time
            from app.commands.terms_view import proposal_lines
            from app.core.terms.propose import plan_text

            proposal = plume.propose_terms(service, model, brief, think=think, site=args.links,
                                           context=[plan_text(plan, brief)])
            chosen[:] = proposal.terms
            for line in proposal_lines(proposal):
                console.say(line)
            return tuple(t.text for t in proposal.terms)

        events = (_terms_at_outline(generator, brief, cancel, propose) if auto_terms
                  else generator.generate(brief, cancel))
        try:
            console.start(model, service.host)
            for event in events:
                console.show(event)
                if isinstance(event, TextDelta):
                    journal.add(event.text)
                elif isinstance(event, PhaseStarted):
                    journal.flush()
                if isinstance(event, ArticleReady | Failed):
                    outcome = event
                if isinstance(event, ReviewReady):
                    reviewed = event.result
        finally:
            console.finish()
            journal.flush()
    code, saved = _conclude(args, outcome, reviewed, formats, preset, stops, console,
                            terms=chosen, plume=plume)
    if saved:
        journal.discard()
    return code


def _terms_at_outline(generator: Any, brief: Any, cancel: Any,
                      propose: Any) -> Iterator[Any]:
    """The run's events, with the topic terms chosen once the plan is known (`propose(plan)`
    → the terms), so the sections are written with them and the review looks for them."""
    from app.core.generation.events import PlanReady

    plan = None
    for event in generator.plan(brief, cancel):
        yield event
        if isinstance(event, PlanReady):
            plan = event.plan
    if plan is not None:
        yield from generator.write(brief.with_(terms=(*brief.terms, *propose(plan))), plan,
                                   cancel)


def _conclude(args: argparse.Namespace, outcome: Any, reviewed: Any, formats: list[str],
              preset: str, stops: Any, console: Any, *, terms: Any = (),
              plume: Any = None) -> tuple[int, bool]:
    """Save what the run produced (complete or partial) and say where: (exit code, whether
    the text is safely saved somewhere)."""
    from app.core.errors import Cancelled, ModelNotFound, OllamaUnavailable
    from app.core.generation.events import ArticleReady

    if isinstance(outcome, ArticleReady):
        if reviewed is not None:
            from app.core.review.messages import summary_lines

            for line in summary_lines(reviewed):
                console.say(line)
        article = outcome.article
        if args.links and plume is not None:
            article = _add_links(article, args.links, args.max_links, plume, console,
                                 [t.text for t in terms])
        if terms:
            from app.commands.terms_view import coverage_lines

            for line in coverage_lines(article, terms):
                console.say(line)
        paths, saved_where_asked = _keep(article, args.out, formats, preset, console)
        if stops.stopped:
            # Stopped after the draft was complete (during the self-review): the article is
            # whole, so it is saved under its normal name with the fixes kept so far.
            console.say(_review_stopped_message(reviewed, paths, stops.name))
            console.say("Stopped.")
            return stops.code, bool(paths)
        return (0 if saved_where_asked else EXIT_FAILED), bool(paths)
    if outcome is None:
        return (stops.code if stops.stopped else EXIT_FAILED), False
    error = outcome.error
    partial = outcome.partial
    saved = True
    if partial is not None and partial.body.split():
        partial.slug = f"{partial.slug or 'article'}-partial"
        partial.extra["draft"] = True
        paths, _ = _keep(partial, args.out, ["md"], preset, console, partial=True)
        saved = bool(paths)
    if isinstance(error, Cancelled):
        console.say("Stopped.")
        return stops.code, saved
    _error(error)
    if isinstance(error, OllamaUnavailable):
        return EXIT_UNAVAILABLE, saved
    return (EXIT_NO_MODEL if isinstance(error, ModelNotFound) else EXIT_FAILED), saved


def _check_site(site: str, max_links: int) -> None:
    """A missing profile or a bad cap is said before any writing."""
    from app.application.site import check_profile
    from app.core.errors import InputError

    if not 1 <= max_links <= 20:
        raise InputError(f"--max-links {max_links} is out of range.", hint="Use 1 to 20.")
    check_profile(site)


def _add_links(article: Any, site: str, max_links: int, plume: Any, console: Any,
               terms: list[str]) -> Any:
    from app.application.site import link_suggestions, with_links, with_related_reading

    own_url = plume.article_url(article)
    suggestions = link_suggestions(article, site, own_url=own_url, limit=max_links)
    article, related = with_related_reading(with_links(article, suggestions), site,
                                            own_url=own_url, cap=max_links, terms=terms)
    for s in suggestions:
        console.say(f"Link: “{s.anchor}” → {s.href} ({s.title})")
    for s in related:
        console.say(f"Link (read also): “{s.anchor}” → {s.href}")
    if not suggestions and not related:
        console.say(f"No page of '{site}' in this language is on topic: no internal link added.")
    return article


def _keep(article: Any, folder: Path, formats: list[str], preset: str, console: Any, *,
          partial: bool = False) -> tuple[list[Path], bool]:
    """Save in --out, else in the recovery folder (said, with why); as a last resort print
    the Markdown on stderr. Returns (paths, saved in --out)."""
    from app.commands._generate_view import keep
    from app.core.errors import PlumeError
    from app.core.export.markdown import to_markdown

    try:
        kept = keep(article, folder, formats, preset)
    except PlumeError as exc:
        console.say(f"plume generate: could not save the article anywhere: {exc.message}")
        console.say("Here it is; copy it before closing this terminal:\n")
        console.say(to_markdown(article, preset))
        return [], False
    if kept.error is not None:
        console.say(f"plume generate: could not save in {folder}: {kept.error.message}")
        what = "The text written so far" if partial else "The article"
        for path in kept.paths:
            console.say(f"{what} is kept in {path} (Plume's recovery folder): move it where "
                        "you want it.")
        if kept.error.hint:
            console.say(f"  → {kept.error.hint}")
        return kept.paths, False
    for path in kept.paths:
        console.say(f"What was written is kept in {path}" if partial else f"Saved {path}")
    return kept.paths, True


def _review_stopped_message(reviewed: Any, paths: list[Path], how: str = "Ctrl+C") -> str:
    """What a writer needs to know after a stop during the review: what the file holds."""
    where = str(paths[0]) if paths else "the output folder"
    if reviewed is None:
        return (f"Stopped by {how} once the draft was complete: it is saved as written in "
                f"{where} (not self-reviewed).")
    kept = len(reviewed.fixes)
    if not kept:
        return (f"Self-review stopped by {how} before any fix was kept: the complete draft is "
                f"saved as written in {where}.")
    fixes = "1 fix" if kept == 1 else f"{kept} fixes"
    return (f"Self-review stopped by {how}: the complete article is saved in {where} with the "
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

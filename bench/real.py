"""Plume against a real model: a fixed list of keywords, one table of what came out.

    python -m bench.real                         # $PLUME_REAL_OLLAMA or the shared 270M model
    python -m bench.real --host http://127.0.0.1:11434 --model qwen3:4b
    python -m bench.real --only 2 --no-review

Each keyword goes through the real flow (plan → introduction → sections → FAQ → self-review)
as `plume generate` runs it. Columns:

wall      seconds from the first request to the finished article
model     seconds Plume waited on the server's answers (sum over calls)
plume     CPU seconds of this process during the run: Plume's own time (budget ≤ 5 % of wall)
tokens    output tokens the model generated (all calls, review included)
kept      share of the characters the model generated that end up in the article: each
          answer counts by the share of its 3-word runs found in the final title, meta and
          body (text Plume wrote itself, such as a heading from the brief, is not counted)
H1/H2     heading counts · meta: meta description length · slug: lowercase ASCII
words     words of the body (headings aside) vs the target (±30 %)
lang      share of paragraphs written in the asked language
echo      paragraphs carrying five words in a row of a prompt template
SEO/read  scores before → after the self-review
notes     retries, flags and fallbacks the flow reported

Not part of `make test`: it needs a real server (see ../shared/realmodel/README.md).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field

from app.core.analysis.language import language_share
from app.core.generation.events import ArticleReady, Failed, Metrics, Notice, ReviewReady
from app.core.models import Article, Brief, Language
from app.core.resources import resource_path
from app.core.textutil import count_words as word_count

DEFAULT_HOST = "http://127.0.0.1:11435"
DEFAULT_MODEL = "gemma3:270m"
KEYWORDS = (
    ("vélo électrique pliant", "fr", 600),
    ("compost maison", "fr", 300),
    ("isolation des combles", "fr", 800),
    ("pâte à crêpes", "fr", 300),
    ("standing desk", "en", 600),
    ("best hiking boots", "en", 300),
    ("home coffee roasting", "en", 800),
    ("vegetable garden for beginners", "en", 300),
)
_ASCII_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Row:
    keyword: str
    lang: str
    target: int
    wall: float = 0.0
    model: float = 0.0
    plume: float = 0.0
    tokens: int = 0
    generated: int = 0
    article: Article | None = None
    seo: tuple[int, int] = (0, 0)
    read: tuple[int, int] = (0, 0)
    notes: Counter[str] = field(default_factory=Counter)
    steps: Counter[str] = field(default_factory=Counter)   # characters generated per kind of step
    answers: list[str] = field(default_factory=list)       # every answer the model streamed
    calls: list[tuple[str, str]] = field(default_factory=list)   # (step, how it ended) per answer
    error: str = ""

    def kept(self) -> tuple[float, float]:
        """(characters of the answers found in the article, characters generated)."""
        found = self.kept_per_answer()
        return sum(found), float(sum(len(a) for a in self.answers)) if self.article else 0.0

    def kept_per_answer(self) -> list[float]:
        if self.article is None:
            return [0.0] * len(self.answers)
        final = _runs(f"{self.article.title}\n{self.article.meta_description}\n{self.article.body}")
        found = []
        for answer in self.answers:
            runs = _run_list(answer)
            found.append(len(answer) * sum(r in final for r in runs) / len(runs) if runs else 0.0)
        return found

    def kept_by_step(self) -> dict[str, tuple[float, int]]:
        """Per kind of step: (characters kept, characters generated)."""
        by: dict[str, tuple[float, int]] = {}
        for (step, _), answer, found in zip(self.calls, self.answers, self.kept_per_answer(), strict=False):
            kind = re.sub(r"\s*\d+$", "", step) or "?"
            kept, total = by.get(kind, (0.0, 0))
            by[kind] = (kept + found, total + len(answer))
        return by


def _run_list(text: str) -> list[tuple[str, ...]]:
    words = re.findall(r"[^\W_]+", text.lower())
    return [tuple(words[i:i + 3]) for i in range(len(words) - 2)]


def _runs(text: str) -> set[tuple[str, ...]]:
    return set(_run_list(text))


class Recording:
    """The service, with every streamed answer kept (`answers`) for the kept column."""

    def __init__(self, service: object) -> None:
        self._service = service
        self.answers: list[str] = []

    def __getattr__(self, name: str) -> object:
        return getattr(self._service, name)

    def chat_stream(self, *args: object, **kwargs: object) -> object:
        if len(args) > 1 and not args[1]:     # the load call (no messages): no answer, no step
            return (yield from self._service.chat_stream(*args, **kwargs))  # type: ignore[attr-defined]
        parts: list[str] = []
        self.answers.append("")
        index = len(self.answers) - 1
        stream = self._service.chat_stream(*args, **kwargs)  # type: ignore[attr-defined]
        with contextlib.closing(stream):    # closing it disconnects, as the flow expects
            for chunk in stream:
                parts.append(chunk.content)
                self.answers[index] = "".join(parts)
                yield chunk

    def chat_json_stream(self, model: str, messages: object, schema: object, **kwargs: object) -> object:
        from app.core.llm.structured import json_stream

        return (yield from json_stream(self.chat_stream, model, messages, schema, **kwargs))  # type: ignore[arg-type]


def template_runs(lang: str, n: int = 5) -> set[tuple[str, ...]]:
    """Five-word runs of the fixed text of every prompt template of `lang`."""
    runs: set[tuple[str, ...]] = set()
    for path in resource_path("prompts", lang).glob("*.txt"):
        text = re.sub(r"\$\w+|\{\w+\}", " | ", path.read_text("utf-8"))
        for piece in text.split("|"):
            words = re.findall(r"[^\W_]+", piece.lower())
            runs.update(tuple(words[i:i + n]) for i in range(len(words) - n + 1))
    return runs


def paragraphs(body: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", body)
            if p.strip() and not p.lstrip().startswith("#")]


ECHOED: list[str] = []   # the runs found, printed under the table


def echoes(body: str, runs: set[tuple[str, ...]]) -> int:
    count = 0
    for para in paragraphs(body):
        words = re.findall(r"[^\W_]+", para.lower())
        found = [" ".join(words[i:i + 5]) for i in range(len(words) - 4) if tuple(words[i:i + 5]) in runs]
        count += bool(found)
        ECHOED.extend(found[:1])
    return count


def run_one(service: object, model: str, keyword: str, lang: str, target: int, review: bool) -> Row:
    from app.core.generation.pipeline import ArticleGenerator
    from app.core.review.generator import ReviewingGenerator

    row = Row(keyword, lang, target)
    brief = Brief(keyword, Language(lang), target_words=target)
    recording = Recording(service)
    row.answers = recording.answers
    generator = ReviewingGenerator(ArticleGenerator(recording, model), enabled=review)  # type: ignore[arg-type]
    wall0, cpu0 = time.monotonic(), time.process_time()
    for event in generator.generate(brief):
        if isinstance(event, Metrics):
            row.model += event.wall_seconds
            row.tokens += event.output_tokens
            row.generated += event.chars
            row.steps[re.sub(r"\s*\d+$", "", event.step) or "?"] += event.chars
            row.calls.append((event.step, event.done_reason))
        elif isinstance(event, Notice):
            problem = event.params.get("problem")
            row.notes[f"{event.code}:{problem}" if problem else event.code] += 1
        elif isinstance(event, ReviewReady):
            result = event.result
            row.seo = (result.before.seo_score, result.after.seo_score)
            row.read = (result.before.readability_score, result.after.readability_score)
        elif isinstance(event, ArticleReady):
            row.article = event.article
        elif isinstance(event, Failed):
            row.error = event.error.message
    row.wall = time.monotonic() - wall0
    row.plume = time.process_time() - cpu0
    return row


def line(row: Row) -> str:
    a = row.article
    if a is None:
        return f"| {row.keyword} | {row.lang} | {row.target} | {row.wall:.0f} | – | – | – | – | – | – | – | – | – | – | – | – | FAILED: {row.error} |"
    lines = a.body.splitlines()
    h1 = sum(x.startswith("# ") for x in lines)
    h2 = sum(x.startswith("## ") for x in lines)
    body_words = word_count("\n".join(x for x in lines if not x.startswith("#")))
    paras = paragraphs(a.body)
    right = sum(language_share(p, a.language) >= 0.5 for p in paras)
    found, generated = row.kept()
    notes = ", ".join(f"{k}×{v}" if v > 1 else k for k, v in sorted(row.notes.items())
                      if not k.startswith(("review.revision", "meta_description")))
    return (f"| {row.keyword} | {row.lang} | {row.target} | {row.wall:.0f} | {row.model:.0f} | "
            f"{row.plume:.2f} ({row.plume / row.wall:.1%}) | {row.tokens} | "
            f"{found / max(1.0, generated):.0%} | {h1}/{h2} | {len(a.meta_description)} | "
            f"{'ok' if _ASCII_SLUG.match(a.slug) else a.slug} | {body_words} "
            f"({body_words / row.target - 1:+.0%}) | {right}/{len(paras)} | "
            f"{echoes(a.body, template_runs(row.lang))} | {row.seo[0]}→{row.seo[1]} | "
            f"{row.read[0]}→{row.read[1]} | {notes or '–'} |")


def _dump(row: Row, folder: str) -> None:
    import json
    from pathlib import Path

    name = re.sub(r"\W+", "-", row.keyword)
    path = Path(folder) / f"{name}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    final = f"{row.article.title}\n{row.article.meta_description}\n{row.article.body}" if row.article else ""
    path.write_text(json.dumps({"calls": row.calls, "answers": row.answers, "kept": row.kept_per_answer(),
                                "final": final}, ensure_ascii=False, indent=1), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.real", description=__doc__.split("\n")[0])
    parser.add_argument("--host", default=os.environ.get("PLUME_REAL_OLLAMA", DEFAULT_HOST))
    parser.add_argument("--model", default=os.environ.get("PLUME_REAL_MODEL", DEFAULT_MODEL))
    parser.add_argument("--only", type=int, default=0, help="the first N keywords only")
    parser.add_argument("--no-review", action="store_true")
    parser.add_argument("--lang", choices=("fr", "en"), help="keywords of this language only")
    parser.add_argument("--steps", action="store_true", help="also print characters generated per step")
    parser.add_argument("--dump", metavar="DIR", help="write each keyword's answers, calls and article as JSON")
    args = parser.parse_args()

    from app.core.errors import PlumeError
    from app.core.llm.client import OllamaService

    service = OllamaService(args.host)
    try:
        service.show(args.model)
    except PlumeError as exc:
        print(f"skipped: no real model at {args.host} ({exc.message}); start ../shared/realmodel/start.sh "
              "or set PLUME_REAL_OLLAMA / PLUME_REAL_MODEL")
        return
    keywords = [k for k in KEYWORDS if not args.lang or k[1] == args.lang]
    keywords = keywords[:args.only] if args.only else keywords
    print(f"{args.model} on {args.host}, self-review {'off' if args.no_review else 'on'}\n")
    print("| keyword | lang | target | wall s | model s | plume s | tokens | kept | H1/H2 | meta | slug "
          "| words | lang ok | echo | SEO | read | notes |")
    print("|" + " --- |" * 17)
    rows = []
    for keyword, lang, target in keywords:
        row = run_one(service, args.model, keyword, lang, target, not args.no_review)
        rows.append(row)
        print(line(row), flush=True)
        if args.dump:
            _dump(row, args.dump)
        if args.steps:
            kept = row.kept_by_step()
            print("  generated (kept): " + ", ".join(
                      f"{k} {v} ({kept[k][0] / max(1, kept[k][1]):.0%})" if k in kept else f"{k} {v}"
                      for k, v in row.steps.most_common())
                  + " · review: " + ", ".join(f"{k}×{v}" for k, v in sorted(row.notes.items())
                                              if k.startswith("review")), flush=True)
    done = [r for r in rows if r.article is not None]
    if done:
        wall = sum(r.wall for r in rows)
        print(f"\n{len(done)}/{len(rows)} articles · wall {wall:.0f} s · Plume CPU "
              f"{sum(r.plume for r in rows) / wall:.1%} of wall · kept "
              f"{sum(r.kept()[0] for r in done) / max(1.0, sum(r.kept()[1] for r in done)):.0%} "
              "of generated characters")
    if ECHOED:
        print("echoed runs: " + "; ".join(f"“{run}”" for run in ECHOED))
    service.close()


if __name__ == "__main__":
    sys.exit(main())

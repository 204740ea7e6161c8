"""A model's prose made article text: what stays (`article_text`), what is wrong with an
answer (`vet_prose`), what a stream checks for drift, and the length carried between
sections (`words_behind`). Used by the ArticleGenerator (pipeline.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from app.core.analysis.language import language_share
from app.core.generation.assemble import clean_section
from app.core.generation.budget import ArticleShape
from app.core.generation.guards import EchoIndex, drop_code, drop_fragments, scrub, vet_subheadings
from app.core.generation.prompts import Messages, PromptBook, label
from app.core.generation.steps import CallResult
from app.core.models import Brief, Plan
from app.core.textutil import count_words

TAIL_CHARS = 400
LANGUAGE_SHARE = 0.6        # below this share of its language, a section is retried, then flagged
SHORT_SHARE = 0.35          # fewer words than this share of the target: flagged as short


def tail(text: str, limit: int = TAIL_CHARS) -> str:
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[-limit:]
    return cut.split(" ", 1)[1] if " " in cut else cut


def in_language(text: str, brief: Brief, *, share: float = 0.3, keep_all: bool = True) -> str:
    """`text` without the paragraphs plainly written in another language (a stray English
    paragraph in a French section); with `keep_all`, a text with nothing left is returned
    whole (a section mostly in another language is retried first)."""
    blocks = re.split(r"\n\s*\n", text)
    kept = [b for b in blocks if language_share(b, brief.language) >= share]
    return "\n\n".join(kept) if kept or not keep_all else text


def unseen(text: str, before: str) -> str:
    """The paragraphs of `text` that `before` does not already hold (a continuation that
    repeats what was written)."""
    seen = {" ".join(b.split()).lower() for b in re.split(r"\n\s*\n", before)}
    return "\n\n".join(b for b in re.split(r"\n\s*\n", text)
                        if b.strip() and " ".join(b.split()).lower() not in seen)


def words_behind(brief: Brief, plan: Plan, written: Sequence[str]) -> int:
    """Words the article is short of its plan so far (negative: words it is over): `written`
    holds the introduction and the first sections, as written (headings aside)."""
    planned = ArticleShape.for_brief(brief).intro_words + sum(
        s.words for s in plan.outline[:max(0, len(written) - 1)])
    got = sum(count_words("\n".join(x for x in part.split("\n") if not x.startswith("#")))
              for part in written)
    return planned - got


def article_text(text: str, brief: Brief, echo: EchoIndex | None, heading: str, small: bool,
                  one_section: bool = False, keep_all: bool = False, lead: str = "") -> str:
    """What of a model's prose stays article text: its echo of the prompt, markup debris,
    code and fragments (small models), stray headings and paragraphs in another language go
    (`keep_all`: see `in_language`). `lead`: the words the answer continues; they go with
    their line when what the model continued them with is not prose (code, markup)."""
    if lead and text.startswith(lead):
        first, _, rest = text[len(lead):].partition("\n")
        if not drop_fragments(drop_code(scrub(first, urls=small))).strip():
            text = rest
    text = clean_section(scrub(text, urls=small), heading)
    if echo is not None:
        text = echo.drop(text)
    if small:
        text = drop_fragments(drop_code(text))
    text = vet_subheadings(text)
    if one_section:   # an introduction: the headings the model wrote go, their text stays
        text = "\n".join(line for line in text.split("\n") if not line.lstrip().startswith("#")).strip()
    return in_language(text, brief, keep_all=keep_all)


def usable_text(book: PromptBook, heading: str, lead: str = "") -> Callable[[str], str]:
    """`article_text` for the drift check of a stream (steps.drifted); an echo is not
    drift (a model may restate the text before it and go on)."""
    return lambda text: article_text(text, book.brief, None, heading, book.compact, lead=lead)


def echo_of(messages: Messages, brief: Brief, lead: str = "") -> EchoIndex:
    """What the prompts said; the `lead` a prefilled answer ends with is the answer's own."""
    texts = [str(m.get("content") or "") for m in messages]
    if lead.strip() and texts and texts[-1].rstrip().endswith(lead.strip()):
        texts[-1] = texts[-1].rstrip()[:-len(lead.strip())]
    system = [t for m, t in zip(messages, texts, strict=True) if m.get("role") == "system"]
    openers = label(brief.language, "echo.openers").split("|")
    return EchoIndex.build(texts, brief.keyword, system, openers)


def vet_prose(result: CallResult, brief: Brief, echo: EchoIndex, words: int, heading: str,
               one_section: bool = False, small: bool = False, lead: str = "") -> tuple[str, str]:
    """(article text, problem) of a prose answer; `lead`: the words the answer continues
    (not the model's: with nothing after them, the answer is empty)."""
    raw = echo.drop(clean_section(scrub(result.text, urls=small), heading))
    text = article_text(result.text, brief, echo, heading, small, one_section, keep_all=True, lead=lead)
    if lead and count_words(text) <= count_words(lead):
        text = ""
    count = count_words(text)
    if not count:   # nothing left: because it was all in another language, or nothing came
        foreign = count_words(raw) and language_share(raw, brief.language) < LANGUAGE_SHARE
        return "", "language" if foreign else "empty"
    if language_share(text, brief.language) < LANGUAGE_SHARE:
        return text, "language"
    if count < words * SHORT_SHARE or (result.stopped == "loop" and count < words * 0.6):
        return text, "short"     # continued (not rewritten): what came is kept
    return text, ""

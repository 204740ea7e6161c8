"""Vet what the model planned: fields that are not article text are replaced from the brief.

A title or headline without the keyword, a meta description carrying JSON debris or the
prompt's own words, a heading such as "Level 1" or a copy of another one: each is replaced
(title and headline from the keyword, meta description padded by `fit_meta`, headings from
the language's generic outline) and reported, so an article is always written.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from app.core.analysis.language import language_share
from app.core.analysis.lexicon import lexicon
from app.core.analysis.text import fold
from app.core.generation.assemble import contains_keyword, normalise_for_match
from app.core.generation.guards import (
    EchoIndex,
    has_debris,
    junk_heading,
    loop_start,
    scrambled,
    scrub,
    shares_words,
    trim_to_sentence,
)
from app.core.generation.prompts import fallback_title, label
from app.core.limits import HEADING_LENGTH, TITLE_LENGTH, TITLE_MAX
from app.core.models import Brief, FaqItem, OutlineSection, Plan
from app.core.textutil import capitalize_first, truncate_words

GENERIC_HEADINGS = 5        # outline.0 … outline.4 in labels.json; outline.5 closes
CONCLUSION = "outline.5"


def _line_ok(text: str, echo: EchoIndex, *, minimum: int = 10, maximum: int = 0) -> bool:
    """Usable as a one-line field: long enough, not cut by the schema's `maximum` (a
    grammar stops a string mid-word there), no debris, no echo; a title-like field
    (`maximum` given) is not worded from the prompt either."""
    text = text.strip()
    cut = maximum and len(text) >= maximum - 1
    return (len(text) >= minimum and not cut and not has_debris(text) and not echo.echoed(text)
            and not (maximum and echo.worded_like_prompt(text)))


def _cuts_cleanly(title: str, brief: Brief) -> bool:
    """A title over the limit that still reads as a title once cut at a word boundary (not
    "… can help you to"): the cut keeps the keyword and ends on a content word."""
    cut = truncate_words(title, TITLE_MAX)
    last = fold(cut.rsplit(" ", 1)[-1].strip(".,;:!?-–—").lower())
    return contains_keyword(cut, brief.keyword, brief.language) and last not in lexicon(brief.language.value).function_words


def vet_fields(brief: Brief, plan: Plan, echo: EchoIndex) -> tuple[Plan, list[str]]:
    """Title, candidates, headline and meta description made usable; returns the fields
    that were replaced. (A meta description without the keyword is the review's to fix.)"""
    key = brief.keyword
    replaced: list[str] = []
    longest = TITLE_LENGTH[1]
    candidates = [c for c in plan.title_candidates if _line_ok(c, echo, maximum=longest)]
    with_key = [c for c in [plan.title, *candidates, plan.h1]
                if _line_ok(c, echo, maximum=longest) and contains_keyword(c, key, brief.language)
                and not scrambled(c, key)]
    fitting = [c for c in with_key if len(c) <= TITLE_MAX or _cuts_cleanly(c, brief)]
    title = fitting[0] if fitting else fallback_title(brief.language, key)
    if title != plan.title:
        replaced.append("title")
    h1 = plan.h1
    if not (_line_ok(h1, echo, maximum=longest) and shares_words(h1, key)) or scrambled(h1, key):
        h1 = title
        replaced.append("h1")
    meta = plan.meta_description
    if meta and not (_line_ok(meta, echo, minimum=40) and not echo.worded_like_prompt(meta)
                     and language_share(meta, brief.language) >= 0.5):
        meta = ""        # fit_meta writes one from the keyword
        replaced.append("meta_description")
    return replace(plan, title=title, h1=h1, meta_description=meta,
                   title_candidates=[c for c in candidates if c != title]), replaced


def vet_outline(brief: Brief, plan: Plan, echo: EchoIndex) -> list[OutlineSection]:
    """The usable sections of `plan`: no junk, no echo, no copy of the headline or of
    another section, in the article's language."""
    seen = {normalise_for_match(plan.h1), normalise_for_match(plan.title)}
    kept: list[OutlineSection] = []
    for section in plan.outline:
        key = normalise_for_match(section.heading)
        if (junk_heading(section.heading) or echo.echoed(section.heading) or key in seen
                or echo.worded_like_prompt(section.heading)
                or len(section.heading) >= HEADING_LENGTH[1] - 1
                or language_share(section.heading, brief.language) < 0.5):
            continue
        seen.add(key)
        notes = section.notes if _line_ok(section.notes, echo, minimum=3) else ""
        kept.append(replace(section, notes=notes))
    if kept and kept[0].level != 2:
        kept[0] = replace(kept[0], level=2)
    return kept


def fill_outline(brief: Brief, outline: list[OutlineSection], count: int) -> list[OutlineSection]:
    """`outline` completed to `count` sections from the language's generic headings (the
    closing one last when the brief wants a conclusion)."""
    key = brief.keyword
    values = {"keyword": key, "Keyword": capitalize_first(key)}
    names = [f"outline.{i}" for i in range(GENERIC_HEADINGS)]
    closing = label(brief.language, CONCLUSION, **values) if brief.options.conclusion else ""
    seen = {normalise_for_match(s.heading) for s in outline}
    filled = list(outline)
    for name in names:
        room = count - len(filled) - (1 if closing else 0)
        if room <= 0:
            break
        heading = label(brief.language, name, **values)
        if normalise_for_match(heading) not in seen:
            filled.append(OutlineSection(heading, 2, 0, ""))
            seen.add(normalise_for_match(heading))
    if closing and len(filled) < count and normalise_for_match(closing) not in seen:
        filled.append(OutlineSection(closing, 2, 0, ""))
    return filled


def vet_faq(brief: Brief, items: Iterable[FaqItem], echo: EchoIndex) -> list[FaqItem]:
    """Questions that are questions, answers in the article's language; no debris, echo
    or repeated question."""
    kept: list[FaqItem] = []
    seen: set[str] = set()
    for item in items:
        question = item.question.strip().rstrip(".:")
        answer = scrub(item.answer).strip()
        loop_at = loop_start(answer)
        if loop_at is not None:                    # "1.5Ah, 1.5Ah, 1.5Ah…": keep what came before
            answer = answer[:loop_at]
        answer = trim_to_sentence(answer)          # an answer the schema cut mid-sentence ends on its last whole one
        key = normalise_for_match(question)
        if (not question[:1].isalpha() or not _line_ok(question, echo)   # "... pour la voiture?", "47. 150 points ?"
                or not _line_ok(answer, echo, minimum=20)
                or key in seen or language_share(f"{question} {answer}", brief.language) < 0.5):
            continue
        seen.add(key)
        kept.append(FaqItem(question if question.endswith("?") else f"{question}?", answer))
    return kept

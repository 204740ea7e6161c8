"""Turn a plan + written sections into one Markdown article, and enforce its invariants.

Invariants (whatever the model did): one H1 at the top, an introduction paragraph right
after it, SEO title and meta description within app/core/limits.py, slug lowercase
ASCII with hyphens containing the keyword. What cannot be fixed without the model (keyword
missing from the title or the introduction) is reported as a Notice.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from app.core.analysis.keyphrase import parse_keyphrase, starts_with_phrase
from app.core.generation.events import Notice
from app.core.generation.prompts import heading_line, label
from app.core.limits import META_MAX, META_MIN, TITLE_MAX
from app.core.models import Article, Brief, FaqItem, Language, Plan
from app.core.textutil import fold_accents, slugify, truncate_words

# ATX headings as CommonMark reads them: up to three spaces of indentation before the #.
_H1 = re.compile(r"^ {0,3}#\s+", re.MULTILINE)
_H1_H2 = re.compile(r"^ {0,3}#{1,2}\s+", re.MULTILINE)
_HEADING = re.compile(r"^ {0,3}#{1,6}\s")


def normalise_for_match(text: str) -> str:
    """Case-, accent- and spacing-insensitive form used to look for the keyword."""
    folded = fold_accents(text).lower().replace("’", "'")
    return " ".join(re.sub(r"[^\w']+", " ", folded).split())


def contains_keyword(text: str, keyword: str, language: Language) -> bool:
    """The keyword as a phrase in `text` (case, accents, elided articles ignored), matched by
    the analysis' keyphrase matcher, so generation and the score agree."""
    if not keyword.strip():
        return False
    kp = parse_keyphrase(keyword, language.value)
    return starts_with_phrase(kp, text, language.value)[0]


def clean_section(markdown: str, heading: str = "") -> str:
    """Model output for a section body: no repeated heading at the top; the H1/H2 headings
    it wrote inside a section become H3 subsections (the outline owns the H2s), inside the
    introduction (no `heading`) H2 (a "Key takeaways" block)."""
    lines = markdown.strip("\n").splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    if lines and _HEADING.match(lines[0]) and _same_heading(lines[0], heading):
        lines.pop(0)
    text = "\n".join(lines).strip()
    return _H1_H2.sub("### ", text) if heading else _H1.sub("## ", text)


def _same_heading(line: str, heading: str) -> bool:
    first, wanted = normalise_for_match(line.lstrip("#")), normalise_for_match(heading)
    return bool(first) and (not wanted or first == wanted or first in wanted or wanted in first)


def intro_paragraph(body: str) -> str:
    """The first paragraph after the H1 (empty if a heading comes first)."""
    after = body.split("\n", 1)[1] if body.startswith("# ") and "\n" in body else body
    for block in after.strip().split("\n\n"):
        block = block.strip()
        if not block:
            continue
        return "" if _HEADING.match(block) else block
    return ""


def faq_markdown(language_brief: Brief, faq: list[FaqItem]) -> str:
    if not faq:
        return ""
    parts = [f"## {label(language_brief.language, 'faq_heading')}"]
    for item in faq:
        parts.append(f"### {item.question.strip()}\n\n{item.answer.strip()}")
    return "\n\n".join(parts)


def assemble(brief: Brief, plan: Plan, sections_markdown: list[str], faq: list[FaqItem],
             *, model: str = "") -> Article:
    """Build the article body.

    `sections_markdown[0]` is the introduction (its "# H1" line, as in SectionDone(0), is
    dropped: the H1 comes from the plan); `sections_markdown[i]` for
    i ≥ 1 is outline section i, with or without its heading line (added from the plan when
    missing). Missing trailing sections are simply absent (partial articles).
    """
    blocks = [f"# {plan.h1.strip() or plan.title.strip()}"]
    intro = sections_markdown[0].strip() if sections_markdown else ""
    if intro.startswith("# "):  # SectionDone(0).markdown carries the H1 line: it is ours
        intro = intro.split("\n", 1)[1].strip() if "\n" in intro else ""
    if intro:
        blocks.append(_H1.sub("## ", intro))
    for index, text in enumerate(sections_markdown[1:], start=1):
        text = text.strip()
        if not text:
            continue
        if not _HEADING.match(text) and index <= len(plan.outline):
            text = f"{heading_line(plan.outline[index - 1])}\n\n{text}"
        blocks.append(_H1.sub("## ", text))
    faq_md = faq_markdown(brief, faq)
    if faq_md:
        blocks.append(faq_md)
    return Article(
        keyword=brief.keyword, language=brief.language, title=plan.title,
        meta_description=plan.meta_description, slug=plan.slug, body="\n\n".join(blocks) + "\n",
        secondary_keywords=brief.secondary_keywords, faq=list(faq), model=model,
    )


def fit_title(title: str, keyword: str, language: Language, candidates: Sequence[str] = ()) -> str:
    title = " ".join(title.split())
    if len(title) <= TITLE_MAX:
        return title
    for candidate in candidates:
        if len(candidate) <= TITLE_MAX and contains_keyword(candidate, keyword, language):
            return candidate
    cut = truncate_words(title, TITLE_MAX)
    if contains_keyword(cut, keyword, language) or not contains_keyword(title, keyword, language):
        return cut
    return truncate_words(keyword[:1].upper() + keyword[1:], TITLE_MAX)


def fit_meta(meta: str, brief: Brief) -> str:
    """Trim at a word boundary, or pad with short, relevant sentences, into 120–156 chars."""
    meta = " ".join(meta.split())
    if len(meta) > META_MAX:
        meta = truncate_words(meta, META_MAX - 1).rstrip(" ,;:") + "."
        meta = meta if len(meta) <= META_MAX else truncate_words(meta, META_MAX)
    pads = [label(brief.language, f"pad.{i}", keyword=brief.keyword) for i in range(3)]
    if contains_keyword(meta, brief.keyword, brief.language):
        pads = pads[1:] + pads[:1]
    for pad in pads:
        if len(meta) >= META_MIN:
            break
        if meta and meta[-1] not in ".!?":
            meta += "."
        meta = f"{meta} {pad}".strip()
    if len(meta) > META_MAX:
        meta = truncate_words(meta, META_MAX)
    return meta


def enforce_plan(brief: Brief, plan: Plan) -> tuple[Plan, list[Notice]]:
    """Deterministic fixes to title, meta, slug and H1; notices for what stays wrong."""
    notices: list[Notice] = []
    title = fit_title(plan.title or plan.h1 or brief.keyword, brief.keyword, brief.language,
                      plan.title_candidates)
    if not contains_keyword(title, brief.keyword, brief.language):
        notices.append(Notice("keyword_missing_in_title", {"keyword": brief.keyword, "title": title}))
    meta = plan.meta_description
    if not META_MIN <= len(meta) <= META_MAX:
        fixed = fit_meta(meta, brief)
        notices.append(Notice("meta_description_adjusted", {"before": len(meta), "after": len(fixed)}))
        meta = fixed
    slug = slugify(plan.slug) or slugify(brief.keyword)
    key_slug = slugify(brief.keyword)
    if key_slug and key_slug not in slug:
        notices.append(Notice("slug_rebuilt_from_keyword", {"before": slug, "after": key_slug}))
        slug = key_slug
    h1 = plan.h1.strip() or title
    return replace(plan, title=title, meta_description=meta, slug=slug, h1=h1), notices


def enforce_invariants(article: Article) -> tuple[Article, list[Notice]]:
    """Apply every invariant to a finished (possibly edited) article; reusable by batch/review."""
    brief = Brief(keyword=article.keyword, language=article.language,
                  secondary_keywords=article.secondary_keywords)
    plan = Plan(title=article.title, meta_description=article.meta_description, slug=article.slug,
                h1=article.h1 or article.title)
    plan, notices = enforce_plan(brief, plan)
    body = _single_h1(article.body, plan.h1)
    intro = intro_paragraph(body)
    if not intro:
        notices.append(Notice("introduction_missing", {}))
    elif not contains_keyword(intro, article.keyword, article.language):
        notices.append(Notice("keyword_missing_in_intro", {"keyword": article.keyword}))
    fixed = replace(article, title=plan.title, meta_description=plan.meta_description,
                    slug=plan.slug, body=body)
    return fixed, notices


def _single_h1(body: str, h1: str) -> str:
    lines = body.strip("\n").splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines or not lines[0].startswith("# "):
        lines = [f"# {h1}", ""] + lines
    rest = "\n".join(lines[1:])
    return lines[0] + "\n" + _H1.sub("## ", rest).rstrip() + "\n"

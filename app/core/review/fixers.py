"""Deterministic fixes: what Plume can repair without asking the model.

Each fixer takes an article and returns the `Fix` it would make, or None when there is
nothing to do. They never invent facts: they move, trim or reuse the article's own text
(plus one short fixed sentence per language for a missing keyphrase in the introduction).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace

from app.core.analysis.arial import text_width
from app.core.analysis.readability import PARAGRAPH_MAX_WORDS
from app.core.analysis.snippet import TITLE_PX, TITLE_SIZE
from app.core.export.structure import is_faq_heading
from app.core.languages import pack
from app.core.limits import META_MAX, META_MIN, TITLE_MAX
from app.core.models import Article, FaqItem, Language
from app.core.review import document as doc
from app.core.review import keyphrase as kp
from app.core.review.fixes import Fix, get_field
from app.core.review.plain import lower_first, plain_text
from app.core.review.typography import fix_french_typography
from app.core.textutil import capitalize_first, fold_accents, slugify, truncate_words

SUBHEADING_MIN, SUBHEADING_MAX = 0.30, 0.75
_TRAILING = re.compile(r"[\s,;:\-–—|/(«\"]+$")


def _fix(fix_id: str, code: str, article: Article, field: str, after: str, **params: object) -> Fix:
    return Fix(fix_id, code, field, get_field(article, field), after,  # type: ignore[arg-type]
               params=dict(params))


def _intro_sentence(keyword: str, language: Language) -> str:
    """The language pack's sentence that opens an introduction with the keyphrase."""
    template = str(pack(language.value).review.get("intro_sentence", "{Kw}."))
    return template.format(Kw=capitalize_first(keyword))


def _trim_dangling(text: str, language: Language) -> str:
    """Drop trailing punctuation and function words left by a cut ("le guide du" -> "le guide")."""
    stop = kp.function_words(language)
    words = _TRAILING.sub("", text).split(" ")
    while len(words) > 1 and fold_accents(words[-1].lower()).strip("'’") in stop:
        words.pop()
    return _TRAILING.sub("", " ".join(words))


# ---- H1


def fix_h1(article: Article) -> Fix | None:
    lines = article.body.split("\n")
    h1_lines = [n for n, level, _ in doc.headings(article.body) if level == 1]
    if len(h1_lines) == 1:
        return None
    if not h1_lines:
        text = article.title.split(" | ")[0].strip() or capitalize_first(article.keyword)
        body = f"# {text}\n\n{article.body.lstrip(chr(10))}"
        return _fix("h1", "review.h1.added", article, "body", body, h1=text)
    for n in h1_lines[1:]:
        lines[n] = "#" + lines[n]
    return _fix("h1", "review.h1.demoted", article, "body", "\n".join(lines),
                count=len(h1_lines) - 1)


# ---- Title


def fix_title(article: Article) -> Fix | None:
    keyword, language = article.keyword.strip(), article.language
    title = " ".join(article.title.split()) or article.h1 or capitalize_first(keyword)
    changes = []
    if keyword and not kp.starts_with(title, keyword, language):
        changes.append("keyword_at_start")
        title = _title_with_keyword_first(title, keyword, language)
    limit = TITLE_MAX
    while limit > 20 and (len(title) > limit or text_width(title, TITLE_SIZE) > TITLE_PX):
        if "shortened" not in changes:
            changes.append("shortened")
        title = _trim_dangling(truncate_words(title, limit), language)
        limit -= 4
    if title == article.title:
        return None
    return _fix("title", "review.title." + "+".join(changes or ["normalised"]), article,
                "title", title, chars=len(title))


def _title_with_keyword_first(title: str, keyword: str, language: Language) -> str:
    folded, key = fold_accents(title).lower(), fold_accents(keyword).lower()
    at = folded.rfind(key)
    if at > 0 and at + len(key) >= len(folded.rstrip(" .!?")):
        rest = _trim_dangling(title[:at], language)        # "Le guide du compost" -> "Le guide"
    elif at > 0 or kp.contains(title, keyword, language):
        return title                                       # keyword already inside: keep the wording
    else:
        rest = title
    head = capitalize_first(keyword)
    if not rest.strip():
        return head
    lp = pack(language.value)
    rest = lower_first(rest) if lp.review.get("lower_after_separator") else rest
    return head + lp.typography.title_separator + rest


# ---- Meta description


def fix_meta_description(article: Article) -> Fix | None:
    keyword, language = article.keyword, article.language
    meta = " ".join(article.meta_description.split())
    hits = [s for s in kp.sentences(meta) if kp.contains(s, keyword, language)]
    if META_MIN <= len(meta) <= META_MAX and 1 <= len(hits) <= 2:
        return None
    new = _build_meta(meta, article)
    if not new or new == article.meta_description:
        return None
    reason = ("empty" if not meta else "too_long" if len(meta) > META_MAX
              else "too_short" if len(meta) < META_MIN else "keyword")
    return _fix("meta_description", f"review.meta_description.{reason}", article,
                "meta_description", new, chars=len(new), was=len(meta))


def _build_meta(meta: str, article: Article) -> str:
    keyword, language = article.keyword, article.language
    intro, rest = _intro_and_rest(article)
    own = kp.sentences(meta)
    borrowed = kp.sentences(intro) + [s for p in rest for s in kp.sentences(p)[:1]]
    template = _intro_sentence(keyword, language)
    borrowed = [s for s in borrowed if len(s) >= 20 and s.rstrip("»”\"'")[-1:] in ".!?…"]
    pool = [s for s in dict.fromkeys(own + borrowed) if s != template]
    anywhere = pool + [s for p in rest for s in kp.sentences(p)[1:]]
    lead = next((s for s in anywhere if kp.contains(s, keyword, language)
                 and (s in own or 40 <= len(s) <= META_MAX - 20)), template)
    chosen, hits = [lead], 1
    for sentence in pool:                      # whole sentences first
        text = " ".join(chosen)
        if len(text) >= META_MIN:
            break
        has_kw = kp.contains(sentence, keyword, language)
        if sentence in chosen or (has_kw and hits >= 2):
            continue
        if len(text) + 1 + len(sentence) <= META_MAX:
            chosen.append(sentence)
            hits += has_kw
    for sentence in pool:                      # then one sentence cut at a word boundary
        text = " ".join(chosen)
        if len(text) >= META_MIN:
            break
        if sentence in chosen or (kp.contains(sentence, keyword, language) and hits >= 2):
            continue
        cut = truncate_words(sentence, META_MAX - len(text) - 1, "…")
        if len(text) + 1 + len(cut) >= META_MIN:
            chosen.append(cut)
    return " ".join(chosen)


def _intro_and_rest(article: Article) -> tuple[str, list[str]]:
    """Plain text of the introduction paragraph(s) and of the other paragraphs."""
    texts = []
    for section in doc.split(article.body):
        for start, end in doc.paragraphs(section.text):
            texts.append((section.index, plain_text(section.text[start:end])))
    intro = " ".join(t for i, t in texts if i == 0)
    return intro, [t for i, t in texts if i != 0]


# ---- Slug


def fix_slug(article: Article) -> Fix | None:
    wanted = slugify(article.keyword)
    if not wanted:
        return None
    slug_words = article.slug.split("-")
    key_stems = set(kp.content_stems(article.keyword.replace("-", " "), article.language))
    have = set(kp.content_stems(" ".join(slug_words), article.language))
    needed = len(key_stems) if len(key_stems) <= 2 else len(key_stems) // 2 + 1
    if article.slug and len(key_stems & have) >= needed and len(article.slug) <= 75:
        return None
    return _fix("slug", "review.slug.from_keyword", article, "slug", wanted)


# ---- Keyphrase in the introduction


def fix_intro_keyword(article: Article) -> Fix | None:
    keyword, language = article.keyword, article.language
    if not keyword.strip():
        return None
    intro = doc.split(article.body)[0]
    spans = [(s, e) for s, e in doc.paragraphs(intro.text) if not _is_non_prose(intro.text[s:e])]
    sentence = _intro_sentence(keyword, language)
    if spans:
        start, end = spans[0]
        paragraph = intro.text[start:end]
        if any(kp.contains(s, keyword, language) for s in kp.sentences(plain_text(paragraph))):
            return None
        # First in the paragraph: it stays in the introduction even if the paragraph is split;
        # its own paragraph when it would push this one past the paragraph-length limit.
        joint = "\n\n" if len((sentence + " " + paragraph).split()) > PARAGRAPH_MAX_WORDS else " "
        new_intro = intro.text[:start] + sentence + joint + intro.text[start:]
    else:
        lines = intro.text.split("\n")
        at = next((n + 1 for n, line in enumerate(lines) if line.startswith("# ")), 0)
        new_intro = "\n".join(lines[:at] + ["", sentence, ""] + lines[at:])
        new_intro = re.sub(r"\n{3,}", "\n\n", new_intro)
    body = doc.replace_section(article.body, 0, new_intro)
    return Fix("intro", "review.intro.keyword_added", "body", article.body, body, section=0,
               params={"sentence": sentence})


def _is_non_prose(paragraph: str) -> bool:
    return paragraph.lstrip().startswith(("|", "!", "<", ">", "- ", "* ", "1."))


# ---- Keyphrase in subheadings


def faq_section(article: Article) -> int | None:
    questions = {q.question.strip().lower() for q in article.faq}
    for section in doc.split(article.body)[1:]:
        if is_faq_heading(section.heading):
            return section.index
        inner = {text.lower() for _, level, text in doc.headings(section.text) if level == 3}
        if questions and questions & inner:
            return section.index
    return None


def _heading_matches(heading: str, keyword: str, language: Language) -> bool:
    stems = set(kp.content_stems(keyword, language))
    need = 2 if len(stems) == 2 else len(stems) // 2 + 1
    return len(stems & set(kp.content_stems(heading, language))) >= need


def fix_subheadings(article: Article) -> Fix | None:
    keyword, language = article.keyword.strip(), article.language
    faq = faq_section(article)
    lines = article.body.split("\n")
    faq_lines = set()
    if faq is not None:
        sections = doc.split(article.body)
        first = sum(s.text.count("\n") for s in sections[:faq])
        faq_lines = set(range(first, first + sections[faq].text.count("\n") + 1))
    subheadings = [(n, text) for n, level, text in doc.headings(article.body) if level in (2, 3)]
    if not subheadings or not keyword:
        return None
    matching = sum(_heading_matches(t, keyword, language) for _, t in subheadings)
    wanted = math.ceil(SUBHEADING_MIN * len(subheadings))
    if len(subheadings) == 1 or matching >= wanted:
        return None
    changed = []
    for n, text in subheadings:
        if matching >= wanted:
            break
        if n in faq_lines or _heading_matches(text, keyword, language):
            continue
        new_text = _complete_heading(text, keyword, language)
        if new_text and _heading_matches(new_text, keyword, language):
            lines[n] = lines[n].replace(text, new_text, 1)
            changed.append(new_text)
            matching += 1
    if not changed:
        return None
    return _fix("subheadings", "review.subheadings.keyword_added", article, "body",
                "\n".join(lines), headings=changed)


def _complete_heading(heading: str, keyword: str, language: Language) -> str | None:
    """Put the whole keyphrase where the heading already has its head word:
    "Choisir son bac à compost" + "compost maison" -> "Choisir son bac à compost maison"."""
    key_words = keyword.split()
    stop = kp.function_words(language)
    if any(fold_accents(w.lower()) in stop for w in key_words) or len(key_words) > 3:
        return None  # not a compact noun phrase: no natural place for it
    head = key_words[0] if pack(language.value).review.get("head_word") == "first" else key_words[-1]
    pattern = re.compile(rf"(?<![\w’']){re.escape(head)}(?![\w’'])", re.IGNORECASE)
    match = pattern.search(heading)
    if match is None:
        return None
    phrase = keyword if match.group(0)[:1].islower() else capitalize_first(keyword)
    return heading[:match.start()] + phrase + heading[match.end():]


# ---- French typography


def fix_typography(article: Article) -> list[Fix]:
    if pack(article.language.value).typography.lint != "french":
        return []
    fixes = []
    for name in ("title", "meta_description"):
        value = getattr(article, name)
        new = fix_french_typography(value)
        if new != value:
            fixes.append(_fix(f"typography-{name}", "review.typography.fixed", article, name, new))
    body = fix_french_typography(article.body)
    if body != article.body:
        fixes.append(_fix("typography-body", "review.typography.fixed", article, "body", body))
    if article.faq:
        items = [FaqItem(fix_french_typography(i.question), fix_french_typography(i.answer))
                 for i in article.faq]
        if items != article.faq:
            after = get_field(replace(article, faq=items), "faq")
            fixes.append(_fix("typography-faq", "review.typography.fixed", article, "faq", after))
    return fixes


# ---- Long paragraphs

_SENTENCE_END = re.compile(r"(?<=[.!?…»”\"])[ \t]+(?=[\w«“\"(*_\[])", re.UNICODE)


def _split_paragraph(paragraph: str, limit: int) -> list[str]:
    """Cut at the sentence end nearest the middle, again while a piece is over `limit` words."""
    words = len(paragraph.split())
    if words <= limit or "\n" in paragraph.strip():
        return [paragraph]
    cuts = [m for m in _SENTENCE_END.finditer(paragraph)
            if m.start() > 0 and m.end() < len(paragraph)]
    if not cuts:
        return [paragraph]
    middle = words / 2
    best = min(cuts, key=lambda m: abs(len(paragraph[:m.start()].split()) - middle))
    head, tail = paragraph[:best.start()].rstrip(), paragraph[best.end():].lstrip()
    return _split_paragraph(head, limit) + _split_paragraph(tail, limit)


def fix_long_paragraphs(article: Article) -> Fix | None:
    """Split paragraphs over the length limit at sentence ends (no word is changed)."""
    body, parts, last, split = article.body, [], 0, 0
    for start, end in doc.paragraphs(body):
        paragraph = body[start:end]
        if _is_non_prose(paragraph) or len(paragraph.split()) <= PARAGRAPH_MAX_WORDS:
            continue
        pieces = _split_paragraph(paragraph, PARAGRAPH_MAX_WORDS)
        if len(pieces) < 2:
            continue
        parts += [body[last:start], "\n\n".join(pieces)]
        last, split = end, split + 1
    if not split:
        return None
    new_body = "".join(parts) + body[last:]
    return _fix("paragraphs", "review.paragraphs.split", article, "body", new_body, count=split)


# ---- Slug cleanup


def fix_slug_format(article: Article) -> Fix | None:
    """A slug with capitals, accents, spaces or doubled dashes, cleaned (its words kept)."""
    clean = slugify(article.slug)
    if not article.slug or not clean or clean == article.slug:
        return None
    return _fix("slug", "review.slug.cleaned", article, "slug", clean)


def fix_slug_all(article: Article) -> Fix | None:
    return fix_slug(article) or fix_slug_format(article)


DETERMINISTIC: tuple[Callable[[Article], Fix | None], ...] = (
    fix_h1, fix_slug, fix_intro_keyword, fix_subheadings, fix_title, fix_meta_description,
)

# The rule fixes a writer can ask for from one check of the score panel ("Fix").
BY_CHECK: dict[str, Callable[[Article], Fix | None]] = {
    "single_h1": fix_h1,
    "keyphrase_in_slug": fix_slug_all,
    "keyphrase_in_introduction": fix_intro_keyword,
    "keyphrase_in_subheadings": fix_subheadings,
    "keyphrase_in_title": fix_title,
    "title_width": fix_title,
    "meta_description_length": fix_meta_description,
    "keyphrase_in_meta_description": fix_meta_description,
    "paragraph_length": fix_long_paragraphs,
}
FIXABLE_CHECKS = frozenset(BY_CHECK) | {"french_typography"}
# Results of those checks that no rule can repair (too many keyphrase subheadings, no
# subheadings at all, no keyphrase in the brief, no text): no "Fix" is offered for them.
UNFIXABLE_CODES = frozenset({
    "keyphrase_in_subheadings.too_many", "keyphrase_in_subheadings.no_subheadings",
    "keyphrase_in_introduction.no_text",
} | {f"{check}.no_keyphrase" for check in BY_CHECK})


def fixes_for_check(article: Article, check_id: str) -> list[Fix]:
    """What "Fix" does for one check: the rule fixes that apply now (none: nothing to do).
    Several fixes of one field are chained, each on the text the previous one left."""
    if check_id == "french_typography":
        return fix_typography(article)
    fixer = BY_CHECK.get(check_id)
    fix = fixer(article) if fixer is not None else None
    return [fix] if fix is not None else []

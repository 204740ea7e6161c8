"""SEO checks: their thresholds and per-check scores (Yoast's field values)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from urllib.parse import urlsplit

from app.core.analysis.arial import text_width
from app.core.analysis.doc import Doc, result, status_of
from app.core.analysis.keyphrase import (
    Keyphrase,
    Match,
    match_text,
    same_keyphrase,
    starts_with_phrase,
)
from app.core.analysis.lexicon import lexicon
from app.core.analysis.report import CheckResult, Group, Span, Status
from app.core.analysis.seo_extra import EXTRA_ORDER, extra_checks
from app.core.analysis.snippet import TITLE_PX, TITLE_SIZE
from app.core.analysis.text import split_sentences
from app.core.limits import META_MAX, META_MIN

SEO = Group.SEO
NO_KEYPHRASE_SCORE = -999


def _na(check_id: str, outcome: str = "no_keyphrase") -> CheckResult:
    return result(check_id, SEO, Status.INFO, 0, outcome)


def _scored(check_id: str, score: int, outcome: str, spans: Sequence[Span] = (), **params: object) -> CheckResult:
    return result(check_id, SEO, status_of(score), score, outcome, list(spans), **params)


def _forms(*matches: Match) -> list[str]:
    return list(dict.fromkeys(f for m in matches for f in m.via_forms))


def keyphrase_length(doc: Doc) -> CheckResult:
    kp = doc.keyphrase
    if kp is None or not kp.size:
        return _scored("keyphrase_length", NO_KEYPHRASE_SCORE, "none")
    n = kp.size
    if n <= 4:
        return _scored("keyphrase_length", 9, "good", words=n)
    if n <= 8:
        return _scored("keyphrase_length", 6, "long", words=n, max=4)
    return _scored("keyphrase_length", 3, "too_long", words=n, max=4)


def keyphrase_in_introduction(doc: Doc, kp: Keyphrase) -> CheckResult:
    cid = "keyphrase_in_introduction"
    intro = next((p for p in doc.prose() if p.facts.words), None)
    if intro is None:
        return _na(cid, "no_text")
    for sentence, match in zip(intro.facts.sentences, intro.matches, strict=True):
        if match.all_found:
            return _scored(cid, 9, "good", [intro.sentence_span(sentence)], forms=_forms(match))
    present: set[int] = set()
    for sentence in intro.facts.sentences:
        present |= {i for i, forms in enumerate(kp.forms)
                    if not kp.exact and any(f in sentence.fold_counts for f in forms)}
    if not kp.exact and len(present) == kp.size:
        return _scored(cid, 6, "spread", [intro.span(0, len(intro.block.text))],
                       forms=_forms(*intro.matches))
    return _scored(cid, 3, "bad", [intro.span(0, len(intro.block.text))])


def keyphrase_density(doc: Doc, kp: Keyphrase) -> CheckResult:
    cid = "keyphrase_density"
    total = doc.words
    if total < 100:
        return _na(cid, "short_text")
    count = 0
    spans: list[Span] = []
    forms: list[Match] = []
    for part in doc.parts:
        for match in part.matches:
            if match.count:
                count += match.count
                spans.extend(part.span(a, b) for a, b in match.spans)
                forms.append(match)
    factor = 0.7 + kp.size / 3
    density = count * 100 / total * factor
    low = _recommended(0.5, total, factor, "min")
    high = _recommended(3.0, total, factor, "max")
    params = {"count": count, "density": round(density, 2), "min": low, "max": high,
              "forms": _forms(*forms)}
    if count == 0:
        return _scored(cid, 4, "none", (), **params)
    if density < 0.5 or count == 1:
        return _scored(cid, 4, "too_few", spans, **params)
    if density <= 3 or (count == 2 and low <= 2):
        return _scored(cid, 9, "good", spans, **params)
    if density <= 4:
        return _scored(cid, -10, "too_many", spans, **params)
    return _scored(cid, -50, "stuffing", spans, **params)


def _recommended(percent: float, total: int, factor: float, bound: str) -> int:
    value = percent * total / (100 * factor)
    if value < 2:
        return 2
    return int(-(-value // 1)) if bound == "min" else int(value // 1)


def keyphrase_in_meta_description(doc: Doc, kp: Keyphrase) -> CheckResult:
    cid = "keyphrase_in_meta_description"
    text = doc.article.meta_description
    if not text.strip():
        return _scored(cid, 3, "no_description")
    hits = 0
    spans: list[Span] = []
    matches = []
    for a, b in split_sentences(text, lexicon(doc.lang).abbreviations):
        m = match_text(kp, text[a:b], doc.lang)
        if m.all_found:                 # whole occurrences: a sentence holding it twice counts 2
            hits += m.count
            matches.append(m)
            spans.extend(Span(a + x, a + y, "meta_description") for x, y in m.spans)
    if hits == 0:
        return _scored(cid, 3, "bad")
    if hits > 2:
        return _scored(cid, 3, "too_many", spans, count=hits)
    return _scored(cid, 9, "good", spans, count=hits, forms=_forms(*matches))


def meta_description_length(doc: Doc) -> CheckResult:
    cid = "meta_description_length"
    n = len(" ".join(doc.article.meta_description.split()))
    if n == 0:
        return _scored(cid, 1, "empty")
    off = 3 if _cornerstone(doc) else 6
    if n < META_MIN:
        return _scored(cid, off, "short", [Span(0, len(doc.article.meta_description), "meta_description")],
                       length=n, min=META_MIN, max=META_MAX)
    if n > META_MAX:
        return _scored(cid, off, "long", [Span(META_MAX, len(doc.article.meta_description), "meta_description")],
                       length=n, min=META_MIN, max=META_MAX)
    return _scored(cid, 9, "good", length=n)


def keyphrase_in_subheadings(doc: Doc, kp: Keyphrase) -> CheckResult:
    cid = "keyphrase_in_subheadings"
    heads = doc.subheadings((2, 3))
    if not heads:                       # Yoast: 2 for a long text, 9 for a short one
        if doc.words > 300:
            return _scored(cid, 2, "no_subheadings")
        return _scored(cid, 9, "short_text_no_subheadings")
    matched, spans, ms = 0, [], []
    for part in heads:
        m = match_text(kp, part.block.text, doc.lang)
        needed = kp.size if kp.exact else kp.size // 2 + 1
        if m.found >= needed:
            matched += 1
            ms.append(m)
            spans.append(part.span(0, len(part.block.text)))
    share = matched * 100 / len(heads)
    params = {"matched": matched, "total": len(heads), "percent": round(share), "forms": _forms(*ms)}
    if (len(heads) == 1 and matched == 1) or 30 <= share <= 75:
        return _scored(cid, 9, "good", spans, **params)
    if share < 30:
        return _scored(cid, 3, "too_few" if matched else "none", spans, **params)
    return _scored(cid, 3, "too_many", spans, **params)


def competing_links(doc: Doc, kp: Keyphrase) -> CheckResult:
    cid = "competing_links"
    spans = []
    for part in doc.parts:
        for link in part.block.inline.links:
            if link.href.strip().startswith("#"):
                continue                # a link within this page competes with nothing
            if match_text(kp, link.text, doc.lang).all_found:
                spans.append(part.span(link.start, link.end))
    if spans:
        return _scored(cid, 2, "bad", spans, count=len(spans))
    return _scored(cid, 8, "good")      # Yoast's score when no anchor competes


def _images(doc: Doc) -> list[tuple[int, str, Span]]:
    out = []
    for part in doc.parts:
        for image in part.block.inline.images:
            start = part.block.source_to_body(image.source_start)
            end = part.block.source_to_body(image.source_end - 1) + 1
            out.append((start, image.alt, Span(start, end)))
    return out


def images(doc: Doc) -> CheckResult:
    n = len(_images(doc))
    if n == 0:
        return _scored("images", 3, "none")
    return _scored("images", 9, "good", count=n)


def keyphrase_in_image_alt(doc: Doc, kp: Keyphrase) -> CheckResult:
    cid = "keyphrase_in_image_alt"
    found = _images(doc)
    if not found:
        return _scored(cid, 3, "no_images")
    off = 3 if _cornerstone(doc) else 6
    alts = [(alt, span) for _, alt, span in found if alt.strip()]
    if not alts:
        return _scored(cid, off, "no_alt", [s for _, _, s in found], count=len(found))
    needed = kp.size if kp.exact else -(-kp.size // 2)
    hits = [(m, span) for alt, span in alts if (m := match_text(kp, alt, doc.lang)).found >= needed]
    share = len(hits) * 100 / len(found)
    params = {"matched": len(hits), "total": len(found), "percent": round(share),
              "forms": _forms(*(m for m, _ in hits))}
    spans = [span for _, span in hits]
    if len(found) < 5:
        if hits:
            return _scored(cid, 9, "good", spans, **params)
        return _scored(cid, off, "no_keyphrase_in_alt", (), **params)
    if 30 <= share <= 75:
        return _scored(cid, 9, "good", spans, **params)
    return _scored(cid, off, "too_few" if share < 30 else "too_many", spans, **params)


def _cornerstone(doc: Doc) -> bool:
    """Front matter `cornerstone: true`: the article is one of the site's key pages."""
    value = doc.article.extra.get("cornerstone", False)
    return value is True or str(value).strip().lower() in ("true", "yes", "1", "oui")


def text_length(doc: Doc) -> CheckResult:
    n = doc.words
    if _cornerstone(doc):               # cornerstone: 900 words; anything under costs -20
        if n >= 900:
            return _scored("text_length", 9, "good", words=n, min=900)
        return _scored("text_length", -20, "cornerstone_short" if n >= 300 else "far_too_short",
                       words=n, min=900)
    if n >= 300:
        return _scored("text_length", 9, "good", words=n, min=300)
    if n >= 250:
        return _scored("text_length", 6, "slightly_short", words=n, min=300)
    if n >= 200:
        return _scored("text_length", 3, "short", words=n, min=300)
    if n >= 100:
        return _scored("text_length", -10, "very_short", words=n, min=300)
    return _scored("text_length", -20, "far_too_short", words=n, min=300)


def _host(url: str) -> str:
    host = urlsplit(url if "://" in url else f"https://{url}").hostname or ""
    return host.lower().removeprefix("www.")


def classify_links(doc: Doc) -> tuple[list[tuple[bool, Span]], list[tuple[bool, Span]]]:
    """(internal, outbound) links as (followed, span)."""
    own = _host(doc.site_url) if doc.site_url else ""
    internal, outbound = [], []
    for part in doc.parts:
        for link in part.block.inline.links:
            href = link.href.strip()
            low = href.lower()
            if not href or low.startswith(("#", "mailto:", "tel:", "javascript:", "data:")):
                continue
            entry = (not link.nofollow, part.span(link.start, link.end))
            parsed = urlsplit(href)
            if not parsed.scheme and not href.startswith("//") or parsed.scheme in ("http", "https", "") and own and _host(href) == own:
                internal.append(entry)
            else:
                outbound.append(entry)
    return internal, outbound


def _links_check(cid: str, links: list[tuple[bool, Span]]) -> CheckResult:
    """Yoast's link scores: all followed 9, mixed followed + nofollow 8 (good), all nofollow 7."""
    if not links:
        return _scored(cid, 3, "none")
    followed = sum(1 for f, _ in links if f)
    spans = [s for _, s in links]
    if followed == len(links):
        return _scored(cid, 9, "good", spans, count=len(links))
    if followed:
        return _scored(cid, 8, "some_nofollow", spans, count=len(links), nofollow=len(links) - followed)
    return _scored(cid, 7, "all_nofollow", spans, count=len(links), nofollow=len(links))


def keyphrase_in_title(doc: Doc, kp: Keyphrase) -> CheckResult:
    cid = "keyphrase_in_title"
    title = doc.article.title
    if not title.strip():
        return _scored(cid, 2, "no_title")
    exact, at_start = starts_with_phrase(kp, title, doc.lang)
    span = [Span(0, len(title), "title")]
    if exact and at_start:
        return _scored(cid, 9, "good", span)
    if exact:
        return _scored(cid, 6, "not_at_start", span)
    m = match_text(kp, title, doc.lang)
    if m.all_found and not kp.exact:
        return _scored(cid, 6, "words_only", span, forms=_forms(m))
    return _scored(cid, 2, "bad", span)


def title_width(doc: Doc) -> CheckResult:
    title = " ".join(doc.article.title.split())
    if not title:
        return _scored("title_width", 1, "no_title")
    px = text_width(title, TITLE_SIZE)
    if px > TITLE_PX:
        return _scored("title_width", 3, "too_wide", [Span(0, len(doc.article.title), "title")],
                       px=round(px), max=int(TITLE_PX))
    return _scored("title_width", 9, "good", px=round(px), max=int(TITLE_PX))


def keyphrase_in_slug(doc: Doc, kp: Keyphrase) -> CheckResult:
    cid = "keyphrase_in_slug"
    slug = doc.article.slug.strip().strip("/")
    if not slug:                        # the reference rates a missing slug bad (Yoast skips it)
        return _scored(cid, 3, "no_slug")
    m = match_text(kp, slug.replace("-", " ").replace("_", " "), doc.lang)
    if kp.exact:
        ok = m.all_found
    else:
        ok = m.all_found if kp.size <= 2 else m.found * 2 > kp.size
    if ok:
        return _scored(cid, 9, "good", forms=_forms(m))
    return _scored(cid, 3 if _cornerstone(doc) else 6, "partial", [Span(0, len(doc.article.slug), "slug")],
                   found=m.found, total=kp.size)


def single_h1(doc: Doc) -> CheckResult:
    if doc.h1_count <= 1:               # Yoast's score for 0 or 1 H1
        return _scored("single_h1", 8, "good")
    return _scored("single_h1", 1, "bad", doc.h1_spans, count=doc.h1_count)


def previously_used(doc: Doc, previous: Sequence[str] | None) -> CheckResult:
    """Counts only when the project's other keyphrases are known (`previous` is not None)."""
    cid = "previously_used_keyphrase"
    if doc.keyphrase is None:
        return _na(cid)
    if previous is None:
        return _na(cid, "unknown")
    used = sum(1 for p in previous if p and same_keyphrase(p, doc.keyphrase.text))
    if used == 0:
        return _scored(cid, 9, "good")
    if used == 1:
        return _scored(cid, 6, "once", count=1)
    return _scored(cid, 1, "bad", count=used)


def function_words_only(doc: Doc, kp: Keyphrase) -> CheckResult:
    """Yoast: 0 for a keyphrase of function words only; otherwise a hidden result that has no
    score — and still counts as 0 in the SEO score's denominator. Plume shows it as good."""
    cid = "function_words_in_keyphrase"
    if kp.only_function_words:
        return result(cid, SEO, Status.BAD, 0, "bad", keyphrase=kp.text)
    return result(cid, SEO, Status.GOOD, 0, "good")


def seo_checks(doc: Doc, previous: Sequence[str] | None) -> list[CheckResult]:
    kp = doc.keyphrase
    internal, outbound = classify_links(doc)
    keyed: list[tuple[str, Callable[[Doc, Keyphrase], CheckResult]]] = [
        ("keyphrase_in_introduction", keyphrase_in_introduction),
        ("keyphrase_density", keyphrase_density),
        ("keyphrase_in_meta_description", keyphrase_in_meta_description),
        ("keyphrase_in_subheadings", keyphrase_in_subheadings),
        ("competing_links", competing_links),
        ("keyphrase_in_image_alt", keyphrase_in_image_alt),
        ("keyphrase_in_title", keyphrase_in_title),
        ("keyphrase_in_slug", keyphrase_in_slug),
        ("function_words_in_keyphrase", function_words_only),
    ]
    checks = [keyphrase_length(doc)]
    for cid, check in keyed:
        checks.append(check(doc, kp) if kp is not None and kp.size else _na(cid))
    checks += [
        meta_description_length(doc), images(doc), text_length(doc),
        _links_check("outbound_links", outbound), _links_check("internal_links", internal),
        title_width(doc), single_h1(doc), previously_used(doc, previous),
    ]
    checks += extra_checks(doc)
    order = {cid: i for i, cid in enumerate(SEO_ORDER)}
    return sorted(checks, key=lambda c: order[c.id])


SEO_ORDER = (
    "keyphrase_in_introduction", "keyphrase_length", "keyphrase_density",
    "keyphrase_in_meta_description", "meta_description_length", "keyphrase_in_subheadings",
    "competing_links", "images", "keyphrase_in_image_alt", "text_length", "outbound_links",
    "internal_links", "keyphrase_in_title", "title_width", "keyphrase_in_slug", "single_h1",
    "previously_used_keyphrase", "function_words_in_keyphrase", *EXTRA_ORDER,
)


def seo_score(checks: Sequence[CheckResult]) -> tuple[int, Status]:
    """Yoast's arithmetic: 100 × sum of the counted scores / (9 × their number). A check
    Yoast does not run is not counted; one it runs but hides (function words, when fine)
    counts as 0."""
    scored = [c.score for c in checks if c.group is SEO and c.counted]
    if not scored:
        return 0, Status.BAD
    value = max(0, min(100, round(100 * sum(scored) / (9 * len(scored)))))
    return value, seo_status(value)


def seo_status(value: float) -> Status:
    """The traffic light for an SEO score out of 100 (also used for batch rows)."""
    if value <= 40:
        return Status.BAD
    if value <= 70:
        return Status.OK
    return Status.GOOD

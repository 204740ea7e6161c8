"""SEO checks beyond Yoast's free analysis (Yoast Premium's and Rank Math's).

They are shown with their own traffic light but are not counted in the SEO score, so the
score keeps Yoast's arithmetic. Thresholds:

| check | good | ok | bad |
|---|---|---|---|
| keyphrase distribution (≥ 15 sentences) | longest stretch without the keyphrase or a synonym ≤ 30 % of the sentences | 30–50 % | > 50 % (none at all: grey) |
| related keyphrases (front matter `keywords`, `synonyms`) | each related keyphrase in the text at least once | some missing | all missing |
| content length tiers | 600–2,499 words; ≥ 2,500 long-form | < 600 (thin for a competitive query) | — |
| keyphrase in the first 10 % | whole keyphrase in a sentence starting within the first 10 % of the words (at least the first 25) | later | — |
| number in title | a figure in the SEO title | none | — |
| power word in title | a word of `power_words.txt` in the SEO title | none | — |
| URL length | site URL + slug ≤ 75 characters | longer | — |
| table of contents (≥ 1,500 words and ≥ 4 subheadings) | a table of contents | none | — |
| media beyond images | ≥ 1,000 words: images and a video, audio, embed or table; shorter: any medium | images only (long text); none (short text) | no medium at all in a long text |
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.core.analysis.doc import Doc, Part, counted, result
from app.core.analysis.facts import Sentence
from app.core.analysis.keyphrase import (
    Keyphrase,
    Match,
    match_tokens,
    parse_keyphrase,
    same_keyphrase,
)
from app.core.analysis.lexicon import lines
from app.core.analysis.report import CheckResult, Group, Span, Status
from app.core.analysis.snippet import display_url
from app.core.analysis.text import fold, words

SEO = Group.SEO
DISTRIBUTION_MIN_SENTENCES = 15
URL_MAX = 75
TOC_MIN_WORDS, TOC_MIN_HEADINGS = 1500, 4
MEDIA_LONG_TEXT = 1000
_TOC_MARKERS = re.compile(r"\[TOC\]|\[\[_?TOC_?\]\]|\{:\s*toc\s*\}|<!--\s*toc\s*-->|\[\[toc\]\]", re.IGNORECASE)
_TOC_TITLES = frozenset({"table of contents", "contents", "in this article", "sommaire", "table des matieres",
                         "au sommaire", "dans cet article"})
_VIDEO = re.compile(
    r"<(?:video|audio|iframe|embed|object)\b|https?://(?:www\.)?(?:youtube\.com|youtu\.be|vimeo\.com|"
    r"dailymotion\.com|soundcloud\.com|open\.spotify\.com|podcasts\.apple\.com)/|\.(?:mp4|webm|mov|mp3|ogg|m4a)\b",
    re.IGNORECASE)


def _r(check_id: str, status: Status, outcome: str, spans: list[Span] | tuple[Span, ...] = (),
       **params: object) -> CheckResult:
    score = {Status.GOOD: 9, Status.OK: 6, Status.BAD: 3, Status.INFO: 0}[status]
    return counted(result(check_id, SEO, status, score, outcome, list(spans), **params), False)


def _flow(doc: Doc) -> list[tuple[Part, Sentence, Match | None]]:
    """Every sentence of the text in order (headings included) with its keyphrase match."""
    out: list[tuple[Part, Sentence, Match | None]] = []
    for part in doc.parts:
        matches: tuple[Match | None, ...] = part.matches or (None,) * len(part.facts.sentences)
        out += [(part, s, m) for s, m in zip(part.facts.sentences, matches, strict=True)]
    return out


def _synonyms(doc: Doc) -> list[Keyphrase]:
    value = doc.article.extra.get("synonyms", ())
    items = value.split(",") if isinstance(value, str) else [str(v) for v in value or ()]
    return [k for t in items if t.strip() and (k := parse_keyphrase(t, doc.lang)).size]


def _hit(kp: Keyphrase, s: Sentence) -> Match:
    return match_tokens(kp, s.folds, None, s.spans, s.fold_counts)


def _in_part(span: Span, part: Part) -> bool:
    return part.block.start <= span.start < part.block.end


def keyphrase_distribution(doc: Doc) -> CheckResult:
    cid = "keyphrase_distribution"
    kp = doc.keyphrase
    if kp is None or not kp.size:
        return _r(cid, Status.INFO, "no_keyphrase")
    flow = _flow(doc)
    if len(flow) < DISTRIBUTION_MIN_SENTENCES:
        return _r(cid, Status.INFO, "short_text", sentences=len(flow), min=DISTRIBUTION_MIN_SENTENCES)
    synonyms = _synonyms(doc)
    hits = [bool(m and m.all_found) or any(_hit(k, s).all_found for k in synonyms) for _, s, m in flow]
    if not any(hits):
        return counted(result(cid, SEO, Status.INFO, 0, "none"), False)
    longest, start, run_start = 0, 0, 0
    for i, hit in enumerate([*hits, True]):
        if hit:
            if i - run_start > longest:
                longest, start = i - run_start, run_start
            run_start = i + 1
    share = round(longest * 100 / len(flow))
    spans: list[Span] = []              # the stretch without it, one span per block
    for part, sentence, _ in flow[start:start + longest]:
        span = part.sentence_span(sentence)
        if spans and _in_part(spans[-1], part):
            spans[-1] = Span(spans[-1].start, span.end)
        else:
            spans.append(span)
    params = {"percent": share, "sentences": longest, "total": len(flow)}
    if share > 50:
        return _r(cid, Status.BAD, "bad", spans, **params)
    if share > 30:
        return _r(cid, Status.OK, "ok", spans, **params)
    return _r(cid, Status.GOOD, "good", (), **params)


def related_keyphrases(doc: Doc) -> CheckResult:
    cid = "related_keyphrases"
    given = [parse_keyphrase(t, doc.lang) for t in doc.article.secondary_keywords] + _synonyms(doc)
    main = doc.keyphrase.text if doc.keyphrase else ""
    related: list[tuple[str, Keyphrase]] = []
    for k in given:                     # the focus keyphrase and repeats are not "related"
        if k.size and not same_keyphrase(k.text, main) and not any(same_keyphrase(k.text, t) for t, _ in related):
            related.append((k.text, k))
    if not related:
        return _r(cid, Status.INFO, "none_given")
    flow = _flow(doc)
    counts: dict[str, int] = {}
    spans: list[Span] = []
    forms: list[str] = []
    for text, kp in related:
        n = 0
        for part, s, _ in flow:
            m = _hit(kp, s)
            if m.all_found:
                n += m.count
                spans += [part.span(a, b) for a, b in m.spans]
                forms += m.via_forms
        counts[text] = n
    missing = [t for t, n in counts.items() if not n]
    params = {"found": {t: n for t, n in counts.items() if n}, "missing": missing, "total": len(counts),
              "forms": list(dict.fromkeys(forms))}
    if not missing:
        return _r(cid, Status.GOOD, "good", spans, **params)
    if len(missing) < len(counts):
        return _r(cid, Status.OK, "some_missing", spans, **params)
    return _r(cid, Status.BAD, "all_missing", (), **params)


def content_length_tiers(doc: Doc) -> CheckResult:
    cid = "content_length_tiers"
    n = doc.words
    if n >= 2500:
        return _r(cid, Status.GOOD, "long_form", words=n)
    if n >= 600:
        return _r(cid, Status.GOOD, "good", words=n, long=2500)
    return _r(cid, Status.OK, "short", words=n, min=600)


def keyphrase_in_first_10_percent(doc: Doc) -> CheckResult:
    cid = "keyphrase_in_first_10_percent"
    kp = doc.keyphrase
    if kp is None or not kp.size:
        return _r(cid, Status.INFO, "no_keyphrase")
    window = max(25, -(-doc.words // 10))
    seen = 0
    for part in doc.prose():
        for s, m in zip(part.facts.sentences, part.matches, strict=True):
            if seen >= window:
                break
            if m.all_found:
                return _r(cid, Status.GOOD, "good", [part.sentence_span(s)], words=window,
                          forms=list(m.via_forms))
            seen += s.words
    return _r(cid, Status.OK, "late", words=window)


def title_number(doc: Doc) -> CheckResult:
    title = doc.article.title
    if not title.strip():
        return _r("title_number", Status.INFO, "no_title")
    if re.search(r"\d", title):
        return _r("title_number", Status.GOOD, "good")
    return _r("title_number", Status.OK, "none", [Span(0, len(title), "title")])


def title_power_word(doc: Doc) -> CheckResult:
    title = doc.article.title
    if not title.strip():
        return _r("title_power_word", Status.INFO, "no_title")
    power = _power_words(doc.lang)
    found = [title[a:b] for a, b, w in words(title) if fold(w) in power]
    if found:
        return _r("title_power_word", Status.GOOD, "good", words=found)
    return _r("title_power_word", Status.OK, "none", [Span(0, len(title), "title")])


_POWER: dict[str, frozenset[str]] = {}


def _power_words(lang: str) -> frozenset[str]:
    found = _POWER.get(lang)
    if found is None:
        found = _POWER[lang] = frozenset(fold(w.lower()) for w in lines(lang, "power_words.txt"))
    return found


def url_length(doc: Doc) -> CheckResult:
    slug = doc.article.slug.strip().strip("/")
    if not slug:
        return _r("url_length", Status.INFO, "no_slug")
    url = display_url(doc.site_url, slug)
    if len(url) <= URL_MAX:
        return _r("url_length", Status.GOOD, "good", length=len(url), max=URL_MAX)
    return _r("url_length", Status.OK, "long", [Span(0, len(doc.article.slug), "slug")],
              length=len(url), max=URL_MAX)


def _has_toc(doc: Doc) -> bool:
    if _TOC_MARKERS.search(doc.article.body):
        return True
    for part in doc.parts:
        if part.is_heading and " ".join(fold(w) for _, _, w in words(part.block.text)) in _TOC_TITLES:
            return True
    anchors = sum(1 for p in doc.parts if p.block.kind == "list_item"
                  for link in p.block.inline.links if link.href.startswith("#"))
    return anchors >= 3


def table_of_contents(doc: Doc) -> CheckResult:
    cid = "table_of_contents"
    heads = len(doc.subheadings())
    if doc.words < TOC_MIN_WORDS or heads < TOC_MIN_HEADINGS:
        return _r(cid, Status.INFO, "not_needed", words=doc.words, min=TOC_MIN_WORDS)
    if _has_toc(doc):
        return _r(cid, Status.GOOD, "good")
    first = next((p for p in doc.parts if p.is_heading), None)
    spans = [first.span(0, len(first.block.text))] if first else []
    return _r(cid, Status.OK, "missing", spans, words=doc.words, headings=heads)


def media(doc: Doc) -> CheckResult:
    cid = "media"
    images = sum(len(p.block.inline.images) for p in doc.parts)
    tables = [p for p in doc.parts if p.block.kind == "table"]
    table_count = len(_table_groups(doc.article.body, tables))
    videos = _media_lines(doc.article.body)
    other = videos + table_count
    params = {"images": images, "videos": videos, "tables": table_count}
    spans = [Span(p.block.start, p.block.end) for p in tables[:1]]
    if doc.words >= MEDIA_LONG_TEXT:
        if images and other:
            return _r(cid, Status.GOOD, "good", spans, **params)
        if images or other:
            return _r(cid, Status.OK, "images_only" if images else "no_images", spans, **params)
        return _r(cid, Status.BAD, "none", (), **params)
    if images or other:
        return _r(cid, Status.GOOD, "good", spans, **params)
    return _r(cid, Status.OK, "none_short", (), **params)


def _media_lines(body: str) -> int:
    """Lines holding a video, audio or embed (a <video> tag and its .mp4 are one)."""
    lines, line, at = 0, -1, 0
    for m in _VIDEO.finditer(body):
        here = line + body.count("\n", at, m.start()) if line >= 0 else body.count("\n", 0, m.start())
        if here != line:
            lines += 1
        line, at = here, m.start()
    return lines


def _table_groups(body: str, tables: list[Part]) -> list[int]:
    """One entry per table (its rows are separate blocks; a blank line ends a table)."""
    groups: list[int] = []
    previous_end = None
    for part in tables:
        if previous_end is None or "\n\n" in body[previous_end:part.block.start] or \
                body[previous_end:part.block.start].strip(" \t\n|-:"):
            groups.append(part.block.start)
        previous_end = part.block.end
    return groups


EXTRA: tuple[tuple[str, Callable[[Doc], CheckResult]], ...] = (
    ("keyphrase_distribution", keyphrase_distribution),
    ("related_keyphrases", related_keyphrases),
    ("keyphrase_in_first_10_percent", keyphrase_in_first_10_percent),
    ("content_length_tiers", content_length_tiers),
    ("title_number", title_number),
    ("title_power_word", title_power_word),
    ("url_length", url_length),
    ("table_of_contents", table_of_contents),
    ("media", media),
)
EXTRA_ORDER = tuple(cid for cid, _ in EXTRA)


def extra_checks(doc: Doc) -> list[CheckResult]:
    return [check(doc) for _, check in EXTRA]

"""Readability checks (Yoast's thresholds), the readability score and Flesch reading ease."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.analysis.doc import PROSE, Doc, Part, result
from app.core.analysis.facts import Sentence
from app.core.analysis.report import CheckResult, Group, Span, Status
from app.core.languages import methods, pack

READ = Group.READABILITY
LONG_SENTENCE = 20
# Flesch reading ease, numbers left out: the coefficients and the reading speed (silent
# reading of non-fiction, Brysbaert 2019) are the language pack's (resources/languages/).
FLESCH_BANDS = ((90, "very_easy"), (80, "easy"), (70, "fairly_easy"), (60, "standard"),
                (50, "fairly_difficult"), (30, "difficult"), (0, "very_difficult"))


def _r(check_id: str, status: Status, outcome: str, spans: Sequence[Span] = (), **params: object) -> CheckResult:
    score = {Status.GOOD: 9, Status.OK: 6, Status.BAD: 3, Status.INFO: 0}[status]
    return result(check_id, READ, status, score, outcome, list(spans), **params)


def subheading_distribution(doc: Doc) -> CheckResult:
    cid = "subheading_distribution"
    sections: list[tuple[int, list[Part]]] = []
    current: list[Part] = []
    count = 0
    for part in doc.parts:
        if part.is_heading and part.block.level >= 2:
            if current:
                sections.append((count, current))
            current, count = [], 0
        elif not part.is_heading:
            current.append(part)
            count += part.facts.words
    if current:
        sections.append((count, current))
    has_heads = bool(doc.subheadings())
    if not has_heads:
        if doc.words > 300:
            return _r(cid, Status.BAD, "no_subheadings", words=doc.words)
        return _r(cid, Status.GOOD, "short_text")
    longest = max((n for n, _ in sections), default=0)
    too_long = [(n, parts) for n, parts in sections if n > 300]
    spans = [Span(parts[0].block.start, parts[-1].block.end) for _, parts in too_long]
    if longest > 350:
        return _r(cid, Status.BAD, "bad", spans, sections=len(too_long), longest=longest, max=300)
    if longest > 300:
        return _r(cid, Status.OK, "ok", spans, sections=len(too_long), longest=longest, max=300)
    return _r(cid, Status.GOOD, "good")


PARAGRAPH_MAX_WORDS = 150


def paragraph_length(doc: Doc) -> CheckResult:
    cid = "paragraph_length"
    lengths = [(p.facts.words, p) for p in doc.parts if p.block.kind == "paragraph"]
    long = [(n, p) for n, p in lengths if n > PARAGRAPH_MAX_WORDS]
    spans = [Span(p.block.start, p.block.end) for _, p in long]
    longest = max((n for n, _ in lengths), default=0)
    if longest > 200:
        return _r(cid, Status.BAD, "bad", spans, count=len(long), longest=longest, max=PARAGRAPH_MAX_WORDS)
    if longest > PARAGRAPH_MAX_WORDS:
        return _r(cid, Status.OK, "ok", spans, count=len(long), longest=longest, max=PARAGRAPH_MAX_WORDS)
    return _r(cid, Status.GOOD, "good")


def sentence_length(doc: Doc, sentences: list[tuple[Part, Sentence]]) -> CheckResult:
    """Share of sentences over 20 words; headings count as sentences, as in Yoast."""
    cid = "sentence_length"
    if not sentences:
        return _r(cid, Status.INFO, "no_text")
    long = [(p, s) for p, s in sentences if s.words > LONG_SENTENCE]
    share = len(long) * 100 / len(sentences)
    spans = [p.sentence_span(s) for p, s in long]
    params = {"percent": round(share, 1), "count": len(long), "max_words": LONG_SENTENCE, "max": 25}
    if share > 30:
        return _r(cid, Status.BAD, "bad", spans, **params)
    if share > 25:
        return _r(cid, Status.OK, "ok", spans, **params)
    return _r(cid, Status.GOOD, "good", spans, **params)


def transition_words(doc: Doc, sentences: list[tuple[Part, Sentence]]) -> CheckResult:
    cid = "transition_words"
    if doc.words < 200 or not sentences:
        return _r(cid, Status.INFO, "short_text", words=doc.words, min_words=200)
    with_tw = sum(1 for _, s in sentences if s.transition)
    share = with_tw * 100 / len(sentences)
    without = [p.sentence_span(s) for p, s in sentences if not s.transition]
    params = {"percent": round(share, 1), "min": 30}
    if share >= 30:
        return _r(cid, Status.GOOD, "good", (), **params)
    if share >= 20:
        return _r(cid, Status.OK, "ok", without, **params)
    return _r(cid, Status.BAD, "bad", without, **params)


def passive_voice(doc: Doc, sentences: list[tuple[Part, Sentence]]) -> CheckResult:
    cid = "passive_voice"
    if not sentences:
        return _r(cid, Status.INFO, "no_text")
    passive = [(p, s) for p, s in sentences if s.passive is not None]
    share = len(passive) * 100 / len(sentences)
    spans = [p.span(*s.passive) for p, s in passive if s.passive is not None]
    params = {"percent": round(share, 1), "count": len(passive), "max": 10}
    if share > 15:
        return _r(cid, Status.BAD, "bad", spans, **params)
    if share > 10:
        return _r(cid, Status.OK, "ok", spans, **params)
    return _r(cid, Status.GOOD, "good", spans, **params)


def consecutive_sentences(doc: Doc, sentences: list[tuple[Part, Sentence]]) -> CheckResult:
    cid = "consecutive_sentences"
    runs: list[list[tuple[Part, Sentence]]] = []
    run: list[tuple[Part, Sentence]] = []
    for part, sentence in sentences:
        # a list or a new paragraph does not break a run: Yoast reads the text as a flow
        same = run and sentence.first and sentence.first == run[-1][1].first
        if same:
            run.append((part, sentence))
        else:
            if len(run) >= 3:
                runs.append(run)
            run = [(part, sentence)]
    if len(run) >= 3:
        runs.append(run)
    if not runs:
        return _r(cid, Status.GOOD, "good")
    spans = [Span(r[0][0].sentence_span(r[0][1]).start, r[-1][0].sentence_span(r[-1][1]).end) for r in runs]
    words = list(dict.fromkeys(r[0][1].first for r in runs))
    return _r(cid, Status.BAD, "bad", spans, count=len(runs), words=words, longest=max(map(len, runs)))


def flesch(doc: Doc, sentences: list[tuple[Part, Sentence]]) -> tuple[float, CheckResult]:
    """Reading ease from our sentences and textstat-rule syllable counts, clamped to 0–100."""
    words = sum(p.facts.letter_words for p in doc.prose())
    syll = sum(p.facts.syllables for p in doc.prose())
    n_sent = len(sentences)
    if not words or not n_sent:
        return 0.0, _r("flesch_reading_ease", Status.INFO, "no_text")
    lp = pack(doc.lang)
    score = round(methods.READABILITY[lp.readability.name](lp, words, n_sent, syll), 1)
    band = next(name for floor, name in FLESCH_BANDS if score >= floor)
    check = _r("flesch_reading_ease", Status.INFO, band, ease=score,
               words_per_sentence=round(words / n_sent, 1),
               syllables_per_word=round(syll / words, 2))
    return score, check


def readability_checks(doc: Doc) -> tuple[list[CheckResult], float]:
    sentences = list(doc.sentences())
    ease, ease_check = flesch(doc, sentences)
    with_headings = [(p, s) for p in doc.parts if p.is_heading or p.block.kind in PROSE
                     for s in p.facts.sentences]
    checks = [
        subheading_distribution(doc), paragraph_length(doc), sentence_length(doc, with_headings),
        transition_words(doc, sentences), passive_voice(doc, sentences),
        consecutive_sentences(doc, sentences), ease_check,
    ]
    return checks, ease


def readability_score(checks: Sequence[CheckResult]) -> tuple[int, Status]:
    """Yoast's penalty points: bad costs 3, ok 2; > 6 bad, 5–6 ok, ≤ 4 good (30/60/90)."""
    penalty = sum(3 if c.status is Status.BAD else 2 if c.status is Status.OK else 0
                  for c in checks if c.group is READ)
    if penalty > 6:
        return 30, Status.BAD
    if penalty > 4:
        return 60, Status.OK
    return 90, Status.GOOD


def reading_minutes(words: int, lang: str) -> float:
    return round(words / pack(lang).words_per_minute, 1)

"""Plume's own lints: AI clichés, French typography, claims to verify, language drift."""

from __future__ import annotations

import re
from functools import lru_cache

from app.core.analysis.doc import Doc, result
from app.core.analysis.language import language_votes
from app.core.analysis.report import CheckResult, Group, Span, Status
from app.core.languages import pack

LINT = Group.LINT
DRIFT_MIN_WORDS = 8

# French typography: ; : ! ? take a (narrow) no-break space before; « » one inside.
_NO_SPACE_BEFORE = re.compile(r"(?<=[^\s\u00a0\u202f;:!?(\[«\"'’/0-9])[;:!?](?![/\w])")
_PLAIN_SPACE_BEFORE = re.compile(r"(?<=\S) (?=[;:!?](?:\s|$|[»)\"]))")
_OPEN_GUILLEMET = re.compile(r"«(?![\u00a0\u202f])")
_CLOSE_GUILLEMET = re.compile(r"(?<![\u00a0\u202f])»")
_STRAIGHT_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")
_CURLY_APOSTROPHE = re.compile(r"(?<=[^\W\d_])’(?=[^\W\d_])")
_URLISH = re.compile(r"\S+://\S+|\b\d{1,2}:\d{2}\b")


def _lint(check_id: str, spans: list[Span], outcome_bad: str = "found", bad_at: int = 3,
          **params: object) -> CheckResult:
    if not spans:
        return result(check_id, LINT, Status.GOOD, 9, "good")
    status = Status.BAD if len(spans) >= bad_at else Status.OK
    return result(check_id, LINT, status, 3 if status is Status.BAD else 6, outcome_bad, spans,
                  count=len(spans), **params)


def ai_cliches(doc: Doc) -> CheckResult:
    spans: list[Span] = []
    found: list[str] = []
    for part in doc.parts:
        for a, b in part.facts.cliches:
            spans.append(part.span(a, b))
            found.append(part.block.text[a:b])
    return _lint("ai_cliches", spans, phrases=list(dict.fromkeys(p.lower() for p in found)))


@lru_cache(maxsize=8192)
def _typo_issues(text: str) -> tuple[tuple[int, int, str], ...]:
    masked = _URLISH.sub(lambda m: "x" * len(m.group()), text)
    issues = [(m.start(), m.end(), "missing_space") for m in _NO_SPACE_BEFORE.finditer(masked)]
    issues += [(m.start(), m.end() + 1, "plain_space") for m in _PLAIN_SPACE_BEFORE.finditer(masked)]
    issues += [(m.start(), m.end(), "guillemet_space") for m in _OPEN_GUILLEMET.finditer(masked)]
    issues += [(m.start(), m.end(), "guillemet_space") for m in _CLOSE_GUILLEMET.finditer(masked)]
    return tuple(issues)


@lru_cache(maxsize=8192)
def _apostrophes(text: str) -> tuple[int, int]:
    """(curly, straight) apostrophes between letters."""
    return len(_CURLY_APOSTROPHE.findall(text)), len(_STRAIGHT_APOSTROPHE.findall(text))


def french_typography(doc: Doc) -> CheckResult:
    """Spacing around ; : ! ? « », and the typographic apostrophe (’).

    Straight apostrophes are flagged: all of them when the article has no curly one, else the
    minority style. Spacing issues decide the severity; apostrophes alone stay "ok".
    """
    spans: list[Span] = []
    kinds: dict[str, int] = {}
    counts = [_apostrophes(p.block.text) for p in doc.parts]
    curly = sum(c for c, _ in counts)
    straight = sum(s for _, s in counts)
    flagged = _STRAIGHT_APOSTROPHE if straight <= curly or not curly else _CURLY_APOSTROPHE
    kind_of_flag = "straight_apostrophes" if not curly else "mixed_apostrophes"
    for part in doc.parts:
        text = part.block.text
        for a, b, kind in _typo_issues(text):
            spans.append(part.span(a, b))
            kinds[kind] = kinds.get(kind, 0) + 1
        if straight and _apostrophes(text)[flagged is _STRAIGHT_APOSTROPHE]:
            for m in flagged.finditer(text):
                spans.append(part.span(m.start(), m.end()))
                kinds[kind_of_flag] = kinds.get(kind_of_flag, 0) + 1
    for field, text in (("title", doc.article.title), ("meta_description", doc.article.meta_description)):
        for a, b, kind in _typo_issues(text):
            spans.append(Span(a, b, field))
            kinds[kind] = kinds.get(kind, 0) + 1
    if not spans:
        return result("french_typography", LINT, Status.GOOD, 9, "good")
    spacing = sum(n for k, n in kinds.items() if not k.endswith("apostrophes"))
    status = Status.BAD if spacing >= 10 else Status.OK
    return result("french_typography", LINT, status, 3 if status is Status.BAD else 6, "found", spans,
                  count=len(spans), kinds=kinds,
                  apostrophes="mixed" if curly and straight else "curly" if curly else "straight")


def claims_to_verify(doc: Doc) -> CheckResult:
    spans: list[Span] = []
    reasons: dict[str, int] = {}
    for part, sentence in doc.sentences():
        if sentence.claims:
            spans.append(part.sentence_span(sentence))
            for reason in sentence.claims:
                reasons[reason] = reasons.get(reason, 0) + 1
    if not spans:
        return result("claims_to_verify", LINT, Status.GOOD, 9, "good")
    return result("claims_to_verify", LINT, Status.INFO, 0, "found", spans,
                  count=len(spans), reasons=reasons)


def language_drift(doc: Doc) -> CheckResult:
    """Paragraphs whose frequent words belong to another language (named by the guesser)."""
    spans: list[Span] = []
    drifted: list[str] = []
    for part in doc.prose():
        facts = part.facts
        if facts.words < DRIFT_MIN_WORDS:
            continue
        if facts.drift_other >= 3 and facts.drift_other > 2 * facts.drift_own:
            spans.append(Span(part.block.start, part.block.end))
            drifted.append(part.block.text)
    votes = {lang: n for lang, n in language_votes(" ".join(drifted)).items() if lang != doc.lang}
    found = max(votes, key=lambda lang: votes[lang], default="")
    return _lint("language_drift", spans, bad_at=2, expected=doc.lang, found=str(found))


# Typography checks a language pack may name ("typography": {"lint": "french"}).
TYPOGRAPHY_LINTS = {"french": french_typography}


def lint_checks(doc: Doc) -> list[CheckResult]:
    checks = [ai_cliches(doc)]
    typography = TYPOGRAPHY_LINTS.get(pack(doc.lang).typography.lint)
    if typography is not None:
        checks.append(typography(doc))
    checks += [claims_to_verify(doc), language_drift(doc)]
    return checks

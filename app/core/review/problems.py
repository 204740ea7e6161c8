"""From a report to a revision plan: which sections the model should rework, and why.

Only checks that the model can fix inside one section are planned (long paragraphs,
missing subheadings, missing transitions, clichés, keyphrase density and distribution,
missing related keyphrases, long sentences, passive voice, repeated sentence starts). Everything else is the deterministic fixers' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app.core.analysis.report import CheckResult, Report, Status
from app.core.models import Article
from app.core.review import document as doc
from app.core.review import keyphrase as kp
from app.core.review.plain import plain_text
from app.core.textutil import count_words

PARAGRAPH_MAX_WORDS = 150
SECTION_MAX_WORDS = 300
_H3 = re.compile(r"^#{3,6}[ \t]", re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Problem:
    check: str                          # analysis check id
    code: str                           # what to ask: "split_paragraph", "remove_cliches"…
    params: dict[str, Any] = field(default_factory=dict)


def _words(text: str) -> int:
    return count_words(plain_text(text))


def _opening(text: str, count: int = 8) -> str:
    return " ".join(plain_text(text).split()[:count])


def _failing(report: Report, *ids: str) -> CheckResult | None:
    for check_id in ids:
        check = report.by_id(check_id)
        if check is not None and check.status in (Status.BAD, Status.OK):
            return check
    return None


def _span_sections(article: Article, check: CheckResult) -> dict[int, list[str]]:
    """Section index -> excerpts of the check's body spans in that section."""
    found: dict[int, list[str]] = {}
    for span in check.spans:
        if span.field != "body" or span.end <= span.start:
            continue
        index = doc.section_of_offset(article.body, span.start)
        excerpt = " ".join(article.body[span.start:span.end].split())
        found.setdefault(index, []).append(excerpt[:160])
    return found


def plan_revisions(article: Article, report: Report, skip: frozenset[int] = frozenset()
                   ) -> list[tuple[int, list[Problem]]]:
    """Sections to revise, most problems first, each with what to fix in it."""
    sections = [s for s in doc.split(article.body) if s.index not in skip]
    plan: dict[int, list[Problem]] = {}

    def add(index: int, problem: Problem) -> None:
        if index not in skip:
            plan.setdefault(index, []).append(problem)

    if check := _failing(report, "paragraph_length"):
        for section in sections:
            for start, end in doc.paragraphs(section.content):
                paragraph = section.content[start:end]
                if _words(paragraph) > PARAGRAPH_MAX_WORDS:
                    add(section.index, Problem(check.id, "split_paragraph", {
                        "opening": _opening(paragraph), "words": _words(paragraph)}))
    if check := _failing(report, "subheading_distribution"):
        for section in sections:
            longest = max((_words(part) for part in _H3.split(section.content)), default=0)
            if longest > SECTION_MAX_WORDS:
                add(section.index, Problem(check.id, "add_subheadings", {"words": longest}))
    for check_id, code in (("ai_cliches", "remove_cliches"), ("sentence_length", "shorten_sentences"),
                           ("passive_voice", "active_voice"),
                           ("consecutive_sentences", "vary_starts")):
        if check := _failing(report, check_id):
            for index, excerpts in _span_sections(article, check).items():
                add(index, Problem(check.id, code, {"excerpts": excerpts[:6]}))
    by_size = sorted(sections, key=lambda s: -_words(s.content))
    if check := _failing(report, "transition_words"):
        for section in by_size[:2]:
            add(section.index, Problem(check.id, "add_transitions"))
    if check := _failing(report, "keyphrase_density"):
        _plan_density(article, check, by_size, add)
    if check := _failing(report, "keyphrase_distribution"):      # the stretch without it
        by_share = sorted(_span_sections(article, check).items(), key=lambda item: -len(item[1]))
        for index, _ in by_share[:2]:
            add(index, Problem(check.id, "add_keyphrase", {"keyphrase": article.keyword}))
    if check := _failing(report, "related_keyphrases"):
        for section, missing in zip(by_size, check.params.get("missing", [])[:3], strict=False):
            add(section.index, Problem(check.id, "add_keyphrase", {"keyphrase": missing}))
    ordered = sorted(plan.items(), key=lambda item: (-len(item[1]), item[0]))
    return [(index, problems) for index, problems in ordered]


def _plan_density(article: Article, check: CheckResult, by_size: list[doc.Section], add: Any) -> None:
    language, keyword = article.language, article.keyword
    density = float(check.params.get("density", check.params.get("percent", 0)) or 0)
    too_much = density > 3 or check.code.endswith(("too_many", "stuffing"))
    if too_much:
        counted = sorted(by_size, key=lambda s: -sum(
            kp.contains(x, keyword, language) for x in kp.sentences(plain_text(s.content))))
        for section in counted[:2]:
            add(section.index, Problem(check.id, "reduce_keyphrase", {"keyphrase": keyword}))
    else:
        lacking = [s for s in by_size if s.index and not kp.contains(plain_text(s.content),
                                                                      keyword, language)]
        for section in (lacking or by_size)[:2]:
            add(section.index, Problem(check.id, "add_keyphrase", {"keyphrase": keyword}))

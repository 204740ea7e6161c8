"""Topic terms in the self-review: the model is asked to use a missing term in the section
where it fits (the one sharing most of its words, matched like the keyphrase), and a revision that covers more terms is kept
when it scores no worse (a term does not move the SEO or readability score)."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.analysis.keyphrase import match_text, parse_keyphrase
from app.core.models import Article
from app.core.review import document as doc
from app.core.review.plain import plain_text
from app.core.review.problems import Problem
from app.core.terms import Term, coverage

TERMS_PER_ROUND = 3
_NOTES = 2000                  # characters of a section's text its placement looks at

Plan = list[tuple[int, list[Problem]]]


def missing_terms(body: str, terms: Sequence[str], lang: str) -> list[str]:
    return [c.term.text for c in coverage(body, [Term(t) for t in terms], lang) if not c.count]


def covered(body: str, terms: Sequence[str], lang: str) -> int:
    return sum(c.count > 0 for c in coverage(body, [Term(t) for t in terms], lang))


def with_terms(plan: Plan, article: Article, terms: Sequence[str], skip: frozenset[int],
               sections: int) -> Plan:
    """`plan` with "add_term" problems for up to TERMS_PER_ROUND missing terms, each in the
    section that shares most of its words (else a planned section, else the longest one);
    at most `sections` sections in all: a term whose section has no room waits a round."""
    lang = str(article.language)
    missing = missing_terms(article.body, terms, lang)[:TERMS_PER_ROUND]
    parts = [s for s in doc.split(article.body) if s.index not in skip and s.content.strip()]
    if not missing or not parts:
        return plan
    problems = {index: list(found) for index, found in plan}
    texts = [f"{s.heading} {plain_text(s.content)[:_NOTES]}" for s in parts]
    for term in missing:
        kp = parse_keyphrase(term, lang)
        scores = [match_text(kp, text, lang).found if kp.size else 0 for text in texts]
        best = max(range(len(parts)), key=lambda i: (scores[i], parts[i].index in problems))
        if scores[best]:
            target = parts[best].index
        else:
            target = next(iter(problems), max(parts, key=lambda s: len(s.content)).index)
        asked = sum(p.code == "add_term" for p in problems.get(target, []))
        if asked >= 2 or (target not in problems and len(problems) >= sections):
            continue
        problems.setdefault(target, []).append(Problem("topic_terms", "add_term", {"term": term}))
    ordered = [(i, problems[i]) for i, _ in plan]
    ordered += [(i, p) for i, p in problems.items() if i not in dict(plan)]
    return ordered

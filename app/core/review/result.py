"""What a self-review hands back: the improved article, every fix, both reports, and undo."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from app.core.analysis.report import Report, Status
from app.core.models import Article
from app.core.review import document as doc
from app.core.review.fixes import Fix, undo


@dataclass(frozen=True, slots=True)
class Rejected:
    """A change that was tried and discarded (the text was kept as it was)."""

    fix: Fix
    reason: str                       # "score_worse" | "no_gain" | "headings_changed" | "empty" …
    seo: tuple[int, int] = (0, 0)     # score before / with the change
    readability: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class SectionDiff:
    index: int
    heading: str
    diff: str                         # unified diff, original → reviewed


def good_share(report: Report) -> float:
    """Share of scored checks (SEO + readability + lints, not info) that are good."""
    scored = [c for c in report.checks if c.status is not Status.INFO]
    return sum(c.status is Status.GOOD for c in scored) / len(scored) if scored else 1.0


@dataclass(slots=True)
class ReviewResult:
    original: Article                 # the draft as the model wrote it
    article: Article                  # the reviewed article (all fixes applied)
    fixes: list[Fix]                  # accepted fixes, in the order they were applied
    before: Report
    after: Report
    rejected: list[Rejected] = field(default_factory=list)
    rounds: int = 0                   # model revision rounds run
    stopped: bool = False             # the writer pressed Stop during the review
    output_tokens: int = 0            # tokens the model spent on revisions
    notices: list[tuple[str, dict[str, Any]]] = field(default_factory=list)

    # ---- Undo

    def fix(self, fix_id: str) -> Fix:
        for item in self.fixes:
            if item.id == fix_id:
                return item
        raise KeyError(fix_id)

    def article_without(self, fix_ids: Iterable[str]) -> Article:
        """The draft with every accepted fix except `fix_ids` (unknown ids are an error)."""
        skip = set(fix_ids)
        unknown = skip - {f.id for f in self.fixes}
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        return undo(self.original, self.article, self.fixes, skip)

    def revert(self, fix_id: str) -> Article:
        return self.article_without([fix_id])

    def revert_section(self, index: int) -> Article:
        """Undo every body change made to one section (model revision and rule fixes)."""
        return self.article_without(f.id for f in self.fixes if f.section == index)

    # ---- Reading

    def summary(self) -> dict[str, Any]:
        """JSON-ready record of the review (batch stores it; index.csv reads the scores)."""
        return {
            "seo_before": self.before.seo_score, "seo_after": self.after.seo_score,
            "readability_before": self.before.readability_score,
            "readability_after": self.after.readability_score,
            "good_before": round(good_share(self.before), 3),
            "good_after": round(good_share(self.after), 3),
            "fixes": [{"id": f.id, "code": f.code, "section": f.section, "by_model": f.by_model}
                      for f in self.fixes],
            "rejected": [{"id": r.fix.id, "reason": r.reason} for r in self.rejected],
            "rounds": self.rounds, "stopped": self.stopped, "output_tokens": self.output_tokens,
        }

    @property
    def score_change(self) -> tuple[int, int, int, int]:
        """(seo before, seo after, readability before, readability after)."""
        return (self.before.seo_score, self.after.seo_score,
                self.before.readability_score, self.after.readability_score)

    def section_diffs(self, article: Article | None = None, context: int = 2) -> list[SectionDiff]:
        """Per-section unified diffs from the draft to `article` (default: the reviewed one).
        Sections are paired by position; extra ones on either side diff against nothing."""
        target = article or self.article
        old, new = doc.split(self.original.body), doc.split(target.body)
        diffs = []
        for i in range(max(len(old), len(new))):
            a = old[i].text if i < len(old) else ""
            b = new[i].text if i < len(new) else ""
            if a == b:
                continue
            heading = (new[i] if i < len(new) else old[i]).heading
            lines = difflib.unified_diff(
                a.splitlines(keepends=True), b.splitlines(keepends=True),
                "draft", "reviewed", n=context)
            diffs.append(SectionDiff(i, heading, "".join(_ensure_newlines(lines))))
        return diffs


def _ensure_newlines(lines: Iterable[str]) -> Iterable[str]:
    for line in lines:
        yield line if line.endswith("\n") else line + "\n"

"""A fix is one recorded change to one field of an article, and can be replayed or left out.

`Fix.before`/`Fix.after` hold the whole field value (the body for body fixes) at the time
of the change. Replaying a list of fixes on the original article with some of them left
out (undo) uses a token-level three-way merge: each kept fix's own edits are applied to
the current text wherever the text they touch is unchanged, so undoing one fix keeps all
the others even when they touched the same section.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from dataclasses import field as _field
from difflib import SequenceMatcher
from typing import Any, Literal

from app.core.models import Article, FaqItem

FieldName = Literal["title", "meta_description", "slug", "body", "faq"]
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Fix:
    id: str                       # unique within one review, e.g. "meta_description", "revise-3-1"
    code: str                     # message code, e.g. "review.meta_description.shortened"
    field: FieldName
    before: str
    after: str
    section: int | None = None    # body section index (0 = H1 + introduction), when it is one
    params: dict[str, Any] = _field(default_factory=dict)
    by_model: bool = False        # True for a revision written by the model


def get_field(article: Article, name: FieldName) -> str:
    if name == "faq":
        return json.dumps([asdict(item) for item in article.faq], ensure_ascii=False)
    return str(getattr(article, name))


def set_field(article: Article, name: FieldName, value: str) -> Article:
    if name == "faq":
        items = [FaqItem(**item) for item in json.loads(value)]
        return replace(article, faq=items)
    changes: dict[str, Any] = {name: value}
    return replace(article, **changes)


def apply_fix(article: Article, fix: Fix) -> Article:
    return set_field(article, fix.field, fix.after)


def merge(current: str, before: str, after: str) -> str:
    """Apply the edits that turned `before` into `after` onto `current` (three-way merge).
    Lines are aligned first; only where both sides changed the same lines are their words
    merged. Edits whose surrounding text no longer exists in `current` are dropped."""
    return _merge(current, before, after)[0]


def _merge(current: str, before: str, after: str) -> tuple[str, int]:
    """(merged text, number of edits that could not be placed)."""
    if current == before:
        return after, 0
    if before == after or current == after:
        return current, 0
    base, mine, theirs = (text.splitlines(keepends=True) for text in (before, after, current))
    ops = SequenceMatcher(None, base, mine, autojunk=False).get_opcodes()
    blocks = SequenceMatcher(None, base, theirs, autojunk=False).get_matching_blocks()
    windows = _windows(ops, blocks, len(base))
    result = list(theirs)
    dropped = 0
    for lo, hi in reversed(windows):
        t0, t1 = _map_theirs(blocks, lo), _map_theirs(blocks, hi)
        m0, m1 = _map_mine(ops, lo), _map_mine(ops, hi)
        if theirs[t0:t1] == base[lo:hi]:
            result[t0:t1] = mine[m0:m1]
        else:  # both sides changed these lines: merge their words
            merged, lost = _merge_tokens("".join(theirs[t0:t1]), "".join(base[lo:hi]),
                                         "".join(mine[m0:m1]))
            result[t0:t1] = [merged]
            dropped += lost
    return "".join(result), dropped


def _windows(ops: list[Any], blocks: list[Any], size: int) -> list[tuple[int, int]]:
    """Base line ranges around each edit whose edges sit in text both sides share, and
    never inside another edit; overlapping ranges are joined."""
    inside_edit: set[int] = set()
    for tag, i1, i2, _j1, _j2 in ops:
        if tag != "equal":
            inside_edit.update(range(i1 + 1, i2))
    shared = {0, size}
    for block in blocks:
        shared.update(range(block.a, block.a + block.size + 1))

    def ok(x: int) -> bool:
        return x in shared and x not in inside_edit

    spans = []
    for tag, i1, i2, _j1, _j2 in ops:
        if tag == "equal":
            continue
        lo, hi = i1, i2
        while not ok(lo):
            lo -= 1
        while not ok(hi):
            hi += 1
        spans.append((lo, hi))
    windows: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if windows and lo < windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return windows


def _map_theirs(blocks: list[Any], x: int) -> int:
    for block in blocks:
        if block.a <= x <= block.a + block.size:
            return int(block.b + (x - block.a))
    return 0


def _map_mine(ops: list[Any], x: int) -> int:
    for tag, i1, i2, j1, j2 in ops:
        if x == i1:
            return int(j1)
        if tag == "equal" and i1 <= x <= i2:
            return int(j1 + (x - i1))
        if x == i2:
            return int(j2)
    return 0


def _merge_tokens(current: str, before: str, after: str) -> tuple[str, int]:
    """Word-level three-way merge of a few lines; also returns how many edits were dropped."""
    base = _TOKEN.findall(before)
    mine = _TOKEN.findall(after)
    theirs = _TOKEN.findall(current)
    hunks = [op for op in SequenceMatcher(None, base, mine, autojunk=False).get_opcodes()
             if op[0] != "equal"]
    blocks = SequenceMatcher(None, base, theirs, autojunk=False).get_matching_blocks()
    result = list(theirs)
    unplaced = []
    for _tag, i1, i2, j1, j2 in reversed(hunks):
        target = _locate(blocks, i1, i2)
        if target is None:
            unplaced.append((i1, i2, j1, j2))
            continue
        start, end = target
        result[start:end] = mine[j1:j2]
    text = "".join(result)
    dropped = 0
    for i1, i2, j1, j2 in unplaced:
        # Repetitive text can mislead the alignment: place the edit where its words (with a
        # little context for an insertion) occur exactly once.
        left = "".join(base[max(0, i1 - 4):i1]) if i1 == i2 else ""
        right = "".join(base[i2:i2 + 4]) if i1 == i2 else ""
        old = left + "".join(base[i1:i2]) + right
        if old.strip() and text.count(old) == 1:
            text = text.replace(old, left + "".join(mine[j1:j2]) + right)
        else:
            dropped += 1
    return text, dropped


def _locate(blocks: Iterable[Any], i1: int, i2: int) -> tuple[int, int] | None:
    """Where base tokens [i1, i2) sit in the current text, if they are unchanged there."""
    for block in blocks:
        start, cur, size = block.a, block.b, block.size
        if size and start <= i1 and i2 <= start + size:   # never the empty end marker
            return cur + (i1 - start), cur + (i2 - start)
    return None


def replay(original: Article, fixes: Iterable[Fix], skip: Iterable[str] = ()) -> Article:
    """The original article with every fix applied in order except those in `skip`."""
    return _replay(original, list(fixes), set(skip))[0]


def _replay(original: Article, fixes: list[Fix], skipped: set[str]) -> tuple[Article, int]:
    article, dropped = original, 0
    for fix in fixes:
        if fix.id in skipped:
            continue
        current = get_field(article, fix.field)
        if fix.field == "faq" and current != fix.before:
            dropped += 1
            continue  # structured data: all or nothing
        merged, lost = _merge(current, fix.before, fix.after)
        article, dropped = set_field(article, fix.field, merged), dropped + lost
    return article, dropped


def _unapply(final: Article, fixes: list[Fix], skipped: set[str]) -> tuple[Article, int]:
    article, dropped = final, 0
    for fix in reversed(fixes):
        if fix.id not in skipped:
            continue
        current = get_field(article, fix.field)
        if fix.field == "faq" and current != fix.after:
            dropped += 1
            continue
        merged, lost = _merge(current, fix.after, fix.before)
        article, dropped = set_field(article, fix.field, merged), dropped + lost
    return article, dropped


def undo(original: Article, final: Article, fixes: Iterable[Fix], skip: Iterable[str]) -> Article:
    """`final` without the fixes in `skip`. Two ways are tried — take those fixes back out of
    the final text, or redo every other fix on the original — and the one that had to drop
    fewer edits wins (a small rule fix under a later model revision is best taken out; a
    model revision under later typography is best left out of a replay)."""
    fix_list, skipped = list(fixes), set(skip)
    if not skipped:
        return final
    taken_out, lost_out = _unapply(final, fix_list, skipped)
    if lost_out == 0:
        return taken_out
    replayed, lost_replay = _replay(original, fix_list, skipped)
    return replayed if lost_replay < lost_out else taken_out

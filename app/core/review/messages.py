"""Wording of review fixes and rejections for the CLI and the GUI, in the reader's language.

The core records codes and parameters; only this module turns them into sentences, from the
language pack's `review.json` (resources/messages/<lang>/review.json for French and English).
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from app.core.errors import InputError
from app.core.languages import LanguagePack, pack
from app.core.review.fixes import Fix
from app.core.review.result import Rejected, good_share


@cache
def _texts(language: str) -> tuple[LanguagePack, dict[str, dict[str, str]]]:
    lp = pack(language)
    path = lp.messages_dir / "review.json"
    try:
        data: dict[str, dict[str, str]] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"No self-review texts for '{lp.code}': {exc}",
                         hint=f"Add {path} (see resources/messages/en/review.json).") from None
    return lp, data


def describe(fix: Fix, language: str = "en") -> str:
    lp, data = _texts(language)
    texts, words = data["fix"], data["words"]
    params: dict[str, Any] = {"after": fix.after, **fix.params}
    family = fix.code.split(".")
    if family[1] == "title":
        what = ", ".join(words.get(part, part) for part in family[2].split("+"))
        return texts["review.title"].format(what=what, chars=params.get("chars", len(fix.after)))
    if family[1] == "meta_description":
        why = words.get(family[2], family[2]).format(was=params.get("was", ""))
        return texts["review.meta_description"].format(chars=params.get("chars", 0), why=why)
    if fix.code == "review.typography.fixed":
        if fix.section:
            where = words["where_section"].format(heading=params.get("heading", ""))
        elif fix.section == 0:
            where = words["where_intro"]
        else:
            where = words["where_field"].format(field=words.get(fix.field, fix.field))
        return texts[fix.code].format(where=where)
    if "headings" in params and isinstance(params["headings"], list):
        params["headings"] = ", ".join(lp.typography.quote(h) for h in params["headings"])
    if "checks" in params and isinstance(params["checks"], list):
        params["checks"] = ", ".join(str(c).replace("_", " ") for c in params["checks"])
    if not params.get("heading"):
        params["heading"] = words["intro"]
    template = texts.get(fix.code, fix.code)
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def describe_rejected(item: Rejected, language: str = "en") -> str:
    _, data = _texts(language)
    reason = data["rejected"].get(item.reason, item.reason)
    what = describe(item.fix, language).rstrip(".")
    return data["summary"]["discarded"].format(what=what, reason=reason)


def describe_notice(notice: Any, language: str = "en") -> str:
    """Text of a review Notice (`code` "review.*", `params`)."""
    _, data = _texts(language)
    params = dict(getattr(notice, "params", {}) or {})
    params["heading"] = params.get("heading") or data["words"]["intro"]
    if isinstance(params.get("checks"), list):
        params["checks"] = ", ".join(str(c).replace("_", " ") for c in params["checks"])
    template = str(data["notice"].get(notice.code, notice.code))
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def summary_lines(result: Any, language: str = "en") -> list[str]:
    """What the CLI prints after a review: scores, then each fix and each discarded change."""
    _, data = _texts(language)
    seo_b, seo_a, read_b, read_a = result.score_change
    good_b, good_a = good_share(result.before), good_share(result.after)
    head = data["summary"]["head"].format(seo_b=seo_b, seo_a=seo_a, read_b=read_b, read_a=read_a,
                                          good_b=f"{good_b:.0%}", good_a=f"{good_a:.0%}")
    if result.stopped:
        head += data["summary"]["stopped"]
    lines = [head]
    lines += [f"  + {describe(fix, language)}" for fix in result.fixes]
    lines += [f"  − {describe_rejected(item, language)}" for item in result.rejected]
    return lines


# ---- One line saying what a review did ("Split 2 long paragraphs; … — SEO 46 → 62")


def _family(code: str) -> str:
    """"review.title.shortened" → "review.title"; codes with a fixed wording stay whole."""
    parts = code.split(".")
    if parts[1] in ("title", "meta_description", "slug", "h1") and code not in _texts("en")[1]["short"]:
        return ".".join(parts[:2])
    return code


def _count(fix: Fix) -> int:
    if fix.code == "review.subheadings.keyword_added":
        return len(fix.params.get("headings") or ()) or 1
    if fix.code == "review.paragraphs.split":
        return int(fix.params.get("count", 1) or 1)
    return 1


def change_summary(fixes: list[Fix], scores: tuple[int, int, int, int], language: str = "en",
                   *, stopped: bool = False) -> str:
    """What a review (or a series of one-click fixes) changed, in one line, with the scores:
    "Split 2 long paragraphs; added the keyphrase to the intro — SEO 46 → 62"."""
    _, data = _texts(language)
    short, words = data["short"], data["summary"]
    counts: dict[str, int] = {}
    for fix in fixes:
        family = _family(fix.code)
        counts[family] = counts.get(family, 0) + _count(fix)
    phrases = []
    for family, n in counts.items():
        template = short.get(family)
        if template is not None:
            phrases.append(_plural(template.format(n=n), n))
    text = words["joint"].join(phrases) if phrases else words["nothing"]
    text = text[:1].upper() + text[1:]
    seo_b, seo_a, read_b, read_a = scores
    score = f"SEO {seo_b} → {seo_a}" if seo_b != seo_a or read_b == read_a else ""
    if read_b != read_a:
        score += (", " if score else "") + f"{words['readability']} {read_b} → {read_a}"
    if not fixes:
        score = f"SEO {seo_a}"
    return f"{text} — {score}" + (words["stopped"] if stopped else "")


def _plural(text: str, n: int) -> str:
    """"2 long paragraph(s)" → "2 long paragraphs"; "1 … paragraph(s)" → "1 … paragraph"."""
    if n == 1:
        return re.sub(r"\((?:e?s|x)\)", "", text)
    return re.sub(r"\((e?s|x)\)", r"\1", text)


def review_summary(result: Any, language: str = "en") -> str:
    """`change_summary` of a `ReviewResult`."""
    return change_summary(list(result.fixes), result.score_change, language,
                          stopped=bool(result.stopped))

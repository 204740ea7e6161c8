"""Wording of review fixes and rejections for the CLI and the GUI, in the reader's language.

The core records codes and parameters; only this module turns them into sentences, from the
language pack's `review.json` (resources/messages/<lang>/review.json for French and English).
"""

from __future__ import annotations

import json
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

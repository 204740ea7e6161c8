"""What each check says, in the reader's language, in one place.

`message(check, lang)` words a CheckResult for the UI language (independent of the article
language); `check_title(check_id, lang)` is the short label of a check. The texts of French
and English are the table in `messages_text.py`; another language pack brings its own as
data (`"checks": "checks.json"` in its pack.json: {"messages": {code: text}, "titles":
{check_id: text}}). The pack's typography (no-break spaces before : ; ! ? and inside « »,
decimal comma) and plural rule are applied here, once.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from app.core.analysis.messages_text import MESSAGES, TITLES
from app.core.analysis.report import CheckResult
from app.core.errors import InputError
from app.core.languages import LanguagePack, methods, pack

_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^{}]*)\}")


@cache
def _texts(lang: str) -> tuple[LanguagePack, dict[str, str], dict[str, str]]:
    """(pack, messages, titles) for a language: its checks.json, else the built-in table."""
    lp = pack(lang)
    if lp.checks_file is not None:
        try:
            data = json.loads(lp.checks_file.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InputError(f"Cannot read the check texts of '{lp.code}': {exc}",
                             hint=f"Fix {lp.checks_file} (JSON: messages, titles).") from None
        return lp, dict(data.get("messages", {})), dict(data.get("titles", {}))
    messages = {code: t[lp.code] for code, t in MESSAGES.items() if lp.code in t}
    titles = {cid: t[lp.code] for cid, t in TITLES.items() if lp.code in t}
    if not messages:
        raise InputError(f"The '{lp.code}' language pack has no check texts.",
                         hint=f"Add \"checks\": \"checks.json\" to {lp.root / 'pack.json'}.")
    return lp, messages, titles


def _plurals(template: str, params: dict[str, Any], lp: LanguagePack) -> str:
    """`{count|lien|liens}` -> the form for params["count"] (French: 0 and 1 are singular)."""

    def pick(m: re.Match[str]) -> str:
        value = params.get(m.group(1))
        n = value if isinstance(value, int | float) else len(value) if isinstance(value, list | tuple) else 2
        return m.group(2) if methods.is_singular(lp, n) else m.group(3)

    return _PLURAL.sub(pick, template)


def _fmt(value: Any, lp: LanguagePack) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_fmt(v, lp) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} ({v})" for k, v in value.items())
    if isinstance(value, float):
        text = f"{value:.1f}".rstrip("0").rstrip(".")
        return text.replace(".", lp.typography.decimal_separator)
    return str(value)


def message(check: CheckResult, lang: str) -> str:
    """The advice for one check, e.g. « Le mot-clé n'apparaît pas dans l'introduction… »."""
    lp, texts, _ = _texts(lang)
    template = texts.get(check.code)
    if template is None:
        return check.code
    params = {k: _fmt(v, lp) for k, v in check.params.items()}
    try:
        text = _plurals(template, check.params, lp).format(**params)
    except (KeyError, IndexError):
        text = template
    forms = check.params.get("forms")
    if forms and "_forms" in texts:
        text += " " + texts["_forms"].format(forms=_fmt(forms, lp))
    return lp.typography.apply(text)


def check_title(check_id: str, lang: str) -> str:
    """Short label of a check ("Keyphrase in introduction", « Mot-clé dans l'introduction »)."""
    lp, _, titles = _texts(lang)
    title = titles.get(check_id)
    return check_id if title is None else lp.typography.apply(title)

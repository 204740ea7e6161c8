"""What each check says, in French and English, in one place.

`message(check, lang)` words a CheckResult for the UI language (independent of the article
language); `check_title(check_id, lang)` is the short label of a check. French texts get
their no-break spaces (before : ; ! ? and inside « ») added here, once.
"""

from __future__ import annotations

import re
from typing import Any

from app.core.analysis.messages_text import MESSAGES, TITLES
from app.core.analysis.report import CheckResult


def _french_spaces(text: str) -> str:
    for sign in (":", ";", "!", "?"):
        text = text.replace(f" {sign}", f"\u202f{sign}" if sign != ":" else f"\u00a0{sign}")
    return text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")


_PLURAL = re.compile(r"\{(\w+)\|([^|{}]*)\|([^{}]*)\}")


def _plurals(template: str, params: dict[str, Any], lang: str) -> str:
    """`{count|lien|liens}` -> the form for params["count"] (French: 0 and 1 are singular)."""

    def pick(m: re.Match[str]) -> str:
        value = params.get(m.group(1))
        n = value if isinstance(value, int | float) else len(value) if isinstance(value, list | tuple) else 2
        singular = abs(n) < 2 if lang == "fr" else n == 1
        return m.group(2) if singular else m.group(3)

    return _PLURAL.sub(pick, template)


def _lang(lang: str) -> str:
    return "fr" if str(lang).lower().startswith("fr") else "en"


def _fmt(value: Any, lang: str) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_fmt(v, lang) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k} ({v})" for k, v in value.items())
    if isinstance(value, float):
        text = f"{value:.1f}".rstrip("0").rstrip(".")
        return text.replace(".", ",") if lang == "fr" else text
    return str(value)


def message(check: CheckResult, lang: str) -> str:
    """The advice for one check, e.g. « Le mot-clé n'apparaît pas dans l'introduction… »."""
    lang = _lang(lang)
    texts = MESSAGES.get(check.code)
    if texts is None:
        return check.code
    params = {k: _fmt(v, lang) for k, v in check.params.items()}
    try:
        text = _plurals(texts[lang], check.params, lang).format(**params)
    except (KeyError, IndexError):
        text = texts[lang]
    forms = check.params.get("forms")
    if forms:
        text += " " + MESSAGES["_forms"][lang].format(forms=_fmt(forms, lang))
    return _french_spaces(text) if lang == "fr" else text


def check_title(check_id: str, lang: str) -> str:
    """Short label of a check ("Keyphrase in introduction", « Mot-clé dans l'introduction »)."""
    lang = _lang(lang)
    titles = TITLES.get(check_id)
    if titles is None:
        return check_id
    return _french_spaces(titles[lang]) if lang == "fr" else titles[lang]

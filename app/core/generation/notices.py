"""Sentences for the generation flow's notices, in the interface's language.

The texts are data (`notices.json` in the language pack's messages folder, resources/messages/<lang>/); a notice whose code has no
text is shown as its code. Review notices ("review.*") have their own texts in
`app.core.review.messages`.
"""

from __future__ import annotations

import json
from functools import cache

from app.core.generation.events import Notice
from app.core.languages import pack


@cache
def _texts(language: str) -> dict[str, str]:
    data: dict[str, str] = json.loads((pack(language).messages_dir / "notices.json").read_text(encoding="utf-8"))
    return data


def describe(notice: Notice, language: str = "en") -> str:
    """One line saying what happened, e.g. "section 2: the model repeated itself; writing it again"."""
    if notice.code.startswith("review."):
        from app.core.review.messages import describe_notice

        return describe_notice(notice, language)
    texts = _texts(language)
    params = {k: (", ".join(map(str, v)) if isinstance(v, list) else v) for k, v in notice.params.items()}
    if "section" in params and "problem" in params:
        section = params["section"]
        params["part"] = texts["part.intro"] if section == 0 else texts["part.section"].format(section=section)
        params["problem"] = texts.get(f"problem.{params['problem']}", str(params["problem"]))
    template = texts.get(notice.code)
    if template is None:
        return notice.code.replace("_", " ")
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template

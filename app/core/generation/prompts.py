"""Prompt templates (resources/prompts/<lang>/*.txt, `$name` placeholders) and their variables.

Each language has its own, natively written templates; nothing is translated at run time.
`labels.json` holds the short localized strings (tone descriptions, FAQ heading, rules).
"""

from __future__ import annotations

import json
from functools import cache
from string import Template
from typing import Any

from app.core.models import Brief, Language, OutlineSection, Plan
from app.core.resources import read_text
from app.core.textutil import strip_control

Messages = list[dict[str, str]]


@cache
def template(language: Language, name: str) -> Template:
    return Template(read_text("prompts", language.value, f"{name}.txt"))


@cache
def labels(language: Language) -> dict[str, str]:
    data: dict[str, str] = json.loads(read_text("prompts", language.value, "labels.json"))
    return data


def label(language: Language, key: str, **values: str) -> str:
    return Template(labels(language)[key]).substitute(values)


def render(language: Language, name: str, **values: Any) -> str:
    text = template(language, name).substitute({k: str(v) for k, v in values.items()})
    return "\n".join(line.rstrip() for line in text.strip().splitlines()).strip()


def _clean(text: str, limit: int) -> str:
    """User text put into a prompt: no control characters, single spaces, bounded length."""
    return " ".join(strip_control(text).split())[:limit]


class PromptBook:
    """Builds the messages of every step for one brief."""

    def __init__(self, brief: Brief) -> None:
        self.brief = brief
        self.lang = brief.language
        lang = self.lang
        none = labels(lang)["none"]
        self.common = {
            "keyword": _clean(brief.keyword, 120),
            "secondary": ", ".join(_clean(k, 80) for k in brief.secondary_keywords[:10]) or none,
            "audience": _clean(brief.audience, 200) or labels(lang)["audience_default"],
        }
        self.lists_rule = labels(lang)["rule.lists" if brief.options.lists_and_tables else "rule.no_lists"]

    def system(self) -> dict[str, str]:
        b = self.brief
        instructions = _clean(b.instructions, 1500)
        text = render(self.lang, "system", audience=self.common["audience"],
                      tone=labels(self.lang)[f"tone.{b.tone.value}"],
                      point_of_view=labels(self.lang)[f"pov.{b.point_of_view.value}"],
                      instructions=instructions)
        return {"role": "system", "content": text}

    def _messages(self, user: str) -> Messages:
        return [self.system(), {"role": "user", "content": user}]

    def plan(self, sections: str) -> Messages:
        b = self.brief
        lab = labels(self.lang)
        return self._messages(render(
            self.lang, "plan", **self.common, target_words=b.target_words, sections=sections,
            faq_rule=lab["rule.faq" if b.options.faq else "rule.no_faq"],
            conclusion_rule=lab["rule.conclusion" if b.options.conclusion else "rule.no_conclusion"],
            lists_rule=self.lists_rule, instructions=_clean(b.instructions, 1500)))

    def intro(self, plan: Plan, words: int, *, retry_keyword: bool = False) -> Messages:
        takeaways = ""
        if self.brief.options.key_takeaways:
            takeaways = render(self.lang, "takeaways", label=labels(self.lang)["takeaways"])
        text = render(self.lang, "intro", **self.common, h1=plan.h1, outline=outline_text(plan),
                      words=words, takeaways=takeaways)
        if retry_keyword:
            text += "\n\n" + render(self.lang, "retry_keyword", **self.common)
        return self._messages(text)

    def section(self, plan: Plan, index: int, words: int, previous: str) -> Messages:
        section = plan.outline[index - 1]
        closing = index == len(plan.outline) and self.brief.options.conclusion
        return self._messages(render(
            self.lang, "section", **self.common, h1=plan.h1, outline=outline_text(plan),
            heading=section.heading, notes=section.notes or "-", words=words,
            previous=previous or "-", lists_rule=self.lists_rule,
            closing_rule=labels(self.lang)["rule.closing" if closing else "rule.not_closing"]))

    def continuation(self, plan: Plan, index: int, words: int, so_far: str, *, extend: bool) -> Messages:
        section = plan.outline[index - 1]
        request = labels(self.lang)["request.extend" if extend else "request.split"]
        return self._messages(render(
            self.lang, "continue", **self.common, h1=plan.h1, heading=section.heading,
            notes=section.notes or "-", so_far=so_far or "-", request=request, words=words,
            lists_rule=self.lists_rule))

    def faq(self, plan: Plan) -> Messages:
        return self._messages(render(self.lang, "faq", **self.common, h1=plan.h1,
                                     outline=outline_text(plan)))

    def fix_meta(self, meta: str) -> Messages:
        return self._messages(render(self.lang, "fix_meta", **self.common, meta=meta, length=len(meta)))

    def fix_title(self, title: str) -> Messages:
        return self._messages(render(self.lang, "fix_title", **self.common, title=title))


def outline_text(plan: Plan) -> str:
    lines = []
    for section in plan.outline:
        indent = "  " if section.level >= 3 else ""
        notes = f" — {_clean(section.notes, 300)}" if section.notes else ""
        lines.append(f"{indent}- {'#' * max(2, min(section.level, 3))} {section.heading}{notes}")
    return "\n".join(lines)


def heading_line(section: OutlineSection) -> str:
    return f"{'#' * max(2, min(section.level, 3))} {section.heading.strip()}"

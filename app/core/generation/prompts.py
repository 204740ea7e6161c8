"""Prompt templates (`*.txt` with `$name` placeholders) and their variables, per language pack.

Each pack's `prompts` folder (resources/prompts/<lang>/ for French and English) holds its own,
natively written templates; nothing is translated at run time. `labels.json` there holds the
short localized strings (tone descriptions, FAQ heading, rules).
"""

from __future__ import annotations

from functools import cache
from string import Template
from typing import Any

from app.core.errors import InputError
from app.core.keyword_rules import MAX_KEYWORD_CHARS
from app.core.languages import labels as language_labels
from app.core.languages import pack
from app.core.models import Brief, Language, OutlineSection, Plan
from app.core.textutil import capitalize_first, strip_control

Messages = list[dict[str, str]]


@cache
def read_prompt(language: Language | str, name: str) -> str:
    """A file of the language pack's prompts folder (e.g. "review_system.txt")."""
    lp = pack(str(language))
    path = lp.prompts_dir / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        raise InputError(f"The '{lp.code}' language pack has no prompt '{name}'.",
                         hint=f"Add {path}.") from None


@cache
def template(language: Language, name: str) -> Template:
    return Template(read_prompt(language, f"{name}.txt"))


def labels(language: Language) -> dict[str, str]:
    return language_labels(language.value)


def label(language: Language, key: str, **values: str) -> str:
    return Template(labels(language)[key]).substitute(values)


def render(language: Language, name: str, **values: Any) -> str:
    text = template(language, name).substitute({k: str(v) for k, v in values.items()})
    return "\n".join(line.rstrip() for line in text.strip().splitlines()).strip()


def _clean(text: str, limit: int) -> str:
    """User text put into a prompt: no control characters, single spaces, bounded length."""
    return " ".join(strip_control(text).split())[:limit]


_VOWELS = frozenset("aeiouàâäéèêëîïôöùûü")   # before them a pack's elided lead ("d’isolation")


class PromptBook:
    """Builds the messages of every step for one brief."""

    def __init__(self, brief: Brief, *, compact: bool = False, prefill: bool = False) -> None:
        """`compact`: a one-line system prompt, for small models that echo long instructions
        instead of following them (see `ModelInfo.is_small`). `prefill`: with `compact`, the
        article so far is sent as the start of the model's own answer, which it continues
        (Ollama's chat templates leave a last assistant message open); for models that do
        not think, whose answer would otherwise start with the trace."""
        self.brief = brief
        self.compact = compact
        self.prefill = compact and prefill
        self.lang = brief.language
        lang = self.lang
        none = labels(lang)["none"]
        self.common = {
            "keyword": _clean(brief.keyword, MAX_KEYWORD_CHARS),
            "secondary": ", ".join(_clean(k, 80) for k in brief.secondary_keywords[:10]) or none,
            "audience": _clean(brief.audience, 200) or labels(lang)["audience_default"],
        }
        self.lists_rule = labels(lang)["rule.lists" if brief.options.lists_and_tables else "rule.no_lists"]

    def system(self) -> dict[str, str]:
        b = self.brief
        instructions = _clean(b.instructions, 1500)
        text = render(self.lang, "system_compact" if self.compact else "system", audience=self.common["audience"],
                      tone=labels(self.lang)[f"tone.{b.tone.value}"],
                      point_of_view=labels(self.lang)[f"pov.{b.point_of_view.value}"],
                      instructions=instructions)
        return {"role": "system", "content": text}

    def _messages(self, user: str) -> Messages:
        """System prompt + request; compact: one user message ending with the style line
        (small models repeat whatever opens the prompt, so the request opens it)."""
        if self.compact:
            return [{"role": "user", "content": f"{user}\n{self.system()['content']}".strip()}]
        return [self.system(), {"role": "user", "content": user}]

    def _document(self, name: str, **values: Any) -> Messages:
        """Prose request: for a small model, the article so far, ending where the answer
        should start; with `prefill`, after a one-line request and as the start of the
        model's answer (on the 270M base model, 93–98 % of the words it adds are article
        text that way, against 18 % when the same excerpt is the user's message);
        otherwise the full template with its instructions."""
        if self.compact:
            text = render(self.lang, f"{name}_compact", **values) + "\n\n"
            if not self.prefill:
                return [{"role": "user", "content": text}]
            request = label(self.lang, "request.document", keyword=self.common["keyword"])
            return [{"role": "user", "content": request}, {"role": "assistant", "content": text}]
        return self._messages(render(self.lang, name, **values))

    def plan(self, sections: int) -> Messages:
        b = self.brief
        lab = labels(self.lang)
        return self._messages(render(
            self.lang, "plan_compact" if self.compact else "plan", **self.common,
            target_words=b.target_words, sections=sections,
            faq_rule=lab["rule.faq" if b.options.faq else "rule.no_faq"],
            conclusion_rule=lab["rule.conclusion" if b.options.conclusion else "rule.no_conclusion"],
            lists_rule=self.lists_rule, instructions=_clean(b.instructions, 1500)))

    def plan_text(self, sections: int) -> Messages:
        """The plain-text outline asked when the JSON plan failed (parsed leniently); with
        `prefill`, the start of the article's table of contents, which the model continues
        as a numbered list (its first item follows the "1. " it is handed)."""
        if self.prefill:
            request = label(self.lang, "request.document", keyword=self.common["keyword"])
            start = f"# {fallback_title(self.lang, self.common['keyword'])}\n\n{labels(self.lang)['toc.lead']}\n\n1. "
            return [{"role": "user", "content": request}, {"role": "assistant", "content": start}]
        return self._messages(render(self.lang, "plan_text", **self.common, sections=sections))

    def intro(self, plan: Plan, words: int) -> Messages:
        """With `prefill`, the answer also starts with the introduction's lead (`intro_lead`)."""
        takeaways = ""
        if self.brief.options.key_takeaways:
            takeaways = render(self.lang, "takeaways", label=labels(self.lang)["takeaways"])
        messages = self._document("intro", **self.common, h1=plan.h1, outline=outline_text(plan),
                                  words=words, takeaways=takeaways)
        lead = self.intro_lead()
        if lead:
            *head, answer = messages
            messages = [*head, {"role": "assistant", "content": f"{answer['content']}{lead}"}]
        return messages

    def intro_lead(self) -> str:
        """For a prefilled introduction, the words it opens with, the keyword among them ("En
        matière de compost maison,"), which the model continues: handed the headline alone,
        the 270M base model wrote 66 % article text in its introductions (English instead of
        French, a bibliography, LaTeX…), 97 % with the lead. "" when not prefilled."""
        if not self.prefill or "intro.lead" not in labels(self.lang):
            return ""
        return self._elided("intro.lead") + " "

    def faq_questions(self) -> list[str]:
        """A tiny model's FAQ questions, from the language pack (the model writes the answers):
        only 36 % of the 270M model's own FAQ text was kept, its questions mostly off topic
        or not questions."""
        return self._elided("faq.questions").split("|")

    def _elided(self, key: str) -> str:
        """Label `key` with the keyword, in its `.vowel` form before a vowel ("d’isolation")."""
        vowel = self.common["keyword"][:1].lower() in _VOWELS and f"{key}.vowel" in labels(self.lang)
        return label(self.lang, f"{key}.vowel" if vowel else key, keyword=self.common["keyword"])

    def section(self, plan: Plan, index: int, words: int, previous: str) -> Messages:
        section = plan.outline[index - 1]
        closing = index == len(plan.outline) and self.brief.options.conclusion
        return self._document(
            "section", **self.common, h1=plan.h1, outline=outline_text(plan),
            heading=section.heading, notes=self._notes(plan, index), words=words,
            previous=previous or "-", lists_rule=self.lists_rule,
            closing_rule=labels(self.lang)["rule.closing" if closing else "rule.not_closing"])

    def _notes(self, plan: Plan, index: int) -> str:
        """The section's notes, plus the topic terms placed in it (app/core/terms)."""
        notes = plan.outline[index - 1].notes or "-"
        if not self.brief.terms:
            return notes
        from app.core.terms.placement import assign_terms

        mine = assign_terms(self.brief.terms, plan.outline, self.lang.value)[index - 1]
        if not mine:
            return notes
        terms = label(self.lang, "terms", terms=", ".join(_clean(t, 60) for t in mine))
        return terms if notes == "-" else f"{notes} {terms}"

    def continuation(self, plan: Plan, index: int, words: int, so_far: str, *, extend: bool) -> Messages:
        section = plan.outline[index - 1]
        request = labels(self.lang)["request.extend" if extend else "request.split"]
        return self._document(
            "continue", **self.common, h1=plan.h1, heading=section.heading,
            notes=section.notes or "-", so_far=so_far or "-", request=request, words=words,
            lists_rule=self.lists_rule)

    def faq(self, plan: Plan, items: int, answer_words: int) -> Messages:
        return self._messages(render(self.lang, "faq", **self.common, h1=plan.h1,
                                     outline=outline_text(plan), items=items,
                                     answer_words=answer_words))

    def faq_answer(self, plan: Plan, question: str, written: str = "") -> Messages:
        """The answer to `question` as the article's next Markdown, after the FAQ items
        already `written`: the model continues below the question."""
        request = label(self.lang, "request.document", keyword=self.common["keyword"])
        done = f"{written.strip()}\n\n" if written.strip() else ""
        start = f"# {plan.h1}\n\n## {labels(self.lang)['faq_heading']}\n\n{done}### {question}\n\n"
        return [{"role": "user", "content": request}, {"role": "assistant", "content": start}]

    def with_note(self, messages: Messages, note: str) -> Messages:
        """`messages` with a short retry note (a label key: "retry.language"…) appended to
        the request, in the article's language; the failed answer is never resent."""
        if messages and messages[-1]["role"] == "assistant":   # a prefilled document: the request takes it
            *head, request, answer = messages
            return [*head, {"role": request["role"], "content": f"{request['content']} {labels(self.lang)[note]}"},
                    answer]
        *head, last = messages
        if self.compact and note != "retry.json":   # a document has no room for a note
            return messages
        return [*head, {"role": last["role"], "content": f"{last['content']}\n\n{labels(self.lang)[note]}"}]


def fallback_title(language: Language, keyword: str) -> str:
    """The title the language pack makes from the keyword ("Compost maison : le guide pratique")."""
    return label(language, "title.fallback", keyword=keyword, Keyword=capitalize_first(keyword))


def answer_start(messages: Messages) -> str:
    """The text a prefilled answer starts with (the model's reply continues it), or ""."""
    return messages[-1]["content"] if messages and messages[-1]["role"] == "assistant" else ""


def outline_text(plan: Plan) -> str:
    """The outline on one line, headings only: enough for the model to stay in its lane."""
    return " / ".join(_clean(section.heading, 150) for section in plan.outline)


def heading_line(section: OutlineSection) -> str:
    return f"{'#' * max(2, min(section.level, 3))} {section.heading.strip()}"

"""ArticleGenerator: brief → plan (JSON) → introduction + sections (streamed) → FAQ → article.

Every public method is a generator of typed events (see events.py) and never raises for
model/server problems: it ends with `Failed(error, partial)` keeping what was written.
A generator instance is one job: the model's context window (`num_ctx`) is chosen once
and sent unchanged with every call (changing it would make Ollama reload the model).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Generator, Iterator
from dataclasses import replace

from app.core.cancel import CancelToken
from app.core.errors import InputError, InvalidModelOutput, PlumeError
from app.core.generation import schemas
from app.core.generation.assemble import (
    assemble,
    clean_section,
    enforce_invariants,
    enforce_plan,
    faq_markdown,
)
from app.core.generation.budget import ArticleShape, JobBudget
from app.core.generation.events import (
    ArticleReady,
    Event,
    Failed,
    FaqReady,
    Notice,
    Phase,
    PhaseStarted,
    PlanReady,
    SectionDone,
    TextDelta,
)
from app.core.generation.guards import (
    EchoIndex,
)
from app.core.generation.prompts import Messages, PromptBook, answer_start, heading_line, label
from app.core.generation.prose import (
    SHORT_SHARE,
    article_text,
    echo_of,
    in_language,
    tail,
    unseen,
    usable_text,
    vet_prose,
    words_behind,
)
from app.core.generation.steps import DRIFT_WINDOW, SMALL_DRIFT_START, Pace, StepRunner
from app.core.generation.vetting import fill_outline, vet_faq, vet_fields, vet_outline
from app.core.llm.service import ModelService
from app.core.llm.thinking import wants_thinking
from app.core.llm.types import ModelInfo
from app.core.models import Brief, FaqItem, OutlineSection, Plan
from app.core.textutil import count_words

FAQ_SECTION = -1
FAQ_DRIFT_START = 100       # characters: an answer is short, its drift is checked early
SMALL_MODEL_OPTIONS = {"repeat_penalty": 1.2, "repeat_last_n": 256}   # models under 2B loop without it
MAX_CONTINUATIONS = 3       # a section that stopped short is continued at most this often

class ArticleGenerator:
    def __init__(self, service: ModelService, model: str, *, think: bool | str | None = None,
                 num_ctx: int | None = None, temperature: float = 0.7, seed: int | None = None,
                 keep_alive: str | None = None, loaded: bool = False) -> None:
        """`loaded`: the caller has just run this model with this `num_ctx` on this host (batch,
        from the second article on), so the load check (/api/ps, load call) is skipped."""
        self.service = service
        self.model = model
        self.think = think
        self.requested_num_ctx = num_ctx
        self.temperature = temperature
        self.seed = seed
        self.keep_alive = keep_alive
        self.info: ModelInfo | None = None
        self.budget: JobBudget | None = None
        self._runner: StepRunner | None = None
        self._warm = loaded
        self.pace = Pace()
        self._failures: Counter[str] = Counter()   # per article: a failure seen twice is not retried

    @property
    def num_ctx(self) -> int | None:
        """The context window used by every call of this job (None before the first step)."""
        return self.budget.num_ctx if self.budget else None

    # ---- public API ----------------------------------------------------------------------
    def generate(self, brief: Brief, cancel: CancelToken | None = None) -> Iterator[Event]:
        plan: Plan | None = None
        for event in self.plan(brief, cancel):
            yield event
            if isinstance(event, PlanReady):
                plan = event.plan
        if plan is not None:
            yield from self.write(brief, plan, cancel)

    def plan(self, brief: Brief, cancel: CancelToken | None = None) -> Iterator[Event]:
        self._failures.clear()
        try:
            run = yield from self._prepare(brief, cancel)  # may show a LOAD phase first
            yield PhaseStarted(Phase.PLAN, label=brief.keyword)
            plan = yield from self._plan(run, brief, ArticleShape.for_brief(brief))
            plan, notices = enforce_plan(brief, plan)
            yield from notices
            yield PlanReady(plan)
        except PlumeError as err:
            yield Failed(err, None)

    def write(self, brief: Brief, plan: Plan, cancel: CancelToken | None = None) -> Iterator[Event]:
        written: list[str] = [""]
        faq: list[FaqItem] = []
        run: StepRunner | None = None
        try:
            run = yield from self._prepare(brief, cancel)
            intro = yield from self._intro(run, brief, plan)
            written[0] = intro
            previous = intro
            for index in range(1, len(plan.outline) + 1):
                if cancel is not None:
                    cancel.raise_if_cancelled()
                behind = words_behind(brief, plan, written)
                markdown = yield from self._section(run, brief, plan, index, previous, None, behind)
                written.append(markdown)
                previous = markdown
            if brief.options.faq:
                faq = yield from self._faq(run, brief, plan)
            yield PhaseStarted(Phase.ASSEMBLE)
            article = assemble(brief, plan, written, faq, model=self.model)
            article, notices = enforce_invariants(article)
            yield from notices
            yield ArticleReady(article)
        except PlumeError as err:
            in_progress = clean_section(run.streamed) if run is not None else ""
            if len(written) == 1 and not written[0]:
                partial_sections = [in_progress]
            else:
                partial_sections = written + ([in_progress] if in_progress else [])
            partial = assemble(brief, plan, partial_sections, faq, model=self.model)
            yield Failed(err, partial)

    def write_section(self, brief: Brief, plan: Plan, index: int, previous_markdown: str,
                      cancel: CancelToken | None = None, *,
                      extend_text: str | None = None, behind: int = 0) -> Iterator[Event]:
        """Regenerate outline section `index` (1-based; 0 = the introduction), or continue it
        after `extend_text`. Ends with SectionDone (markdown with the heading and, when
        extending, the original text followed by the new text) or Failed. `behind`: see
        `words_behind`, for a caller writing the sections one by one (batch)."""
        try:
            if not 0 <= index <= len(plan.outline):
                raise InputError(f"Section {index} is not in the outline (1 to {len(plan.outline)}).")
            run = yield from self._prepare(brief, cancel)
            if index == 0:
                yield from self._intro(run, brief, plan)
            else:
                yield from self._section(run, brief, plan, index, previous_markdown, extend_text, behind)
        except PlumeError as err:
            yield Failed(err, None)

    def prepare(self, brief: Brief, cancel: CancelToken | None = None) -> Iterator[Event]:
        """Load the model and size the context window for `brief` without writing anything
        (batch uses it to share one window per host and model); ends with no final event,
        or Failed."""
        try:
            yield from self._prepare(brief, cancel)
        except PlumeError as err:
            yield Failed(err, None)

    def write_intro(self, brief: Brief, plan: Plan, cancel: CancelToken | None = None) -> Iterator[Event]:
        """The introduction alone (section 0); ends with SectionDone or Failed."""
        return self.write_section(brief, plan, 0, "", cancel)

    def write_faq(self, brief: Brief, plan: Plan, sections_markdown: list[str] | None = None,
                  cancel: CancelToken | None = None) -> Iterator[Event]:
        """The FAQ alone; ends with FaqReady + SectionDone(-1) (or FaqReady([]) when the model
        gave no usable FAQ), or Failed. `sections_markdown` is accepted for symmetry."""
        try:
            run = yield from self._prepare(brief, cancel)
            yield from self._faq(run, brief, plan)
        except PlumeError as err:
            yield Failed(err, None)

    # ---- steps ---------------------------------------------------------------------------
    def _prepare(self, brief: Brief, cancel: CancelToken | None) -> Generator[Event, None, StepRunner]:
        if cancel is not None:
            cancel.raise_if_cancelled()
        if self.info is None:
            self.info = self.service.show(self.model)
            if wants_thinking(self.think) and not self.info.can_think:
                yield Notice("thinking_unsupported", {"model": self.model})
                self.think = None
        if self.budget is None:
            self.budget = JobBudget.for_job(self.info, brief, self.think, self.requested_num_ctx)
        if not self._warm:
            yield from self._warm_up(brief, cancel)
        think = self.think if self.info.can_think else None
        self._runner = StepRunner(self.service, self.model, self.budget, think=think,
                                  temperature=self.temperature, seed=self.seed,
                                  keep_alive=self.keep_alive, cancel=cancel, pace=self.pace,
                                  extra_options=SMALL_MODEL_OPTIONS if self.info.is_small else None,
                                  eager=self.info.is_small)
        return self._runner

    def _warm_up(self, brief: Brief, cancel: CancelToken | None) -> Generator[Event, None, None]:
        """Load the model with this job's num_ctx before the first call (a visible LOAD phase
        instead of a silent first section), then check the window Ollama really gave it."""
        assert self.budget is not None
        self._warm = True
        name = self.model if ":" in self.model.rsplit("/", 1)[-1] else f"{self.model}:latest"
        try:
            loaded = {r.name: r for r in self.service.running()}.get(name.lower())
        except PlumeError:
            return  # /api/ps is only advice
        if loaded is None or loaded.context_length != self.budget.num_ctx:
            yield PhaseStarted(Phase.LOAD, label=self.model)
            for _ in self.service.chat_stream(self.model, [], options={"num_ctx": self.budget.num_ctx},
                                              keep_alive=self.keep_alive, cancel=cancel):
                pass
            try:
                loaded = {r.name: r for r in self.service.running()}.get(name.lower())
            except PlumeError:
                return
        if loaded is not None and 0 < loaded.context_length < self.budget.num_ctx and self.info:
            # The server capped the window (e.g. the trained context is smaller than we were
            # told): plan with what it really has rather than let it truncate prompts.
            yield Notice("context_capped", {"requested": self.budget.num_ctx,
                                            "loaded": loaded.context_length})
            self.info = replace(self.info, context_length=loaded.context_length)
            self.budget = JobBudget.for_job(self.info, brief, self.think, loaded.context_length)

    def _book(self, brief: Brief) -> PromptBook:
        info = self.info
        small = info is not None and info.is_small
        return PromptBook(brief, compact=small, prefill=info is not None and small and not info.can_think)

    def _plan(self, run: StepRunner, brief: Brief, shape: ArticleShape) -> Generator[Event, None, Plan]:
        """JSON plan (bounded, one short retry) → plain-text outline → generic outline: each
        step only when the one before left too few usable sections. A tiny model goes
        straight to the plan from the brief: on Gemma 3 270M its JSON plan had a usable
        outline in 2 of 8 articles (the title replaced in all 8), its plain-text outline in
        3 of 16; the writer edits the outline before writing."""
        plan = Plan(title="", meta_description="", slug="", h1="")
        if self.info is not None and self.info.is_tiny:
            yield Notice("plan_from_brief", {})
            plan = replace(plan, outline=fill_outline(brief, [], shape.sections))
            schemas.scale_words(plan.outline, shape.body_words(brief))
            plan, _ = vet_fields(brief, plan, EchoIndex.build([], brief.keyword, [], []))
            return plan
        book = self._book(brief)
        messages = book.plan(shape.sections)   # the compact book asks for headings only
        echo = echo_of(messages, brief)
        try:
            schema = schemas.plan_schema(shape.sections, compact=book.compact)
            data = yield from run.json(messages, schema, what="plan",
                                       retry_messages=book.with_note(messages, "retry.json"))
            plan = schemas.plan_from_json(data, shape.body_words(brief),
                                          keep_conclusion=brief.options.conclusion)
        except InvalidModelOutput:
            yield Notice("plan_invalid", {})
        outline = vet_outline(brief, plan, echo)
        wanted = max(2, (shape.sections + 1) // 2)   # fewer: the plan is not usable as it is
        if len(outline) < wanted:
            yield Notice("plan_outline_retried", {"usable": len(outline)})
            headline, more = yield from self._text_outline(run, book, shape)
            if not plan.h1 and headline:
                plan = replace(plan, h1=headline)
            outline = vet_outline(brief, replace(plan, outline=outline + more), echo)
        if len(outline) < wanted:
            yield Notice("plan_fallback", {"usable": len(outline)})
        if len(outline) < shape.sections:
            outline = fill_outline(brief, outline, shape.sections)
        plan = replace(plan, outline=outline[:shape.sections + 1])
        schemas.scale_words(plan.outline, shape.body_words(brief))
        plan, replaced = vet_fields(brief, plan, echo)
        if replaced:
            yield Notice("plan_fields_replaced", {"fields": replaced})
        return plan

    def _text_outline(self, run: StepRunner, book: PromptBook, shape: ArticleShape
                      ) -> Generator[Event, None, tuple[str, list[OutlineSection]]]:
        messages = book.plan_text(shape.sections)
        result = yield from run.prose(messages, words=8 * (shape.sections + 1),
                                      section=0, what="outline", strip_heading=False, show=False,
                                      one_section=False)
        return schemas.outline_from_text(answer_start(messages) + result.text)

    def _intro(self, run: StepRunner, brief: Brief, plan: Plan) -> Generator[Event, None, str]:
        book = self._book(brief)
        words = ArticleShape.for_brief(brief).intro_words
        yield PhaseStarted(Phase.SECTION, 0, len(plan.outline), label(brief.language, "introduction"))
        run.streamed = ""
        yield TextDelta(0, f"# {plan.h1}\n\n")
        text = yield from self._written(run, book, book.intro(plan, words), words=words, section=0,
                                        what="introduction",
                                        one_section=not brief.options.key_takeaways,
                                        lead=book.intro_lead())
        run.streamed = ""
        yield SectionDone(0, "", f"# {plan.h1}\n\n{text}")
        return text

    def _section(self, run: StepRunner, brief: Brief, plan: Plan, index: int, previous: str,
                 extend_text: str | None, behind: int = 0) -> Generator[Event, None, str]:
        """`behind`: words the article is short of its plan so far; this section asks for up
        to as many again as its own, so one short section does not make a short article (and
        down to half its own when the article is over)."""
        assert self.budget is not None
        section = plan.outline[index - 1]
        if behind and extend_text is None:
            section = replace(section, words=section.words + max(-section.words // 2, min(behind, section.words)))
        book = self._book(brief)
        head = heading_line(section)
        what = f"section {index}"
        yield PhaseStarted(Phase.SECTION, index, len(plan.outline), section.heading)
        run.streamed = ""
        per_call = self.budget.words_per_call
        if extend_text is not None:
            body = clean_section(extend_text, section.heading)
            words = min(per_call, max(100, section.words // 2))
            yield TextDelta(index, "\n\n")
            more = yield from self._written(
                run, book, book.continuation(plan, index, words, tail(body, 1500), extend=True),
                words=words, section=index, what=what, heading=section.heading)
            body = f"{body}\n\n{unseen(more, body)}".strip()
        else:
            parts = max(1, -(-section.words // per_call))
            words = -(-section.words // parts)
            yield TextDelta(index, f"\n\n{head}\n\n")
            body = yield from self._written(
                run, book, book.section(plan, index, words, tail(previous)), words=words,
                section=index, what=what, heading=section.heading,
                more=lambda so_far, left: book.continuation(plan, index, left, tail(so_far, 1500),
                                                            extend=False))
            for _part in range(1, parts):
                run.streamed = body + "\n\n"
                yield TextDelta(index, "\n\n")
                more = yield from self._written(
                    run, book, book.continuation(plan, index, words, tail(body, 1500), extend=False),
                    words=words, section=index, what=what, heading=section.heading)
                body = f"{body}\n\n{unseen(more, body)}".strip()
        markdown = f"{head}\n\n{body}"
        run.streamed = ""
        yield SectionDone(index, section.heading, markdown)
        return markdown

    def _written(self, run: StepRunner, book: PromptBook, messages: Messages, *, words: int,
                 section: int, what: str, heading: str = "", one_section: bool = False,
                 more: Callable[[str, int], Messages] | None = None, lead: str = ""
                 ) -> Generator[Event, None, str]:
        """One prose answer made article text: loops cut, echoed prompt lines dropped. An
        empty, looping or off-language answer is asked again once (never a third time for
        the same failure in this article); an answer that stopped short is continued (at most
        MAX_CONTINUATIONS times; `more` builds that request); what stays wrong is flagged.
        `lead`: the words the prefilled answer ends with (see StepRunner.prose)."""
        echo = echo_of(messages, book.brief, lead)
        usable = usable_text(book, heading, lead)
        start = SMALL_DRIFT_START if book.compact else DRIFT_WINDOW   # small models drift early and often
        result = yield from run.prose(messages, words=words, section=section, what=what,
                                      one_section=one_section, echo=echo, usable=usable,
                                      drift_start=start, lead=lead)
        text, problem = vet_prose(result, book.brief, echo, words, heading, one_section,
                                  book.compact, lead)
        if problem and problem != "short" and self._failures[problem] < 2:
            self._failures[problem] += 1
            yield Notice("section_retried", {"section": section, "problem": problem})
            retry = book.with_note(messages, _RETRY_NOTES[problem])
            extra = {"repeat_penalty": 1.3} if problem == "empty" else None
            yield TextDelta(section, "\n\n")
            again = yield from run.prose(retry, words=words, section=section, what=what, extra=extra,
                                         one_section=one_section, echo=echo, usable=usable,
                                         drift_start=start, lead=lead)
            text2, problem2 = vet_prose(again, book.brief, echo, words, heading, one_section,
                                        book.compact, lead)
            if not problem2 or problem2 == "short" or count_words(text2) > count_words(text):
                text, problem = text2, problem2
        flag = ""
        if problem in ("language", "empty"):   # still so after its retry: flagged, what is usable goes on
            flag = problem
            if problem == "language":
                text = in_language(text, book.brief, share=0.5, keep_all=False)
            problem = "short" if count_words(text) < words * SHORT_SHARE else ""
        for _ in range(MAX_CONTINUATIONS):
            left = words - count_words(text)
            if more is None or not text or left < max(25, words * 0.3):
                break
            yield TextDelta(section, "\n\n")
            extra_messages = book.with_note(more(text, left), "retry.loop")
            more_echo = echo_of(extra_messages, book.brief)
            added = yield from run.prose(extra_messages, words=left, section=section, what=what,
                                         extra={"repeat_penalty": 1.2}, echo=more_echo,
                                         usable=usable, drift_start=start)
            more_text, more_problem = vet_prose(added, book.brief, more_echo, left, heading,
                                                      small=book.compact)
            more_text = unseen(more_text, text)
            if not more_text or more_problem not in ("", "short"):
                break
            text = f"{text}\n\n{more_text}"
            problem = "short" if count_words(text) < words * SHORT_SHARE else ""
        if flag or problem:
            yield Notice("section_flagged", {"section": section, "problem": flag or problem})
        return text


    def _faq(self, run: StepRunner, brief: Brief, plan: Plan) -> Generator[Event, None, list[FaqItem]]:
        shape = ArticleShape.for_brief(brief)
        heading = label(brief.language, "faq_heading")
        yield PhaseStarted(Phase.FAQ, label=heading)
        book = self._book(brief)
        if book.prefill and self.info is not None and self.info.is_tiny:
            faq = yield from self._faq_answers(run, book, plan, shape, book.faq_questions())
        else:
            messages = book.faq(plan, shape.faq_items, shape.faq_answer_words)
            try:
                data = yield from run.json(messages, schemas.faq_schema(shape.faq_items, shape.faq_answer_words),
                                           what="FAQ", retry_messages=book.with_note(messages, "retry.json"))
            except InvalidModelOutput:
                yield Notice("faq_skipped", {"reason": "invalid_output"})
                yield FaqReady([])
                return []
            faq = vet_faq(brief, schemas.faq_from_json(data), echo_of(messages, brief))[:shape.faq_items]
        if not faq:
            yield Notice("faq_skipped", {"reason": "unusable"})
        markdown = faq_markdown(brief, faq)
        yield FaqReady(faq)
        if markdown:
            yield TextDelta(FAQ_SECTION, f"\n\n{markdown}")
            yield SectionDone(FAQ_SECTION, heading, markdown)
        return faq


    def _faq_answers(self, run: StepRunner, book: PromptBook, plan: Plan, shape: ArticleShape,
                     questions: list[str]) -> Generator[Event, None, list[FaqItem]]:
        """A tiny model's FAQ: its answers to the language pack's questions (PromptBook.faq_questions),
        one call each, as Markdown it continues (no JSON keys and quotes to pay for); a question
        whose answer is not usable is left out, and two such in a row end the FAQ."""
        items: list[FaqItem] = []
        misses = 0
        for question in questions:
            if len(items) >= shape.faq_items or misses >= 2:
                break
            written = "\n\n".join(f"### {i.question}\n\n{i.answer}" for i in items)
            messages = book.faq_answer(plan, question, written)
            result = yield from run.prose(messages, words=shape.faq_answer_words, section=FAQ_SECTION,
                                          what="FAQ", strip_heading=False, show=False,
                                          usable=usable_text(book, ""), drift_start=FAQ_DRIFT_START,
                                          one_section=True, levels=3)     # up to its own next question
            answer = schemas.unlisted(article_text(result.text.split("\n#", 1)[0], book.brief, None, "", True))
            new = vet_faq(book.brief, [FaqItem(question, answer)],
                          echo_of(messages, book.brief, f"### {question}"))   # the question is ours
            items.extend(new)
            misses = 0 if new else misses + 1
        return items


_RETRY_NOTES = {"empty": "retry.loop", "language": "retry.language"}

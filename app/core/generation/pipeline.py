"""ArticleGenerator: brief → plan (JSON) → introduction + sections (streamed) → FAQ → article.

Every public method is a generator of typed events (see events.py) and never raises for
model/server problems: it ends with `Failed(error, partial)` keeping what was written.
A generator instance is one job: the model's context window (`num_ctx`) is chosen once
and sent unchanged with every call (changing it would make Ollama reload the model).
"""

from __future__ import annotations

from collections.abc import Generator, Iterator
from dataclasses import replace

from app.core.cancel import CancelToken
from app.core.errors import InputError, InvalidModelOutput, PlumeError
from app.core.generation import schemas
from app.core.generation.assemble import (
    META_MAX,
    META_MIN,
    TITLE_MAX,
    assemble,
    clean_section,
    contains_keyword,
    enforce_invariants,
    enforce_plan,
    faq_markdown,
    intro_paragraph,
)
from app.core.generation.budget import FAQ_OUTPUT_TOKENS, PLAN_OUTPUT_TOKENS, JobBudget
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
from app.core.generation.prompts import PromptBook, heading_line, label
from app.core.generation.steps import StepRunner
from app.core.llm.client import OllamaService
from app.core.llm.thinking import wants_thinking
from app.core.llm.types import ModelInfo
from app.core.models import Brief, FaqItem, Language, Plan

FAQ_SECTION = -1
TAIL_CHARS = 700


def intro_words(brief: Brief) -> int:
    return max(60, min(150, int(brief.target_words * 0.08)))


def body_words(brief: Brief) -> int:
    faq = 250 if brief.options.faq else 0
    return max(200, brief.target_words - intro_words(brief) - faq)


def _tail(text: str, limit: int = TAIL_CHARS) -> str:
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[-limit:]
    return cut.split(" ", 1)[1] if " " in cut else cut


class ArticleGenerator:
    def __init__(self, service: OllamaService, model: str, *, think: bool | str | None = None,
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
        try:
            run = yield from self._prepare(brief, cancel)  # may show a LOAD phase first
            yield PhaseStarted(Phase.PLAN, label=brief.keyword)
            book = PromptBook(brief)
            count = max(3, min(12, round(body_words(brief) / 230)))
            span = f"{max(2, count - 1)} {'à' if brief.language is Language.FR else 'to'} {count + 1}"
            data = yield from run.json(book.plan(span), schemas.PLAN_SCHEMA,
                                       output_tokens=PLAN_OUTPUT_TOKENS, what="plan")
            plan = schemas.plan_from_json(data, body_words(brief),
                                          keep_conclusion=brief.options.conclusion)
            if not plan.outline:
                raise InvalidModelOutput(f"The model '{self.model}' proposed an empty outline.")
            plan = yield from self._fix_title(run, book, brief, plan)
            plan = yield from self._fix_meta(run, book, plan)
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
                markdown = yield from self._section(run, brief, plan, index, previous, None)
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
                      extend_text: str | None = None) -> Iterator[Event]:
        """Regenerate outline section `index` (1-based; 0 = the introduction), or continue it
        after `extend_text`. Ends with SectionDone (markdown with the heading and, when
        extending, the original text followed by the new text) or Failed."""
        try:
            if not 0 <= index <= len(plan.outline):
                raise InputError(f"Section {index} is not in the outline (1 to {len(plan.outline)}).")
            run = yield from self._prepare(brief, cancel)
            if index == 0:
                yield from self._intro(run, brief, plan)
            else:
                yield from self._section(run, brief, plan, index, previous_markdown, extend_text)
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
                                  keep_alive=self.keep_alive, cancel=cancel)
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

    def _fix_title(self, run: StepRunner, book: PromptBook, brief: Brief,
                   plan: Plan) -> Generator[Event, None, Plan]:
        fits = [c for c in [plan.title, *plan.title_candidates]
                if len(c) <= TITLE_MAX and contains_keyword(c, brief.keyword)]
        if fits:
            plan.title = fits[0]
            return plan
        try:
            data = yield from run.json(book.fix_title(plan.title), schemas.TITLE_SCHEMA,
                                       output_tokens=200, what="title")
            plan.title = schemas._text(data.get("title"), 150) or plan.title
        except InvalidModelOutput:
            pass
        return plan

    def _fix_meta(self, run: StepRunner, book: PromptBook, plan: Plan) -> Generator[Event, None, Plan]:
        if META_MIN <= len(plan.meta_description) <= META_MAX:
            return plan
        try:
            data = yield from run.json(book.fix_meta(plan.meta_description), schemas.META_SCHEMA,
                                       output_tokens=300, what="meta description")
            plan.meta_description = schemas._text(data.get("meta_description"), 400) or plan.meta_description
        except InvalidModelOutput:
            pass
        return plan

    def _intro(self, run: StepRunner, brief: Brief, plan: Plan) -> Generator[Event, None, str]:
        book = PromptBook(brief)
        words = intro_words(brief)
        total = len(plan.outline)
        text = ""
        for attempt in range(2):
            if attempt:
                yield Notice("intro_rewritten_for_keyword", {"keyword": brief.keyword})
            yield PhaseStarted(Phase.SECTION, 0, total, label(brief.language, "introduction"))
            run.streamed = ""
            yield TextDelta(0, f"# {plan.h1}\n\n")
            result = yield from run.prose(book.intro(plan, words, retry_keyword=attempt > 0),
                                          words=words, section=0, what="introduction")
            text = clean_section(result.text)
            if contains_keyword(intro_paragraph(text), brief.keyword):
                break
        run.streamed = ""
        yield SectionDone(0, "", f"# {plan.h1}\n\n{text}")
        return text

    def _section(self, run: StepRunner, brief: Brief, plan: Plan, index: int, previous: str,
                 extend_text: str | None) -> Generator[Event, None, str]:
        assert self.budget is not None
        section = plan.outline[index - 1]
        book = PromptBook(brief)
        head = heading_line(section)
        yield PhaseStarted(Phase.SECTION, index, len(plan.outline), section.heading)
        run.streamed = ""
        per_call = self.budget.words_per_call
        if extend_text is not None:
            body = clean_section(extend_text, section.heading)
            words = min(per_call, max(100, section.words // 2))
            yield TextDelta(index, "\n\n")
            result = yield from run.prose(book.continuation(plan, index, words, _tail(body, 1500), extend=True),
                                          words=words, section=index, what=f"section {index}")
            body = f"{body}\n\n{clean_section(result.text, section.heading)}".strip()
        else:
            parts = max(1, -(-section.words // per_call))
            words = -(-section.words // parts)
            yield TextDelta(index, f"\n\n{head}\n\n")
            result = yield from run.prose(book.section(plan, index, words, _tail(previous)),
                                          words=words, section=index, what=f"section {index}")
            body = clean_section(result.text, section.heading)
            for _part in range(1, parts):
                run.streamed = body + "\n\n"
                yield TextDelta(index, "\n\n")
                more = yield from run.prose(book.continuation(plan, index, words, _tail(body, 1500),
                                                              extend=False),
                                            words=words, section=index, what=f"section {index}")
                body = f"{body}\n\n{clean_section(more.text, section.heading)}".strip()
        markdown = f"{head}\n\n{body}"
        run.streamed = ""
        yield SectionDone(index, section.heading, markdown)
        return markdown

    def _faq(self, run: StepRunner, brief: Brief, plan: Plan) -> Generator[Event, None, list[FaqItem]]:
        heading = label(brief.language, "faq_heading")
        yield PhaseStarted(Phase.FAQ, label=heading)
        try:
            data = yield from run.json(PromptBook(brief).faq(plan), schemas.FAQ_SCHEMA,
                                       output_tokens=FAQ_OUTPUT_TOKENS, what="FAQ")
        except InvalidModelOutput:
            yield Notice("faq_skipped", {"reason": "invalid_output"})
            yield FaqReady([])
            return []
        faq = schemas.faq_from_json(data)
        markdown = faq_markdown(brief, faq)
        yield FaqReady(faq)
        if markdown:
            yield TextDelta(FAQ_SECTION, f"\n\n{markdown}")
            yield SectionDone(FAQ_SECTION, heading, markdown)
        return faq

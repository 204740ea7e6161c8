"""The real per-article function of a batch: plan → sections → assemble → score → files.

Progress is committed as soon as it exists — the plan, then each finished section, then the
assembled article — so an interrupted article resumes at its first unfinished section, and
one interrupted after assembly only has its files (re)written. File names are fixed when the
job is created (the item's slug) and written with overwrite, so rewriting is idempotent.

The engine's public steps make this resumable: `plan()`, `write_intro()`, `write_section(i)`,
`write_faq()` and `prepare()` (model load + context window), the same steps `write()` runs.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from app.core.batch.job import JobDefaults, build_brief
from app.core.batch.queue import Finishing, Item, ItemResult, JobStore
from app.core.batch.serialize import plan_from_json, plan_to_json
from app.core.cancel import CancelToken
from app.core.errors import ContextTooSmall, GenerationError
from app.core.models import Article, Brief, FaqItem, Plan
from app.core.store.codec import article_from_json, article_to_json

TokenLookup = Callable[[str], str | None]
# Self-review hook: (article, brief, service, model, cancel) → reviewed article, or
# (article, summary dict) to record scores before/after. Called once per article when the job
# has `review` on, before the article is saved (so a resumed article is never reviewed twice).
ReviewFn = Callable[[Article, Brief, Any, str, CancelToken], Any]
# Publishing hook: (article, site) → None, raising on failure. Runs after the files are written
# when the job has `publish_site`; a failure sends the item back (retried: an update, never a
# second post, see app/core/publish/publisher.py).
PublishFn = Callable[[Article, str], None]
INTRO, FAQ = 0, -1


class ArticleWriter:
    """Callable used as the runner's ArticleFn. One model service per host, shared by the
    host's slots (it is thread-safe; building one costs ~20 ms of CPU for its HTTP client)."""

    def __init__(self, *, token_for: TokenLookup | None = None, read_timeout: float = 600.0,
                 preset: str | None = None, review: ReviewFn | None = None,
                 publish: PublishFn | None = None) -> None:
        self._token_for = token_for or (lambda _url: None)
        self._publish = publish or _default_publish
        self._review = review
        self._read_timeout = read_timeout
        self._preset = preset
        self._services: dict[str, Any] = {}
        self._services_lock = threading.Lock()
        # One context window per (host, model) for the whole job: a different num_ctx per
        # article would make Ollama reload the model between articles (and between slots).
        self._windows: dict[tuple[str, str], int] = {}
        self._windows_lock = threading.Lock()

    def __call__(self, item: Item, host: str, store: JobStore,
                 cancel: CancelToken) -> Finishing:
        """Model work here (the article is saved when it ends); scoring and files are left to
        the runner's finishing thread so the slot's next article starts at once."""
        config = store.config
        _plan, _sections, saved = store.progress(item.id)
        if saved:
            article = article_from_json(saved)
        else:
            article = self._generate(item, host, store, cancel)
            if config.review:
                article = self._reviewed(article, item, host, store, cancel)
            store.save_article(item.id, article_to_json(article))
        cancel.raise_if_cancelled()
        preset = self._preset or config.preset

        def finish() -> ItemResult:
            result = _finish(article, config.out_dir, config.formats, preset, config.site_url)
            if config.publish_site:
                self._publish(article, config.publish_site)
            return result

        return Finishing(finish)

    def _reviewed(self, article: Article, item: Item, host: str, store: JobStore,
                  cancel: CancelToken) -> Article:
        config = store.config
        brief = build_brief(item.keyword, item.overrides, config.defaults)
        review = self._review or _default_review(config.site_url, config.defaults.think,
                                                 config.defaults.num_ctx)
        outcome = review(article, brief, self._service(host), item.model, cancel)
        if isinstance(outcome, tuple):
            outcome, summary = outcome
            store.save_review(item.id, json.dumps(summary, ensure_ascii=False))
        reviewed: Article = outcome
        reviewed.slug = item.slug
        return reviewed

    # ---- generation -------------------------------------------------------------------------
    def _service(self, host: str) -> Any:
        with self._services_lock:
            if host not in self._services:
                from app.core.llm.service import open_service

                self._services[host] = open_service(host, self._token_for(host),
                                                    connect_timeout=5.0,
                                                    read_timeout=self._read_timeout)
            return self._services[host]

    def _generate(self, item: Item, host: str, store: JobStore, cancel: CancelToken) -> Article:
        from app.core.generation.assemble import assemble, enforce_invariants
        from app.core.generation.prose import words_behind

        defaults = store.config.defaults
        brief = build_brief(item.keyword, item.overrides, defaults)
        generator = self._generator(host, item.model, brief, defaults, cancel)
        plan_json, saved, _ = store.progress(item.id)
        if plan_json:
            plan = plan_from_json(plan_json)
        else:
            plan = _plan_of(generator.plan(brief, cancel))
            store.save_plan(item.id, plan_to_json(plan))
            saved = {}
        # Saved parts: 0 = introduction text, 1..n = sections (Markdown), -1 = FAQ (JSON).
        if INTRO not in saved:
            saved[INTRO] = _section_of(generator.write_intro(brief, plan, cancel))
            store.save_section(item.id, INTRO, saved[INTRO])
        for index in range(1, len(plan.outline) + 1):
            if index in saved:
                continue
            behind = words_behind(brief, plan, [saved[i] for i in range(index)])
            markdown = _section_of(generator.write_section(brief, plan, index,
                                                           saved[index - 1], cancel, behind=behind))
            store.save_section(item.id, index, markdown)
            saved[index] = markdown
        faq: list[FaqItem] = []
        if brief.options.faq:
            if FAQ not in saved:
                items = _faq_of(generator.write_faq(brief, plan, None, cancel))
                saved[FAQ] = json.dumps([[f.question, f.answer] for f in items],
                                        ensure_ascii=False)
                store.save_section(item.id, FAQ, saved[FAQ])
            faq = [FaqItem(q, a) for q, a in json.loads(saved[FAQ])]
        parts = [saved[i] for i in range(len(plan.outline) + 1)]
        article, _notices = enforce_invariants(assemble(brief, plan, parts, faq, model=item.model))
        return _with_row(article, item, brief)

    def _generator(self, host: str, model: str, brief: Brief, defaults: JobDefaults,
                   cancel: CancelToken) -> Any:
        """A generator using the job's window for this (host, model); it only grows (one
        reload) when a brief does not fit, and never shrinks back."""
        from app.core.generation.pipeline import ArticleGenerator

        key = (host, model)
        with self._windows_lock:
            shared = self._windows.get(key)
        # Once a (host, model) window is known, the model was loaded with it for this job:
        # skip the per-article load check (one /api/ps request).
        generator = ArticleGenerator(self._service(host), model, think=defaults.think,
                                     num_ctx=shared or defaults.num_ctx,
                                     loaded=shared is not None)
        try:
            _drain(generator.prepare(brief, cancel))      # sizes the window, loads the model
        except ContextTooSmall:
            if defaults.num_ctx or shared is None:
                raise
            generator = ArticleGenerator(self._service(host), model, think=defaults.think)
            _drain(generator.prepare(brief, cancel))
        with self._windows_lock:
            self._windows[key] = max(self._windows.get(key, 0), generator.num_ctx or 0)
        return generator


def _default_review(site_url: str, think: bool | str | None,
                    num_ctx: int | None) -> ReviewFn:
    from app.core.review.batch import review_with_summary

    def review(article: Article, brief: Brief, service: Any, model: str,
               cancel: CancelToken) -> Any:
        return review_with_summary(article, brief, service, model, cancel,
                                   site_url=site_url or None, think=think, num_ctx=num_ctx)

    return review


def _default_publish(article: Article, site: str) -> None:
    from app.core.publish.publisher import PublishOptions, publish_to_site

    publish_to_site(article, site, PublishOptions())


def _with_row(article: Article, item: Item, brief: Brief) -> Article:
    article.slug = item.slug                       # the file name chosen when the job was made
    article.extra.update(item.extra)               # extra CSV columns → front matter
    if not article.secondary_keywords and brief.secondary_keywords:
        article.secondary_keywords = brief.secondary_keywords
    return article


def _finish(article: Article, out_dir: str, formats: tuple[str, ...], preset: str,
            site_url: str) -> ItemResult:
    from app.core.analysis import analyze
    from app.core.export.files import write_article

    report = analyze(article, site_url=site_url or None)
    files = write_article(article, Path(out_dir), formats, preset=preset,
                          site_url=site_url or None, overwrite=True)
    words = report.words
    return ItemResult(article.title, words, float(report.seo_score),
                      float(report.readability_score), [str(f) for f in files])


# ---- consuming the engine's event streams ------------------------------------------------

def _events(stream: Iterator[Any]) -> Iterator[Any]:
    """Yield events; turn `Failed` into its error; always close the stream (closes the HTTP
    connection, so Ollama stops generating on cancel)."""
    from app.core.generation.events import Failed

    try:
        for event in stream:
            if isinstance(event, Failed):
                raise event.error
            yield event
    finally:
        close = getattr(stream, "close", None)
        if close is not None:
            close()


def _plan_of(stream: Iterator[Any]) -> Plan:
    from app.core.generation.events import PlanReady

    for event in _events(stream):
        if isinstance(event, PlanReady):
            return event.plan
    raise GenerationError("The model did not return an outline.")


def _section_of(stream: Iterator[Any]) -> str:
    from app.core.generation.events import SectionDone

    for event in _events(stream):
        if isinstance(event, SectionDone):
            return event.markdown
    raise GenerationError("The model did not finish the section.")


def _faq_of(stream: Iterator[Any]) -> list[FaqItem]:
    from app.core.generation.events import FaqReady

    items: list[FaqItem] = []
    for event in _events(stream):
        if isinstance(event, FaqReady):
            items = list(event.faq)
    return items


def _drain(stream: Iterator[Any]) -> None:
    """Run an engine step to its end; `Failed` → raise."""
    for _event in _events(stream):
        pass

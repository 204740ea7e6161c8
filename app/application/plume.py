"""The application object that both faces open, as Anki's desktop and its tools open one
`Collection`:

    plume = Plume.open()              # the command line: the user's settings file
    plume = Plume(window.settings)    # the desktop app: the settings it holds

It resolves, once and the same way for every face, what a job needs: the host(s) with their
token and timeouts, the model, the article language, the output format, and the keyword
rules. It starts the jobs: `generator()` writes one article; `create_batch_job()`,
`open_batch_job()` and `batch_runner()` run a keyword list, so a job started in one face
continues in the other (`plume batch --resume` on a job made in the Batch tab).

Precedence, everywhere: an explicit choice (a flag, the model picked in the window), else
the settings, else the environment (`$OLLAMA_HOST`), else the default.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.application.connection import Connection
from app.core.brief import Brief, Language, Tone
from app.core.errors import InputError, SettingsError
from app.core.hosts import HOST_ENV, resolve_host
from app.core.keyword_rules import clean_keyword
from app.core.settings import Settings, default_settings_path, load_settings

if TYPE_CHECKING:
    from app.core.batch.dedup import DuplicateGroup
    from app.core.batch.hosts import Probe
    from app.core.batch.job import HostSpec, JobDefaults
    from app.core.batch.keywords import ParsedList
    from app.core.batch.prepare import DuplicateChoice, HostCheck
    from app.core.batch.queue import JobStore
    from app.core.batch.runner import ArticleFn, BatchRunner, RunnerEvent
    from app.core.llm.service import ModelService
    from app.core.models import Article
    from app.core.social.writer import SocialWriter
    from app.core.terms import Term
    from app.core.terms.propose import Proposal

FORMATS = ("md", "html")


class Plume:
    """Settings + environment → everything a generate or batch job needs."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings if settings is not None else Settings()

    @classmethod
    def open(cls, settings_path: Path | None = None, *,
             on_problem: Callable[[SettingsError], None] | None = None) -> Plume:
        """The user's settings file (defaults when there is none; never fails on bad content)."""
        path = settings_path or default_settings_path()
        return cls(load_settings(path, on_error=on_problem))

    # ---- Where Ollama is ------------------------------------------------------------------

    def host(self, explicit: str | None = None, *, strict: bool = True) -> str:
        """`explicit` (--host), else the host chosen in Settings, else $OLLAMA_HOST, else
        http://127.0.0.1:11434 — as `parse_host` writes it. A malformed address raises
        InputError; with `strict=False` it is returned as typed (the GUI shows it and its
        connection check says what is wrong)."""
        chosen = (explicit or "").strip() or self.settings.host
        try:
            return resolve_host(chosen)
        except InputError:
            if strict:
                raise
            return chosen or os.environ.get(HOST_ENV, "")

    @property
    def read_timeout(self) -> float:
        """Seconds to wait for a model's next words (Settings › Ollama › Answer timeout)."""
        return float(self.settings.read_timeout_seconds)

    def connection(self, host: str | None = None) -> Connection:
        """The host to dial (see `host`), with its token rule and timeouts."""
        return Connection(self.host(host), self.read_timeout)

    def token_for(self, url: str) -> str | None:
        """The bearer token sent to `url` (may block on the keychain)."""
        return self.connection(url).token()

    def batch_hosts(self, explicit: Sequence[str] = (),
                    concurrency: int | None = None) -> list[HostSpec]:
        """`URL[#N]` given (repeatable --host), else this host and the extra hosts from
        Settings; `concurrency` requests at once on each unless `#N` says otherwise."""
        from app.core.batch.job import HostSpec

        slots = max(1, concurrency or 1)
        texts = list(explicit) or [self.host(), *self.settings.extra_hosts]
        specs: dict[str, HostSpec] = {}
        for text in texts:
            spec = HostSpec.parse(text, slots)
            specs[spec.url] = spec
        return list(specs.values())

    # ---- What to write --------------------------------------------------------------------

    def model(self, explicit: str | None = None) -> str:
        """The model chosen (flag, picker), else the default model from Settings, else ""."""
        return (explicit or "").strip() or self.settings.default_model

    def language(self, explicit: str | Language | None = None) -> Language:
        return Language.parse(explicit) if explicit else self.settings.article_language

    @staticmethod
    def keyword(text: str) -> str:
        """The keyword as it will be written about; InputError (saying why) when unusable."""
        return clean_keyword(text)

    @staticmethod
    def checked_brief(brief: Brief) -> Brief:
        """`brief` with its keyword cleaned by the one keyword rule (InputError if unusable)."""
        return dataclasses.replace(brief, keyword=clean_keyword(brief.keyword))

    @staticmethod
    def formats(text: str) -> tuple[str, ...]:
        """'md', 'html' or 'md,html' → ('md', 'html'); InputError for anything else."""
        formats = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
        if not formats or any(f not in FORMATS for f in formats):
            raise InputError(f"Unknown format '{text}'.", hint="Use md, html or md,html.")
        return formats

    def preset(self, explicit: str | None = None) -> str:
        """Front-matter preset: `explicit`, else Settings › Export; an unknown saved value
        falls back to plain, an unknown explicit one raises InputError."""
        from app.core.export.markdown import Preset

        if explicit:
            return Preset.parse(explicit).value
        try:
            return Preset.parse(self.settings.export_preset or "plain").value
        except InputError:
            return "plain"

    # ---- Generate -------------------------------------------------------------------------

    def generator(self, service: ModelService, model: str, *, think: bool | str | None,
                  num_ctx: int | None = None, temperature: float | None = None,
                  seed: int | None = None, review: bool | None = None) -> Any:
        """The article generator for one run, ending with the self-review unless `review`
        (else Settings › Writing › Self-review) is off. Unset values come from Settings."""
        from app.core.generation.pipeline import ArticleGenerator

        s = self.settings
        generator = ArticleGenerator(
            service, model, think=think, num_ctx=num_ctx or s.num_ctx,
            temperature=s.temperature if temperature is None else temperature, seed=seed)
        if not (s.self_review if review is None else review):
            return generator
        from app.core.review.generator import ReviewingGenerator

        return ReviewingGenerator(generator, enabled=True, site_url=s.site_url or None)

    # ---- Batch ----------------------------------------------------------------------------

    def batch_defaults(self, *, model: str | None = None, language: str | None = None,
                       words: int | None = None, tone: str | None = None) -> JobDefaults:
        """What every row of a list gets unless its own columns say otherwise."""
        from app.core.batch.job import JobDefaults
        from app.core.batch.keywords import normalize_model

        s = self.settings
        chosen = self.model(model)
        return JobDefaults(model=normalize_model(chosen) if chosen else "",
                           language=self.language(language),
                           target_words=words or s.target_words,
                           tone=Tone(tone) if tone else s.tone,
                           think=s.think, num_ctx=s.num_ctx)

    def check_hosts(self, hosts: Sequence[HostSpec]) -> list[HostCheck]:
        """Which hosts answer, and with which models (asked with each host's token)."""
        from app.core.batch.prepare import check_hosts

        return check_hosts(hosts, self.probe)

    def probe(self, url: str) -> set[str]:
        return self.connection(url).probe()

    def create_batch_job(self, parsed: ParsedList, *, out_dir: Path, defaults: JobDefaults,
                         hosts: Sequence[HostSpec], formats: tuple[str, ...], preset: str,
                         duplicates: Sequence[DuplicateGroup] = (),
                         duplicate_choice: DuplicateChoice = "keep",
                         unavailable: dict[str, list[int]] | None = None,
                         review: bool | None = None, source: str = "",
                         publish_site: str = "") -> JobStore:
        """Save a new job in `out_dir/.plume-batch` and register its id, so either face can
        resume it (`plume batch --resume ID` or the folder; "Resume a job…" in the app)."""
        from app.core.batch import prepare
        from app.core.batch.job import JobConfig
        from app.core.batch.queue import JobStore
        from app.core.batch.registry import register

        items = prepare.build_items(parsed, duplicates=duplicates,
                                    duplicate_choice=duplicate_choice,
                                    unavailable=unavailable or {}, out_dir=out_dir,
                                    formats=formats)
        config = JobConfig(out_dir=str(out_dir.resolve()), defaults=defaults, hosts=list(hosts),
                           formats=formats, preset=preset, source=source,
                           review=self.settings.self_review if review is None else review,
                           site_url=self.settings.site_url, publish_site=publish_site)
        store = JobStore.create(config, items)
        register(config.job_id, store.path)
        return store

    def open_batch_job(self, job: str | Path, *, hosts: Sequence[str] = (),
                       concurrency: int | None = None) -> JobStore:
        """A saved job (its output folder, database or id); `hosts` / `concurrency` replace
        the hosts it was made with (resume on other machines)."""
        from app.core.batch.lock import JobLock
        from app.core.batch.queue import JobStore

        store = JobStore.open(job)
        if hosts or concurrency:
            replaced = (self.batch_hosts(hosts, concurrency) if hosts else
                        [dataclasses.replace(h, slots=max(1, concurrency or 1))
                         for h in store.config.hosts])
            with JobLock(store.path):   # a job running elsewhere keeps its hosts
                store.set_hosts(replaced)
        return store

    def batch_runner(self, store: JobStore, *,
                     on_event: Callable[[RunnerEvent], None] | None = None,
                     process: ArticleFn | None = None, probe: Probe | None = None,
                     stall_timeout: float = 300.0) -> BatchRunner:
        """The runner of a job: every host dialled with its token and the answer timeout."""
        from app.core.batch.article import ArticleWriter
        from app.core.batch.runner import BatchRunner

        writer = process or ArticleWriter(token_for=self.token_for,
                                          read_timeout=self.read_timeout)
        return BatchRunner(store, writer, probe=probe or self.probe, on_event=on_event,
                           stall_timeout=stall_timeout)

    # ---- Social posts ---------------------------------------------------------------------

    def social_writer(self, service: ModelService, model: str, *,
                      think: bool | str | None = None, temperature: float | None = None,
                      seed: int | None = None) -> SocialWriter:
        """The writer of social posts for one run (Settings › temperature unless given)."""
        from app.core.social.writer import SocialWriter

        s = self.settings
        return SocialWriter(service, model, think=think, seed=seed,
                            temperature=s.temperature if temperature is None else temperature)

    def article_url(self, article: Article, explicit: str | None = None) -> str:
        """Where the article will live: `explicit` (--url), else its front matter, else
        Settings › site URL + slug, else ""."""
        from app.application.article_url import article_url

        return article_url(article, self.settings.site_url, explicit)

    # ---- Topic terms ----------------------------------------------------------------------

    @staticmethod
    def terms(source: str, brief: Brief) -> list[Term]:
        """The writer's terms file, ranges bounded by the brief's length (InputError if
        unreadable). "auto" is not a file: see `propose_terms`."""
        from app.core.terms import length_cap, read_terms_file

        cap = length_cap(brief.target_words)
        return [t.scaled(cap) for t in read_terms_file(Path(source))]

    @staticmethod
    def propose_terms(service: ModelService, model: str, brief: Brief, *,
                      think: bool | str | None = None, site: str | None = None,
                      context: Sequence[str] = ()) -> Proposal:
        """The terms the model proposes for the brief, vetted and completed from `context`
        (texts on the topic: the plan, the draft), the profile `site`'s pages on the topic and
        a short model text on the keyword."""
        from app.application.site import site_context
        from app.core.terms.propose import propose_terms

        pages = site_context(site, brief) if site else []
        titles = [text.split(". ", 1)[0].lower() for text in pages]
        return propose_terms(service, model, brief, think=think, context=[*context, *pages],
                             known=titles)


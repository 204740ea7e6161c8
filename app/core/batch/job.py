"""What a batch job is: its defaults (overridable per row), hosts, output, and its rows."""

from __future__ import annotations

import datetime as dt
import json
import secrets
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from app.core.errors import InputError
from app.core.hosts import DEFAULT_HOST, parse_host
from app.core.models import Brief, Language, PointOfView, Tone

JOB_DIR_NAME = ".plume-batch"          # inside the output folder: the job travels with it
JOB_DB_NAME = "job.sqlite"
MAX_SLOTS = 16                         # parallel requests per host: more only queues in Ollama


class ItemState(StrEnum):
    PENDING = "pending"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class HostSpec:
    url: str
    slots: int = 1                      # parallel requests this host serves (OLLAMA_NUM_PARALLEL)

    @classmethod
    def parse(cls, text: str, default_slots: int = 1) -> HostSpec:
        """'gpu', 'http://gpu:11434' or 'gpu#2' (2 parallel slots); the address is read by
        `parse_host` (raises InputError when malformed)."""
        url, _, slots = text.strip().partition("#")
        n = int(slots) if slots.strip().isdigit() else default_slots
        if not 1 <= n <= MAX_SLOTS:
            raise InputError(f"{n} parallel requests on {url.strip() or 'a host'} is out of "
                             "range.", hint=f"Use 1 to {MAX_SLOTS} (match the server's "
                                            "OLLAMA_NUM_PARALLEL).")
        return cls(parse_host(url), n)


@dataclass(slots=True)
class JobDefaults:
    model: str = ""
    language: Language = Language.EN
    target_words: int = 1200
    tone: Tone = Tone.NEUTRAL
    point_of_view: PointOfView = PointOfView.SECOND
    audience: str = ""
    instructions: str = ""
    think: bool | str | None = None
    num_ctx: int | None = None
    terms: tuple[tuple[str, int, int], ...] = ()   # topic terms (text, min, max) for every row


@dataclass(slots=True)
class JobConfig:
    out_dir: str
    defaults: JobDefaults = field(default_factory=JobDefaults)
    hosts: list[HostSpec] = field(default_factory=lambda: [HostSpec(DEFAULT_HOST)])
    formats: tuple[str, ...] = ("md",)
    preset: str = "plain"               # front matter: plain, hugo, jekyll, astro, none
    source: str = ""
    job_id: str = field(default_factory=lambda: new_job_id())
    created: str = field(default_factory=lambda: dt.datetime.now(dt.UTC).isoformat())
    max_failures: int = 3               # article-caused failures before an item is 'failed'
    review: bool = False                # a self-review pass per article
    site_url: str = ""
    publish_site: str = ""              # a WordPress site (name or address): publish each article

    def to_json(self) -> str:
        data = asdict(self)
        data["defaults"]["language"] = self.defaults.language.value
        data["defaults"]["tone"] = self.defaults.tone.value
        data["defaults"]["point_of_view"] = self.defaults.point_of_view.value
        return json.dumps(data, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> JobConfig:
        data = json.loads(text)
        d = data.pop("defaults")
        defaults = JobDefaults(**{**d, "language": Language(d["language"]), "tone": Tone(d["tone"]),
                                  "point_of_view": PointOfView(d["point_of_view"]),
                                  "terms": tuple((str(t), int(lo), int(hi))
                                                 for t, lo, hi in d.get("terms", ()))})
        hosts = [HostSpec(**h) for h in data.pop("hosts")]
        formats = tuple(data.pop("formats"))
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(defaults=defaults, hosts=hosts, formats=formats, **known)

    @property
    def db_path(self) -> Path:
        return Path(self.out_dir) / JOB_DIR_NAME / JOB_DB_NAME


def new_job_id() -> str:
    return dt.datetime.now().strftime("%Y%m%d-%H%M%S-") + secrets.token_hex(2)


@dataclass(slots=True)
class ItemSpec:
    """One row as queued: its keyword, file slug, and what it overrides."""

    line: int
    keyword: str
    slug: str
    overrides: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, str] = field(default_factory=dict)
    state: ItemState = ItemState.PENDING
    reason: str = ""                    # why it is skipped, when it is

    def overrides_json(self) -> str:
        return json.dumps({k: (list(v) if isinstance(v, tuple) else v)
                           for k, v in self.overrides.items()}, ensure_ascii=False)


def build_brief(keyword: str, overrides: dict[str, Any], defaults: JobDefaults) -> Brief:
    d = defaults
    return Brief(
        keyword=keyword,
        language=Language(overrides.get("language", d.language)),
        secondary_keywords=tuple(overrides.get("secondary_keywords", ())),
        audience=str(overrides.get("audience", d.audience)),
        tone=Tone(overrides.get("tone", d.tone)),
        point_of_view=PointOfView(overrides.get("point_of_view", d.point_of_view)),
        target_words=int(overrides.get("target_words", d.target_words)),
        instructions=str(overrides.get("instructions", d.instructions)),
        terms=(*(str(t[0]) for t in d.terms),
               *(str(t) for t in overrides.get("link_terms", ()))),   # pages to link to
    )


def item_model(overrides: dict[str, Any], defaults: JobDefaults) -> str:
    from app.core.batch.keywords import normalize_model

    return normalize_model(str(overrides.get("model") or defaults.model))

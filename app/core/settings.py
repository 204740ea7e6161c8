"""Typed, versioned user settings stored as JSON at a path the caller passes in.

Rules:
- A missing file means defaults. An unreadable or invalid file never crashes the app: the
  bad values fall back to defaults, the original file is kept next to it as `<name>.bak`,
  and a `SettingsError` is reported through `on_error` (and logged).
- Writes are atomic (temp file + `os.replace`).
- Older files are upgraded step by step (`_MIGRATIONS`), one schema version at a time.
- No secret ever lives here: the Ollama token is in the OS keychain (`app.core.secrets`).
  Unknown keys (including any stray "token") are dropped on load and never written back.

The GUI and the CLI share one file: `default_config_dir() / SETTINGS_FILE`. Tests and the
end-to-end checks redirect both folders with `PLUME_CONFIG_DIR` / `PLUME_DATA_DIR`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any, Literal, NamedTuple, Union
from urllib.parse import urlsplit

from app.core.brief import TARGET_WORDS_MAX, TARGET_WORDS_MIN, Language, Tone
from app.core.errors import InputError, SettingsError
from app.core.hosts import DEFAULT_HOST, host_problem, normalize_host

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 3
SETTINGS_FILE = "settings.json"
LIBRARY_FILE = "library.sqlite3"
CONFIG_DIR_ENV = "PLUME_CONFIG_DIR"
DATA_DIR_ENV = "PLUME_DATA_DIR"

ThinkLevel = Literal["low", "medium", "high"]
Think = Union[None, bool, ThinkLevel]  # noqa: UP007 - readable alias for a JSON value
THINK_LEVELS: tuple[str, ...] = ("low", "medium", "high")
THEMES: tuple[str, ...] = ("system", "light", "dark")
UI_LANGUAGES: tuple[str, ...] = ("system", "fr", "en")
# Front-matter presets of app.core.export.markdown.Preset.
EXPORT_PRESETS: tuple[str, ...] = ("plain", "hugo", "jekyll", "astro", "none")

# Bounds shared by validation and the settings dialog's spin boxes.
TARGET_WORDS_RANGE = (TARGET_WORDS_MIN, TARGET_WORDS_MAX)
NUM_CTX_RANGE = (2_048, 262_144)
TEMPERATURE_RANGE = (0.0, 2.0)
AUTOSAVE_RANGE = (2, 600)
READ_TIMEOUT_RANGE = (30, 3_600)
MAX_TEXT = 200  # author, model name, preset: anything longer is a paste accident


@dataclass(frozen=True, slots=True)
class Settings:
    schema_version: int = SCHEMA_VERSION
    host: str = ""                            # Ollama URL; "" = $OLLAMA_HOST, else the default
    extra_hosts: tuple[str, ...] = ()         # more Ollama hosts for batch runs
    default_model: str = ""                   # "" = let the user pick from installed models
    article_language: Language = Language.EN
    tone: Tone = Tone.NEUTRAL
    target_words: int = 1200
    num_ctx: int | None = None                # None = sized automatically per request
    temperature: float = 0.7
    think: Think = None                       # None = model default; False/True; or a level
    read_timeout_seconds: int = 600           # generous: cold loads of big models are slow
    site_url: str = ""                        # for canonical URLs in HTML export
    author: str = ""
    theme: str = "system"
    ui_language: str = "system"
    export_preset: str = "plain"             # Markdown front matter flavour
    self_review: bool = True
    autosave_seconds: int = 5

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)


class SettingsProblem(NamedTuple):     # not a dataclass: no code generated at start-up
    """One invalid value. `code` is stable (the UI translates it); `message` is English."""

    field: str
    code: str
    message: str


# ---- Folders ---------------------------------------------------------------------------


def default_config_dir() -> Path:
    """Where settings live: `$PLUME_CONFIG_DIR`, else the platform's user config folder."""
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("Plume", appauthor=False))


def default_data_dir() -> Path:
    """Where the library (SQLite) and logs live: `$PLUME_DATA_DIR`, else the user data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir("Plume", appauthor=False))


def default_settings_path() -> Path:
    return default_config_dir() / SETTINGS_FILE


def default_library_path() -> Path:
    return default_data_dir() / LIBRARY_FILE


# ---- Validation ------------------------------------------------------------------------


def first_run_language(settings: Settings, ui_language: str, *, saved: bool) -> Settings:
    """Before the writer has saved any settings, articles are written in the language the
    interface shows (a French interface drafts in French); a saved choice always wins."""
    if saved or ui_language not in {lang.value for lang in Language}:
        return settings
    return settings.with_(article_language=Language(ui_language))


def validate(settings: Settings) -> list[SettingsProblem]:
    """Every invalid value, each with a clear English message. Empty list = valid."""
    problems: list[SettingsProblem] = []

    def bad(name: str, code: str, message: str) -> None:
        problems.append(SettingsProblem(name, code, message))

    reason = host_problem(settings.host)
    if reason:
        bad("host", "bad_host", reason)
    for extra in settings.extra_hosts:
        reason = host_problem(extra)
        if reason:
            bad("extra_hosts", "bad_host", reason)
    if settings.site_url:
        parts = urlsplit(settings.site_url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc:
            bad("site_url", "bad_url", f"Site URL '{settings.site_url}' must be a full "
                "http(s) address, e.g. https://example.com.")
    _check_range(bad, "target_words", settings.target_words, TARGET_WORDS_RANGE, "words")
    if settings.num_ctx is not None:
        _check_range(bad, "num_ctx", settings.num_ctx, NUM_CTX_RANGE, "tokens")
    _check_range(bad, "temperature", settings.temperature, TEMPERATURE_RANGE, "")
    _check_range(bad, "autosave_seconds", settings.autosave_seconds, AUTOSAVE_RANGE, "seconds")
    _check_range(
        bad, "read_timeout_seconds", settings.read_timeout_seconds, READ_TIMEOUT_RANGE, "seconds"
    )
    if not (settings.think is None or isinstance(settings.think, bool)
            or settings.think in THINK_LEVELS):
        bad("think", "bad_choice", f"Thinking must be off, on, low, medium or high, "
            f"not '{settings.think}'.")
    for name, allowed in (("theme", THEMES), ("ui_language", UI_LANGUAGES),
                          ("export_preset", EXPORT_PRESETS)):
        if getattr(settings, name) not in allowed:
            bad(name, "bad_choice", f"{name} must be one of {', '.join(allowed)}.")
    for name in ("default_model", "author"):
        if len(getattr(settings, name)) > MAX_TEXT:
            bad(name, "too_long", f"{name} is longer than {MAX_TEXT} characters.")
    return problems


def _check_range(
    bad: Callable[[str, str, str], None],
    name: str,
    value: float,
    bounds: tuple[float, float],
    unit: str,
) -> None:
    low, high = bounds
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        suffix = f" {unit}" if unit else ""
        bad(name, "out_of_range", f"{name} must be between {low:g} and {high:g}{suffix} "
            f"(got {value!r}).")


# ---- Load / save -----------------------------------------------------------------------


def load_settings(
    path: Path, *, on_error: Callable[[SettingsError], None] | None = None
) -> Settings:
    """Read settings from `path`. Never raises for bad content: see the module docstring."""
    path = Path(path)
    if not path.exists():
        return Settings()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict):
            raise ValueError("the top level is not an object")
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        _report(path, on_error, f"Settings file {path} could not be read ({exc}); "
                "defaults are used.", code="settings_unreadable", params={"reason": str(exc)})
        return Settings()
    try:
        data = migrate(raw)
    except SettingsError as exc:
        _report(path, on_error, exc.message, code=exc.code, params=exc.params)
        return Settings()
    settings, problems = _from_dict(data)
    if problems:
        details = "; ".join(p.message for p in problems)
        _report(path, on_error, f"Some settings in {path} were invalid and reset to "
                f"defaults: {details}", code="settings_reset",
                params={"fields": ", ".join(dict.fromkeys(p.field for p in problems))})
    return settings


def save_settings(settings: Settings, path: Path) -> None:
    """Write atomically. Raises `SettingsError` if the file cannot be written."""
    path = Path(path)
    data = asdict(settings)
    data["extra_hosts"] = list(settings.extra_hosts)
    data["article_language"] = settings.article_language.value
    data["tone"] = settings.tone.value
    data["schema_version"] = SCHEMA_VERSION
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError as exc:
        raise SettingsError(
            f"Could not save settings to {path}: {exc.strerror or exc}.",
            hint="Check that the folder exists and is writable.",
            code="settings_save_failed", params={"path": str(path), "reason": str(exc.strerror or exc)},
        ) from exc


def _report(path: Path, on_error: Callable[[SettingsError], None] | None, message: str, *,
            code: str = "", params: dict[str, str] | None = None) -> None:
    """Log and report a settings problem; the file is kept as a backup first. `code` and
    `params` word it in the interface's language (with {path} and {backup})."""
    backup = path.with_name(path.name + ".bak")
    try:
        shutil.copy2(path, backup)
        message += f" The original file was kept as {backup}."
    except OSError as exc:
        message += f" (Could not keep a backup: {exc}.)"
        code = ""               # the translated words name the backup: English then
    error = SettingsError(message, code=code,
                          params={**(params or {}), "path": str(path), "backup": str(backup)})
    logger.warning("%s", error)
    if on_error is not None:
        on_error(error)


# ---- Migrations ------------------------------------------------------------------------


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """v1 (pre-release) used `ollama_host`, `model`, `language`, `dark_mode`, and
    `thinking` as a bool. v2 renamed them and turned the theme into a 3-way choice."""
    out = dict(data)
    for old, new in (("ollama_host", "host"), ("model", "default_model"),
                     ("language", "article_language"), ("thinking", "think")):
        if old in out:
            out.setdefault(new, out.pop(old))
    if "dark_mode" in out:
        dark = out.pop("dark_mode")
        out.setdefault("theme", "dark" if dark is True else "light" if dark is False else "system")
    return out


def _v2_to_v3(data: dict[str, Any]) -> dict[str, Any]:
    """v3 stores hosts as `parse_host` writes them and tells "no host chosen" (blank:
    $OLLAMA_HOST, else the default) from a chosen one.

    v2 turned a typed `gpu-box` into `http://gpu-box`, which the client dials on port 80;
    such a host (http, no port, no path) is read as typed, on Ollama's port 11434. A v2 file
    always held a host, the default one when the writer never chose: that is read as not
    chosen, so $OLLAMA_HOST is honoured as it always was on the command line."""

    def upgrade(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        text = value.strip().rstrip("/")
        bare = text.removeprefix("http://")
        if text.startswith("http://") and ":" not in bare and "/" not in bare:
            text = bare
        return normalize_host(text)

    out = dict(data)
    if "host" in out:
        out["host"] = upgrade(out["host"])
        if out["host"] == DEFAULT_HOST:
            out["host"] = ""
    if isinstance(out.get("extra_hosts"), list):
        out["extra_hosts"] = [upgrade(v) for v in out["extra_hosts"]]
    return out


_MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2,
                                                                       2: _v2_to_v3}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Upgrade a raw settings dict to `SCHEMA_VERSION`, one version at a time."""
    version = data.get("schema_version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise SettingsError(f"Unknown settings schema version {version!r}; defaults are used.",
                            code="settings_schema_unknown", params={"version": repr(version)})
    if version > SCHEMA_VERSION:
        raise SettingsError(
            f"The settings file was written by a newer Plume (schema {version}, this version "
            f"reads up to {SCHEMA_VERSION}); defaults are used for this session.",
            code="settings_schema_newer",
            params={"version": str(version), "supported": str(SCHEMA_VERSION)},
        )
    while version < SCHEMA_VERSION:
        data = _MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
    return data


# ---- Dict → Settings, value by value -----------------------------------------------------


def _from_dict(data: dict[str, Any]) -> tuple[Settings, list[SettingsProblem]]:
    """Build Settings, keeping every valid value and resetting each invalid one."""
    defaults = Settings()
    known = {f.name for f in fields(Settings)} - {"schema_version"}
    values: dict[str, Any] = {}
    problems: list[SettingsProblem] = []
    for name in known & data.keys():
        try:
            values[name] = _coerce(name, data[name])
        except (TypeError, ValueError) as exc:
            problems.append(SettingsProblem(name, "bad_type", f"{name}: {exc}"))
    settings = replace(defaults, **values)
    for problem in validate(settings):
        problems.append(problem)
        settings = replace(settings, **{problem.field: getattr(defaults, problem.field)})
    return settings, problems


def _coerce(name: str, value: Any) -> Any:
    if name == "host":
        return normalize_host(_text(value))
    if name == "extra_hosts":
        if not isinstance(value, list | tuple):
            raise TypeError("expected a list of URLs")
        return tuple(normalize_host(_text(v)) for v in value if _text(v).strip())
    if name == "article_language":
        try:
            return Language(_text(value))
        except InputError as exc:       # a language whose pack is gone: the default, reported
            raise ValueError(exc.message) from None
    if name == "tone":
        return Tone(_text(value))
    if name in ("target_words", "autosave_seconds", "read_timeout_seconds"):
        return _int(value)
    if name == "num_ctx":
        return None if value is None else _int(value)
    if name == "temperature":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise TypeError(f"expected a number, got {value!r}")
        return float(value)
    if name == "think":
        if value is None or isinstance(value, bool) or value in THINK_LEVELS:
            return value
        raise ValueError(f"expected off, on, low, medium or high, got {value!r}")
    if name == "self_review":
        if not isinstance(value, bool):
            raise TypeError(f"expected true or false, got {value!r}")
        return value
    return _text(value)


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {value!r}")
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected a whole number, got {value!r}")
    return value

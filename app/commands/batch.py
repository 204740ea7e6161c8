"""`plume batch` — a keyword list in, a folder of finished, scored articles out.

    plume batch keywords.csv --out articles --model qwen3:8b --format md,html
    plume batch --resume articles          # after Ctrl+C, a crash or a reboot
    plume batch --status articles
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "batch", help="write articles for a keyword list (resumable, parallel, several hosts)",
        description="Write one article per keyword of a TXT or CSV list. The job is saved in "
                    "the output folder: stop it any time and resume it later.")
    p.add_argument("list", nargs="?", help="TXT (one keyword per line) or CSV/TSV with a "
                   "'keyword' column")
    p.add_argument("--out", help="output folder (default: <list name>-articles beside the list)")
    p.add_argument("--format", default="md", help="md, html or md,html (default: md)")
    p.add_argument("--preset", default=None,
                   help="front matter: plain (default), hugo, jekyll, astro, none")
    p.add_argument("--host", action="append", default=[], metavar="URL[#N]",
                   help="Ollama host, repeatable; '#N' = N parallel requests on that host "
                        "(default: the hosts in settings)")
    p.add_argument("--concurrency", type=int, default=None, metavar="N",
                   help="parallel requests per host (match OLLAMA_NUM_PARALLEL; default 1)")
    p.add_argument("--model", help="default model (rows may name their own)")
    p.add_argument("--lang", help="default article language: fr or en")
    p.add_argument("--words", type=int, help="default target length in words")
    p.add_argument("--tone",
                   help="default tone (neutral, friendly, professional, expert, persuasive)")
    p.add_argument("--duplicates", choices=("skip", "keep"),
                   help="what to do with duplicate/near-duplicate keywords (asked if not given)")
    p.add_argument("--skip-invalid", action="store_true",
                   help="run the valid rows; rows with errors are listed as skipped")
    p.add_argument("--check", action="store_true", help="check the list and hosts, run nothing")
    p.add_argument("--review", action=argparse.BooleanOptionalAction, default=None,
                   help="self-review each article (default: the 'self_review' setting)")
    p.add_argument("--resume", metavar="JOB",
                   help="resume a job (its output folder or id); --host/--concurrency replace "
                        "its hosts")
    p.add_argument("--retry-failed", action="store_true", help="with --resume: retry failed rows")
    p.add_argument("--links", metavar="SITE", help="when the articles are written, link them to "
                   "the pages of this site profile and to each other (plume site import)")
    p.add_argument("--links-per-article", type=int, default=4, metavar="N",
                   help="most internal links per article with --links (default: 4)")
    p.add_argument("--terms", metavar="FILE",
                   help="topic terms every article should cover (one per line, e.g. "
                        "'autonomie: 2-4'); the coverage of each is printed at the end")
    p.add_argument("--social", metavar="NETWORKS",
                   help="write social posts for each finished article: x, linkedin, facebook, "
                        "instagram, newsletter (comma-separated) → <slug>.social.md")
    p.add_argument("--status", metavar="JOB", help="show a job's progress and failures")
    p.add_argument("--publish", metavar="SITE", default="",
                   help="publish each article to this WordPress site as a draft once written "
                        "(a site saved with `plume publish --add-site`)")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.commands._terminal import safe_std_streams
    from app.core.errors import PlumeError

    with safe_std_streams(), _log_to_file():
        try:
            if args.status:
                return _status(args.status)
            if getattr(args, "links", None):
                _check_links(args)
            from app.commands.batch_extras import check_social

            check_social(args)
            if args.resume:
                return _resume(args)
            if not args.list:
                print("Give a keyword list, or --resume/--status JOB.", file=sys.stderr)
                return 2
            return _new_job(args)
        except PlumeError as exc:
            print(f"Error: {exc.message}", file=sys.stderr)
            if exc.hint:
                print(f"  → {exc.hint}", file=sys.stderr)
            return 2


@contextlib.contextmanager
def _log_to_file() -> Iterator[None]:
    """Log records (with their tracebacks, for bug reports) go to Plume's log file, not
    between the progress lines; what a user must know is printed by the command itself."""
    from app.core.settings import default_data_dir

    root = logging.getLogger()
    handler: logging.Handler
    try:
        folder = default_data_dir() / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(folder / "plume.log", encoding="utf-8", delay=True)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    except OSError:
        handler = logging.NullHandler()
    handler.setLevel(logging.WARNING)
    handler.handleError = lambda record: None  # type: ignore[method-assign]  # disk full
    root.addHandler(handler)
    try:
        yield
    finally:
        root.removeHandler(handler)
        handler.close()


def _check_options(args: argparse.Namespace, plume: Any) -> None:
    """Refuse absurd values before the list is read or any host is asked."""
    from app.core.batch.job import MAX_SLOTS
    from app.core.errors import InputError
    from app.core.models import TARGET_WORDS_MAX, TARGET_WORDS_MIN

    plume.formats(args.format)
    plume.preset(args.preset)
    if args.words is not None and not TARGET_WORDS_MIN <= args.words <= TARGET_WORDS_MAX:
        raise InputError(f"--words {args.words} is out of range.",
                         hint=f"Use {TARGET_WORDS_MIN} to {TARGET_WORDS_MAX} words.")
    if args.concurrency is not None and not 1 <= args.concurrency <= MAX_SLOTS:
        raise InputError(f"--concurrency {args.concurrency} is out of range.",
                         hint=f"Use 1 to {MAX_SLOTS} parallel requests per host (match the "
                              "server's OLLAMA_NUM_PARALLEL).")
    if args.host:
        plume.batch_hosts(args.host, args.concurrency)     # each address and its #N


def _check_out(out: Path) -> None:
    from app.core.errors import ExportError, InputError
    from app.core.export.files import check_folder

    try:
        check_folder(out)
    except ExportError as exc:
        raise InputError(f"Cannot write the articles in {out}: {exc.message}",
                         hint=f"{exc.hint} (--out DIR)") from None


# ---- new job ---------------------------------------------------------------------------------

def _new_job(args: argparse.Namespace) -> int:
    from app.application import Plume
    from app.core.batch import prepare
    from app.core.batch.job import JOB_DB_NAME, JOB_DIR_NAME
    from app.core.batch.keywords import parse_file
    from app.core.errors import InputError

    plume = Plume.open()
    _check_options(args, plume)
    source = Path(args.list)
    out = Path(args.out) if args.out else source.with_name(f"{source.stem}-articles")
    parsed = parse_file(source)
    kind = f"CSV, delimiter {_show(parsed.delimiter)}" if parsed.kind == "csv" else "one per line"
    print(f"Read {len(parsed.rows)} rows from {source.name} ({parsed.encoding}, {kind}).")
    for problem in parsed.problems:
        print(f"  {problem}")
    bad = [r for r in parsed.rows if not r.ok]
    if any(p.line == 0 or not parsed.rows for p in parsed.errors):
        return 2
    if bad and not args.skip_invalid:
        print(f"{len(bad)} row(s) have errors. Fix them, or pass --skip-invalid to run the "
              "others (those rows will be listed as skipped).", file=sys.stderr)
        return 2

    defaults = plume.batch_defaults(model=args.model, language=args.lang, words=args.words,
                                    tone=args.tone)
    if args.terms:                        # one list for every row, ranges for its length
        from app.core.models import Brief

        brief = Brief("-", defaults.language, target_words=defaults.target_words)
        defaults.terms = tuple((t.text, t.low, t.high) for t in plume.terms(args.terms, brief))
    if not defaults.model and any("model" not in r.overrides for r in parsed.valid_rows):
        raise InputError("No model chosen.", hint="Pass --model NAME (e.g. --model qwen3:8b), or "
                         "set a default model in the app.")

    groups = prepare.duplicate_groups(parsed, defaults)
    choice = _duplicate_choice(groups, args.duplicates)
    if choice is None:
        return 2
    if not (out / JOB_DIR_NAME / JOB_DB_NAME).exists():   # (an existing job is refused below)
        _check_out(out)

    if args.publish:  # a wrong password is said now, not after the first article
        from app.application.publishing import check_site

        site = check_site(args.publish)
        print(f"Each article will be published to {site.url} as a draft.")
    hosts = plume.batch_hosts(args.host, args.concurrency)
    checks = _show_hosts(plume, hosts)
    missing = prepare.missing_models(parsed.valid_rows, defaults, checks)
    for name, lines in missing.items():
        print(f"  The model '{name}' is on no host (lines {_lines(lines)}). Pull it: "
              f"ollama pull {name}", file=sys.stderr)
    if missing and not args.skip_invalid:
        return 2
    if args.check:
        print("Check finished; nothing was run.")
        return 0

    if getattr(args, "links", None):      # pages to link to, named while writing
        from app.application.site import link_targets
        from app.core.batch.job import build_brief

        for row in parsed.valid_rows:
            brief = build_brief(row.keyword, row.overrides, defaults)
            row.overrides["link_terms"] = link_targets(args.links, brief)
    store = plume.create_batch_job(
        parsed, out_dir=out, defaults=defaults, hosts=hosts, formats=plume.formats(args.format),
        preset=plume.preset(args.preset), duplicates=groups, duplicate_choice=choice,
        unavailable=missing, review=args.review, source=str(source.resolve()),
        publish_site=args.publish)
    job_id = store.config.job_id
    print(f"Job {job_id} saved in {out}. If it stops: plume batch --resume {out} "
          f"(or --resume {job_id})")
    return _linked(args, plume, store)


def _check_links(args: argparse.Namespace) -> None:
    from app.application.site import check_profile
    from app.core.errors import InputError

    if not 1 <= args.links_per_article <= 20:
        raise InputError(f"--links-per-article {args.links_per_article} is out of range.",
                         hint="Use 1 to 20.")
    check_profile(args.links)


def _linked(args: argparse.Namespace, plume: Any, store: Any) -> int:
    """Run the job; with --links each finished article is linked as it finishes (and all once
    more at the end), with --social its posts are written after the run."""
    from app.commands.batch_extras import AfterArticles

    after = AfterArticles(args, plume, store)
    return after.finish(_run(plume, store, after))


def _show_hosts(plume: Any, hosts: list[Any]) -> list[Any]:
    """Check each host (with its token) and say what was found, and how it is dialled."""
    from app.core.llm.remote import plain_http_warning

    checks: list[Any] = plume.check_hosts(hosts)
    print(f"Hosts (answer timeout {plume.read_timeout:g} s):")
    warnings: list[str] = []
    for check in checks:
        state = f"up, {len(check.models)} models" if check.up else f"DOWN ({check.error})"
        secret = plume.token_for(check.spec.url)
        token = "token sent" if secret else "no token"
        print(f"  {check.spec.url}  ×{check.spec.slots}  {state}  ({token})")
        warning = plain_http_warning(check.spec.url, secret)
        if warning:
            warnings.append(warning)
    for warning in warnings:
        print(warning, file=sys.stderr)
    return checks


def _duplicate_choice(groups: list[Any], flag: str | None) -> str | None:
    if not groups:
        return "keep"
    print(f"{len(groups)} group(s) of keywords compete for the same search intent "
          "(cannibalisation risk):")
    for g in groups:
        label = "duplicates" if g.kind == "duplicate" else "near-duplicates"
        pairs = ", ".join(f"line {line} '{kw}'"
                          for line, kw in zip(g.lines, g.keywords, strict=True))
        print(f"  {label}: {pairs}")
    if flag:
        return flag
    if not sys.stdin.isatty():
        print("Pass --duplicates skip (keep only the first of each group) or --duplicates keep.",
              file=sys.stderr)
        return None
    answer = input("Skip the later ones [s], keep all [k], or abort [a]? ").strip().lower()
    return {"s": "skip", "k": "keep"}.get(answer[:1])


# ---- resume / status -------------------------------------------------------------------------

def _resume(args: argparse.Namespace) -> int:
    from app.application import Plume

    plume = Plume.open()
    _check_options(args, plume)
    store = plume.open_batch_job(args.resume, hosts=args.host, concurrency=args.concurrency)
    print(f"Resuming job {store.config.job_id} from {store.config.out_dir}.")
    _show_hosts(plume, store.config.hosts)
    if args.retry_failed:
        print(f"{store.retry_failed()} failed or cancelled row(s) queued again.")
    return _linked(args, plume, store)


def _status(job: str) -> int:
    from app.core.batch.output import failure_report
    from app.core.batch.queue import JobStore

    store = JobStore.open(job)
    config, counts = store.config, store.counts()
    print(f"Job {config.job_id} — {store.job_state}")
    print(f"  folder: {config.out_dir}\n  list:   {config.source}")
    print("  " + "  ".join(f"{state.value}: {n}" for state, n in counts.items()))
    print("  hosts:  " + ", ".join(f"{h.url}×{h.slots}" for h in config.hosts))
    report = failure_report(store.items())
    if report:
        print(report.rstrip())
    if counts["pending"] or counts["running"] or counts["failed"]:
        print(f"Resume with: plume batch --resume {config.out_dir}"
              + (" --retry-failed" if counts["failed"] else ""))
    return 0


# ---- running ---------------------------------------------------------------------------------

STOP_POLL = 0.1     # seconds between two looks at Ctrl+C/SIGTERM while a batch runs


def _run(plume: Any, store: Any, after: Any = None) -> int:
    from app.core.batch.lock import JobLock
    from app.core.batch.output import REPORT_NAME

    display = _Display(sys.stderr)

    def on_event(event: Any) -> None:
        display.event(event)
        if after is not None:
            after.event(event)            # no database work here: the runner's thread

    runner = plume.batch_runner(store, on_event=on_event)
    display.runner = runner
    outcome: list[Any] = []
    from app.commands._terminal import StopSignals

    # A stop is noted by the signal handler and acted on here, never raised as an exception:
    # a KeyboardInterrupt inside `Thread.join()` marks the thread finished while it still runs
    # (CPython gh-90882, up to 3.12), and the command exited before the run recorded its end
    # (job left 'running'); raised elsewhere it could cut a database call in two.
    signals = StopSignals(interrupting=False)
    with JobLock(store.path), signals:
        thread = threading.Thread(target=lambda: outcome.append(runner.run()), daemon=True)
        thread.start()
        if after is not None:
            after.say = display.line
        stopping = False
        while thread.is_alive():
            thread.join(STOP_POLL)
            if signals.stopped and not stopping:
                stopping = True
                display.line(f"Stopping ({signals.name}): running articles keep what they "
                             "wrote…")
                runner.stop()
            display.draw()
            if after is not None and not stopping:
                after.tick()
        index_note = _write_outputs(store)
    result = outcome[0] if outcome else None
    progress = runner.progress()
    display.draw(final=True)
    out = store.config.out_dir
    print(f"\n{progress.done} done, {progress.failed} failed, {progress.skipped} skipped, "
          f"{progress.pending + progress.running} left. "
          + (index_note or f"Index: {Path(out) / 'index.csv'}"))
    if (progress.failed or progress.skipped) and not index_note:
        print(f"Reasons: {Path(out) / REPORT_NAME}")
    if result is None or result.reason in ("stopped", "stalled"):
        if result is not None and result.message:
            print(result.message)
        if store.is_current():
            print(f"To continue: plume batch --resume {out}")
        if result is None or result.reason == "stopped":
            return signals.code
        return 1
    return 0 if not progress.failed else 1


def _write_outputs(store: Any) -> str:
    """Rewrite index.csv and failures.txt; '' when done, else what a user should know."""
    import sqlite3

    from app.core.batch.output import write_outputs
    from app.core.errors import PlumeError

    if not store.is_current():
        return "The job folder is gone: index.csv was not written."
    try:
        write_outputs(store)
    except (PlumeError, OSError, sqlite3.Error):
        return "index.csv could not be updated now; the next --resume rewrites it."
    return ""


class _Display:
    """A one-line progress bar on a terminal; one line per article otherwise."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self.runner: Any = None
        self.lock = threading.Lock()
        self.last = 0.0
        self.down: set[str] = set()

    def event(self, event: Any) -> None:
        from app.core.batch.runner import HostChanged, ItemEnded, RunStalled

        if isinstance(event, ItemEnded):
            if event.state.value in ("done", "failed"):
                mark = "✓" if event.state.value == "done" else "✗"
                tail = f" — {event.error}" if event.error else ""
                self.line(f"{mark} {event.keyword} ({event.seconds:.0f} s){tail}")
        elif isinstance(event, HostChanged):
            if event.up and event.recovered:
                self.down.discard(event.url)
                self.line(f"host {event.url} is back")
            elif not event.up and event.url not in self.down:
                self.down.add(event.url)
                self.line(f"host {event.url} is down ({event.error}); "
                          f"retry in {event.retry_in:.0f} s")
        elif isinstance(event, RunStalled):
            self.line(event.reason)

    def line(self, text: str) -> None:
        with self.lock:
            self.stream.write(("\r\x1b[K" if self.tty else "") + text + "\n")
            self.stream.flush()
        self.draw(force=True)

    def draw(self, final: bool = False, force: bool = False) -> None:
        if self.runner is None or not (self.tty or final):
            return
        now = time.monotonic()
        if not (final or force) and now - self.last < 0.5:
            return
        self.last = now
        p = self.runner.progress()
        settled = p.done + p.failed + p.skipped
        width = 24
        filled = int(width * settled / p.total) if p.total else width
        eta = _duration(p.eta) if p.eta is not None else "…"
        paused = "  PAUSED" if self.runner.paused else ""
        text = (f"[{'#' * filled}{'.' * (width - filled)}] {p.done}/{p.total} done"
                f"  {p.failed} failed  {p.running} running  {p.per_hour:.1f}/h  ETA {eta}{paused}")
        with self.lock:
            self.stream.write(("\r\x1b[K" + text) if self.tty else text + "\n")
            self.stream.flush()


# ---- helpers ---------------------------------------------------------------------------------

def _show(delimiter: str) -> str:
    return {"\t": "tab", ",": "comma", ";": "semicolon", "|": "pipe"}.get(delimiter, delimiter)


def _lines(lines: list[int]) -> str:
    shown = ", ".join(map(str, lines[:10]))
    return shown + (f" and {len(lines) - 10} more" if len(lines) > 10 else "")


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}m{seconds % 60:02d}s"

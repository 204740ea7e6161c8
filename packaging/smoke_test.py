"""Smoke-test a built Plume bundle: what a writer would hit on the first launch.

    python packaging/smoke_test.py dist/plume [--budget-mb 140] [--runs 5] [--allow-missing]
    python packaging/smoke_test.py dist/Plume.app          (macOS)

Run with the Python that built the bundle, from the repository root. Checks:
  * self-test (`plume --self-test OUT.json`) passes from a fresh home, with no network
    (a new network namespace on Linux when allowed, plus the self-test's own socket guard),
    once with a French and once with an English system locale;
  * its syllable counts, analysis and export results equal those of the unfrozen app (`python -m app`);
  * start to a shown main window (offscreen) within --start-budget seconds (median);
  * the bundle carries all of resources/ and the en/fr data, stays under the size budget,
    and holds no forbidden file (WebEngine, QML, Tk, tests, ...), nor test modules in its PYZ.
Prints one line per check and a summary line; exit 1 on any failure.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bundle_rules import forbidden_reason, is_runtime_resource  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
COMPARED_PARTS = ("syllables", "scores", "export")  # values that must not change when frozen
FORBIDDEN_MODULE_ROOTS = {"tests", "test", "pytest", "_pytest", "tkinter", "unittest", "pip"}


class Failed(Exception):
    pass


def executable(bundle: Path) -> Path:
    if bundle.suffix == ".app":
        return bundle / "Contents" / "MacOS" / "plume"
    return bundle / ("plume.exe" if sys.platform == "win32" else "plume")


def data_root(bundle: Path) -> Path:
    """Where PyInstaller put the data files (sys._MEIPASS)."""
    if bundle.suffix == ".app":
        return bundle / "Contents" / "Resources"
    return bundle / "_internal"


def clean_env(home: Path, lang: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "PLUME_"))}  # PLUME_*_DIR: user data
    env.update(
        QT_QPA_PLATFORM="offscreen", HOME=str(home), USERPROFILE=str(home),
        APPDATA=str(home / "AppData"), LOCALAPPDATA=str(home / "LocalAppData"),
        XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local/share"),
        XDG_CACHE_HOME=str(home / ".cache"), XDG_STATE_HOME=str(home / ".local/state"),
        LANG=lang, LC_ALL=lang, LANGUAGE=lang.split(".")[0],
    )
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)  # no keyring daemon: the app must cope
    return env


def no_network_prefix() -> list[str]:
    """`unshare --net` (an empty network namespace) where this user may create one."""
    unshare = shutil.which("unshare")
    if not (sys.platform.startswith("linux") and unshare):
        return []
    for prefix in ([unshare, "--net"], [unshare, "--map-root-user", "--net"]):  # root, user
        if subprocess.run([*prefix, "true"], capture_output=True).returncode == 0:
            return prefix
    return []


def run_selftest(command: list[str], out: Path, env: dict[str, str], *extra: str) -> dict:
    out.unlink(missing_ok=True)
    proc = subprocess.run(
        [*command, "--self-test", str(out), *extra], env=env, capture_output=True, text=True,
        timeout=120,
    )
    if not out.exists():
        raise Failed(f"no self-test JSON (exit {proc.returncode}): {proc.stderr[-1500:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    report["_exit"] = proc.returncode
    return report


def part_problems(report: dict, allow_missing: bool) -> list[str]:
    problems = []
    for name, part in report["parts"].items():
        status = part["status"]
        if status == "ok" or (allow_missing and status == "missing"):
            continue
        problems.append(f"{name}: {status} {part.get('what', '')}".strip())
    return problems


class Smoke:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.bundle: Path = args.bundle.resolve()
        self.exe = executable(self.bundle)
        self.tmp = Path(tempfile.mkdtemp(prefix="plume-smoke-"))
        self.results: list[tuple[str, bool, str]] = []
        self.reports: dict[str, dict] = {}

    def check(self, name: str, fn: Callable[[], str]) -> None:
        try:
            detail, ok = fn(), True
        except Failed as exc:
            detail, ok = str(exc), False
        except Exception as exc:  # noqa: BLE001 - a broken check is a failed check
            detail, ok = f"{type(exc).__name__}: {exc}", False
        self.results.append((name, ok, detail))
        print(f"{'PASS' if ok else 'FAIL'}  {name}: {detail}", flush=True)

    # --- checks ----------------------------------------------------------------------

    def selftest_offline(self, lang: str) -> str:
        home = self.tmp / f"home-{lang[:2]}"
        home.mkdir()
        prefix = no_network_prefix()
        report = run_selftest([*prefix, str(self.exe)], self.tmp / f"{lang[:2]}.json",
                              clean_env(home, lang))
        self.reports[lang[:2]] = report
        if not report.get("frozen"):
            raise Failed("the self-test did not run frozen")
        problems = part_problems(report, self.args.allow_missing)
        if problems:
            raise Failed("; ".join(problems))
        if report["_exit"] != 0 and not self.args.allow_missing:
            raise Failed(f"exit code {report['_exit']}")
        statuses = " ".join(f"{k}={v['status'].split(':')[0]}" for k, v in report["parts"].items())
        net = "no network namespace" if prefix else "socket guard only"
        return f"{statuses} ({net}, fresh home, LANG={lang})"

    def same_values_as_unfrozen(self) -> str:
        home = self.tmp / "home-venv"
        home.mkdir()
        env = clean_env(home, "en_US.UTF-8")
        env["PYTHONPATH"] = str(ROOT)
        unfrozen = run_selftest([sys.executable, "-m", "app"], self.tmp / "venv.json", env,
                                *(arg for part in COMPARED_PARTS for arg in ("--only", part)))
        frozen = self.reports.get("en") or self.reports.get("fr")
        if frozen is None:
            raise Failed("no frozen self-test report to compare")
        compared = []
        for part in COMPARED_PARTS:
            a, b = frozen["parts"].get(part, {}), unfrozen["parts"].get(part, {})
            if a.get("status") != "ok" or b.get("status") != "ok":
                if self.args.allow_missing and "missing" in (a.get("status"), b.get("status")):
                    continue
                raise Failed(f"{part}: frozen {a.get('status')}, unfrozen {b.get('status')}")
            if a["values"] != b["values"]:
                raise Failed(f"{part} differs: frozen {a['values']} != unfrozen {b['values']}")
            compared.append(f"{part} {json.dumps(a['values'], sort_keys=True)[:160]}")
        return "; ".join(compared) or "nothing to compare"

    def start_time(self) -> str:
        home = self.tmp / "home-start"
        home.mkdir()
        env = clean_env(home, "fr_FR.UTF-8")
        rounds = []
        for _ in range(2):  # a second round only if the first was slow (a busy machine)
            times = []
            for _ in range(self.args.runs):
                spawned = time.time()
                report = run_selftest([str(self.exe)], self.tmp / "start.json", env,
                                      "--only", "window")
                part = report["parts"]["window"]
                if part["status"] != "ok":
                    if self.args.allow_missing and part["status"] == "missing":
                        return "skipped: main window not in this build yet"
                    raise Failed(f"window: {part['status']}")
                times.append(part["shown_epoch"] - spawned)
            median = statistics.median(times)
            rounds.append(f"median {median:.3f} s, min {min(times):.3f} s over {len(times)} runs")
            if median <= self.args.start_budget:
                return f"{'; then '.join(rounds)} (budget {self.args.start_budget} s)"
        raise Failed(f"{'; then '.join(rounds)} > {self.args.start_budget} s budget")

    def size_budget(self) -> str:
        size = sum(p.stat().st_size for p in self.bundle.rglob("*") if p.is_file()
                   and not p.is_symlink())
        detail = f"{size / 1e6:.1f} MB ({size / 2**20:.1f} MiB, {size} bytes)"
        if size > self.args.budget_mb * 1e6:
            raise Failed(f"{detail} > {self.args.budget_mb} MB budget")
        return f"{detail} <= {self.args.budget_mb} MB"

    def no_forbidden_files(self) -> str:
        paths = [p.relative_to(self.bundle).as_posix() for p in self.bundle.rglob("*")]
        bad = [(p, forbidden_reason(p)) for p in paths if forbidden_reason(p)]
        if bad:
            raise Failed(f"{len(bad)} forbidden: " + ", ".join(f"{p} ({r})" for p, r in bad[:8]))
        return f"{len(paths)} entries, none forbidden"

    def no_forbidden_modules(self) -> str:
        from PyInstaller.archive.readers import CArchiveReader

        archive = CArchiveReader(str(self.exe))
        pyz = archive.open_embedded_archive("PYZ.pyz")
        names = list(pyz.toc)
        bad = sorted(n for n in names if n.split(".")[0] in FORBIDDEN_MODULE_ROOTS)
        if bad:
            raise Failed("bundled modules: " + ", ".join(bad[:10]))
        ours = sorted(n for n in names if n == "app" or n.startswith("app."))
        missing = [n for n in ("app.commands.selftest", "app.cli") if n not in ours]
        if missing:
            raise Failed("our modules missing from the PYZ: " + ", ".join(missing))
        return f"{len(names)} modules ({len(ours)} of Plume), no tests/pytest/tkinter/unittest"

    def bundled_data(self) -> str:
        root = data_root(self.bundle)
        tree = ROOT / "resources"
        source = sorted(rel for p in tree.rglob("*") if p.is_file()
                        and is_runtime_resource(rel := p.relative_to(tree).as_posix()))
        missing = [f for f in source if not (root / "resources" / f).is_file()]
        if missing:
            raise Failed("resources not bundled: " + ", ".join(missing[:10]))
        hyph = sorted(p.name for p in root.glob("pyphen/dictionaries/*.dic"))
        if not any(n.startswith("hyph_fr") for n in hyph) or \
                not any(n.startswith("hyph_en") for n in hyph):
            raise Failed(f"pyphen en/fr dictionaries missing: {hyph}")
        others = [n for n in hyph if not n.startswith(("hyph_en", "hyph_fr"))]
        if others:
            raise Failed(f"unused hyphenation dictionaries bundled: {others[:5]}")
        qm = sorted(p.name for p in root.rglob("PySide6/**/translations/*.qm"))
        if "qtbase_fr.qm" not in qm:
            raise Failed(f"Qt's French catalogue missing (have {qm})")
        return (f"{len(source)} resource files, dictionaries {hyph}, "
                f"Qt catalogues {qm}")

    def run(self) -> int:
        if not self.exe.exists():
            print(f"FAIL  bundle: no executable at {self.exe}")
            print("smoke test: 1 of 1 checks FAILED")
            return 1
        self.check("bundle contents (resources, en/fr data)", self.bundled_data)
        self.check("no forbidden files", self.no_forbidden_files)
        self.check("no test/Tk modules in the PYZ", self.no_forbidden_modules)
        self.check("size budget", self.size_budget)
        self.check("first launch offline, French", lambda: self.selftest_offline("fr_FR.UTF-8"))
        self.check("first launch offline, English", lambda: self.selftest_offline("en_US.UTF-8"))
        self.check("scores and export equal the unfrozen run", self.same_values_as_unfrozen)
        self.check("start to shown window (offscreen)", self.start_time)
        if self.args.keep:
            print(f"reports kept in {self.tmp}")
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)
        failed = sum(1 for _, ok, _ in self.results if not ok)
        # Not pytest's "N passed, N failed" form: CI reads the test suite's closing line.
        print(f"smoke test: {'all' if not failed else failed} of {len(self.results)} checks "
              f"{'passed' if not failed else 'FAILED'}")
        return 1 if failed else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="dist/plume (or dist/Plume.app)")
    parser.add_argument("--budget-mb", type=float, default=140.0, help="bundle size limit, MB")
    parser.add_argument("--start-budget", type=float, default=1.0, help="median start, seconds")
    parser.add_argument("--runs", type=int, default=5, help="launches timed for the start check")
    parser.add_argument("--allow-missing", action="store_true",
                        help="tolerate self-test parts reported 'missing' (features not built)")
    parser.add_argument("--keep", action="store_true", help="keep the JSON reports")
    return Smoke(parser.parse_args()).run()


if __name__ == "__main__":
    sys.exit(main())

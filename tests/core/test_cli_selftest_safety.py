"""`plume selftest OUT.json` checks where it will write before it runs, and says why it
cannot instead of printing a traceback after the checks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.core.fs_faults import read_only_folder

ROOT = Path(__file__).resolve().parents[2]


def selftest(tmp_path: Path, output: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PLUME_CONFIG_DIR=str(tmp_path / "c"),
               PLUME_DATA_DIR=str(tmp_path / "d"))
    return subprocess.run([sys.executable, "-m", "app.cli", "selftest", str(output), "--only",
                           "resources"], env=env, capture_output=True, text=True, timeout=120)


def test_a_read_only_report_folder_is_refused_before_the_checks(tmp_path):
    with read_only_folder(tmp_path / "ro") as folder:
        result = selftest(tmp_path, folder / "report.json")
    assert result.returncode == 2, result.stderr
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr
    assert "self-test passed" not in result.stdout          # nothing ran


def test_a_folder_given_as_the_report_is_refused(tmp_path):
    result = selftest(tmp_path, tmp_path)
    assert result.returncode == 2 and "is a folder" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr

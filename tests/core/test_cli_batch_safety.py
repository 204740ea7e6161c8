"""`plume batch` refuses bad input before any work, never prints a traceback, and keeps a job
resumable through a full disk, a damaged database, a deleted folder and a stop signal."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.batch.job import ItemState
from app.core.batch.lock import JobLock
from app.core.batch.queue import JobStore
from tests.core.fs_faults import fill, read_only_folder, small_disk

ROOT = Path(__file__).resolve().parents[2]
KEYWORDS = ("yak gardening", "lynx gardening", "otter gardening", "koala gardening")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PLUME_CONFIG_DIR": str(tmp_path / "config"),
            "PLUME_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(ROOT),
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}


@pytest.fixture
def listing(tmp_path: Path) -> Path:
    path = tmp_path / "list.txt"
    path.write_text("\n".join(KEYWORDS) + "\n", encoding="utf-8")
    return path


def batch(env, *args: str, wait: bool = True, **kw):
    cmd = [sys.executable, "-m", "app.cli", "batch", *args]
    if not wait:
        return subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, **kw)
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output="stdout" not in kw,
                          text=True, timeout=120, **kw)


def new_job(env, listing: Path, out: Path, fake, *more: str, wait: bool = True):
    return batch(env, str(listing), "--out", str(out), "--model", "qwen3:8b", "--host",
                 fake.url, "--words", "300", "--no-review", *more, wait=wait)


def chats(fake) -> list:
    return [r for r in fake.requests_to("/api/chat") if r.body.get("messages")]


def read_index(out: Path) -> list[dict[str, str]]:
    with open(out / "index.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def wait_until(condition, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


def no_traceback(result) -> None:
    for text in (result.stdout or "", result.stderr or ""):
        assert "Traceback" not in text, text


# ---- refused up front ----------------------------------------------------------------------

def test_out_is_a_file(env, listing, tmp_path, fake_ollama):
    target = tmp_path / "out.txt"
    target.write_text("keep me", encoding="utf-8")
    result = new_job(env, listing, target, fake_ollama)
    assert result.returncode == 2, result.stderr
    no_traceback(result)
    assert f"{target} is a file, not a folder" in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me" and chats(fake_ollama) == []


def test_out_is_read_only(env, listing, tmp_path, fake_ollama):
    with read_only_folder(tmp_path / "ro") as folder:
        result = new_job(env, listing, folder / "articles", fake_ollama)
    assert result.returncode == 2, result.stderr
    no_traceback(result)
    assert "read-only" in result.stderr or "not allowed" in result.stderr
    assert chats(fake_ollama) == []


@pytest.mark.parametrize(("flag", "value", "said"), [
    ("--format", "pdf", "Use md, html or md,html"),
    ("--words", "999999", "300 to 10000"),
    ("--concurrency", "100000", "1 to 16"),
    ("--concurrency", "0", "1 to 16"),
])
def test_absurd_options_are_refused_before_anything_is_asked(env, listing, tmp_path,
                                                             fake_ollama, flag, value, said):
    result = new_job(env, listing, tmp_path / "out", fake_ollama, flag, value)
    assert result.returncode == 2, result.stderr
    no_traceback(result)
    assert said in result.stderr
    assert fake_ollama.requests == []            # not even the host check
    assert not (tmp_path / "out").exists()


def test_a_host_with_absurd_parallel_slots_is_refused(env, listing, tmp_path, fake_ollama):
    result = batch(env, str(listing), "--out", str(tmp_path / "out"), "--model", "qwen3:8b",
                   "--host", f"{fake_ollama.url}#100000")
    assert result.returncode == 2 and "1 to 16" in result.stderr, result.stderr
    no_traceback(result)


# ---- a job that cannot be resumed as it is -------------------------------------------------

def test_a_damaged_job_database_is_set_aside_with_a_way_to_start_over(env, listing, tmp_path,
                                                                       fake_ollama):
    out = tmp_path / "out"
    assert new_job(env, listing, out, fake_ollama).returncode == 0
    db = out / ".plume-batch" / "job.sqlite"
    db.write_bytes(b"this is not a database at all" * 100)
    for args in (("--status", str(out)), ("--resume", str(out))):
        result = batch(env, *args)
        assert result.returncode == 2, result.stderr
        no_traceback(result)
        assert "damaged" in result.stderr
    aside = list(db.parent.glob("job.sqlite.damaged-*"))
    assert len(aside) == 1 and f"{aside[0]}" in result.stderr
    assert f"plume batch LIST --out {out.resolve()}" in result.stderr
    # The way out works: the same command starts the job again in the same folder.
    again = new_job(env, listing, out, fake_ollama)
    assert again.returncode == 0, again.stderr
    assert {r["status"] for r in read_index(out)} == {"done"}


def test_a_refused_resume_leaves_the_hosts_of_the_job_alone(env, listing, tmp_path,
                                                            fake_ollama):
    out = tmp_path / "out"
    fake_ollama.set_delay(0.05)
    proc = new_job(env, listing, out, fake_ollama, wait=False)
    wait_until(lambda: chats(fake_ollama))                  # the first run is writing
    try:
        result = batch(env, "--resume", str(out), "--host", "http://127.0.0.1:9", "--concurrency",
                       "3")
        assert result.returncode == 2 and "already running" in result.stderr, result.stderr
        no_traceback(result)
        hosts = JobStore.open(out).config.hosts
        assert [(h.url, h.slots) for h in hosts] == [(fake_ollama.url, 1)]
    finally:
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)


# ---- the folder deleted under a running job ----------------------------------------------

def test_a_second_job_cannot_start_in_a_deleted_folder_while_the_first_still_runs(tmp_path):
    from app.core.batch.job import ItemSpec, JobConfig, JobDefaults
    from app.core.errors import InputError

    out = tmp_path / "out"
    config = JobConfig(out_dir=str(out), defaults=JobDefaults(model="qwen3:8b"))
    first = JobStore.create(config, [ItemSpec(1, "yak", "yak")])
    with JobLock(first.path):
        shutil.rmtree(out)                                   # the writer deletes the folder
        second = JobStore.create(JobConfig(out_dir=str(out), defaults=config.defaults),
                                 [ItemSpec(1, "yak", "yak")])
        with pytest.raises(InputError, match="already running"), JobLock(second.path):
            pass


def test_a_run_whose_folder_is_deleted_stops_and_writes_nothing_more(env, listing, tmp_path,
                                                                      fake_ollama):
    fake_ollama.set_delay(0.01)
    out = tmp_path / "out"
    proc = new_job(env, listing, out, fake_ollama, wait=False)
    wait_until(lambda: (out / "yak-gardening.md").exists())   # one article written
    shutil.rmtree(out)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 1, stderr
    assert "Traceback" not in stderr + stdout
    assert "was deleted" in stdout + stderr
    assert not out.exists(), list(out.rglob("*"))          # no stale index.csv, no article


def test_a_stale_run_never_overwrites_the_index_of_the_new_job(tmp_path):
    from app.core.batch.job import ItemSpec, JobConfig, JobDefaults
    from app.core.batch.output import write_outputs

    out = tmp_path / "out"
    old = JobStore.create(JobConfig(out_dir=str(out), defaults=JobDefaults(model="m:1")),
                          [ItemSpec(1, "old keyword", "old-keyword")])
    shutil.rmtree(out)
    new = JobStore.create(JobConfig(out_dir=str(out), defaults=JobDefaults(model="m:1")),
                          [ItemSpec(1, "new keyword", "new-keyword")])
    write_outputs(new)
    assert write_outputs(old) == []
    assert [r["keyword"] for r in read_index(out)] == ["new keyword"]


# ---- disk full, signals, pipes --------------------------------------------------------------

def test_disk_full_mid_run_one_clear_message_then_resume_finishes(env, listing, tmp_path,
                                                                  fake_ollama):
    fake_ollama.set_delay(0.005)
    with small_disk(tmp_path / "disk", 3 * 1024 * 1024) as disk:
        out = disk / "out"
        proc = new_job(env, listing, out, fake_ollama, wait=False)
        wait_until(lambda: (out / "yak-gardening.md").exists())
        fill(disk)
        stdout, stderr = proc.communicate(timeout=90)
        assert proc.returncode == 1, stderr
        assert "Traceback" not in stdout + stderr, stderr
        assert (stdout + stderr).count("disk is full") == 1, stdout + stderr
        assert f"plume batch --resume {out.resolve()}" in stdout + stderr
        (disk / "filler.bin").unlink()
        resumed = batch(env, "--resume", str(out))
        assert resumed.returncode == 0, resumed.stderr
        no_traceback(resumed)
        index = read_index(out)
        assert sorted(r["keyword"] for r in index) == sorted(KEYWORDS)
        assert {r["status"] for r in index} == {"done"}
        assert sorted(p.stem for p in out.glob("*.md")) == sorted(
            k.replace(" ", "-") for k in KEYWORDS)


def test_sigterm_stops_a_batch_like_ctrl_c(env, listing, tmp_path, fake_ollama):
    fake_ollama.set_delay(0.02)
    out = tmp_path / "out"
    proc = new_job(env, listing, out, fake_ollama, wait=False)
    wait_until(lambda: chats(fake_ollama))
    proc.send_signal(signal.SIGTERM)
    stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 143, stderr
    assert "Traceback" not in stderr
    assert "Stopping (SIGTERM)" in stderr
    assert f"To continue: plume batch --resume {out.resolve()}" in stdout
    store = JobStore.open(out)
    counts = store.counts()
    assert counts[ItemState.RUNNING] == 0 and counts[ItemState.PENDING] >= 1
    assert store.job_state == "stopped", stderr
    assert (out / "index.csv").exists()


def test_status_piped_into_a_reader_that_left(env, listing, tmp_path, fake_ollama):
    out = tmp_path / "out"
    assert new_job(env, listing, out, fake_ollama).returncode == 0
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = batch(env, "--status", str(out), stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr

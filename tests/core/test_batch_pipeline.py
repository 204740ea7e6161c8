"""Batch jobs end to end: the real article writer against fake Ollama servers (real HTTP)."""

from __future__ import annotations

import csv
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from app.cli import main as cli
from app.core.batch.article import ArticleWriter
from app.core.batch.hosts import probe_ollama
from app.core.batch.job import HostSpec, ItemSpec, ItemState, JobConfig, JobDefaults
from app.core.batch.queue import JobStore
from app.core.batch.runner import BatchRunner, HostChanged, ItemStarted

ROOT = Path(__file__).resolve().parents[2]
ANIMALS = ("zebra", "yak", "koala", "otter", "lynx", "panda")


@pytest.fixture
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """No user settings, no keychain: the CLI runs on its flags alone."""
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
           "PLUME_CONFIG_DIR": str(tmp_path / "config"), "PLUME_DATA_DIR": str(tmp_path / "data"),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return {**os.environ, **env}


def chats_about(fake, keyword: str, after: float = 0.0) -> list[dict]:
    return [r.body for r in fake.requests_to("/api/chat")
            if r.at > after and keyword in json.dumps(r.body["messages"], ensure_ascii=False)]


def read_index(out: Path) -> list[dict[str, str]]:
    with open(out / "index.csv", encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def snapshot(db: Path) -> tuple[list[str], dict | None]:
    """(keywords done, the running article: keyword, plan, saved part indexes) — read-only."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
    try:
        done = [r[0] for r in conn.execute("SELECT keyword FROM items WHERE state = 'done'")]
        row = conn.execute("SELECT id, keyword, plan FROM items WHERE state = 'running' "
                           "AND plan IS NOT NULL").fetchone()
        if row is None:
            return done, None
        parts = [r[0] for r in conn.execute("SELECT idx FROM sections WHERE item_id = ?",
                                            (row[0],))]
        return done, {"keyword": row[1], "plan": json.loads(row[2]), "parts": parts}
    finally:
        conn.close()


@pytest.mark.slow
def test_sigkill_mid_batch_then_resume_writes_every_article_exactly_once(
        tmp_path: Path, fake_ollama, isolated_env: dict[str, str]) -> None:
    fake_ollama.set_delay(0.0005)
    keywords = [f"{animal} gardening" for animal in ANIMALS[:4]]
    listing = tmp_path / "list.txt"
    listing.write_text("# garden client\n" + "\n".join(keywords) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    base = [sys.executable, "-m", "app.cli", "batch"]
    proc = subprocess.Popen(
        [*base, str(listing), "--out", str(out), "--model", "qwen3:8b",
         "--host", fake_ollama.url, "--words", "300", "--no-review"],
        cwd=ROOT, env=isolated_env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    db = out / ".plume-batch" / "job.sqlite"
    victim, done_before = None, []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists():
            try:
                done, running = snapshot(db)
            except sqlite3.OperationalError:      # being created
                continue
            if done and running and len(running["parts"]) >= 2:
                proc.send_signal(signal.SIGKILL)
                victim, done_before = running, done
                break
        time.sleep(0.01)
    proc.wait(10)
    killed_at = time.monotonic()
    assert victim is not None, "the batch never reached the middle of an article"
    assert proc.returncode == -signal.SIGKILL

    resumed = subprocess.run([*base, "--resume", str(out)], cwd=ROOT, env=isolated_env,
                             capture_output=True, text=True, timeout=120)
    assert resumed.returncode == 0, resumed.stderr

    slugs = sorted(k.replace(" ", "-") for k in keywords)
    assert sorted(p.stem for p in out.glob("*.md")) == slugs        # one file each, no -2
    assert not list(out.glob(".plume-*.tmp"))                          # no half-written file
    index = read_index(out)
    assert sorted(r["keyword"] for r in index) == sorted(keywords)
    assert {r["status"] for r in index} == {"done"}
    for row in index:
        text = (out / row["file"]).read_text(encoding="utf-8")
        assert text.count("\n# ") == 1 and row["title"] in text
    # Work finished before the kill is never redone: the interrupted article asks only for
    # the parts it had not saved (plan + intro + sections + FAQ, one chat each)…
    total_parts = 1 + 1 + len(victim["plan"]["outline"]) + 1
    saved_parts = 1 + len(victim["parts"])
    assert len(chats_about(fake_ollama, victim["keyword"], killed_at)) == total_parts - saved_parts
    # …and articles already done get no request at all.
    for keyword in done_before:
        assert chats_about(fake_ollama, keyword, killed_at) == []


def test_host_going_down_moves_its_work_to_the_other_host(tmp_path: Path,
                                                          fake_ollama_factory) -> None:
    a, b = fake_ollama_factory(), fake_ollama_factory()
    config = JobConfig(out_dir=str(tmp_path / "out"), hosts=[HostSpec(a.url), HostSpec(b.url)],
                       defaults=JobDefaults(model="qwen3:8b:latest"[:-7], target_words=400))
    store = JobStore.create(config, [ItemSpec(i, f"{n} gardening", f"{n}-gardening")
                                     for i, n in enumerate(ANIMALS, start=2)])
    events: list[object] = []

    def on_event(event: object) -> None:
        events.append(event)
        if isinstance(event, ItemStarted) and event.host == a.url:
            threading.Thread(target=a.stop).start()       # the host dies under its article

    outcome = BatchRunner(store, ArticleWriter(), probe=probe_ollama, on_event=on_event,
                          host_backoff=0.05, retry_delay=0.0).run()
    assert outcome.reason == "finished"
    items = store.items()
    assert all(i.state is ItemState.DONE for i in items)
    assert sorted(p.stem for p in (tmp_path / "out").glob("*.md")) == sorted(i.slug for i in items)
    assert sum(i.host == b.url for i in items) >= len(items) - 1
    assert any(isinstance(e, HostChanged) and e.url == a.url and not e.up for e in events)


def test_a_host_without_the_model_is_never_sent_it(tmp_path: Path, fake_ollama_factory) -> None:
    a, b = fake_ollama_factory(), fake_ollama_factory()
    a.remove_model("qwen3:8b")
    config = JobConfig(out_dir=str(tmp_path / "out"), hosts=[HostSpec(a.url), HostSpec(b.url)],
                       defaults=JobDefaults(model="qwen3:8b", target_words=400))
    store = JobStore.create(config, [
        ItemSpec(2, "yak gardening", "yak", {}),
        ItemSpec(3, "otter gardening", "otter", {"model": "llama3.1:8b"}),
        ItemSpec(4, "lynx gardening", "lynx", {})])
    BatchRunner(store, ArticleWriter(), probe=probe_ollama).run()
    assert all(i.state is ItemState.DONE for i in store.items())
    assert {body["model"] for body in a.bodies("/api/chat")} <= {"llama3.1:8b"}
    assert {body["model"] for body in chats_about(b, "yak gardening")} == {"qwen3:8b"}


def test_per_row_settings_override_the_job_defaults(tmp_path: Path, fake_ollama,
                                                    isolated_env: dict[str, str]) -> None:
    listing = tmp_path / "list.csv"
    listing.write_text("keyword;lang;model;words;slug;category\n"
                       "zebra gardening;;;;;\n"
                       "jardinage zèbre;fr;llama3.1:8b;500;jardin-zebre;maison\n",
                       encoding="utf-8")
    out = tmp_path / "out"
    code = cli(["batch", str(listing), "--out", str(out), "--model", "qwen3:8b", "--lang", "en",
                "--words", "400", "--host", fake_ollama.url, "--format", "md,html", "--no-review"])
    assert code == 0
    assert {b["model"] for b in chats_about(fake_ollama, "zebra gardening")} == {"qwen3:8b"}
    assert {b["model"] for b in chats_about(fake_ollama, "jardinage zèbre")} == {"llama3.1:8b"}
    french = (out / "jardin-zebre.md").read_text(encoding="utf-8")
    assert 'lang: "fr"' in french and 'category: "maison"' in french
    assert 'lang: "en"' in (out / "zebra-gardening.md").read_text(encoding="utf-8")
    assert (out / "jardin-zebre.html").exists()
    index = {r["keyword"]: r for r in read_index(out)}
    assert index["jardinage zèbre"]["file"] == "jardin-zebre.md;jardin-zebre.html"
    assert all(r["status"] == "done" and int(r["seo_score"]) > 0 for r in index.values())


def test_a_list_with_errors_runs_nothing_and_says_which_rows(
        tmp_path: Path, fake_ollama, isolated_env: dict[str, str],
        capsys: pytest.CaptureFixture[str]) -> None:
    listing = tmp_path / "list.csv"
    listing.write_text("keyword,words\nyak gardening,900\n,900\nlynx gardening,99999\n",
                       encoding="utf-8")
    args = ["batch", str(listing), "--out", str(tmp_path / "out"), "--model", "qwen3:8b",
            "--host", fake_ollama.url, "--no-review"]
    assert cli(args) == 2
    shown = capsys.readouterr().out
    assert "line 3: error: The keyword is empty." in shown
    assert "line 4: error: Word count 99,999" in shown
    assert fake_ollama.requests_to("/api/chat") == []
    assert cli([*args, "--skip-invalid", "--words", "400"]) == 0
    index = {r["line"]: r for r in read_index(tmp_path / "out")}
    assert index["2"]["status"] == "done"
    assert index["3"]["status"] == "skipped" and "empty" in index["3"]["error"]
    assert "Word count" in (tmp_path / "out" / "failures.txt").read_text(encoding="utf-8")
    assert cli(["batch", "--status", str(tmp_path / "out")]) == 0
    assert "done: 1" in capsys.readouterr().out
    job_id = JobStore.open(tmp_path / "out").config.job_id
    assert cli(["batch", "--status", job_id]) == 0             # the id works as well
    assert f"Job {job_id}" in capsys.readouterr().out


@pytest.mark.slow
def test_ctrl_c_stops_cleanly_and_prints_how_to_resume(tmp_path: Path, fake_ollama,
                                                       isolated_env: dict[str, str]) -> None:
    fake_ollama.set_delay(0.02)     # streams long enough that Ctrl+C lands inside one
    listing = tmp_path / "list.txt"
    listing.write_text("yak gardening\nlynx gardening\notter gardening\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "batch", str(listing), "--out", str(out),
         "--model", "qwen3:8b", "--host", fake_ollama.url, "--words", "300", "--no-review"],
        cwd=ROOT, env=isolated_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not any(              # a generation is streaming
            r.body.get("messages") for r in fake_ollama.requests_to("/api/chat")):
        time.sleep(0.01)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr
    assert "Stopping (Ctrl+C)" in stderr                 # the stop path ran, not an escape
    assert f"To continue: plume batch --resume {out.resolve()}" in stdout
    assert fake_ollama.wait_for_disconnect(1)          # the running stream was closed
    store = JobStore.open(out)
    counts = store.counts()
    assert counts[ItemState.RUNNING] == 0 and counts[ItemState.PENDING] >= 1
    assert store.job_state == "stopped", stderr       # `plume batch --status` says so
    assert (out / "index.csv").exists()
    fake_ollama.set_delay(0)
    assert cli(["batch", "--resume", str(out)]) == 0   # what a writer does next
    assert {r["status"] for r in read_index(out)} == {"done"}
    assert sorted(p.stem for p in out.glob("*.md")) == [
        "lynx-gardening", "otter-gardening", "yak-gardening"]


def test_self_review_runs_once_per_article_and_index_shows_scores_before_and_after(
        tmp_path: Path, fake_ollama, isolated_env: dict[str, str]) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text("yak gardening\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli(["batch", str(listing), "--out", str(out), "--model", "qwen3:8b", "--words",
                "400", "--host", fake_ollama.url, "--review"]) == 0
    (row,) = read_index(out)
    assert row["status"] == "done"
    assert row["seo_before"] and row["seo_after"]
    assert int(row["seo_after"]) >= int(row["seo_before"])
    assert int(row["seo_after"]) == int(row["seo_score"])


def test_the_front_matter_preset_is_kept_when_the_job_resumes(
        tmp_path: Path, fake_ollama, isolated_env: dict[str, str]) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text("yak gardening\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["batch", str(listing), "--out", str(out), "--model", "qwen3:8b", "--words", "300",
            "--host", fake_ollama.url, "--no-review", "--preset", "astro", "--check"]
    assert cli(args) == 0 and not out.exists()              # --check runs nothing
    assert cli(args[:-1]) == 0
    text = (out / "yak-gardening.md").read_text(encoding="utf-8")
    assert "pubDate:" in text                                # Astro's date key
    assert JobStore.open(out).config.preset == "astro"


def test_the_context_window_only_grows_during_a_job(tmp_path: Path, fake_ollama) -> None:
    """Each num_ctx change reloads the model in Ollama: a batch keeps one window per model,
    grows it once for a brief that does not fit, and never shrinks back."""
    config = JobConfig(out_dir=str(tmp_path / "out"), hosts=[HostSpec(fake_ollama.url)],
                       defaults=JobDefaults(model="qwen3:8b", target_words=300))
    store = JobStore.create(config, [
        ItemSpec(2, "yak gardening", "yak"),
        ItemSpec(3, "lynx gardening", "lynx", {"instructions": "Use tables. " * 2000}),
        ItemSpec(4, "otter gardening", "otter")])
    BatchRunner(store, ArticleWriter(), probe=probe_ollama).run()
    assert all(i.state is ItemState.DONE for i in store.items())
    windows = [b["options"]["num_ctx"] for b in fake_ollama.bodies("/api/chat")
               if b.get("messages")]
    assert windows == sorted(windows) and len(set(windows)) == 2


def test_the_model_is_loaded_and_checked_once_per_job_not_per_article(
        tmp_path: Path, fake_ollama) -> None:
    config = JobConfig(out_dir=str(tmp_path / "out"), hosts=[HostSpec(fake_ollama.url)],
                       defaults=JobDefaults(model="qwen3:8b", target_words=300))
    store = JobStore.create(config, [ItemSpec(i + 2, f"{name} gardening", name)
                                     for i, name in enumerate(ANIMALS[:4])])
    BatchRunner(store, ArticleWriter(), probe=probe_ollama).run()
    assert all(i.state is ItemState.DONE for i in store.items())
    loads = [b for b in fake_ollama.bodies("/api/chat") if not b.get("messages")]
    assert len(loads) == 1                                  # one load call for the job
    assert len(fake_ollama.requests_to("/api/ps")) <= 2     # checked around it, not per article

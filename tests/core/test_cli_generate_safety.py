"""`plume generate` never loses an article: a bad --out is refused before the model is asked,
a save that fails late goes to the recovery folder, SIGTERM/SIGHUP keep the partial text like
Ctrl+C, and a reader that leaves the pipe (`| head`) stops the echo, not the saving."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.fs_faults import fill, read_only_folder, small_disk

ROOT = Path(__file__).resolve().parents[2]


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, PLUME_CONFIG_DIR=str(tmp_path / "config"),
               PLUME_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    env.pop("OLLAMA_HOST", None)
    env.pop("PLUME_OLLAMA_TOKEN", None)
    return env


def generate(fake, tmp_path: Path, out: Path, *more: str, wait: bool = True, stdout=None):
    cmd = [sys.executable, "-m", "app.cli", "generate", "standing desk", "--model",
           "llama3.1:8b", "--words", "600", "--host", fake.url, "--out", str(out), *more]
    if not wait:
        return subprocess.Popen(cmd, env=_env(tmp_path), cwd=tmp_path,
                                stdout=stdout or subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
    return subprocess.run(cmd, env=_env(tmp_path), cwd=tmp_path, capture_output=stdout is None,
                          stdout=stdout, stderr=subprocess.PIPE if stdout else None,
                          text=True, timeout=90)


def _chats(fake) -> list:
    return [r for r in fake.requests if r.path == "/api/chat"]


def test_out_is_a_file_refused_before_the_model_is_asked(fake_ollama, tmp_path):
    target = tmp_path / "notes.md"
    target.write_text("my notes", encoding="utf-8")
    result = generate(fake_ollama, tmp_path, target)
    assert result.returncode == 2, result.stderr
    assert f"{target} is a file, not a folder" in result.stderr and "--out" in result.stderr
    assert "Traceback" not in result.stderr
    assert _chats(fake_ollama) == []                       # no model time spent
    assert target.read_text(encoding="utf-8") == "my notes"


def test_read_only_out_refused_before_the_model_is_asked(fake_ollama, tmp_path):
    with read_only_folder(tmp_path / "ro") as folder:
        result = generate(fake_ollama, tmp_path, folder / "articles")
    assert result.returncode == 2, result.stderr
    assert "Cannot save articles in" in result.stderr and "Traceback" not in result.stderr
    assert "read-only" in result.stderr or "not allowed" in result.stderr
    assert _chats(fake_ollama) == []


def test_full_disk_refused_before_the_model_is_asked(fake_ollama, tmp_path):
    with small_disk(tmp_path / "disk") as disk:
        fill(disk)
        result = generate(fake_ollama, tmp_path, disk / "articles")
    assert result.returncode == 2, result.stderr
    assert "is full" in result.stderr and "Traceback" not in result.stderr
    assert _chats(fake_ollama) == []


class _RemoveFolderDuringFaq:
    """The default writer, except that when the FAQ is asked for, the output folder is
    replaced by a file: the article is complete but cannot be saved where asked."""

    def __init__(self, fake, out: Path) -> None:
        self.fake, self.out = fake, out

    def __call__(self, req):
        from tests.fake_ollama.behaviour import writer_reply
        from tests.fake_ollama.writer import prompt_text

        if "FAQ" in prompt_text(req.body) or "question" in prompt_text(req.body).lower():
            if self.out.is_dir():
                for child in self.out.iterdir():
                    child.unlink()
                self.out.rmdir()
                self.out.write_text("not a folder any more", encoding="utf-8")
        spec = self.fake.models["llama3.1:8b"]
        return writer_reply(self.fake, spec, req.body)


def test_a_save_that_fails_late_goes_to_the_recovery_folder(fake_ollama, tmp_path):
    out = tmp_path / "articles"
    out.mkdir()
    fake_ollama.on_model("llama3.1:8b", _RemoveFolderDuringFaq(fake_ollama, out))
    result = generate(fake_ollama, tmp_path, out, "--quiet", "--no-review")
    assert out.is_file(), "the fault was not injected"
    assert result.returncode == 1, result.stderr
    recovered = tmp_path / "data" / "recovery" / "standing-desk.md"
    assert recovered.exists(), result.stderr
    assert f"is kept in {recovered}" in result.stderr
    assert f"could not save in {out}" in result.stderr
    assert "Traceback" not in result.stderr
    text = recovered.read_text(encoding="utf-8")
    assert "## " in text and len(text.split()) > 300


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_keep_the_partial_text(fake_ollama, tmp_path, sig, code):
    fake_ollama.set_delay(0.004)
    out = tmp_path / "o"
    proc = generate(fake_ollama, tmp_path, out, wait=False)
    fake_ollama.wait_for_requests("/api/chat", 4)  # load, plan, introduction, first section
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == code, stderr
    assert "Stopped." in stderr and "Traceback" not in stderr
    partial = out / "standing-desk-partial.md"
    assert partial.exists(), stderr
    text = partial.read_text(encoding="utf-8")
    assert "draft: true" in text
    # Every word the model wrote before the stop is in the file (a heading with no text
    # under it yet is the plan's, not written text).
    shown = " ".join(ln for ln in stdout.splitlines() if not ln.startswith("#")).split()
    missing = [word for word in shown if word not in text]
    assert len(shown) > 20 and not missing, (missing, stdout[-300:], text[-300:])
    assert fake_ollama.wait_for_disconnect()[0].path == "/api/chat"   # Ollama stops at once


def test_sigterm_while_the_server_stalls_before_writing_leaves_at_once(fake_ollama, tmp_path):
    from tests.fake_ollama import Json

    fake_ollama.enqueue("/api/show", Json({}, first_byte_delay=60.0))
    proc = generate(fake_ollama, tmp_path, tmp_path / "o", wait=False)
    fake_ollama.wait_for_requests("/api/show", 1)
    proc.send_signal(signal.SIGTERM)
    _, stderr = proc.communicate(timeout=15)
    assert proc.returncode == 143 and "Stopped." in stderr and "Traceback" not in stderr


def test_a_reader_leaving_the_pipe_does_not_stop_the_article(fake_ollama, tmp_path):
    read_end, write_end = os.pipe()
    os.close(read_end)                    # `| head -1` after its line: every write fails
    out = tmp_path / "o"
    try:
        result = generate(fake_ollama, tmp_path, out, "--no-review", stdout=write_end)
    finally:
        os.close(write_end)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
    saved = out / "standing-desk.md"
    assert saved.exists() and len(saved.read_text(encoding="utf-8").split()) > 300
    assert f"Saved {saved}" in result.stderr


def test_generate_piped_into_head(fake_ollama, tmp_path):
    fake_ollama.set_delay(0.002)
    out = tmp_path / "o"
    cmd = (f"{sys.executable} -m app.cli generate 'standing desk' --model llama3.1:8b "
           f"--words 600 --no-review --host {fake_ollama.url} --out {out} | head -1")
    result = subprocess.run(["sh", "-c", cmd], env=_env(tmp_path), cwd=tmp_path,
                            capture_output=True, text=True, timeout=90)
    assert result.stdout.count("\n") == 1
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
    assert (out / "standing-desk.md").exists(), result.stderr


def test_after_sigkill_the_text_is_in_the_recovery_folder_and_the_next_run_says_where(
        fake_ollama, tmp_path):
    fake_ollama.set_delay(0.004)
    proc = generate(fake_ollama, tmp_path, tmp_path / "o", wait=False)
    fake_ollama.wait_for_requests("/api/chat", 5)   # the introduction is written
    proc.kill()                                     # nothing can be saved at that moment
    stdout, _ = proc.communicate(timeout=30)
    copies = list((tmp_path / "data" / "recovery").glob("standing-desk-unsaved-*.md"))
    assert len(copies) == 1
    kept = copies[0].read_text(encoding="utf-8")
    body = kept.split("-->\n\n", 1)[1]
    assert len(body.split()) > 50 and stdout.startswith(body)   # what the terminal showed
    again = generate(fake_ollama, tmp_path, tmp_path / "o", "--words", "10")
    assert f"its text is in {copies[0]}" in again.stderr

"""`plume generate` and `plume models` as a user runs them (subprocess, fake Ollama)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def plume(*args: str, tmp_path: Path, wait: bool = True, **kw):
    env = dict(os.environ, PLUME_CONFIG_DIR=str(tmp_path / "config"), PYTHONPATH=str(ROOT))
    env.pop("OLLAMA_HOST", None)
    env.pop("PLUME_OLLAMA_TOKEN", None)
    cmd = [sys.executable, "-m", "app.cli", *args]
    if not wait:
        return subprocess.Popen(cmd, env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, **kw)
    return subprocess.run(cmd, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60, **kw)


def test_generate_writes_the_article_file(fake_ollama, tmp_path):
    out = tmp_path / "articles"
    result = plume("generate", "vélo électrique", "--lang", "fr", "--model", "qwen3:8b", "--words", "600",
                   "--host", fake_ollama.url, "--out", str(out), "--format", "md,html", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    text = (out / "velo-electrique.md").read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    assert 'title: "Vélo électrique' in front and 'slug: "velo-electrique"' in front
    assert 'lang: "fr"' in front and "description:" in front and "date:" in front
    assert "keywords:" in front and "vélo électrique" in front
    assert body.lstrip().startswith("# ") and "## Questions fréquentes" in body
    assert "wants French text" not in text  # the model's thinking never reaches the file
    assert (out / "velo-electrique.html").exists()
    assert "Vélo électrique" in result.stdout  # streamed to the terminal
    assert "section" in result.stderr and "Saved" in result.stderr


def test_ollama_not_running(ollama_down_url, tmp_path):
    result = plume("generate", "compost", "--host", ollama_down_url, "--out", str(tmp_path / "o"),
                   tmp_path=tmp_path)
    assert result.returncode == 3
    assert "not reachable" in result.stderr and ollama_down_url in result.stderr
    assert "ollama serve" in result.stderr
    assert not (tmp_path / "o").exists()


def test_missing_model(fake_ollama, tmp_path):
    result = plume("generate", "compost", "--model", "nope:1b", "--host", fake_ollama.url,
                   "--out", str(tmp_path), tmp_path=tmp_path)
    assert result.returncode == 4
    assert "plume models pull nope:1b" in result.stderr


def test_bad_input_exit_code(fake_ollama, tmp_path):
    result = plume("generate", "compost", "--words", "10", "--host", fake_ollama.url, tmp_path=tmp_path)
    assert result.returncode == 2 and "300 to 10000" in result.stderr
    assert fake_ollama.requests == []


def test_ctrl_c_stops_and_keeps_the_partial_text(fake_ollama, tmp_path):
    fake_ollama.set_delay(0.004)
    proc = plume("generate", "standing desk", "--model", "llama3.1:8b", "--host", fake_ollama.url,
                 "--out", str(tmp_path / "o"), tmp_path=tmp_path, wait=False)
    fake_ollama.wait_for_requests("/api/chat", 4)  # load, plan, introduction, first section
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr
    assert "Stopped." in stderr
    partial = tmp_path / "o" / "standing-desk-partial.md"
    assert partial.exists() and "draft: true" in partial.read_text(encoding="utf-8")
    assert fake_ollama.wait_for_disconnect()[0].path == "/api/chat"


def test_models_table_and_pull(fake_ollama, tmp_path):
    result = plume("models", "--host", fake_ollama.url, tmp_path=tmp_path)
    assert result.returncode == 0
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["NAME", "FAMILY", "PARAMS", "QUANT", "SIZE", "CONTEXT", "CAPABILITIES"]
    gpt = next(r for r in rows if r.startswith("gpt-oss:20b"))
    assert "20.9B" in gpt and "MXFP4" in gpt and "128K" in gpt and "thinking" in gpt
    pulled = plume("models", "pull", "gemma3:12b", "--host", fake_ollama.url, tmp_path=tmp_path)
    assert pulled.returncode == 0 and "success" in pulled.stderr
    assert "gemma3:12b" in plume("models", "--host", fake_ollama.url, tmp_path=tmp_path).stdout
    missing = plume("models", "pull", "nope", "--host", fake_ollama.url, tmp_path=tmp_path)
    assert missing.returncode == 4 and "does not exist" in missing.stderr


@pytest.mark.parametrize("cmd", [("models",), ("models", "pull", "qwen3:8b")])
def test_models_when_ollama_is_down(ollama_down_url, tmp_path, cmd):
    result = plume(*cmd, "--host", ollama_down_url, tmp_path=tmp_path)
    assert result.returncode == 3 and "ollama serve" in result.stderr


def test_ctrl_c_cancels_a_pull(fake_ollama, tmp_path):
    fake_ollama.pull_steps = 400
    fake_ollama.pull_chunk_delay = 0.01
    proc = plume("models", "pull", "qwen3:14b", "--host", fake_ollama.url, tmp_path=tmp_path, wait=False)
    fake_ollama.wait_for_requests("/api/pull", 1)
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "cancelled" in stderr and "resume" in stderr
    assert fake_ollama.wait_for_disconnect()[0].path == "/api/pull"
    assert "qwen3:14b" not in fake_ollama.models


class _ReviewThatStalls:
    """The sloppy model, except that its first section revision streams a few words and
    then goes quiet: the review is mid-revision when the writer presses Ctrl+C."""

    def __init__(self) -> None:
        import threading

        from tests.fake_ollama.sloppy import SloppyModel

        self.sloppy = SloppyModel()
        self.reviewing = threading.Event()

    def __call__(self, req):
        from tests.fake_ollama import Generate
        from tests.fake_ollama.sloppy import REVIEW_MARKER
        from tests.fake_ollama.writer import prompt_text

        if REVIEW_MARKER in prompt_text(req.body):
            self.reviewing.set()
            return Generate(content="Home composting starts with a bin and", gap_before={3: 30.0})
        return self.sloppy(req)


def test_ctrl_c_during_the_review_saves_the_complete_article_with_the_fixes_kept(
        fake_ollama, tmp_path):
    model = _ReviewThatStalls()
    fake_ollama.on_model("qwen3:8b", model)
    out = tmp_path / "o"
    proc = plume("generate", "home composting", "--model", "qwen3:8b", "--words", "600",
                 "--think", "off", "--host", fake_ollama.url, "--out", str(out), "--quiet",
                 tmp_path=tmp_path, wait=False)
    assert model.reviewing.wait(30), "the review never asked the model"
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 130, stderr
    assert fake_ollama.wait_for_disconnect()[0].path == "/api/chat"   # Ollama stops at once
    # The article is complete: saved under its normal name, not as a draft.
    saved = out / "home-composting.md"
    assert saved.exists() and not (out / "home-composting-partial.md").exists(), stderr
    text = saved.read_text(encoding="utf-8")
    assert "draft: true" not in text
    # The rule fixes made before Ctrl+C are in the file; the stalled revision is not.
    description = next(line for line in text.splitlines() if line.startswith("description:"))
    assert len(description.split(":", 1)[1].strip().strip('"')) <= 156
    assert "fast-paced world" in text and "Home composting starts with a bin and" not in text
    # stderr says what happened and which fixes were kept, then "Stopped."
    assert "(stopped)" in stderr and "Self-review stopped by Ctrl+C" in stderr
    kept = [line for line in stderr.splitlines() if line.startswith("  + ")]
    assert kept and any("Meta description" in line for line in kept)
    plural = "1 fix " if len(kept) == 1 else f"{len(kept)} fixes "
    assert f"with the {plural}kept so far" in stderr and str(saved) in stderr
    assert stderr.rstrip().endswith("Stopped.")

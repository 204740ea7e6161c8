"""The command line through the application layer: a host typed without a port, the token, the
answer timeout, the one keyword limit and the `keyword:` front-matter key mean the same thing
in `plume generate`, `plume batch`, `plume analyze` and `plume export` (and in the app:
tests/ui/test_application_faces.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main as cli
from app.core import secrets
from app.core.keyword_rules import MAX_KEYWORD_CHARS
from app.core.settings import Settings, default_settings_path, save_settings
from tests.core.test_secrets import MemoryKeyring, memory_keyring  # noqa: F401

BARE_HOST = "gpu-box.invalid"                 # typed without scheme or port (.invalid never resolves)
DIALLED = "http://gpu-box.invalid:11434"      # what Ollama's own client dials for it


def save_user_settings(**values: object) -> None:
    save_settings(Settings(**values), default_settings_path())   # type: ignore[arg-type]


def authorizations(fake, path: str = "/api/chat") -> set[str | None]:
    return {next((v for k, v in r.headers.items() if k.lower() == "authorization"), None)
            for r in fake.requests_to(path)}


def keyword_list(tmp_path: Path, *keywords: str) -> Path:
    path = tmp_path / "list.txt"
    path.write_text("\n".join(keywords) + "\n", encoding="utf-8")
    return path


def test_a_host_typed_without_a_port_is_dialled_on_ollamas_port_by_generate_and_batch(
        memory_keyring: MemoryKeyring, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_user_settings(host=BARE_HOST)
    secrets.set_token(BARE_HOST, "tok-gpu")   # what Settings' token field saves for that host
    assert cli(["generate", "compost", "--model", "qwen3:8b", "--out", str(tmp_path)]) == 3
    assert f"Ollama is not reachable at {DIALLED}" in capsys.readouterr().err
    cli(["batch", str(keyword_list(tmp_path, "compost")), "--model", "qwen3:8b", "--check"])
    out = capsys.readouterr().out
    assert f"{DIALLED}  ×1  DOWN" in out
    assert "(token sent)" in out              # batch finds the token saved under that host


def test_generate_sends_the_token_saved_in_the_keychain_for_the_host(
        memory_keyring: MemoryKeyring, fake_ollama, tmp_path: Path) -> None:
    typed = fake_ollama.url.removeprefix("http://")          # "127.0.0.1:PORT", no scheme
    save_user_settings(host=typed, self_review=False)
    secrets.set_token(typed, "tok-local")
    assert cli(["generate", "compost", "--model", "qwen3:8b", "--words", "300", "--quiet",
                "--out", str(tmp_path)]) == 0
    assert authorizations(fake_ollama) == {"Bearer tok-local"}


def test_batch_sends_the_environment_token_and_uses_the_answer_timeout_from_settings(
        fake_ollama, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PLUME_OLLAMA_TOKEN", "tok-env")
    save_user_settings(host=fake_ollama.url, read_timeout_seconds=45)
    assert cli(["batch", str(keyword_list(tmp_path, "yak gardening")), "--model", "qwen3:8b",
                "--words", "300", "--no-review", "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "answer timeout 45 s" in out and "(token sent)" in out
    assert authorizations(fake_ollama) == {"Bearer tok-env"}
    assert authorizations(fake_ollama, "/api/tags") == {"Bearer tok-env"}
    assert (tmp_path / "out" / "yak-gardening.md").exists()


def test_one_keyword_limit_refuses_long_keywords_everywhere_before_any_work(
        fake_ollama, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    too_long = ("compost " * 20).strip()[: MAX_KEYWORD_CHARS + 10]
    assert cli(["batch", str(keyword_list(tmp_path, "yak gardening", too_long)), "--model",
                "qwen3:8b", "--host", fake_ollama.url, "--out", str(tmp_path / "out")]) == 2
    out = capsys.readouterr().out
    assert "line 2" in out and f"the limit is {MAX_KEYWORD_CHARS}" in out
    assert cli(["generate", too_long, "--host", fake_ollama.url, "--model", "qwen3:8b",
                "--out", str(tmp_path)]) == 2
    assert f"the limit is {MAX_KEYWORD_CHARS}" in capsys.readouterr().err
    assert fake_ollama.requests_to("/api/chat") == []
    assert not (tmp_path / "out").exists()


FRONT_MATTER_KEYWORD = """---
title: "Compost maison : le guide"
keyword: compost maison
lang: fr
---
# Le compost maison

Le compost maison réduit les déchets de la cuisine. Vous arrosez, vous mélangez, vous attendez.
"""


def test_the_keyword_front_matter_key_is_read_by_analyze_and_export(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "compost.md"
    source.write_text(FRONT_MATTER_KEYWORD, encoding="utf-8")
    assert cli(["analyze", str(source), "--ui-lang", "en"]) == 0
    assert "Keyphrase: compost maison" in capsys.readouterr().out
    out = tmp_path / "site"
    assert cli(["export", str(source), "--to", "md,html", "--preset", "hugo",
                "--out", str(out)]) == 0
    markdown = next(out.glob("*.md")).read_text(encoding="utf-8")
    assert 'keywords: ["compost maison"]' in markdown
    assert 'keyword: "compost maison"' in markdown      # the site's own key is kept
    page = next(out.glob("*.html")).read_text(encoding="utf-8")
    assert '"keywords": "compost maison"' in page        # the page's JSON-LD Article

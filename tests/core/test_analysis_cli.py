"""`plume analyze` and the offline promise (English syllables never touch the network)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.cli import main
from app.core.export.markdown import parse_markdown

ROOT = Path(__file__).resolve().parents[2]

ARTICLE = """---
title: "Compost maison : le guide"
description: "Tout savoir sur le compost maison, pas à pas."
slug: compost-maison
lang: fr
keywords: ["compost maison", "composteur"]
---
# Le compost maison

Le compost maison réduit les déchets. Vous arrosez. Vous mélangez. Vous attendez.

## Bien démarrer

Un bac suffit pour commencer.
"""


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "compost.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_json_output_uses_the_front_matter(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(article_file), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "fr"
    checks = {c["id"]: c for c in data["checks"]}
    assert checks["keyphrase_in_introduction"]["status"] == "good"
    assert checks["keyphrase_in_slug"]["status"] == "good"
    assert checks["consecutive_sentences"]["status"] == "bad"
    assert checks["keyphrase_in_introduction"]["message"].startswith("Le mot-clé")
    assert data["snippet"]["title"] == "Compost maison : le guide"


def test_keyword_lang_and_ui_language_options_override_the_file(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(article_file), "--json", "--keyword", "jardin potager", "--ui-lang", "en"]) == 0
    checks = {c["id"]: c for c in json.loads(capsys.readouterr().out)["checks"]}
    assert checks["keyphrase_in_introduction"]["status"] == "bad"
    assert checks["keyphrase_in_introduction"]["message"].startswith("The keyphrase is missing")


def test_readable_report_has_no_colours_when_not_a_terminal(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["analyze", str(article_file), "--site-url", "https://example.com"]) == 0
    out = capsys.readouterr().out
    assert "\033[" not in out
    assert "SEO\u00a0:" in out and "Mot-clé dans l'introduction\u00a0:" in out and "[bad]" in out
    assert "«\u00a0Vous arrosez. Vous mélangez. Vous attendez.\u00a0»" in out
    assert "Mot-clé\u00a0: " in out                 # French typography throughout


def test_missing_file_gives_a_clear_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tmp_path / "nope.md")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_html_file_is_analysed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "a.html"
    page.write_text('<html lang="en"><head><title>Home composting</title></head><body><h1>Home composting'
                    "</h1><p>Home composting is easy.</p><script>alert(1)</script></body></html>",
                    encoding="utf-8")
    assert main(["analyze", str(page), "--json", "--keyword", "home composting"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["language"] == "en" and data["words"] == 4


def test_the_front_matter_reader_handles_lists_quotes_and_no_front_matter() -> None:
    a = parse_markdown(ARTICLE)
    assert (a.keyword, a.secondary_keywords, a.slug, a.language) == (
        "compost maison", ("composteur",), "compost-maison", "fr")
    assert a.title == "Compost maison : le guide" and a.body.startswith("# Le compost maison")
    bare = parse_markdown("# Home composting\n\nThe heap is warm and the worms are happy.\n")
    assert (bare.title, bare.language, bare.keyword) == ("Home composting", "en", "")


NO_NETWORK = textwrap.dedent("""
    import socket, sys
    def refuse(*args, **kwargs):
        raise OSError("network access attempted")
    socket.socket.connect = refuse
    socket.socket.connect_ex = refuse
    socket.create_connection = refuse
    from app.core.analysis import analyze, syllables
    from app.core.models import Article, Language
    body = "# Fire safety\\n\\n" + "The quiet xylophone player lit a fire near the queue. " * 30
    report = analyze(Article("fire safety", Language.EN, "Fire safety", "d" * 130, "fire-safety", body))
    assert syllables.count("fire", "en") == 2, "CMU dictionary not used"     # Pyphen alone says 1
    assert "nltk" not in sys.modules
    print(report.flesch, report.words)
""")


@pytest.mark.slow
def test_english_analysis_never_touches_the_network_in_a_fresh_process() -> None:
    done = subprocess.run([sys.executable, "-c", NO_NETWORK], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    flesch, words = done.stdout.split()
    assert 0 <= float(flesch) <= 100 and int(words) == 300


def test_terminal_report_is_coloured_by_status() -> None:
    from app.commands.analyze import render_text
    from app.core.analysis import analyze

    a = parse_markdown(ARTICLE)
    report = analyze(a)
    coloured = render_text(report, a, "en", colour=True)
    assert "\033[31m●" in coloured and "\033[32m●" in coloured       # red bad, green good
    assert "Keyphrase in introduction" in coloured
    assert "\033[" not in render_text(report, a, "en", colour=False)

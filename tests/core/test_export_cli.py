"""`plume export` as a user types it."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.core.export.markdown import parse_markdown

ARTICLE = """---
title: "Grow tomatoes at home"
description: "Sun, soil and water: everything tomatoes need."
slug: "grow-tomatoes"
lang: en
keywords: ["tomatoes", "vegetable garden"]
---

# How to grow tomatoes at home

Tomatoes need six hours of sun a day.

## FAQ

### When should I plant?

In May, after the last frost.
"""


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "draft.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_export_md_and_html_with_preset(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "site"
    code = main(
        [
            "export",
            str(article),
            "--to",
            "md,html",
            "--preset",
            "astro",
            "--out",
            str(out),
            "--site-url",
            "https://example.com/blog/",
            "--author",
            "Ana",
            "--tag",
            "garden",
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out.split()
    assert printed == [str(out / "grow-tomatoes.md"), str(out / "grow-tomatoes.html")]
    markdown = (out / "grow-tomatoes.md").read_text(encoding="utf-8")
    assert (
        "pubDate: " in markdown and 'author: "Ana"' in markdown and 'tags: ["garden"]' in markdown
    )
    again = parse_markdown(markdown)
    assert (again.title, again.keyword, again.h1) == (
        "Grow tomatoes at home",
        "tomatoes",
        "How to grow tomatoes at home",
    )
    page = (out / "grow-tomatoes.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.com/blog/grow-tomatoes.html">' in page
    assert '"@type": "FAQPage"' in page


def test_second_export_gets_a_new_name_and_overwrite_replaces(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["export", str(article), "--to", "html", "--out", str(tmp_path)]
    assert main(args) == 0 and main(args) == 0
    assert main([*args, "--overwrite"]) == 0
    assert capsys.readouterr().out.split() == [
        str(tmp_path / "grow-tomatoes.html"),
        str(tmp_path / "grow-tomatoes-2.html"),
        str(tmp_path / "grow-tomatoes.html"),
    ]


def test_fragment_goes_to_stdout_as_html_or_text(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(article), "--to", "fragment"]) == 0
    html = capsys.readouterr().out
    assert html.startswith("<p>Tomatoes need six hours of sun a day.</p>") and "<h1" not in html
    assert main(["export", str(article), "--to", "fragment", "--text"]) == 0
    assert capsys.readouterr().out == (
        "Tomatoes need six hours of sun a day.\n\nFAQ\n\nWhen should I plant?\n\nIn May, after the last frost.\n"
    )


def test_reads_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"# Bonjour\n\nLe texte.")))
    assert main(["export", "-", "--to", "fragment", "--text"]) == 0
    assert capsys.readouterr().out == "Le texte.\n"


@pytest.mark.parametrize(
    ("args", "message", "hint"),
    [
        (["--to", "pdf"], "Unknown format 'pdf'", "--to md, html or fragment"),
        (["--to", "html", "--site-url", "example.com"], "not a web address", "https://"),
    ],
)
def test_bad_options_explain_what_to_do(
    article: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    message: str,
    hint: str,
) -> None:
    assert main(["export", str(article), "--out", str(tmp_path / "out"), *args]) == 1
    err = capsys.readouterr().err
    assert message in err and hint in err
    assert not (tmp_path / "out").exists()


def test_missing_or_non_utf8_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "nope.md")]) == 1
    assert "does not exist" in capsys.readouterr().err
    latin = tmp_path / "latin.md"
    latin.write_bytes("# Été\n".encode("latin-1"))
    assert main(["export", str(latin), "--out", str(tmp_path)]) == 1
    assert "Save it as UTF-8" in capsys.readouterr().err


def test_unwritable_output_is_reported_not_raised(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")
    assert main(["export", str(article), "--out", str(blocker)]) == 1
    assert "not a folder" in capsys.readouterr().err


@pytest.mark.parametrize(("content", "said"), [
    (b"", "empty"),
    (b"   \n\n\t \n", "empty"),
    (b"\x00\x00\x00\x00", "empty"),
    (b"---\ntitle: Never closed\n\nSome text.\n", "never closed"),
    (b"---\n- a\n- list\n---\n\nSome text.\n", "key: value"),
    (b"---\ntitle: ''\n---\n\n   \n", "no article text"),
])
def test_empty_or_malformed_files_are_refused(content: bytes, said: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "bad.md"
    source.write_bytes(content)
    out = tmp_path / "out"
    assert main(["export", str(source), "--to", "md,html", "--out", str(out)]) == 1
    assert said in capsys.readouterr().err
    assert not out.exists() or list(out.iterdir()) == []          # nothing "Untitled" written

"""Keyword lists and articles as people really save them: a stray quote spoils one line, not
the file; a keyword broken over two lines is reported, not glued together; UTF-16 articles
are read; binary files are refused instead of scored."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from app.core.batch.keywords import parse_bytes

ROOT = Path(__file__).resolve().parents[2]


def codes(parsed, line: int) -> set[str]:
    return {p.code for p in parsed.problems if p.line == line}


def test_one_stray_quote_spoils_its_line_only():
    data = b'keyword,lang\n"velo electrique,fr\ncompost,fr\nstanding desk,en\n'
    parsed = parse_bytes(data, ".csv")
    assert [r.keyword for r in parsed.valid_rows] == ["compost", "standing desk"]
    assert codes(parsed, 2) == {"bad_csv"}
    bad = next(r for r in parsed.rows if r.line == 2)
    assert not bad.ok and "never closed" in bad.problems[0].message


def test_a_stray_quote_in_the_middle_keeps_the_rows_after_it():
    lines = [f"keyword {i},en" for i in range(1, 9)]
    lines[3] = '"keyword 4,en'
    parsed = parse_bytes(("keyword,lang\n" + "\n".join(lines) + "\n").encode(), ".csv")
    assert len(parsed.valid_rows) == 7 and codes(parsed, 5) == {"bad_csv"}


def test_a_keyword_over_two_lines_is_reported_not_merged():
    data = b'keyword,lang\n"velo\nelectrique",fr\ncompost,fr\n'
    parsed = parse_bytes(data, ".csv")
    assert [r.keyword for r in parsed.valid_rows] == ["compost"]
    assert codes(parsed, 2) == {"multiline_value"}
    assert "lines 2\u20133" in parsed.rows[0].problems[0].message
    assert all("veloelectrique" not in r.keyword.replace(" ", "") for r in parsed.rows)


def test_a_one_column_list_reports_a_keyword_over_two_lines():
    parsed = parse_bytes(b'keyword\n"velo\nelectrique"\ncompost\n"ok, quoted"\n', ".csv")
    assert [r.keyword for r in parsed.valid_rows] == ["compost", "ok, quoted"]
    assert codes(parsed, 2) == {"multiline_value"}


def _analyze(tmp_path: Path, path: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PLUME_CONFIG_DIR=str(tmp_path / "c"))
    return subprocess.run([sys.executable, "-m", "app.cli", "analyze", str(path), "--json"],
                          env=env, capture_output=True, text=True, timeout=60)


ARTICLE = ("---\ntitle: \"Compost à la maison\"\nkeywords: [\"compost\"]\nlang: fr\n---\n\n"
           "# Compost à la maison\n\nLe compost transforme les déchets de cuisine en terreau. "
           "Il faut un bac, de l'air et un peu de patience.\n\n## Le bac\n\nUn bac en bois "
           "suffit pour commencer le compost au jardin.\n")


def test_analyze_reads_a_utf16_article_like_its_utf8_twin(tmp_path):
    import json

    utf8, utf16 = tmp_path / "a.md", tmp_path / "b.md"
    utf8.write_text(ARTICLE, encoding="utf-8")
    utf16.write_bytes(ARTICLE.encode("utf-16"))           # with its byte-order mark
    first, second = _analyze(tmp_path, utf8), _analyze(tmp_path, utf16)
    assert first.returncode == 0 == second.returncode, second.stderr
    a, b = json.loads(first.stdout), json.loads(second.stdout)
    assert (b["words"], b["seo_score"], b["language"]) == (a["words"], a["seo_score"],
                                                            a["language"])


def test_analyze_refuses_a_binary_file(tmp_path):
    picture = tmp_path / "photo.md"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    result = _analyze(tmp_path, picture)
    assert result.returncode == 2
    assert "not text" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""

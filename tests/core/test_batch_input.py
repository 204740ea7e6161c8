"""Keyword lists: every kind of bad input is reported on its own line, nothing is dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.core.batch.dedup import find_duplicates, lines_to_skip
from app.core.batch.keywords import Severity, parse_bytes, parse_file
from app.core.errors import InputError
from app.core.models import Language, Tone


def codes(parsed, line: int) -> set[str]:
    return {p.code for p in parsed.problems if p.line == line}


def test_txt_list_skips_comments_and_blanks_but_keeps_every_keyword(tmp_path: Path) -> None:
    path = tmp_path / "list.txt"
    path.write_text("# my client\nchaussures de running\n\n  vélo électrique  \r\n"
                    "best, cheap laptops\n", encoding="utf-8")
    parsed = parse_file(path)
    assert parsed.kind == "txt"
    assert [(r.line, r.keyword) for r in parsed.rows] == [
        (2, "chaussures de running"), (4, "vélo électrique"), (5, "best, cheap laptops")]
    assert [r.slug for r in parsed.rows] == ["chaussures-de-running", "velo-electrique",
                                             "best-cheap-laptops"]
    assert parsed.problems == []


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_columns_override_and_extra_columns_become_front_matter(delimiter: str) -> None:
    header = delimiter.join(["Keyword", "lang", "words", "tone", "secondary_keywords", "model",
                             "slug", "category"])
    row = delimiter.join(["crédit immobilier", "fr", "1 800", "expert", '"taux|durée"',
                          "mistral-small", "mon-credit", "finance"])
    parsed = parse_bytes(f"{header}\n{row}\n".encode(), ".csv")
    assert parsed.delimiter == delimiter and parsed.problems == []
    (only,) = parsed.rows
    assert only.overrides == {
        "language": Language.FR, "target_words": 1800, "tone": Tone.EXPERT,
        "secondary_keywords": ("taux", "durée"), "model": "mistral-small:latest",
        "slug": "mon-credit"}
    assert only.extra == {"category": "finance"}
    assert only.slug == "mon-credit"


def test_utf8_bom_and_windows_1252_files_are_read_with_their_accents() -> None:
    text = "keyword,lang\ncrème brûlée,fr\nœuvre d'art,fr\n"
    with_bom = parse_bytes(b"\xef\xbb\xbf" + text.encode(), ".csv")
    legacy = parse_bytes(text.encode("cp1252"), ".csv")
    for parsed in (with_bom, legacy):
        assert [r.keyword for r in parsed.rows] == ["crème brûlée", "œuvre d'art"]
    assert legacy.encoding == "cp1252"
    assert [p.code for p in legacy.problems] == ["encoding_legacy"]   # said once, not per row


def test_a_line_in_another_encoding_is_reported_on_that_line() -> None:
    data = "keyword\ncafé crème\n".encode() + "thé vert\n".encode("cp1252") + b"plain\n"
    parsed = parse_bytes(data, ".csv")
    assert [r.keyword for r in parsed.rows] == ["café crème", "thé vert", "plain"]
    assert codes(parsed, 3) == {"encoding_mixed"} and codes(parsed, 2) == set()


def test_garbled_utf8_read_as_latin1_is_flagged() -> None:
    parsed = parse_bytes("keyword\nCafÃ© crÃ¨me\n".encode(), ".csv")
    assert codes(parsed, 2) == {"mojibake"}


def test_missing_keyword_column_is_an_error_naming_the_fix() -> None:
    parsed = parse_bytes(b"term,lang\nshoes,en\n", ".csv")
    assert parsed.rows == []
    (problem,) = parsed.errors
    assert problem.code == "missing_keyword_column" and problem.line == 1
    assert "keyword" in problem.message


def test_every_malformed_row_is_reported_with_its_line_and_reason() -> None:
    data = "\n".join([
        "keyword;lang;words;tone",
        "ok keyword;en;1200;friendly",          # 2 fine
        ";en;;",                                # 3 empty keyword
        "absurd;en;999999;",                    # 4 absurd word count
        "k" * 5000 + ";en;;",                   # 5 5,000-character keyword
        "bell\x07 and\x00 nul;en;;",            # 6 control characters (kept, cleaned)
        "web;xx;;",                             # 7 unknown language
        "script <script>alert(1)</script>;en;;",  # 8 HTML
        "words;en;lots;",                       # 9 not a number
        "tone;en;;grumpy",                      # 10 unknown tone
        "too;many;fields;here;extra",           # 11 unquoted delimiter
    ]).encode()
    parsed = parse_bytes(data, ".csv")
    assert codes(parsed, 2) == set()
    assert codes(parsed, 3) == {"empty_keyword"}
    assert codes(parsed, 4) == {"absurd_words"}
    assert codes(parsed, 5) == {"keyword_too_long"}
    assert codes(parsed, 6) == {"control_chars"}
    assert codes(parsed, 7) == {"bad_lang"}
    assert codes(parsed, 8) == {"html"}
    assert codes(parsed, 9) == {"bad_words"}
    assert codes(parsed, 10) == {"bad_tone"}
    assert "too_many_fields" in codes(parsed, 11)
    row6 = next(r for r in parsed.rows if r.line == 6)
    assert row6.keyword == "bell and nul" and row6.ok
    # nothing silently dropped: every data line is a row, valid or not
    assert [r.line for r in parsed.rows] == list(range(2, 12))
    assert [r.line for r in parsed.valid_rows] == [2, 6]
    assert all(p.severity is Severity.ERROR for p in parsed.problems if p.line not in (6,))


def test_unterminated_quote_is_reported_not_swallowed() -> None:
    parsed = parse_bytes(b'keyword,lang\n"broken,en\nnext,en\n', ".csv")
    assert any(p.code == "bad_csv" for p in parsed.errors)


def test_colliding_slugs_are_made_unique_and_explicit_duplicates_refused() -> None:
    parsed = parse_bytes(b"keyword,slug\nVelo,\nvelo!,\nother,same\nthird,same\n", ".csv")
    assert [r.slug for r in parsed.rows[:3]] == ["velo", "velo-2", "same"]
    assert codes(parsed, 5) == {"duplicate_slug"}


def test_binary_file_is_refused_with_advice() -> None:
    with pytest.raises(InputError, match="UTF-8"):
        parse_bytes("keyword\nabc\n".encode("utf-16-le"), ".csv")


def test_utf16_with_bom_from_excel_unicode_text_is_read() -> None:
    parsed = parse_bytes("keyword\tlang\nété\tfr\n".encode("utf-16"), ".txt")
    assert [(r.keyword, r.overrides["language"]) for r in parsed.rows] == [("été", Language.FR)]


def test_duplicates_and_near_duplicates_are_grouped_and_later_ones_can_be_skipped() -> None:
    rows = [(2, "running shoe", Language.EN), (3, "Running Shoes", Language.EN),
            (4, "shoes for running", Language.EN), (5, "Running shoe!", Language.EN),
            (6, "running shoes", Language.FR), (7, "trail shoes", Language.EN),
            (8, "meilleures chaussures de trail", Language.FR),
            (9, "chaussure trail", Language.FR), (10, "vélo électrique", Language.FR),
            (11, "Vélos électriques", Language.FR)]
    groups = find_duplicates(rows)
    kinds = {(g.kind, g.lines) for g in groups}
    assert ("duplicate", (2, 5)) in kinds                 # same text once folded
    assert ("near_duplicate", (2, 3, 4)) in kinds         # plural, word order, "for"
    assert ("near_duplicate", (8, 9)) in kinds            # French plural + "meilleures"
    assert ("near_duplicate", (10, 11)) in kinds          # French plural after a vowel
    assert all(7 not in g.lines and 6 not in g.lines for g in groups)
    skip = lines_to_skip(groups)
    assert set(skip) == {3, 4, 5, 9, 11}
    assert "line 2" in skip[3]


def test_ten_thousand_rows_parse_and_dedupe_correctly() -> None:
    body = "\n".join(f"topic {i} guide,en,1000" for i in range(10_000))
    parsed = parse_bytes(f"keyword,lang,words\n{body}\n".encode(), ".csv")
    assert len(parsed.valid_rows) == 10_000
    assert len({r.slug for r in parsed.rows}) == 10_000
    groups = find_duplicates([(r.line, r.keyword, Language.EN) for r in parsed.rows])
    assert groups == []


def test_a_single_keyword_column_keeps_commas_inside_keywords() -> None:
    parsed = parse_bytes(b'Keyword\nshoes, cheap and good\nbest laptops; 2025\n"a, ""b"""\n',
                         ".csv")
    assert [(r.line, r.keyword) for r in parsed.rows] == [
        (2, "shoes, cheap and good"), (3, "best laptops; 2025"), (4, 'a, "b"')]
    assert parsed.problems == []

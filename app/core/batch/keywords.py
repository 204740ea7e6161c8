"""Keyword lists → batch rows, with every problem reported per line before anything runs.

Accepted inputs:
- TXT: one keyword per line; `#` comments and blank lines are ignored.
- CSV/TSV (any of `,` `;` tab `|`) with a header that has a `keyword` column; known columns
  (lang, secondary_keywords, words, tone, audience, model, instructions, slug, point_of_view)
  override the job defaults per row; any other column is kept as a front-matter field.
Encodings: UTF-8 (with or without BOM), UTF-16 with BOM, and Windows-1252/Latin-1 (detected,
reported). Nothing is dropped silently: a row that cannot run carries an `error` problem.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.core.batch.decoding import Problem, Severity, decode
from app.core.errors import InputError
from app.core.keyword_rules import (
    CONTROL_CHARS,
    HTML_OR_SCRIPT,
    MAX_KEYWORD_CHARS,
    check_keyword,
)
from app.core.models import TARGET_WORDS_MAX, TARGET_WORDS_MIN, Language, PointOfView, Tone
from app.core.textutil import slugify

MIN_WORDS, MAX_WORDS = TARGET_WORDS_MIN, TARGET_WORDS_MAX
MAX_FIELD_CHARS = 5_000          # instructions/audience: longer is almost surely a paste error
MAX_FILE_BYTES = 50_000_000

KNOWN_COLUMNS = (
    "keyword", "lang", "secondary_keywords", "words", "tone", "audience",
    "model", "instructions", "slug", "point_of_view",
)
_ALIASES = {
    "keyword": "keyword", "keywords": "keyword", "kw": "keyword", "mot-cle": "keyword",
    "mot cle": "keyword", "mot_cle": "keyword", "mots-cles": "keyword", "query": "keyword",
    "lang": "lang", "language": "lang", "langue": "lang", "locale": "lang",
    "secondary_keywords": "secondary_keywords", "secondary": "secondary_keywords",
    "secondary keywords": "secondary_keywords", "mots-cles secondaires": "secondary_keywords",
    "words": "words", "word_count": "words", "word count": "words", "length": "words",
    "target_words": "words", "mots": "words", "longueur": "words",
    "tone": "tone", "ton": "tone", "audience": "audience", "public": "audience",
    "model": "model", "modele": "model", "instructions": "instructions", "notes": "instructions",
    "slug": "slug", "point_of_view": "point_of_view", "pov": "point_of_view",
}
_TONES = {t.value: t for t in Tone} | {
    "neutre": Tone.NEUTRAL, "amical": Tone.FRIENDLY, "professionnel": Tone.PROFESSIONAL,
    "persuasif": Tone.PERSUASIVE, "casual": Tone.FRIENDLY, "formal": Tone.PROFESSIONAL,
}
_POVS = {p.value: p for p in PointOfView} | {
    "i": PointOfView.FIRST_SINGULAR, "je": PointOfView.FIRST_SINGULAR,
    "we": PointOfView.FIRST_PLURAL, "nous": PointOfView.FIRST_PLURAL,
    "you": PointOfView.SECOND, "vous": PointOfView.SECOND, "tu": PointOfView.SECOND,
    "impersonal": PointOfView.THIRD, "on": PointOfView.THIRD,
}
_MOJIBAKE = re.compile(r"Ã[\x80-\xbf©¨ª«®´¹º»¢§]|Â[\xa0-\xbf]|â€")
_SECONDARY_SPLIT = re.compile(r"[|;,\n]")
_DIGITS = re.compile(r"^\d{1,3}(?:[ \u00a0\u202f,.']\d{3})+$|^\d+$")
_DELIMITERS = (",", ";", "\t", "|")
_MAX_SPAN = 20                   # lines a quoted value may run over before it is called stray


@dataclass(slots=True)
class KeywordRow:
    line: int
    keyword: str
    overrides: dict[str, Any] = field(default_factory=dict)   # typed known-column values
    extra: dict[str, str] = field(default_factory=dict)       # unknown columns → front matter
    slug: str = ""
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity is Severity.ERROR for p in self.problems)


@dataclass(slots=True)
class ParsedList:
    rows: list[KeywordRow]
    encoding: str
    kind: str                                  # "txt" or "csv"
    delimiter: str = ""
    columns: list[str] = field(default_factory=list)
    file_problems: list[Problem] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        found = list(self.file_problems)
        for row in self.rows:
            found.extend(row.problems)
        return found

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def valid_rows(self) -> list[KeywordRow]:
        return [r for r in self.rows if r.ok]


# ---- parsing --------------------------------------------------------------------------------

def parse_file(path: str | Path) -> ParsedList:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"{path.name} is {size // 1_000_000} MB; a keyword list is "
                             "expected to be far smaller.", hint="Split it into smaller lists.",
                             code="keywords_too_big",
                             params={"name": path.name, "mb": str(size // 1_000_000)})
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Cannot read {path}: {exc.strerror or exc}.",
                         hint="Check the path and permissions.", code="keywords_unreadable",
                         params={"path": str(path), "reason": str(exc.strerror or exc)}) from exc
    return parse_bytes(data, suffix=path.suffix.lower())


def parse_bytes(data: bytes, suffix: str = "") -> ParsedList:
    text, encoding, problems = decode(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    header_at, delimiter, columns = _find_header(lines, suffix)
    if header_at is None:
        if suffix in (".csv", ".tsv"):
            first = next((i for i, ln in enumerate(lines) if ln.strip()), 0)
            problems.append(Problem(first + 1, Severity.ERROR, "missing_keyword_column",
                                    "No 'keyword' column in the header row. Add a first "
                                    "line naming the columns, e.g. keyword,lang,words."))
            return ParsedList([], encoding, "csv", file_problems=problems)
        rows = _parse_txt(lines)
        parsed = ParsedList(rows, encoding, "txt", file_problems=[])
    elif len(columns) == 1:       # a lone "keyword" header: the rest is one keyword per line
        rows = _parse_txt(lines, skip=header_at + 1)
        parsed = ParsedList(rows, encoding, "txt", columns=columns, file_problems=[])
    else:
        rows = _parse_csv(lines, header_at, delimiter, columns, problems)
        parsed = ParsedList(rows, encoding, "csv", delimiter, columns, file_problems=[])
    _attach(parsed, problems)
    _assign_slugs(parsed.rows)
    if not parsed.rows and not parsed.errors:
        parsed.file_problems.append(Problem(0, Severity.ERROR, "empty_list",
                                            "The list has no keywords."))
    return parsed


def _attach(parsed: ParsedList, problems: list[Problem]) -> None:
    by_line = {row.line: row for row in parsed.rows}
    for problem in problems:
        row = by_line.get(problem.line)
        (row.problems if row else parsed.file_problems).append(problem)


def _canon_column(name: str) -> str:
    from app.core.textutil import fold_accents

    key = fold_accents(name.strip().strip('"').lower()).replace("\ufeff", "")
    return _ALIASES.get(key, _ALIASES.get(key.replace(" ", "_"), ""))


def _find_header(lines: list[str], suffix: str) -> tuple[int | None, str, list[str]]:
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        candidates = ("\t",) if suffix == ".tsv" else _DELIMITERS
        best = max(candidates, key=line.count)
        if line.count(best) == 0 and _canon_column(line) != "keyword":
            return None, "", []
        cells = next(csv.reader([line], delimiter=best)) if line.count(best) else [line]
        names = [c.strip() for c in cells]
        if any(_canon_column(n) == "keyword" for n in names):
            return index, best, names
        return None, "", []
    return None, "", []


def _parse_txt(lines: list[str], skip: int = 0) -> list[KeywordRow]:
    rows = []
    index = skip
    while index < len(lines):
        number, stripped = index + 1, lines[index].strip()
        index += 1
        if not stripped or stripped.startswith("#"):
            continue
        if skip and stripped.startswith('"'):                # one quoted CSV cell
            try:
                cells = _cells(stripped, "\x00")
            except csv.Error:
                row, index = _broken_quote(lines, index - 1, "\x00")
                rows.append(row)
                continue
            stripped = cells[0] if cells else ""
        row = KeywordRow(number, "")
        row.keyword = _clean_keyword(stripped, row)
        rows.append(row)
    return rows


def _parse_csv(lines: list[str], header_at: int, delimiter: str, columns: list[str],
               problems: list[Problem]) -> list[KeywordRow]:
    """One record per physical line: a stray quote spoils its own line only (reported),
    and a quoted value running over several lines is reported, never merged into one
    keyword."""
    canon = [_canon_column(c) for c in columns]
    seen: set[str] = set()
    for name, key in zip(columns, canon, strict=True):
        if key and key in seen:
            problems.append(Problem(header_at + 1, Severity.ERROR, "duplicate_column",
                                    f"The column '{name}' appears twice in the header."))
        seen.add(key)
    rows: list[KeywordRow] = []
    index = header_at + 1
    while index < len(lines):
        line = index + 1
        try:
            cells = _cells(lines[index], delimiter)
        except csv.Error:
            row, index = _broken_quote(lines, index, delimiter)
            rows.append(row)
            continue
        index += 1
        if not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        row = KeywordRow(line, "")
        rows.append(row)
        if len(cells) > len(columns):
            row.problems.append(Problem(line, Severity.ERROR, "too_many_fields",
                                        f"This row has {len(cells)} fields but the header has "
                                        f"{len(columns)}; a value containing '{_show(delimiter)}'"
                                        " must be in double quotes."))
        for name, key, value in zip(columns, canon, cells, strict=False):
            _set_field(row, name, key, value.strip())
        if not any(k == "keyword" for k in canon[:len(cells)]):
            row.keyword = _clean_keyword("", row)
    return rows


def _cells(line: str, delimiter: str) -> list[str]:
    """The fields of one physical line; csv.Error when a quote is left open."""
    return next(csv.reader([line], delimiter=delimiter, strict=True), [])


def _broken_quote(lines: list[str], index: int, delimiter: str) -> tuple[KeywordRow, int]:
    """Line `index` opens a quote it does not close. If a later line closes it, the value
    runs over several lines: reported, and those lines are left out. Otherwise the quote is
    stray: only this line is left out. Returns the error row and the next line to read."""
    end = _closing_line(lines, index, delimiter)
    row = KeywordRow(index + 1, " ".join(lines[index].split())[:MAX_KEYWORD_CHARS])
    if end is None:
        message = ("A double quote on this line is never closed, so the line cannot be read. "
                   "Close the quote or remove it; the other lines were read as usual.")
        row.problems.append(Problem(index + 1, Severity.ERROR, "bad_csv", message))
        return row, index + 1
    message = (f"A quoted value runs over lines {index + 1}–{end + 1}: a keyword (and every "
               "value) must fit on one line. Remove the line break inside the quotes.")
    row.problems.append(Problem(index + 1, Severity.ERROR, "multiline_value", message))
    return row, end + 1


def _closing_line(lines: list[str], index: int, delimiter: str) -> int | None:
    for end in range(index + 1, min(len(lines), index + _MAX_SPAN)):
        try:
            records = list(csv.reader(lines[index:end + 1], delimiter=delimiter, strict=True))
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                continue                       # still inside the quotes
            return None
        return end if len(records) == 1 else None
    return None


def _show(delimiter: str) -> str:
    return "tab" if delimiter == "\t" else delimiter


def _set_field(row: KeywordRow, name: str, key: str, value: str) -> None:
    line = row.line

    def error(code: str, message: str) -> None:
        row.problems.append(Problem(line, Severity.ERROR, code, message))

    if key != "keyword" and value and CONTROL_CHARS.search(value):
        value = CONTROL_CHARS.sub("", value)
        row.problems.append(Problem(line, Severity.WARNING, "control_chars",
                                    f"Invisible control characters were removed from '{name}'."))
    if key == "keyword":
        row.keyword = _clean_keyword(value, row)
    elif not value:
        return
    elif key == "lang":
        from app.core.languages import codes, find

        found = find(value)            # a code, alias or name of an installed language pack
        if found is None:
            error("bad_lang", f"Unknown language '{value}'; use {' or '.join(codes())}.")
        else:
            row.overrides["language"] = Language(found.code)
    elif key == "words":
        words = _parse_int(value)
        if words is None:
            error("bad_words", f"Word count '{value[:40]}' is not a number.")
        elif not MIN_WORDS <= words <= MAX_WORDS:
            error("absurd_words", f"Word count {words:,} is outside {MIN_WORDS}–{MAX_WORDS:,}.")
        else:
            row.overrides["target_words"] = words
    elif key == "tone":
        tone = _TONES.get(value.lower())
        if tone is None:
            error("bad_tone", f"Unknown tone '{value[:40]}'; use one of "
                              f"{', '.join(t.value for t in Tone)}.")
        else:
            row.overrides["tone"] = tone
    elif key == "point_of_view":
        pov = _POVS.get(value.lower())
        if pov is None:
            error("bad_pov", f"Unknown point of view '{value[:40]}'; use one of "
                             f"{', '.join(p.value for p in PointOfView)}.")
        else:
            row.overrides["point_of_view"] = pov
    elif key == "secondary_keywords":
        parts = [p.strip() for p in _SECONDARY_SPLIT.split(value)]
        kept = tuple(dict.fromkeys(p for p in parts if p and len(p) <= MAX_KEYWORD_CHARS))
        if len(kept) < len([p for p in parts if p]):
            row.problems.append(Problem(line, Severity.WARNING, "secondary_dropped",
                                        "Secondary keywords longer than "
                                        f"{MAX_KEYWORD_CHARS} characters or repeated "
                                        "were left out."))
        row.overrides["secondary_keywords"] = kept
    elif key == "model":
        if " " in value or len(value) > 200:
            error("bad_model", f"'{value[:40]}' is not a model name (e.g. qwen3:8b).")
        else:
            row.overrides["model"] = normalize_model(value)
    elif key == "slug":
        slug = slugify(value)
        if not slug:
            error("bad_slug", f"Slug '{value[:40]}' has no usable letters or digits.")
        else:
            if slug != value:
                row.problems.append(Problem(line, Severity.WARNING, "slug_normalized",
                                            f"Slug '{value[:60]}' was normalised to '{slug}'."))
            row.overrides["slug"] = slug
    elif key in ("audience", "instructions"):
        if len(value) > MAX_FIELD_CHARS:
            error("too_long", f"'{name}' is {len(value):,} characters; the limit is "
                              f"{MAX_FIELD_CHARS:,}.")
        elif HTML_OR_SCRIPT.search(value):
            error("html", f"'{name}' contains HTML or script; write plain text.")
        else:
            row.overrides[key] = value
    else:
        if HTML_OR_SCRIPT.search(value):
            error("html", f"Column '{name}' contains HTML or script; write plain text.")
        else:
            row.extra[_front_matter_key(name)] = value[:MAX_FIELD_CHARS]


def _front_matter_key(name: str) -> str:
    return re.sub(r"[^a-z0-9_]+", "_", name.strip().lower()).strip("_") or "field"


def _clean_keyword(value: str, row: KeywordRow) -> str:
    value, problems = check_keyword(value)
    for problem in problems:
        severity = Severity.ERROR if problem.error else Severity.WARNING
        row.problems.append(Problem(row.line, severity, problem.code, problem.message))
    if _MOJIBAKE.search(value):
        row.problems.append(Problem(row.line, Severity.WARNING, "mojibake",
                                    f"'{value[:60]}' looks garbled (wrong encoding when the file "
                                    "was saved); re-save the list as UTF-8."))
    return value


def _parse_int(value: str) -> int | None:
    value = value.strip().lower().removesuffix("words").removesuffix("mots").strip()
    if not _DIGITS.match(value):
        return None
    return int(re.sub(r"\D", "", value))


def normalize_model(name: str) -> str:
    """'qwen3' → 'qwen3:latest' (Ollama's own default tag), so names compare reliably."""
    name = name.strip()
    last = name.rsplit("/", 1)[-1]
    return name if ":" in last else f"{name}:latest"


def _assign_slugs(rows: list[KeywordRow]) -> None:
    """A unique slug per row: the file name of its article. Explicit slugs are reserved first;
    derived ones that collide get -2, -3…"""
    taken: dict[str, int] = {}
    for row in rows:
        slug = row.overrides.get("slug")
        if not slug:
            continue
        if slug in taken:
            row.problems.append(Problem(row.line, Severity.ERROR, "duplicate_slug",
                                        f"Slug '{slug}' is already used on line {taken[slug]}."))
        else:
            taken[slug] = row.line
            row.slug = slug
    for row in rows:
        if row.slug or "slug" in row.overrides:
            continue
        base = slugify(row.keyword) or f"article-{row.line}"
        slug, n = base, 1
        while slug in taken:
            n += 1
            slug = f"{base}-{n}"
        taken[slug] = row.line
        row.slug = slug

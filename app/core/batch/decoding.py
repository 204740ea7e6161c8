"""Bytes of a keyword list → text, whatever the spreadsheet or editor saved it as.

UTF-8 (with or without BOM) and UTF-16 with BOM are read as such; a file that is not UTF-8 at
all is read as Windows-1252 and said once; a UTF-8 file with a few lines pasted from another
encoding is decoded line by line and each such line is reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from app.core.errors import InputError


class Severity(StrEnum):
    ERROR = "error"        # the row cannot run as written
    WARNING = "warning"    # the row runs; something was adjusted (said how)


@dataclass(frozen=True, slots=True)
class Problem:
    line: int              # 1-based physical line in the file (0 = the whole file)
    severity: Severity
    code: str              # stable code for UIs and tests
    message: str           # what is wrong and what to do, in English

    def __str__(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        return f"{where}: {self.severity.value}: {self.message}"


def decode(data: bytes) -> tuple[str, str, list[Problem]]:
    """Bytes → (text, encoding name, problems). Mixed files are decoded line by line."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", []
    for bom, name in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[2:].decode(name, errors="replace"), "utf-16", []
    if data[:400].count(b"\x00") * 10 > min(len(data), 400):
        raise InputError(
            "This file looks binary or UTF-16 without a byte-order mark.",
            hint="Save it as UTF-8 text (CSV UTF-8 in Excel) and import it again.",
        )
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    utf8_lines = bad_lines = 0
    for raw in lines:
        if raw.isascii():
            continue
        try:
            raw.decode("utf-8")
            utf8_lines += 1
        except UnicodeDecodeError:
            bad_lines += 1
    if utf8_lines == 0:           # consistently a legacy encoding: say it once
        problem = Problem(0, Severity.WARNING, "encoding_legacy",
                          "The file is not UTF-8; it was read as Windows-1252 (Western "
                          "European). Check accented letters in the preview.")
        return _decode_legacy(data), "cp1252", [problem]
    out: list[str] = []            # mixed: a few lines were pasted from another encoding
    problems: list[Problem] = []
    for number, raw in enumerate(lines, start=1):
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(_decode_legacy(raw))
            problems.append(Problem(number, Severity.WARNING, "encoding_mixed",
                                    "This line is not UTF-8 while the rest of the file is; it "
                                    "was read as Windows-1252. Check its accents."))
    return "\n".join(out), "utf-8+cp1252", problems


def _decode_legacy(data: bytes) -> str:
    # cp1252 leaves 0x81 0x8D 0x8F 0x90 0x9D undefined: those bytes fall back to Latin-1.
    return "".join(
        chunk.decode("cp1252", errors="strict") if ok else chunk.decode("latin-1")
        for chunk, ok in _split_cp1252(data)
    )


def _split_cp1252(data: bytes) -> Iterator[tuple[bytes, bool]]:
    start = 0
    for i, byte in enumerate(data):
        if byte in (0x81, 0x8D, 0x8F, 0x90, 0x9D):
            if i > start:
                yield data[start:i], True
            yield data[i:i + 1], False
            start = i + 1
    if start < len(data):
        yield data[start:], True


def decode_document(data: bytes) -> str:
    """Bytes of an article (Markdown, HTML) → text, read like a keyword list (UTF-8, UTF-16
    with BOM, else Windows-1252); InputError for anything that is not text (an image, a
    PDF, a word-processor file), instead of scoring garbage."""
    try:
        text, _encoding, _problems = decode(data)
    except InputError:
        raise InputError("This file is not text (it looks binary, or UTF-16 without a "
                         "byte-order mark).", hint="Save it as UTF-8 text: a Markdown (.md) "
                         "or HTML (.html) file.") from None
    sample = text[:20_000]
    odd = sum(1 for ch in sample if (ch < " " and ch not in "\t\n\r\f") or ch == "\ufffd")
    if "\x00" in sample or odd > max(2, len(sample) // 100):
        raise InputError("This file is not text (it looks like an image, a PDF or another "
                         "binary file).", hint="Give a Markdown (.md) or HTML (.html) file.")
    return text

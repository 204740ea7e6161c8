"""Advance widths of Arial (regular), in thousandths of an em, for snippet pixel widths.

Search-result titles are set in Arial 20 px and descriptions in Arial 14 px; a text's width
is the sum of its characters' advances × size / 1000. The table covers ASCII, Latin-1,
French letters and common typographic signs; anything else falls back to an average
letter (556) or a full em for wide East-Asian characters and emoji. No font file needed.
"""

from __future__ import annotations

import unicodedata

_ASCII = (
    # space ! " # $ % & ' ( ) * + , - . /
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    # 0-9
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556,
    # : ; < = > ? @
    278, 278, 584, 584, 584, 556, 1015,
    # A-Z
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
    722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
    # [ \ ] ^ _ `
    278, 278, 278, 469, 556, 333,
    # a-z
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,
    556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,
    # { | } ~
    334, 260, 334, 584,
)

WIDTHS: dict[str, int] = {chr(32 + i): w for i, w in enumerate(_ASCII)}
WIDTHS.update({
    "\u00a0": 278, "\u202f": 200, "\u2009": 200, "¡": 333, "¢": 556, "£": 556, "¤": 556,
    "¥": 556, "¦": 260, "§": 556, "¨": 333, "©": 737, "ª": 370, "«": 556, "¬": 584,
    "\u00ad": 333, "®": 737, "¯": 552, "°": 400, "±": 549, "²": 333, "³": 333, "´": 333,
    "µ": 576, "¶": 537, "·": 278, "¸": 333, "¹": 333, "º": 365, "»": 556, "¼": 834,
    "½": 834, "¾": 834, "¿": 611, "×": 584, "÷": 549, "Æ": 1000, "æ": 889, "Ð": 722,
    "ð": 556, "Ø": 778, "ø": 611, "Þ": 667, "þ": 556, "ß": 611, "Œ": 1000, "œ": 944,
    "Ÿ": 667, "ƒ": 556, "ˆ": 333, "˜": 333, "–": 556, "—": 1000, "‘": 222, "’": 222,
    "‚": 222, "“": 333, "”": 333, "„": 333, "†": 556, "‡": 556, "•": 350, "…": 1000,
    "‰": 1000, "‹": 333, "›": 333, "€": 556, "™": 1000, "\u200b": 0,
    "−": 584, "≤": 549, "≥": 549, "→": 1000, "←": 1000, "✓": 750,
})


def char_width(char: str) -> int:
    width = WIDTHS.get(char)
    if width is not None:
        return width
    base = unicodedata.normalize("NFD", char)[0]
    if base != char and base in WIDTHS:          # é, À, ç… take their base letter's width
        return WIDTHS[base]
    if unicodedata.east_asian_width(char) in ("W", "F") or unicodedata.category(char) == "So":
        return 1000
    if unicodedata.combining(char):
        return 0
    return 556


def text_width(text: str, size_px: float) -> float:
    """Width in pixels of `text` set in Arial at `size_px`."""
    return sum(char_width(c) for c in text) * size_px / 1000

"""Everything the checks need from one block of prose, computed once per block text.

`block_facts(plain, lang)` is pure; the Analyzer caches it by block text, so re-analysing
an article after an edit only recomputes the paragraphs that changed. Offsets are relative to
the block's plain text; the analyzer maps them to the body.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from app.core.analysis import syllables
from app.core.analysis.lexicon import Lexicon, lexicon
from app.core.analysis.text import (
    base_form,
    fold,
    has_letter,
    phrase_tokens,
    split_sentences,
    words,
)

_FIGURE = re.compile(r"\b\d")
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d{2}\b")
_PERCENT = re.compile(r"\d\s?%|\bpour\s?cent\b|\bpercent\b|\bper cent\b", re.IGNORECASE)
_QUOTE = re.compile(r"[«“\"][^«»“”\"]{12,}[»”\"]")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    words: int
    first: str                          # first word(s), for consecutive beginnings
    folds: tuple[str, ...]              # base forms, accents folded
    spans: tuple[tuple[int, int], ...]  # each word's offsets
    fold_counts: dict[str, int]
    transition: bool
    passive: tuple[int, int] | None     # span of "est publié", "was written"
    claims: tuple[str, ...]             # why it should be fact-checked


@dataclass(frozen=True, slots=True)
class BlockFacts:
    sentences: tuple[Sentence, ...]
    words: int
    letter_words: int                   # words with a letter (Flesch ignores numbers)
    syllables: int
    cliches: tuple[tuple[int, int], ...]
    drift_own: int                      # hits of this language's own frequent words
    drift_other: int                    # hits of the other languages' frequent words


def block_facts(plain: str, lang: str) -> BlockFacts:
    lex = lexicon(lang)
    sentences = []
    total_words = letter_words = syll = own = foreign = 0
    cliches: list[tuple[int, int]] = []
    for s_start, s_end in split_sentences(plain, lex.abbreviations):
        toks = [(a + s_start, b + s_start, w) for a, b, w in words(plain[s_start:s_end])]
        bases = [base_form(w, lang) for _, _, w in toks]
        folds = tuple(fold(b) for b in bases)
        seq: list[str] = []
        seq_pos: list[int] = []
        for i, (_, _, w) in enumerate(toks):
            for piece in phrase_tokens(w, lang):
                seq.append(piece)
                seq_pos.append(i)
        for w, f in zip(bases, folds, strict=True):
            if w.isalpha() or has_letter(w):
                letter_words += 1
                syll += syllables.count(w, lang)
            if f in lex.drift_words:
                own += 1
            elif f in lex.foreign_words:
                foreign += 1
        for a, b in lex.cliches.matches(seq):
            cliches.append((toks[seq_pos[a]][0], toks[seq_pos[b - 1]][1]))
        total_words += len(toks)
        sentences.append(Sentence(
            start=s_start, end=s_end, words=len(toks),
            first=_beginning(seq, lex),
            folds=folds,
            spans=tuple((a, b) for a, b, _ in toks),
            fold_counts=dict(Counter(folds)),
            transition=_has_transition(seq, lex),
            passive=_passive(seq, seq_pos, toks, lex, plain),
            claims=_claims(plain[s_start:s_end], seq, lex),
        ))
    return BlockFacts(tuple(sentences), total_words, letter_words, syll, tuple(cliches), own, foreign)


def _beginning(seq: list[str], lex: Lexicon) -> str:
    if not seq:
        return ""
    if seq[0] in lex.first_word_exceptions and len(seq) > 1:
        return f"{seq[0]} {seq[1]}"
    return seq[0]


def _has_transition(seq: list[str], lex: Lexicon) -> bool:
    if lex.transitions.matches(seq):
        return True
    for first, second in lex.two_part_transitions:
        i = _find(seq, first, 0)
        if i >= 0 and _find(seq, second, i + len(first)) >= 0:
            return True
    return False


def _find(seq: list[str], phrase: tuple[str, ...], start: int) -> int:
    size, first = len(phrase), phrase[0]
    i = start
    while True:
        try:
            i = seq.index(first, i)
        except ValueError:
            return -1
        if tuple(seq[i : i + size]) == phrase:
            return i
        i += 1


def _passive(
    seq: list[str], seq_pos: list[int], toks: list[tuple[int, int, str]], lex: Lexicon, plain: str
) -> tuple[int, int] | None:
    """The first "auxiliary … participle" within one clause: any words may stand between
    them ("is heavily chlorinated", "est souvent très mal compris"); a clause ends at
    punctuation, a conjunction, a relative or a subject pronoun (clause_breaks.txt)."""
    aux = lex.passive_auxiliaries
    for i, word in enumerate(seq):
        if word not in aux:
            continue
        if i and seq[i - 1] in lex.reflexives:
            continue                      # "il s'est lavé", "ils se sont vus": reflexive
        j = i + 1
        while j < len(seq) and not _clause_ends(seq, seq_pos, toks, lex, plain, j):
            if _is_participle(seq[j], lex):
                if seq[j] in lex.etre_verbs and word != "été":
                    break                 # "il est arrivé": passé composé, but "a été retourné" is passive
                return toks[seq_pos[i]][0], toks[seq_pos[j]][1]
            j += 1
    return None


def _clause_ends(seq: list[str], seq_pos: list[int], toks: list[tuple[int, int, str]], lex: Lexicon,
                 plain: str, j: int) -> bool:
    if seq[j] in lex.clause_breaks:
        return True
    before, here = seq_pos[j - 1], seq_pos[j]
    return before != here and any(c in ",;:()–—" for c in plain[toks[before][1]:toks[here][0]])


def _is_participle(word: str, lex: Lexicon) -> bool:
    if word in lex.participle_exceptions:
        return False
    if word in lex.participles:
        return True
    return lex.participle_pattern is not None and lex.participle_pattern.match(word) is not None


def _claims(sentence: str, seq: list[str], lex: Lexicon) -> tuple[str, ...]:
    reasons = []
    if _PERCENT.search(sentence):
        reasons.append("percentage")
    if _YEAR.search(sentence):
        reasons.append("date")
    elif _FIGURE.search(sentence) and "percentage" not in reasons:
        reasons.append("figure")
    if _QUOTE.search(sentence):
        reasons.append("quote")
    if lex.claim_markers.matches(seq):
        reasons.append("source")
    return tuple(reasons)

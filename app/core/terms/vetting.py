"""Which proposed terms a writer can use, and terms computed locally when too few are left.

Small models propose junk (gemma3:270m: 'con', 'cons', 'consents' for "compost en
appartement"; English chemistry words for "semis de tomates"). A proposed term is refused when
it is in another language (the one guesser, app/core/analysis/language.py), a fragment (a
stub of another proposed term ("con" beside "consents"), a word of two letters, a phrase ending on a function
word, markup), only the keyphrase's own words, too general ("fois", "moyen": the pack's
generic_words.txt), or unrelated: none of its content words occurs
in the topic's context (the brief, a short text on the keyword, related pages of the writer's
site) when there is such a context. What is left is completed with the context's own frequent
phrases and content words, so a list of terms is always there.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from app.core.analysis.facts import block_facts
from app.core.analysis.forms import form_key
from app.core.analysis.language import language_share, language_votes, latin_share
from app.core.analysis.lexicon import lexicon, lines
from app.core.analysis.text import base_form, fold, has_letter, words
from app.core.models import Brief, Language
from app.core.terms.model import MAX_TERM_CHARS, Term, length_cap

MIN_WORD = 3                  # a single-word term shorter than this is a stub
_MARKUP = set("{}[]<>|=_*#/\\@")
_LINKERS = {"fr": {"de", "du", "des", "a", "en"}, "en": {"of", "for"}}
_DETERMINERS = {                # a content word after one of these is taken for a noun
    "fr": {"le", "la", "les", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette", "ces",
           "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos", "votre",
           "vos", "leur", "leurs"},
    "en": {"the", "a", "an", "this", "these", "those", "my", "your", "our", "their",
           "its", "his", "her"}}
_PUNCTUATION = re.compile(r"[^\w\s'-]")
_PRONOUNS = {"le", "la", "les"}   # also object pronouns in French
_BEFORE_INFINITIVE = {             # "… le récupérer", "pour les arroser"
    "de", "a", "pour", "sans", "pas", "plus", "jamais", "faut", "peut", "peuvent", "doit",
    "doivent", "va", "vont", "veut", "veulent", "pouvez", "devez", "allez", "voulez", "il",
    "elle", "on", "ils", "elles", "je", "tu", "nous", "vous"}


@dataclass(frozen=True, slots=True)
class Refused:
    text: str
    reason: str       # "other language", "fragment", "keyphrase", "too general", "off topic"


def wanted_terms(brief: Brief, items: int) -> int:
    """How many terms an article of the brief's length should aim at (5 to `items`)."""
    return max(5, min(items, brief.target_words // 100))


def vet_terms(terms: Sequence[Term], brief: Brief, context: Sequence[str] = ()
              ) -> tuple[list[Term], list[Refused]]:
    """The usable terms of `terms`, and the refused ones with why."""
    lang = brief.language.value
    keyword = _stems(brief.keyword, lang)
    usable = _in_language(context, brief.language)
    topic = _context_stems(brief, usable) if usable else set()
    texts = [t.text.lower() for t in terms]
    kept: list[Term] = []
    refused: list[Refused] = []
    for term in terms:
        reason = _problem(term.text, lang, keyword, topic, texts)
        if reason:
            refused.append(Refused(term.text, reason))
        else:
            kept.append(term)
    return kept, refused


def completed(kept: Sequence[Term], brief: Brief, context: Sequence[str], want: int,
              known: Sequence[str] = (), loose: Sequence[str] = ()) -> list[Term]:
    """`kept`, then the brief's secondary keywords, `known` phrases (titles of related pages
    of the writer's site), the frequent phrases and nouns of `context` (texts on the topic)
    and of `loose` (texts that may stray: their sentences with a keyphrase word only), up to
    `want` terms (none whose words a term already listed has)."""
    cap = length_cap(brief.target_words)
    out = list(kept)
    have = {_key(t.text, brief.language.value) for t in out}
    for text in [*brief.secondary_keywords, *known, *context_terms(brief, context, loose)]:
        if len(out) >= want:
            break
        key = _key(text, brief.language.value)
        if key and not any(key <= k for k in have) and not vet_terms([Term(text)], brief)[1]:
            have.add(key)
            out.append(Term(text, 1, 2).scaled(cap))
    return out


def context_terms(brief: Brief, context: Sequence[str], loose: Sequence[str] = (),
                  limit: int = 24) -> list[str]:
    """Nouns and noun phrases (a word after a determiner, "bac à compost") of `context` and of
    the sentences of `loose` that use a word of the keyphrase: phrases used at least twice
    first, then words by use; only from the texts written in the brief's language, never the
    keyphrase's own words."""
    lang = brief.language.value
    function_words = lexicon(lang).function_words
    linkers, determiners = _LINKERS.get(lang, set()), _DETERMINERS.get(lang, set())
    keyword = _stems(brief.keyword, lang)
    phrases: Counter[tuple[str, str]] = Counter()
    singles: Counter[str] = Counter()
    surface: dict[object, str] = {}
    strict = [(t, False) for t in context] + [(t, True) for t in loose]
    for text, cooccur in strict:
        if not _in_language([text], brief.language):
            continue
        raw = " ".join(text.split())
        for sentence in block_facts(raw, lang).sentences:
            folds, spans = sentence.folds, sentence.spans
            if cooccur and keyword and keyword.isdisjoint(form_key(w, lang) for w in folds):
                continue                 # words that co-occur with the keyword's only
            for i, w in enumerate(folds):
                shown = raw[spans[i][0]:spans[i][1]].lower().replace("’", "'")
                if (not _noun(folds, i, shown, determiners) or not _content(w, function_words)
                        or is_generic(base_form(shown, lang), lang)):
                    continue
                stem = form_key(w, lang)
                if stem not in keyword:
                    singles[stem] += 1
                    surface.setdefault(stem, base_form(shown, lang))
                linked = i + 2 < len(folds) and folds[i + 1] in linkers and raw[
                    spans[i + 1][0]:spans[i + 1][1]].lower() != "a"     # "à", not "a" (has)
                j = i + 2 if linked else i + 1
                text_ij = raw[spans[i][0]:spans[j][1]].lower().replace("’", "'") if j < len(
                    folds) else ""
                if (text_ij and _content(folds[j], function_words)
                        and not _PUNCTUATION.search(text_ij)):     # "oxygène (voir": no
                    pair = (stem, form_key(folds[j], lang))
                    if not set(pair) <= keyword:
                        phrases[pair] += 1
                        surface.setdefault(pair, base_form(text_ij, lang))
    out = [surface[p] for p, n in phrases.most_common() if n >= 2]
    out += [surface[s] for s, _ in singles.most_common()]
    return out[:limit]


def _problem(text: str, lang: str, keyword: set[str], topic: set[str], all_texts: list[str]
             ) -> str:
    if _other_language(text, lang):
        return "other language"
    if _fragment(text, lang, all_texts):
        return "fragment"
    stems = _stems(text, lang)
    if stems <= keyword:
        return "keyphrase"
    if all(is_generic(w, lang) or fold(w) in lexicon(lang).function_words
           for _, _, w in words(text)):
        return "too general"
    if topic and not stems & topic:
        return "off topic"
    return ""


def _other_language(text: str, lang: str) -> bool:
    if latin_share(text) < 0.5:
        return True
    votes = language_votes(text)
    mine = votes.get(Language(lang), 0)
    return any(n > mine for code, n in votes.items() if code.value != lang)


def _fragment(text: str, lang: str, all_texts: list[str]) -> bool:
    if len(text) > MAX_TERM_CHARS or any(c in _MARKUP for c in text) or not has_letter(text):
        return True
    tokens = [w for _, _, w in words(text)]
    if not tokens:
        return True
    function_words = lexicon(lang).function_words
    if fold(base_form(tokens[-1], lang)) in function_words or not _stems(text, lang):
        return True                      # "compost de", "les"
    if len(tokens) == 1 and len(tokens[0]) < MIN_WORD:
        return True
    low = text.lower()
    return any(other != low and other.startswith(low) for other in all_texts)


def noun_at(folds: Sequence[str], i: int, shown: str, lang: str) -> bool:
    """Whether word `i` of a sentence (`shown` as written) is used as a noun there: as for
    the terms, but after le/la/les a word in -er/-ir is a noun unless a verb, a subject or
    a preposition comes first ("le fumier chauffe", not "il faut le récupérer")."""
    if _noun(folds, i, shown, _DETERMINERS.get(lang, set())):
        return True
    before, two_before = folds[i - 1] if i else "", folds[i - 2] if i > 1 else ""
    return (lang == "fr" and before in _PRONOUNS and shown[:2] not in ("l'", "d'")
            and two_before not in _BEFORE_INFINITIVE)


def _noun(folds: Sequence[str], i: int, shown: str, determiners: set[str]) -> bool:
    """A word after a determiner — but not an infinitive after a French object pronoun or
    an elided "de" ("les aider", "l'utiliser", "d'économiser")."""
    before = folds[i - 1] if i else ""
    elided = shown[:2] in ("l'", "d'")
    if not (before in determiners or elided):
        return False
    pronoun = before in _PRONOUNS or elided          # "l'utiliser", "d'économiser"
    return not (pronoun and folds[i].endswith(("er", "ir")))


def is_generic(word: str, lang: str) -> bool:
    """Too general to be a term ("fois", "moyen", "bonne"): the pack's generic_words.txt."""
    return word.lower() in _generic_words(lang)


@cache
def _generic_words(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lines(lang, "generic_words.txt"))


def _content(word: str, function_words: frozenset[str]) -> bool:
    return len(word) >= MIN_WORD and word not in function_words and word.isalpha()


def _stems(text: str, lang: str) -> set[str]:
    function_words = lexicon(lang).function_words
    out = set()
    for _, _, w in words(text):
        f = fold(base_form(w, lang))
        if f not in function_words and has_letter(f):
            out.add(form_key(f, lang))
    return out


def _key(text: str, lang: str) -> frozenset[str]:
    return frozenset(_stems(text, lang))


def _context_stems(brief: Brief, context: Sequence[str]) -> set[str]:
    lang = brief.language.value
    stems: set[str] = set()
    for text in [brief.keyword, *brief.secondary_keywords, brief.instructions, *context]:
        stems |= _stems(text, lang)
    return stems


def _in_language(texts: Iterable[str], language: Language) -> list[str]:
    """The texts written in `language` (a small model's answer may drift into another)."""
    return [t for t in texts if t.strip() and language_share(t, language) >= 0.6]

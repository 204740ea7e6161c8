"""Internal links proposed from the writer's site profile.

A page is a candidate when it is in the article's language and is not the article itself.
Its terms are looked for in the article's sentences (word forms matched like the keyphrase,
app/core/analysis/keyphrase.py); where one occurs as consecutive words, those words of the
article are the anchor — natural by construction. An anchor that contains the article's
keyphrase is never used (it would compete with the page being written: the
competing-links check). One link per page, per paragraph and per anchor; the most relevant
pages first (how many of their terms the article uses).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from app.core.analysis.facts import Sentence, block_facts
from app.core.analysis.keyphrase import Keyphrase, match_text, parse_keyphrase
from app.core.analysis.lexicon import lexicon
from app.core.analysis.markdown_blocks import Block, parse_blocks
from app.core.analysis.text import fold
from app.core.site.pages import Page, slug_of
from app.core.terms.vetting import noun_at

MIN_LINKS, MAX_LINKS = 3, 6
_HEAD = {"fr": 0, "en": -1}     # where a noun phrase's head word is (first in French)
_UNSAFE = set("[]()*_`<>|\n")
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


@dataclass(frozen=True, slots=True)
class LinkSuggestion:
    anchor: str               # the article's own words
    url: str
    href: str                 # what is written in the link (root-relative on the same site)
    title: str                # the page linked to
    start: int                # body offsets of the anchor
    end: int
    relevance: int


def suggest_links(body: str, keyword: str, lang: str, pages: Sequence[Page], *,
                  own_url: str = "", own_slug: str = "", limit: int = MAX_LINKS,
                  exclude: Collection[str] = (), topical: Collection[str] | None = None
                  ) -> list[LinkSuggestion]:
    """Up to `limit` links, in body order (fewer when fewer pages are on topic); none to the
    pages whose URL is in `exclude` (linked already). `topical`: the URLs of the pages on
    the topic of the article's keyphrase and text (app/core/site/related.py); a one-word
    anchor then links only to one of them ('plantes' said once is not about "Plantes
    aromatiques en pot"), a phrase anchor to any page."""
    kp = parse_keyphrase(keyword, lang) if keyword.strip() else None
    blocks = [b for b in parse_blocks(body) if b.kind in ("paragraph", "list_item")]
    facts = [(b, block_facts(b.text, lang).sentences) for b in blocks]
    candidates: list[tuple[int, Page]] = []
    pages = [p for p in pages if p.language == lang and not same_page(p, own_url, own_slug)]
    shared = _shared_words(pages)
    nouns = noun_folds(facts, lang)
    for page in pages:
        if page.url in exclude:
            continue
        terms = [t for t in anchor_terms(page) if " " in t or (
            t.lower() not in shared and (topical is None or page.url in topical))]
        anchors = [t for t in terms if _occurs(t, lang, facts)]
        if anchors:                      # on topic: its keyphrase or one of its words is used
            relevance = len(anchors) + sum(_occurs(t, lang, facts) for t in page.terms)
            candidates.append((relevance, dataclasses.replace(page, terms=tuple(anchors))))
    candidates.sort(key=lambda c: -c[0])
    chosen: list[LinkSuggestion] = []
    used_blocks: set[int] = set()
    used_anchors: set[str] = set()
    for relevance, page in candidates:
        if len(chosen) >= limit:
            break
        found = _anchor(page, lang, facts, used_blocks, kp, body, nouns)
        if found is not None and body[found[1]:found[2]].lower() not in used_anchors:
            block_index, start, end = found
            used_blocks.add(block_index)
            used_anchors.add(body[start:end].lower())
            chosen.append(LinkSuggestion(body[start:end], page.url, href_of(page.url, own_url),
                                         page.title, start, end, relevance))
    return sorted(chosen, key=lambda s: s.start)


def anchor_terms(page: Page) -> list[str]:
    """What may become an anchor to `page`: its phrases (keyphrases, title), then the head
    word of its main phrase ("outils" of "outils de jardinage", "shoes" of "stability
    shoes"). A page's other words ('naturelle' of "mare naturelle", 'utiliser', 'images') only
    say how related it is: as anchors they would link on words that are not its subject."""
    phrases = [t for t in page.terms if len(t.split()) >= 2]
    main = page.terms[0] if page.terms else page.title
    head = head_word(page)
    singles = [head] if len(main.split()) > 1 and head else [main] if len(main.split()) == 1 else []
    return list(dict.fromkeys([*phrases, *singles]))


def head_word(page: Page) -> str:
    """The head word of the page's main phrase: what the page is about ("outils" of
    "outils de jardinage"); empty when it has no content word of 4 letters or more."""
    main = page.terms[0] if page.terms else page.title
    function_words = lexicon(page.language).function_words
    words = [w.strip(" ,.;:'’") for w in main.split()]
    content = [w for w in words if fold(w.lower()) not in function_words and len(w) >= 4]
    return content[_HEAD.get(page.language, 0)] if content else ""


def _shared_words(pages: Sequence[Page]) -> set[str]:
    """Single words that would be anchors to several pages ('jardin'): not distinctive."""
    seen: dict[str, int] = {}
    for page in pages:
        for term in anchor_terms(page):
            if " " not in term:
                key = term.lower().removesuffix("s")
                seen[key] = seen.get(key, 0) + 1
    return {w for w, n in seen.items() if n > 1} | {w + "s" for w, n in seen.items() if n > 1}


def apply_links(body: str, suggestions: Sequence[LinkSuggestion]) -> str:
    """`body` with each accepted suggestion written as a Markdown link."""
    for s in sorted(suggestions, key=lambda s: -s.start):
        if body[s.start:s.end] == s.anchor:
            body = f"{body[:s.start]}[{s.anchor}]({s.href}){body[s.end:]}"
    return body


def same_page(page: Page, own_url: str, own_slug: str) -> bool:
    if own_url and page.url.rstrip("/") == own_url.rstrip("/"):
        return True
    return bool(own_slug) and slug_of(page.url) == own_slug.strip("/")


def linked_pages(body: str, pages: Sequence[Page], own_url: str = "") -> list[Page]:
    """The pages `body` links to already (by their URL or the root-relative link to it)."""
    hrefs = set(_LINK_TARGET.findall(body))
    return [p for p in pages if p.url in hrefs or href_of(p.url, own_url) in hrefs]


def href_of(url: str, own_url: str) -> str:
    """Root-relative when the page is on the article's site (or no site is known): such a
    link is internal for any reader of the Markdown, and for the internal-links check."""
    parts = urlsplit(url)
    own = urlsplit(own_url).netloc if own_url else ""
    if own and own != parts.netloc:
        return url
    path = parts.path or "/"
    return path + (f"?{parts.query}" if parts.query else "")


def _participle_of_noun(anchor: str, term: str) -> bool:
    """'planté' is not 'plante' (accents are folded to match titles written without them)."""
    endings = ("é", "ée", "és", "ées")
    return anchor.lower().endswith(endings) and not term.lower().endswith(endings)


def noun_folds(facts: list[tuple[Block, tuple[Sentence, ...]]], lang: str) -> set[str]:
    """The words the text uses as nouns somewhere (after a determiner: "les graines")."""
    out = set()
    for block, sentences in facts:
        for sentence in sentences:
            for i, (a, b) in enumerate(sentence.spans):
                shown = block.text[a:b].lower().replace("’", "'")
                if noun_at(sentence.folds, i, shown, lang):
                    out.add(sentence.folds[i])
    return out


def _infinitive(word: str, lang: str, nouns: set[str]) -> bool:
    """A French word in -er/-ir that the text never uses as a noun: a verb ("il suffit de
    récupérer son jus" is not about "Récupérer l'eau de pluie"); "le fumier" is a noun."""
    return lang == "fr" and word.endswith(("er", "ir")) and word not in nouns


def _occurs(term: str, lang: str, facts: list[tuple[Block, tuple[Sentence, ...]]]) -> bool:
    kp = parse_keyphrase(term, lang)
    return any(_find(kp, s) is not None for _, sentences in facts for s in sentences)


def _find(kp: Keyphrase, sentence: Sentence) -> tuple[int, int] | None:
    """Where the term is in the sentence: its words in order, else its content words, each
    itself or its plural, within a short run. A word's other forms are too loose for a link
    ('la taille des bacs' is not about 'tailler les rosiers'; 'serait' is a form of
    'serrer', not the 'serre' of "serre de jardin")."""
    if not kp.forms:
        return None
    if len(kp.forms) == 1:
        same = _same_word(kp.folds[0])
        return next(((i, i) for i, f in enumerate(sentence.folds) if f in same), None)
    return _phrase(kp.folds, sentence) or _window(tuple(_same_word(w) for w in kp.folds),
                                                  sentence)


def _in_keyphrase(window: tuple[int, int], kp: Keyphrase, sentence: Sentence) -> bool:
    """The words sit inside the sentence's keyphrase ("les semis de [tomates]"): a link
    there would cut the keyphrase in two."""
    if kp.size < 2:
        return False
    found = _window(tuple(_same_word(w) for w in kp.folds), sentence)
    return found is not None and found[0] <= window[1] and window[0] <= found[1]


def _same_word(word: str) -> frozenset[str]:
    """The word and its plural (or singular)."""
    return frozenset({word, word + "s", word + "x", word.removesuffix("s"),
                      word.removesuffix("x")})


def _window(forms: tuple[frozenset[str], ...], sentence: Sentence) -> tuple[int, int] | None:
    """Word indexes (first, last) of the shortest run of consecutive words holding one of
    `forms` for every word of the term, at most two extra words inside ('jardin' … 'de la'
    … 'ville')."""
    wanted = frozenset().union(*forms)
    folds = sentence.folds
    for i in range(len(folds)):
        if folds[i] not in wanted:
            continue
        for j in range(i, min(len(folds), i + len(forms) + 2)):
            run = set(folds[i:j + 1])
            if folds[j] in wanted and all(run & f for f in forms):
                return i, j
    return None


def _phrase(folds: tuple[str, ...], sentence: Sentence) -> tuple[int, int] | None:
    """The term word for word ('arrosage goutte à goutte', not just 'arrosage goutte')."""
    size = len(folds)
    for i in range(len(sentence.folds) - size + 1) if size > 1 else ():
        if sentence.folds[i:i + size] == folds:
            return i, i + size - 1
    return None


def _anchor(page: Page, lang: str, facts: list[tuple[Block, tuple[Sentence, ...]]],
            used_blocks: set[int], kp: Keyphrase | None, body: str, nouns: set[str]
            ) -> tuple[int, int, int] | None:
    for term in page.terms:
        kp_term = parse_keyphrase(term, lang)
        phrase = parse_keyphrase(f'"{term}"', lang).folds     # every word, in order
        for index, (block, sentences) in enumerate(facts):
            if index in used_blocks:
                continue
            for sentence in sentences:
                window = _phrase(phrase, sentence) or _find(kp_term, sentence)
                if window is None:
                    continue
                a, b = sentence.spans[window[0]][0], sentence.spans[window[1]][1]
                if any(link.start < b and a < link.end for link in block.inline.links):
                    continue
                start, end = block.to_body(a), block.to_body(b - 1) + 1
                anchor = body[start:end]
                if anchor != block.text[a:b] or _UNSAFE & set(anchor):
                    continue
                if kp is not None and (match_text(kp, anchor, lang).all_found
                                       or _in_keyphrase(window, kp, sentence)):
                    continue
                if kp_term.size == 1 and (_participle_of_noun(anchor, term)
                                          or _infinitive(sentence.folds[window[0]], lang, nouns)):
                    continue
                return index, start, end
    return None

"""Pages on the article's topic, and the "read also" line that links to them when the text
itself gave fewer than MIN_LINKS anchors (a small model's draft often names none of the
site's subjects). On topic: same language, and a content word shared with the keyphrase or
one inside the other ("compost" in "lombricomposteur"); or the page's subject is what the
text keeps talking about, or one of the writer's topic terms (related_pages). Never the
article's own page, never a page whose title holds the keyphrase (the competing-links
check)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from app.core.analysis.facts import block_facts
from app.core.analysis.keyphrase import Keyphrase, match_text, parse_keyphrase
from app.core.analysis.lexicon import lexicon
from app.core.analysis.markdown_blocks import parse_blocks
from app.core.analysis.text import base_form, fold, words
from app.core.site.links import LinkSuggestion, head_word, href_of, linked_pages, same_page
from app.core.site.pages import Page
from app.core.terms.vetting import is_generic, noun_at

MIN_LINKS = 2                  # an article should end with at least this many internal links
_MIN_INSIDE = 5                # letters of a word found inside another ("compost")


def related_pages(keyword: str, lang: str, pages: Sequence[Page], *, own_url: str = "",
                  own_slug: str = "", body: str = "", terms: Sequence[str] = ()) -> list[Page]:
    """The pages on the article's topic, the closest first. With its `body`, a page is also
    on topic when the text keeps talking about the page's subject: its head word, or two of
    its words, among the nouns the text uses at least twice ("les graines" in an article on
    "semis de tomates": "Graines anciennes"). The other articles of a batch are pages whose
    terms are their most used words, so two articles on the same things find each other
    (app/core/site/cluster.py). A page whose head word is in the writer's topic `terms`
    ("terreau" → "Terreau maison") is on topic too."""
    kp = parse_keyphrase(keyword, lang)
    mine = [w for w in kp.folds if len(w) >= _MIN_INSIDE]
    nouns = topic_nouns(body, kp, lang) if body else set()
    own = {_key(w) for w in kp.folds}
    wanted: dict[str, int] = {}              # the writer's term words, in the list's order
    for term in terms:
        for _, _, w in words(term):
            if _key(w) not in own:
                wanted.setdefault(_key(w), len(wanted))
    scored: list[tuple[int, int, str, Page]] = []
    for page in pages:
        title = page.title.lower()
        if (page.language != lang or not title or same_page(page, own_url, own_slug)
                or not kp.size or match_text(kp, title, lang).all_found):
            continue
        found = match_text(kp, " ".join([title, *page.terms]), lang).found
        inside = sum(any(w in t or t in w for w in mine)
                     for t in (fold(x) for _, _, x in words(title)) if len(t) >= _MIN_INSIDE)
        head = _key(head_word(page))
        in_text, in_terms = head in nouns, head in wanted
        shared = len(_page_keys(page) & nouns)
        if found or inside or in_text or in_terms or shared >= 2:
            score = 3 * (found + inside) + 2 * in_text + in_terms + (shared if shared >= 2 else 0)
            scored.append((-score, wanted.get(head, len(wanted)), title, page))
    return [page for *_, page in sorted(scored, key=lambda s: s[:3])]


def topic_nouns(body: str, kp: Keyphrase, lang: str, min_uses: int = 2) -> set[str]:
    """The nouns (folded, singular) the body's paragraphs use at least `min_uses` times (a word
    used after a determiner at least once: "les graines"), not the keyphrase's own words nor
    too general ones (the pack's generic_words.txt)."""
    counts: Counter[str] = Counter()
    nouns: set[str] = set()
    function_words = lexicon(lang).function_words
    for block in parse_blocks(body):
        if block.kind not in ("paragraph", "list_item"):
            continue
        for sentence in block_facts(block.text, lang).sentences:
            for i, (a, b) in enumerate(sentence.spans):
                word = sentence.folds[i]
                if len(word) < 3 or word in function_words or not word.isalpha():
                    continue
                stem = _key(word)
                counts[stem] += 1
                shown = block.text[a:b].lower().replace("’", "'")
                if noun_at(sentence.folds, i, shown, lang) and not is_generic(
                        base_form(shown, lang), lang):
                    nouns.add(stem)
    own = {_key(w) for w in kp.folds}
    return {s for s in nouns if counts[s] >= min_uses and s not in own}


def _page_keys(page: Page) -> set[str]:
    """The content words of the page's title and main terms (as _key makes them)."""
    function_words = lexicon(page.language).function_words
    out = set()
    for text in (page.title, *page.terms):
        for _, _, word in words(text):
            folded = fold(word.lower())
            if len(folded) >= 3 and folded not in function_words and not is_generic(
                    word, page.language):
                out.add(_key(folded))
    return out


def _key(word: str) -> str:
    """A word folded and without its plural ending: 'graines' is 'graine', but 'taille' is
    not 'tailler' (word forms are too loose here: "la taille" is not "Tailler les rosiers")."""
    folded = fold(word.lower())
    return folded[:-1] if len(folded) > 3 and folded.endswith(("s", "x")) else folded


def with_related(body: str, keyword: str, lang: str, pages: Sequence[Page], label: str, *,
                 cap: int, own_url: str = "", own_slug: str = "", terms: Sequence[str] = ()
                 ) -> tuple[str, list[LinkSuggestion]]:
    """`body` with a "read also" line at its end when it links to fewer than MIN_LINKS of
    `pages` (never beyond `cap` in all, never a page it links to already), and its new
    links. A line it ends with already (made when fewer pages were known: a batch links each
    article as it finishes) is made again from the pages known now; the same pages give the
    same line, so a second pass changes nothing."""
    base, before = _without_line(body, label)
    linked = linked_pages(base, pages, own_url)
    room = min(MIN_LINKS, cap) - len(linked)
    chosen = [p for p in related_pages(keyword, lang, pages, own_url=own_url, own_slug=own_slug,
                                       body=base, terms=terms)
              if p not in linked][:room] if room > 0 else []
    if not chosen:
        return (body, []) if not before else (base, [])
    text, links = with_line(base, chosen, label, own_url)
    if text == body:
        return body, []
    return text, [s for s in links if s.href not in before]


def with_line(body: str, chosen: Sequence[Page], label: str, own_url: str = ""
              ) -> tuple[str, list[LinkSuggestion]]:
    """`body` ending with a "read also" line (`label`, then a link to each of `chosen` with
    its title as the anchor), and those links."""
    text = body.rstrip("\n") + f"\n\n{label} "
    links = []
    for i, page in enumerate(chosen):
        anchor = " ".join(page.title.split()).replace("[", "(").replace("]", ")")
        href = href_of(page.url, own_url)
        text += (", " if i else "") + "["
        links.append(LinkSuggestion(anchor, page.url, href, page.title, len(text),
                                    len(text) + len(anchor), 0))
        text += f"{anchor}]({href})"
    return text + ".\n", links


def _without_line(body: str, label: str) -> tuple[str, set[str]]:
    """`body` without the "read also" line it ends with, and that line's link targets."""
    if not label:
        return body, set()
    found = re.search(r"\n\n" + re.escape(label) + r" (?:\[[^\]\n]*\]\([^)\s]*\)(?:, )?)+\.\n*\Z",
                      body)
    if found is None:
        return body, set()
    return body[:found.start()] + "\n", set(re.findall(r"\]\(([^)\s]*)\)", found.group(0)))

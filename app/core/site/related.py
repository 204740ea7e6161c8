"""Pages on the article's topic, and the "read also" line that links to them when the text
itself gave fewer than MIN_LINKS anchors (a small model's draft often names none of the
site's subjects). On topic: same language, and a content word shared with the keyphrase or
one inside the other ("compost" in "lombricomposteur"); never the article's own page, never a
page whose title holds the keyphrase (the competing-links check)."""

from __future__ import annotations

from collections.abc import Sequence

from app.core.analysis.keyphrase import match_text, parse_keyphrase
from app.core.analysis.text import fold, words
from app.core.site.links import LinkSuggestion, href_of, linked_pages, same_page
from app.core.site.pages import Page

MIN_LINKS = 2                  # an article should end with at least this many internal links
_MIN_INSIDE = 5                # letters of a word found inside another ("compost")


def related_pages(keyword: str, lang: str, pages: Sequence[Page], *, own_url: str = "",
                  own_slug: str = "") -> list[Page]:
    """The pages on the keyphrase's topic, the closest first."""
    kp = parse_keyphrase(keyword, lang)
    mine = [w for w in kp.folds if len(w) >= _MIN_INSIDE]
    scored: list[tuple[int, str, Page]] = []
    for page in pages:
        title = page.title.lower()
        if (page.language != lang or not title or same_page(page, own_url, own_slug)
                or not kp.size or match_text(kp, title, lang).all_found):
            continue
        found = match_text(kp, " ".join([title, *page.terms]), lang).found
        inside = sum(any(w in t or t in w for w in mine)
                     for t in (fold(x) for _, _, x in words(title)) if len(t) >= _MIN_INSIDE)
        if found or inside:
            scored.append((-(found + inside), title, page))
    return [page for *_, page in sorted(scored, key=lambda s: (s[0], s[1]))]


def with_related(body: str, keyword: str, lang: str, pages: Sequence[Page], label: str, *,
                 cap: int, own_url: str = "", own_slug: str = ""
                 ) -> tuple[str, list[LinkSuggestion]]:
    """`body` with a "read also" line at its end when it links to fewer than MIN_LINKS of
    `pages` (never beyond `cap` in all, never a page it links to already), and those links."""
    linked = linked_pages(body, pages, own_url)
    room = min(MIN_LINKS, cap) - len(linked)
    if room <= 0:
        return body, []
    chosen = [p for p in related_pages(keyword, lang, pages, own_url=own_url, own_slug=own_slug)
              if p not in linked][:room]
    if not chosen:
        return body, []
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

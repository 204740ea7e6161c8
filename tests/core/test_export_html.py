"""The standalone HTML page (SEO head, structured data, no external request) and the CMS fragment."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser

import pytest

from app.core.errors import InputError
from app.core.export import html as export_html
from app.core.export.html import (
    canonical_url,
    render_body,
    render_fragment,
    render_page,
    stylesheet,
)
from app.core.models import Article, FaqItem, Language

BODY = """# Réussir son potager

Un potager réussi commence par un bon sol, du soleil et un arrosage régulier bien pensé.

## Préparer le sol

Voir [notre guide](https://example.org/sol) et [la suite](#faq).

| Légume | Mois |
|:-------|-----:|
| Tomate | Mai  |

```python
print("<b>")
```

![Un potager en mai](potager.jpg)

## Préparer le sol

Deuxième section au même titre.

## FAQ

### Quand planter les tomates ?

En **mai**, après les gelées.

### Faut-il arroser ?

Oui, deux fois par semaine."""


def make_article(**changes: object) -> Article:
    values: dict[str, object] = dict(
        keyword="potager",
        language=Language.FR,
        title='Potager : le guide "complet" 🌱',
        meta_description="Tout pour réussir son potager : sol, soleil, arrosage & récolte.",
        slug="reussir-son-potager",
        body=BODY,
        secondary_keywords=("jardin",),
        faq=[
            FaqItem("Quand planter les tomates ?", "En **mai**, après les gelées."),
            FaqItem("Faut-il arroser ?", "Oui, deux fois par semaine."),
        ],
        created=dt.datetime(2026, 3, 14, 9, 26, 53, tzinfo=dt.UTC),
    )
    values.update(changes)
    return Article(**values)  # type: ignore[arg-type]


class Page(HTMLParser):
    """Collects what a crawler reads from a page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.title = ""
        self._in: str | None = None
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "title"):
            self._in = tag
            if tag == "script":
                self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)

    def meta(self, key: str) -> str | None:
        for tag, attrs in self.tags:
            if tag == "meta" and (attrs.get("name") == key or attrs.get("property") == key):
                return attrs.get("content")
        return None

    def first(self, tag: str) -> dict[str, str | None] | None:
        return next((attrs for t, attrs in self.tags if t == tag), None)

    def json_ld(self) -> list[dict[str, object]]:
        return [
            json.loads(text)
            for attrs, text in self.scripts
            if attrs.get("type") == "application/ld+json"
        ]


def test_page_head_has_every_seo_element() -> None:
    page = Page(
        render_page(make_article(), site_url="https://example.com/blog/", author="Ana Müller")
    )
    assert page.first("html") == {"lang": "fr"}
    assert page.first("meta") == {"charset": "utf-8"}
    assert page.meta("viewport") == "width=device-width, initial-scale=1"
    assert page.title == 'Potager : le guide "complet" 🌱'
    assert (
        page.meta("description")
        == "Tout pour réussir son potager : sol, soleil, arrosage & récolte."
    )
    assert page.first("link") == {
        "rel": "canonical",
        "href": "https://example.com/blog/reussir-son-potager.html",
    }
    assert page.meta("robots") == "index, follow, max-image-preview:large"
    assert page.meta("og:type") == "article"
    assert page.meta("og:locale") == "fr_FR"
    assert page.meta("og:title") == page.title
    assert page.meta("og:description") == page.meta("description")
    assert page.meta("og:url") == "https://example.com/blog/reussir-son-potager.html"
    assert page.meta("twitter:card") == "summary"
    assert page.meta("twitter:title") == page.title
    assert page.meta("author") == "Ana Müller"


def test_json_ld_article_and_faq_page() -> None:
    page = Page(render_page(make_article(), site_url="https://example.com/{slug}/", author="Ana"))
    article_ld, faq_ld = page.json_ld()
    assert article_ld["@type"] == "Article"
    assert article_ld["headline"] == 'Potager : le guide "complet" 🌱'
    assert article_ld["inLanguage"] == "fr"
    assert article_ld["datePublished"] == "2026-03-14T09:26:53+00:00"
    assert article_ld["dateModified"] == "2026-03-14T09:26:53+00:00"
    assert article_ld["author"] == {"@type": "Person", "name": "Ana"}
    assert article_ld["mainEntityOfPage"] == {
        "@type": "WebPage",
        "@id": "https://example.com/reussir-son-potager/",
    }
    assert faq_ld["@type"] == "FAQPage"
    assert faq_ld["mainEntity"][0] == {
        "@type": "Question",
        "name": "Quand planter les tomates ?",
        "acceptedAnswer": {"@type": "Answer", "text": "En mai, après les gelées."},
    }


def test_without_site_url_author_or_faq_those_parts_are_left_out() -> None:
    article = make_article(
        language=Language.EN, faq=[], body="# Growing tomatoes\n\nThey need sun."
    )
    page = Page(render_page(article))
    assert page.first("html") == {"lang": "en"}
    assert page.meta("og:locale") == "en_US"
    assert (
        page.first("link") is None and page.meta("og:url") is None and page.meta("author") is None
    )
    (only,) = page.json_ld()
    assert only["@type"] == "Article" and "author" not in only and "mainEntityOfPage" not in only


def test_draft_pages_ask_not_to_be_indexed() -> None:
    page = Page(render_page(make_article(extra={"draft": True})))
    assert page.meta("robots") == "noindex, nofollow"


def test_missing_description_and_title_fall_back_to_the_text() -> None:
    page = Page(render_page(make_article(title="", meta_description="")))
    assert page.title == "Réussir son potager"
    assert page.meta(
        "description",
    ).startswith("Un potager réussi commence par un bon sol")  # type: ignore[union-attr]


def test_page_makes_no_external_request() -> None:
    page = Page(render_page(make_article(), site_url="https://example.com/"))
    for tag, attrs in page.tags:
        assert tag not in ("iframe", "object", "embed", "video", "audio", "source")
        if tag == "link":
            assert attrs["rel"] == "canonical"  # a hint for crawlers, never fetched
        if tag in ("script", "img"):
            assert not (attrs.get("src") or "").startswith(("http:", "https:", "//"))
    text = render_page(make_article())
    assert "@import" not in text and "url(" not in stylesheet()


def test_body_has_unique_heading_ids_tables_and_code() -> None:
    html = render_body(BODY)
    assert '<h1 id="reussir-son-potager">' in html
    assert html.count('id="preparer-le-sol"') == 1 and 'id="preparer-le-sol-2"' in html
    assert '<th style="text-align:left">Légume</th>' in html
    assert '<code class="language-python">print("&lt;b&gt;")' in html
    assert '<img alt="Un potager en mai" src="potager.jpg">' in html
    assert '<a href="https://example.org/sol" rel="noopener noreferrer">notre guide</a>' in html


def test_each_conversion_is_fresh() -> None:
    first = render_body("# Same\n\n## Same")
    assert render_body("# Same\n\n## Same") == first  # no id counter leaking between documents
    assert 'id="same-2"' in first


def test_fragment_is_the_sanitised_body_without_h1_and_its_text_twin() -> None:
    fragment = render_fragment(
        make_article(body=BODY + "\n\n<script>alert(1)</script>\n\n- un\n- deux")
    )
    assert "<h1" not in fragment.html and "<script" not in fragment.html
    assert fragment.html.startswith("<p>Un potager réussi")
    assert "Voir notre guide (https://example.org/sol) et la suite." in fragment.text
    assert "Légume | Mois\nTomate | Mai" in fragment.text
    assert "- un\n- deux" in fragment.text
    assert "<" not in fragment.text.replace('print("<b>")', "")
    assert "Réussir son potager" in render_fragment(make_article(), include_h1=True).text


def test_preview_css_is_the_export_stylesheet() -> None:
    assert stylesheet() == export_html.PREVIEW_CSS
    assert "font-size" in stylesheet() and "<" not in stylesheet()
    assert stylesheet() in render_page(make_article())


@pytest.mark.parametrize(
    "bad", ["example.com", "ftp://example.com", "javascript:alert(1)", 'https://x.com/"><b>']
)
def test_site_url_must_be_a_web_address(bad: str) -> None:
    with pytest.raises(InputError) as info:
        canonical_url(bad, "slug")
    assert "https://" in info.value.hint


SPLIT_CASES = [
    BODY,
    "| a |\n|---|\n| 1 |\n\n# h\n\n| b |\n|---|\n# glued to the table\n\ntext",
    "- a\n\n- b\n\n# h\n\n    code\n\n- c\n\n## x\n```\n# not a heading\n```\n\n# after",
    "```\n# open\n\n# never closed",
    "para\n#tag\n\n#tag2\nmore",
    "> q\n\n# h\n> lazy",
    "~~~\n# in\n~~~~\n\n# x\n~~~\n\n# y",
    "# T\n\n1. one\n\n# H\n\n2. two",
    "Title\n=====\n\n# H\n\ntext  \n# glued",
    "# T\n\n[ref link][r]\n\n## Later\n\n[r]: https://example.com",
    "# T\n\n<div>\n\n## inside raw html\n\n</div>\n\n## After",
]


@pytest.mark.parametrize("text", SPLIT_CASES)
def test_section_by_section_rendering_equals_one_whole_conversion(text: str) -> None:
    from app.core.export import sanitise

    whole = sanitise.sanitise_html(sanitise._markdown().convert(text))
    assert render_body(text) == whole
    edited = text.replace("# h", "# changed", 1)
    assert render_body(edited) == sanitise.sanitise_html(sanitise._markdown().convert(edited))

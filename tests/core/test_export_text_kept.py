"""Text a writer typed reaches the exported page: prose that mentions a tag, an unclosed
<details>, pasted Markdown (nested lists, footnotes), long words on a phone, RTL text."""

from __future__ import annotations

import re

import pytest

from app.core.export.html import render_page
from app.core.models import Article, Language

SWALLOWERS = ["style", "title", "textarea", "script", "noscript", "xmp", "iframe"]


def _page(body: str) -> str:
    return render_page(Article("html tags", Language.EN, "HTML tags explained", "", "", body))


def _visible(page: str) -> str:
    body = page[page.index("<body"):]
    return re.sub(r"<[^>]+>", "", body).replace("&lt;", "<").replace("&gt;", ">")


@pytest.mark.parametrize("tag", SWALLOWERS)
def test_prose_mentioning_a_tag_keeps_the_rest_of_the_section(tag: str) -> None:
    body = (f"# Tags\n\n## Elements\n\nIn HTML, the <{tag}> element is special.\n\n"
            "The rest of this section must stay.\n\n## Next\n\nAnd the next section too.")
    visible = _visible(_page(body))
    assert f"the <{tag}> element is special" in visible
    assert "The rest of this section must stay." in visible
    assert "And the next section too." in visible


def test_a_raw_html_block_does_not_let_a_tag_mention_eat_the_article() -> None:
    body = ("# Tags\n\n<div>A raw block</div>\n\n## Elements\n\nThe <title> element names "
            "the page.\n\n## Later\n\nEverything after is kept.")
    visible = _visible(_page(body))
    assert "The <title> element names the page." in visible
    assert "Everything after is kept." in visible


def test_an_unclosed_details_does_not_fold_the_rest_of_the_page() -> None:
    page = _page("# T\n\n<details>\n\nHidden?\n\n## Later\n\nStill on the page.")
    assert "<details" not in page.split("<body", 1)[1]
    assert "Still on the page." in _visible(page)


def test_a_closed_details_still_folds() -> None:
    page = _page("# T\n\n<details><summary>More</summary>\n\nInside.\n\n</details>\n\nAfter.")
    assert "<details>" in page and "</details>" in page


def test_tags_in_code_are_shown_as_written() -> None:
    visible = _visible(_page("# T\n\nUse `<style>` here.\n\n```\n<script>x()</script>\n```"))
    assert "Use <style> here." in visible
    assert "<script>x()</script>" in visible


def test_two_space_nested_lists_stay_nested() -> None:
    page = _page("# T\n\n- Fruit\n  - Apple\n    - Gala\n- Vegetables\n")
    body = page[page.index("<body"):]
    assert re.search(r"<li>Fruit<ul>\s*<li>Apple<ul>\s*<li>Gala</li>", body), body


def test_footnotes_become_linked_notes() -> None:
    page = _page("# T\n\nA claim[^1] to source.\n\n## More\n\nText.\n\n[^1]: The source, 2024.")
    body = page[page.index("<body"):]
    assert "[^1]" not in body
    assert '<sup id="fnref:1"><a href="#fn:1"' in body
    assert '<li id="fn:1">' in body and "The source, 2024." in body


def test_long_words_and_urls_wrap_on_a_phone() -> None:
    page = _page("# T\n\nSee https://example.com/" + "a" * 300 + " for more.")
    style = page[page.index("<style"):page.index("</style>")]
    assert re.search(r"main\s*\{[^}]*overflow-wrap:\s*anywhere", style)


def test_right_to_left_paragraphs_find_their_direction() -> None:
    page = _page("# Titre\n\nUn paragraphe en français.\n\nفقرة باللغة العربية.\n\n- עברית")
    assert '<p dir="auto">فقرة باللغة العربية.</p>' in page
    assert '<li dir="auto">עברית</li>' in page


def test_a_huge_title_is_capped_in_the_head() -> None:
    title = "word " * 20_000
    page = render_page(Article("kw", Language.EN, title, "", "", "# T\n\nText."))
    head_title = page[page.index("<title>") + 7:page.index("</title>")]
    assert len(head_title) <= 200 and head_title.endswith("…")


def test_markdown_slug_is_the_html_slug() -> None:
    from app.core.export.html import canonical_url
    from app.core.export.markdown import to_markdown

    article = Article("crêpes", Language.FR, "Pâte à crêpes", "", "Pâte à Crêpes", "# T\n\nX.")
    front = to_markdown(article, "hugo").split("---")[1]
    assert 'slug: "pate-a-crepes"' in front
    assert canonical_url("https://ex.com/", "pate-a-crepes") in render_page(
        article, site_url="https://ex.com/")

"""Markdown export and re-import: what a static-site generator reads, and the round trip."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
import yaml

from app.core.errors import InputError
from app.core.export.markdown import Preset, parse_markdown, to_markdown
from app.core.models import Article, FaqItem, Language

BODY = """# Réussir son potager : le guide "complet"

Un potager réussi commence par un bon sol. Voici nos conseils pour débuter sans erreur.

## Choisir l'emplacement

Le soleil est essentiel : 6 h par jour.

---

```yaml
---
title: not front matter
---
# not a heading
```

## FAQ

### Quand planter les tomates ?

En mai, après les dernières gelées.

### Faut-il arroser tous les jours ?

Non, **deux fois par semaine** suffit.
Même en été.

## Conclusion

À vous de jouer 🌱."""

FAQ = [
    FaqItem("Quand planter les tomates ?", "En mai, après les dernières gelées."),
    FaqItem(
        "Faut-il arroser tous les jours ?", "Non, **deux fois par semaine** suffit.\nMême en été."
    ),
]


def make_article(**changes: object) -> Article:
    values: dict[str, object] = dict(
        keyword="potager",
        language=Language.FR,
        title="Potager : le guide 2026 🌱",
        meta_description='Tout pour "réussir" son potager: sol, soleil, arrosage.',
        slug="reussir-son-potager",
        body=BODY,
        secondary_keywords=("jardin", "tomates"),
        faq=list(FAQ),
        created=dt.datetime(2026, 3, 14, 9, 26, 53, tzinfo=dt.UTC),
        model="gpt-oss:20b",
        extra={},
    )
    values.update(changes)
    return Article(**values)  # type: ignore[arg-type]


FIELDS = (
    "keyword",
    "language",
    "title",
    "meta_description",
    "slug",
    "body",
    "secondary_keywords",
    "faq",
    "created",
    "extra",
)
TRICKY = [
    'He said "yes": it works',
    "L'été, c'est l'heure # pas un commentaire",
    "key: value --- not a rule",
    "Émojis 🍅🌱 et accents àéîõü œ",
    "no",
    "010",
    "10:30",
    "true",
    "null",
    "- looks like a list",
    "[looks, like, flow]",
    "{a: b}",
    "&anchor *alias !tag %directive @at `tick`",
    "back\\slash and \t tab",
    "line one\nline two",
    "  leading and trailing spaces  ",
    "\u2028separator\u0085next line\u00a0nbsp",
]


@pytest.mark.parametrize("preset", ["plain", "hugo", "jekyll", "astro"])
@pytest.mark.parametrize("tricky", TRICKY)
def test_round_trip_keeps_every_field_with_tricky_text(preset: str, tricky: str) -> None:
    article = make_article(
        title=f"Titre {tricky}",
        meta_description=tricky,
        keyword=tricky,
        secondary_keywords=(f"second {tricky}",),
        extra={"custom": tricky, "nested": {"list": [tricky, 3, True]}},
    )
    back = parse_markdown(to_markdown(article, preset))
    for name in FIELDS:
        assert getattr(back, name) == getattr(article, name), name


@pytest.mark.parametrize("preset", ["plain", "hugo", "jekyll", "astro"])
def test_round_trip_when_h1_differs_from_title_and_body_has_rules(preset: str) -> None:
    body = "# A different headline\n\nIntro.\n\n---\n\n## Part\n\nText with --- inside.\n\n---"
    article = make_article(title="SEO title", body=body, faq=[])
    back = parse_markdown(to_markdown(article, preset))
    assert (back.title, back.body, back.h1) == ("SEO title", body, "A different headline")


def test_round_trip_over_many_combinations() -> None:
    titles = ["Plain", 'Quo"ted', "Colon: here", "Émoji 🎉"]
    descriptions = ["", "Multi\nline", "---"]
    created = [
        dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        dt.datetime(2025, 6, 7, 8, 9, 10, tzinfo=dt.timezone(dt.timedelta(hours=2))),
    ]
    for preset, title, description, moment, lang in itertools.product(
        ["plain", "hugo", "jekyll", "astro"], titles, descriptions, created, Language
    ):
        article = make_article(
            title=title, meta_description=description, created=moment, language=lang
        )
        back = parse_markdown(to_markdown(article, preset))
        assert [getattr(back, f) for f in FIELDS] == [getattr(article, f) for f in FIELDS]


def test_draft_author_categories_tags_round_trip_and_are_reused() -> None:
    article = make_article()
    text = to_markdown(
        article, "hugo", draft=True, author="Ana Müller", categories=["Jardin"], tags=["sol", "eau"]
    )
    back = parse_markdown(text)
    assert back.extra == {
        "draft": True,
        "author": "Ana Müller",
        "categories": ["Jardin"],
        "tags": ["sol", "eau"],
    }
    assert to_markdown(back, "hugo") == text  # re-export without arguments keeps them


@pytest.mark.parametrize(
    ("preset", "expected_keys"),
    [
        (
            "plain",
            [
                "title",
                "description",
                "slug",
                "date",
                "lang",
                "keywords",
                "draft",
                "author",
                "model",
            ],
        ),
        (
            "hugo",
            ["title", "description", "slug", "date", "lang", "keywords", "draft", "author", "h1"],
        ),
        (
            "jekyll",
            [
                "title",
                "description",
                "slug",
                "date",
                "lang",
                "keywords",
                "published",
                "author",
                "h1",
            ],
        ),
        (
            "astro",
            [
                "title",
                "description",
                "slug",
                "pubDate",
                "lang",
                "keywords",
                "draft",
                "author",
                "h1",
            ],
        ),
    ],
)
def test_presets_use_the_key_names_each_generator_reads(
    preset: str, expected_keys: list[str]
) -> None:
    text = to_markdown(make_article(), preset, author="Ana")
    assert text.startswith("---\n")
    front, body = text[4:].split("\n---\n", 1)
    data = yaml.safe_load(front)  # a standard YAML reader understands it
    assert list(data) == expected_keys
    assert data["title"] == "Potager : le guide 2026 🌱"
    assert data["keywords"] == ["potager", "jardin", "tomates"]
    assert data[expected_keys[3]] == dt.datetime(2026, 3, 14, 9, 26, 53, tzinfo=dt.UTC)
    if preset == "plain":
        assert body.lstrip().startswith("# Réussir son potager")
    else:  # site themes print `title` as the heading: no second H1 in the content
        assert "# Réussir" not in body
        assert body.lstrip().startswith("Un potager réussi")


def test_jekyll_draft_is_published_false() -> None:
    text = to_markdown(make_article(), Preset.JEKYLL, draft=True)
    assert "published: false\n" in text and "draft:" not in text


def test_none_preset_is_the_body_alone() -> None:
    assert to_markdown(make_article(), "none") == BODY + "\n"


def test_unknown_preset_is_refused_with_the_choices() -> None:
    with pytest.raises(InputError) as info:
        to_markdown(make_article(), "wordpress")
    assert "hugo" in info.value.hint


def test_file_without_front_matter_takes_title_from_h1_and_guesses_language() -> None:
    article = parse_markdown(
        "# How to grow tomatoes\n\nThe soil is the first thing you need to fix.\n"
    )
    assert (article.title, article.slug, article.language) == (
        "How to grow tomatoes",
        "how-to-grow-tomatoes",
        Language.EN,
    )
    french = parse_markdown(
        "# Cultiver des tomates\n\nLe sol est la première chose que vous devez soigner."
    )
    assert french.language is Language.FR and french.slug == "cultiver-des-tomates"


@pytest.mark.parametrize(
    "heading",
    [
        "FAQ",
        "Questions fréquentes",
        "Foire aux questions",
        "Frequently asked questions",
        "FAQ : tout savoir",
    ],
)
def test_faq_section_is_extracted_under_any_usual_heading(heading: str) -> None:
    text = f"# T\n\nIntro.\n\n## {heading}\n\n### Q1?\n\nA1.\n\n### Q2?\n\nA2 line.\nMore.\n\n## Next\n\n### Not a question\n\nx"
    assert parse_markdown(text).faq == [FaqItem("Q1?", "A1."), FaqItem("Q2?", "A2 line.\nMore.")]


def test_headings_inside_code_blocks_are_not_faq() -> None:
    text = "# T\n\n```\n## FAQ\n### Fake?\nno\n```\n"
    assert parse_markdown(text).faq == []


def test_unknown_front_matter_keys_are_kept_and_written_back() -> None:
    text = (
        "---\ntitle: Hello\nweight: 3\nparams:\n  toc: true\naliases:\n  - /old/\nsummary: Short\n"
        "layout: post\n---\n\n# Hello\n\nBody."
    )
    article = parse_markdown(text)
    assert article.extra == {
        "weight": 3,
        "params": {"toc": True},
        "aliases": ["/old/"],
        "summary": "Short",
        "layout": "post",
    }
    again = parse_markdown(to_markdown(article, "hugo"))
    assert again.extra == article.extra


def test_hand_written_yaml_keeps_writers_words() -> None:
    text = "---\ntitle: no\nslug: 010\ndescription: 10:30\nlang: fr\ntags: [a, b]\ndate: 2024-05-01\n---\n\n# no\n"
    article = parse_markdown(text)
    assert (article.title, article.slug, article.meta_description) == ("no", "010", "10:30")
    assert article.extra["tags"] == ["a", "b"]
    assert article.created == dt.datetime(2024, 5, 1, tzinfo=dt.UTC)


def test_hugo_toml_front_matter_is_read() -> None:
    text = '+++\ntitle = "Bonjour"\ndescription = "Une page"\ndraft = true\nkeywords = ["a", "b"]\n+++\n\nTexte.'
    article = parse_markdown(text)
    assert (article.title, article.meta_description, article.keyword) == (
        "Bonjour",
        "Une page",
        "a",
    )
    assert article.extra == {"draft": True}
    assert article.body.startswith("# Bonjour\n\nTexte.")


def test_broken_front_matter_is_a_clear_error_not_body_text() -> None:
    with pytest.raises(InputError) as info:
        parse_markdown("---\ntitle: [unclosed\n---\n\n# T\n")
    assert "front matter" in info.value.message and "line" in info.value.message
    assert "quotes" in info.value.hint


def test_yaml_alias_bombs_are_refused() -> None:
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    bomb += "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\n# T\n"
    with pytest.raises(InputError) as info:
        parse_markdown(bomb)
    assert "line 3" in info.value.message


def test_windows_line_endings_and_bom_are_accepted() -> None:
    text = '\ufeff---\r\ntitle: "Hi"\r\nlang: en\r\n---\r\n\r\n# Hi\r\n\r\nText.\r\n'
    article = parse_markdown(text)
    assert (article.title, article.body, article.language) == ("Hi", "# Hi\n\nText.", Language.EN)

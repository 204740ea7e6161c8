"""A page of the writer's site, and its main terms computed locally from its text."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from app.core.analysis.facts import block_facts
from app.core.analysis.forms import form_key
from app.core.analysis.lexicon import lexicon
from app.core.analysis.markdown_blocks import parse_blocks
from app.core.models import Article

MAX_TERMS = 8


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    title: str
    language: str
    terms: tuple[str, ...]            # most specific first: keyphrases, then frequent words
    source: str = ""                  # "sitemap", "folder", "library", "batch"


def slug_of(url: str) -> str:
    path = unquote(urlsplit(url).path).rstrip("/")
    last = path.rsplit("/", 1)[-1]
    return last.rsplit(".", 1)[0] if "." in last else last


def title_from_url(url: str) -> str:
    """'…/compost-en-appartement/' → 'Compost en appartement' (sitemaps carry no titles)."""
    words = slug_of(url).replace("_", "-").split("-")
    text = " ".join(w for w in words if w and not w.isdigit())
    return text[:1].upper() + text[1:]


def article_terms(article: Article, lang: str) -> tuple[str, ...]:
    """The article's keyphrases, then its most frequent content words (≥ 3 uses)."""
    terms = [article.keyword, *article.secondary_keywords]
    function_words = lexicon(lang).function_words
    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    for block in parse_blocks(article.body):
        for sentence in block_facts(block.text, lang).sentences:
            for fold, (a, b) in zip(sentence.folds, sentence.spans, strict=True):
                if len(fold) > 3 and fold not in function_words and not fold.isdigit():
                    stem = form_key(fold, lang)
                    counts[stem] += 1
                    surface.setdefault(stem, block.text[a:b].lower())
    terms += [surface[s] for s, n in counts.most_common(MAX_TERMS) if n >= 3]
    return unique_terms(terms)


def url_terms(url: str, title: str, lang: str) -> tuple[str, ...]:
    """A sitemap page's terms: its title (or slug) as a phrase, then its content words."""
    function_words = lexicon(lang).function_words
    words = [w for w in title.lower().split() if len(w) > 3 and w not in function_words]
    return unique_terms([title.lower(), *words])


def unique_terms(terms: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for term in terms:
        text = " ".join(term.split()).strip(" .,;:")
        if text and text.lower() not in seen:
            seen[text.lower()] = text
    return tuple(seen.values())[:MAX_TERMS]

"""Readability and SEO analysis of an article, in any installed language pack.

    analyze(article, site_url=..., previous_keyphrases=None) -> Report
    Analyzer().analyze(...)   # keeps per-paragraph caches: one per editor/thread
    message(check, lang), check_title(check_id, lang)   # the words, per language pack
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from app.core.analysis.analyzer import Analyzer
from app.core.analysis.report import CheckResult, Group, Report, Snippet, Span, Status
from app.core.models import Article

if TYPE_CHECKING:
    from app.core.analysis.article_reader import parse_html_article
    from app.core.analysis.messages import check_title, message

__all__ = [
    "Analyzer", "CheckResult", "Group", "Report", "Snippet", "Span", "Status",
    "analyze", "check_title", "message", "parse_html_article",
]

_local = threading.local()


def analyze(
    article: Article, *, site_url: str | None = None,
    previous_keyphrases: Sequence[str] | None = None,
) -> Report:
    """Score an article (uses this thread's own Analyzer, so repeated calls stay fast).

    `previous_keyphrases`: the other articles' keyphrases of the project; None when unknown
    (then "previously used keyphrase" is shown as unknown and left out of the score).
    """
    analyzer = getattr(_local, "analyzer", None)
    if analyzer is None:
        analyzer = _local.analyzer = Analyzer()
    return analyzer.analyze(article, site_url=site_url, previous_keyphrases=previous_keyphrases)


_LAZY = {"parse_html_article": "article_reader", "check_title": "messages", "message": "messages"}


def __getattr__(name: str) -> Any:
    """The HTML reader and the message table load on first use: the first analysis needs neither."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f"{__name__}.{module}"), name)

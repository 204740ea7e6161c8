"""Readability and SEO analysis of an article, in any installed language pack.

    analyze(article, site_url=..., previous_keyphrases=...) -> Report
    Analyzer().analyze(...)   # keeps per-paragraph caches: one per editor/thread
    message(check, lang), check_title(check_id, lang)   # the words, per language pack
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from app.core.analysis.analyzer import Analyzer
from app.core.analysis.article_reader import parse_html_article
from app.core.analysis.messages import check_title, message
from app.core.analysis.report import CheckResult, Group, Report, Snippet, Span, Status
from app.core.models import Article

__all__ = [
    "Analyzer", "CheckResult", "Group", "Report", "Snippet", "Span", "Status",
    "analyze", "check_title", "message", "parse_html_article",
]

_local = threading.local()


def analyze(
    article: Article, *, site_url: str | None = None, previous_keyphrases: Sequence[str] = ()
) -> Report:
    """Score an article (uses this thread's own Analyzer, so repeated calls stay fast)."""
    analyzer = getattr(_local, "analyzer", None)
    if analyzer is None:
        analyzer = _local.analyzer = Analyzer()
    return analyzer.analyze(article, site_url=site_url, previous_keyphrases=previous_keyphrases)

"""Stop during the self-review of a full run (the path `plume generate` and the app use):
the stream is closed at once and the run still ends with the best version reached."""

from __future__ import annotations

import threading

from app.core.cancel import CancelToken
from app.core.generation.events import (
    ArticleReady,
    Failed,
    Phase,
    PhaseStarted,
    PlanReady,
    ReviewReady,
    TextDelta,
)
from app.core.generation.pipeline import ArticleGenerator
from app.core.llm.client import OllamaService
from app.core.models import Brief
from app.core.review.generator import ReviewingGenerator
from tests.fake_ollama.sloppy import CLICHES, StallingReviser

MODEL = "qwen3:8b"


def test_stop_mid_revision_ends_the_run_with_the_draft_plus_the_fixes_kept(fake_ollama):
    model = StallingReviser(stall_at=2, sloppy_prose_calls=4)
    fake_ollama.on_model(MODEL, model)
    cancel = CancelToken()
    threading.Thread(target=lambda: model.stalled.wait(60) and cancel.cancel(), daemon=True).start()
    with OllamaService(fake_ollama.url, read_timeout=60) as service:
        generator = ReviewingGenerator(ArticleGenerator(service, MODEL, think=False))
        brief = Brief(keyword="home composting", target_words=600)
        plan = next(e.plan for e in generator.plan(brief) if isinstance(e, PlanReady))
        events = list(generator.write(brief, plan, cancel))
    assert fake_ollama.wait_for_disconnect(timeout=5)[0].path == "/api/chat"
    assert model.revisions == 2, "nothing is asked after Stop"
    assert not any(isinstance(e, Failed) for e in events)
    review_at = next(i for i, e in enumerate(events)
                     if isinstance(e, PhaseStarted) and e.phase is Phase.REVIEW)
    assert not any(isinstance(e, TextDelta) for e in events[review_at:])
    ready, final = events[-2], events[-1]
    assert isinstance(ready, ReviewReady) and isinstance(final, ArticleReady)
    result = ready.result
    assert result.stopped and final.article == result.article
    draft = "".join(e.text for e in events[:review_at] if isinstance(e, TextDelta))
    assert CLICHES["en"].strip() in draft
    revised = [f for f in result.fixes if f.by_model]
    assert len(revised) == 1, "the first revision is kept, the stalled one is not"
    assert "Half of a revision" not in result.article.body
    assert result.article.body != result.original.body
    assert 121 <= len(result.article.meta_description) <= 156       # rule fix kept
    assert result.revert(revised[0].id).body != result.article.body  # still undoable
    assert result.article_without(f.id for f in result.fixes).body == result.original.body

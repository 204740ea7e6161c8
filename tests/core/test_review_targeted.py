""""Ask the model" for one check: only the section concerned is revised, and the revision
is kept only when the article scores better (the fake server's sloppy model)."""

from __future__ import annotations

import pytest

from app.core.analysis.report import Status
from app.core.llm.client import OllamaService
from app.core.review.model_reviser import ModelSectionReviser
from app.core.review.targeted import revise_for_check
from tests.core.test_review import MODEL, sloppy_draft
from tests.fake_ollama.sloppy import SloppyModel, sloppy_paragraph


@pytest.fixture
def service(fake_ollama):
    with OllamaService(fake_ollama.url, read_timeout=10) as svc:
        yield svc


def test_one_check_revises_one_section_and_turns_green(fake_ollama, service):
    fake_ollama.on_model(MODEL, SloppyModel())
    draft = sloppy_draft()
    result = revise_for_check(draft, "ai_cliches",
                              ModelSectionReviser(service, MODEL, think=False))
    assert len(fake_ollama.bodies()) == 1                       # one section asked about
    assert [f.section for f in result.fixes] == [1]
    assert result.after.by_id("ai_cliches").status is Status.GOOD
    assert result.article.meta_description == draft.meta_description   # nothing else touched
    assert result.article.slug == draft.slug
    assert result.after.seo_score >= result.before.seo_score


def test_a_worse_revision_is_not_kept(fake_ollama, service):
    fake_ollama.on_model(MODEL, SloppyModel(worsen=True))
    draft = sloppy_draft()
    result = revise_for_check(draft, "paragraph_length",
                              ModelSectionReviser(service, MODEL, think=False))
    assert fake_ollama.bodies()
    assert result.fixes == [] and result.rejected
    assert result.article == draft
    assert sloppy_paragraph("en") in result.article.body

"""The whole flow on a real model: every keyword ends as a well-formed article, in bounded
time, in its language, with nothing of the prompt in it (see tests/real/conftest.py)."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.core.analysis.language import language_share
from app.core.generation.events import ArticleReady, Metrics
from app.core.generation.pipeline import ArticleGenerator
from app.core.llm.service import open_service
from app.core.models import Brief, Language

ROOT = Path(__file__).resolve().parents[2]
ECHOES = ("Main keyword", "Mot-clé principal", "Section to write", "Section à rédiger",
          "You are an experienced", "Vous êtes un rédacteur", "Points to cover", "Points à traiter")


def paragraphs(body: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", body) if p.strip() and not p.lstrip().startswith("#")]


@pytest.mark.parametrize("keyword,lang,words", [("compost maison", "fr", 300),
                                                ("standing desk", "en", 300)])
@pytest.mark.timeout(300)
def test_a_keyword_ends_as_a_well_formed_article(real_host, real_model, keyword, lang, words):
    service = open_service(real_host)  # an `openai:` host tests the OpenAI backend
    brief = Brief(keyword, Language(lang), target_words=words)
    started = time.monotonic()
    events = list(ArticleGenerator(service, real_model, seed=7).generate(brief))
    elapsed = time.monotonic() - started
    assert isinstance(events[-1], ArticleReady), events[-1]
    article = events[-1].article
    lines = article.body.splitlines()
    assert sum(x.startswith("# ") for x in lines) == 1
    assert sum(x.startswith("## ") for x in lines) >= 3
    assert 120 <= len(article.meta_description) <= 156
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", article.slug)
    assert not any(echo in article.body for echo in ECHOES)
    paras = paragraphs(article.body)
    assert sum(language_share(p, brief.language) >= 0.5 for p in paras) >= 0.8 * len(paras)
    tokens = sum(e.output_tokens for e in events if isinstance(e, Metrics))
    assert tokens < words * 12           # bounded: no step ran to the end of the window
    assert elapsed < 240


@pytest.mark.timeout(900)
def test_plume_batch_on_the_real_model_writes_every_keyword(real_host, real_model, tmp_path):
    keywords = tmp_path / "keywords.txt"
    keywords.write_text("compost maison\npâte à crêpes\n", encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "app", "batch", str(keywords), "--host", real_host,
                           "--model", real_model, "--lang", "fr", "--words", "300", "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    assert len(list(out.glob("*.md"))) == 2

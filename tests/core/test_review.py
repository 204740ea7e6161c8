"""The self-review loop against the real analysis, with the fake server's "sloppy model"."""

from __future__ import annotations

import json
import re
import threading

import pytest

from app.core.analysis.report import Status
from app.core.cancel import CancelToken
from app.core.generation.events import (
    ArticleReady,
    Failed,
    Notice,
    Phase,
    PhaseStarted,
    ReviewReady,
)
from app.core.llm.client import OllamaService
from app.core.models import Article, Language
from app.core.review import ReviewLimits, ReviewResult, good_share, review_article, with_review
from app.core.review.model_reviser import ModelSectionReviser
from tests.fake_ollama.sloppy import CLICHES, SloppyModel, sloppy_paragraph

MODEL = "qwen3:8b"
GOOD_SECTION = (
    "A compost bin needs greens and browns in equal parts. However, most people add too much "
    "kitchen waste. Therefore, keep a bag of dry leaves next to the bin. For example, one bucket "
    "of peelings calls for one bucket of leaves. Then turn the heap every two weeks.\n\n"
    "Home composting also needs air. In addition, a lid keeps rain out. As a result, the heap "
    "stays warm and works faster. Finally, check the moisture once a week with your hand.\n")
GOOD_SECTION_FR = (
    "Un bac à compost demande autant de déchets verts que de déchets bruns. Cependant, la "
    "plupart des foyers ajoutent trop d'épluchures. Donc, gardez un sac de feuilles sèches près "
    "du bac. Par exemple, un seau d'épluchures appelle un seau de feuilles. Ensuite, retournez "
    "le tas toutes les deux semaines.\n\n"
    "Le compost maison a aussi besoin d'air. De plus, un couvercle protège de la pluie. Ainsi, "
    "le tas reste chaud et travaille plus vite. Enfin, vérifiez l'humidité chaque semaine.\n")


def sloppy_draft(language: str = "en") -> Article:
    """The article a sloppy model hands over: meta of ~200 characters, a slug and title
    that miss the keyphrase, an introduction without it, a 260-word paragraph with a cliché."""
    return Article(
        keyword="home composting", language=Language(language),
        title="The Practical Guide for Beginners",
        meta_description=SloppyModel.long_meta(language),
        slug="practical-guide",
        body=("# Home composting made simple\n\n"
              "Kitchen scraps and garden waste can feed your soil for free. Here is how to start.\n\n"
              "## Why home composting pays off\n\n"
              + sloppy_paragraph(language) + "\n\n"
              "## Setting up your home composting bin\n\n" + GOOD_SECTION + "\n"
              "## Home composting mistakes to avoid\n\n" + GOOD_SECTION.replace("bin", "heap")
              + "\n## What to put in the bin\n\n" + GOOD_SECTION.replace("bin", "box")))


@pytest.fixture
def service(fake_ollama):
    with OllamaService(fake_ollama.url, read_timeout=10) as svc:
        yield svc


def run(article: Article, **kwargs) -> tuple[list, ReviewResult]:
    events = list(review_article(article, **kwargs))
    ready = [e for e in events if isinstance(e, ReviewReady)]
    assert len(ready) == 1 and isinstance(events[-1], ArticleReady)
    assert events[-1].article == ready[0].result.article
    return events, ready[0].result


def status(result: ReviewResult, check: str) -> tuple[Status, Status]:
    return result.before.by_id(check).status, result.after.by_id(check).status


def test_rule_fixes_repair_meta_title_slug_and_introduction_without_a_model():
    events, result = run(sloppy_draft())
    assert isinstance(events[0], PhaseStarted) and events[0].phase is Phase.REVIEW
    for check in ("meta_description_length", "keyphrase_in_introduction", "keyphrase_in_slug",
                  "keyphrase_in_title", "keyphrase_in_meta_description"):
        before, after = status(result, check)
        assert before is not Status.GOOD and after is Status.GOOD, check
    assert 121 <= len(result.article.meta_description) <= 156
    assert result.article.slug == "home-composting"
    assert result.after.seo_score > result.before.seo_score
    assert not any(f.by_model for f in result.fixes)


def test_sloppy_model_mistakes_are_fixed_by_model_revisions(fake_ollama, service):
    sloppy = SloppyModel()
    fake_ollama.on_model(MODEL, sloppy)
    reviser = ModelSectionReviser(service, MODEL, think=False)
    events, result = run(sloppy_draft(), reviser=reviser)
    assert status(result, "paragraph_length") == (Status.BAD, Status.GOOD)
    assert status(result, "ai_cliches")[1] is Status.GOOD
    assert CLICHES["en"].strip(", ") not in result.article.body
    revised = [f for f in result.fixes if f.by_model]
    assert revised and revised[0].section == 1
    assert "## Why home composting pays off\n" in result.article.body, "heading kept"
    prompt = fake_ollama.bodies()[0]["messages"][1]["content"]
    assert "Split the paragraph" in prompt and "stock phrases" in prompt
    assert result.after.readability_score >= result.before.readability_score
    assert good_share(result.after) > good_share(result.before)
    assert any(isinstance(e, Notice) and e.code == "review.revision_kept" for e in events)


def test_revision_that_worsens_the_score_is_discarded(fake_ollama, service):
    fake_ollama.on_model(MODEL, SloppyModel(worsen=True))
    draft = sloppy_draft()
    _, result = run(draft, reviser=ModelSectionReviser(service, MODEL, think=False))
    assert fake_ollama.bodies(), "the model was asked"
    assert not any(f.by_model for f in result.fixes)
    assert result.rejected and {r.reason for r in result.rejected if r.fix.by_model} == {"score_worse"}
    assert sloppy_paragraph("en") in result.article.body, "the section is left as drafted"
    assert result.after.readability_score >= result.before.readability_score


def test_rounds_and_sections_are_bounded(fake_ollama, service):
    fake_ollama.on_model(MODEL, SloppyModel(worsen=True))
    limits = ReviewLimits(max_rounds=2, max_sections_per_round=1)
    _, result = run(sloppy_draft(), reviser=ModelSectionReviser(service, MODEL, think=False),
                    limits=limits)
    assert len(fake_ollama.bodies()) <= 2
    assert result.rounds <= 2


def test_token_budget_stops_further_revisions(fake_ollama, service):
    fake_ollama.on_model(MODEL, SloppyModel())
    draft = sloppy_draft()
    draft.body = draft.body.replace(GOOD_SECTION.replace("bin", "box"), sloppy_paragraph("en"))
    limits = ReviewLimits(max_rounds=3, max_sections_per_round=4, token_budget=1)
    _, result = run(draft, reviser=ModelSectionReviser(service, MODEL, think=False),
                    limits=limits)
    assert len(fake_ollama.bodies()) == 1
    assert ("review.budget_spent", {"tokens": result.output_tokens}) in result.notices


def test_stop_ends_the_review_at_once_and_keeps_the_best_version(fake_ollama, service):
    fake_ollama.on_model(MODEL, SloppyModel())
    fake_ollama.set_delay(0.05)                   # a slow model: the revision is mid-stream
    cancel = CancelToken()
    events = []
    for event in review_article(sloppy_draft(), cancel=cancel,
                                reviser=ModelSectionReviser(service, MODEL, think=False)):
        events.append(event)
        if isinstance(event, PhaseStarted) and event.index == 1:
            threading.Timer(0.2, cancel.cancel).start()
    fake_ollama.wait_for_disconnect(timeout=3)     # the stream was closed, Ollama stops
    result = next(e.result for e in events if isinstance(e, ReviewReady))
    assert result.stopped
    assert isinstance(events[-1], ArticleReady) and not any(isinstance(e, Failed) for e in events)
    assert result.article.slug == "home-composting", "rule fixes made before Stop are kept"
    assert not any(f.by_model for f in result.fixes)
    assert len(fake_ollama.bodies()) == 1


def test_each_fix_can_be_undone_alone():
    _, result = run(sloppy_draft())
    meta = result.fix("meta_description")
    undone = result.revert("meta_description")
    assert undone.meta_description == meta.before
    assert undone.slug == result.article.slug and undone.title == result.article.title
    intro = result.fix("intro")
    without_intro = result.revert(intro.id)
    assert intro.params["sentence"] not in without_intro.body
    assert without_intro.meta_description == result.article.meta_description
    assert result.article_without([f.id for f in result.fixes]) == result.original
    with pytest.raises(KeyError):
        result.revert("no-such-fix")


def test_section_diffs_show_what_changed():
    _, result = run(sloppy_draft())
    diffs = result.section_diffs()
    assert [d.index for d in diffs] == [0]
    assert "+" in diffs[0].diff and "home composting" in diffs[0].diff.lower()


def test_french_article_gets_french_typography():
    draft = sloppy_draft("fr")
    draft.keyword = "compost maison"
    draft.body = draft.body.replace("Here is how to start.", "Voici l'essentiel: commencer!")
    _, result = run(draft)
    assert "Voici l’essentiel\u00a0: commencer\u202f!" in result.article.body
    assert any(f.code == "review.typography.fixed" for f in result.fixes)


def test_with_review_replaces_the_article_of_a_run_and_can_be_switched_off():
    draft = sloppy_draft()
    run_events = [PhaseStarted(Phase.PLAN), ArticleReady(draft)]
    reviewed = list(with_review(iter(run_events)))
    assert isinstance(reviewed[-1], ArticleReady) and reviewed[-1].article != draft
    assert any(isinstance(e, ReviewReady) for e in reviewed)
    assert list(with_review(iter(run_events), enabled=False)) == run_events
    failed = [PhaseStarted(Phase.PLAN), Failed(error=Exception("x"), partial=draft)]  # type: ignore[arg-type]
    assert list(with_review(iter(failed))) == failed


def test_model_failure_keeps_rule_fixes_and_asks_no_more(fake_ollama, service):
    from tests.fake_ollama import Fail

    fake_ollama.on_model(MODEL, Fail(500, "model runner has unexpectedly stopped"))
    draft = sloppy_draft()
    draft.body = draft.body.replace(GOOD_SECTION.replace("bin", "box"), sloppy_paragraph("en"))
    events, result = run(draft, reviser=ModelSectionReviser(service, MODEL, think=False))
    assert len(fake_ollama.bodies()) == 1, "one failure is enough to stop asking"
    assert any(isinstance(e, Notice) and e.code == "review.revision_failed" for e in events)
    assert result.article.slug == "home-composting"
    assert result.article.body.count(sloppy_paragraph("en")) == 2


@pytest.mark.parametrize("language,keyword", [("en", "home composting"), ("fr", "compost maison")])
def test_engine_draft_of_the_sloppy_model_comes_out_fixed(fake_ollama, service, language, keyword):
    """The whole path: ArticleGenerator drafts with the sloppy model, the review repairs it."""
    from app.core.generation.pipeline import ArticleGenerator
    from app.core.models import Brief

    fake_ollama.on_model(MODEL, SloppyModel())
    generator = ArticleGenerator(service, MODEL, think=False)
    brief = Brief(keyword=keyword, language=Language(language), target_words=900)
    events = list(with_review(generator.generate(brief),
                              reviser=ModelSectionReviser.for_generator(generator)))
    result = next(e.result for e in events if isinstance(e, ReviewReady))
    assert isinstance(events[-1], ArticleReady) and events[-1].article == result.article
    assert CLICHES[language].strip(", ") in result.original.body, "the draft had the mistakes"
    for check in ("keyphrase_in_introduction", "paragraph_length", "ai_cliches",
                  "keyphrase_in_meta_description", "meta_description_length"):
        assert result.after.by_id(check).status is Status.GOOD, check
    if language == "fr":
        assert result.after.by_id("french_typography").status is Status.GOOD
    assert good_share(result.after) > good_share(result.before)
    assert result.after.seo_score >= result.before.seo_score
    assert result.after.readability_score >= result.before.readability_score
    windows = {body["options"]["num_ctx"] for body in fake_ollama.bodies()}
    assert windows == {generator.num_ctx}, "the review never makes Ollama reload the model"


def test_summary_for_the_cli_and_batch_reports_scores_and_fixes():
    from app.core.review.messages import summary_lines

    _, result = run(sloppy_draft())
    lines = summary_lines(result)
    seo_b, seo_a = result.before.seo_score, result.after.seo_score
    assert lines[0].startswith(f"Self-review: SEO {seo_b} → {seo_a}")
    assert len(lines) == 1 + len(result.fixes) + len(result.rejected)
    assert any("Meta description rewritten" in line for line in lines)
    record = result.summary()
    assert (record["seo_before"], record["seo_after"]) == (seo_b, seo_a)
    assert [f["id"] for f in record["fixes"]] == [f.id for f in result.fixes]


def test_batch_review_keeps_the_file_name_and_records_scores(fake_ollama, service):
    from app.core.review.batch import SUMMARY_COLUMNS, review_with_summary

    fake_ollama.on_model(MODEL, SloppyModel())
    draft = sloppy_draft()
    reviewed, record = review_with_summary(draft, None, service, MODEL, CancelToken(), think=False)
    assert reviewed.slug == draft.slug, "batch file names never change"
    assert "Split the paragraph" in fake_ollama.bodies()[0]["messages"][1]["content"]
    assert all(isinstance(record[c], int) for c in SUMMARY_COLUMNS)
    assert record["good_after"] > record["good_before"]
    assert sloppy_paragraph("en") not in reviewed.body


def test_reviewing_generator_reviews_full_runs_only(fake_ollama, service):
    from app.core.generation.events import PlanReady, SectionDone
    from app.core.generation.pipeline import ArticleGenerator
    from app.core.models import Brief
    from app.core.review.generator import ReviewingGenerator

    fake_ollama.on_model(MODEL, SloppyModel())
    generator = ReviewingGenerator(ArticleGenerator(service, MODEL, think=False))
    brief = Brief(keyword="home composting", target_words=600)
    plan = next(e.plan for e in generator.plan(brief) if isinstance(e, PlanReady))
    written = list(generator.write(brief, plan))
    assert [type(e).__name__ for e in written[-2:]] == ["ReviewReady", "ArticleReady"]
    assert written[-1].article == written[-2].result.article
    section = list(generator.write_section(brief, plan, 1, ""))
    assert isinstance(section[-1], SectionDone) and not any(isinstance(e, ReviewReady) for e in section)
    off = ReviewingGenerator(ArticleGenerator(service, MODEL, think=False), enabled=False)
    assert not any(isinstance(e, ReviewReady) for e in off.write(brief, plan))
    assert generator.model == MODEL


def test_cli_generate_reviews_by_default_and_no_review_skips_it(fake_ollama, tmp_path):
    from tests.core.test_cli_generate import plume

    def generate(folder: str, *extra: str):
        fake_ollama.on_model(MODEL, SloppyModel())
        result = plume("generate", "home composting", "--model", MODEL, "--words", "600",
                       "--think", "off", "--host", fake_ollama.url, "--out", str(tmp_path / folder),
                       "--quiet", *extra, tmp_path=tmp_path)
        assert result.returncode == 0, result.stderr
        return result.stderr, (tmp_path / folder / "home-composting.md").read_text(encoding="utf-8")

    stderr, text = generate("reviewed")
    assert "Self-review: SEO" in stderr and "checks good" in stderr
    assert "+ Keyphrase added to the introduction" in stderr
    assert "fast-paced world" not in text and "Home composting: here is what" in text
    stderr, text = generate("draft", "--no-review")
    assert "Self-review" not in stderr
    assert "fast-paced world" in text


def test_revision_in_the_wrong_language_is_discarded(fake_ollama, service):
    from tests.fake_ollama import Generate

    english = ("Home composting is simple. Keep greens and browns balanced.\n\n"
               "However, turn the heap every two weeks. For example, add dry leaves after "
               "each bucket of peelings. ") * 9
    fake_ollama.on_model(MODEL, Generate(content=english))
    draft = sloppy_draft("fr")
    draft.keyword = "compost maison"
    draft.body = draft.body.replace(GOOD_SECTION, GOOD_SECTION_FR)
    _, result = run(draft, reviser=ModelSectionReviser(service, MODEL, think=False))
    assert fake_ollama.bodies(), "the model was asked"
    assert "Home composting is simple" not in result.article.body
    assert "wrong_language" in {r.reason for r in result.rejected if r.fix.by_model}


def test_a_whole_section_can_be_reverted(fake_ollama, service):
    fake_ollama.on_model(MODEL, SloppyModel())
    _, result = run(sloppy_draft(), reviser=ModelSectionReviser(service, MODEL, think=False))
    revised = next(f for f in result.fixes if f.by_model)
    back = result.revert_section(revised.section)
    assert sloppy_paragraph("en") in back.body
    assert back.slug == result.article.slug and back.meta_description == result.article.meta_description


def test_undoing_a_rule_fix_keeps_the_model_revision_made_on_top_of_it(fake_ollama, service):
    from app.core.generation.pipeline import ArticleGenerator
    from app.core.models import Brief, BriefOptions
    from app.core.review.generator import ReviewingGenerator

    fake_ollama.on_model(MODEL, SloppyModel())
    generator = ReviewingGenerator(ArticleGenerator(service, MODEL, think=False))
    brief = Brief(keyword="home composting", target_words=1500, options=BriefOptions(faq=False))
    result = next(e.result for e in generator.generate(brief) if isinstance(e, ReviewReady))
    revision = next(f for f in result.fixes if f.by_model)
    intro = result.fix("intro")
    assert revision.section == intro.section == 0, "the revision was made on top of the rule fix"
    prompts = [b["messages"][-1]["content"] for b in fake_ollama.bodies() if "<<<SECTION" in
               json.dumps(b, ensure_ascii=False)]
    assert any("Keep the keyphrase “home composting” in the first paragraph" in p for p in prompts)
    undone = result.revert("intro")
    assert intro.params["sentence"] not in undone.body
    assert CLICHES["en"].strip(", ") not in undone.body, "the model's revision is kept"
    assert undone.meta_description == result.article.meta_description
    introduction = undone.body.split("\n## ")[0].split("\n", 1)[1].strip()
    assert "\n\n" in introduction, "and its paragraph split"


def test_reviser_without_a_window_uses_the_one_the_model_is_loaded_with(fake_ollama, service):
    from app.core.review.batch import review_with_summary

    fake_ollama.on_model(MODEL, SloppyModel())
    list(service.chat_stream(MODEL, [{"role": "user", "content": "hi"}],
                             options={"num_ctx": 12288}, think=False))   # the draft's window
    review_with_summary(sloppy_draft(), None, service, MODEL, CancelToken(), think=False)
    windows = [b["options"]["num_ctx"] for b in fake_ollama.bodies()]
    assert len(windows) >= 2 and set(windows) == {12288}, "no reload for the review"


class TermAddingModel:
    """Revises like the sloppy model, and where it is asked to use a term, adds one sentence
    with it at the end of the section (as a decent model does)."""

    _ASK = re.compile(r"Use the term “([^”]+)”")

    def __init__(self) -> None:
        self.sloppy = SloppyModel()
        self.asked: list[tuple[str, str]] = []          # (term, the section's text)

    def __call__(self, req):
        from tests.fake_ollama import Generate
        from tests.fake_ollama.sloppy import _SECTION
        from tests.fake_ollama.writer import prompt_text

        text = prompt_text(req.body)
        asked = self._ASK.findall(text)
        section = _SECTION.search(text)
        if not asked or section is None:
            return self.sloppy(req)
        self.asked += [(term, section.group(1)) for term in asked]
        added = " ".join(f"A {term} helps here." for term in asked)
        return Generate(content=[section.group(1).rstrip() + " " + added + "\n"])


def test_the_review_adds_a_missing_term_in_the_section_about_it(fake_ollama, service):
    model = TermAddingModel()
    fake_ollama.on_model(MODEL, model)
    draft = sloppy_draft()
    terms = ("kitchen waste", "worm bin", "wooden box")   # the first is in the draft already
    _, result = run(draft, reviser=ModelSectionReviser(service, MODEL, think=False), terms=terms)
    body = result.article.body
    # Both missing terms were asked for, each in a section that speaks of its thing.
    assert sorted(t for t, _ in model.asked) == ["wooden box", "worm bin"]
    assert all(term.split()[-1] in section for term, section in model.asked)
    assert "A wooden box helps here." in body and "A worm bin helps here." in body
    kept = [f for f in result.fixes if f.by_model and "topic_terms" in f.params["checks"]]
    assert kept, "a revision that only adds a term is kept when it scores no worse"
    assert result.after.seo_score >= result.before.seo_score
    # Without terms the same draft gets no such request.
    model.asked.clear()
    run(draft, reviser=ModelSectionReviser(service, MODEL, think=False))
    assert model.asked == []

"""The pipeline end to end against the fake Ollama (default writer unless scripted)."""

from __future__ import annotations

import json

import pytest

from app.core.cancel import CancelToken
from app.core.errors import Cancelled, ContextTooSmall, GenerationError
from app.core.generation.events import (
    ArticleReady,
    Failed,
    FaqReady,
    Metrics,
    Notice,
    Phase,
    PhaseStarted,
    PlanReady,
    SectionDone,
    TextDelta,
    ThinkingDelta,
)
from app.core.generation.pipeline import ArticleGenerator
from app.core.llm import OllamaService
from app.core.models import Brief, BriefOptions, Language, OutlineSection, Plan
from tests.fake_ollama import Generate, ModelSpec

FR = Brief("vélo électrique", Language.FR, target_words=900, secondary_keywords=("batterie",))
EN = Brief("standing desk", Language.EN, target_words=900)


def run(fake, model, brief, *, think=None, cancel=None, **kw):
    service = OllamaService(fake.url, busy_backoff=0.01)
    generator = ArticleGenerator(service, model, think=think, **kw)
    return list(generator.generate(brief, cancel)), generator


def chats(fake):
    """Bodies of the writing requests (not the warm-up that only loads the model)."""
    return [b for b in fake.bodies() if b.get("messages")]


def only(events, kind):
    return [e for e in events if isinstance(e, kind)]


def article_of(events):
    assert isinstance(events[-1], ArticleReady), events[-1]
    return events[-1].article


def is_intro_request(body):
    text = body["messages"][-1]["content"].lower()
    return "l'introduction" in text or "the introduction" in text


def test_french_article_end_to_end(fake_ollama):
    events, generator = run(fake_ollama, "qwen3:8b", FR)
    article = article_of(events)
    phases = [e.phase for e in only(events, PhaseStarted)]
    assert phases[:3] == [Phase.LOAD, Phase.PLAN, Phase.SECTION]
    plan = only(events, PlanReady)[0].plan
    lines = article.body.splitlines()
    assert lines[0].startswith("# ") and sum(line.startswith("# ") for line in lines) == 1
    assert "vélo électrique" in article.title.lower() and len(article.title) <= 60
    assert 120 <= len(article.meta_description) <= 156
    assert article.slug == "velo-electrique"
    intro = article.body.split("\n\n")[1]
    assert "vélo électrique" in intro.lower()
    assert "## Questions fréquentes" in article.body and len(article.faq) >= 3
    for section in plan.outline:
        assert section.heading in article.body
    assert " vous " in article.body or " les " in article.body
    # Streaming fidelity: what was shown is what is saved.
    streamed = "".join(e.text for e in only(events, TextDelta))
    assert streamed.strip() == article.body.strip()
    # Sections 0..n then the FAQ, each done once.
    assert [e.section for e in only(events, SectionDone)] == [*range(len(plan.outline) + 1), -1]
    # One context window for the whole job, French prompts, thinking left to the model.
    bodies = chats(fake_ollama)
    assert {b["options"]["num_ctx"] for b in bodies} == {generator.num_ctx}
    assert all(b["options"]["num_predict"] > 0 for b in bodies)
    assert all("Vous êtes" in b["messages"][0]["content"] for b in bodies)
    assert all("think" not in b for b in bodies)
    assert only(events, ThinkingDelta)  # qwen3 thinks by default; shown apart
    assert "user wants" not in article.body
    # The model is loaded first, visibly, with the same window (no reload later).
    assert PhaseStarted(Phase.LOAD, label="qwen3:8b") in events
    (warm_up,) = [b for b in fake_ollama.bodies() if not b.get("messages")]
    assert warm_up["options"]["num_ctx"] == generator.num_ctx


def test_loaded_model_is_not_loaded_again(fake_ollama):
    run(fake_ollama, "llama3.1:8b", EN)
    events, _ = run(fake_ollama, "llama3.1:8b", EN)
    article_of(events)
    assert not [e for e in only(events, PhaseStarted) if e.phase is Phase.LOAD]
    assert len([b for b in fake_ollama.bodies() if not b.get("messages")]) == 1


def test_english_article_with_gpt_oss_low(fake_ollama):
    events, _ = run(fake_ollama, "gpt-oss:20b", EN, think="low")
    article = article_of(events)
    assert {b.get("think") for b in chats(fake_ollama)} == {"low"}
    assert only(events, ThinkingDelta) and "I should" not in article.body
    assert "## Frequently asked questions" in article.body
    assert "standing desk" in article.body.split("\n\n")[1].lower()
    assert "You are an experienced web writer" in chats(fake_ollama)[0]["messages"][0]["content"]


def test_think_never_sent_to_a_model_that_cannot_think(fake_ollama):
    events, _ = run(fake_ollama, "llama3.1:8b", EN, think="high")
    article_of(events)
    assert Notice("thinking_unsupported", {"model": "llama3.1:8b"}) in events
    assert all("think" not in b for b in chats(fake_ollama))


def test_cancel_mid_section_keeps_what_was_written(fake_ollama):
    fake_ollama.set_delay(0.002)
    cancel = CancelToken()
    service = OllamaService(fake_ollama.url)
    events = []
    for event in ArticleGenerator(service, "llama3.1:8b").generate(EN, cancel):
        events.append(event)
        section_two = [e for e in events if isinstance(e, TextDelta) and e.section == 2]
        if len(section_two) == 12:
            cancel.cancel()
    failed = events[-1]
    assert isinstance(failed, Failed) and isinstance(failed.error, Cancelled)
    plan = only(events, PlanReady)[0].plan
    assert plan.outline[0].heading in failed.partial.body
    assert plan.outline[1].heading in failed.partial.body
    assert plan.outline[2].heading not in failed.partial.body
    streamed_two = "".join(e.text for e in events if isinstance(e, TextDelta) and e.section == 2)
    assert streamed_two.split("\n\n", 2)[-1].strip()[:30] in failed.partial.body
    gone = fake_ollama.wait_for_disconnect()
    assert gone[-1].path == "/api/chat"


def test_error_mid_section_keeps_partial(fake_ollama):
    calls = []

    def behaviour(req):
        if "format" not in req.body:
            calls.append(req)
            if len(calls) == 3:  # intro, section 1, then section 2 breaks
                return Generate(content="Premier morceau du texte", error_after=3)
        return fake_ollama.writer(req)

    fake_ollama.on_model("llama3.1:8b", behaviour)
    events, _ = run(fake_ollama, "llama3.1:8b", FR)
    failed = events[-1]
    assert isinstance(failed, Failed) and isinstance(failed.error, GenerationError)
    assert "Premier morceau du" in failed.partial.body
    assert failed.partial.body.startswith("# ")
    assert "an error was encountered" in failed.error.message


def test_intro_without_keyword_is_not_rewritten_the_review_adds_it(fake_ollama):
    # Regenerating a whole introduction for one missing phrase wasted tokens that the
    # self-review's rule fix then spent again: the draft is kept, the review adds the keyword.
    from app.core.review.generator import ReviewingGenerator

    intro_calls = []

    def behaviour(req):
        if "format" not in req.body and is_intro_request(req.body):
            intro_calls.append(req.body)
            return Generate(content="Choisir son bureau demande un peu de méthode et de patience.")
        return fake_ollama.writer(req)

    fake_ollama.on_model("llama3.1:8b", behaviour)
    events, _ = run(fake_ollama, "llama3.1:8b", FR)
    assert len(intro_calls) == 1
    assert "keyword_missing_in_intro" in {n.code for n in only(events, Notice)}
    generator = ReviewingGenerator(ArticleGenerator(OllamaService(fake_ollama.url), "llama3.1:8b"))
    article = article_of(list(generator.generate(FR)))
    assert "vélo électrique" in article.body.split("\n\n")[1].lower()


PLAN_JSON = {
    "title_candidates": ["Guide complet des bureaux pour travailler debout chez soi ou au travail"],
    "title": "Guide complet des bureaux pour travailler debout chez soi ou au travail",
    "meta_description": "Tout sur les bureaux debout »}, {meta_title: " * 3,
    "h1": "Bien choisir son bureau assis-debout",
    "outline": [{"heading": "Hauteur et stabilité du plateau", "level": 2, "notes": "plages"},
                {"heading": "Level 1 (page 1)", "level": 2, "notes": ""},
                {"heading": "Moteurs et niveau de bruit", "level": 3, "notes": "bruit"},
                {"heading": "Prix des modèles d'entrée de gamme", "level": 2, "notes": "euros"}],
}


def test_unusable_plan_fields_are_replaced_from_the_brief_without_more_calls(fake_ollama):
    brief = Brief("bureau assis-debout", Language.FR, target_words=800, options=BriefOptions(faq=False))
    fake_ollama.enqueue("/api/chat", Generate(content=json.dumps(PLAN_JSON)))
    generator = ArticleGenerator(OllamaService(fake_ollama.url), "llama3.1:8b", loaded=True)
    events = list(generator.plan(brief))
    plan = only(events, PlanReady)[0].plan
    assert len(chats(fake_ollama)) == 1          # no title or meta "fix" calls
    assert "bureau assis-debout" in plan.title.lower() and len(plan.title) <= 60
    assert 120 <= len(plan.meta_description) <= 156 and "{" not in plan.meta_description
    assert plan.slug == "bureau-assis-debout"
    headings = [s.heading for s in plan.outline]
    assert "Hauteur et stabilité du plateau" in headings and "Level 1 (page 1)" not in headings
    assert len(plan.outline) >= 3                       # 800 words: 3 to 4 sections
    assert {"title", "meta_description"} <= set(
        next(n for n in only(events, Notice) if n.code == "plan_fields_replaced").params["fields"])


def test_a_long_section_is_written_in_several_calls_with_one_window(fake_ollama):
    plan = Plan("Bureau assis-debout : 7 critères", "m" * 130, "bureau-assis-debout",
                "Bien choisir son bureau assis-debout", [OutlineSection("Hauteur et stabilité", 2, 2000)])
    brief = Brief("bureau assis-debout", Language.FR, target_words=2500)
    generator = ArticleGenerator(OllamaService(fake_ollama.url), "llama3.1:8b")
    events = list(generator.write_section(brief, plan, 1, "", None))
    assert isinstance(events[-1], SectionDone)
    calls = [b for b in chats(fake_ollama) if "Hauteur et stabilité" in b["messages"][-1]["content"]]
    assert len(calls) == -(-2000 // generator.budget.words_per_call) >= 3
    assert {b["options"]["num_ctx"] for b in calls} == {generator.num_ctx}
    assert len(events[-1].markdown.split()) >= 1000


def test_model_with_a_tiny_context_fails_before_calling(fake_ollama):
    fake_ollama.add_model(ModelSpec("tiny:1b", "llama", "1B", "Q4_0", 600_000_000, 1024))
    events, _ = run(fake_ollama, "tiny:1b", EN)
    assert isinstance(events[-1], Failed) and isinstance(events[-1].error, ContextTooSmall)
    assert "1024" in events[-1].error.message
    assert fake_ollama.requests_to("/api/chat") == []


def test_a_2048_token_context_is_enough_for_a_whole_article(fake_ollama):
    fake_ollama.add_model(ModelSpec("small:1b", "llama", "1B", "Q4_0", 600_000_000, 2048))
    events, generator = run(fake_ollama, "small:1b", EN)
    article = article_of(events)
    assert generator.num_ctx == 2048 and "## " in article.body
    assert all(b["options"]["num_ctx"] == 2048 for b in chats(fake_ollama))


def test_window_capped_by_the_server_is_adopted(fake_ollama):
    # An old server does not report the trained context (2048 here): Plume asks for 4096,
    # sees in /api/ps that Ollama loaded 2048, and plans every call within 2048.
    fake_ollama.add_model(ModelSpec("old:7b", "llama", "7B", "Q4_0", 3_800_000_000, 2048,
                                    show_model_info=False, show_capabilities=False))
    events, generator = run(fake_ollama, "old:7b", EN)
    article_of(events)
    assert Notice("context_capped", {"requested": 4096, "loaded": 2048}) in events
    assert generator.num_ctx == 2048
    assert {b["options"]["num_ctx"] for b in chats(fake_ollama)} == {2048}


def test_write_section_regenerates_and_extends(fake_ollama):
    service = OllamaService(fake_ollama.url)
    generator = ArticleGenerator(service, "mistral-small3.2")
    plan = Plan("Standing desk guide", "m" * 130, "standing-desk", "Standing desk guide",
                [OutlineSection("Motors and noise", 2, 200, "decibels"), OutlineSection("Prices", 2, 200)])
    events = list(generator.write_section(EN, plan, 2, "## Motors and noise\n\nQuiet motors.", None))
    done = events[-1]
    assert isinstance(done, SectionDone) and done.section == 2
    assert done.markdown.startswith("## Prices\n\n") and "standing desk" in done.markdown.lower()
    assert "Quiet motors." in chats(fake_ollama)[-1]["messages"][-1]["content"]
    original = "## Prices\n\nEntry models cost 300 euros."
    events = list(generator.write_section(EN, plan, 2, "", None, extend_text=original))
    extended = events[-1]
    assert extended.markdown.startswith(original) and len(extended.markdown) > len(original) + 200
    assert "Entry models cost 300 euros." in chats(fake_ollama)[-1]["messages"][-1]["content"]
    assert [e.section for e in only(events, TextDelta)] == [2] * len(only(events, TextDelta))


def test_repeated_heading_is_not_streamed(fake_ollama):
    def behaviour(req):
        if "format" not in req.body and "Section to write: Prices" in req.body["messages"][-1]["content"]:
            return Generate(content=["## Pri", "ces\n", "\nEntry", " models", " cost 300 euros."])
        return fake_ollama.writer(req)

    fake_ollama.on_model("llama3.1:8b", behaviour)
    service = OllamaService(fake_ollama.url)
    plan = Plan("Standing desk guide", "m" * 130, "standing-desk", "Standing desk guide",
                [OutlineSection("Prices", 2, 10)])
    events = list(ArticleGenerator(service, "llama3.1:8b").write_section(EN, plan, 1, "", None))
    streamed = "".join(e.text for e in only(events, TextDelta))
    assert streamed == "\n\n## Prices\n\nEntry models cost 300 euros."
    assert events[-1].markdown == "## Prices\n\nEntry models cost 300 euros."


def test_faq_alone_for_batch(fake_ollama):
    service = OllamaService(fake_ollama.url)
    plan = Plan("Standing desk guide", "m" * 130, "standing-desk", "Standing desk guide",
                [OutlineSection("Prices", 2, 200)])
    events = list(ArticleGenerator(service, "llama3.1:8b").write_faq(EN, plan))
    (ready,) = only(events, FaqReady)
    assert len(ready.faq) >= 3 and all(item.question.endswith("?") for item in ready.faq)
    assert events[-1].markdown.startswith("## Frequently asked questions")


@pytest.mark.parametrize("index", [-1, 3])
def test_write_section_out_of_range_is_an_input_error(fake_ollama, index):
    service = OllamaService(fake_ollama.url)
    plan = Plan("T", "m" * 130, "t", "T", [OutlineSection("A"), OutlineSection("B")])
    events = list(ArticleGenerator(service, "llama3.1:8b").write_section(EN, plan, index, "", None))
    assert isinstance(events[-1], Failed) and "not in the outline" in events[-1].error.message


def test_truncated_prompt_is_reported(fake_ollama):
    def behaviour(req):
        reply = fake_ollama.writer(req)
        reply.prompt_eval_count = 300  # far fewer tokens than sent: Ollama cut the prompt
        return reply

    fake_ollama.on_model("llama3.1:8b", behaviour)
    brief = EN.with_(instructions="Mention the warranty terms and the return policy. " * 40)
    plan = Plan("T", "m" * 130, "t", "T", [OutlineSection(f"Desk topic {i} " + "and more " * 10, 2, 200,
                                                          "notes " * 40) for i in range(12)])
    generator = ArticleGenerator(OllamaService(fake_ollama.url), "llama3.1:8b", num_ctx=2048)
    events = list(generator.write_section(brief, plan, 3, "previous text " * 60, None))
    notices = [n for n in only(events, Notice) if n.code == "prompt_truncated"]
    assert notices and notices[0].params["evaluated_tokens"] == 300
    assert isinstance(events[-1], SectionDone)


def test_thinking_that_eats_the_budget_is_a_clear_error(fake_ollama):
    fake_ollama.on_model("qwen3:8b", lambda req: fake_ollama.writer(req) if "format" in req.body
                         else Generate(thinking="hmm " * 50, content=[], done_reason="length"))
    events, _ = run(fake_ollama, "qwen3:8b", EN, think=True)
    failed = events[-1]
    assert isinstance(failed, Failed) and "thinking" in failed.error.message
    assert "thinking level" in failed.error.hint
    assert failed.partial is not None and failed.partial.body.startswith("# ")


def test_output_cut_by_the_limit_and_missing_metrics_are_handled(fake_ollama):
    def behaviour(req):
        reply = fake_ollama.writer(req)
        if "format" not in req.body and "Section to write:" in req.body["messages"][-1]["content"]:
            reply.done_reason = "length"   # hit num_predict: the section stops abruptly
            reply.metrics = False          # and the server sent no metrics (cache-hit style)
        return reply

    fake_ollama.on_model("llama3.1:8b", behaviour)
    events, _ = run(fake_ollama, "llama3.1:8b", EN)
    article_of(events)
    cut = [n for n in only(events, Notice) if n.code == "output_truncated"]
    assert cut and cut[0].params["section"] == 1
    sections = [m for m in only(events, Metrics) if m.step.startswith("section")]
    assert sections and all(m.done_reason == "length" and m.output_tokens > 0 for m in sections)

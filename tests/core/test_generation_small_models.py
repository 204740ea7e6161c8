"""The flow against the failure shapes of real small models (tests/fake_ollama/small_model.py):
every keyword still ends as an article, in bounded tokens, with nothing that is not article text."""

from __future__ import annotations

import re

import pytest

from app.core.generation.events import ArticleReady, Metrics, Notice, PlanReady, SectionDone
from app.core.generation.pipeline import ArticleGenerator
from app.core.generation.steps import Pace
from app.core.llm import OllamaService
from app.core.models import Brief, BriefOptions, Language
from tests.fake_ollama import Generate, ModelSpec
from tests.fake_ollama.small_model import ENGLISH, LOOP, SmallModel, bounded

SMALL = "gemma3:1b"
FR = Brief("compost maison", Language.FR, target_words=600)
EN = Brief("standing desk", Language.EN, target_words=600)


@pytest.fixture
def small(fake_ollama):
    fake_ollama.add_model(ModelSpec(SMALL, "gemma3", "999.89M", "Q4_K_M", 815_000_000, 32768))
    return fake_ollama


def write(fake, brief, behaviour=None, **kw):
    if behaviour is not None:
        fake.on_model(SMALL, behaviour)
    generator = ArticleGenerator(OllamaService(fake.url), SMALL, **kw)
    events = list(generator.generate(brief))
    assert isinstance(events[-1], ArticleReady), events[-1]
    return events, events[-1].article, generator


def codes(events):
    return [(e.code, e.params.get("problem")) for e in events if isinstance(e, Notice)]


def well_formed(article, brief):
    lines = article.body.splitlines()
    assert sum(x.startswith("# ") for x in lines) == 1 and lines[0].startswith("# ")
    assert sum(x.startswith("## ") for x in lines) >= 3
    assert 120 <= len(article.meta_description) <= 156
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", article.slug)
    assert brief.keyword in article.title.lower()


def test_every_json_schema_bounds_every_string_and_array(small):
    write(small, FR)
    schemas = [b["format"] for b in small.bodies() if isinstance(b.get("format"), dict)]
    assert len(schemas) == 2                                   # the plan and the FAQ
    assert all(bounded(schema) == [] for schema in schemas)
    for body in small.bodies():
        if isinstance(body.get("format"), dict):               # num_predict sized from the bounds
            assert 100 < body["options"]["num_predict"] <= 1000


def test_junk_plan_falls_back_to_a_plain_outline_then_a_standard_one(small):
    model = SmallModel(junk_plan=True)
    events, article, _ = write(small, FR, model)
    well_formed(article, FR)
    plan = next(e.plan for e in events if isinstance(e, PlanReady))
    assert not any("Level" in s.heading or "Section 3" in s.heading for s in plan.outline)
    assert "Cuisine" not in article.body and "meta_title" not in article.meta_description
    assert ("plan_outline_retried", None) in codes(events) and ("plan_fallback", None) in codes(events)
    assert "compost maison" in plan.h1.lower()


def test_a_looping_section_is_cut_at_the_loop_and_its_stream_closed(small):
    events, article, _ = write(small, FR, SmallModel(loop=True))
    sentence = LOOP["fr"]
    assert article.body.count(sentence) <= len([e for e in events if isinstance(e, SectionDone)])
    loops = [e for e in events if isinstance(e, Metrics) and e.done_reason == "loop"]
    assert loops                                                # stopped by Plume, not by num_predict
    assert small.wait_for_disconnect()                          # the connection was closed
    budget = sum(e.output_tokens for e in events if isinstance(e, Metrics))
    asked = sum(b["options"]["num_predict"] for b in small.bodies() if b.get("messages"))
    assert budget < asked * 0.6                                 # loops did not eat the output budget


def test_an_empty_answer_is_retried_once_then_flagged_never_accepted_silently(small):
    model = SmallModel(empty=2)                                 # the introduction and its retry
    events, article, _ = write(small, EN, model)
    assert ("section_retried", "empty") in codes(events)
    assert ("section_flagged", "empty") in codes(events)
    assert model.prose_calls >= 3
    well_formed(article, EN)


def test_a_failure_seen_twice_is_not_retried_a_third_time(small):
    model = SmallModel(empty=99)                                # nothing usable, ever
    events, _, _ = write(small, EN, model)
    assert codes(events).count(("section_retried", "empty")) == 2
    sections = len([e for e in events if isinstance(e, SectionDone) and e.section >= 0])
    assert model.prose_calls == sections + 2


def test_a_section_in_the_wrong_language_is_asked_again_in_the_article_language(small):
    small.add_model(ModelSpec("mistral:7b", "llama", "7.2B", "Q4_0", 4_100_000_000, 32768))
    small.on_model("mistral:7b", SmallModel(english=1))
    generator = ArticleGenerator(OllamaService(small.url), "mistral:7b")
    events = list(generator.generate(FR))
    article = events[-1].article
    assert ("section_retried", "language") in codes(events)
    retry = [b for b in small.bodies() if b.get("messages")
             and "écrivez uniquement en français" in b["messages"][-1]["content"]]
    assert len(retry) == 1
    assert ENGLISH.split(".")[0] not in article.body


def test_an_answer_that_repeats_the_prompt_keeps_only_the_article_text(small):
    small.add_model(ModelSpec("mistral:7b", "llama", "7.2B", "Q4_0", 4_100_000_000, 32768))
    small.on_model("mistral:7b", SmallModel(echo=True))
    generator = ArticleGenerator(OllamaService(small.url), "mistral:7b")
    events = list(generator.generate(EN))
    article = events[-1].article
    for opening in ("Main keyword", "You are an experienced", "Section to write"):
        assert opening not in article.body
    well_formed(article, EN)


def test_a_call_slower_than_its_time_cap_is_stopped_and_keeps_what_came(small):
    slow = Generate(content=[f"word{i} " for i in range(400)], chunk_delay=0.05)
    small.on_model(SMALL, lambda req: small.writer(req) if req.body.get("format") else slow)
    generator = ArticleGenerator(OllamaService(small.url), SMALL)
    plan = next(e.plan for e in generator.plan(EN) if isinstance(e, PlanReady))
    generator.pace = Pace(output=1000.0, prompt=1000.0, margin=0.5)   # measured fast: cap ≈ 0.6 s
    events = list(generator.write_intro(EN, plan))
    assert ("step_time_capped", None) in codes(events)
    done = events[-1]
    assert isinstance(done, SectionDone) and "word1 " in done.markdown and "word399" not in done.markdown
    assert small.wait_for_disconnect()


def test_small_models_get_short_prompts(small):
    """No system prompt to echo: a one-line request, and the article so far as the start of
    the model's own answer, which it continues (a base 270M model: 93–98 % article text that
    way, 18 % when the excerpt is the request)."""
    write(small, FR)
    prose = [b for b in small.bodies() if b.get("messages") and not b.get("format")]
    assert prose and all([m["role"] for m in b["messages"]] == ["user", "assistant"] for b in prose)
    assert all("compost maison" in b["messages"][0]["content"] and len(b["messages"][0]["content"]) < 200
               for b in prose)
    assert all(b["messages"][1]["content"].startswith("# ") and len(b["messages"][1]["content"]) < 1500
               for b in prose)
    assert all(b["options"].get("repeat_penalty") == 1.2 for b in prose)


def test_a_small_model_that_thinks_is_not_handed_the_start_of_its_answer(fake_ollama):
    """A prefilled answer would start after the thinking trace's place: qwen3:0.6b gets the
    article so far as the request instead."""
    fake_ollama.add_model(ModelSpec("qwen3:0.6b", "qwen3", "751.63M", "Q4_K_M", 522_000_000, 40960,
                                    ("completion", "tools", "thinking")))
    generator = ArticleGenerator(OllamaService(fake_ollama.url), "qwen3:0.6b")
    assert isinstance(list(generator.generate(FR))[-1], ArticleReady)
    prose = [b for b in fake_ollama.bodies() if b.get("messages") and not b.get("format")]
    assert prose and all([m["role"] for m in b["messages"]] == ["user"] for b in prose)


def test_a_retry_note_goes_to_the_request_line_of_a_prefilled_prompt(small):
    """The language retry still says what went wrong, in the article's language, without
    touching the text the model continues."""
    events, article, _ = write(small, FR, SmallModel(english=1))
    assert ("section_retried", "language") in codes(events)
    notes = [b["messages"] for b in small.bodies()
             if b.get("messages") and not b.get("format")
             and "écrivez uniquement en français" in b["messages"][0]["content"]]
    assert notes and all(m[1]["content"].startswith("# ") and "écrivez" not in m[1]["content"] for m in notes)


def test_the_review_asks_a_small_model_for_two_revisions_at_most(small):
    from app.core.review.generator import ReviewingGenerator
    from tests.fake_ollama.sloppy import REVIEW_MARKER, SloppyModel

    model = SloppyModel(sloppy_prose_calls=4)           # a draft with much to revise
    small.on_model(SMALL, model)
    generator = ReviewingGenerator(ArticleGenerator(OllamaService(small.url), SMALL))
    events = list(generator.generate(EN))
    assert isinstance(events[-1], ArticleReady)
    asked = [b for b in small.bodies() if REVIEW_MARKER in str(b.get("messages"))]
    assert 1 <= len(asked) <= 2


def test_a_runaway_answer_is_capped_in_characters_and_never_saved_whole(small):
    huge = Generate(content=["x" * 2_000_000, " more"], done_reason="stop")
    small.on_model(SMALL, lambda req: small.writer(req) if req.body.get("format") else huge)
    events, article, _ = write(small, EN)
    assert len(article.body) < 50_000
    assert ("section_flagged", "empty") in codes(events) or ("section_flagged", "short") in codes(events)


def test_a_title_that_would_be_cut_mid_phrase_gives_way_to_one_that_reads_whole():
    from app.core.generation.guards import EchoIndex
    from app.core.generation.vetting import vet_fields
    from app.core.models import Plan

    plan = Plan(title="The standing desk is an important tool that can help you to work better",
                meta_description="", slug="", h1="Standing desk buying guide",
                title_candidates=["Standing desk: how to choose yours"])
    vetted, replaced = vet_fields(EN, plan, EchoIndex.build([], EN.keyword))
    assert vetted.title == "Standing desk: how to choose yours" and "title" in replaced


def test_code_and_json_a_small_model_drifts_into_are_not_article_text(small):
    drift = ('"color" : "#d9b7a3",\n}\n\n```js\nclass Bike {\n  constructor () {}\n}\n```\n\n'
             "A standing desk lets you change position during the day. Alternate every hour.")
    small.on_model(SMALL, lambda req: small.writer(req) if req.body.get("format")
                   else Generate(content=[drift[i:i + 5] for i in range(0, len(drift), 5)]))
    _, article, _ = write(small, EN)
    assert "color" not in article.body and "constructor" not in article.body and "```" not in article.body
    assert "change position during the day" in article.body


def test_a_paragraph_in_another_script_is_not_accepted_as_english(small):
    japanese = "学習を効率的に行えるよう設計された学習スタンド。オフィスでの座り心地の良いデスクです。"
    first = []

    def behaviour(req):
        if req.body.get("format") or first:
            return small.writer(req)
        first.append(req)                                   # the introduction, in Japanese
        return Generate(content=[japanese])

    small.on_model(SMALL, behaviour)
    events, article, _ = write(small, EN)
    assert "学習" not in article.body
    assert ("section_retried", "language") in codes(events)


def test_a_section_still_in_the_wrong_language_after_its_retry_is_flagged_and_left_out(small):
    small.add_model(ModelSpec("mistral:7b", "llama", "7.2B", "Q4_0", 4_100_000_000, 32768))
    small.on_model("mistral:7b", SmallModel(english=99))       # never French
    events = list(ArticleGenerator(OllamaService(small.url), "mistral:7b").generate(FR))
    article = events[-1].article
    assert ("section_flagged", "language") in codes(events)
    assert ENGLISH.split(".")[0] not in article.body


def test_a_faq_answer_that_loops_keeps_only_what_came_before_the_loop():
    from app.core.generation.guards import EchoIndex
    from app.core.generation.vetting import vet_faq
    from app.core.models import FaqItem

    looping = "Most models run on 36 V batteries. " + "1.5Ah, " * 60
    (item,) = vet_faq(EN, [FaqItem("What battery does a standing desk need?", looping)],
                      EchoIndex.build([], EN.keyword))
    assert item.answer == "Most models run on 36 V batteries."


def test_python_a_small_model_drifts_into_is_not_article_text(small):
    # The shape Gemma 3 270M wrote for "vélo électrique pliant": program lines with French
    # comments, which punctuation alone does not catch.
    drift = ('    model = "Tirocadence" # ou autre modèle de vélo\n'
             '    if (model == "Livrage"): # si le modèle est disponible\n'
             "        print(i)     # afficher le numéro du cycle correspondant\n"
             "    else:\n        pass\n"
             "if linea < 25 or linea > 75:  # si son code est différent\n"
             "rescripted_price = input('Quel budget souhaitez-vous : ').strip()\n\n"
             "Le compost maison réduit vos déchets d'un tiers. Il nourrit le sol du jardin.")
    small.on_model(SMALL, lambda req: small.writer(req) if req.body.get("format")
                   else Generate(content=[drift[i:i + 7] for i in range(0, len(drift), 7)]))
    _, article, _ = write(small, FR)
    for code in ("print(", "model =", "input(", "linea", "else:", "pass"):
        assert code not in article.body, code
    assert "réduit vos déchets d'un tiers" in article.body


def test_a_headline_of_the_keyword_words_out_of_order_is_replaced():
    from app.core.generation.guards import EchoIndex
    from app.core.generation.vetting import vet_fields
    from app.core.models import Plan

    brief = Brief("vélo électrique pliant", Language.FR, target_words=600)
    plan = Plan(title="pliant vélo électrique", meta_description="", slug="",
                h1="pliant vélo électrique")
    vetted, replaced = vet_fields(brief, plan, EchoIndex.build([], brief.keyword))
    assert "vélo électrique pliant" in vetted.h1.lower() and "h1" in replaced
    assert "vélo électrique pliant" in vetted.title.lower()


def test_headings_the_model_writes_inside_a_section_are_kept_only_when_they_are_headings():
    from app.core.generation.guards import vet_subheadings

    answer = ("### Level 2 (page 2)\n\nA standing desk lets you change position during the day.\n\n"
              "### Why a standing desk that you can raise and lower helps your back and your "
              "focus during the long working day\n\nAlternate every hour.\n\n"
              "### Choosing the height\n\nYour elbows should rest at ninety degrees.\n\n"
              "### Accessories")
    body = vet_subheadings(answer)
    assert "Level 2" not in body and "### Why a standing desk" not in body and "### Accessories" not in body
    assert "### Choosing the height\n\nYour elbows" in body
    assert "change position during the day" in body and "Alternate every hour." in body


def test_a_continuation_that_repeats_what_was_written_adds_only_what_is_new(small):
    first = "Stand up hourly."   # too short to be caught as an echo of the prompt
    calls = []

    def behaviour(req):
        if req.body.get("format"):
            return small.writer(req)
        calls.append(req)
        prompt = req.body["messages"][-1]["content"]
        if first in prompt:   # asked to go on: repeats itself, then one new paragraph
            text = f"{first}\n\nSet the desk so your elbows rest at ninety degrees, wrists straight."
        else:
            text = first
        return Generate(content=[text[i:i + 6] for i in range(0, len(text), 6)])

    small.on_model(SMALL, behaviour)
    _, article, _ = write(small, EN)
    sections = article.body.split("\n## ")[1:]
    assert sections and any("ninety degrees" in s for s in sections)
    for section in sections:
        assert section.count(first) <= 1, section


def test_a_run_of_headings_without_text_and_a_one_word_paragraph_are_not_article_text():
    from app.core.generation.guards import drop_fragments, vet_subheadings

    answer = ("budynkumodel\n\n### V-Twin 105 / RVU - 68 hp\n### RVU 436.99 / RVB – 14 kwp\n"
              "### V-twin 104 / RVL - 57 W\n\n### Le bon pliage\n\nLe vélo se plie en dix secondes.")
    body = drop_fragments(vet_subheadings(answer))
    assert "budynkumodel" not in body and "V-Twin" not in body and "RVU" not in body
    assert body == "### Le bon pliage\n\nLe vélo se plie en dix secondes."


def test_faq_questions_that_are_not_questions_go_and_cut_answers_end_on_a_whole_sentence():
    from app.core.generation.guards import EchoIndex
    from app.core.generation.vetting import vet_faq
    from app.core.models import FaqItem

    brief = Brief("vélo électrique pliant", Language.FR, target_words=600)
    items = [FaqItem("... pour la voiture?", "Pour la voiture, il faut un moteur puissant et des freins."),
             FaqItem("Quel poids pour un vélo électrique pliant ?",
                     "Comptez de 15 à 22 kg selon la batterie. Les modèles les plus légers roulent en c")]
    faq = vet_faq(brief, items, EchoIndex.build([], brief.keyword))
    assert [f.question for f in faq] == ["Quel poids pour un vélo électrique pliant ?"]
    assert faq[0].answer == "Comptez de 15 à 22 kg selon la batterie."


def test_an_answer_that_drifts_into_code_is_stopped_there_not_at_its_output_limit(small):
    prose = ("A standing desk lets you change position during the day. Alternate every hour, "
             "and set the height so your elbows rest at ninety degrees.\n\n")
    code = "".join(f'    value_{i} = compute(data["{i}"])  # step {i}\n' for i in range(400))
    answer = prose + code

    def behaviour(req):
        if req.body.get("format"):
            return small.writer(req)
        return Generate(content=[answer[i:i + 8] for i in range(0, len(answer), 8)])

    small.on_model(SMALL, behaviour)
    events, article, _ = write(small, EN)
    assert "compute(" not in article.body and "ninety degrees" in article.body
    drifts = [e for e in events if isinstance(e, Metrics) and e.done_reason == "drift"]
    assert drifts and all(e.chars < len(answer) / 4 for e in drifts)   # stopped early, not read to the end
    assert small.wait_for_disconnect()


def test_the_review_of_a_tiny_model_spends_no_tokens_on_revisions(small):
    from app.core.generation.events import ReviewReady
    from app.core.review.generator import ReviewingGenerator
    from tests.fake_ollama.sloppy import REVIEW_MARKER, SloppyModel

    tiny = "gemma3:270m"
    small.add_model(ModelSpec(tiny, "gemma3", "268.10M", "Q4_K_M", 253_000_000, 32768))
    small.on_model(tiny, SloppyModel(sloppy_prose_calls=4))
    generator = ReviewingGenerator(ArticleGenerator(OllamaService(small.url), tiny))
    events = list(generator.generate(EN))
    assert isinstance(events[-1], ArticleReady)
    assert not [b for b in small.bodies() if REVIEW_MARKER in str(b.get("messages"))]
    review = next(e.result for e in events if isinstance(e, ReviewReady))
    assert review.after.seo_score >= review.before.seo_score
    intro = events[-1].article.body.split("\n\n")[1]     # the lead put the keyphrase first: no fix needed
    assert intro.startswith("When it comes to standing desk, ")


def test_words_a_short_section_left_out_are_asked_of_the_next_ones(small):
    from app.core.textutil import count_words as word_count

    short = "Compost needs air."
    prose_calls = []

    def behaviour(req):
        if req.body.get("format"):
            return small.writer(req)
        prose_calls.append(req)
        prompt = str(req.body["messages"])
        if len(prose_calls) <= 2:            # the introduction and the first section: one line each
            return Generate(content=[short])
        if short in prompt:                  # asked to go on from that line: nothing more
            return Generate(content=[""])
        return small.writer(req)

    small.on_model(SMALL, behaviour)
    brief = Brief("compost bin", Language.EN, target_words=600)
    _, article, _ = write(small, brief)
    body = "\n".join(x for x in article.body.splitlines() if not x.startswith("#"))
    faq = article.body.split("\n## ")[-1] if article.faq else ""
    assert word_count(body) - word_count(faq) >= 0.7 * 600 * 0.8   # within 30 % of the body's share


def test_made_up_addresses_template_tokens_copied_markers_and_entities_never_reach_the_article(small):
    # What Gemma 3 270M wrote for "standing desk" (addresses changed to example.com).
    answer = ("standing-desk/configing-stand\n"
              "The desk<start_of_image> is easy to set up (https://www.example.com/products) and "
              "aren&#39;t hard to move. For more information visit www.example.com/about .\n\n"
              "Our team answers at details.example.com/bench_and.html for any question.\n\n"
              "[…] Raise it so your elbows rest at [[ninety degrees]].")
    small.on_model(SMALL, lambda req: small.writer(req) if req.body.get("format")
                   else Generate(content=[answer[i:i + 7] for i in range(0, len(answer), 7)]))
    _, article, _ = write(small, EN)
    for junk in ("http", "www.", "example.com", "<start_of_image>", "&#39;", "configing", "[…]", "[["):
        assert junk not in article.body, junk
    assert "is easy to set up and aren't hard to move." in article.body
    assert "elbows rest at ninety degrees" in article.body


def test_indented_headings_a_model_writes_never_become_extra_h1s(small):
    # Seen with Gemma 3 270M in French: "  # Pour une utilisation…" inside a section, which
    # Markdown reads as an H1 (15 H1s in one article).
    answer = ("Le poids compte d'abord.\n\n  # Pour une utilisation plus longue, le moteur doit suivre.\n\n"
              " # Bien choisir le cadre\n\nUn cadre en aluminium reste léger et solide.")
    small.on_model(SMALL, lambda req: small.writer(req) if req.body.get("format")
                   else Generate(content=[answer[i:i + 7] for i in range(0, len(answer), 7)]))
    _, article, _ = write(small, FR)
    h1 = [x for x in article.body.splitlines() if re.match(r" {0,3}# ", x)]
    assert len(h1) == 1 and article.body.startswith("# ")
    assert "Pour une utilisation plus longue, le moteur doit suivre." in article.body
    assert "### Bien choisir le cadre" in article.body


def test_a_heading_of_numbers_and_one_word_and_a_line_in_another_script_are_not_kept(small):
    from app.core.generation.guards import EchoIndex
    from app.core.generation.vetting import vet_outline
    from app.core.models import OutlineSection, Plan

    plan = Plan(title="", meta_description="", slug="", h1="",
                outline=[OutlineSection("4-5 lines", 150), OutlineSection("Break in your boots slowly", 150)])
    kept = vet_outline(EN, plan, EchoIndex.build([], EN.keyword))
    assert [s.heading for s in kept] == ["Break in your boots slowly"]

    answer = ("で購入する : 294,053円 - New product / new price：1687.19 (USD)\n"
              "Good boots grip on wet rock and keep your ankles steady.")
    small.on_model(SMALL, lambda req: small.writer(req) if req.body.get("format")
                   else Generate(content=[answer[i:i + 7] for i in range(0, len(answer), 7)]))
    _, article, _ = write(small, EN)
    assert "円" not in article.body and "New product" not in article.body
    assert "keep your ankles steady" in article.body


def test_a_tiny_model_spends_no_tokens_on_a_plan_it_cannot_make(small):
    """Under 0.5B a model's outline was usable in 5 of 24 tries (Gemma 3 270M, JSON and
    plain text): the plan comes from the brief, says so, and every token goes to the text."""
    tiny = "gemma3:270m"
    small.add_model(ModelSpec(tiny, "gemma3", "268.10M", "Q4_K_M", 253_000_000, 32768))
    events = list(ArticleGenerator(OllamaService(small.url), tiny).generate(FR))
    assert isinstance(events[-1], ArticleReady)
    assert ("plan_from_brief", None) in codes(events)
    steps = [e.step for e in events if isinstance(e, Metrics)]
    assert "plan" not in steps and "outline" not in steps
    plan = next(e.plan for e in events if isinstance(e, PlanReady))
    assert plan.h1.startswith("Compost maison") and len(plan.outline) >= 3
    well_formed(events[-1].article, FR)


def test_a_small_model_continues_a_table_of_contents_when_its_json_plan_is_junk(small):
    """The plain-text outline of a small model that does not think: it continues the
    article's "Contents:" list; HTML, "H2 :" labels, dashed glosses and asides are read through."""
    # The shape Gemma 3 270M wrote after "Sommaire :\n\n1. " for "compost maison".
    toc = ("<strong>Les deux principes fondamentaux du compost</strong>\n\n"
           "2. H2 : Un compost maison réussi (hors frais de livraison)\n\n"
           "3. <strong>Un bac à compost maison</strong> - 20 pages   Page à venir\n")
    junk = SmallModel(junk_plan=True)

    def behaviour(req):
        if req.body.get("format"):
            return junk(req)
        if req.body["messages"][-1]["content"].rstrip().endswith("1."):
            return Generate(content=[toc])
        return small.writer(req)

    events, article, _ = write(small, FR, behaviour)
    assert ("plan_outline_retried", None) in codes(events)
    plan = next(e.plan for e in events if isinstance(e, PlanReady))
    assert [s.heading for s in plan.outline][:3] == [
        "Les deux principes fondamentaux du compost", "Un compost maison réussi", "Un bac à compost maison"]
    well_formed(article, FR)


def test_html_a_small_model_writes_becomes_text_and_headings_not_markup(small):
    answer = ("<h2>Les bons gestes</h2>\n<p>Le <b>compost maison</b> demande de l'air et de l'eau.</p>\n"
              "H4 : Mélangez les déchets verts et bruns chaque semaine pour garder un bon équilibre.\n\n"
              + prose_fr_filler())

    def behaviour(req):
        if req.body.get("format"):
            return small.writer(req)
        return Generate(content=[answer])

    _, article, _ = write(small, FR, behaviour)
    assert "<b>" not in article.body and "<p>" not in article.body and "<h2>" not in article.body
    assert "H4 :" not in article.body
    assert "Le compost maison demande de l'air et de l'eau." in article.body
    assert "Mélangez les déchets verts et bruns" in article.body


def prose_fr_filler() -> str:
    return ("Un bac bien placé, à mi-ombre, garde une humidité régulière et limite les odeurs. "
            "Comptez six à neuf mois avant d'obtenir un terreau sombre, fin et agréable à manipuler. ") * 2


def test_words_a_long_introduction_wrote_beyond_its_share_are_taken_off_the_next_section(small):
    """The length is the article's: an introduction three times its share makes the next
    section ask for fewer words (never under half of its own)."""
    def first_section_budget(intro: str | None) -> int:
        calls: list[dict] = []

        def behaviour(req):
            if req.body.get("format"):
                return small.writer(req)
            calls.append(req.body)
            if len(calls) == 1 and intro is not None:
                return Generate(content=[intro])
            return small.writer(req)

        _, article, _ = write(small, FR, behaviour)
        heading = article.body.split("\n## ", 2)[1].split("\n", 1)[0]
        return next(b["options"]["num_predict"] for b in calls
                    if b["messages"][-1]["content"].rstrip().endswith(f"## {heading}"))

    long_intro = " ".join((
        "Un bac placé à mi-ombre garde une humidité régulière et limite les mauvaises odeurs.",
        "Alternez les déchets verts, comme les épluchures, avec des matières brunes et sèches.",
        "Les feuilles mortes, le carton brun et la paille apportent le carbone nécessaire.",
        "Retournez le tas chaque mois pour faire entrer l'air au cœur de la matière.",
        "Un compost trop mouillé sent mauvais ; ajoutez alors du carton déchiré.",
        "Trop sec, il ne se décompose plus : arrosez légèrement par temps chaud.",
        "Évitez la viande, le poisson et les produits laitiers, qui attirent les rongeurs.",
        "Les coquilles d'œuf écrasées enrichissent le mélange en calcium.",
        "Comptez six à neuf mois avant d'obtenir un terreau sombre et friable.",
        "Tamisez-le avant de l'étaler au pied des légumes ou dans vos jardinières.",
        "Un composteur de trois cents litres suffit pour une famille de quatre personnes.",
        "Beaucoup de communes en distribuent gratuitement ou à prix réduit à leurs habitants.",
        "Un thermomètre planté au centre montre si la fermentation démarre bien.",
        "Au-delà de soixante degrés, les graines des mauvaises herbes sont détruites."))
    assert first_section_budget(long_intro) < first_section_budget(None)


def _endless(seed_words: list[str], seed: int) -> str:
    import random
    rng = random.Random(seed)
    sentences = []
    for _ in range(200):
        words = rng.sample(seed_words, rng.randint(8, 14))
        sentences.append(" ".join(words).capitalize() + ".")
    return " ".join(sentences)


def test_a_small_models_stream_is_stopped_at_the_sentence_that_completes_its_words(small):
    """Small models rarely stop on their own: what they write past the cut is thrown away,
    so each answer is stopped at the sentence end that gives it its words, not up to a
    check made every few hundred characters."""
    vocabulary = ("the desk height and your posture with the elbows for a screen of the chair "
                  "is to keep standing or sitting in hours with breaks so that the legs and back "
                  "stay in comfort when you work at it").split()
    calls = iter(range(100))

    def behaviour(req):
        if req.body.get("format"):
            return small.writer(req)
        answer = _endless(vocabulary, next(calls))
        return Generate(content=[answer[i:i + 6] for i in range(0, len(answer), 6)])

    small.on_model(SMALL, behaviour)
    events = list(ArticleGenerator(OllamaService(small.url), SMALL).generate(EN.with_(options=BriefOptions(faq=False))))
    prose_calls = [e for e in events if isinstance(e, Metrics) and e.step != "plan"
                   and e.done_reason == "enough"]
    done = {e.section: e.markdown for e in events if isinstance(e, SectionDone)}
    assert prose_calls and len(prose_calls) >= len(done)
    spent = sum(e.chars for e in prose_calls)
    kept = sum(len(" ".join(line for line in md.splitlines() if not line.startswith("#")))
               for md in done.values())
    print(spent, kept, len(prose_calls))
    assert spent - kept <= 12 * len(prose_calls)    # at most two chunks past each cut


def test_a_list_item_cut_mid_sentence_keeps_its_whole_sentences():
    """Seen with the 270M model: an introduction cut inside its second bullet lost the
    whole bullet, two finished sentences with it (tokens paid for and thrown away)."""
    from app.core.generation.guards import trim_to_sentence
    cut = ("* Les roues sont montées à chaque extrémité du cadre.\n"
           "* Les roues motrices se fixent avec des ressorts. Vous les installez à la main. Ces kits ont")
    assert trim_to_sentence(cut).endswith("Vous les installez à la main.")
    assert trim_to_sentence("Le cadre se plie.\n* Les roues motrices se fixent") == "Le cadre se plie."
    assert trim_to_sentence("Le cadre.\n| prix. | poids") == "Le cadre."      # a table row stays whole or goes


def test_the_time_cap_follows_the_speed_of_streams_that_plume_stopped(small):
    """A small model's answers are stopped at their words, so no answer reports the model's
    speed; the speed is taken from the streams themselves, and a call that then stalls is
    stopped at a cap made from it, not after the three minutes allowed an unmeasured model."""
    calls = iter(range(100))

    def behaviour(req):
        if req.body.get("format"):
            return small.writer(req)
        if next(calls) == 0:      # the introduction: fast, and stopped at its words
            return Generate(content=[f"word{i}" + (". " if i % 6 == 5 else " ") for i in range(600)],
                            chunk_delay=0.001)
        return Generate(content=[f"slow{i} words here. " for i in range(400)], chunk_delay=0.1)

    small.on_model(SMALL, behaviour)
    generator = ArticleGenerator(OllamaService(small.url), SMALL)
    plan = next(e.plan for e in generator.plan(EN) if isinstance(e, PlanReady))
    generator.pace = Pace(prompt=10_000.0, margin=0.5)    # the output speed: not measured yet
    list(generator.write_intro(EN, plan))
    events = list(generator.write_section(EN, plan, 1, "", None))
    assert ("step_time_capped", None) in codes(events)
    capped = [e for e in events if isinstance(e, Metrics) and e.done_reason == "time"]
    assert capped and capped[0].wall_seconds < 5


def test_a_sentence_a_small_model_is_writing_when_it_reaches_its_words_is_let_finish(small):
    """Cut at the last whole sentence the moment the words are there, a small model lost the
    sentence it had begun (paid for, thrown away); it is let finish, then the stream stops."""
    first = ("A standing desk changes how you work because you can move between sitting and "
             "standing whenever your back or your legs ask for a break during the long day, and "
             "that simple habit keeps the blood moving, the shoulders relaxed and the mind much "
             "more awake than a chair alone ever could for most of the office workers who try it today.")
    second = "Set the desk so that your elbows rest at a right angle and the screen meets your eyes."
    third = "Nobody should ever read this third sentence in the introduction."
    words = f"{first} {second} {third}".split()
    at = len(first.split())                         # the sentence end comes with the next word
    chunks = [w + " " for w in words[:at - 1]] + [f"{words[at - 1]} {words[at]} "] + [
        w + " " for w in words[at + 1:]] + ["More words to come. " for _ in range(40)]

    def behaviour(req):
        if req.body.get("format"):
            return small.writer(req)
        return Generate(content=chunks)

    small.on_model(SMALL, behaviour)
    generator = ArticleGenerator(OllamaService(small.url), SMALL)
    plan = next(e.plan for e in generator.plan(EN) if isinstance(e, PlanReady))
    intro = list(generator.write_intro(EN, plan))[-1]
    assert isinstance(intro, SectionDone) and len(first.split()) > 60     # the introduction's words
    assert "meets your eyes." in intro.markdown and "third sentence" not in intro.markdown


@pytest.mark.parametrize(("keyword", "lead"), [
    ("isolation des combles", "En matière d’isolation des combles, "),
    ("compost maison", "En matière de compost maison, "),
])
def test_a_small_models_introduction_continues_a_lead_that_opens_on_the_keyword(small, keyword, lead):
    """Handed the headline alone, the 270M model opened its introductions in English, with a
    bibliography or LaTeX (66 % article text); handed the first words, keyword among them,
    it continued them in the article's language (97 %)."""
    answer = "les combles perdent jusqu’à 30 % de la chaleur d’une maison mal isolée. Une isolation soignée se rentabilise vite."
    brief = Brief(keyword, Language.FR, target_words=600)

    def behaviour(req):
        if req.body.get("format") or req.body["messages"][-1]["role"] != "assistant":
            return small.writer(req)
        if req.body["messages"][-1]["content"].endswith(lead):
            return Generate(content=[w + " " for w in answer.split()])
        return small.writer(req)

    small.on_model(SMALL, behaviour)
    generator = ArticleGenerator(OllamaService(small.url), SMALL)
    plan = next(e.plan for e in generator.plan(brief) if isinstance(e, PlanReady))
    events = list(generator.write_intro(brief, plan))
    intro = events[-1].markdown.split("\n\n", 1)[1]
    assert intro.startswith(lead + "les combles perdent") and "Une isolation soignée se rentabilise vite." in intro
    assert ("keyword_missing_in_intro", None) not in codes(events)


def test_a_lead_continued_with_code_goes_with_it(small):
    """No dangling "When it comes to standing desk," before what the model wrote instead."""
    answer = ('"color" : "#d9b7a3",\n\nA standing desk lets you change position during the day. '
              "Alternate every hour and keep the screen at eye level.")

    def behaviour(req):
        if req.body.get("format") or req.body["messages"][-1]["role"] != "assistant":
            return small.writer(req)
        return Generate(content=[answer[i:i + 5] for i in range(0, len(answer), 5)])

    small.on_model(SMALL, behaviour)
    generator = ArticleGenerator(OllamaService(small.url), SMALL)
    plan = next(e.plan for e in generator.plan(EN) if isinstance(e, PlanReady))
    intro = list(generator.write_intro(EN, plan))[-1].markdown
    assert "When it comes to" not in intro and "color" not in intro
    assert "change position during the day" in intro



TINY = ModelSpec("gemma3:270m", "gemma3", "268.10M", "Q4_K_M", 253_000_000, 32768)


def test_a_tiny_model_answers_the_language_packs_faq_questions_in_markdown(small):
    """Of the 270M model's own FAQ text 36 % was kept (questions off topic or not questions):
    it now answers the pack's questions, one call each, continuing the Markdown below the
    question; an answer that is not article text leaves its question out."""
    small.add_model(TINY)
    answers = {
        "Par où commencer": '{"answer": "start", "score": 12}\n' * 8,
        "Quelle est l’erreur": "- Mettre trop de déchets de cuisine d’un coup : le compost maison devient "
                               "humide et sent mauvais. Alternez avec des feuilles sèches.",
        "Combien de temps": "Comptez six à neuf mois : le compost maison est prêt quand il sent le "
                            "sous-bois et que l’on ne reconnaît plus les déchets.\n\n### Comment "
                            "entretenir son bac ?\n\n" + "Retournez-le chaque mois avec une fourche. " * 20,
    }

    def behaviour(req):
        last = req.body["messages"][-1]["content"]
        for start, answer in answers.items():
            if last.rstrip().endswith("?") and start in last.rsplit("### ", 1)[-1]:
                return Generate(content=[answer[i:i + 6] for i in range(0, len(answer), 6)])
        return small.writer(req)

    small.on_model(TINY.name, behaviour)
    events = list(ArticleGenerator(OllamaService(small.url), TINY.name).generate(FR))
    assert not [b for b in small.bodies() if isinstance(b.get("format"), dict)]   # no JSON at all
    article = events[-1].article
    assert [item.question for item in article.faq] == [
        "Quelle est l’erreur la plus fréquente en matière de compost maison ?",
        "Combien de temps faut-il prévoir en matière de compost maison ?"]
    assert article.faq[0].answer.startswith("Mettre trop de déchets")        # not a one-item list
    assert "score" not in article.body and "answer" not in article.body
    last = [e for e in events if isinstance(e, Metrics) and e.step == "FAQ"][-1]
    assert last.chars < 250 and "entretenir" not in article.body    # stopped at its own next question


def test_a_tiny_models_faq_answer_that_drifts_is_stopped_early_and_its_question_left_out(small):
    small.add_model(TINY)
    code = "".join(f'    value_{i} = compute(data["{i}"])  # step {i}\n' for i in range(200))

    def behaviour(req):
        if req.body["messages"][-1]["content"].rstrip().endswith("?"):
            return Generate(content=[code[i:i + 8] for i in range(0, len(code), 8)])
        return small.writer(req)

    small.on_model(TINY.name, behaviour)
    events = list(ArticleGenerator(OllamaService(small.url), TINY.name).generate(FR))
    faq_calls = [e for e in events if isinstance(e, Metrics) and e.step == "FAQ"]
    assert len(faq_calls) == 2 and all(e.chars < len(code) / 10 for e in faq_calls)   # two misses end it
    assert ("faq_skipped", None) in codes(events) and "compute(" not in events[-1].article.body


def test_elided_french_questions_before_a_vowel():
    from app.core.generation.prompts import PromptBook
    book = PromptBook(Brief("isolation des combles", Language.FR), compact=True, prefill=True)
    assert book.faq_questions()[0] == "Par où commencer en matière d’isolation des combles ?"
    assert book.intro_lead() == "En matière d’isolation des combles, "


def test_runs_of_spaces_a_small_model_puts_between_words_become_one():
    from app.core.generation.guards import scrub
    assert scrub("En résumé :   L’échantillon doit être propre.\n\n    code", urls=True) == (
        "En résumé : L’échantillon doit être propre.\n\n    code")

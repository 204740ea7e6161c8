"""Prompts are native per language, complete, and carry the brief's choices."""

from __future__ import annotations

import json

import pytest

from app.core.generation.prompts import PromptBook
from app.core.models import Brief, BriefOptions, Language, OutlineSection, Plan, PointOfView, Tone
from app.core.resources import resource_path

PLAN = Plan("Vélo électrique : le guide", "m" * 130, "velo-electrique", "Bien choisir son vélo électrique",
            [OutlineSection("Autonomie réelle", 2, 250, "km par charge"), OutlineSection("Prix", 3, 200)])


def all_messages(brief: Brief) -> list[str]:
    book = PromptBook(brief)
    groups = [book.plan(5), book.plan_text(5), book.intro(PLAN, 100),
              book.section(PLAN, 1, 250, "fin de l'intro"), book.continuation(PLAN, 2, 200, "déjà", extend=True),
              book.faq(PLAN, 4, 50), book.with_note(book.section(PLAN, 1, 250, ""), "retry.language")]
    return [m["content"] for group in groups for m in group]


def test_both_languages_have_the_same_templates():
    names = {lang: sorted(p.name for p in resource_path("prompts", lang).iterdir()) for lang in ("fr", "en")}
    assert names["fr"] == names["en"] and "section.txt" in names["fr"]
    labels = {lang: set(json.loads(resource_path("prompts", lang, "labels.json").read_text("utf-8")))
              for lang in ("fr", "en")}
    assert labels["fr"] == labels["en"]


@pytest.mark.parametrize("language", [Language.FR, Language.EN])
def test_every_prompt_renders_completely(language):
    brief = Brief("vélo électrique", language, secondary_keywords=("batterie", "autonomie"),
                  options=BriefOptions(key_takeaways=True))
    for text in all_messages(brief):
        assert "$" not in text and text.strip()


def test_french_prompts_are_written_in_french():
    texts = all_messages(Brief("vélo électrique", Language.FR))
    joined = "\n".join(texts)
    assert "Mot-clé principal : « vélo électrique »" in joined
    for english in ("Write ", "Main keyword", "Return one JSON", "Language: English"):
        assert english not in joined
    assert "Dans un monde en constante évolution" in texts[0] and "plongeons dans" in texts[0]


def test_english_system_prompt_bans_clichés():
    system = PromptBook(Brief("standing desk", Language.EN)).system()["content"]
    for cliche in ("In today's fast-paced world", "delve", "game-changer"):
        assert cliche in system


def test_brief_choices_reach_the_prompts():
    brief = Brief("standing desk", Language.EN, tone=Tone.FRIENDLY, point_of_view=PointOfView.FIRST_PLURAL,
                  audience="remote workers with back pain", instructions="Cite EU standard EN 527.",
                  options=BriefOptions(faq=False, lists_and_tables=False, conclusion=False))
    book = PromptBook(brief)
    system = book.system()["content"]
    assert "warm and friendly" in system and "(we)" in system
    assert "remote workers with back pain" in system and "EN 527" in system
    plan_prompt = book.plan(4)[-1]["content"]
    assert "no lists and no tables" in plan_prompt and "Do not add a conclusion" in plan_prompt
    assert "FAQ" not in plan_prompt
    section = book.section(PLAN, 1, 250, "")[-1]["content"]
    assert "Section to write: Autonomie réelle" in section and "about 250 words" in section


@pytest.mark.parametrize("language", [Language.FR, Language.EN])
def test_small_models_get_the_article_itself_not_instructions_to_echo(language):
    """A model under 2B repeats long instructions instead of following them: its prose
    requests are the article so far, ending where its answer starts; its JSON requests keep
    their instructions but no rule list."""
    brief = Brief("vélo électrique", language)
    book = PromptBook(brief, compact=True)
    (section,) = book.section(PLAN, 1, 250, "fin de l'intro")
    assert section["role"] == "user"
    assert section["content"].startswith(f"# {PLAN.h1}") and section["content"].rstrip().endswith("## Autonomie réelle")
    (plan,) = book.plan(4)
    assert "vélo électrique" in plan["content"] and "notes" not in plan["content"]
    full = PromptBook(brief).system()["content"]
    assert len(plan["content"]) < len(PromptBook(brief).plan(4)[1]["content"]) + len(full)


@pytest.mark.parametrize("language", [Language.FR, Language.EN])
def test_prose_prompts_fit_a_2048_token_window(language):
    from app.core.generation.budget import JobBudget
    from app.core.llm.types import ModelInfo

    brief = Brief("vélo électrique", language, target_words=1500,
                  secondary_keywords=("batterie", "autonomie", "prix"),
                  instructions="Citez la norme EN 15194. " * 20)
    plan = Plan("T", "m" * 130, "t", "Titre", [OutlineSection(f"Partie numéro {i} du plan", 2, 200, "notes " * 20)
                                                for i in range(12)])
    budget = JobBudget.for_job(ModelInfo("m", context_length=2048), brief, None)
    book = PromptBook(brief)
    for messages, words in ((book.section(plan, 5, 200, "texte " * 200), 200),
                            (book.continuation(plan, 5, 200, "texte " * 400, extend=True), 200),
                            (book.intro(plan, 150), 150)):
        budget.check(messages, budget.output_tokens(words), "step")   # raises if it does not fit

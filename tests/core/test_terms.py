"""Topic terms: the writer's list, coverage counted like the keyphrase, the model's proposal
(through the fake Ollama) and the terms reaching the section prompts."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.core.errors import InputError
from app.core.generation.pipeline import ArticleGenerator
from app.core.llm import OllamaService
from app.core.models import Brief, Language, OutlineSection
from app.core.terms import Term, assign_terms, coverage, coverage_score, length_cap, parse_terms
from app.core.terms.propose import propose_terms, terms_from_json, terms_schema
from tests.fake_ollama import Generate

BODY = ("# Vélo électrique\n\nLa batterie tient longtemps. Les batteries au lithium durent "
        "cinq ans. Le moteur central aide dans les côtes.\n\n## Autonomie\n\n"
        "L'autonomie dépend de la batterie et du poids.\n")


def test_terms_file_lines_ranges_and_errors():
    terms = parse_terms("# mes termes\nbatterie lithium: 2-4\nautonomie, 3\n\"moteur central\"\n"
                        "Autonomie: 1-2\n")
    assert terms == [Term("batterie lithium", 2, 4), Term("autonomie", 3, 3),
                     Term("\"moteur central\"", 1, 3)]           # the duplicate is dropped
    with pytest.raises(InputError, match="line 2"):
        parse_terms("batterie\nmoteur: 5-2\n")
    with pytest.raises(InputError, match="no terms"):
        parse_terms("# only a comment\n")
    assert parse_terms('[{"term": "frein", "min": 1, "max": 2}, "selle"]') == [
        Term("frein", 1, 2), Term("selle", 1, 3)]


def test_coverage_counts_word_forms_like_the_keyphrase():
    terms = [Term("batterie", 2, 3), Term("batterie lithium", 1, 2), Term("moteur central", 2, 3),
             Term("frein à disque", 1, 2), Term("autonomie", 1, 1)]
    counts = {c.term.text: (c.count, c.status) for c in coverage(BODY, terms, "fr")}
    assert counts["batterie"] == (3, "ok")            # "batteries" counts as a form
    assert counts["batterie lithium"] == (1, "ok")     # words of one sentence, any order
    assert counts["moteur central"] == (1, "under")
    assert counts["frein à disque"] == (0, "missing")
    assert counts["autonomie"] == (2, "over")          # the heading counts, as for the keyphrase
    score = coverage_score(coverage(BODY, terms, "fr"))
    assert score == round(100 * (1 + 1 + 0.5 + 0 + 0.5) / 5)


def test_terms_go_to_the_section_about_them():
    outline = [OutlineSection("Choisir sa batterie"), OutlineSection("Le moteur et les freins"),
               OutlineSection("Budget")]
    placed = assign_terms(["batteries lithium", "frein à disque", "garantie", "prix"], outline, "fr")
    assert placed[0][0] == "batteries lithium"
    assert placed[1] == ["frein à disque"]
    assert placed[2] == ["garantie"]                   # no match: the emptiest section
    assert sorted(sum(placed, [])) == ["batteries lithium", "frein à disque", "garantie", "prix"]


def _small_model(terms_answer: str, text: str):
    """A model answering the terms request (a JSON schema) with `terms_answer` and the plain
    question on the keyword with `text`."""
    def reply(req):
        body = req.body
        return Generate(content=[terms_answer if isinstance(body.get("format"), dict) else text])
    return reply


# In the manner of gemma3:270m's text on « compost en appartement », with a sentence off
# topic (its nouns are not taken).
COMPOST_TEXT = ("Vous avez une idée de la structure du compost dans votre maison. Le compost est "
                "un produit de la terre qui se transforme grâce aux bactéries et aux vers de "
                "terre. Vous pouvez mettre vos déchets de cuisine dans un bac à compost. Le bac "
                "à compost reste sur le balcon. Les déchets de cuisine nourrissent les bactéries "
                "du compost. Mon ordinateur a un navigateur internet.")


def test_the_model_proposes_bounded_terms_scaled_to_the_length(fake_ollama):
    answer = {"terms": [{"term": "batterie lithium", "min": 2, "max": 9},
                        {"term": "Vélo électrique", "min": 1, "max": 2},     # the keyphrase
                        {"term": "autonomie", "min": 3, "max": 1}]}
    text = ("Un vélo électrique a une batterie au lithium. L'autonomie du vélo dépend de la "
            "batterie, du moteur et du poids du cycliste. Le chat dort.")
    fake_ollama.on_model("llama3.1:8b", _small_model(json.dumps(answer), text))
    service = OllamaService(fake_ollama.url, busy_backoff=0.01)
    brief = Brief("vélo électrique", Language.FR, target_words=2000)
    proposal = propose_terms(service, "llama3.1:8b", brief)
    assert proposal.terms[:2] == [Term("batterie lithium", 2, 9), Term("autonomie", 1, 3)]
    assert proposal.refused == [] and proposal.from_model == 2     # the keyphrase dropped
    # Completed from the nouns of the model's short text on the keyword ("batterie" is in
    # "batterie lithium" already).
    assert [t.text for t in proposal.terms[2:]] == ["moteur", "poids", "cycliste"]
    schema = fake_ollama.bodies()[-2]["format"]["properties"]["terms"]
    assert schema["maxItems"] == 12 and schema["items"]["properties"]["max"]["maximum"] == 10
    assert "Langue : français" in fake_ollama.bodies()[-2]["messages"][0]["content"]
    assert "le vélo électrique en un paragraphe" in fake_ollama.bodies()[-1]["messages"][-1]["content"]
    # A 400-word article: the schema caps every count at 2, and so does the cleaning.
    assert terms_schema(12, length_cap(400))["properties"]["terms"]["items"]["properties"][
        "max"]["maximum"] == 2
    short = Brief("vélo électrique", Language.FR, target_words=400)
    assert terms_from_json(answer, short)[0] == Term("batterie lithium", 2, 2)


@pytest.mark.parametrize("junk, refused", [
    # gemma3:270m for « compost en appartement »: stubs of one word, then unrelated words.
    (["con", "cons", "consents", "concessions"],
     {"con": "fragment", "cons": "fragment", "consents": "off topic",
      "concessions": "off topic"}),
    # English for a French brief; markup and a phrase cut on a function word.
    (["the compost bin", "worm castings", "<b>bac</b>", "déchets de", "{term}", "fois"],
     {"the compost bin": "other language", "worm castings": "off topic",
      "<b>bac</b>": "fragment", "déchets de": "fragment", "{term}": "fragment",
      "fois": "too general"}),
])
def test_junk_terms_are_refused_and_replaced_by_the_topic_s_own_words(fake_ollama, junk,
                                                                      refused):
    answer = json.dumps({"terms": [{"term": t, "min": 1, "max": 2} for t in junk]})
    fake_ollama.on_model("llama3.1:8b", _small_model(answer, COMPOST_TEXT))
    service = OllamaService(fake_ollama.url, busy_backoff=0.01)
    brief = Brief("compost en appartement", Language.FR, target_words=600)
    proposal = propose_terms(service, "llama3.1:8b", brief)
    assert {r.text: r.reason for r in proposal.refused} == refused
    texts = [t.text for t in proposal.terms]
    assert proposal.from_model == 0 and len(texts) == 6
    # Phrases the text repeats come first, then its nouns by use (not "déchets" again, nor
    # "compost" alone, nor a verb such as "mettre", nor a word as general as "idée").
    assert texts == ["déchets de cuisine", "bac à compost", "bactéries", "structure", "maison",
                     "produit"]


def test_good_terms_survive_a_text_in_the_wrong_language(fake_ollama):
    answer = json.dumps({"terms": [{"term": t, "min": 1, "max": 2} for t in
                                   ("lombricomposteur", "déchets de cuisine", "odeurs")]})
    russian = "Мне нравится моя любимая игрушка. Мне нравятся мои любимые игрушки."
    fake_ollama.on_model("llama3.1:8b", _small_model(answer, russian))
    service = OllamaService(fake_ollama.url, busy_backoff=0.01)
    brief = Brief("compost en appartement", Language.FR, target_words=600)
    proposal = propose_terms(service, "llama3.1:8b", brief)
    # Nothing to judge the topic by: the model's terms are kept; nothing invented.
    assert [t.text for t in proposal.terms] == ["lombricomposteur", "déchets de cuisine", "odeurs"]
    assert proposal.refused == []


def test_an_unreadable_list_still_gives_terms(fake_ollama):
    fake_ollama.on_model("llama3.1:8b", _small_model("con, cons, consents", COMPOST_TEXT))
    service = OllamaService(fake_ollama.url, busy_backoff=0.01)
    brief = Brief("compost en appartement", Language.FR, target_words=600,
                  secondary_keywords=("lombricomposteur",))
    proposal = propose_terms(service, "llama3.1:8b", brief)
    assert proposal.unreadable
    texts = [t.text for t in proposal.terms]
    assert texts[0] == "lombricomposteur" and "bac à compost" in texts and len(texts) == 6


def test_section_prompts_receive_their_terms(fake_ollama):
    brief = Brief("vélo électrique", Language.FR, target_words=600,
                  terms=("batterie lithium", "frein à disque"))
    service = OllamaService(fake_ollama.url, busy_backoff=0.01)
    events = list(ArticleGenerator(service, "llama3.1:8b").generate(brief))
    assert type(events[-1]).__name__ == "ArticleReady"
    prompts = [b["messages"][-1]["content"] for b in fake_ollama.bodies() if b.get("messages")]
    with_terms = [p for p in prompts if "Employez ces termes" in p]
    assert with_terms, "no section prompt named the terms"
    named = " ".join(with_terms)
    assert "batterie lithium" in named and "frein à disque" in named


def test_analyze_prints_coverage_per_term(tmp_path, capsys):
    article = tmp_path / "velo.md"
    article.write_text("---\ntitle: Vélo\nlang: fr\nkeywords: [vélo électrique]\n---\n\n" + BODY,
                       encoding="utf-8")
    terms = tmp_path / "terms.txt"
    terms.write_text("batterie: 2-3\nfrein à disque\n", encoding="utf-8")
    assert main(["analyze", str(article), "--terms", str(terms)]) == 0
    out = capsys.readouterr().out
    assert "Term coverage: 50/100" in out
    assert "batterie: 3 (target 2-3, ok)" in out and "frein à disque: 0" in out
    assert main(["analyze", str(article), "--terms", str(terms), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["term_coverage"]["score"] == 50
    assert main(["analyze", str(article), "--terms", str(tmp_path / "none.txt")]) == 2
    assert "No such terms file" in capsys.readouterr().err


def test_generate_with_a_terms_file_reports_coverage(fake_ollama, tmp_path, capsys):
    terms = tmp_path / "terms.txt"
    terms.write_text("batterie: 1-3\nautonomie\n", encoding="utf-8")
    code = main(["generate", "vélo électrique", "--lang", "fr", "--words", "600", "--quiet",
                 "--model", "llama3.1:8b", "--host", fake_ollama.url, "--out", str(tmp_path),
                 "--terms", str(terms), "--no-review"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "Term coverage:" in err and "batterie:" in err
    bad = tmp_path / "bad.txt"
    bad.write_text("moteur: 4-1\n", encoding="utf-8")
    before = len(fake_ollama.requests)
    assert main(["generate", "vélo", "--host", fake_ollama.url, "--terms", str(bad)]) == 2
    assert len(fake_ollama.requests) == before


def test_generate_terms_auto_asks_the_model_then_reports_coverage(fake_ollama, tmp_path, capsys):
    code = main(["generate", "vélo électrique", "--lang", "fr", "--words", "600", "--quiet",
                 "--model", "llama3.1:8b", "--host", fake_ollama.url, "--out", str(tmp_path),
                 "--terms", "auto", "--no-review"])
    err = capsys.readouterr().err
    assert code == 0, err
    proposed = [b for b in fake_ollama.bodies() if "terms" in (b.get("format") or {}).get(
        "properties", {})]
    assert len(proposed) == 1
    assert "Topic terms:" in err and "Term coverage:" in err


def test_generate_terms_auto_says_what_it_refused(fake_ollama, tmp_path, capsys):
    answer = json.dumps({"terms": [{"term": t, "min": 1, "max": 2} for t in
                                   ("con", "cons", "consents", "concessions")]})
    writer = fake_ollama.model_behaviours.get("llama3.1:8b")
    assert writer is None                # the default writer drafts the article itself

    def reply(req):
        fmt = req.body.get("format")
        if isinstance(fmt, dict) and "terms" in fmt.get("properties", {}):
            return Generate(content=[answer])
        if "le compost en appartement en un" in req.body["messages"][-1]["content"]:
            return Generate(content=[COMPOST_TEXT])
        from tests.fake_ollama.behaviour import writer_reply
        return writer_reply(fake_ollama, fake_ollama.models["llama3.1:8b"], req.body)

    fake_ollama.on_model("llama3.1:8b", reply)
    code = main(["generate", "compost en appartement", "--lang", "fr", "--words", "600",
                 "--quiet", "--model", "llama3.1:8b", "--host", fake_ollama.url,
                 "--out", str(tmp_path), "--terms", "auto", "--no-review"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "Refused from the model: con (fragment), cons (fragment), consents (off topic)" in err
    listed = err.split("Topic terms: ", 1)[1].splitlines()[0]
    # Chosen at outline time: the plan's own phrases, then the short text's.
    assert "déchets de cuisine (1-2), bac à compost (1-2)" in listed
    assert "con " not in listed and "consents" not in listed
    assert "Term coverage:" in err and "déchets de cuisine:" in err
    bodies = fake_ollama.bodies()
    asked = next(i for i, b in enumerate(bodies)
                 if "terms" in (b.get("format") or {}).get("properties", {}))
    planned = next(i for i, b in enumerate(bodies) if "outline" in json.dumps(b.get("format")))
    sections = [b["messages"][-1]["content"] for b in bodies[asked:] if b.get("messages")]
    assert planned < asked
    assert any("Employez ces termes" in p and "bac à compost" in p for p in sections)


def test_terms_auto_with_a_site_takes_the_titles_of_its_pages_on_the_topic(fake_ollama,
                                                                           tmp_path, capsys):
    from app.application.site import site_store
    from app.core.site.importers import sitemap_pages
    from tests.core.test_site_links import sitemap

    with site_store() as store:
        store.save("jardin", sitemap_pages(sitemap(*[f"https://jardin.example/{s}/" for s in (
            "compost-de-feuilles-mortes", "odeurs-du-compost", "velo-electrique",
            "compost-en-appartement")]), "fr"))
    answer = json.dumps({"terms": [{"term": t, "min": 1, "max": 2} for t in ("con", "cons")]})
    russian = "Мне нравится моя любимая игрушка."        # gemma3:270m drifted so, once

    def reply(req):
        fmt = req.body.get("format")
        if isinstance(fmt, dict) and "terms" in fmt.get("properties", {}):
            return Generate(content=[answer])
        if "le compost en appartement en un" in req.body["messages"][-1]["content"]:
            return Generate(content=[russian])
        from tests.fake_ollama.behaviour import writer_reply
        return writer_reply(fake_ollama, fake_ollama.models["llama3.1:8b"], req.body)

    fake_ollama.on_model("llama3.1:8b", reply)
    code = main(["generate", "compost en appartement", "--lang", "fr", "--words", "600",
                 "--quiet", "--model", "llama3.1:8b", "--host", fake_ollama.url,
                 "--out", str(tmp_path), "--terms", "auto", "--links", "jardin", "--no-review"])
    err = capsys.readouterr().err
    assert code == 0, err
    listed = err.split("Topic terms: ", 1)[1].splitlines()[0]
    # The related pages' titles first (not the bike, not the page on the keyphrase itself),
    # then the plan's phrases.
    assert listed.startswith("compost de feuilles mortes (1-2), odeurs du compost (1-2), ")
    assert "vélo" not in listed and "compost en appartement" not in listed


def test_batch_with_a_terms_file_writes_them_in_and_reports_coverage(fake_ollama, tmp_path,
                                                                     capsys):
    terms = tmp_path / "termes.txt"
    terms.write_text("batterie: 1-3\nfrein à disque\n", encoding="utf-8")
    keywords = tmp_path / "mots.txt"
    keywords.write_text("vélo électrique\nvélo cargo\n", encoding="utf-8")
    out = tmp_path / "out"
    code = main(["batch", str(keywords), "--model", "llama3.1:8b", "--host", fake_ollama.url,
                 "--lang", "fr", "--words", "600", "--no-review", "--out", str(out),
                 "--terms", str(terms)])
    printed = capsys.readouterr().out
    assert code == 0, printed
    lines = [line for line in printed.splitlines() if line.startswith("Term coverage: ")]
    assert sorted(line.split(":")[1].strip() for line in lines) == ["vélo cargo",
                                                                    "vélo électrique"]
    prompts = [b["messages"][-1]["content"] for b in fake_ollama.bodies() if b.get("messages")]
    assert sum("Employez ces termes" in p and "frein à disque" in p for p in prompts) >= 2
    bad = tmp_path / "bad.txt"
    bad.write_text("moteur: 4-1\n", encoding="utf-8")
    before = len(fake_ollama.requests)
    assert main(["batch", str(keywords), "--model", "llama3.1:8b", "--host", fake_ollama.url,
                 "--out", str(tmp_path / "out2"), "--terms", str(bad)]) == 2
    assert len(fake_ollama.requests) == before                  # refused before any request


def test_phrases_of_the_topic_text_are_nouns_not_bits_of_sentences():
    from app.core.terms.vetting import context_terms

    # Shapes from gemma3:270m's text on « compost en appartement ».
    text = ("Le compost a besoin d’oxygène (voir plus bas). Le compost a besoin d’oxygène (voir "
            "la suite). La matière organique du compost. La matière organique nourrit le "
            "compost. Un bac à compost suffit. Le bac à compost se vide.")
    found = context_terms(Brief("compost en appartement", Language.FR), [text])
    assert found[:2] == ["matière organique", "bac à compost"]
    assert not any("(" in t or t.startswith("compost a ") for t in found)
    assert "oxygène" in found                          # the word, without its "d’"


def test_the_standard_outline_of_a_small_model_s_plan_is_not_a_text_on_the_topic():
    from app.core.models import Plan
    from app.core.terms.propose import plan_text

    brief = Brief("semis de tomates", Language.FR)
    plan = Plan("Semis de tomates", "Meta.", "semis-de-tomates", "Réussir ses semis",
                [OutlineSection("Semis de tomates : l'essentiel à savoir",
                                notes="Exemples concrets et étapes simples."),
                 OutlineSection("Comment choisir : les critères qui comptent"),
                 OutlineSection("Le terreau de semis", notes="Un terreau fin et humide.")])
    text = plan_text(plan, brief)
    # gemma3:270m's plan, completed with the pack's standard headings, gave 'critères',
    # 'action', 'prochaines' as terms: those lines are left out, the model's own are kept.
    assert "critères" not in text and "essentiel" not in text and "Exemples" not in text
    assert "Le terreau de semis" in text and "Un terreau fin et humide." in text

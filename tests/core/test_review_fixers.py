"""Rule fixes of the self-review: what a writer would otherwise correct by hand."""

from __future__ import annotations

from dataclasses import replace

from app.core.models import Article, FaqItem, Language
from app.core.review import document as doc
from app.core.review import fixers
from app.core.review.fixes import apply_fix, merge, replay
from app.core.review.typography import NBSP, NNBSP, fix_french_typography

BODY_FR = """# Le compost maison

Le jardinage est une passion. Il faut commencer tôt! Voici l'idée: faire simple.

## Pourquoi faire du compost?

Le compost réduit les déchets. Un foyer jette 80 kg par an.

## Choisir son bac

Un bac en bois suffit. Voir [l'article](https://exemple.fr/a?b=c:d).

## Les erreurs à éviter

Trop d'eau, pas assez d'air.
"""


def article(**changes: object) -> Article:
    base = Article(keyword="compost maison", language=Language.FR,
                   title="Compost maison : le guide", slug="compost-maison",
                   meta_description="x", body=BODY_FR)
    return replace(base, **changes)


def test_too_long_meta_description_is_cut_to_range_at_a_word_and_keeps_the_keyword():
    long_meta = ("Découvrez tout ce que vous avez toujours voulu savoir, avec des conseils pratiques, "
                 "des exemples réels et des chiffres. Le compost maison expliqué simplement pour "
                 "les débutants qui veulent réussir dès la première saison au jardin.")
    assert len(long_meta) > 156
    fix = fixers.fix_meta_description(article(meta_description=long_meta))
    assert fix is not None
    assert 121 <= len(fix.after) <= 156
    assert "compost maison" in fix.after.lower()
    words = set(long_meta.replace(".", " ").split()) | set(BODY_FR.replace(".", " ").split())
    assert all(w.strip(".,…:") in {x.strip(".,…:") for x in words} or w.startswith("…")
               for w in fix.after.split()), "no invented or cut words"


def test_short_meta_description_is_lengthened_from_the_introduction():
    fix = fixers.fix_meta_description(article(meta_description="Le compost maison."))
    assert fix is not None and 121 <= len(fix.after) <= 156
    assert fix.after.startswith("Le compost maison.")


def test_good_meta_description_is_left_alone():
    good = ("Le compost maison réduit vos déchets et nourrit le jardin : les bons gestes, "
            "le matériel utile et les erreurs à éviter pour réussir dès la première saison.")
    assert 121 <= len(good) <= 156
    assert fixers.fix_meta_description(article(meta_description=good)) is None


def test_title_gets_keyword_first_and_stays_within_sixty_characters():
    fix = fixers.fix_title(article(
        title="Le guide complet pour réussir au jardin et au potager en 2025 du compost maison"))
    assert fix is not None
    assert fix.after.lower().startswith("compost maison")
    assert len(fix.after) <= 60
    assert not fix.after.endswith((" du", " de", " pour", ","))


def test_title_without_keyword_is_prefixed_with_it():
    fix = fixers.fix_title(article(title="Réussir au jardin"))
    assert fix is not None and fix.after == "Compost maison : réussir au jardin"


def test_slug_is_rebuilt_from_keyword_only_when_it_misses_it():
    fix = fixers.fix_slug(article(slug="guide-du-jardin"))
    assert fix is not None and fix.after == "compost-maison"
    assert fixers.fix_slug(article(slug="compost-maison-facile")) is None


def test_missing_h1_is_added_and_extra_h1_is_demoted():
    added = fixers.fix_h1(article(body=BODY_FR.replace("# Le compost maison\n\n", "")))
    assert added is not None and added.after.startswith("# Compost maison : le guide\n\n")
    two = article(body=BODY_FR + "\n# Un second titre\n\nTexte.\n")
    demoted = fixers.fix_h1(two)
    assert demoted is not None
    assert [level for _, level, _ in doc.headings(demoted.after)].count(1) == 1
    assert "## Un second titre" in demoted.after
    assert fixers.fix_h1(article()) is None


def test_h1_inside_code_block_is_not_counted():
    body = BODY_FR + "\n```\n# not a heading\n```\n"
    assert fixers.fix_h1(article(body=body)) is None


def test_keyword_sentence_is_added_to_introduction_without_it():
    fix = fixers.fix_intro_keyword(article())
    assert fix is not None
    intro = doc.split(fix.after)[0].text
    assert "Compost maison : voici l’essentiel à savoir." in intro
    assert doc.split(fix.after)[1:] == doc.split(BODY_FR)[1:], "only the introduction changes"


def test_introduction_already_holding_keyword_is_left_alone():
    body = BODY_FR.replace("Le jardinage est une passion.", "Le compost maison est une passion.")
    assert fixers.fix_intro_keyword(article(body=body)) is None


def test_keyword_completes_subheadings_where_natural():
    fix = fixers.fix_subheadings(article())
    assert fix is not None
    assert "## Pourquoi faire du compost maison?" in fix.after
    assert "## Choisir son bac" in fix.after, "headings without the head word are not forced"


def test_french_typography_spaces_and_apostrophes():
    text = "Voici l'idée: faire simple! Vraiment? Il dit « oui »; fin."
    fixed = fix_french_typography(text)
    assert fixed == (f"Voici l’idée{NBSP}: faire simple{NNBSP}! Vraiment{NNBSP}? "
                     f"Il dit «{NBSP}oui{NBSP}»{NNBSP}; fin.")
    assert fix_french_typography(fixed) == fixed, "idempotent"


def test_french_typography_never_touches_code_urls_or_link_targets():
    text = ("Horaire 10:30. Lien [l'aide](https://ex.fr/?q=a:b) et https://ex.fr/x?y=1! "
            "Code `a: b; c!` ici.\n\n```\nkey: value; ok!\n```\n![image](img.png)")
    fixed = fix_french_typography(text)
    assert "10:30" in fixed and "(https://ex.fr/?q=a:b)" in fixed
    assert "`a: b; c!`" in fixed and "key: value; ok!" in fixed and "![image](img.png)" in fixed
    assert "[l’aide]" in fixed


def test_typography_fixes_cover_body_title_meta_and_faq_mirror():
    a = article(title="Compost maison: le guide", meta_description="Tout savoir!",
                faq=[FaqItem("Combien de temps?", "Six mois.")])
    fixes = fixers.fix_typography(a)
    fields = {f.field for f in fixes}
    assert {"title", "meta_description", "body", "faq"} <= fields
    for fix in fixes:
        a = apply_fix(a, fix) if fix.field != "body" else replace(a, body=fix.after)
    assert a.faq[0].question == f"Combien de temps{NNBSP}?"
    assert fixers.fix_typography(replace(a, language=Language.EN)) == []


def test_merge_applies_one_fix_on_top_of_another():
    base = "Le compost est bon. Il faut le faire! Fin."
    keyword = "Le compost maison est bon. Il faut le faire! Fin."
    typo = f"Le compost est bon. Il faut le faire{NNBSP}! Fin."
    assert merge(keyword, base, typo) == f"Le compost maison est bon. Il faut le faire{NNBSP}! Fin."


def test_replay_without_one_fix_keeps_the_others():
    a = article(slug="jardin", meta_description="Court.")
    f1 = fixers.fix_slug(a)
    a1 = apply_fix(a, f1)
    f2 = fixers.fix_intro_keyword(a1)
    a2 = apply_fix(a1, f2)
    f3 = next(f for f in fixers.fix_typography(a2) if f.id == "typography-body")
    a3 = apply_fix(a2, f3)
    undone = replay(a, [f1, f2, f3], skip={f2.id})
    assert undone.slug == "compost-maison"
    assert "voici l’essentiel" not in undone.body
    assert f"tôt{NNBSP}!" in undone.body, "typography of the same section survives the undo"
    assert replay(a, [f1, f2, f3]) == a3


def test_merge_keeps_independent_edits_of_random_texts():
    """Undoing one fix must keep every other: two edits on different words always merge."""
    import random

    vocabulary = "le compost maison est bon pour le jardin et la terre du potager".split()
    rng = random.Random(7)
    for _ in range(300):
        lines = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(3, 12))) + "."
                 for _ in range(rng.randint(1, 8))]
        mine, theirs = list(lines), list(lines)
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        words_i, words_j = mine[i].split(" "), theirs[j].split(" ")
        k, m = rng.randrange(len(words_i)), rng.randrange(len(words_j))
        if i == j and abs(k - m) < 2:
            continue
        words_i[k], words_j[m] = "FIX", "KEPT"
        mine[i], theirs[j] = " ".join(words_i), " ".join(words_j)
        if rng.random() < 0.3:
            theirs.insert(rng.randrange(len(theirs) + 1), "Une ligne ajoutée.")
        merged = merge("\n".join(theirs), "\n".join(lines), "\n".join(mine))
        assert "FIX" in merged and merged.count("KEPT") == 1
        assert merged.count("Une ligne ajoutée.") == sum(t == "Une ligne ajoutée." for t in theirs)


def test_model_answer_is_cleaned_of_wrappers_but_keeps_its_subheadings():
    from app.core.review.model_reviser import clean_answer

    section = "First paragraph.\n\n### A new subheading\n\nSecond paragraph."
    for wrapped in (section,
                    f"```markdown\n{section}\n```",
                    f"Here is the revised section:\n{section}",
                    f"<<<SECTION\n{section}\nSECTION>>>",
                    f"## Why it matters\n\n{section}"):
        assert clean_answer(wrapped) == section, wrapped

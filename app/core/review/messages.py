"""Wording of review fixes and rejections for the CLI and the GUI, in French and English.
The core records codes and parameters; only this module turns them into sentences."""

from __future__ import annotations

from typing import Any

from app.core.review.fixes import Fix
from app.core.review.result import Rejected, good_share

_FIX = {
    "en": {
        "review.h1.added": "Added the missing H1 “{h1}”.",
        "review.h1.demoted": "Turned {count} extra H1 heading(s) into H2.",
        "review.title": "SEO title: {what} ({chars} characters).",
        "review.meta_description": "Meta description rewritten to {chars} characters ({why}).",
        "review.slug.from_keyword": "Slug set from the keyphrase: “{after}”.",
        "review.intro.keyword_added": "Keyphrase added to the introduction: “{sentence}”",
        "review.subheadings.keyword_added": "Keyphrase added to subheading(s): {headings}.",
        "review.typography.fixed": "French typography (non-breaking spaces, apostrophes){where}.",
        "review.section.revised": "Section “{heading}” revised by the model ({checks}).",
    },
    "fr": {
        "review.h1.added": "H1 manquant ajouté : « {h1} ».",
        "review.h1.demoted": "{count} titre(s) H1 en trop changé(s) en H2.",
        "review.title": "Titre SEO : {what} ({chars} caractères).",
        "review.meta_description": "Méta-description réécrite en {chars} caractères ({why}).",
        "review.slug.from_keyword": "Slug construit à partir de la requête : « {after} ».",
        "review.intro.keyword_added": "Requête ajoutée à l’introduction : « {sentence} »",
        "review.subheadings.keyword_added": "Requête ajoutée aux intertitres : {headings}.",
        "review.typography.fixed": "Typographie française (espaces insécables, apostrophes){where}.",
        "review.section.revised": "Section « {heading} » révisée par le modèle ({checks}).",
    },
}
_WORDS = {
    "en": {"keyword_at_start": "keyphrase moved to the start", "shortened": "shortened",
           "normalised": "tidied", "too_long": "was {was}", "too_short": "was {was}",
           "empty": "was empty", "keyword": "keyphrase placed", "intro": "introduction",
           "where_section": " in “{heading}”", "where_field": " in the {field}",
           "where_intro": " in the introduction", "title": "SEO title",
           "meta_description": "meta description", "faq": "FAQ data", "body": "text"},
    "fr": {"keyword_at_start": "requête placée en tête", "shortened": "raccourci",
           "normalised": "nettoyé", "too_long": "au lieu de {was}", "too_short": "au lieu de {was}",
           "empty": "elle était vide", "keyword": "requête ajoutée", "intro": "introduction",
           "where_section": " dans « {heading} »", "where_field": " ({field})",
           "where_intro": " dans l’introduction", "title": "titre SEO",
           "meta_description": "méta-description", "faq": "données FAQ", "body": "texte"},
}
_REJECTED = {
    "en": {"score_worse": "made the score worse", "no_gain": "did not improve the score",
           "headings_changed": "changed headings it had to keep", "empty": "came back empty",
           "length_changed": "changed the length too much",
           "wrong_language": "was not in the article’s language"},
    "fr": {"score_worse": "faisait baisser le score", "no_gain": "n’améliorait pas le score",
           "headings_changed": "modifiait des intertitres à conserver", "empty": "était vide",
           "length_changed": "changeait trop la longueur",
           "wrong_language": "n’était pas dans la langue de l’article"},
}


def _lang(language: str) -> str:
    return "fr" if str(language).startswith("fr") else "en"


def describe(fix: Fix, language: str = "en") -> str:
    lang = _lang(language)
    texts, words = _FIX[lang], _WORDS[lang]
    params: dict[str, Any] = {"after": fix.after, **fix.params}
    family = fix.code.split(".")
    if family[1] == "title":
        what = ", ".join(words.get(part, part) for part in family[2].split("+"))
        return texts["review.title"].format(what=what, chars=params.get("chars", len(fix.after)))
    if family[1] == "meta_description":
        why = words.get(family[2], family[2]).format(was=params.get("was", ""))
        return texts["review.meta_description"].format(chars=params.get("chars", 0), why=why)
    if fix.code == "review.typography.fixed":
        if fix.section:
            where = words["where_section"].format(heading=params.get("heading", ""))
        elif fix.section == 0:
            where = words["where_intro"]
        else:
            where = words["where_field"].format(field=words.get(fix.field, fix.field))
        return texts[fix.code].format(where=where)
    if "headings" in params and isinstance(params["headings"], list):
        params["headings"] = ", ".join(f"“{h}”" if lang == "en" else f"« {h} »"
                                       for h in params["headings"])
    if "checks" in params and isinstance(params["checks"], list):
        params["checks"] = ", ".join(str(c).replace("_", " ") for c in params["checks"])
    if not params.get("heading"):
        params["heading"] = words["intro"]
    template = texts.get(fix.code, fix.code)
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def describe_rejected(item: Rejected, language: str = "en") -> str:
    lang = _lang(language)
    reason = _REJECTED[lang].get(item.reason, item.reason)
    what = describe(item.fix, lang).rstrip(".")
    if lang == "fr":
        return f"Écarté : {what} — {reason}."
    return f"Discarded: {what} — {reason}."


_NOTICE = {
    "en": {
        "review.revision_kept": "self-review: “{heading}” revised ({checks})",
        "review.revision_rejected": "self-review: revision of “{heading}” discarded (not better)",
        "review.revision_failed": "self-review: the model could not revise a section ({error})",
        "review.section_too_long": "self-review: a section is too long for the context window",
        "review.budget_spent": "self-review: token budget spent ({tokens} tokens)",
        "review.failed": "self-review stopped on an internal error; the draft is kept",
    },
    "fr": {
        "review.revision_kept": "relecture : « {heading} » révisée ({checks})",
        "review.revision_rejected": "relecture : révision de « {heading} » écartée (pas meilleure)",
        "review.revision_failed": "relecture : le modèle n’a pas pu réviser une section ({error})",
        "review.section_too_long": "relecture : une section est trop longue pour la fenêtre de contexte",
        "review.budget_spent": "relecture : budget de jetons épuisé ({tokens} jetons)",
        "review.failed": "relecture interrompue par une erreur interne ; le brouillon est conservé",
    },
}
_INTRO = {"en": "introduction", "fr": "introduction"}


def describe_notice(notice: Any, language: str = "en") -> str:
    """Text of a review Notice (`code` "review.*", `params`)."""
    lang = _lang(language)
    params = dict(getattr(notice, "params", {}) or {})
    params["heading"] = params.get("heading") or _INTRO[lang]
    if isinstance(params.get("checks"), list):
        params["checks"] = ", ".join(str(c).replace("_", " ") for c in params["checks"])
    template = str(_NOTICE[lang].get(notice.code, notice.code))
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return template


def summary_lines(result: Any, language: str = "en") -> list[str]:
    """What the CLI prints after a review: scores, then each fix and each discarded change."""
    lang = _lang(language)
    seo_b, seo_a, read_b, read_a = result.score_change
    good_b, good_a = good_share(result.before), good_share(result.after)
    if lang == "fr":
        head = (f"Relecture : SEO {seo_b} → {seo_a}, lisibilité {read_b} → {read_a}, "
                f"critères au vert {good_b:.0%} → {good_a:.0%}")
    else:
        head = (f"Self-review: SEO {seo_b} → {seo_a}, readability {read_b} → {read_a}, "
                f"checks good {good_b:.0%} → {good_a:.0%}")
    if result.stopped:
        head += " (arrêtée)" if lang == "fr" else " (stopped)"
    lines = [head]
    lines += [f"  + {describe(fix, lang)}" for fix in result.fixes]
    lines += [f"  − {describe_rejected(item, lang)}" for item in result.rejected]
    return lines

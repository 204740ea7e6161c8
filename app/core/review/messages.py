"""Wording of review fixes and rejections for the CLI and the GUI, in French and English.
The core records codes and parameters; only this module turns them into sentences."""

from __future__ import annotations

import re
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
        "review.paragraphs.split": "Split {count} long paragraph(s) at sentence ends.",
        "review.slug.cleaned": "Slug cleaned: “{after}”.",
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
        "review.paragraphs.split": "{count} paragraphe(s) trop long(s) coupé(s) en fin de phrase.",
        "review.slug.cleaned": "Slug nettoyé : « {after} ».",
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


# ---- One line saying what a review did ("Split 2 long paragraphs; … — SEO 46 → 62")

_SHORT = {
    "en": {
        "review.h1.added": "added the missing H1",
        "review.h1.demoted": "turned extra H1 headings into H2",
        "review.title": "reworked the SEO title",
        "review.meta_description": "rewrote the meta description",
        "review.slug": "fixed the slug",
        "review.intro.keyword_added": "added the keyphrase to the intro",
        "review.subheadings.keyword_added": "added the keyphrase to {n} subheading(s)",
        "review.typography.fixed": "fixed French typography",
        "review.section.revised": "had the model revise {n} section(s)",
        "review.paragraphs.split": "split {n} long paragraph(s)",
    },
    "fr": {
        "review.h1.added": "H1 manquant ajouté",
        "review.h1.demoted": "H1 en trop passés en H2",
        "review.title": "titre SEO retravaillé",
        "review.meta_description": "méta-description réécrite",
        "review.slug": "slug corrigé",
        "review.intro.keyword_added": "requête ajoutée à l’introduction",
        "review.subheadings.keyword_added": "requête ajoutée à {n} intertitre(s)",
        "review.typography.fixed": "typographie française corrigée",
        "review.section.revised": "{n} section(s) révisée(s) par le modèle",
        "review.paragraphs.split": "{n} paragraphe(s) trop long(s) coupé(s)",
    },
}
_NOTHING = {"en": "Nothing to change", "fr": "Rien à changer"}
_STOPPED = {"en": " (stopped)", "fr": " (arrêtée)"}


def _family(code: str) -> str:
    """"review.title.shortened" → "review.title"; codes with a fixed wording stay whole."""
    parts = code.split(".")
    if parts[1] in ("title", "meta_description", "slug", "h1") and code not in _SHORT["en"]:
        return ".".join(parts[:2])
    return code


def _count(fix: Fix) -> int:
    if fix.code == "review.subheadings.keyword_added":
        return len(fix.params.get("headings") or ()) or 1
    if fix.code == "review.paragraphs.split":
        return int(fix.params.get("count", 1) or 1)
    return 1


def change_summary(fixes: list[Fix], scores: tuple[int, int, int, int], language: str = "en",
                   *, stopped: bool = False) -> str:
    """What a review (or a series of one-click fixes) changed, in one line, with the scores:
    "Split 2 long paragraphs; added the keyphrase to the intro — SEO 46 → 62"."""
    lang = _lang(language)
    counts: dict[str, int] = {}
    for fix in fixes:
        family = _family(fix.code)
        counts[family] = counts.get(family, 0) + _count(fix)
    phrases = []
    for family, n in counts.items():
        template = _SHORT[lang].get(family)
        if template is not None:
            phrases.append(_plural(template.format(n=n), n))
    joint = "\u202f; " if lang == "fr" else "; "     # French: thin no-break space before ;
    text = joint.join(phrases) if phrases else _NOTHING[lang]
    text = text[:1].upper() + text[1:]
    seo_b, seo_a, read_b, read_a = scores
    label = "lisibilité" if lang == "fr" else "readability"
    score = f"SEO {seo_b} → {seo_a}" if seo_b != seo_a or read_b == read_a else ""
    if read_b != read_a:
        score += (", " if score else "") + f"{label} {read_b} → {read_a}"
    if not fixes:
        score = f"SEO {seo_a}"
    return f"{text} — {score}" + (_STOPPED[lang] if stopped else "")


def _plural(text: str, n: int) -> str:
    """"2 long paragraph(s)" → "2 long paragraphs"; "1 … paragraph(s)" → "1 … paragraph"."""
    if n == 1:
        return re.sub(r"\((?:e?s|x)\)", "", text)
    return re.sub(r"\((e?s|x)\)", r"\1", text)


def review_summary(result: Any, language: str = "en") -> str:
    """`change_summary` of a `ReviewResult`."""
    return change_summary(list(result.fixes), result.score_change, language,
                          stopped=bool(result.stopped))

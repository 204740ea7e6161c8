"""The default "writer": answers any chat/generate request plausibly, without scripting.

It reads the keyword, the language, the section heading and the word target from the
prompt (whatever its exact wording), then returns either JSON matching the request's
JSON schema (plan, FAQ, review… see `schema_fill`) or a section of Markdown prose in the
prompt's language that contains the keyword.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass
from typing import Any

_KEYWORD = re.compile(
    r"(?:main keyword|primary keyword|focus keyword|target keyword|keyword|"
    r"mot-clé principal|mot-cl[ée]|mot clé|requête cible|requête)\s*[:=]\s*"
    r"[«\"“']?\s*([^\n«»\"“”]+?)\s*[»\"”']?\s*(?:\n|$)",
    re.IGNORECASE,
)
_LANG = re.compile(r"(?:language|langue)\s*[:=]\s*([A-Za-zçé]+)", re.IGNORECASE)
_SECTION = re.compile(
    r"(?:section to write|current section|section heading|section à rédiger|section en cours|"
    r"titre de la section)\s*[:=]\s*[«\"“]?\s*([^\n«»\"“”]+?)\s*[»\"”]?\s*(?:\n|$)",
    re.IGNORECASE,
)
_WORDS = re.compile(r"(\d{2,4})\s*(?:words|mots)", re.IGNORECASE)
_FR_HINTS = (" le ", " la ", " les ", " des ", " est ", " vous ", " pour ", " une ", " du ", " et ")
_EN_HINTS = (" the ", " and ", " is ", " you ", " for ", " of ", " with ", " to ", " a ", " your ")


@dataclass(frozen=True)
class PromptFacts:
    keyword: str
    language: str        # "fr" | "en"
    section: str
    words: int
    seed: int
    prompt: str = ""     # a real model does not copy the text it was shown: neither does the fake


def prompt_text(body: dict[str, Any]) -> str:
    if "messages" in body:
        parts = [str(m.get("content") or "") for m in body.get("messages") or []]
    else:
        parts = [str(body.get("system") or ""), str(body.get("prompt") or "")]
    return "\n".join(parts)


def read_facts(body: dict[str, Any]) -> PromptFacts:
    text = prompt_text(body)
    found = _KEYWORD.search(text)
    keyword = found.group(1).strip(" .") if found else "the topic"
    lang_match = _LANG.search(text)
    if lang_match and lang_match.group(1).lower()[:2] in ("fr", "en"):
        language = lang_match.group(1).lower()[:2]
    else:
        low = f" {text.lower()} "
        fr = sum(low.count(w) for w in _FR_HINTS) + low.count("é")
        en = sum(low.count(w) for w in _EN_HINTS)
        language = "fr" if fr > en else "en"
    section_match = _SECTION.search(text)
    section = section_match.group(1).strip() if section_match else ""
    words_match = _WORDS.findall(text)
    target = int(words_match[-1]) if words_match else 250
    options = body.get("options") or {}
    seed_src = f"{text}|{options.get('seed')}".encode()
    return PromptFacts(keyword, language, section, max(60, min(target, 700)),
                       int(hashlib.sha256(seed_src).hexdigest()[:8], 16), text)


_SENTENCES = {
    "en": [
        "{Kw} is easier to judge once you compare three concrete criteria: cost, time and results.",
        "A small team that tested {kw} for six weeks cut its preparation time by about a third.",
        "Start with one measurable goal, for example saving two hours a week, and check it after a month.",
        "Most beginners overspend on options they never use; list your real needs before buying.",
        "Ask for a written quote and compare at least three offers line by line.",
        "In practice, the details of {kw} matter more than the brand name on the box.",
        "Keep a simple log of what works and what does not; after ten entries the pattern is obvious.",
        "A budget of 50 to 150 euros covers most first projects, and the rest can wait.",
        "If a claim sounds too good, ask for the source and the date of the figures.",
        "Plan a short review every quarter so that {kw} stays aligned with your goals.",
        "Local regulations differ, so check the rules that apply in your area before you commit.",
        "The best results come from regular small adjustments rather than one big overhaul.",
    ],
    "fr": [
        "{Kw} se juge plus facilement en comparant trois critères concrets : le coût, le temps et le résultat.",
        "Une petite équipe qui a testé {kw} pendant six semaines a réduit son temps de préparation d'un tiers environ.",
        "Fixez d'abord un objectif mesurable, par exemple gagner deux heures par semaine, puis vérifiez-le au bout d'un mois.",
        "La plupart des débutants paient des options qu'ils n'utilisent jamais : listez vos vrais besoins avant d'acheter.",
        "Demandez un devis écrit et comparez au moins trois offres ligne par ligne.",
        "Dans la pratique, les détails de {kw} comptent davantage que la marque affichée sur la boîte.",
        "Tenez un carnet simple de ce qui fonctionne ; après une dizaine d'entrées, la tendance saute aux yeux.",
        "Un budget de 50 à 150 euros couvre la plupart des premiers projets, le reste peut attendre.",
        "Si une promesse paraît trop belle, demandez la source et la date des chiffres.",
        "Prévoyez un court bilan chaque trimestre pour que {kw} reste aligné sur vos objectifs.",
        "La réglementation varie d'une région à l'autre : vérifiez les règles locales avant de vous engager.",
        "Les meilleurs résultats viennent de petits ajustements réguliers plutôt que d'un grand chantier.",
    ],
}
_LIST_INTRO = {"en": "Before you decide, check these points:", "fr": "Avant de vous décider, vérifiez ces points :"}
_LIST_ITEMS = {
    "en": ["the total cost over one year", "the time needed each week", "the support available",
           "the opinions of people who use {kw} daily"],
    "fr": ["le coût total sur un an", "le temps nécessaire chaque semaine", "l'accompagnement proposé",
           "l'avis de personnes qui pratiquent {kw} au quotidien"],
}
_THINKING = {
    "en": "The user wants text about {kw}. I should stay concrete, give figures and avoid clichés. "
          "Let me structure it in short paragraphs.",
    "fr": "The user wants French text about {kw}. I should write natural French, stay concrete "
          "and give figures. Short paragraphs.",
}


# Past one pass over the sentences, a real model says new things: clauses combined in pairs
# that never recur (a fake that repeats itself would be cut as a loop, as it should be).
_CLAUSES = {
    "en": ["compare the offers on paper", "note the real cost per month", "ask someone who uses it daily",
           "test it for two weeks first", "keep the receipts and the manual", "check the warranty terms twice",
           "start with the cheapest option", "write down what you expect", "measure the result after thirty days",
           "plan a fallback if it fails"],
    "fr": ["comparez les offres sur le papier", "notez le coût réel par mois", "demandez l'avis d'un utilisateur",
           "testez pendant deux semaines d'abord", "gardez les factures et la notice", "relisez deux fois la garantie",
           "commencez par l'option la moins chère", "écrivez ce que vous attendez", "mesurez le résultat après trente jours",
           "prévoyez une solution de repli"],
}
_LINKS = {"en": ", then ", "fr": ", puis "}



def _fresh_sentence(language: str, n: int) -> str:
    clauses = _CLAUSES[language]
    a = n % len(clauses)
    b = (a + 1 + (n // len(clauses)) % (len(clauses) - 1)) % len(clauses)
    text = f"{clauses[a]}{_LINKS[language]}{clauses[b]} ({n + 1})."   # the number keeps it unique
    return text[:1].upper() + text[1:]


def _fill(template: str, keyword: str) -> str:
    return template.replace("{Kw}", keyword[:1].upper() + keyword[1:]).replace("{kw}", keyword)


def prose(facts: PromptFacts) -> str:
    """A few paragraphs of Markdown prose, about `facts.words` words, containing the keyword."""
    rng = random.Random(facts.seed)
    sentences = _SENTENCES[facts.language]
    with_keyword = [i for i, s in enumerate(sentences) if "{kw}" in s.lower()]
    opening = with_keyword[rng.randrange(len(with_keyword))]
    first = _fill(sentences[opening], facts.keyword)
    paragraphs: list[str] = []
    current = [first]
    count = len(first.split())
    order = [i for i in range(len(sentences)) if i != opening]
    rng.shuffle(order)
    i = 0
    with_list = rng.random() < 0.4
    fresh = 0
    while count < facts.words:
        if i < len(order):
            sentence = _fill(sentences[order[i]], facts.keyword)
        else:
            sentence = _fresh_sentence(facts.language, fresh)
            fresh += 1
        i += 1
        if sentence in facts.prompt and fresh < 200:
            continue
        current.append(sentence)
        count += len(sentence.split())
        if len(current) >= 3:
            paragraphs.append(" ".join(current))
            current = []
            if with_list and len(paragraphs) == 1:
                items = [f"- {_fill(x, facts.keyword)}" for x in _LIST_ITEMS[facts.language]]
                paragraphs.append(_LIST_INTRO[facts.language] + "\n\n" + "\n".join(items))
                count += 25
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def thinking_text(facts: PromptFacts) -> str:
    return _fill(_THINKING[facts.language], facts.keyword)

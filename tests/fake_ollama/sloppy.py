"""A "sloppy model" for the fake server: it drafts with the usual mistakes, and revises
sections the way a decent model follows the self-review's instructions (or makes them worse).

    fake.on_model("qwen3:8b", SloppyModel())              # draft with mistakes, good revisions
    fake.on_model("qwen3:8b", SloppyModel(worsen=True))   # revisions that lower the score

Mistakes of a draft: a 200-character meta description without the keyword, an opening
paragraph (the first prose answer: the introduction) without the keyword,
with an AI cliché and 260 words in one paragraph. Built only on the fake's public pieces (replies, writer, schema_fill).
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from . import replies as r
from .schema_fill import SchemaFiller
from .writer import _SENTENCES, prompt_text, prose, read_facts

if TYPE_CHECKING:
    from .server import RecordedRequest

REVIEW_MARKER = "<<<SECTION"
CLICHES = {"en": "In today's fast-paced world, ", "fr": "Dans un monde en constante évolution, "}
_GENERIC = {"en": "this topic", "fr": "ce sujet"}
_SECTION = re.compile(r"<<<SECTION\s*\n(.*?)\n\s*SECTION>>>", re.DOTALL)
_TRANSITIONS = {"en": ["However, ", "For example, ", "Therefore, ", "In addition, ", "Finally, "],
                "fr": ["Cependant, ", "Par exemple, ", "Ainsi, ", "De plus, ", "Enfin, "]}
_STUFFING = {"en": "It is {kw} that matters. It is {kw} again.",
             "fr": "Il faut du {kw} partout. Il faut du {kw} encore."}
_ASKS = {
    "split": ("Split the paragraph", "Coupez le paragraphe"),
    "cliche": ("stock phrases", "formules toutes faites"),
    "keyphrase": ("Use the keyphrase", "Employez la requête"),
    "transitions": ("transition word", "mot de liaison"),
    "subheadings": ("subheading", "intertitre"),
    "reduce": ("repeated too often", "revient trop souvent"),
}


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def sloppy_paragraph(language: str, words: int = 260) -> str:
    """One long paragraph that never names the keyword and opens with a cliché."""
    pool = [s.replace("{Kw}", _GENERIC[language].capitalize()).replace("{kw}", _GENERIC[language])
            for s in _SENTENCES[language]]
    sentences = [CLICHES[language] + _lower_first(pool[0])]
    i = 1
    while sum(len(s.split()) for s in sentences) < words:
        sentences.append(pool[i % len(pool)])
        i += 1
    return " ".join(sentences)


class SloppyModel:
    """Callable behaviour for `FakeOllama.on_model` / `enqueue`."""

    def __init__(self, *, worsen: bool = False, sloppy_prose_calls: int = 1) -> None:
        self.worsen = worsen
        self.sloppy_prose_calls = sloppy_prose_calls   # 1: the introduction
        self.prose_calls = 0
        self.revisions = 0

    def __call__(self, req: RecordedRequest) -> r.Reply:
        body: dict[str, Any] = req.body
        text = prompt_text(body)
        facts = read_facts(body)
        if REVIEW_MARKER in text:
            self.revisions += 1
            return r.Generate(content=r.words(self.revise(text, facts.language, facts.keyword)))
        fmt = body.get("format")
        if isinstance(fmt, dict):
            value = self._sloppy_json(SchemaFiller(fmt, facts).value(), facts.language)
            dumped = json.dumps(value, ensure_ascii=False)
            return r.Generate(content=[dumped[i:i + 6] for i in range(0, len(dumped), 6)])
        self.prose_calls += 1
        if self.prose_calls <= self.sloppy_prose_calls:
            return r.Generate(content=r.words(sloppy_paragraph(facts.language)))
        return r.Generate(content=r.words(prose(facts)))

    # ---- drafting mistakes

    def _sloppy_json(self, value: Any, language: str, key: str = "") -> Any:
        if isinstance(value, dict):
            return {k: self._sloppy_json(v, language, k) for k, v in value.items()}
        if isinstance(value, list):
            return [self._sloppy_json(v, language, key) for v in value]
        low = key.lower()
        if isinstance(value, str) and ("meta" in low or low == "description"):
            return self.long_meta(language)
        if isinstance(value, str) and "intro" in low:
            return sloppy_paragraph(language)
        return value

    @staticmethod
    def long_meta(language: str) -> str:
        base = {"en": "Discover everything you always wanted to know, with practical advice, "
                      "real examples, figures and answers to the questions people ask most often "
                      "before they start, all in one place for you today.",
                "fr": "Découvrez tout ce que vous avez toujours voulu savoir, avec des conseils "
                      "pratiques, des exemples réels, des chiffres et les réponses aux questions "
                      "que tout le monde se pose avant de commencer, ici."}[language]
        return (base + " " + base)[:199].rstrip() + "."   # about 200 characters

    # ---- revisions

    def revise(self, prompt: str, language: str, keyword: str) -> str:
        found = _SECTION.search(prompt)
        section = found.group(1) if found else ""
        if self.worsen:  # a wall of text, a cliché, repeated openings, keyword stuffing
            flat = " ".join(line for line in section.split("\n") if line and not line.startswith("#"))
            stuffing = " ".join(_STUFFING[language].format(kw=keyword) for _ in range(4))
            return CLICHES[language] + _lower_first(flat) + " " + stuffing
        asked = {name for name, phrases in _ASKS.items() if any(p in prompt for p in phrases)}
        paragraphs = [p for p in section.split("\n\n") if p.strip()]
        out: list[str] = []
        for paragraph in paragraphs:
            if "cliche" in asked:
                for cliche in CLICHES.values():
                    paragraph = re.sub(re.escape(cliche) + r"(\w)",
                                       lambda m: m.group(1).upper(), paragraph)
            if "split" in asked and len(paragraph.split()) > 150 and not paragraph.startswith(("#", "-", "|")):
                out.extend(_split(paragraph, language, "transitions" in asked))
            else:
                out.append(paragraph)
        if "reduce" in asked:  # keep the first mention, name it generically afterwards
            pattern = re.compile(re.escape(keyword), re.IGNORECASE)
            seen = 0
            for i, paragraph in enumerate(out):
                if paragraph.startswith("#"):
                    continue

                def swap(match: re.Match[str]) -> str:
                    nonlocal seen
                    seen += 1
                    return match.group(0) if seen == 1 else _GENERIC[language]
                out[i] = pattern.sub(swap, paragraph)
        if "keyphrase" in asked and out:
            sentence = {"en": f"Keep {keyword} simple at first.",
                        "fr": f"Pour {keyword}, commencez simplement."}[language]
            out[0] = out[0] + " " + sentence
        return "\n\n".join(out)


def _split(paragraph: str, language: str, transitions: bool) -> list[str]:
    sentences = re.split(r"(?<=[.!?])\s+", paragraph)
    chunks: list[list[str]] = [[]]
    for i, sentence in enumerate(sentences):
        if transitions and i % 3 == 2:
            sentence = _TRANSITIONS[language][i % 5] + _lower_first(sentence)
        if chunks[-1] and sum(len(s.split()) for s in chunks[-1]) + len(sentence.split()) > 90:
            chunks.append([])
        chunks[-1].append(sentence)
    return [" ".join(c) for c in chunks if c]


class StallingReviser:
    """The sloppy model whose section revisions are good until number `stall_at`, which
    streams a few words and then goes quiet (for Stop during the self-review)."""

    def __init__(self, stall_at: int = 2, sloppy_prose_calls: int = 3) -> None:
        import threading

        self.sloppy = SloppyModel(sloppy_prose_calls=sloppy_prose_calls)
        self.stall_at = stall_at
        self.revisions = 0
        self.stalled = threading.Event()

    def __call__(self, req: Any) -> Any:
        if REVIEW_MARKER in prompt_text(req.body):
            self.revisions += 1
            if self.revisions >= self.stall_at:
                self.stalled.set()
                return r.Generate(content="Half of a revision that never", gap_before={3: 30.0})
        return self.sloppy(req)

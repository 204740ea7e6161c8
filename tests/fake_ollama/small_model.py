"""A "small model" for the fake server: the failure shapes seen with a real 270M model.

    fake.on_model("gemma3:1b", SmallModel(loop=True))           # prose that repeats itself
    fake.on_model("gemma3:1b", SmallModel(junk_plan=True))      # "Level 1" headings, JSON debris
    fake.on_model("gemma3:1b", SmallModel(empty=2))             # the first two prose answers empty
    fake.on_model("gemma3:1b", SmallModel(english=1))           # the first prose answer in English
    fake.on_model("gemma3:1b", SmallModel(echo=True))           # answers open with the prompt

Like the real grammar-constrained decoder, JSON answers keep within the schema's
`maxLength`/`maxItems` (a string is cut mid-word there) and, with no bound, ramble until
`num_predict` — so the answer is cut and invalid. Anything not scripted is the default writer.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from . import replies as r
from .schema_fill import SchemaFiller
from .writer import prompt_text, prose, read_facts

if TYPE_CHECKING:
    from .server import RecordedRequest

LOOP = {"en": "The best way to start is to start with the basics of the topic.",
        "fr": "La meilleure façon de commencer est de commencer par les bases du sujet."}
ENGLISH = "This is a general text about many things that people like to read on the internet. " * 6
JUNK_HEADINGS = ["Level 1 (page 1)", "Level 2 (page 2)", "Section 3", "FAQ (page 4)"]


def bounded(schema: dict[str, Any]) -> list[str]:
    """Paths of the strings and arrays of `schema` that have no upper bound."""
    loose: list[str] = []

    def walk(node: dict[str, Any], path: str) -> None:
        kind = node.get("type")
        if kind == "string" and "maxLength" not in node and "enum" not in node:
            loose.append(path)
        if kind == "array":
            if "maxItems" not in node:
                loose.append(path)
            walk(node.get("items") or {}, f"{path}[]")
        for key, sub in (node.get("properties") or {}).items():
            walk(sub, f"{path}.{key}")

    walk(schema, "$")
    return loose


class SmallModel:
    """Callable behaviour for `FakeOllama.on_model`; counts what it was asked."""

    def __init__(self, *, loop: bool = False, junk_plan: bool = False, empty: int = 0,
                 english: int = 0, echo: bool = False) -> None:
        self.loop, self.junk_plan, self.echo = loop, junk_plan, echo
        self.empty, self.english = empty, english
        self.prose_calls = 0
        self.json_calls = 0

    def __call__(self, req: RecordedRequest) -> r.Reply:
        body: dict[str, Any] = req.body
        facts = read_facts(body)
        limit = int((body.get("options") or {}).get("num_predict") or 400)
        fmt = body.get("format")
        if isinstance(fmt, dict):
            self.json_calls += 1
            return self._json(fmt, facts, limit)
        if self.junk_plan and ('"## "' in prompt_text(body) or "« ## »" in prompt_text(body)):
            return r.Generate(content="## Level 1\n## Level 2\n## Section 3\n")   # the plain outline
        self.prose_calls += 1
        n = self.prose_calls
        if n <= self.empty:
            return r.Generate(content="")
        if n <= self.english:
            return r.Generate(content=r.words(ENGLISH))
        text = prose(facts)
        if self.loop:
            sentence = LOOP[facts.language]
            pieces = r.words(text.split("\n\n")[0] + "\n\n") + r.words((sentence + " ") * 200)
            return r.Generate(content=pieces[:limit], done_reason="length" if len(pieces) > limit else "stop")
        if self.echo:
            text = prompt_text(body).split("\n")[0] + "\n\n" + text
        return r.Generate(content=r.words(text))

    def _json(self, schema: dict[str, Any], facts: Any, limit: int) -> r.Generate:
        value = SchemaFiller(schema, facts).value()
        if self.junk_plan and "outline" in value:
            value["outline"] = [{**item, "heading": JUNK_HEADINGS[i % len(JUNK_HEADINGS)]}
                                for i, item in enumerate(value["outline"])]
            value["meta_description"] = ("Bon compost »}, {meta_title: " * 8)[:150]
            value["h1"] = "Cuisine"
        text = json.dumps(value, ensure_ascii=False)
        if bounded(schema):          # a loose string rambles until num_predict: cut, invalid
            text = text[:-2] + " et encore" * 400
        pieces = [text[i:i + 4] for i in range(0, len(text), 4)]
        cut = len(pieces) > limit
        return r.Generate(content=pieces[:limit], done_reason="length" if cut else "stop")

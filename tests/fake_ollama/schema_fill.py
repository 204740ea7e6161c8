"""Build a JSON value that satisfies a JSON schema, with content derived from the prompt.

Property names steer the content (title, slug, meta/description, heading, question,
answer, level, words…), so a plan schema gets a plausible plan and a FAQ schema gets
plausible questions, in the prompt's language. Unknown schemas still get valid JSON.
"""

from __future__ import annotations

from typing import Any

from app.core.textutil import slugify, truncate_words

from .writer import PromptFacts

_TEXT = {
    "en": {
        "title": "{Kw}: The Practical Guide",
        "meta": "Everything about {kw}: the criteria that matter, real costs, mistakes to avoid "
                "and simple steps to decide with confidence.",
        "headings": ["What {kw} really involves", "Key criteria for {kw}", "Costs and budget to plan",
                     "Step-by-step method", "Common mistakes to avoid", "Our practical tips"],
        "questions": ["What is {kw}?", "How much does {kw} cost?", "How do I get started with {kw}?",
                      "Which mistakes should I avoid with {kw}?", "How long does it take to see results?"],
        "answer": "It depends on your goals, but most people see a difference within a few weeks "
                  "when they follow a simple plan and measure one result at a time.",
        "note": "Give concrete figures and one example.",
        "generic": "A concrete point about {kw}.",
    },
    "fr": {
        "title": "{Kw} : le guide pratique",
        "meta": "Tout savoir sur {kw} : les critères qui comptent, les vrais coûts, les erreurs à "
                "éviter et une méthode simple pour bien choisir.",
        "headings": ["Ce que recouvre vraiment {kw}", "Les critères clés pour {kw}",
                     "Budget et coûts à prévoir", "La méthode pas à pas", "Les erreurs fréquentes à éviter",
                     "Nos conseils pratiques"],
        "questions": ["Qu'est-ce que {kw} ?", "Combien coûte {kw} ?", "Comment débuter avec {kw} ?",
                      "Quelles erreurs éviter avec {kw} ?", "En combien de temps voit-on des résultats ?"],
        "answer": "Cela dépend de vos objectifs, mais la plupart des gens constatent une différence en "
                  "quelques semaines en suivant un plan simple et en mesurant un résultat à la fois.",
        "note": "Donner des chiffres concrets et un exemple.",
        "generic": "Un point concret sur {kw}.",
    },
}


def _fill(template: str, keyword: str) -> str:
    return template.replace("{Kw}", keyword[:1].upper() + keyword[1:]).replace("{kw}", keyword)


class SchemaFiller:
    def __init__(self, schema: dict[str, Any], facts: PromptFacts) -> None:
        self.root = schema
        self.facts = facts
        self.text = _TEXT[facts.language]

    def value(self) -> Any:
        return self._value(self.root, "", 0)

    def _resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        ref = schema.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/"):
            node: Any = self.root
            for part in ref[2:].split("/"):
                node = node[part]
            return self._resolve(node)
        for key in ("anyOf", "oneOf", "allOf"):
            if key in schema and schema[key]:
                options = [o for o in schema[key] if o.get("type") != "null"] or schema[key]
                return self._resolve({**schema, **options[0], key: None})
        return schema

    def _value(self, schema: dict[str, Any], name: str, index: int) -> Any:
        schema = self._resolve(schema)
        if "const" in schema:
            return schema["const"]
        if schema.get("enum"):
            values = schema["enum"]
            return values[index % len(values)] if name == "level" else values[0]
        kind = schema.get("type", "object" if "properties" in schema else "string")
        if isinstance(kind, list):
            kind = next((k for k in kind if k != "null"), "string")
        if kind == "object":
            props = schema.get("properties") or {}
            return {key: self._value(sub, key, index) for key, sub in props.items()}
        if kind == "array":
            return self._array(schema, name)
        if kind in ("integer", "number"):
            return self._number(schema, name, index)
        if kind == "boolean":
            return True
        return self._string(schema, name, index)

    def _array(self, schema: dict[str, Any], name: str) -> list[Any]:
        low = name.lower()
        count = 5 if any(k in low for k in ("outline", "section")) else 4 if any(
            k in low for k in ("faq", "question", "item")) else 3
        count = max(schema.get("minItems", 0), min(count, schema.get("maxItems", count)))
        item_schema = schema.get("items") or {"type": "string"}
        singular = low[:-1] if low.endswith("s") else low
        return [self._value(item_schema, singular, i) for i in range(count)]

    def _number(self, schema: dict[str, Any], name: str, index: int) -> int | float:
        low = name.lower()
        if low == "level":
            value: float = 3 if index % 4 == 3 else 2
        elif "word" in low:
            value = max(80, self.facts.words // 5 // 10 * 10) if self.facts.words else 200
        elif "score" in low:
            value = 8
        else:
            value = 1
        value = max(value, schema.get("minimum", value))
        value = min(value, schema.get("maximum", value))
        return int(value) if schema.get("type") == "integer" else value

    def _string(self, schema: dict[str, Any], name: str, index: int) -> str:
        low = name.lower()
        kw = self.facts.keyword
        t = self.text
        if "slug" in low:
            text = slugify(kw)
        elif "meta" in low or "description" in low:
            text = _fill(t["meta"], kw)
        elif "candidate" in low:
            variants = [t["title"], t["headings"][index % 6] + " ", t["headings"][(index + 2) % 6]]
            text = _fill(variants[index % 3], kw).strip()
        elif low in ("title", "seo_title", "h1", "headline") or low.endswith("title"):
            text = _fill(t["title"], kw)
        elif "heading" in low or low in ("h2", "h3", "section", "outline"):
            text = _fill(t["headings"][index % len(t["headings"])], kw)
        elif "question" in low:
            text = _fill(t["questions"][index % len(t["questions"])], kw)
        elif "answer" in low:
            text = _fill(t["answer"], kw)
        elif "note" in low or "point" in low:
            text = _fill(t["note"], kw)
        elif low in ("language", "lang"):
            text = self.facts.language
        elif "keyword" in low:
            text = kw
        else:
            text = _fill(t["generic"], kw)
        if "maxLength" in schema:
            text = truncate_words(text, int(schema["maxLength"]))
        if len(text) < schema.get("minLength", 0):
            text = (text + " " + _fill(t["generic"], kw)) * 3
            text = truncate_words(text, max(int(schema["minLength"]) + 20, 40))
        return text

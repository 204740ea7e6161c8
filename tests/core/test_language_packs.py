"""Languages are data: a third language pack made only of files works end to end, and a
language without a pack is a clear error, never English.

The stand-in pack (tests/data/languages/eo: Esperanto) is a pack.json, prompt templates,
word lists and check texts; it is found through $PLUME_LANGUAGE_PACKS. Generate (fake
Ollama, official client) → analyze → export run as a user runs them, in subprocesses.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app.core.analysis import syllables
from app.core.errors import InputError
from app.core.languages import methods
from app.core.languages.manifest import read_manifest
from app.core.models import Language
from tests.fake_ollama import replies as r

ROOT = Path(__file__).resolve().parents[2]
PACKS = ROOT / "tests" / "data" / "languages"
KEYWORD = "vegetara kuirado"


def plume(*args: str, tmp_path: Path, packs: Path | None = PACKS) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PLUME_CONFIG_DIR=str(tmp_path / "config"), PYTHONPATH=str(ROOT))
    for name in ("OLLAMA_HOST", "PLUME_OLLAMA_TOKEN", "PLUME_LANGUAGE_PACKS"):
        env.pop(name, None)
    if packs is not None:
        env["PLUME_LANGUAGE_PACKS"] = str(packs)
    return subprocess.run([sys.executable, "-m", "app.cli", *args], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)


# ---- An Esperanto-writing model (the default fake writer knows French and English only)

_SENTENCES = [
    "{Kw} estas simpla kaj sana maniero por manĝi bone ĉiun tagon.",
    "Ni montras al vi kiel komenci kun malmultaj iloj kaj kun freŝaj legomoj el la merkato.",
    "Unue, elektu tri facilajn receptojn kaj kuiru ilin dum la semajnfino.",
    "Poste, vi povas aldoni novajn gustojn kaj spicojn laŭ via plaĉo.",
    "Tamen, ne forgesu la proteinojn: fazeoloj, lentoj kaj nuksoj estas tre bonaj.",
    "Krome, {kw} ne devas esti multekosta, ĉar la bazaj nutraĵoj kostas malmulte.",
    "Listo de aĉetoj por la tuta semajno ŝparas tempon kaj monon.",
    "Ankaŭ la infanoj ŝatas supojn kun terpomoj, karotoj kaj herboj.",
    "Se vi havas malmulte da tempo, kuiru duoblan porcion kaj frostigu la reston.",
    "Fine, notu kiujn pladojn la familio preferas, kaj ripetu ilin pli ofte.",
    "Rizo kun legomoj kaj tofuo estas rapida vespermanĝo por ĉiuj.",
    "Por la matenmanĝo, avenaj flokoj kun fruktoj donas energion ĝis tagmezo.",
]
_calls = iter(range(10_000))


def _prose(kw: str) -> str:
    """About 90 words, a different selection of sentences at every call (no repetition)."""
    n = next(_calls)
    picked = [_SENTENCES[(n * 5 + i) % len(_SENTENCES)] for i in range(7)]
    return " ".join(picked).format(Kw=kw[:1].upper() + kw[1:], kw=kw) + f" ({n + 1})"


def _faq(kw: str, items: int, chars: tuple[int, int]) -> list[dict[str, str]]:
    questions = [f"Kiel komenci kun {kw}?", f"Ĉu {kw} estas multekosta?", "Kiom da tempo oni bezonas?",
                 "Kiujn legomojn aĉeti unue?", "Ĉu la infanoj ŝatos ĝin?", "Kiel trovi proteinojn?"]
    answers = [_prose(kw) for _ in range(items)]
    return [{"question": q, "answer": a[: chars[1]].rsplit(" ", 1)[0] + "."}
            for q, a in zip(questions, answers, strict=False)]


def _keyword(body: dict[str, Any]) -> str:
    text = "\n".join(str(m.get("content", "")) for m in body.get("messages", []))
    found = re.search(r"(?:Ĉefa ŝlosilvorto|Ŝlosilvorto): (.+)", text)
    return found.group(1).strip() if found else KEYWORD


def esperanto_writer(req: Any) -> r.Generate:
    """Plans, FAQs and sections in Esperanto, as a model would write them for the eo prompts."""
    body = req.body
    kw = _keyword(body)
    cap = kw[:1].upper() + kw[1:]
    fmt = body.get("format")
    if isinstance(fmt, dict) and "faq" in fmt.get("properties", {}):
        faq = fmt["properties"]["faq"]
        answer = faq["items"]["properties"]["answer"]
        data: Any = {"faq": _faq(kw, faq["maxItems"], (answer["minLength"], answer["maxLength"]))}
    elif isinstance(fmt, dict):
        data = {
            "title": f"{cap}: la praktika gvidilo",
            "title_candidates": [f"{cap}: kiel komenci hodiaŭ"],
            "meta_description": f"Ĉio pri {kw}: la receptoj, la kostoj kaj la eraroj evitindaj, "
                                "kun simplaj paŝoj por komenci ĉi tiun semajnon.",
            "h1": f"{cap}: la praktika gvidilo",
            "outline": [
                {"heading": f"Kial elekti {kw} ĉiutage", "level": 2, "notes": "sano kaj kosto"},
                {"heading": "Kiel plani la semajnon kaj la aĉetojn", "level": 2, "notes": "listo"},
                {"heading": "La oftaj eraroj kaj kiel eviti ilin", "level": 2, "notes": "proteinoj"},
            ],
        }
    else:
        return r.Generate(content=r.words(_prose(kw)))
    return r.Generate(content=json.dumps(data, ensure_ascii=False))


# ---- Tests


def test_the_stand_in_pack_is_data_only() -> None:
    files = [p for p in (PACKS / "eo").rglob("*") if p.is_file()]
    assert files and all(p.suffix in (".json", ".txt") for p in files)


def test_a_language_without_a_pack_is_an_error_naming_the_installed_ones() -> None:
    with pytest.raises(InputError) as caught:
        Language("xx")
    assert "Unknown article language 'xx'" in str(caught.value)
    assert "en, fr" in caught.value.hint and "pack.json" in caught.value.hint
    assert Language("French") is Language.FR and Language("en-GB") is Language.EN


def test_generate_with_an_unknown_language_stops_before_any_model_call(fake_ollama, tmp_path) -> None:
    result = plume("generate", "compost", "--lang", "xx", "--host", fake_ollama.url,
                   "--out", str(tmp_path / "o"), tmp_path=tmp_path, packs=None)
    assert result.returncode == 2, result.stderr
    assert "Unknown article language 'xx'" in result.stderr and "en, fr" in result.stderr
    assert fake_ollama.requests == [] and not (tmp_path / "o").exists()


def test_generic_methods_work_from_the_pack_data_alone() -> None:
    lp = read_manifest(PACKS / "eo" / "pack.json")
    stem = methods.stemmer(lp)
    assert stem("legomojn") == stem("legomo") == "legom"        # plural accusative, one form
    assert syllables.COUNTERS[lp.syllables.name](lp, "familio") == 4   # every vowel a syllable
    assert methods.is_singular(lp, 1) and not methods.is_singular(lp, 0)


def test_a_third_language_made_of_data_runs_generate_analyze_export(fake_ollama, tmp_path) -> None:
    fake_ollama.on_model("qwen3:8b", esperanto_writer)
    out = tmp_path / "articles"
    made = plume("generate", KEYWORD, "--lang", "eo", "--model", "qwen3:8b", "--words", "600",
                 "--host", fake_ollama.url, "--out", str(out), "--format", "md,html",
                 "--quiet", tmp_path=tmp_path)
    assert made.returncode == 0, made.stderr
    assert "note:" not in made.stderr, made.stderr     # no section retried, flagged or dropped
    prompts = "\n".join(m["content"] for b in fake_ollama.bodies() for m in b.get("messages", []))
    assert "Lingvo: Esperanto" in prompts and "Language: English" not in prompts

    md = (out / "vegetara-kuirado.md").read_text(encoding="utf-8")
    front, body = md.split("\n---\n", 1)
    assert 'lang: "eo"' in front
    assert "## Oftaj demandoj" in body                     # the pack's FAQ heading
    assert "Kiel plani la semajnon" in body and "Ni montras al vi" in body
    page = (out / "vegetara-kuirado.html").read_text(encoding="utf-8")
    assert '<html lang="eo"' in page and 'content="eo"' in page     # og:locale

    scored = plume("analyze", str(out / "vegetara-kuirado.md"), "--json", tmp_path=tmp_path)
    assert scored.returncode == 0, scored.stderr
    report = json.loads(scored.stdout)
    assert report["language"] == "eo" and report["words"] > 200
    checks = {c["id"]: c for c in report["checks"]}
    intro = checks["keyphrase_in_introduction"]
    assert intro["title"] == "Ŝlosilvorto en la enkonduko"
    assert intro["message"] == "La ŝlosilvorto aperas en la enkonduko. Bone!"
    assert 0 < report["flesch"] < 100 and checks["flesch_reading_ease"]["message"].startswith("Facileco")
    assert checks["language_drift"]["status"] == "good"   # Esperanto is the article's language
    shown = plume("analyze", str(out / "vegetara-kuirado.md"), tmp_path=tmp_path).stdout
    assert "Ŝlosilvorto: vegetara kuirado · eo" in shown and "Legebleco" in shown
    assert "Keyphrase" not in shown and "Readability" not in shown     # nothing falls back to English

    exported = plume("export", str(out / "vegetara-kuirado.md"), "--to", "html", "--author", "Zamenhof",
                     "--out", str(tmp_path / "site"), tmp_path=tmp_path)
    assert exported.returncode == 0, exported.stderr
    html = (tmp_path / "site" / "vegetara-kuirado.html").read_text(encoding="utf-8")
    assert '<html lang="eo"' in html and "Publikigita" in html and "de Zamenhof" in html
    assert '"FAQPage"' in html and "Kiel komenci kun vegetara kuirado?" in html   # "Oftaj demandoj"
    assert re.search(r"la \d+-a de (januaro|februaro|marto|aprilo|majo|junio|julio|aŭgusto|"
                     r"septembro|oktobro|novembro|decembro) \d{4}", html)


def test_without_the_pack_the_esperanto_article_is_refused_not_read_as_english(tmp_path) -> None:
    article = tmp_path / "a.md"
    article.write_text('---\ntitle: "Vegetara kuirado"\nlang: "eo"\n---\n# Vegetara kuirado\n\n'
                       "Vegetara kuirado estas simpla.\n", encoding="utf-8")
    result = plume("analyze", str(article), tmp_path=tmp_path, packs=None)
    assert result.returncode == 2 and "Unknown article language 'eo'" in result.stderr

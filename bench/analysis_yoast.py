"""Plume next to Yoast's own analysis library on the test corpus and the generated articles.

    npm install --prefix /tmp/yoast yoastseo          # once, outside the project (needs node)
    python -m bench.analysis_yoast --yoast /tmp/yoast

Prints, per corpus article (tests/core/analysis_corpus/), the SEO score of Plume and of
yoastseo, and every check whose light differs; then the time of a first and a warm analysis
of 2,000 and 10,000 generated words in both languages, each in a fresh process. Yoast's SEO
title width needs a browser to measure pixels: the bench hands it Plume's Arial width. Plume
itself never runs or ships any of this.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from app.core.analysis import analyze
from app.core.analysis.arial import text_width
from app.core.export.markdown import parse_markdown
from app.core.models import Article

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "core" / "analysis_corpus"

# Run in node from the yoastseo install: one article (JSON on stdin) -> scores and timings.
YOAST_JS = r"""
const t0 = process.hrtime.bigint();
const { Paper } = require("yoastseo");
const a = JSON.parse(require("fs").readFileSync(0, "utf8"));
const lang = a.locale.slice(0, 2);
const SEO = require(`yoastseo/build/scoring/assessors/${a.cornerstone ? "cornerstone/" : ""}seoAssessor`).default;
const Content = require("yoastseo/build/scoring/assessors/contentAssessor").default;
const Researcher = require(`yoastseo/build/languageProcessing/languages/${lang}/Researcher`).default;
const t1 = process.hrtime.bigint();
const times = [];
let out = {};
for (let i = 0; i < a.runs; i++) {
  const s = process.hrtime.bigint();
  const paper = new Paper(a.html, { keyword: a.keyword, title: a.title, description: a.description,
                                    slug: a.slug, locale: a.locale });
  const seo = new SEO(new Researcher(paper)); seo.assess(paper);
  const content = new Content(new Researcher(paper)); content.assess(paper);
  times.push(Number(process.hrtime.bigint() - s) / 1e6);
  if (i === 0) {
    for (const r of [...seo.results, ...content.results]) out[r._identifier] = r.hasScore() ? r.score : null;
    out.titleWidth = a.titlePx > 600 ? 3 : 9;
    const results = seo.results.map(r => r._identifier === "titleWidth" ? { getScore: () => out.titleWidth } : r);
    out._seo = seo.getScoreAggregator().aggregate(results);
  }
}
console.log(JSON.stringify({ checks: out, require_ms: Number(t1 - t0) / 1e6, first_ms: times[0],
                             warm_ms: times[times.length - 1] }));
"""

CHECKS = {
    "introductionKeyword": "keyphrase_in_introduction", "keyphraseLength": "keyphrase_length",
    "keyphraseDensity": "keyphrase_density", "metaDescriptionKeyword": "keyphrase_in_meta_description",
    "metaDescriptionLength": "meta_description_length", "subheadingsKeyword": "keyphrase_in_subheadings",
    "textCompetingLinks": "competing_links", "imageKeyphrase": "keyphrase_in_image_alt", "images": "images",
    "textLength": "text_length", "externalLinks": "outbound_links", "keyphraseInSEOTitle": "keyphrase_in_title",
    "internalLinks": "internal_links", "titleWidth": "title_width", "slugKeyword": "keyphrase_in_slug",
    "functionWordsInKeyphrase": "function_words_in_keyphrase", "singleH1": "single_h1",
    "subheadingsTooLong": "subheading_distribution", "textParagraphTooLong": "paragraph_length",
    "textSentenceLength": "sentence_length", "textTransitionWords": "transition_words",
    "passiveVoice": "passive_voice", "sentenceBeginnings": "consecutive_sentences",
}


def _paper(article: Article, runs: int = 1) -> dict[str, object]:
    import markdown

    body = article.body.split("\n", 1)[1] if article.body.startswith("# ") else article.body
    return {"html": markdown.Markdown(extensions=["attr_list"]).convert(body), "keyword": article.keyword,
            "title": article.title, "description": article.meta_description, "slug": article.slug,
            "locale": "fr_FR" if str(article.language) == "fr" else "en_US",
            "cornerstone": bool(article.extra.get("cornerstone")), "runs": runs,
            "titlePx": text_width(" ".join(article.title.split()), 20)}


def _yoast(yoast_dir: Path, paper: dict[str, object]) -> dict[str, object]:
    with tempfile.NamedTemporaryFile("w", suffix=".js", dir=yoast_dir, delete=False) as script:
        script.write(YOAST_JS)
    try:
        done = subprocess.run(["node", script.name], input=json.dumps(paper), capture_output=True, text=True,
                              cwd=yoast_dir, check=True, timeout=600)
    finally:
        Path(script.name).unlink()
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _light(score: int | None) -> str | None:
    return None if score is None else "bad" if score <= 4 else "ok" if score <= 7 else "good"


def corpus(yoast_dir: Path) -> None:
    same = total = 0
    for path in sorted(CORPUS.glob("*.md")):
        article = parse_markdown(path.read_text(encoding="utf-8"))
        report = analyze(article)
        theirs = _yoast(yoast_dir, _paper(article))
        checks = dict(theirs["checks"])  # type: ignore[call-overload]
        differ = []
        for yoast_id, score in checks.items():
            mine = report.by_id(CHECKS.get(yoast_id, ""))
            if mine is None or score is None:
                continue
            total += 1
            light = None if mine.status.value == "info" else mine.status.value
            if _light(score) == light or (score == 0 and mine.id == "function_words_in_keyphrase"):
                same += 1
            else:
                differ.append(f"{mine.id} Plume {mine.status.value} / Yoast {score}")
        print(f"{path.stem:22} SEO Plume {report.seo_score:3d} Yoast {checks['_seo']:3d}   " + "; ".join(differ))
    print(f"checks with the same light: {same}/{total}")


def speed(yoast_dir: Path) -> None:
    from bench.analysis import fresh_process, make_article

    for lang in ("fr", "en"):
        for n in (2000, 10000):
            theirs = _yoast(yoast_dir, _paper(make_article(lang, n), runs=3))
            _, first, _ = fresh_process(lang, n, runs=3)
            article = make_article(lang, n)
            analyze(article)                                # fills this thread's Analyzer
            t = time.perf_counter()
            analyze(article)
            warm = (time.perf_counter() - t) * 1000
            print(f"{lang} {n:6d} words: first Yoast {theirs['first_ms']:7.0f} ms / Plume {first:5.0f} ms "
                  f"({float(str(theirs['first_ms'])) / first:4.0f}x); warm Yoast {theirs['warm_ms']:6.0f} ms / "
                  f"Plume {warm:5.1f} ms; require yoastseo {theirs['require_ms']:.0f} ms")


def main() -> None:
    import os

    parser = argparse.ArgumentParser(prog="python -m bench.analysis_yoast")
    parser.add_argument("--yoast", type=Path, default=Path(os.environ.get("YOAST_DIR", "/tmp/yoast")),
                        help="folder where `npm install yoastseo` ran (default: $YOAST_DIR or /tmp/yoast)")
    args = parser.parse_args()
    if not (args.yoast / "node_modules" / "yoastseo").is_dir() or not shutil.which("node"):
        print(f"skipped: no node or no yoastseo in {args.yoast} "
              f"(`npm install --prefix {args.yoast} yoastseo`, then run again)")
        return
    corpus(args.yoast)
    speed(args.yoast)


if __name__ == "__main__":
    main()

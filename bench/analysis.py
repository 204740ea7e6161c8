"""Analysis speed: full report (SEO + readability + lints + snippet) on generated articles.

    python -m bench.analysis            # 500 / 2,000 / 10,000 words, fr and en
    python -m bench.analysis --runs 50
    python -m bench.analysis --huge     # also: one paragraph of 0.25-1 MB (linear?), 50 MB (refused)

cold  = a new Analyzer (no paragraph cache; word-level caches of the process already warm)
new-words = a new Analyzer on the same article with every word made unseen (stems and
        syllables all computed: the worst case of a first analysis)
first = the very first analysis in this process (dictionary loading included), reported apart
warm  = the same text again through the same Analyzer (every paragraph cached)
edit  = one sentence changed in a middle paragraph (one paragraph recomputed)

fresh = a new Python process per run (bytecode cached, as in an install): the import of
        app.core.analysis, then the first analysis (word lists and syllable exceptions read
        on the way), wall and CPU time, median of 5 processes

Budgets: warm 2,000 words ≤ 25 ms; 10,000 words ≤ 120 ms; first analysis in a
fresh process, 2,000 words, fr and en, excluding interpreter start ≤ 40 ms.
Also prints textstat 0.7.8's import time and its Flesch next to ours on the same text.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time

from app.core.models import Article, Language

SIZES = (500, 2000, 10000)
BUDGET_MS = {2000: 25.0, 10000: 120.0}
FIRST_BUDGET_MS = {2000: 40.0}
FRESH = """
import os, sys, time
from bench.analysis import make_article
article = make_article(sys.argv[1], int(sys.argv[2]))
c0, w0 = time.process_time(), time.perf_counter()
from app.core.analysis import Analyzer
c1, w1 = time.process_time(), time.perf_counter()
Analyzer().analyze(article)
c2, w2 = time.process_time(), time.perf_counter()
print((w1 - w0) * 1000, (w2 - w1) * 1000, (c2 - c1) * 1000)
"""
HUGE = """
import resource, sys, time
from app.core.analysis import Analyzer
from app.core.models import Article, Language
unit = "The compost heap is heavily watered by the gardener every morning, and it turns into humus. "
body = "# Big\\n\\n" + unit * int(float(sys.argv[1]) * 1_000_000 / len(unit))
article = Article("home composting", Language.EN, "Home composting", "d" * 130, "home-composting", body)
t = time.perf_counter()
try:
    Analyzer().analyze(article)
    outcome = "analysed"
except Exception as exc:
    outcome = "refused: " + str(exc)[:90]
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{(time.perf_counter() - t):.2f}|{rss:.0f}|{outcome}")
"""


def fresh_process(lang: str, words: int, runs: int = 5) -> tuple[float, float, float]:
    """(import ms, first analysis wall ms, first analysis CPU ms), medians of fresh processes."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = []
    for _ in range(runs + 1):                      # the first run only writes the bytecode
        done = subprocess.run([sys.executable, "-c", FRESH, lang, str(words)], capture_output=True, text=True,
                              check=True, env=env)
        out.append(tuple(float(x) for x in done.stdout.split()))
    rows = out[1:]
    return tuple(statistics.median(r[i] for r in rows) for i in range(3))  # type: ignore[return-value]


def huge() -> None:
    """One paragraph growing to 1 MB (time and memory should grow linearly), then 50 MB."""
    for mb in (0.25, 0.5, 0.99, 50.0):
        done = subprocess.run([sys.executable, "-c", HUGE, str(mb)], capture_output=True, text=True, check=True)
        seconds, rss, outcome = done.stdout.strip().split("|", 2)
        print(f"one paragraph of {mb:g} MB: {float(seconds):.2f} s, peak memory {rss} MB, {outcome}")

FR = {
    "kw": "compost maison",
    "open": ["Le compost maison", "Un bon compost", "Votre jardin", "Chaque famille", "La méthode",
             "Un composteur", "Le bac", "Cette technique", "Notre conseil", "L'équilibre"],
    "mid": ["réduit les déchets de la cuisine", "nourrit la terre du potager durablement",
            "demande un peu de patience au début", "est fabriqué par des micro-organismes",
            "se prépare avec des restes de légumes et des feuilles", "transforme les épluchures en humus",
            "évite d'acheter des engrais chimiques", "attire les vers de terre utiles",
            "doit rester humide sans être détrempé", "chauffe vite quand il est bien aéré"],
    "link": ["cependant", "ainsi", "par exemple", "en effet", "de plus", "donc", "", "", "", ""],
    "tail": ["en quelques semaines", "selon l'ADEME", "dès le printemps", "pour 30 % des foyers",
             "sans odeur", "au fond du jardin", "avec un peu d'attention", "toute l'année"],
    "h2": ["Pourquoi faire son compost maison ?", "Choisir son composteur", "Les bons déchets",
           "Entretenir le compost", "Utiliser le compost au jardin", "Les erreurs à éviter"],
}
EN = {
    "kw": "home composting",
    "open": ["Home composting", "A good compost", "Your garden", "Every household", "The method",
             "A compost bin", "The heap", "This technique", "Our advice", "The balance"],
    "mid": ["cuts kitchen waste", "feeds the vegetable patch over time", "needs some patience at first",
            "is made by tiny organisms", "starts with vegetable scraps and dry leaves",
            "turns peelings into rich humus", "saves you from buying chemical fertiliser",
            "draws useful earthworms", "must stay moist without getting soggy",
            "heats up fast when it is well aired"],
    "link": ["however", "so", "for example", "in fact", "moreover", "therefore", "", "", "", ""],
    "tail": ["within a few weeks", "according to the EPA", "from early spring", "in 30% of homes",
             "without any smell", "at the back of the garden", "with a little care", "all year round"],
    "h2": ["Why start home composting?", "Choosing a compost bin", "What goes in the bin",
           "Looking after the heap", "Using compost in the garden", "Mistakes to avoid"],
}


def make_body(lang: str, words: int, seed: int = 7) -> str:
    data = FR if lang == "fr" else EN
    rng = random.Random(seed)
    out = [f"# {data['h2'][0].rstrip('?').rstrip()}", ""]
    count = section = 0
    while count < words:
        if count and section >= 220:
            out += [f"## {rng.choice(data['h2'])}", ""]
            section = 0
        sentences = []
        for _ in range(rng.randint(3, 5)):
            link = rng.choice(data["link"])
            opener = rng.choice(data["open"])
            lead = f"{link.capitalize()}, {opener[0].lower()}{opener[1:]}" if link else opener
            sentences.append(f"{lead} {rng.choice(data['mid'])} {rng.choice(data['tail'])}.")
        if rng.random() < 0.15:
            sentences.append(f"Voir [notre guide](/guide-{count}) et [la source](https://example.org/{count})."
                             if lang == "fr" else
                             f"See [our guide](/guide-{count}) and [the source](https://example.org/{count}).")
        if rng.random() < 0.08:
            sentences.append(f"![{data['kw']} {count}](img-{count}.jpg)")
        para = " ".join(sentences)
        n = len(para.split())
        out += [para, ""]
        count += n
        section += n
    return "\n".join(out)


def make_article(lang: str, words: int) -> Article:
    data = FR if lang == "fr" else EN
    body = make_body(lang, words)
    return Article(keyword=data["kw"], language=Language(lang), title=f"{data['kw'].capitalize()} : le guide",
                   meta_description=(f"Tout sur le {data['kw']} : " if lang == "fr" else f"All about {data['kw']}: ")
                   + "choisir, remplir et utiliser son bac, pas à pas, pour un jardin en pleine forme toute l'année.",
                   slug=data["kw"].replace(" ", "-"), body=body)


def _unseen_words(article: Article, seed: int) -> Article:
    """The same article with every word made new (no stem/syllable cache can help)."""
    import re

    rng = random.Random(seed)
    syllables = ["ra", "lo", "mi", "tu", "ven", "sa", "do", "ki", "per", "ne"]

    def fresh(m: re.Match[str]) -> str:
        return m.group() + "".join(rng.choice(syllables) for _ in range(2))

    return _with_body(article, re.sub(r"(?m)(?<![#(\[/-])\b[a-zéèàç]{4,}\b", fresh, article.body))


def _edit(article: Article) -> Article:
    paras = article.body.split("\n\n")
    middle = len(paras) // 2
    while paras[middle].startswith("#"):
        middle += 1
    paras[middle] = paras[middle].replace(".", ", then one more clause.", 1)
    return _with_body(article, "\n\n".join(paras))


def _with_body(article: Article, body: str) -> Article:
    from dataclasses import replace
    return replace(article, body=body)


def _ms(fn, runs: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def import_times() -> dict[str, float]:
    code = ("import time; t=time.perf_counter(); import {m}; "
            "print((time.perf_counter()-t)*1000)")
    import os

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}   # as installed: bytecode cached
    out = {}
    for module in ("textstat", "app.core.analysis"):
        runs = [float(subprocess.run([sys.executable, "-c", code.format(m=module)], capture_output=True,
                                     text=True, check=True, env=env).stdout) for _ in range(4)][1:]
        out[module] = statistics.median(runs)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.analysis")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--huge", action="store_true", help="also time one huge paragraph (slow)")
    args = parser.parse_args()
    from app.core.analysis import Analyzer

    articles = {(lang, n): make_article(lang, n) for lang in ("fr", "en") for n in SIZES}
    first = {}
    for lang in ("fr", "en"):
        t = time.perf_counter()
        Analyzer().analyze(articles[(lang, 500)])
        first[lang] = (time.perf_counter() - t) * 1000
    rows = []
    for (lang, n), article in articles.items():
        edited = _edit(article)
        cold = _ms(lambda a=article: Analyzer().analyze(a), max(3, args.runs // 4))
        analyzer = Analyzer()
        analyzer.analyze(article)
        warm = _ms(lambda a=article, z=analyzer: z.analyze(a), args.runs)

        def edit_once(a: Article = article, e: Article = edited) -> float:
            z = Analyzer()
            z.analyze(a)
            t = time.perf_counter()
            z.analyze(e)
            return (time.perf_counter() - t) * 1000

        after_edit = statistics.median(edit_once() for _ in range(max(3, args.runs // 4)))
        unseen = []
        for seed in range(3):
            novel = _unseen_words(article, seed + n)
            t = time.perf_counter()
            Analyzer().analyze(novel)
            unseen.append((time.perf_counter() - t) * 1000)
        report = analyzer.analyze(article)
        budget = BUDGET_MS.get(n)
        verdict = "" if budget is None else ("ok" if warm <= budget else "OVER")
        rows.append((lang, report.words, cold, statistics.median(unseen), warm, after_edit, budget, verdict,
                     report.flesch))
    print(f"{'lang':4} {'words':>6} {'cold ms':>8} {'new-words':>9} {'warm ms':>8} {'edit ms':>8} "
          f"{'budget':>7}  flesch")
    for lang, words, cold, unseen_ms, warm, after_edit, budget, verdict, ease in rows:
        b = f"≤{budget:g}" if budget else "—"
        print(f"{lang:4} {words:6d} {cold:8.1f} {unseen_ms:9.1f} {warm:8.2f} {after_edit:8.2f} {b:>7} "
              f"{verdict:4} {ease:5.1f}")
    print(f"first analysis in this process (500 words, lists loaded): fr {first['fr']:.0f} ms, "
          f"en {first['en']:.0f} ms")
    import os

    load = os.getloadavg()[0]
    print(f"fresh process (import, then first analysis; median of 5; load average {load:.1f} on "
          f"{os.cpu_count()} cores — the budget is judged on CPU time, which other processes do not inflate):")
    for lang in ("fr", "en"):
        for n in (2000, 10000):
            imp, wall, cpu = fresh_process(lang, n)
            budget = FIRST_BUDGET_MS.get(n)
            verdict = "" if budget is None else (f"≤{budget:g} ok" if cpu <= budget else f"≤{budget:g} OVER")
            print(f"  {lang} {n:6d} words: import {imp:5.0f} ms, first analysis {wall:5.0f} ms "
                  f"(CPU {cpu:4.0f} ms) {verdict}")
    if args.huge:
        huge()
    imports = import_times()
    print(f"import time: textstat 0.7.8 {imports['textstat']:.0f} ms; app.core.analysis "
          f"{imports['app.core.analysis']:.0f} ms (textstat is not imported by the analysis)")
    compare_textstat(articles)


def compare_textstat(articles: dict[tuple[str, int], Article]) -> None:
    """Our Flesch vs textstat 0.7.8's on the same plain text, and the cost of each way.

    textstat 0.7.8 has stateless `textstat.backend.metrics.*(text, lang)` functions and a
    `textstatistics()` class whose `set_lang` only sets that instance's language: one
    instance per language works without touching the global. Both recompute the whole text
    after any edit (their caches are keyed by the full text); Plume recounts one paragraph.
    """
    from textstat.backend import metrics
    from textstat.textstat import textstatistics

    from app.core.analysis import Analyzer
    from app.core.analysis.markdown_blocks import parse_blocks

    for lang in ("fr", "en"):
        article = articles[(lang, 2000)]
        plain = "\n".join(b.text for b in parse_blocks(article.body)[1:] if b.kind != "heading")
        code = "fr" if lang == "fr" else "en_US"
        t = time.perf_counter()
        theirs = metrics.flesch_reading_ease(plain, code)
        first = (time.perf_counter() - t) * 1000
        instance = textstatistics()
        instance.set_lang(code)
        edits = iter(range(10**6))
        after_edit = _ms(lambda i=instance, p=plain, e=edits: i.flesch_reading_ease(p + f" Mot{next(e)}."), 7)
        report = Analyzer().analyze(article)
        ease = report.by_id("flesch_reading_ease")
        wps = ease.params.get("words_per_sentence", 0) if ease else 0
        print(f"Flesch, 2,000 words {lang}: Plume {report.flesch:.1f} vs textstat {theirs:.1f}; "
              f"words/sentence Plume {wps} vs textstat {metrics.words_per_sentence(plain):.1f}; "
              f"reading time Plume {report.reading_minutes} min vs textstat "
              f"{metrics.reading_time(plain, 14.69) / 60:.1f} min (14.69 ms/char); textstat first call "
              f"{first:.0f} ms, after an edit {after_edit:.1f} ms (whole text again)")


if __name__ == "__main__":
    main()

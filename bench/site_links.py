"""A real-model batch on a 30-page gardening site: internal links, topic terms, X posts.

    python -m bench.site_links                                   # shared 270M model
    python -m bench.site_links --host http://127.0.0.1:11445 --slots 2 --out /tmp/links
    python -m bench.site_links --table /tmp/links                # the table of a finished run

Runs `plume batch` on bench/data/jardin/mots.txt (5 French keywords, 400 words, no review)
with --links on the profile of bench/data/jardin/sitemap.xml (30 pages of a gardening site,
imported into a temporary data folder), --terms termes.txt and --social x. Then one row per
article: internal links (in the text + on the "read also" line), each anchor → target, term
coverage, X post length. Issue 16 asks: every article ≥ 2 internal links to relevant pages,
no anchor holding the keyphrase, X posts ≤ 280 characters. Relevance is for a reader to
judge: the anchors and targets are printed for that.

Not part of `make test`: it needs a real server (see ../shared/realmodel/README.md).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DATA = Path(__file__).parent / "data" / "jardin"
DEFAULT_HOST = "http://127.0.0.1:11435"
DEFAULT_MODEL = "gemma3:270m"
_LINK = re.compile(r"\[([^\]\n]+)\]\((/[^)\s]*)\)")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.site_links")
    parser.add_argument("--host", default=os.environ.get("PLUME_REAL_OLLAMA", DEFAULT_HOST))
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--slots", type=int, default=1, help="parallel requests on the host")
    parser.add_argument("--out", help="output folder (default: a temporary one)")
    parser.add_argument("--table", metavar="FOLDER", help="only print the table of a run")
    args = parser.parse_args()
    if args.table:
        return table(Path(args.table))
    if not _up(args.host):
        print(f"No server at {args.host}: skipped.")
        return 0
    out = Path(args.out or tempfile.mkdtemp(prefix="plume-links-"))
    work = Path(tempfile.mkdtemp(prefix="plume-links-data-"))
    env = {**os.environ, "PLUME_DATA_DIR": str(work / "data"),
           "PLUME_CONFIG_DIR": str(work / "config")}
    plume = [sys.executable, "-m", "app"]
    subprocess.run([*plume, "site", "import", str(DATA / "sitemap.xml"), "--name", "jardin",
                    "--lang", "fr"], env=env, check=True)
    started = time.monotonic()
    run = subprocess.run([*plume, "batch", str(DATA / "mots.txt"), "--out", str(out / "out"),
                          "--lang", "fr", "--model", args.model, "--host",
                          f"{args.host}#{args.slots}", "--words", "400", "--no-review",
                          "--links", "jardin", "--terms", str(DATA / "termes.txt"),
                          "--social", "x", "--duplicates", "keep"], env=env)
    print(f"plume batch: exit {run.returncode}, {time.monotonic() - started:.0f} s wall")
    return table(out)


def table(folder: Path) -> int:
    """One row per finished article of the batch in `folder` (or its out/ subfolder)."""
    from app.application.site import finished_articles
    from app.commands.terms_view import coverage_data
    from app.core.analysis.keyphrase import match_text, parse_keyphrase
    from app.core.batch.queue import JobStore
    from app.core.export.files import article_stem
    from app.core.languages.registry import labels
    from app.core.terms import Term

    out = folder / "out" if (folder / "out" / ".plume-batch").is_dir() else folder
    job = JobStore(out / ".plume-batch" / "job.sqlite")
    terms = [Term(*t) for t in job.config.defaults.terms]
    related = labels("fr").get("related", "")
    done = finished_articles(job)
    enough = 0
    for item, article in done:
        body = article.body
        last = body.rstrip().rsplit("\n", 1)[-1]
        read_also = _LINK.findall(last) if last.startswith(related) else []
        links = _LINK.findall(body)
        kp = parse_keyphrase(item.keyword, "fr")
        keyphrase_anchors = [a for a, _ in links if match_text(kp, a, "fr").all_found]
        score = coverage_data(article, terms)["score"] if terms else "-"
        social = out / f"{article_stem(article)}.social.json"
        x = "-"
        if social.exists():
            posts = json.loads(social.read_text(encoding="utf-8"))["posts"]
            x = ", ".join(f"{p['length']}/{p['limit']} ({p['source']})" for p in posts
                          if p["network"] == "x")
        enough += len(links) >= 2
        print(f"{item.keyword}: {len(links)} links ({len(links) - len(read_also)} in the text, "
              f"{len(read_also)} read also); terms {score}/100; X {x}"
              + (f"; KEYPHRASE ANCHORS: {keyphrase_anchors}" if keyphrase_anchors else ""))
        for anchor, href in links:
            where = "read also" if (anchor, href) in read_also else _context(body, anchor, href)
            print(f"    “{anchor}” → {href}   [{where}]")
    print(f"{enough}/{len(done)} articles with ≥ 2 internal links")
    return 0


def _context(body: str, anchor: str, href: str, width: int = 40) -> str:
    at = body.find(f"[{anchor}]({href})")
    before = " ".join(body[max(0, at - width):at].split())
    after = " ".join(body[at + len(anchor) + len(href) + 4:][:width].split())
    return f"…{before} [{anchor}] {after}…"


def _up(host: str) -> bool:
    import httpx

    try:
        return httpx.get(f"{host}/api/tags", timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


if __name__ == "__main__":
    sys.exit(main())

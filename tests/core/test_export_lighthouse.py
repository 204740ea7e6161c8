"""Opt-in: Lighthouse SEO = 100 and accessibility ≥ 95 for exported pages served locally.

Needs Chromium and the `lighthouse` npm package, which `make test` does not install:

    apt-get install chromium && (cd /tmp/lh && npm install lighthouse)
    PLUME_LIGHTHOUSE=/tmp/lh/node_modules/.bin/lighthouse pytest tests/core/test_export_lighthouse.py

Both run offline on 127.0.0.1 (~15 s a page). Skipped when either is missing.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.core.export.html import render_page
from app.core.models import Language
from tests.core.test_export_validity import FULL_FR, MODEL_RAW_HTML, _article

LIGHTHOUSE = os.environ.get("PLUME_LIGHTHOUSE") or shutil.which("lighthouse")
CHROME = os.environ.get("CHROME_PATH") or shutil.which("chromium") or shutil.which("google-chrome")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (LIGHTHOUSE and CHROME), reason="needs lighthouse (npm) and chromium"),
]


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.mark.parametrize("page", ["full-fr", "raw-model-html"])
def test_lighthouse_seo_and_accessibility(tmp_path: Path, page: str) -> None:
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(tmp_path))
    )
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    if page == "full-fr":
        article = _article(FULL_FR, Language.FR)
    else:
        article = _article(MODEL_RAW_HTML, Language.EN, title="", meta_description="")
    (tmp_path / f"{page}.html").write_text(render_page(article, site_url=base), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        report = tmp_path / "report.json"
        subprocess.run(
            [str(LIGHTHOUSE), f"{base}{page}.html", "--only-categories=seo,accessibility",
             "--chrome-flags=--headless=new --no-sandbox --disable-gpu", "--output=json",
             f"--output-path={report}", "--quiet"],
            env={**os.environ, "CHROME_PATH": str(CHROME)}, check=True, timeout=180,
        )
    finally:
        server.shutdown()
        server.server_close()
    categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    assert categories["seo"]["score"] == 1.0
    assert categories["accessibility"]["score"] >= 0.95

"""index.csv opens in a spreadsheet: keywords, titles and errors that look like formulas
are written as text (OWASP CSV injection), never run."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from app.core.batch.job import ItemState
from app.core.batch.output import index_csv
from app.core.batch.queue import Item

ATTACKS = ['=HYPERLINK("http://evil.example","click")', "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd",
           "-2+3+cmd|' /C calc'!A0", "\t=1+1", "＝1+1"]


@pytest.mark.parametrize("attack", ATTACKS)
def test_formula_cells_are_neutralised(attack: str, tmp_path: Path) -> None:
    item = Item(id=1, line=2, keyword=attack, slug="s", model="m", overrides={}, extra={},
                state=ItemState.FAILED, title=attack, error=attack)
    rows = list(csv.DictReader(io.StringIO(index_csv([item], tmp_path))))
    for column in ("keyword", "title", "error"):
        assert rows[0][column] == "'" + attack            # shown as typed, after a quote


def test_ordinary_keywords_are_untouched(tmp_path: Path) -> None:
    item = Item(id=1, line=2, keyword="chaussures de running", slug="chaussures", model="m",
                overrides={}, extra={}, state=ItemState.DONE, title="Bien choisir", words=900)
    [row] = list(csv.DictReader(io.StringIO(index_csv([item], tmp_path))))
    assert (row["keyword"], row["title"], row["words"]) == ("chaussures de running",
                                                           "Bien choisir", "900")

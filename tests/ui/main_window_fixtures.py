"""Shared set-up for the main-window tests: a window on a fake Ollama, isolated state."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.core.models import Article, Language

ARTICLE_BODY = """# Running shoes for flat feet: how to choose

Running shoes for flat feet need support where the arch collapses. This guide explains what
to look for, which brands to try and how to test a pair in the shop.

## Why flat feet change the choice

Flat feet roll inward on landing. **Stability shoes** limit that movement with firmer foam on
the inner side. Many runners feel the difference within a week.

## What to look for

- A firm heel counter
- A wide, stable base
- Medium cushioning

Read the [independent lab tests](https://example.com/lab) before you buy.

## FAQ

### Are running shoes for flat feet expensive?

Not always: several models cost less than 100 euros.
"""


def sample_article(body: str = ARTICLE_BODY) -> Article:
    return Article(
        keyword="running shoes for flat feet",
        language=Language.EN,
        title="Running shoes for flat feet: a buyer's guide",
        meta_description=(
            "Running shoes for flat feet: what support to look for, which features matter "
            "and how to test a pair before you buy."
        ),
        slug="running-shoes-flat-feet",
        body=body,
    )


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")


@pytest.fixture
def make_window(qtbot, tmp_path: Path, no_keyring) -> Iterator:
    """make_window(host=..., model=...) → a shown MainWindow with isolated UI state."""
    from app.core.settings import Settings
    from app.ui.main_window import MainWindow
    from app.ui.ui_state import UiState

    windows = []

    def make(host: str = "http://127.0.0.1:9", model: str = "llama3.1:8b",
             connect: bool = False, **settings_changes) -> MainWindow:
        settings_changes.setdefault("self_review", False)
        settings = Settings(host=host, default_model=model, **settings_changes)
        window = MainWindow(settings, ui_state=UiState(tmp_path / "ui.ini"),
                            start_connection=connect)
        qtbot.addWidget(window)
        window.show()
        windows.append(window)
        qtbot.waitUntil(window.is_fully_built)   # menus' entries: built after the first paint
        return window

    yield make
    from app.ui.workers.task_runner import wait_for_background_tasks

    for window in windows:
        window.close()                 # stops the warm-up, cancels runs, waits for tasks
        window.generation.shutdown()
        if getattr(window, "connection", None) is not None:
            window.connection.stop()
    wait_for_background_tasks(10000)

"""The Batch tab against a fake Ollama: preview with problems, run, pause/resume, cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core.settings import Settings
from app.ui.panels.batch_panel import BatchPanel

ANIMALS = ("zebra", "yak", "koala", "otter")


@pytest.fixture
def panel(qtbot, fake_ollama, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> BatchPanel:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    settings = Settings(host=fake_ollama.url, default_model="qwen3:8b", target_words=300,
                        self_review=False)
    widget = BatchPanel(settings=settings)
    qtbot.addWidget(widget)
    yield widget
    widget.shutdown()


def write_list(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "keywords.csv"
    path.write_text("keyword;words\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def open_list(qtbot, panel: BatchPanel, path: Path) -> None:
    with qtbot.waitSignal(panel.controller.list_loaded, timeout=5000):
        panel.open_list(path)


def states(panel: BatchPanel) -> list[str]:
    return [row.state for row in panel.controller.model.rows]


def test_preview_marks_bad_rows_and_duplicates_before_anything_runs(qtbot, panel, tmp_path,
                                                                    fake_ollama) -> None:
    open_list(qtbot, panel, write_list(tmp_path, ["yak gardening;400", ";400",
                                                  "Yak gardening!;400", "otter;99999"]))
    model = panel.controller.model
    assert states(panel) == ["ready", "invalid", "ready", "invalid"]
    bad = model.index(1, 5)
    assert "empty" in model.data(bad)
    assert model.data(model.index(3, 4)) == "Has errors"
    assert model.data(bad, Qt.ItemDataRole.BackgroundRole) is not None
    assert "2 with errors" in panel.summary.text()
    assert "cannibalisation" in panel.summary.text()
    assert panel.run_button.isEnabled() and not panel.pause_button.isEnabled()
    assert fake_ollama.requests_to("/api/chat") == []


def test_run_writes_every_article_and_shows_each_row_done(qtbot, panel, tmp_path) -> None:
    open_list(qtbot, panel, write_list(tmp_path, [f"{a} gardening;300" for a in ANIMALS]))
    out = tmp_path / "articles"
    panel.out_edit.setText(str(out))
    panel.html_check.setChecked(True)
    with qtbot.waitSignal(panel.controller.run_finished, timeout=30_000) as finished:
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].reason == "finished"
    assert states(panel) == ["done"] * 4
    assert "SEO" in panel.controller.model.rows[0].detail
    assert sorted(p.stem for p in out.glob("*.html")) == sorted(f"{a}-gardening" for a in ANIMALS)
    assert (out / "index.csv").exists()
    assert panel.progress.value() == panel.progress.maximum() == 4
    assert not panel.controller.running and not panel.cancel_button.isEnabled()
    assert panel.open_out_button.isEnabled()


def test_pause_lets_the_running_article_finish_and_starts_nothing_until_resume(
        qtbot, panel, tmp_path, fake_ollama) -> None:
    fake_ollama.set_delay(0.0005)
    open_list(qtbot, panel, write_list(tmp_path, [f"{a} gardening;300" for a in ANIMALS]))
    panel.out_edit.setText(str(tmp_path / "articles"))
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "running" in states(panel), timeout=10_000)
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert panel.resume_button.isEnabled() and not panel.pause_button.isEnabled()
    qtbot.waitUntil(lambda: "running" not in states(panel), timeout=15_000)
    assert states(panel).count("done") == 1 and states(panel).count("pending") == 3
    assert panel.controller.store.counts()["running"] == 0
    with qtbot.waitSignal(panel.controller.run_finished, timeout=30_000):
        qtbot.mouseClick(panel.resume_button, Qt.MouseButton.LeftButton)
    assert states(panel) == ["done"] * 4


def test_cancel_stops_at_once_and_lists_the_rest_as_skipped(qtbot, panel, tmp_path,
                                                            fake_ollama) -> None:
    fake_ollama.set_delay(0.002)
    open_list(qtbot, panel, write_list(tmp_path, [f"{a} gardening;300" for a in ANIMALS]))
    panel.out_edit.setText(str(tmp_path / "articles"))
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "running" in states(panel), timeout=10_000)
    qtbot.waitUntil(lambda: any(r.body.get("messages")                # a generation, not
                                for r in fake_ollama.requests_to("/api/chat")),  # the preload
                    timeout=10_000)
    with qtbot.waitSignal(panel.controller.run_finished, timeout=10_000) as finished:
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].reason == "cancelled"
    assert states(panel) == ["skipped"] * 4
    assert "Cancelled" in panel.summary.text()
    assert fake_ollama.wait_for_disconnect(1)          # the stream was closed, Ollama stops


def test_a_stopped_job_resumes_from_its_folder_without_rewriting_anything(
        qtbot, panel, tmp_path, fake_ollama) -> None:
    fake_ollama.set_delay(0.0005)
    open_list(qtbot, panel, write_list(tmp_path, [f"{a} gardening;300" for a in ANIMALS]))
    out = tmp_path / "articles"
    panel.out_edit.setText(str(out))
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "done" in states(panel), timeout=15_000)
    with qtbot.waitSignal(panel.controller.run_finished, timeout=10_000) as stopped:
        panel.controller.stop()                       # what closing the window does
    assert stopped.args[0].reason == "stopped"
    finished_before = {r.keyword for r in panel.controller.model.rows if r.state == "done"}
    assert 0 < len(finished_before) < 4
    chats_before = len(fake_ollama.requests_to("/api/chat"))
    with qtbot.waitSignal(panel.controller.run_finished, timeout=30_000) as finished:
        panel.controller.open_job(out)
    assert finished.args[0].reason == "finished"
    assert states(panel) == ["done"] * 4
    assert sorted(p.stem for p in out.glob("*.md")) == sorted(f"{a}-gardening" for a in ANIMALS)
    later = fake_ollama.requests_to("/api/chat")[chats_before:]
    assert not any(k in str(r.body["messages"]) for r in later for k in finished_before)


def test_skipping_near_duplicates_writes_one_article_per_intent(qtbot, panel, tmp_path) -> None:
    open_list(qtbot, panel, write_list(tmp_path, ["yak gardening;300", "Yak gardening!;300",
                                                  "gardening for yaks;300"]))
    panel.out_edit.setText(str(tmp_path / "articles"))
    panel.dup_combo.setCurrentIndex(panel.dup_combo.findData("skip"))
    panel.review_check.setChecked(False)
    with qtbot.waitSignal(panel.controller.run_finished, timeout=30_000):
        qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    assert states(panel) == ["done", "skipped", "skipped"]
    assert "line 2" in panel.controller.model.rows[2].detail
    assert [p.stem for p in (tmp_path / "articles").glob("*.md")] == ["yak-gardening"]


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_dropping_a_list_file_loads_it_and_other_files_are_refused(qtbot, panel,
                                                                   tmp_path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    listing = tmp_path / "clients.txt"
    listing.write_text("yak gardening\nlynx gardening\n", encoding="utf-8")
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG")

    def mime(path: Path) -> QMimeData:
        data = QMimeData()
        data.setUrls([QUrl.fromLocalFile(str(path))])
        return data

    image_data, list_data = mime(image), mime(listing)   # events do not own their mime data
    refused = QDragEnterEvent(QPointF(5, 5).toPoint(), Qt.DropAction.CopyAction, image_data,
                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    panel.dragEnterEvent(refused)
    assert not refused.isAccepted()
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, list_data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(panel.controller.list_loaded, timeout=5000):
        panel.dropEvent(drop)
    assert [r.keyword for r in panel.controller.model.rows] == ["yak gardening", "lynx gardening"]
    assert panel.out_edit.text() == str(tmp_path / "clients-articles")


def test_closing_the_window_mid_run_stops_cleanly_and_keeps_the_job(qtbot, fake_ollama,
                                                                   tmp_path) -> None:
    from PySide6.QtWidgets import QMainWindow

    fake_ollama.set_delay(0.001)
    window = QMainWindow()
    settings = Settings(host=fake_ollama.url, default_model="qwen3:8b", target_words=300,
                        self_review=False)
    qtbot.addWidget(window)
    panel = BatchPanel(window, settings=settings)
    window.setCentralWidget(panel)
    window.show()
    open_list(qtbot, panel, write_list(tmp_path, [f"{a} gardening;300" for a in ANIMALS]))
    panel.out_edit.setText(str(tmp_path / "articles"))
    qtbot.mouseClick(panel.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "running" in states(panel), timeout=10_000)
    window.close()
    assert not panel.controller.running
    from app.core.batch.queue import JobStore

    store = JobStore.open(tmp_path / "articles")
    assert store.counts()["running"] == 0 and store.job_state in ("stopped", "finished")

"""Autosave to the library's recovery table, and recovery after a crash.

    autosave = AutosaveController(library, editor_article, parent=window,
                                  interval_seconds=settings.autosave_seconds)
    editor.textChanged.connect(autosave.notify_changed)
    # explicit save:   article_id = library.save(...); autosave.mark_saved(article_id)
    # open article:    autosave.set_article_id(article_id)
    # before replacing the editor text: autosave.flush(); then
    # new article:     autosave.detach()  (unsaved text stays recoverable), or
    #                  autosave.discard_current() once the user agreed to drop it
    # at start-up:     drafts = autosave.pending_recovery(); article = autosave.recover(id)

A write happens at most every `interval_seconds` while the text is dirty, and at once when
the application loses focus. `get_article()` runs on the GUI thread (a cheap snapshot);
the SQLite write runs in the background. Writes never overlap: a change during a write
schedules the next one.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication

from app.core.models import Article
from app.core.store import Library, RecoverableDraft
from app.core.store.stream_journal import StreamJournal
from app.ui.workers.task_runner import run_in_background

logger = logging.getLogger(__name__)

STREAM_INTERVAL_SECONDS = 1.0   # recovery copy interval while a model writes


class AutosaveController(QObject):
    # ---- Signals
    autosaved = Signal(int)          # draft id
    autosave_failed = Signal(object)  # the exception (StoreError); text stays in the editor
    copy_taken = Signal()            # a recovery copy of the current text is being written

    def __init__(
        self,
        library: Library,
        get_article: Callable[[], Article | None],
        parent: QObject | None = None,
        *,
        interval_seconds: float = 5,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._get_article = get_article
        self._article_id: int | None = None
        self._draft_id: int | None = None
        self._dirty = False
        self._writing = False
        self._failing = False
        self._epoch = 0  # bumped when the current draft is discarded: late writes are dropped
        # Guards (_article_id, _draft_id, _epoch) across the GUI thread and the write, so a
        # background write, a synchronous flush and a discard never interleave.
        self._lock = threading.Lock()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.save_now)
        self._interval = interval_seconds       # the writer's setting (streams use their own)
        self.set_interval(interval_seconds)
        self._journal = StreamJournal(library.path.parent)
        self.copy_taken.connect(self._journal.copy_taken)
        self.autosaved.connect(self._journal.copy_written)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_application_state)

    # ---- Public API

    @property
    def dirty(self) -> bool:
        return self._dirty

    @property
    def draft_id(self) -> int | None:
        return self._draft_id

    @property
    def article_id(self) -> int | None:
        return self._article_id

    # ---- While a model writes: every word in the journal first, a copy every second and
    #      after each section (text arrives faster than typing)

    def stream_started(self) -> None:
        self._timer.setInterval(int(STREAM_INTERVAL_SECONDS * 1000))

    def streamed(self, text: str) -> None:
        self._journal.append(text)

    def section_written(self) -> None:
        self.notify_changed()
        self.save_now()

    def stream_finished(self) -> None:
        self.set_interval(self._interval)
        self.section_written()

    def close(self) -> None:
        """The window closes with its text kept (flushed): no journal is left to recover."""
        self.flush()
        self._journal.close()

    def set_interval(self, seconds: float) -> None:
        self._interval = seconds
        self._timer.setInterval(max(50, int(seconds * 1000)))

    @Slot()
    def notify_changed(self) -> None:
        """The text changed: save within `interval_seconds` (not on every keystroke)."""
        self._dirty = True
        if not self._timer.isActive() and not self._writing:
            self._timer.start()

    @Slot()
    def save_now(self) -> None:
        """Write a recovery copy now if anything changed since the last one."""
        self._timer.stop()
        if not self._dirty or self._writing:
            return
        article = self._get_article()
        if article is None or _blank(article):
            self._dirty = False
            return
        self._dirty = False
        self._writing = True
        self.copy_taken.emit()
        epoch = self._epoch
        run_in_background(lambda: self._write(epoch, article), self._on_written,
                          self._on_failed, owner=self)

    def set_article_id(self, article_id: int | None) -> None:
        """The editor now shows this saved article (or a new one when None). A recovery
        copy of the previous text is kept (see `detach`)."""
        if article_id != self._article_id:
            self.detach()
        with self._lock:
            self._article_id = article_id

    def detach(self) -> None:
        """Stop updating the current recovery copy but keep it: unsaved text the editor
        replaces stays recoverable at the next start (`discard_current` deletes it). To keep
        the last seconds of typing too, call `flush()` *before* replacing the text."""
        self._timer.stop()
        self._dirty = False
        with self._lock:
            self._epoch += 1
            self._draft_id = None
            self._article_id = None

    def mark_saved(self, article_id: int) -> None:
        """Explicit save done: the recovery copy is no longer needed."""
        with self._lock:
            self._article_id = article_id
        self.discard_current()

    def discard_current(self) -> None:
        """Forget the current recovery copy (saved, or deliberately closed)."""
        self._timer.stop()
        self._dirty = False
        with self._lock:
            self._epoch += 1
            draft_id, article_id = self._draft_id, self._article_id
            self._draft_id = None
            if draft_id is not None or article_id is not None:
                # Synchronous on purpose: one tiny DELETE, ordered with the writes.
                self._library.mark_clean(draft_id, article_id=article_id)

    def pending_recovery(self) -> list[RecoverableDraft]:
        """Drafts a crash left behind (call once at start, before editing)."""
        return self._library.recoverable()

    def recover(self, draft_id: int) -> Article:
        """Load a crashed draft; later autosaves update it until it is saved or discarded."""
        drafts = {d.draft_id: d for d in self._library.recoverable()}
        article = self._library.load_draft(draft_id)
        self._library.adopt_draft(draft_id)
        found = drafts.get(draft_id)
        with self._lock:
            self._draft_id = draft_id
            self._article_id = found.article_id if found is not None else None
        self._dirty = False
        return article

    def discard_recovery(self, draft_id: int) -> None:
        self._library.discard_recovery(draft_id)

    def flush(self) -> None:
        """Synchronous write (window closing with unsaved text kept for next start)."""
        self._timer.stop()
        if not self._dirty:
            return
        article = self._get_article()
        if article is not None and not _blank(article):
            self.copy_taken.emit()
            draft_id = self._write(self._epoch, article)  # waits for a write in flight, then updates it
            if draft_id is not None:
                self.autosaved.emit(draft_id)
        self._dirty = False

    # ---- Private

    def _write(self, epoch: int, article: Article) -> int | None:
        """Runs in the background (or inline from `flush`)."""
        with self._lock:
            if epoch != self._epoch:
                return None  # saved or closed after this copy was taken: not needed
            self._draft_id = self._library.autosave(self._article_id, article,
                                                    draft_id=self._draft_id)
            return self._draft_id

    def _on_written(self, draft_id: int | None) -> None:
        self._writing = False
        self._failing = False
        if draft_id is not None:
            self.autosaved.emit(draft_id)
        if self._dirty:
            self._timer.start()

    def _on_failed(self, exc: BaseException) -> None:
        self._writing = False
        self._dirty = True  # try again next time; the editor still has the text
        logger.warning("autosave failed: %s", exc)
        if not self._failing:  # tell once per streak, not every few seconds
            self._failing = True
            self.autosave_failed.emit(exc)
        self._timer.start()

    def _on_application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive and self._dirty:
            self.save_now()


def _blank(article: Article | None) -> bool:
    """Nothing worth recovering (a new, untouched article)."""
    return article is None or not (article.body.strip() or article.keyword.strip())

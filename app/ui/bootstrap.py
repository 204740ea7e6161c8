"""Start the desktop app: QApplication, logging, translators, theme, excepthook, window.

Imports stay lazy: only what the first frame needs is loaded before the window shows;
the library, connection check and analysis engine load after the event loop starts.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import sys
import threading
from types import TracebackType
from typing import Any

logger = logging.getLogger(__name__)


def _setup_logging(folder: Any) -> None:
    import logging.handlers  # ~10 ms (socket, pickle): loaded after the first frame

    root = logging.getLogger()
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            folder / "plume.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _install_excepthook() -> None:
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        logger.error("uncaught exception", exc_info=(kind, exc, tb))
        if threading.current_thread() is threading.main_thread():
            try:
                from app.ui.errors import present_error

                present_error(None, exc)  # shows; never exits: the draft stays open
                return
            except Exception:  # noqa: BLE001
                pass
        previous(kind, exc, tb)

    sys.excepthook = hook


def create_application(argv: list[str] | None = None) -> Any:
    from PySide6.QtWidgets import QApplication

    # Background analysis is CPU-bound Python: hand the interpreter lock back to the GUI
    # thread every 1 ms instead of 5 ms, so the event loop never waits long for it.
    sys.setswitchinterval(0.001)
    app = QApplication.instance()
    if app is None:
        args = list(argv if argv is not None else sys.argv[:1])
        # Fusion everywhere (the style sheet is written for it), chosen on the command line
        # so Qt makes it natively: setStyle() from Python costs ~7 ms at start-up.
        app = QApplication([*args, "-style", "fusion"])
        app.setProperty("plume_fusion", True)
    app.setApplicationName("Plume")
    app.setOrganizationName("Plume")
    app.setApplicationDisplayName("Plume")
    app.setDesktopFileName("io.github.plumestudio.Plume")  # matches the installed .desktop (Wayland icon, taskbar grouping)
    return app


def install_language(app: Any, lang: str) -> str:
    from app.ui.locale import set_ui_language

    try:
        from app.ui.i18n import install_translators
    except ImportError:  # integration point: translations not landed
        set_ui_language("en")
        return "en"
    code = install_translators(app, lang)
    set_ui_language(code)
    return code


_KEEP: list[Any] = []   # objects that live as long as the app (the stop-signal catcher)

def main(theme: str | None = None, lang: str | None = None) -> int:
    # Start-up allocates many long-lived objects (Qt enums, widgets, modules) and no
    # garbage cycles: the cyclic collector only costs time here. It is back on after the
    # first frame (after_first_frame), the objects made so far frozen out of its scans.
    gc.disable()
    # Settings (pure core, no Qt) load before Qt is imported: PySide's import hook reads the
    # source of every module imported after it, looking for feature flags.
    from app.core.settings import (
        default_data_dir,
        default_settings_path,
        first_run_language,
        load_settings,
    )

    settings_path = default_settings_path()
    problems: list[BaseException] = []
    try:
        settings = load_settings(settings_path, on_error=problems.append)
    except TypeError:
        settings = load_settings(settings_path)
    app = create_application()
    _load_fonts_meanwhile()
    # One Plume per library: a second launch hands over to the first and exits (two
    # windows would overwrite each other's recovery copies). The lock file (QtCore, no cost)
    # decides; QtNetwork (~8 ms) is loaded only to wake the first window, or after the
    # first frame to listen (see after_first_frame).
    lock = _profile_lock()
    if lock is None:
        instance = _single_instance(app)
        woken = instance is not None and instance.forward_to_running()
        print("Plume is already open with this profile"
              + (": its window was brought forward." if woken else "."))
        return 0
    _install_excepthook()
    code = install_language(app, lang or settings.ui_language)
    settings = first_run_language(settings, code, saved=settings_path.exists())
    from app.ui.icons import use_disk_cache

    use_disk_cache(default_data_dir() / "icon-cache")
    from app.ui.theme import apply_theme

    apply_theme(app, theme or settings.theme)
    from app.ui.main_window import MainWindow

    # The library (SQLite), its tab, autosave and the recovery offer come right after the
    # first frame: the writer sees the window ~25 ms sooner and loses nothing.
    window = MainWindow(settings, library=None, settings_path=settings_path,
                        start_connection=False)     # checked in after_first_frame
    window.preview.apply_theme(app.property("plume_theme") == "dark")
    from PySide6.QtCore import QTimer

    # Queued before show() so it runs before anything show() itself schedules.
    QTimer.singleShot(0, lambda: after_first_frame(window, problems))
    window.show()

    def stop(signum: int) -> None:      # SIGTERM/SIGHUP: closed as by the close button
        if window.close():
            app.exit(128 + signum)

    from app.ui.stop_signals import StopSignals

    _KEEP.append(StopSignals(stop, app))
    code = int(app.exec())
    lock.unlock()
    from app.ui.workers.task_runner import wait_for_background_tasks

    wait_for_background_tasks(5000)   # never let the interpreter exit under a running task
    return code


def _load_fonts_meanwhile() -> None:
    """Read the system's font list (fontconfig: ~10 ms of C++) on the second core while this
    thread imports and builds the window; the first text measured waits for it if needed.
    QFontDatabase is thread-safe, and PySide releases the interpreter lock during the call."""

    def load() -> None:
        from PySide6.QtGui import QFontDatabase

        QFontDatabase.families()

    threading.Thread(target=load, name="plume-fonts", daemon=True).start()


def _profile_lock() -> Any:
    """The held lock of this profile, or None when a running Plume holds it (a lock left by
    a crashed Plume is taken over: Qt checks that its process is gone)."""
    from PySide6.QtCore import QLockFile

    from app.core.settings import default_library_path

    path = default_library_path()
    with contextlib.suppress(OSError):   # no data folder: the library will say why
        path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(path.with_name("plume.lock")))
    lock.setStaleLockTime(0)   # never stale by age: only when its process is gone
    if lock.tryLock(0) or lock.error() is not QLockFile.LockError.LockFailedError:
        return lock            # ours (or unusable, e.g. read-only folder: start anyway)
    return None


def listen_for_second_launch(window: Any) -> None:
    """Bring `window` forward when Plume is started again on this profile."""
    instance = _single_instance(window)
    if instance is None or not instance.listen():
        return
    from app.ui.single_instance import bring_forward

    instance.activation_requested.connect(lambda: bring_forward(window))


def _single_instance(app: Any) -> Any:
    """The one-window-per-profile guard; None when QtNetwork is not in this build (the
    library still never offers a running window's drafts as a crash)."""
    from app.core.settings import default_library_path

    try:
        from app.ui.single_instance import SingleInstance
    except ImportError as exc:
        logger.warning("single-instance guard unavailable: %s", exc)
        return None
    return SingleInstance(SingleInstance.key_for(default_library_path()), app)


def after_first_frame(window: Any, problems: list[BaseException]) -> None:
    """Work the first frame does not need: the Ollama check, log file, library tab,
    autosave, settings problems, crash recovery."""
    gc.freeze()
    gc.enable()
    from PySide6.QtWidgets import QApplication

    from app.ui.icons import icon

    QApplication.setWindowIcon(icon("plume", "#2f5fd0"))   # every window and dialog
    if window.connection is not None:
        window.connection.start()      # the Ollama client loads in a background thread
    listen_for_second_launch(window)
    from app.core.settings import default_data_dir

    _setup_logging(default_data_dir() / "logs")
    window.set_library(open_library(problems))
    from app.ui.errors import present_error

    for problem in problems:
        present_error(window, problem)
    offer_recovery(window)


def open_library(problems: list[BaseException] | None = None) -> Any:
    """The library; a damaged file is set aside (reported in `problems`); None (logged and
    reported) when it cannot be opened at all."""
    try:
        from app.core.settings import default_library_path
        from app.core.store.opening import open_library as open_or_set_aside

        library, notice = open_or_set_aside(default_library_path())
    except Exception as exc:  # noqa: BLE001 - the app opens without a library and says why
        from app.core.errors import PlumeError

        if isinstance(exc, PlumeError):     # a disk full or read-only: said to the writer, no traceback
            logger.warning("library unavailable: %s", exc)
        else:
            logger.exception("library unavailable")
        if problems is not None:
            problems.append(exc)
        return None
    if notice is not None and problems is not None:
        problems.append(notice)
    return library


def offer_recovery(window: Any) -> None:
    autosave = window.autosave
    if autosave is None:
        return
    from app.core.store.stream_journal import recover_journals

    recover_journals(window.library.path.parent, window.library)   # words a kill cut short
    try:
        from app.ui.dialogs.recovery_dialog import RecoveryDialog
    except ImportError:
        return
    drafts = autosave.pending_recovery()
    if not drafts:
        return
    dialog = RecoveryDialog(drafts, window)
    result = dialog.exec()
    if result == getattr(RecoveryDialog, "RECOVER", 1):
        draft_id = dialog.selected_draft_id()
        if draft_id is not None:
            window.load_article(autosave.recover(draft_id))
    elif getattr(dialog, "choice", None) == getattr(RecoveryDialog, "DISCARD", object()):
        for draft in drafts:
            autosave.discard_recovery(draft.draft_id)

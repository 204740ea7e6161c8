"""The only path from an exception to the screen: `present_error(parent, exc)`.

It turns any exception into an `ErrorText` (translated headline, the error's own
message, an action hint) and shows it non-modally: in the window's message bar when
the window has one (`show_error(ErrorText)`, as the main window does), else in a
non-modal message box. `Cancelled` is not an error and shows nothing. Errors never
go into the article text.
"""

from __future__ import annotations

import logging
import traceback
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.core import errors as core_errors

logger = logging.getLogger(__name__)

_open_boxes: set[QMessageBox] = set()


def _tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


@dataclass(frozen=True, slots=True)
class ErrorText:
    title: str      # short translated headline: "Ollama is not reachable"
    message: str    # what happened, from the error itself
    hint: str       # what to do: "Start Ollama…"
    details: str = ""  # traceback for unexpected errors (copyable)
    kind: str = ""     # the error's class name (or its `kind`): what the window may clear


def _title_for(exc: BaseException) -> str:
    # Most specific first: InvalidModelOutput is a GenerationError.
    if isinstance(exc, core_errors.OllamaUnavailable):
        return _tr("Ollama is not reachable")
    if isinstance(exc, core_errors.ModelNotFound):
        return _tr("Model not installed")
    if isinstance(exc, core_errors.ThinkingUnsupported):
        return _tr("This model cannot think")
    if isinstance(exc, core_errors.ServerBusy):
        return _tr("Ollama is busy")
    if isinstance(exc, core_errors.OllamaTimeout):
        return _tr("Ollama did not answer in time")
    if isinstance(exc, core_errors.ContextTooSmall):
        return _tr("The request does not fit the model's context")
    if isinstance(exc, core_errors.InvalidModelOutput):
        return _tr("The model's answer could not be used")
    if isinstance(exc, core_errors.GenerationError):
        return _tr("Generation stopped with an error")
    if isinstance(exc, core_errors.ExportError):
        return _tr("Export failed")
    if isinstance(exc, core_errors.InputError):
        return _tr("Please check the input")
    if isinstance(exc, core_errors.SettingsError):
        return _tr("Settings could not be read")
    if isinstance(exc, core_errors.SecretStoreError):
        return _tr("No keychain available")
    if isinstance(exc, core_errors.PlumeError):
        return _tr("Something went wrong")
    if isinstance(exc, OSError):
        return _tr("A file or network operation failed")
    return _tr("Unexpected error")


def _hint_for(exc: BaseException) -> str:
    """Translated default hints; a specific hint from core is kept as written."""
    if isinstance(exc, core_errors.ModelNotFound):
        return _tr("Pull the model first (Models ▸ Pull model…), or pick another one.")
    if isinstance(exc, core_errors.PlumeError):
        defaults = {
            core_errors.OllamaUnavailable: _tr(
                "Start Ollama (run “ollama serve” or open the Ollama app), or check the host "
                "in Settings."
            ),
            core_errors.ThinkingUnsupported: _tr(
                "Turn thinking off for this model, or pick a reasoning model."
            ),
            core_errors.ServerBusy: _tr(
                "Ollama is busy with other requests; wait a moment and try again."
            ),
            core_errors.OllamaTimeout: _tr(
                "The model may still be loading. Try again, or raise the timeout in Settings."
            ),
            core_errors.ContextTooSmall: _tr(
                "Shorten the brief or the target length, or choose a model with a larger context."
            ),
            core_errors.GenerationError: _tr(
                "The text written so far is kept. Try again, or choose another model."
            ),
            core_errors.InvalidModelOutput: _tr(
                "The text written so far is kept. Try again, or choose another model."
            ),
            core_errors.ExportError: _tr("Choose another folder or file name, then export again."),
            core_errors.SettingsError: _tr(
                "Fix or delete the settings file; Plume will start with defaults."
            ),
            core_errors.SecretStoreError: _tr(
                "Install and unlock a system keyring (e.g. GNOME Keyring, KWallet)."
            ),
        }
        default = type(exc).default_hint
        if exc.hint and exc.hint != default:
            return exc.hint
        return defaults.get(type(exc), exc.hint)
    if isinstance(exc, OSError):
        return _tr("Check the path and its permissions, then try again.")
    return _tr("Your text is safe. Details were written to the log.")


def describe_error(exc: BaseException) -> ErrorText:
    """Build the words shown for `exc` (no widget involved: easy to test), in the
    interface's language: a core error's own words come from the language pack."""
    if isinstance(exc, core_errors.PlumeError):
        from app.application.error_text import error_text
        from app.ui.locale import ui_language

        message, hint = error_text(exc, ui_language())
        details = ""
        if hint != exc.hint:
            return ErrorText(_title_for(exc), message, hint, details, _kind(exc))
    else:
        message = str(exc) or type(exc).__name__
        details = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return ErrorText(_title_for(exc), message, _hint_for(exc), details, _kind(exc))


def _kind(exc: BaseException) -> str:
    return str(getattr(exc, "kind", "") or type(exc).__name__)


def present_error(parent: QObject | None, exc: BaseException) -> ErrorText | None:
    """Show `exc` to the user, non-modally. Returns what was shown (None for Cancelled)."""
    if isinstance(exc, core_errors.Cancelled):
        return None
    if isinstance(exc, core_errors.PlumeError):
        logger.warning("%s: %s", type(exc).__name__, exc)
    else:
        logger.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    text = describe_error(exc)
    widget = parent if isinstance(parent, QWidget) else QApplication.activeWindow()
    window = widget.window() if isinstance(widget, QWidget) else None
    sink = getattr(window, "show_error", None)
    if callable(sink):
        sink(text)
    else:
        _show_box(window, text)
    return text


def _show_box(parent: QWidget | None, text: ErrorText) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setTextFormat(Qt.TextFormat.PlainText)   # error texts may quote a server's page
    box.setWindowTitle(_tr("Plume"))
    box.setText(text.title)
    box.setInformativeText(f"{text.message}\n\n{text.hint}" if text.hint else text.message)
    if text.details:
        box.setDetailedText(text.details)
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    box.setModal(False)
    _open_boxes.add(box)

    def _closed(_result: int) -> None:
        _open_boxes.discard(box)
        box.deleteLater()

    box.finished.connect(_closed)
    box.show()

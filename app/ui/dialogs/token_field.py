"""The access-token row of the settings dialog: a password field, Save / Remove, and a line
saying where the token is (or why it cannot be stored).

Every keyring call runs in the background task runner (an unlock prompt may block). The
token is never shown again once saved, and without a usable keychain the field is disabled
and nothing is stored anywhere.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from app.core import secrets
from app.core.errors import SecretStoreError
from app.ui.workers.task_runner import run_in_background


class TokenField(QWidget):
    # ---- Signals
    state_loaded = Signal(bool, bool)   # keychain usable, token present
    saved = Signal()
    failed = Signal(str)

    def __init__(self, host: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._host = host
        self.keyring_ok: bool | None = None    # None while the first look is running
        self.present = False
        self.dirty = False
        self._probe = 0
        self.token = QLineEdit(self)
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setMinimumWidth(180)
        self.token.textEdited.connect(self._on_edited)
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove)
        # The status line is placed by the dialog on a full-width row of its form (a
        # word-wrapped label inside a form field gets clipped).
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.token, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.remove_button)
        self.retranslate_ui()

    # ---- Public API

    def load_state(self) -> None:
        """Look (again) whether a keychain works and holds a token for the current host."""
        host = self._host()
        self._probe += 1
        probe_id = self._probe

        def probe() -> tuple[bool, bool]:
            if not secrets.keyring_usable():
                return False, False
            try:
                return True, secrets.get_token(host) is not None
            except SecretStoreError:
                return False, False

        run_in_background(probe, lambda state: self._on_state(probe_id, state),
                          self._on_failed, owner=self)

    def save(self, owner: QObject | None = None) -> None:
        """Store (or, when empty, delete) the typed token for the current host."""
        host, token = self._host(), self.token.text()
        self.status.setText(self.tr("Saving the token in the system keychain…"))
        self.dirty = False
        # `owner` lets a save started on OK finish after the dialog closed; the callbacks
        # then only touch this widget if it still exists (an error is still shown).
        run_in_background(
            lambda: secrets.set_token(host, token),
            lambda result: self._on_saved(result) if shiboken6.isValid(self) else None,
            lambda exc: self._on_failed(exc) if shiboken6.isValid(self) else _report(owner, exc),
            owner=owner or self,
        )

    def remove(self) -> None:
        self.token.clear()
        self.save()

    def retranslate_ui(self) -> None:
        self.token.setPlaceholderText(self.tr("Only needed for a protected remote Ollama"))
        self.save_button.setText(self.tr("Save token"))
        self.remove_button.setText(self.tr("Remove"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # ---- Private

    def _on_state(self, probe_id: int, state: tuple[bool, bool]) -> None:
        if probe_id != self._probe:
            return  # the host changed again since: a newer answer is coming
        self.keyring_ok, self.present = state
        self._render()
        self.state_loaded.emit(*state)

    def _render(self) -> None:
        usable = bool(self.keyring_ok)
        for widget in (self.token, self.save_button, self.remove_button):
            widget.setEnabled(usable)
        if self.keyring_ok is None:
            self.status.setText(self.tr("Checking the system keychain…"))
        elif not usable:
            self.status.setText(self.tr(
                "No system keychain is available on this computer, so Plume cannot store a "
                "token. Install and unlock one (GNOME Keyring, KWallet, macOS Keychain or "
                "Windows Credential Manager). The token is never saved anywhere else."))
        elif self.present:
            self.status.setText(self.tr(
                "A token is saved in the system keychain for this host. Type a new one to "
                "replace it."))
        else:
            self.status.setText(self.tr(
                "No token saved for this host. Tokens are kept in the system keychain."))

    def _on_saved(self, _result: object) -> None:
        self.present = bool(self.token.text().strip())
        self.token.clear()
        if self.present:
            self.status.setText(self.tr("Token saved in the system keychain."))
        else:
            self.status.setText(self.tr("Token removed from the system keychain."))
        self.saved.emit()

    def _on_failed(self, exc: BaseException) -> None:
        message = exc.message if isinstance(exc, SecretStoreError) else str(exc)
        if isinstance(exc, SecretStoreError) and "locked" not in exc.message:
            self.keyring_ok = False
            self._render()
        else:
            self.status.setText(self.tr("The token could not be stored: {error}")
                                .format(error=message))
        self.failed.emit(message)

    def _on_edited(self, _text: str) -> None:
        self.dirty = True


def _report(owner: QObject | None, exc: BaseException) -> None:
    from app.ui.errors import present_error

    present_error(owner, exc)

"""Knows whether Ollama is reachable: checks version + installed models in the background at
start, on demand (Retry, host changed) and every few seconds while it is down.

    controller = ConnectionController(Plume(settings).host(strict=False))
    controller.status_changed.connect(banner.show_status)
    controller.status_changed.connect(main_window._on_connection_status)
    controller.start()
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.application.connection import find_token
from app.core.errors import OllamaTimeout, OllamaUnavailable, PlumeError
from app.ui.workers.task_runner import TaskHandle, run_in_background

logger = logging.getLogger(__name__)

ServiceFactory = Callable[[str, str | None], Any]


class ConnectionState(StrEnum):
    CHECKING = "checking"
    CONNECTED = "connected"
    UNREACHABLE = "unreachable"   # nothing answers at the host: install/start Ollama
    ERROR = "error"               # something answers but fails (bad token, proxy, 5xx)


@dataclass(frozen=True, slots=True)
class ConnectionStatus:
    state: ConnectionState
    host: str
    version: str = ""
    models: tuple[Any, ...] = ()  # ModelInfo items from OllamaService.list_models()
    error: str = ""               # English message of the error, for details/logs

    @property
    def connected(self) -> bool:
        return self.state is ConnectionState.CONNECTED


def default_service_factory(host: str, token: str | None) -> Any:
    from app.core.llm.service import open_service  # Ollama or OpenAI-compatible, by address

    return open_service(host, token, connect_timeout=3.0, read_timeout=15.0)


def _listening(host: str, timeout: float = 3.0) -> bool:
    """Whether anything accepts a TCP connection at the host (tells "not running" apart
    from "running but refusing us", e.g. a missing token)."""
    from app.core.hosts import parse_host

    try:
        parts = urlsplit(parse_host(host))
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80),
                                      timeout=timeout):
            return True
    except (OSError, ValueError, PlumeError):
        return False


def _close(service: Any) -> None:
    close = getattr(service, "close", None)
    if callable(close):
        try:
            close()
        except Exception:  # noqa: BLE001 - best effort on a failed probe
            logger.debug("closing a failed probe's client failed", exc_info=True)


class ConnectionController(QObject):
    # ---- Signals
    status_changed = Signal(object)  # ConnectionStatus

    def __init__(
        self,
        host: str,
        parent: QObject | None = None,
        *,
        service_factory: ServiceFactory | None = None,
        retry_interval_ms: int = 5000,
        heartbeat_interval_ms: int = 30_000,
    ) -> None:
        super().__init__(parent)
        self._host = host
        self._factory = service_factory or default_service_factory
        self._status = ConnectionStatus(ConnectionState.CHECKING, host)
        self._service: Any = None
        self._run_id = 0
        self._in_flight: TaskHandle | None = None
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(retry_interval_ms)
        self._retry.timeout.connect(self._recheck_quietly)
        # While connected, a cheap version call now and then notices Ollama going away.
        self._heartbeat = QTimer(self)
        self._heartbeat.setSingleShot(True)
        self._heartbeat.setInterval(heartbeat_interval_ms)
        self._heartbeat.timeout.connect(self._beat)

    # ---- Public API

    @property
    def status(self) -> ConnectionStatus:
        return self._status

    @property
    def host(self) -> str:
        return self._host

    def service(self) -> Any:
        """The `OllamaService` of the last successful check (None while not connected)."""
        return self._service

    def start(self) -> None:
        self.check()

    def set_host(self, host: str) -> None:
        """Settings changed the host (or its token): check again right away."""
        self._host = host
        self._service = None
        self.check()

    def set_retry_interval(self, msecs: int) -> None:
        self._retry.setInterval(msecs)

    def stop(self) -> None:
        """Stop polling and ignore any result still on its way (window closing)."""
        self._retry.stop()
        self._heartbeat.stop()
        self._run_id += 1
        if self._in_flight is not None:
            self._in_flight.discard()
            self._in_flight = None

    @Slot()
    def check(self) -> None:
        """Check now (Retry, host changed). A check still running is superseded."""
        self._start_check(quiet=False)

    # ---- Private

    @Slot()
    def _recheck_quietly(self) -> None:
        # Periodic re-checks while down do not announce "checking" (no flicker).
        self._start_check(quiet=True)

    @Slot()
    def _beat(self) -> None:
        service, run_id = self._service, self._run_id
        if service is None or self._in_flight is not None:
            return
        self._in_flight = run_in_background(
            service.version,
            lambda _version: self._on_beat(run_id, True),
            lambda _exc: self._on_beat(run_id, False),
            owner=self,
        )

    def _on_beat(self, run_id: int, alive: bool) -> None:
        if run_id != self._run_id:
            return
        self._in_flight = None
        if alive:
            self._heartbeat.start()
        else:
            self._start_check(quiet=True)  # says what happened if it is really down

    def _start_check(self, *, quiet: bool) -> None:
        self._retry.stop()
        self._heartbeat.stop()
        self._run_id += 1
        run_id, host, factory = self._run_id, self._host, self._factory
        if self._in_flight is not None:
            self._in_flight.discard()
        if not quiet:
            self._set_status(ConnectionStatus(ConnectionState.CHECKING, host))

        def probe() -> tuple[Any, str, tuple[Any, ...]]:
            service = factory(host, find_token(host))
            try:
                version = str(service.version())
                models = tuple(service.list_models())
            except BaseException as exc:
                _close(service)
                if isinstance(exc, PlumeError):
                    exc.reachable = _listening(host)  # type: ignore[attr-defined]
                raise
            return service, version, models

        self._in_flight = run_in_background(
            probe,
            lambda result: self._on_probe_done(run_id, host, result),
            lambda exc: self._on_probe_failed(run_id, host, exc),
            owner=self,
        )

    def _on_probe_done(self, run_id: int, host: str, result: tuple[Any, str, tuple[Any, ...]]
                       ) -> None:
        if run_id != self._run_id:
            return
        self._in_flight = None
        service, version, models = result
        self._service = service
        self._set_status(ConnectionStatus(ConnectionState.CONNECTED, host, version, models))
        self._heartbeat.start()

    def _on_probe_failed(self, run_id: int, host: str, exc: BaseException) -> None:
        if run_id != self._run_id:
            return
        self._in_flight = None
        self._service = None
        reachable = getattr(exc, "reachable", None)
        if reachable is False or (reachable is None and isinstance(
                exc, OllamaUnavailable | OllamaTimeout | ConnectionError | OSError)):
            state = ConnectionState.UNREACHABLE
        else:
            state = ConnectionState.ERROR
        message = exc.message if isinstance(exc, PlumeError) else str(exc) or type(exc).__name__
        repeated = self._status.state is state and self._status.error == message
        logger.log(logging.DEBUG if repeated else logging.INFO,  # no log line every 5 s
                   "Ollama at %s: %s (%s)", host, state.value, message)
        self._set_status(ConnectionStatus(state, host, error=message))
        self._retry.start()  # keep trying quietly while it is down

    def _set_status(self, status: ConnectionStatus) -> None:
        self._status = status
        self.status_changed.emit(status)

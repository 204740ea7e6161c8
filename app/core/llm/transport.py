"""An httpx transport whose sockets can be shut down from another thread.

Stop must be instant even while the worker is blocked in a socket read (cold model load,
long prompt evaluation, silent gap). Closing a socket from another thread does not wake a
blocked `recv` on Linux; `shutdown()` does. So each streamed request registers a `SocketWatch`
for the thread that opens the connection; the cancel token's callback shuts the socket down,
the read fails at once, and the server sees the connection close.

Keep-alive is off so every request opens its own connection (cheap on loopback, negligible
next to a generation elsewhere), which guarantees the watch sees the socket.
"""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from typing import Any

import httpcore
import httpx


class SocketWatch:
    """Holds a duplicate of the request's socket so it can be shut down from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sock: socket.socket | None = None
        self._aborted = False

    def attach(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self._lock:
            self._release_locked()
            self._sock = sock.dup()
            if self._aborted:
                self._shutdown_locked()

    def abort(self) -> None:
        with self._lock:
            self._aborted = True
            self._shutdown_locked()

    def release(self) -> None:
        with self._lock:
            self._release_locked()

    def _shutdown_locked(self) -> None:
        if self._sock is not None:
            with contextlib.suppress(OSError):
                self._sock.shutdown(socket.SHUT_RDWR)

    def _release_locked(self) -> None:
        if self._sock is not None:
            with contextlib.suppress(OSError):
                self._sock.close()
            self._sock = None


class _WatchingBackend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()
        self.local = threading.local()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                    local_address: str | None = None,
                    socket_options: Any = None) -> httpcore.NetworkStream:
        stream = self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        watch: SocketWatch | None = getattr(self.local, "watch", None)
        if watch is not None:
            watch.attach(stream.get_extra_info("socket"))
        return stream

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Any = None) -> httpcore.NetworkStream:
        return self._inner.connect_unix_socket(path, timeout, socket_options)

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class WatchingTransport(httpx.HTTPTransport):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("limits", httpx.Limits(max_keepalive_connections=0))
        super().__init__(**kwargs)
        self.backend = _WatchingBackend()
        pool: Any = getattr(self, "_pool", None)
        # httpx builds the pool with the default backend; swap in ours (pinned httpx/httpcore).
        self.supported = pool is not None and hasattr(pool, "_network_backend")
        if self.supported:
            pool._network_backend = self.backend

    @contextlib.contextmanager
    def watching(self, watch: SocketWatch) -> Iterator[None]:
        """Connections opened by this thread inside the block are registered with `watch`."""
        previous = getattr(self.backend.local, "watch", None)
        self.backend.local.watch = watch
        try:
            yield
        finally:
            self.backend.local.watch = previous

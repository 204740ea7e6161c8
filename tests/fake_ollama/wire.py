"""HTTP plumbing of the fake: chunked NDJSON writes, disconnect detection, error bodies."""

from __future__ import annotations

import json
import select
import socket
import threading
from http.server import BaseHTTPRequestHandler
from typing import Any


class ClientGone(Exception):
    """The client closed the connection (what a cancelled stream looks like to Ollama)."""


def encode_line(obj: dict[str, Any], escape_html: bool = True) -> bytes:
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    if escape_html:  # Go's encoder escapes these; '<', '>' and '&' only occur inside strings
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return (text + "\n").encode("utf-8")


def utf8_split_point(data: bytes) -> int | None:
    """A byte offset inside the first multibyte character of `data`, if any."""
    for i, byte in enumerate(data):
        if byte >= 0xC0:
            return i + 1
    return None


class Wire:
    """Writes a response on one handler; notices when the client goes away."""

    def __init__(self, handler: BaseHTTPRequestHandler, stop: threading.Event) -> None:
        self.handler = handler
        self.sock: socket.socket = handler.connection
        self.stop = stop

    def peer_closed(self) -> bool:
        """True if the client sent FIN/RST (it never sends data while we stream)."""
        try:
            readable, _, _ = select.select([self.sock], [], [], 0)
            if not readable:
                return False
            return self.sock.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True

    def pause(self, seconds: float) -> None:
        """Sleep, but wake as soon as the client goes away or the server stops."""
        if seconds <= 0:
            if self.peer_closed() or self.stop.is_set():
                raise ClientGone()
            return
        try:
            readable, _, _ = select.select([self.sock], [], [], seconds)
        except (OSError, ValueError):
            raise ClientGone() from None
        if readable and self.peer_closed():
            raise ClientGone()
        if self.stop.is_set():
            raise ClientGone()

    def _raw(self, data: bytes) -> None:
        try:
            self.handler.wfile.write(data)
            self.handler.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, OSError):
            raise ClientGone() from None

    def start_stream(self, status: int = 200) -> None:
        h = self.handler
        h.send_response(status)
        h.send_header("Content-Type", "application/x-ndjson")
        h.send_header("Transfer-Encoding", "chunked")
        h.end_headers()
        try:
            h.wfile.flush()
        except OSError:
            raise ClientGone() from None

    def chunk(self, data: bytes) -> None:
        """One HTTP chunk, one write + flush."""
        if self.peer_closed():
            raise ClientGone()
        self._raw(b"%x\r\n%s\r\n" % (len(data), data))

    def line(self, obj: dict[str, Any], *, escape_html: bool = True, split_utf8: bool = False) -> None:
        data = encode_line(obj, escape_html)
        cut = utf8_split_point(data) if split_utf8 else None
        if cut is None:
            self.chunk(data)
        else:  # two TCP writes with a multibyte character cut in half
            self.chunk(data[:cut])
            self.chunk(data[cut:])

    def end_stream(self) -> None:
        self._raw(b"0\r\n\r\n")

    def abort(self) -> None:
        """Drop the connection mid-body (no terminating chunk)."""
        self.handler.close_connection = True
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    def send_json(self, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        self.send_body(status, data, "application/json; charset=utf-8")

    def send_body(self, status: int, data: bytes, content_type: str | None,
                  headers: dict[str, str] | None = None) -> None:
        h = self.handler
        h.send_response(status)
        if content_type:
            h.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            h.send_header(name, value)
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        if h.command == "HEAD":  # headers only
            h.wfile.flush()
            return
        self._raw(data)

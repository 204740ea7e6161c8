"""What a scripted request answers. Tests queue these per path, or per model.

- `Generate`: a chat/generate answer. The server renders it as an NDJSON stream or as one
  JSON object depending on the request's `stream` flag, with `message.content` (chat) or
  `response` (generate). Timing and failure knobs cover slow starts, silent gaps, abrupt
  closes, mid-stream errors, never-ending streams and byte-split multibyte characters.
- `Fail`: an HTTP error before any byte (JSON `{"error":…}`, plain text, or empty body).
- `Stream`: arbitrary NDJSON lines (pull progress, hand-made chunks).
- `Json`: one arbitrary JSON object with a status.
- `Redirect`: a 3xx answer with a Location header.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

_TOKEN = re.compile(r"\s*\S{1,7}|\s+")


def words(text: str) -> list[str]:
    """Split text into token-sized pieces (a word with its leading space, long words cut)."""
    return _TOKEN.findall(text)


def _pieces(value: Sequence[str] | str) -> list[str]:
    return words(value) if isinstance(value, str) else list(value)


@dataclass
class Timing:
    first_byte_delay: float = 0.0                # cold load: silence before the headers
    chunk_delay: float | None = None             # None = the server's current default
    gap_before: dict[int, float] = field(default_factory=dict)  # silent pause before line i
    close_after: int | None = None               # abrupt socket close after N lines
    forever: bool = False                        # keep sending until the client goes away
    split_utf8: bool = False                     # write lines in two parts inside a multibyte char
    escape_html: bool = True                     # Go-style \u003c \u003e \u0026


@dataclass
class Generate(Timing):
    content: Sequence[str] | str = ()
    thinking: Sequence[str] | str = ()
    final_content: str = ""                      # text carried by the done:true chunk
    done_reason: str | None = "stop"
    metrics: bool | dict[str, int] = True        # False = omit all metrics (cache-hit style)
    prompt_eval_count: int | None = None         # None = estimated from the prompt
    error_after: int | None = None               # {"error":…} line after N lines (HTTP 200)
    error: str = "an error was encountered while running the model"

    def content_pieces(self) -> list[str]:
        return _pieces(self.content)

    def thinking_pieces(self) -> list[str]:
        return _pieces(self.thinking)


@dataclass
class Fail:
    status: int
    message: str = ""
    kind: str = "json"                           # "json" | "text" | "empty"
    first_byte_delay: float = 0.0


@dataclass
class Stream(Timing):
    lines: list[dict[str, Any]] = field(default_factory=list)
    status: int = 200
    on_complete: Callable[[], None] | None = None   # run once every line was delivered
    before_last: Callable[[], None] | None = None   # run just before the last line is sent


@dataclass
class Json:
    body: dict[str, Any]
    status: int = 200
    first_byte_delay: float = 0.0


@dataclass
class Redirect:
    """An HTTP redirect (e.g. a misconfigured proxy sending clients elsewhere)."""
    location: str
    status: int = 307


Reply = Generate | Fail | Stream | Json | Redirect


def legacy_think(thinking: str, content: str) -> list[str]:
    """Content pieces of an old server: reasoning inside <think>…</think>, tags split across chunks."""
    pieces = ["<thi", "nk>"] + words(thinking) + ["</th", "ink>", "\n\n"] + words(content)
    return pieces


# Ready-made errors of the real server (reference §3).
def model_not_found(name: str) -> Fail:
    return Fail(404, f"model '{name}' not found")


def no_thinking(name: str) -> Fail:
    return Fail(400, f'"{name}" does not support thinking')


BUSY = Fail(503, "server busy, please try again.  maximum pending requests exceeded")
LOAD_TIMEOUT = Fail(500, "timed out waiting for llama runner to start - progress 0.00 - ")
RUNNER_CRASH = "model runner has unexpectedly stopped, this may be due to resource limitations " \
    "or an internal error, check ollama server logs for details"
BAD_KEEP_ALIVE = Fail(400, 'time: missing unit in duration "300"')
FORBIDDEN = Fail(403, "", kind="empty")
NOT_FOUND_PATH = Fail(404, "404 page not found", kind="text")


def pull_lines(digests: Sequence[tuple[str, int]], *, cached: Sequence[tuple[str, int]] = (),
               steps: int = 4) -> list[dict[str, Any]]:
    """Realistic /api/pull progress: manifest, per-digest progress, cached blobs, verify, success."""
    lines: list[dict[str, Any]] = [{"status": "pulling manifest"}]
    for digest, total in digests:
        short = digest.removeprefix("sha256:")[:12]
        base = {"status": f"pulling {short}", "digest": digest, "total": total}
        lines.append(dict(base))
        for i in range(1, steps + 1):
            lines.append({**base, "completed": total * i // steps})
    for digest, total in cached:
        short = digest.removeprefix("sha256:")[:12]
        lines.append({"status": f"pulling {short}", "digest": digest, "total": total,
                      "completed": total})
    lines += [{"status": "verifying sha256 digest"}, {"status": "writing manifest"},
              {"status": "success"}]
    return lines

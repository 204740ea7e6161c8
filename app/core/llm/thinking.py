"""Keep reasoning out of the article: legacy `<think>…</think>` in content, and `think` values."""

from __future__ import annotations

from app.core.llm.types import ModelInfo

_OPEN, _CLOSE = "<think>", "</think>"


class ThinkTagSplitter:
    """Moves `<think>…</think>` found in streamed content to the thinking channel.

    Old servers (and thinking models called without `think`) put the reasoning inside
    `content`; the tags may be split across chunks ("<thi" + "nk>"), so a possible tag
    prefix at the end of a chunk is held back until the next one decides.
    """

    def __init__(self) -> None:
        self._inside = False
        self._held = ""

    def feed(self, text: str) -> tuple[str, str]:
        """Returns (thinking, content) for this piece of content."""
        if not text:
            return "", ""
        if not self._held and not self._inside and "<" not in text:
            return "", text  # fast path: almost every chunk
        data = self._held + text
        self._held = ""
        thinking: list[str] = []
        content: list[str] = []
        while data:
            tag = _CLOSE if self._inside else _OPEN
            out = thinking if self._inside else content
            pos = data.find(tag)
            if pos >= 0:
                out.append(data[:pos])
                data = data[pos + len(tag):]
                self._inside = not self._inside
                continue
            keep = _partial_suffix(data, tag)
            out.append(data[: len(data) - keep])
            self._held = data[len(data) - keep:]
            break
        return "".join(thinking), "".join(content)

    def flush(self) -> tuple[str, str]:
        """End of stream: whatever was held back is plain text of the current channel."""
        held, self._held = self._held, ""
        return (held, "") if self._inside else ("", held)


def _partial_suffix(data: str, tag: str) -> int:
    """Length of the longest suffix of `data` that is a proper prefix of `tag`."""
    for size in range(min(len(tag) - 1, len(data)), 0, -1):
        if tag.startswith(data[-size:]):
            return size
    return 0


def think_value(info: ModelInfo, think: bool | str | None) -> bool | str | None:
    """The `think` to send, or None to omit it. Call only after checking `can_think`.

    gpt-oss takes levels and ignores booleans (True → "medium", False → "low": its trace
    cannot be turned off). Other thinking models take booleans; a level means True.
    "max" is sent as "high" (older servers and clients reject "max").
    """
    if think is None or not info.can_think:
        return None
    if isinstance(think, str):
        level = think.strip().lower()
        level = "high" if level == "max" else level
        if info.think_levels:
            return level if level in info.think_levels else "medium"
        return level not in ("", "off", "false", "none")
    if info.think_levels:
        return "medium" if think else "low"
    return bool(think)


def wants_thinking(think: bool | str | None) -> bool:
    if isinstance(think, str):
        return think.strip().lower() not in ("", "off", "false", "none")
    return bool(think)

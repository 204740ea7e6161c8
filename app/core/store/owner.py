"""Is the process that wrote a recovery copy still running? A draft whose owner is alive
is another window's live text, never a crash to recover (discarding it would lose it)."""

from __future__ import annotations

import os
import sys


def process_alive(pid: int) -> bool:
    """True when process `pid` exists (0 or less: unknown, treated as gone)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_alive(pid)
    try:
        os.kill(pid, 0)          # signal 0: only checks that the process exists
    except ProcessLookupError:
        return False
    except PermissionError:      # exists, owned by someone else
        return True
    except OSError:
        return False
    return True


def _windows_alive(pid: int) -> bool:
    import ctypes

    query_limited, still_active = 0x1000, 259
    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(query_limited, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        return bool(kernel.GetExitCodeProcess(handle, ctypes.byref(code))) and \
            code.value == still_active
    finally:
        kernel.CloseHandle(handle)

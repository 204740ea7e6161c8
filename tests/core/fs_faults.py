"""Folders that refuse writes, for tests of what Plume does when saving fails.

- `read_only_folder(path)`: a folder no write succeeds in — chmod 555 for a normal user;
  as root (who ignores permissions) a read-only tmpfs mount.
- `small_disk(path, size)`: a tmpfs of `size` bytes mounted at `path` (root only): a real
  "No space left on device" once it is full.
Both raise `pytest.skip` where the machine cannot provide them.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def _mount(path: Path, options: str) -> None:
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")


def _unmount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], capture_output=True, check=False)


@contextlib.contextmanager
def read_only_folder(path: Path) -> Iterator[Path]:
    if os.geteuid() != 0:
        path.mkdir(parents=True, exist_ok=True)
        path.chmod(0o555)
        try:
            yield path
        finally:
            path.chmod(0o755)
        return
    _mount(path, "ro,size=1m")
    try:
        yield path
    finally:
        _unmount(path)


@contextlib.contextmanager
def small_disk(path: Path, size: int = 256 * 1024) -> Iterator[Path]:
    if os.geteuid() != 0:
        pytest.skip("a small tmpfs needs root")
    _mount(path, f"size={size}")
    try:
        yield path
    finally:
        _unmount(path)


def fill(folder: Path) -> None:
    """Use every free byte of the disk holding `folder`."""
    descriptor = os.open(folder / "filler.bin", os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(descriptor, b"\0" * 4096)
    finally:
        os.close(descriptor)

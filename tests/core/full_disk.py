"""A disk that fills up: files opened for writing in one folder accept a number of bytes
and then fail with ENOSPC, as on a full file system (flushes and closes fail again, as
they do there)."""

from __future__ import annotations

import builtins
import errno
import io
from pathlib import Path


class _FullRaw(io.FileIO):
    def __init__(self, path: str, mode: str, room: list[int]):
        super().__init__(path, mode)
        self._room = room

    def write(self, data) -> int:  # type: ignore[override]
        size = len(memoryview(data))
        if size > self._room[0]:
            raise OSError(errno.ENOSPC, "No space left on device")
        self._room[0] -= size
        return super().write(data)


def fill_disk(monkeypatch, folder: Path, room: int) -> None:
    """Give files written under `folder` `room` bytes between them."""
    left = [room]
    real_open = builtins.open
    folder = folder.resolve()

    def full_open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, **kw):
        writing = any(flag in mode for flag in "wax+")
        inside = isinstance(file, (str, Path)) and folder in Path(file).resolve().parents
        if not (writing and inside):
            return real_open(file, mode, buffering, encoding, errors, newline, **kw)
        raw_mode = mode.replace("b", "").replace("t", "")
        raw = _FullRaw(str(file), raw_mode, left)
        buffered = io.BufferedRandom(raw) if "+" in mode else io.BufferedWriter(raw)
        if "b" in mode:
            return buffered
        return io.TextIOWrapper(buffered, encoding=encoding, errors=errors, newline=newline)

    monkeypatch.setattr(builtins, "open", full_open)
    monkeypatch.setattr(io, "open", full_open)

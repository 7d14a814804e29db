"""Flushing a file or a folder to disk, for writes that must survive a power cut.

Here rather than in core because both `models.db` (creating a project file) and
`core.project.atomic` (every other file Tawsim writes) need it, and models never import core.
"""

from __future__ import annotations

import os
from pathlib import Path


def fsync_path(path: Path) -> None:
    """fsync a file or folder; a folder or file system that cannot be synced is left as is."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDONLY
    try:
        fd = os.open(path, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot fsync a folder
    finally:
        os.close(fd)


__all__ = ["fsync_path"]

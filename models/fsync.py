"""Flushing a file or a folder to disk, for writes that must survive a power cut.

Here rather than in core because both `models.db` (creating a project file) and
`core.project.atomic` (every other file Tawsim writes) need it, and models never import core.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

# what a file system says when it cannot sync a folder at all (not a failed write)
_FOLDER_SYNC_UNSUPPORTED = frozenset({errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EBADF})


def fsync_path(path: Path) -> None:
    """fsync a file or folder. A file that cannot be flushed raises OSError: what was
    written may not be on disk. A folder that cannot be opened or whose file system cannot
    sync folders is left as is."""
    folder = path.is_dir()
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if folder else os.O_RDONLY
    try:
        fd = os.open(path, flags)
    except OSError:
        if folder:
            return
        raise
    try:
        os.fsync(fd)
    except OSError as err:
        if not (folder and err.errno in _FOLDER_SYNC_UNSUPPORTED):
            raise
    finally:
        os.close(fd)


__all__ = ["fsync_path"]

"""Writing files atomically: nothing appears under the final name until it is whole.

Files are written under temporary names in the target's own folder (so the
final rename stays on one file system), flushed to disk with fsync, then
renamed into place. A writer that fails or is cancelled leaves neither the
final name nor a temporary file behind.

`write_atomically(path, write)` does this for one file (reports, the schema, the
app state, packages); `AtomicOutput` for the files of one export. A folder output
(brat) is built as a temporary folder and renamed; an existing folder is replaced
only when it holds nothing but files of the kinds the export writes.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from core.project.errors import OutputError
from models.fsync import fsync_path


def write_atomically(path: Path, write: Callable[[Path], object], suffix: str = ".tmp") -> Path:
    """Write one file whole or not at all: `write(tmp)` fills a temporary file (named
    `.STEM-….SUFFIX`) in `path`'s folder, which is flushed to disk and renamed over
    `path`. A missing folder or a failed write raises OutputError naming `path`; nothing
    is then left behind and an older `path` is kept."""
    path = Path(path)
    if not path.parent.is_dir():
        raise OutputError(f"{path.parent}: no such folder; nothing was written")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=suffix, dir=path.parent)
    except OSError as err:
        raise _output_error(path, err) from None
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        fsync_path(tmp)
        os.replace(tmp, path)
    except BaseException as err:
        tmp.unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise _output_error(path, err) from None
        raise
    fsync_path(path.parent)
    return path


def _output_error(path: Path, err: OSError) -> OutputError:
    return OutputError(f"{path}: cannot be written ({err.strerror or err}); nothing was written")


class AtomicOutput:
    """The files of one export. `path(name)` gives where to write a file;
    `commit()` moves everything into place; `discard()` removes it all.

    File output: `target` is the main file; `path()` is its temporary twin and
    `path("x.labels.json")` a side file next to it. Folder output: `target` is
    the folder and `path("a.txt")` a file inside it.
    """

    def __init__(self, target: str | Path, *, folder: bool = False, replaceable=(".txt",)):
        self.target = Path(target).absolute()
        self.folder = folder
        self._replaceable = tuple(replaceable)
        self._temps: dict[Path, Path] = {}  # final -> temporary
        self._tempdir: Path | None = None
        self._done = False
        parent = self.target.parent
        if not parent.is_dir():
            raise OutputError(f"{parent}: no such folder")
        if folder:
            self._check_folder_replaceable()
            self._tempdir = Path(
                tempfile.mkdtemp(prefix=f".{self.target.name}.", suffix=".tmp", dir=parent)
            )
        elif self.target.is_dir():
            raise OutputError(f"{self.target} is a folder; give a file name")

    def _check_folder_replaceable(self) -> None:
        if self.target.exists() and not self.target.is_dir():
            raise OutputError(f"{self.target} is a file; give a folder name")
        if self.target.is_dir():
            strangers = [
                p.name
                for p in self.target.iterdir()
                if not (p.is_file() and p.name.endswith(self._replaceable))
            ]
            if strangers:
                raise OutputError(
                    f"{self.target} already holds other files ({', '.join(sorted(strangers)[:3])}"
                    f"{'...' if len(strangers) > 3 else ''}); choose a new or empty folder"
                )

    def path(self, name: str | None = None) -> Path:
        """Where to write the main file (name None), a side file or a file in the folder."""
        if self._done:
            raise RuntimeError("the output was already committed or discarded")
        if self.folder:
            if not name or "/" in name or "\\" in name or name in (".", ".."):
                raise ValueError(f"bad file name {name!r}")
            return self._tempdir / name  # type: ignore[operator]
        final = self.target if name is None else self.target.with_name(name)
        temp = self._temps.get(final)
        if temp is None:
            fd, temp_name = tempfile.mkstemp(
                prefix=f".{final.name}.", suffix=".tmp", dir=final.parent
            )
            os.close(fd)
            temp = Path(temp_name)
            self._temps[final] = temp
        return temp

    @property
    def final_paths(self) -> list[Path]:
        return [self.target] if self.folder else list(self._temps)

    def commit(self) -> list[Path]:
        """Flush everything to disk and move it into place; returns the final paths."""
        if self._done:
            raise RuntimeError("the output was already committed or discarded")
        try:
            if self.folder:
                self._commit_folder()
            else:
                for temp in self._temps.values():
                    fsync_path(temp)
                # side files first: the main file appearing means the export is complete
                for final, temp in sorted(self._temps.items(), key=lambda i: i[0] == self.target):
                    os.replace(temp, final)
                fsync_path(self.target.parent)
        except BaseException:
            self.discard()
            raise
        self._done = True
        return self.final_paths

    def _commit_folder(self) -> None:
        tempdir = self._tempdir
        assert tempdir is not None
        for child in tempdir.iterdir():
            fsync_path(child)
        fsync_path(tempdir)
        old: Path | None = None
        if self.target.exists():
            self._check_folder_replaceable()
            old = Path(
                tempfile.mkdtemp(prefix=f".{self.target.name}.", suffix=".old", dir=tempdir.parent)
            )
            os.rmdir(old)
            os.rename(self.target, old)
        try:
            os.rename(tempdir, self.target)
        except BaseException:
            if old is not None:
                os.rename(old, self.target)
            raise
        self._tempdir = None
        fsync_path(self.target.parent)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """Remove every temporary file; nothing is left under any final name."""
        for temp in self._temps.values():
            temp.unlink(missing_ok=True)
        self._temps.clear()
        if self._tempdir is not None:
            shutil.rmtree(self._tempdir, ignore_errors=True)
            self._tempdir = None
        self._done = True


__all__ = ["AtomicOutput", "write_atomically"]

"""Writing files atomically: nothing appears under the final name until it is whole.

Files are written under temporary names in the target's own folder (so the
final rename stays on one file system), flushed to disk with fsync, then
renamed into place. A writer that fails or is cancelled leaves neither the
final name nor a temporary file behind; temporary files left by a process that
was killed are removed by the next output into that folder (their names carry
the writing process's id, so one still running keeps its own).

`write_atomically(path, write)` does this for one file (reports, the schema, the
app state, packages); `AtomicOutput` for the files of one export. A folder output
(brat, WebAnno TSV) is built as a temporary folder, its files flushed side by side, and
renamed; an existing folder is replaced only when it holds nothing but files of the kinds
the export writes.

What is written gets the permissions the user's umask gives new files (temporary
files start private), so a colleague can read a dataset as they would any other
file. A target whose permissions forbid writing (0444) is refused unless `force`.
Every failure is an OutputError naming the path: a missing or read-only folder, a
full disk.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from core.project.errors import OutputError, ReadOnlyOutput
from models.fsync import fsync_path
from models.messages import Message

_MARK = "tawsim"  # in every temporary name, so only our own leftovers are cleaned
_LEFTOVER = re.compile(rf"^\..*\.{_MARK}-(\d+)-[^.]*\.(tmp|old)$")
_STALE_AFTER_S = 24 * 3600  # a leftover this old is removed whoever made it


def write_atomically(
    path: Path, write: Callable[[Path], object], suffix: str = ".tmp", *, force: bool = False
) -> Path:
    """Write one file whole or not at all: `write(tmp)` fills a temporary file in
    `path`'s folder, which is flushed to disk and renamed over `path`. A missing folder,
    a read-only target (unless `force`) or a failed write raises OutputError naming
    `path`; nothing is then left behind and an older `path` is kept."""
    path = Path(path)
    _check_target(path, force)
    remove_leftovers(path.parent)
    tmp = _temporary_file(path, suffix)
    try:
        write(tmp)
        _publish_mode(tmp, directory=False)
        fsync_path(tmp)
        os.replace(tmp, path)
        fsync_path(path.parent)
    except BaseException as err:
        tmp.unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise output_error(path, err) from None
        raise
    return path


def output_error(path: Path, err: OSError) -> OutputError:
    """One line for a failed write: which file, and the system's reason."""
    reason = Message("the disk is full") if err.errno == 28 else (err.strerror or str(err))
    return OutputError(
        Message(
            "{path}: cannot be written ({reason}); nothing was written",
            path=str(path),
            reason=reason,
        )
    )


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files and folders a killed Tawsim process left in `folder`
    (a process still running keeps its own); returns what was removed."""
    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        match = _LEFTOVER.match(entry.name)
        if match is None:
            continue
        pid = int(match.group(1))
        try:
            old = now - entry.lstat().st_mtime > _STALE_AFTER_S
        except OSError:
            continue
        if pid == os.getpid() or (process_running(pid) and not old):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed


class AtomicOutput:
    """The files of one export. `path(name)` gives where to write a file;
    `commit()` moves everything into place; `discard()` removes it all.

    File output: `target` is the main file; `path()` is its temporary twin and
    `path("x.labels.json")` a side file next to it. Folder output: `target` is
    the folder and `path("a.txt")` a file inside it.
    """

    def __init__(
        self,
        target: str | Path,
        *,
        folder: bool = False,
        replaceable: Iterable[str] = (".txt",),
        force: bool = False,
    ):
        self.target = Path(target).absolute()
        self.folder = folder
        self.force = force
        self._replaceable = tuple(replaceable)
        self._temps: dict[Path, Path] = {}  # final -> temporary
        self._tempdir: Path | None = None
        self._done = False
        parent = self.target.parent
        if not parent.is_dir():
            raise OutputError(_no_folder(parent))
        if folder:
            self._check_folder_replaceable()
        elif self.target.is_dir():
            raise OutputError(
                Message("{path} is a folder; give a file name", path=str(self.target))
            )
        else:
            _check_target(self.target, force)
        remove_leftovers(parent)
        if folder:
            try:
                self._tempdir = Path(
                    tempfile.mkdtemp(prefix=_prefix(self.target), suffix=".tmp", dir=parent)
                )
            except OSError as err:
                raise output_error(self.target, err) from None

    def _check_folder_replaceable(self) -> None:
        if self.target.exists() and not self.target.is_dir():
            raise OutputError(
                Message("{path} is a file; give a folder name", path=str(self.target))
            )
        if self.target.is_dir():
            strangers = [
                p.name
                for p in self.target.iterdir()
                if not (p.is_file() and p.name.endswith(self._replaceable))
            ]
            if strangers:
                shown = ", ".join(sorted(strangers)[:3]) + ("..." if len(strangers) > 3 else "")
                raise OutputError(
                    Message(
                        "{path} already holds other files ({files}); choose a new or empty folder",
                        path=str(self.target),
                        files=shown,
                    )
                )

    def path(self, name: str | None = None) -> Path:
        """Where to write the main file (name None), a side file or a file in the folder."""
        if self._done:
            raise RuntimeError("the output was already committed or discarded")
        if self.folder:
            if not name or "/" in name or "\\" in name or name in (".", ".."):
                raise ValueError(f"bad file name {name!r}")
            assert self._tempdir is not None
            return self._tempdir / name
        final = self.target if name is None else self.target.with_name(name)
        temp = self._temps.get(final)
        if temp is None:
            if final != self.target:
                _check_target(final, self.force)
            temp = _temporary_file(final, ".tmp")
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
                    _publish_mode(temp, directory=False)
                    fsync_path(temp)
                # side files first: the main file appearing means the export is complete
                for final, temp in sorted(self._temps.items(), key=lambda i: i[0] == self.target):
                    os.replace(temp, final)
                fsync_path(self.target.parent)
        except BaseException as err:
            self.discard()
            if isinstance(err, OSError):
                raise output_error(self.target, err) from None
            raise
        self._done = True
        return self.final_paths

    def _commit_folder(self) -> None:
        tempdir = self._tempdir
        assert tempdir is not None
        children = list(tempdir.iterdir())
        for child in children:
            _publish_mode(child, directory=False)
        _fsync_together(children)
        _publish_mode(tempdir, directory=True)
        fsync_path(tempdir)
        old: Path | None = None
        if self.target.exists():
            self._check_folder_replaceable()
            old = Path(
                tempfile.mkdtemp(prefix=_prefix(self.target), suffix=".old", dir=tempdir.parent)
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
        """Remove every temporary file; nothing is left under any final name. Never
        raises: it runs while another error is on its way to the user."""
        for temp in self._temps.values():
            with contextlib.suppress(OSError):
                temp.unlink(missing_ok=True)
        self._temps.clear()
        if self._tempdir is not None:
            shutil.rmtree(self._tempdir, ignore_errors=True)
            self._tempdir = None
        self._done = True


def _fsync_together(paths: list[Path]) -> None:
    """Flush many files to disk at once: flushes waiting side by side share the file
    system's journal commits, where one after the other each waits for its own (a folder
    of 1,000 files: a quarter of a second instead of five)."""
    if len(paths) < 2:
        for path in paths:
            fsync_path(path)
        return
    with ThreadPoolExecutor(max_workers=min(_FSYNC_THREADS, len(paths))) as pool:
        # a batch at a time: the pool makes a future of every path it is given at once
        # (100,000 files: 180 MB)
        for start in range(0, len(paths), _FSYNC_BATCH):
            list(pool.map(fsync_path, paths[start : start + _FSYNC_BATCH]))


_FSYNC_THREADS = 16
_FSYNC_BATCH = 1024


def _prefix(final: Path) -> str:
    return f".{final.name}.{_MARK}-{os.getpid()}-"


def _temporary_file(final: Path, suffix: str) -> Path:
    try:
        fd, name = tempfile.mkstemp(prefix=_prefix(final), suffix=suffix, dir=final.parent)
    except OSError as err:
        raise output_error(final, err) from None
    os.close(fd)
    return Path(name)


def _check_target(path: Path, force: bool) -> None:
    if not path.parent.is_dir():
        raise OutputError(_no_folder(path.parent))
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as err:
        raise output_error(path, err) from None
    # the permission bits, not access(): an administrator may write anything, but a file
    # made read-only was made so on purpose
    if not force and stat.S_ISREG(mode) and not mode & 0o222:
        raise ReadOnlyOutput(
            Message(
                "{path} is read-only; it was not replaced (choose another name, make it "
                "writable, or use --force)",
                path=str(path),
            ),
            path,
        )


def _no_folder(folder: Path) -> Message:
    return Message("{path}: no such folder; nothing was written", path=str(folder))


def _publish_mode(path: Path, *, directory: bool) -> None:
    """Give a finished temporary file (or folder) the mode new files get from the umask."""
    os.chmod(path, (0o777 if directory else 0o666) & ~_UMASK)


def process_running(pid: int) -> bool:
    """Whether a process with this id exists (whoever owns it)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, another user's
    return True


def _current_umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except OSError:
        pass
    mask = os.umask(0o022)  # elsewhere: read it by setting it, once, at import
    os.umask(mask)
    return mask


_UMASK = _current_umask()


__all__ = ["AtomicOutput", "output_error", "remove_leftovers", "write_atomically"]

"""Files are written whole or not at all, with the user's permissions, and every failure
is one line naming the path: a missing or read-only folder, a read-only target, a full
disk. Temporary files of killed runs are cleaned up by the next write into the folder."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys

import pytest

from core.project.atomic import AtomicOutput, remove_leftovers, write_atomically
from core.project.errors import OutputError


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def test_written_files_get_the_umask_mode_not_a_private_one(tmp_path):
    old = os.umask(0o022)
    try:
        out = AtomicOutput(tmp_path / "data.jsonl")
        out.path().write_text("x\n", encoding="utf-8")
        out.path("data.labels.json").write_text("[]", encoding="utf-8")
        [*_] = out.commit()
        folder = AtomicOutput(tmp_path / "brat", folder=True)
        folder.path("a.txt").write_text("t", encoding="utf-8")
        folder.commit()
        single = write_atomically(tmp_path / "schema.json", lambda p: p.write_text("{}"))
    finally:
        os.umask(old)
    # the module read the umask when imported; the test process runs with 022 or stricter
    expected = 0o666 & ~old
    assert mode(tmp_path / "data.jsonl") == expected
    assert mode(tmp_path / "data.labels.json") == expected
    assert mode(single) == expected
    assert mode(tmp_path / "brat") == 0o777 & ~old
    assert mode(tmp_path / "brat" / "a.txt") == expected


def test_a_read_only_target_is_refused_unless_forced(tmp_path):
    target = tmp_path / "gold.jsonl"
    target.write_text("keep me\n", encoding="utf-8")
    target.chmod(0o444)
    with pytest.raises(OutputError, match=r"gold\.jsonl is read-only; it was not replaced"):
        AtomicOutput(target)
    with pytest.raises(OutputError, match="read-only"):
        write_atomically(target, lambda p: p.write_text("new"))
    assert target.read_text(encoding="utf-8") == "keep me\n"
    forced = AtomicOutput(target, force=True)
    forced.path().write_text("new\n", encoding="utf-8")
    forced.commit()
    assert target.read_text(encoding="utf-8") == "new\n"


def test_a_folder_that_cannot_be_written_is_one_line(tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    monkeypatch.setattr(tempfile, "mkdtemp", refuse)
    with pytest.raises(OutputError, match=r"out\.jsonl: cannot be written \(Permission denied\)"):
        AtomicOutput(tmp_path / "out.jsonl").path()
    with pytest.raises(OutputError, match="Permission denied"):
        AtomicOutput(tmp_path / "brat", folder=True)
    with pytest.raises(OutputError, match="Permission denied"):
        write_atomically(tmp_path / "s.json", lambda p: p.write_text("{}"))


def test_a_full_disk_leaves_no_temporary_file_and_says_so(tmp_path):
    def fill(path):
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("x" * 100)
            raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OutputError, match=r"s\.json: cannot be written \(the disk is full\)"):
        write_atomically(tmp_path / "s.json", fill)
    out = AtomicOutput(tmp_path / "d.jsonl")
    out.path().write_text("partial", encoding="utf-8")
    out.discard()
    assert list(tmp_path.iterdir()) == []


def test_leftovers_of_a_killed_run_are_removed_by_the_next_write(tmp_path):
    # a process that has ended left a temporary file and a temporary folder behind
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead = ended.stdout.strip()
    (tmp_path / f".gold.jsonl.tawsim-{dead}-abc.tmp").write_text("half", encoding="utf-8")
    (tmp_path / f".brat.tawsim-{dead}-xyz.tmp").mkdir()
    mine = tmp_path / f".gold.jsonl.tawsim-{os.getpid()}-def.tmp"  # this process: kept
    mine.write_text("in progress", encoding="utf-8")
    other = tmp_path / ".notes.txt.tmp"  # not ours: kept
    other.write_text("?", encoding="utf-8")
    write_atomically(tmp_path / "gold.jsonl", lambda p: p.write_text("{}"))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["gold.jsonl", mine.name, other.name]
    )
    assert remove_leftovers(tmp_path) == []


def _fsync_failing(code: int, on_folders: bool):
    real = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode) == on_folders:
            raise OSError(code, os.strerror(code))
        real(fd)

    return fsync


def test_a_file_that_cannot_be_flushed_to_disk_is_refused_and_the_old_one_kept(
    tmp_path, monkeypatch
):
    target = tmp_path / "out.txt"
    target.write_text("before", encoding="utf-8")
    monkeypatch.setattr(os, "fsync", _fsync_failing(errno.EIO, on_folders=False))
    with pytest.raises(OutputError, match=r"out\.txt: "):
        write_atomically(target, lambda tmp: tmp.write_text("after", encoding="utf-8"))
    assert target.read_text(encoding="utf-8") == "before"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_a_folder_whose_file_system_cannot_sync_folders_is_written_to(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "fsync", _fsync_failing(errno.EINVAL, on_folders=True))
    target = write_atomically(tmp_path / "out.txt", lambda tmp: tmp.write_text("x", "utf-8"))
    assert target.read_text(encoding="utf-8") == "x"


def test_a_new_project_that_cannot_be_flushed_to_disk_is_one_line_and_not_made(
    tmp_path, monkeypatch
):
    from core.project.errors import ProjectError
    from core.project.project import Project

    monkeypatch.setattr(os, "fsync", _fsync_failing(errno.EIO, on_folders=False))
    with pytest.raises(ProjectError, match=r"p\.tawsim: cannot be flushed to disk .*nothing"):
        Project.create(tmp_path / "p.tawsim")
    assert list(tmp_path.iterdir()) == []

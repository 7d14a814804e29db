"""The errors every part of core shares, one class per meaning.

- `OperationError`: an operation was refused; its message says why, for the user, and
  nothing was changed. Subclasses exist only where the caller needs more than the
  message (`ImportRefused` carries the unknown labels, `ConfirmationNeeded` the usage).
- `OutputError`: a file or folder cannot be written where asked; nothing was written.
  `ReadOnlyOutput` carries the read-only file it would have replaced, so a window can ask
  whether to replace it anyway.

- `ProjectError` (and `ProjectBusy`, another process holds the write lock too long): a
  project file cannot be used. They are defined in models, which opens the files and
  cannot import core; the rest of the program takes them from here.

Elsewhere: `Cancelled` (core.project.progress), `UndoConflict` (core.project.journal),
`FormatError` (core.io.formats.common: a file to import is malformed, naming file and
line) and `SchemaError` (core.schema.model: a schema document is invalid, naming the
field).
"""

from pathlib import Path

from models.db import ProjectBusy, ProjectError


class OperationError(Exception):
    """An operation was refused; the message says why, for the user."""


class OutputError(OperationError):
    """The output cannot be written where asked; the message says why."""


class ReadOnlyOutput(OutputError):
    """The output would replace a file made read-only, which only `force` replaces."""

    def __init__(self, message: object, path: Path):
        super().__init__(message)
        self.path = path


__all__ = ["OperationError", "OutputError", "ProjectBusy", "ProjectError", "ReadOnlyOutput"]

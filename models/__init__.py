"""The project database: tables, schema versions, opening and creating files."""

from models.db import (
    PROJECT_SUFFIX,
    NotAProject,
    ProjectBusy,
    ProjectCorrupt,
    ProjectError,
    ProjectTooNew,
)
from models.migrations import APPLICATION_ID, SCHEMA_VERSION

__all__ = [
    "APPLICATION_ID",
    "PROJECT_SUFFIX",
    "SCHEMA_VERSION",
    "NotAProject",
    "ProjectBusy",
    "ProjectCorrupt",
    "ProjectError",
    "ProjectTooNew",
]

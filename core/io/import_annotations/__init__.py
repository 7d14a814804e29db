"""Importing annotations from other tools (and Tawsim's own exports) into an annotator's sets.

`import_annotations(project, "brat", [path], ImportOptions(annotator="Salma"))`:

1. every file is read by its format module (core.io.formats.<format>.read);
2. each document's text is canonicalised like an imported document, and every
   offset is carried through (in the file's unit: code points or UTF-16,
   detected per file when `offsets="auto"`), checked against the document
   (in range, span text equal to the document text) and its labels against
   the schema (unknown ones refused with the list, or added when asked);
3. documents are matched by canonical text (SHA-256), or, for texts rebuilt
   from tokens (CoNLL, Hugging Face), by their text without whitespace, so a
   CoNLL file exported from this project lands on the original documents;
   documents not in the project are added;
4. everything is written in one transaction, one undo step. Any problem in
   any file refuses the whole import and changes nothing
   (`ImportRefused.problems` names file, line and field).

Annotations already in the annotator's set are not added twice, so importing
the same file again adds nothing.
"""

from core.io.import_annotations.options import (
    AUTO,
    LAYER_WORDS,
    ImportOptions,
    ImportRefused,
    ImportReport,
)
from core.io.import_annotations.run import import_annotations

__all__ = [
    "AUTO",
    "LAYER_WORDS",
    "ImportOptions",
    "ImportRefused",
    "ImportReport",
    "import_annotations",
]

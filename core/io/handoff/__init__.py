"""Annotator packages and merging annotators' work back into a project.

A package is a copy of the project for one annotator: the documents (only those
assigned to them, when the curator planned the work: core.team.assignment), the
schema, the settings and the regions excluded for everyone, and no one else's
annotations (optionally the annotator's own sets; never the gold sets). It is
built in a temporary file next to the target and moved into place, so a
half-written package never exists under its name.

Merging reads other project files (packages or any Tawsim project) and brings
each annotator's sets into this project:

* Documents are matched by the SHA-256 of their canonical text, never by row
  id. A document of the other file that is not here is reported (and added with
  ``add_documents``); one whose title or source matches a document here but
  whose text differs is reported and never merged.
* Sets are matched by (document, annotator name). An incoming set replaces this
  project's set of the same annotator and document when their content differs
  (spans, events with arguments, stances with evidence, the set's excluded
  regions and its state); identical content is left alone, so merging the same
  file twice changes nothing the second time. A set still "new" in the other
  file (never worked on) never replaces anything. Two annotators' work is never
  put into one set. Every replacement is reported, flagged when this project's
  set was changed after the incoming one.
* Labels are matched by key (per layer; roles by event type and role key). Keys
  this schema lacks are refused with the list, or added with ``add_labels``.
* Regions excluded for everyone are added when this project lacks them; gold
  sets are not merged (they are reported).
* Everything happens in one transaction and one undo step: a failed merge
  changes nothing.
"""

from core.io.handoff.merge import FileMerge, MergeReport, SetMerge, merge_annotations
from core.io.handoff.package import PACKAGE_SETTING, PackageReport, export_package
from core.io.handoff.sets import SetContent

__all__ = [
    "PACKAGE_SETTING",
    "FileMerge",
    "MergeReport",
    "PackageReport",
    "SetContent",
    "SetMerge",
    "export_package",
    "merge_annotations",
]

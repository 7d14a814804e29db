"""Curation: several annotators' versions of one document, merged into its gold set.

The gold set of a document is the annotation set with no annotator
(`annotator_id` NULL); `curator_id` records who curated it last and its state
`finished` means curated. It is an ordinary set: everything that works on a set
works on it.

Reading (`reading.load_curation`) gathers each annotator's annotations (finished
sets only, unless `include_unfinished`), leaves out what lies in text excluded
for that annotator's set or for the gold set (`core.annotation.excluded`), and
groups them into candidates (`gathering`):

- entity spans by (start, end, label);
- events by (trigger start, end, type), each with its arguments grouped by
  (role, argument span start, end);
- document-level stances by (target, polarity);
- attributed stances by (holder span, target label or target span, polarity),
  with the union of their evidence.

Each candidate (`model.Candidate`, made in `building`) knows who proposed it, who
of the document's annotators did not, whether the gold set holds it, and where
annotators disagree: two candidates are *alternatives* when they compete for the
same text (same offsets with a different label, overlapping extents, another
polarity for the same holder and target, two fillers of a role that takes one)
and neither's proposers include the other's. A span some annotator marked
together with a nested one is not an alternative of it: that annotator wanted
both.

Status: `accepted` (in the gold set), `rejected` (the curator said no; kept in
`curation_decision`), else `agreed` (every annotator proposed it and, for an
event, every argument too) or `disputed`.

Operations (`operations`; curators only, see `core.annotation.annotators.
require_curator`; each one transaction and one undo step; none imports Qt), which
write through `writing.GoldWriter`:

- `auto_merge`: copy into gold every undecided candidate that reaches the
  strategy's threshold (unanimous, or at least k of n annotators) and has
  strictly more support than each *rival* (an alternative proposed by other
  annotators entirely); ties are left to the curator. Events bring the
  arguments that pass the same test; entity spans arguments and holders need
  are brought along.
- `accept` / `reject` one candidate (an event is accepted with its undecided
  arguments as a unit; an argument alone brings its event along); rejecting
  what gold holds removes it from gold.
- `mark_curated`; the gold span edits the gold pane uses are in `editing`, and
  which documents still wait for curation in `documents`.

Each name is imported from the module that defines it; this package exports
nothing itself, so an import says where the code lives.
"""

"""Pre-annotation: recommenders that learn from the project's own annotations.

Nothing is downloaded: every recommender is trained here, on the CPU, from the sets a
`TrainingSource` names (the gold standard, the finished sets, or one annotator's).

- `examples`: what is learnt from (entity spans and event triggers by label key) and
  the documents asked about;
- `units`: the text as recommenders read it (tokens, proclitics split off by the
  project's clitic rule, folded);
- `gazetteer`: every tagged surface form, found again with its most frequent label and
  a score from its history; `crf`: a CRF over units with Arabic features;
- `training`: training by name and suggesting for documents (`python main.py suggest`);
  `evaluate`: k-fold cross-validation over documents (`python main.py recommend-eval`);
- `suggestions`: suggestions in the project (imported predictions are stored; see
  core.io.import_annotations), what an annotator is shown, accepting and rejecting them
  (both remembered), the counts, and the recommender settings;
- `isolated`: training in another process, so a window never waits for it.
"""

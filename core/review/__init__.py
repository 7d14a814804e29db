"""Reviewing annotators' work: inter-annotator agreement (`agreement`) and curation
of the gold standard (`curation`)."""

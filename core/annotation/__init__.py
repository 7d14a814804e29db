"""Annotation operations and reads: annotators, annotation sets and entity spans,
events, stances, excluded text, validation of a set, the span interval index, and
annotating all occurrences of a text."""

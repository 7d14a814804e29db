"""Files in and out: annotation sets read as a dataset, the formats, exports,
importing other tools' annotations, and annotator hand-off packages."""

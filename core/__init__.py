"""Everything Tawsim does without a screen; never imports Qt.

Grouped by concern: `project` (the open project, transactions, undo, change sets,
atomic files, user state), `text` (canonical form, folding, tokens, clitics),
`schema` (the annotation schema and its operations), `documents` (import, navigation,
search, stats), `annotation` (annotators, sets, spans, events, stances, excluded text,
validation), `review` (agreement, curation) and `io` (datasets, formats, exports,
imports of annotations, annotator hand-off packages).
"""

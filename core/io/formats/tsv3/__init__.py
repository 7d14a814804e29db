"""WebAnno / INCEpTION TSV 3.3: one line per token (and sub-token) with a column per
feature of each annotation layer, offsets in UTF-16 units.

Written: the built-in named-entity layer
(`de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity|identifier|value`, the entity
label as `value`) and, when the schema has event types, a span layer
`webanno.custom.Event` whose `value` is the event type and whose slot feature
`arguments` (link type `webanno.custom.EventArgumentsLink`) points at the argument
entities with their roles. Stacked and multi-token annotations carry INCEpTION's
disambiguation ids (`ORG[3]`); an annotation that starts or ends inside a token (a
clitic left out of an entity) is written on a sub-token line (`1-4.1`), so every span
is exact. Tokens and sentences are the document's own when a file gave them, else
Tawsim's. Read: see core.io.formats.tsv3.reader.
"""

from core.io.formats.tsv3.reader import read
from core.io.formats.tsv3.writer import REPLACEABLE, Writer

__all__ = ["REPLACEABLE", "Writer", "read"]

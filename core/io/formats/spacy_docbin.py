"""spaCy's binary training data (`.spacy`, a DocBin), for `spacy train` as it is: one Doc
per document and set, the outermost entities as `doc.ents`, every entity (nested ones
too) in the span group `doc.spans["sc"]` (what spaCy's span categorizer trains on),
and the sentences as sentence starts. Tokens, sentences and the clitic and
excluded-text options are those of CoNLL. Needs spaCy installed (Tawsim does not
bundle it: trainers have it).
"""

from __future__ import annotations

from typing import Any

from core.io.dataset import DocumentRecord
from core.io.formats.common import ExportContext, FormatWriter
from core.io.formats.iob import tag_document
from core.project.atomic import AtomicOutput

SPAN_KEY = "sc"


class Writer(FormatWriter):
    def __init__(self, out: AtomicOutput, context: ExportContext):
        super().__init__(out, context)
        from spacy.tokens import DocBin
        from spacy.vocab import Vocab

        self.clitics = context.options.get("clitics", "split")
        self.drop_excluded = context.options.get("excluded_text") == "drop"
        self.vocab = Vocab()
        self.docs: Any = DocBin(store_user_data=True)

    def write(self, record: DocumentRecord) -> None:
        from spacy.tokens import Doc, Span

        tagged = tag_document(record, self.clitics, self.drop_excluded)
        left_out = self.context.left_out
        left_out.update(tagged.left_out)
        if record.events:
            left_out["events (the spaCy export holds entities only)"] += len(record.events)
        if record.stances:
            left_out["stances (the spaCy export holds entities only)"] += len(record.stances)
        starts, ends = tagged.starts, tagged.ends
        kept = [k for first, end in tagged.sentences for k in range(first, end)]
        if not kept:
            return
        place = {k: i for i, k in enumerate(kept)}
        firsts = {first for first, _ in tagged.sentences}
        words = [tagged.texts[k] for k in kept]
        spaces = [k + 1 < len(starts) and ends[k] < starts[k + 1] and k + 1 in place for k in kept]
        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=[k in firsts for k in kept])
        outer, every = [], []
        for first, last, label, layer in tagged.entities:
            if first not in place:  # in a sentence left out with excluded text
                continue
            span = Span(doc, place[first], place[last] + 1, label=label)
            every.append(span)
            if layer == 0:
                outer.append(span)
        doc.ents = outer
        doc.spans[SPAN_KEY] = every
        doc.user_data["tawsim"] = {
            "document": record.document_id,
            "annotation_set": record.set_name,
        }
        self.docs.add(doc)

    def close(self) -> None:
        self.docs.to_disk(self.out.path())


__all__ = ["SPAN_KEY", "Writer"]

"""spaCy's binary training data (`.spacy`, a DocBin), for `spacy train` as it is: one Doc
per document and set, the outermost entities as `doc.ents`, every entity (nested ones
too) in the span group `doc.spans["sc"]` (what spaCy's span categorizer trains on),
and the sentences as sentence starts. Tokens, sentences and the clitic and
excluded-text options are those of CoNLL. Needs spaCy installed (Tawsim does not
bundle it: trainers have it).

spaCy's DocBin keeps every document's token arrays until it writes them, and copies them
three times more to write (stacked, packed, compressed): gigabytes for a large corpus.
Here the arrays go to temporary files a few hundred documents at a time, and the file
is then written as DocBin.to_bytes writes it (zlib-compressed msgpack of the same map,
byte for byte), streaming the arrays through the compressor.
"""

from __future__ import annotations

import struct
import sys
import tempfile
import zlib
from array import array
from collections.abc import Callable
from typing import IO, Any

from core.io.dataset import DocumentRecord
from core.io.formats.common import ExportContext, FormatWriter
from core.io.formats.iob import tag_document
from core.project.atomic import AtomicOutput
from models.messages import Message

SPAN_KEY = "sc"
SPILL_DOCUMENTS = 500  # documents whose token arrays are held before going to disk
_CHUNK = 1 << 20


class Writer(FormatWriter):
    def __init__(self, out: AtomicOutput, context: ExportContext):
        super().__init__(out, context)
        from spacy.tokens import DocBin
        from spacy.vocab import Vocab

        self.clitics = context.options.get("clitics", "split")
        self.drop_excluded = context.options.get("excluded_text") == "drop"
        self.vocab = Vocab()
        self.docs: Any = DocBin(store_user_data=True)
        folder = out.path().parent
        # closed (and so removed) by close() or abort()
        self.token_file: IO[bytes] = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115
        self.space_file: IO[bytes] = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115
        self.lengths = array("i")

    def write(self, record: DocumentRecord) -> None:
        from spacy.tokens import Doc, Span

        tagged = tag_document(record, self.clitics, self.drop_excluded)
        left_out = self.context.left_out
        left_out.update(tagged.left_out)
        if record.events:
            left_out[Message("events (the spaCy export holds entities only)")] += len(record.events)
        if record.stances:
            left_out[Message("stances (the spaCy export holds entities only)")] += len(
                record.stances
            )
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
        if len(self.docs.tokens) >= SPILL_DOCUMENTS:
            self._spill()

    def _spill(self) -> None:
        """The held documents' token arrays and spaces appended to their files (in C
        order, as DocBin stacks them)."""
        for tokens, spaces in zip(self.docs.tokens, self.docs.spaces, strict=True):
            self.lengths.append(len(tokens))
            self.token_file.write(tokens.tobytes("C"))
            self.space_file.write(spaces.tobytes("C"))
        self.docs.tokens.clear()
        self.docs.spaces.clear()

    def close(self) -> None:
        import srsly

        self._spill()
        docs = self.docs
        packer = srsly.msgpack.Packer(use_bin_type=True)  # srsly.msgpack_dumps's
        compressor = zlib.compressobj()
        lengths = self.lengths
        if sys.byteorder == "big":  # numpy's native int32, as DocBin writes them
            lengths.byteswap()
        with open(self.out.path(), "wb") as out:

            def put(data: bytes) -> None:
                out.write(compressor.compress(data))

            fields: list[tuple[str, Any]] = [
                ("version", docs.version),
                ("attrs", docs.attrs),
                ("tokens", self.token_file),
                ("spaces", self.space_file),
                ("lengths", lengths.tobytes()),
                ("strings", sorted(docs.strings)),
                ("cats", docs.cats),
                ("flags", docs.flags),
                ("span_groups", docs.span_groups),
                ("user_data", docs.user_data),
            ]
            put(packer.pack_map_header(len(fields)))
            for key, value in fields:
                put(packer.pack(key))
                if isinstance(value, bytes):
                    put(packer.pack(value))
                elif key in ("tokens", "spaces"):
                    _put_file(value, put)
                else:
                    put(packer.pack(value))
            out.write(compressor.flush())
        self._discard()

    def abort(self) -> None:
        self._discard()

    def _discard(self) -> None:
        self.token_file.close()
        self.space_file.close()


def _put_file(stream: IO[bytes], put: Callable[[bytes], None]) -> None:
    """A temporary file's bytes as one msgpack bin object, read a chunk at a time."""
    size = stream.seek(0, 2)
    stream.seek(0)
    if size < 1 << 8:
        put(struct.pack(">BB", 0xC4, size))
    elif size < 1 << 16:
        put(struct.pack(">BH", 0xC5, size))
    else:
        put(struct.pack(">BI", 0xC6, size))
    while chunk := stream.read(_CHUNK):
        put(chunk)


__all__ = ["SPAN_KEY", "Writer"]

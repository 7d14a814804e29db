"""spaCy's binary training data (`.spacy`, a DocBin), for `spacy train` as it is: one Doc
per document and set, the outermost entities as `doc.ents`, every entity (nested ones
too) in the span group `doc.spans["sc"]` (what spaCy's span categorizer trains on),
and the sentences as sentence starts. Tokens, sentences and the clitic and
excluded-text options are those of CoNLL. Needs spaCy installed (Tawsim does not
bundle it: trainers have it).

spaCy's DocBin keeps every document's token arrays until it writes them, and copies them
three times more to write (stacked, packed, compressed): gigabytes for a large corpus.
Here the arrays go to temporary files a few hundred documents at a time (each Doc's span
groups, user data, flags and categories as they come, packed), and the file
is then written as DocBin.to_bytes writes it (zlib-compressed msgpack of the same map,
byte for byte), streaming the arrays through the compressor. Each Doc is stored as
DocBin.add stores it, without its Python step per token (10,000 documents: 14 s instead
of 27).
"""

from __future__ import annotations

import struct
import sys
import tempfile
import zlib
from array import array
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from operator import lt
from typing import IO, Any

from core.io.dataset import DocumentRecord
from core.io.formats.common import ExportContext, FormatWriter
from core.io.formats.iob import TaggedDocument, tag_document
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
        from srsly.msgpack import Packer

        self.clitics = context.options.get("clitics", "split")
        self.drop_excluded = context.options.get("excluded_text") == "drop"
        self.vocab = Vocab()
        self.docs: Any = DocBin(store_user_data=True)
        folder = out.path().parent
        # closed (and so removed) by close() or abort()
        self.token_file: IO[bytes] = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115
        self.space_file: IO[bytes] = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115
        self.lengths = array("i")
        self.norms = _Norms(self.vocab)
        self.packer = Packer(use_bin_type=True)  # srsly.msgpack_dumps's
        # each Doc's entries of DocBin's lists, packed as they come
        self.lists = {key: _PackedList(folder, self.packer) for key in _LISTS}
        self._encoders = ExitStack()
        self._encoders.enter_context(_encoders_looked_up_once())

    def write(self, record: DocumentRecord) -> None:
        made = self._doc(record)
        if made is not None:
            self._add(*made)
            if len(self.docs.tokens) >= SPILL_DOCUMENTS:
                self._spill()

    def _doc(self, record: DocumentRecord) -> tuple[Any, list[str]] | None:
        """The record as a spaCy Doc and its words (None when no sentence of it is kept)."""
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
        words, spaces, place = _kept_tokens(tagged)
        if not words:
            return None
        sent_starts: list[bool | int | None] = [False] * len(words)
        for first, _ in tagged.sentences:
            sent_starts[place[first]] = True
        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=sent_starts)
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
        return doc, words

    def _add(self, doc: Any, words: list[str]) -> None:
        """What DocBin.add keeps of `doc`, found without its Python step per token: the
        strings it collects from every token are, for a Doc made as `_doc` makes it, the
        words, their norms, the entity labels and "" (no tag, lemma, morphology,
        dependency or knowledge-base id)."""
        docs = self.docs
        docs.tokens.append(doc.to_array(docs.attrs))
        docs.spaces.append(doc.to_array("SPACY").reshape((len(doc), 1)).astype(bool))
        strings = docs.strings
        strings.update(words)
        strings.update(map(self.norms.__getitem__, words))
        strings.add("")
        strings.update(span.label_ for span in doc.spans[SPAN_KEY])
        lists = self.lists
        lists["cats"].add(doc.cats)
        lists["flags"].add({"has_unknown_spaces": doc.has_unknown_spaces})
        lists["span_groups"].add(doc.spans.to_bytes())
        lists["user_data"].add(self.packer.pack(doc.user_data))

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
        self._spill()
        docs = self.docs
        packer = self.packer
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
                *self.lists.items(),
            ]
            put(packer.pack_map_header(len(fields)))
            for key, value in fields:
                put(packer.pack(key))
                if isinstance(value, _PackedList):
                    put(packer.pack_array_header(value.count))
                    _put_bytes(value.file, put)
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
        for packed in self.lists.values():
            packed.file.close()
        self._encoders.close()


_LISTS = ("cats", "flags", "span_groups", "user_data")  # in DocBin.to_bytes's order


class _PackedList:
    """A list of DocBin.to_bytes's map kept on disk: its items packed one after another
    (a msgpack array is its header, then its items), so that a large corpus's span
    groups are not all held until the end."""

    def __init__(self, folder: Any, packer: Any):
        self.file: IO[bytes] = tempfile.TemporaryFile(dir=folder)  # noqa: SIM115
        self.packer = packer
        self.count = 0

    def add(self, value: Any) -> None:
        self.file.write(self.packer.pack(value))
        self.count += 1


class _Identity(dict[int, int]):
    """Token k is the Doc's token k (every token is kept)."""

    def __missing__(self, k: int) -> int:
        return k

    def __contains__(self, k: object) -> bool:
        return True


def _kept_tokens(tagged: TaggedDocument) -> tuple[list[str], list[bool], dict[int, int]]:
    """The words of the sentences kept, whether a space follows each, and where each kept
    token is among them (the spaces and places by C-level passes when all are kept)."""
    starts, ends = tagged.starts, tagged.ends
    if sum(end - first for first, end in tagged.sentences) == len(starts):
        spaces = [*map(lt, ends[:-1], starts[1:]), False] if starts else []
        return tagged.texts, spaces, _Identity()
    kept = [k for first, end in tagged.sentences for k in range(first, end)]
    place = {k: i for i, k in enumerate(kept)}
    words = [tagged.texts[k] for k in kept]
    spaces = [k + 1 < len(starts) and ends[k] < starts[k + 1] and k + 1 in place for k in kept]
    return words, spaces, place


class _Norms(dict[str, str]):
    """Words -> their norm in `vocab` (what a token's `norm_` is when nothing set it),
    each looked up once; emptied past `LIMIT` words so a large vocabulary is not kept
    twice."""

    LIMIT = 200_000

    def __init__(self, vocab: Any):
        super().__init__()
        self.vocab = vocab

    def __missing__(self, word: str) -> str:
        if len(self) >= self.LIMIT:
            self.clear()
        norm = self[word] = self.vocab[word].norm_
        return norm


@contextmanager
def _encoders_looked_up_once() -> Iterator[None]:
    """srsly's msgpack encoders, looked up once while the file is written: srsly looks
    them up among every installed package's entry points each time it makes a Packer,
    which spaCy does twice a document (writing its span groups) -- a third of the time
    of an export. The installed packages do not change meanwhile."""
    from srsly.msgpack import msgpack_encoders

    found = msgpack_encoders.get_all()
    msgpack_encoders.get_all = lambda: found
    try:
        yield
    finally:
        vars(msgpack_encoders).pop("get_all", None)


def _put_file(stream: IO[bytes], put: Callable[[bytes], None]) -> None:
    """A temporary file's bytes as one msgpack bin object, read a chunk at a time."""
    size = stream.seek(0, 2)
    if size < 1 << 8:
        put(struct.pack(">BB", 0xC4, size))
    elif size < 1 << 16:
        put(struct.pack(">BH", 0xC5, size))
    else:
        put(struct.pack(">BI", 0xC6, size))
    _put_bytes(stream, put)


def _put_bytes(stream: IO[bytes], put: Callable[[bytes], None]) -> None:
    """A temporary file's bytes as they are, read a chunk at a time."""
    stream.seek(0)
    while chunk := stream.read(_CHUNK):
        put(chunk)


__all__ = ["SPAN_KEY", "Writer"]

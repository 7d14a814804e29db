"""A document's own tokens and sentences, kept from the tokenised file it came from.

A document imported from CoNLL, CoNLL-U, WebAnno TSV, UIMA XMI or Hugging Face
files keeps that file's tokens and sentences (table `token_layer`), so exports to
token formats give them back unchanged: Wojood's `$#$` stays one token and its
sentences stay its sentences. A document without a layer is tokenised by Tawsim
(core.text.tokens). Offsets are code points into the frozen text, stored as
little-endian unsigned 32-bit (start, end) pairs.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select

from core.project.journal import Txn
from core.project.project import in_batches
from models.tables import TokenLayer

Pair = tuple[int, int]


def pack_pairs(pairs: Iterable[Pair]) -> bytes:
    values = array("I", (offset for pair in pairs for offset in pair))
    if sys.byteorder == "big":
        values.byteswap()
    return values.tobytes()


def unpack_offsets(blob: bytes) -> array:
    """The flat offsets start, end, start, end... of packed pairs."""
    values = array("I")
    values.frombytes(blob)
    if sys.byteorder == "big":
        values.byteswap()
    return values


@dataclass(frozen=True, slots=True)
class StoredTokens:
    """A document's token layer: token and sentence offsets as parallel lists."""

    source: str  # the format they came from
    starts: list[int]
    ends: list[int]
    sentence_starts: list[int]  # character offsets where sentences begin

    @classmethod
    def unpack(cls, source: str, tokens: bytes, sentences: bytes) -> StoredTokens:
        flat = unpack_offsets(tokens)
        sentence_starts = unpack_offsets(sentences)[0::2].tolist()
        return cls(source, flat[0::2].tolist(), flat[1::2].tolist(), sentence_starts)


def layer_problem(text: str, tokens: Sequence[Pair], sentences: Sequence[Pair]) -> str | None:
    """Why tokens and sentences cannot be a layer of `text`, or None: tokens in order,
    not overlapping, not empty, not whitespace; sentences in order, each starting and
    ending on a token boundary."""
    if not tokens:
        return "no tokens"
    previous_end = 0
    for start, end in tokens:
        if not previous_end <= start < end <= len(text):
            return f"token {start}-{end} overlaps the one before it or lies outside the text"
        if not text[start:end].strip():
            return f"token {start}-{end} is only whitespace"
        previous_end = end
    starts = {start for start, _ in tokens}
    ends = {end for _, end in tokens}
    previous_end = 0
    for start, end in sentences:
        if start < previous_end or start not in starts or end not in ends or start >= end:
            return f"sentence {start}-{end} does not begin and end on tokens, in order"
        previous_end = end
    return None


def write_token_layer(
    tx: Txn, document_id: int, source: str, tokens: Sequence[Pair], sentences: Sequence[Pair]
) -> None:
    tx.insert(
        TokenLayer,
        document_id=document_id,
        source=source,
        tokens=pack_pairs(tokens),
        sentences=pack_pairs(sentences),
    )


def read_token_layers(conn: Connection, document_ids: Sequence[int]) -> dict[int, StoredTokens]:
    """The token layers of those documents that have one."""
    found: dict[int, StoredTokens] = {}
    for batch in in_batches(list(document_ids)):
        rows = conn.execute(
            select(
                TokenLayer.document_id, TokenLayer.source, TokenLayer.tokens, TokenLayer.sentences
            ).where(TokenLayer.document_id.in_(batch))
        )
        for document_id, source, tokens, sentences in rows:
            found[document_id] = StoredTokens.unpack(source, tokens, sentences)
    return found


__all__ = [
    "StoredTokens",
    "layer_problem",
    "pack_pairs",
    "read_token_layers",
    "unpack_offsets",
    "write_token_layer",
]

"""What the token formats (CoNLL, Hugging Face) share when reading: decoding the file,
turning tagged sentences into an ImportedDocument with a text rebuilt from the tokens."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from core.io.formats.common import FormatError, ImportedDocument, ImportedEntity
from core.io.formats.iob import entities_from_tags, rebuild_text
from core.text.canonical import EncodingUncertain, TextDecodeError, detect_encoding
from models.messages import Message

MAX_FILE_BYTES = 512 * 1024 * 1024


def read_text_file(path: Path, warnings: list[str]) -> str:
    """A token file's text: UTF-8 (or UTF-16 with a BOM), else a detected Arabic code page."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise FormatError(
            path.name, Message("is {value} MB; the limit is 512 MB", value=size // 1024 // 1024)
        )
    raw = path.read_bytes()
    try:
        encoding = detect_encoding(raw)
    except EncodingUncertain:
        # the tag columns are ASCII and dilute the evidence: judge the tokens alone
        tokens = b" ".join(line.split()[0] for line in raw.splitlines() if line.split())
        try:
            encoding = detect_encoding(tokens)
        except EncodingUncertain:
            raise FormatError(
                path.name,
                Message("is not UTF-8 and its encoding could not be detected; save it as UTF-8"),
            ) from None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        raise FormatError(
            path.name, Message("not valid {encoding}", encoding=encoding), line
        ) from None
    except TextDecodeError as err:
        raise FormatError(path.name, str(err)) from None
    if encoding not in ("utf-8", "utf-8-sig", "utf-16"):
        warnings.append(Message("{file}: read as {encoding}", file=path.name, encoding=encoding))
    return text.removeprefix("\ufeff")


def tagged_document(
    tokens: Sequence[Sequence[str]],
    tags: Sequence[Sequence[Sequence[tuple[str, str] | None]]],
    where: str,
    title: str,
    file: str,
    warnings: list[str],
    source_set: str | None = None,
    spans: Sequence[Sequence[tuple[int, int, str]]] | None = None,
    gaps: Sequence[Sequence[str | None]] | None = None,
) -> ImportedDocument:
    """A document from tagged sentences: text rebuilt (tokens joined by spaces, sentences
    by line breaks), entities placed on it, and the tokens and sentences kept. `spans`
    (first token, last token, label) per sentence, when the file lists its entities, are
    taken instead of the tags; `gaps`, the text after each token when the file says it
    (CoNLL-U's SpaceAfter), rebuild the text exactly."""
    text, offsets = rebuild_text(tokens, gaps)
    entities_per_sentence, orphans = entities_from_tags(tags)
    if spans is not None:
        entities_per_sentence, orphans = [list(found) for found in spans], 0
    if orphans:
        warnings.append(
            Message(
                "{where}: {count} I- tag(s) with no entity open were read as starts",
                where=where,
                count=orphans,
            )
        )
    doc = ImportedDocument(
        text=text,
        where=where,
        title=title,
        rebuilt=True,
        file=file,
        source_set=source_set,
        tokens=[pair for row in offsets for pair in row],
        sentences=[(row[0][0], row[-1][1]) for row in offsets if row],
    )
    for s, found in enumerate(entities_per_sentence):
        for first, last, label in dict.fromkeys(found):  # the same entity twice: once
            doc.entities.append(
                ImportedEntity(
                    ref=f"{s}.{first}.{last}.{label}",
                    label=label,
                    start=offsets[s][first][0],
                    end=offsets[s][last][1],
                )
            )
    return doc


__all__ = ["read_text_file", "tagged_document"]

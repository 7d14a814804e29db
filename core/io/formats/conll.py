"""CoNLL / IOB2: one token per line, its tags after it, a blank line between sentences,
`-DOCSTART-` before each document.

Written: `-DOCSTART- -X- O O` (the CoNLL-2003 form that spaCy and most readers
expect), then `TOKEN [TAG...] TAG`, separated by single spaces: one tag column
per nesting layer of the document (padded with O), the outermost entities in
the LAST column — the one spaCy's `convert -c ner` and other single-layer
readers take — and nested ones in the columns before it; a flat document has
two columns. Read: the same, and the Wojood layout (2-4 columns whose order
varies, a lone O outside entities); see core.io.formats.iob. Without
`-DOCSTART-`, a file is one document. Text is rebuilt from the tokens, which
(with the sentences) the document keeps as its token layer.
"""

from __future__ import annotations

from pathlib import Path

from core.io.dataset import DocumentRecord
from core.io.formats.common import (
    CODEPOINTS,
    ExportContext,
    FormatError,
    FormatWriter,
    ParsedFile,
    file_line,
)
from core.io.formats.iob import TagError, interleaved, parse_tag, rendered_tags, tag_document
from core.io.formats.tokenfile import read_text_file, tagged_document
from core.project.atomic import AtomicOutput
from models.messages import Message

DOCSTART = "-DOCSTART-"
DOCSTART_LINE = "-DOCSTART- -X- O O"


class Writer(FormatWriter):
    def __init__(self, out: AtomicOutput, context: ExportContext):
        super().__init__(out, context)
        self.clitics = context.options.get("clitics", "split")
        self.drop_excluded = context.options.get("excluded_text") == "drop"
        self._file = open(out.path(), "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, record: DocumentRecord) -> None:
        tagged = tag_document(record, self.clitics, self.drop_excluded)
        self.context.left_out.update(tagged.left_out)
        left_out = self.context.left_out
        if record.events:
            left_out[Message("events (CoNLL holds entities only)")] += len(record.events)
        if record.stances:
            left_out[Message("stances (CoNLL holds entities only)")] += len(record.stances)
        # nested layers first, the outermost last: the column single-layer readers take
        columns = tagged.columns[::-1]
        ends = rendered_tags(columns, lambda tags: " " + " ".join(tags) + "\n")
        for _, end in tagged.sentences:
            ends[end - 1] += "\n"
        self._file.write(DOCSTART_LINE + "\n\n" + interleaved((tagged.texts, ends), tagged))

    def close(self) -> None:
        self._file.close()

    def abort(self) -> None:
        self._file.close()


def read(path: Path) -> ParsedFile:
    parsed = ParsedFile(path, default_unit=CODEPOINTS)
    content = read_text_file(path, parsed.warnings)
    documents: list[tuple[int, list, list]] = []  # (first line, tokens, tags) per document
    tokens: list[list[str]] = []
    tags: list[list[list]] = []
    sentence_tokens: list[str] = []
    sentence_tags: list[list] = []
    first_line = 1

    def end_sentence() -> None:
        if sentence_tokens:
            tokens.append(list(sentence_tokens))
            tags.append(list(sentence_tags))
            sentence_tokens.clear()
            sentence_tags.clear()

    def end_document(next_line: int) -> None:
        nonlocal tokens, tags, first_line
        end_sentence()
        if tokens:
            documents.append((first_line, tokens, tags))
        tokens, tags = [], []
        first_line = next_line

    for number, line in enumerate(content.split("\n"), start=1):
        fields = line.split()
        if not fields:
            end_sentence()
            continue
        if fields[0] == DOCSTART:
            end_document(number)
            continue
        if len(fields) < 2:
            raise FormatError(
                path.name, Message("token {value!r} has no tag", value=fields[0]), number
            )
        try:
            parsed_tags = [parse_tag(tag) for tag in fields[1:]]
        except TagError as err:
            raise FormatError(path.name, str(err), number) from None
        sentence_tokens.append(fields[0])
        sentence_tags.append(parsed_tags)
    end_document(0)
    if not documents:
        raise FormatError(path.name, Message("holds no tokens"))
    for index, (first, doc_tokens, doc_tags) in enumerate(documents):
        several = len(documents) > 1
        parsed.documents.append(
            tagged_document(
                doc_tokens,
                doc_tags,
                where=file_line(path.name, first) if several else path.name,
                title=f"{path.stem} #{index + 1}" if several else path.stem,
                file=str(path),
                warnings=parsed.warnings,
            )
        )
    return parsed


__all__ = ["DOCSTART", "DOCSTART_LINE", "Writer", "read"]

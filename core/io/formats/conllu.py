"""CoNLL-U: the ten tab-separated columns of Universal Dependencies, entity tags in MISC.

Written, per document `# newdoc id = DOCUMENT` (and `-SET` with several sets), per
sentence `# sent_id` and `# text`, then one line per token: ID, FORM,
seven `_` columns (no lemma, tags or tree) and MISC with `NER=B-ORG` for the outermost
entities and `NER2=`, `NER3=`… for the nested layers, as in core.io.formats.iob.
MISC also says what separates a token from the next when it is not one space
(within a sentence) or one line break (after its last token): `SpaceAfter=No`,
or `SpacesAfter=` with UDPipe's escapes (`\\s` space, `\\n`, `\\t`, `\\r`, `\\p` for
|, `\\\\`, `\\uXXXX`), so the text is rebuilt exactly and the file lands on its
documents again. Tokens, sentences and the clitics and excluded-text options are
those of CoNLL.

Read: the same, and other CoNLL-U files: word lines (multiword-token ranges and
empty nodes are skipped), `# newdoc` starting a document, NER tags from MISC
(`NER`, `NER2`…; B-/I-, BIOES and BILOU); the tokens and sentences are kept with
the document.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from itertools import chain, compress, repeat
from operator import eq, ne, sub
from pathlib import Path
from typing import Any

from core.io.dataset import DocumentRecord
from core.io.formats.common import (
    CODEPOINTS,
    ExportContext,
    FormatError,
    FormatWriter,
    ParsedFile,
    file_line,
)
from core.io.formats.iob import (
    TagError,
    TaggedDocument,
    TagStrings,
    parse_tag,
    tag_document,
    tag_keys,
)
from core.io.formats.tokenfile import read_text_file, tagged_document
from core.project.atomic import AtomicOutput
from models.messages import Message

_EMPTY_COLUMNS = "\t".join("_" * 7)  # LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS
_ESCAPES = {"\\": "\\\\", " ": "\\s", "\t": "\\t", "\n": "\\n", "\r": "\\r", "|": "\\p"}
_UNESCAPE_RE = re.compile(r"\\(u[0-9A-Fa-f]{4}|.)")
_OTHER_SPACE = re.compile(r"[^\S ]")  # whitespace but a plain space
_WIDE_SPACE = re.compile("  ")
_UNESCAPES = {"s": " ", "t": "\t", "n": "\n", "r": "\r", "p": "|", "\\": "\\"}


def escape_spaces(gap: str) -> str:
    return "".join(
        _ESCAPES.get(ch) or (f"\\u{ord(ch):04x}" if ch.isspace() or ch in "=\\" else ch)
        for ch in gap
    )


def unescape_spaces(value: str) -> str:
    def one(m: re.Match[str]) -> str:
        code = m.group(1)
        if len(code) == 5:
            return chr(int(code[1:], 16))
        return _UNESCAPES.get(code, code)

    return _UNESCAPE_RE.sub(one, value)


class Writer(FormatWriter):
    def __init__(self, out: AtomicOutput, context: ExportContext):
        super().__init__(out, context)
        self.clitics = context.options.get("clitics", "split")
        self.drop_excluded = context.options.get("excluded_text") == "drop"
        self.several_sets = context.selection.sets == "all"
        self._ids = [f"{n}\t" for n in range(1, 257)]  # the ID column and its tab
        self._file = open(out.path(), "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, record: DocumentRecord) -> None:
        tagged = tag_document(record, self.clitics, self.drop_excluded)
        left_out = self.context.left_out
        left_out.update(tagged.left_out)
        if record.events:
            left_out[Message("events (CoNLL-U holds entities only here)")] += len(record.events)
        if record.stances:
            left_out[Message("stances (CoNLL-U holds entities only here)")] += len(record.stances)
        text, starts, texts = record.text, tagged.starts, tagged.texts
        keys = ["NER="] + [f"|NER{layer}=" for layer in range(2, len(tagged.columns) + 1)]
        head = f"\t{_EMPTY_COLUMNS}\t"
        tags_of = tag_keys(tagged.columns)

        def misc_lines(after: str) -> TagStrings:
            return TagStrings(
                lambda tags: (
                    head
                    + "".join(key + tag for key, tag in zip(keys, tags, strict=True))
                    + after
                    + "\n"
                ),
                tagged.columns,
            )

        # every MISC from a few shared strings, one per combination of tags and spacing
        line_ends = list(map(misc_lines("").__getitem__, tags_of))
        for after, tokens in _spaces_after(text, tagged).items():
            lines = misc_lines(after)
            for k in tokens:
                line_ends[k] = lines[tags_of[k]]
        name = (
            f"{record.document_id}-{record.set_name}" if self.several_sets else record.document_id
        )
        parts = [f"# newdoc id = {name}\n"]
        for n, (first, end) in enumerate(tagged.sentences, start=1):
            count = end - first
            while count > len(self._ids):
                self._ids.extend(
                    f"{k}\t" for k in range(len(self._ids) + 1, 2 * len(self._ids) + 1)
                )
            sentence_text = text[starts[first] : tagged.ends[end - 1]].replace("\n", " ")
            parts.append(f"# sent_id = {name}-{n}\n# text = {sentence_text}\n")
            out: list[str] = [""] * (3 * count)
            out[0::3] = self._ids[:count]
            out[1::3] = texts[first:end]
            out[2::3] = line_ends[first:end]
            parts.append("".join(out))
            parts.append("\n")
        self._file.write("".join(parts))

    def close(self) -> None:
        self._file.close()

    def abort(self) -> None:
        self._file.close()


def _spaces_after(text: str, tagged: TaggedDocument) -> dict[str, list[int]]:
    """The MISC's spacing part ("|SpaceAfter=No", "|SpacesAfter=...") -> the tokens that
    need it: those not followed by what a reader assumes, one space within a sentence and
    one line break after its last token. Found without a Python step per token: tokens
    right against the next, gaps holding other than one space (found in the text), and
    the sentences' last tokens."""
    starts, ends = tagged.starts, tagged.ends
    last = len(starts) - 1
    found: dict[str, list[int]] = defaultdict(list)
    if last < 1:
        return found
    following = starts[1:]
    found["|SpaceAfter=No"] = list(compress(range(last), map(eq, ends, following)))
    if tagged.own_tokens:  # characters outside the tokens may be anything
        candidates = list(compress(range(last), map(ne, map(sub, following, ends), repeat(1))))
        candidates += compress(
            range(last), map(ne, map(text.__getitem__, ends[:last]), repeat(" "))
        )
    else:  # every other character is in a token: the text's unusual whitespace is in gaps
        candidates = []
        # (two passes: each of these finds its matches much faster than their alternation)
        for space in chain(_OTHER_SPACE.finditer(text), _WIDE_SPACE.finditer(text)):
            k = bisect_right(ends, space.start()) - 1
            if 0 <= k < last:
                candidates.append(k)
    firsts = tagged.sentence_firsts
    candidates += (first - 1 for first in firsts if first)
    for k in dict.fromkeys(candidates):
        gap = text[ends[k] : following[k]]
        if gap and gap != ("\n" if k + 1 in firsts else " "):
            found["|SpacesAfter=" + escape_spaces(gap)].append(k)
    return found


# --- reading -------------------------------------------------------------------------------


class _Document:
    def __init__(self, line: int, title: str):
        self.line = line
        self.title = title
        self.tokens: list[list[str]] = []
        self.tags: list[list[list[tuple[str, str] | None]]] = []
        self.gaps: list[list[str | None]] = []


def _misc(value: str) -> dict[str, str]:
    if value == "_":
        return {}
    found = {}
    for item in value.split("|"):
        key, _, val = item.partition("=")
        found[key] = val
    return found


def _tags(misc: dict[str, str], path: Path, number: int) -> list[tuple[str, str] | None]:
    layers = sorted(
        (int(key[3:] or "1"), value)
        for key, value in misc.items()
        if key.startswith("NER") and (key[3:] == "" or key[3:].isdigit())
    )
    try:
        return [parse_tag(value) for _, value in layers] or [None]
    except TagError as err:
        raise FormatError(path.name, str(err), number) from None


def read(path: Path) -> ParsedFile:
    parsed = ParsedFile(path, default_unit=CODEPOINTS)
    content = read_text_file(path, parsed.warnings)
    documents: list[_Document] = []
    current = _Document(1, path.stem)
    sentence: dict[str, list[Any]] = {"tokens": [], "tags": [], "gaps": []}

    def end_sentence() -> None:
        if sentence["tokens"]:
            current.tokens.append(sentence["tokens"])
            current.tags.append(sentence["tags"])
            current.gaps.append(sentence["gaps"])
            sentence.update(tokens=[], tags=[], gaps=[])

    for number, line in enumerate(content.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            end_sentence()
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition("=")
            if key.strip() == "newdoc" or key.strip().startswith("newdoc "):
                end_sentence()
                if current.tokens:
                    documents.append(current)
                current = _Document(number, value.strip() or f"{path.stem} #{len(documents) + 1}")
            continue
        fields = line.split("\t")
        if len(fields) != 10:
            raise FormatError(
                path.name,
                Message("expected 10 tab-separated columns, found {count}", count=len(fields)),
                number,
            )
        if not fields[0].isdigit():  # a multiword-token range or an empty node
            continue
        form = fields[1]
        if not form or form != form.strip() or len(form.split()) != 1:
            raise FormatError(
                path.name, Message("token {form!r} is empty or holds a space", form=form), number
            )
        misc = _misc(fields[9])
        gap: str | None = None
        if misc.get("SpaceAfter") == "No":
            gap = ""
        elif "SpacesAfter" in misc:
            gap = unescape_spaces(misc["SpacesAfter"])
        sentence["tokens"].append(form)
        sentence["tags"].append(_tags(misc, path, number))
        sentence["gaps"].append(gap)
    end_sentence()
    if current.tokens:
        documents.append(current)
    if not documents:
        raise FormatError(path.name, Message("holds no tokens"))
    several = len(documents) > 1
    for doc in documents:
        parsed.documents.append(
            tagged_document(
                doc.tokens,
                doc.tags,
                where=file_line(path.name, doc.line) if several else path.name,
                title=f"{path.stem} {doc.title}" if several else path.stem,
                file=str(path),
                warnings=parsed.warnings,
                gaps=doc.gaps,
            )
        )
    return parsed


__all__ = ["Writer", "escape_spaces", "read", "unescape_spaces"]

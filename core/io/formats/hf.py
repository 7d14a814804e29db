"""Hugging Face token classification: a dataset folder that `datasets.load_dataset`
loads with its label names.

Written: `train.jsonl` (and `validation.jsonl`, `test.jsonl` with a split), one
sentence per line with `tokens`, `ner_tags` (ids of the outermost entities' IOB2
tags) and, unless option `spans` is no, `spans`: every entity of the sentence as
{start, end (token indices, end exclusive), label}, so nested entities survive.
`README.md` declares the features in its YAML header (a dataset card: `ner_tags`
and the span labels are ClassLabels with their names) and maps files to splits;
`labels.json` lists the tag names for tools that want them alone. A split
(`80/10/10`, option `seed`) sends each document whole into one split: documents
are shuffled with the seed, then cut by the percentages.

Ids are fixed by the schema: O is 0, then B- and I- of each entity label in schema
order (span labels: the entity labels in schema order), so exports of one schema
agree. Lines also carry `document`, `annotation_set` and `sentence`, so a dataset
can be read back into documents (text rebuilt from the tokens, sentences joined by
line breaks; entities from `spans` when present, else from `ner_tags`).
"""

from __future__ import annotations

import json
import random
import re
from bisect import bisect_right
from collections import defaultdict
from json.encoder import encode_basestring
from pathlib import Path
from typing import IO, Any

from core.io.dataset import DocumentRecord
from core.io.formats import split_shares
from core.io.formats.common import (
    CODEPOINTS,
    ExportContext,
    FormatError,
    FormatWriter,
    ParsedFile,
    file_line,
    json_lines,
)
from core.io.formats.iob import (
    OUTSIDE,
    TagError,
    TaggedDocument,
    joined_across,
    parse_tag,
    tag_document,
)
from core.io.formats.tokenfile import read_text_file, tagged_document
from core.project.atomic import AtomicOutput
from models.messages import Message

LABELS_SUFFIX = ".labels.json"
# what JSON must escape in a string (a quote, a backslash, control characters), and what
# joining tokens with '", "' would hide
_JSON_ESCAPES = re.compile(r'["\\\x00-\x1f\u2028\u2029]')
# of those, what Tawsim's tokens can hold (the rest is whitespace, which separates them)
_JSON_ESCAPES_IN_TOKENS = re.compile(r'["\\\x00-\x08\x0e-\x1b]')
LABELS_FILE = "labels.json"
SPLITS = ("train", "validation", "test")
REPLACEABLE = (".jsonl", ".json", ".md")


def label_names(entity_keys: list[str]) -> list[str]:
    names = [OUTSIDE]
    for key in entity_keys:
        names += [f"B-{key}", f"I-{key}"]
    return names


def labels_path_for(path: Path) -> Path:
    stem = path.name.removesuffix(path.suffix) if path.suffix else path.name
    return path.with_name(stem + LABELS_SUFFIX)


def split_of_documents(documents: tuple[int, ...], value: str, seed: int) -> dict[int, str]:
    """Each document's split: shuffled with `seed`, then cut by the percentages."""
    shares = split_shares(value)
    if shares is None:
        return dict.fromkeys(documents, "train")
    order = list(documents)
    random.Random(seed).shuffle(order)
    train = round(len(order) * shares[0] / 100)
    validation = round(len(order) * shares[1] / 100)
    cuts = (train, min(len(order), train + validation))
    return {
        doc: SPLITS[0] if i < cuts[0] else SPLITS[1] if i < cuts[1] else SPLITS[2]
        for i, doc in enumerate(order)
    }


def _class_label(names: list[str]) -> dict[str, Any]:
    return {"class_label": {"names": {str(i): name for i, name in enumerate(names)}}}


def dataset_card(tag_names: list[str], span_labels: list[str] | None, splits: list[str]) -> str:
    """README.md: a YAML header (written as JSON, which YAML reads) with the features and
    the split files, then a short description."""
    features: list[dict[str, Any]] = [
        {"name": "id", "dtype": "string"},
        {"name": "document", "dtype": "int64"},
        {"name": "annotation_set", "dtype": "string"},
        {"name": "sentence", "dtype": "int32"},
        {"name": "tokens", "sequence": "string"},
        {"name": "ner_tags", "sequence": _class_label(tag_names)},
    ]
    if span_labels is not None:
        span = [
            {"name": "start", "dtype": "int32"},
            {"name": "end", "dtype": "int32"},
            {"name": "label", "dtype": _class_label(span_labels)},
        ]
        features.append({"name": "spans", "list": span})
    header = {
        "configs": [
            {
                "config_name": "default",
                "data_files": [{"split": split, "path": f"{split}.jsonl"} for split in splits],
            }
        ],
        "dataset_info": {"features": features},
        "task_categories": ["token-classification"],
    }
    body = (
        "Token classification data exported by Tawsim: one sentence per line, `ner_tags` "
        "the IOB2 tags of the outermost entities"
        + (
            ", `spans` every entity (nested ones too) as token ranges, end exclusive"
            if span_labels
            else ""
        )
        + ".\n\n```python\nfrom datasets import load_dataset\n\n"
        + 'dataset = load_dataset("PATH/OF/THIS/FOLDER")\n```\n'
    )
    return f"---\n{json.dumps(header, ensure_ascii=False, indent=1)}\n---\n\n{body}"


class Writer(FormatWriter):
    def __init__(self, out: AtomicOutput, context: ExportContext):
        super().__init__(out, context)
        options = context.options
        self.clitics = options.get("clitics", "split")
        self.drop_excluded = options.get("excluded_text") == "drop"
        self.with_spans = options.get("spans", "yes") == "yes"
        entity_keys = [label.key for label in context.schema.entity_labels]
        self.names = label_names(entity_keys)
        self.id_texts = {name: str(i) for i, name in enumerate(self.names)}  # as written
        self.entity_keys = entity_keys
        self.span_ids = {key: i for i, key in enumerate(entity_keys)}
        self.split_of = split_of_documents(
            context.documents, options.get("split", "none"), int(options.get("seed", "0"))
        )
        self._files: dict[str, IO[str]] = {}

    def _file(self, split: str) -> IO[str]:
        if split not in self._files:
            path = self.out.path(f"{split}.jsonl")
            self._files[split] = open(path, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        return self._files[split]

    def write(self, record: DocumentRecord) -> None:
        tagged = tag_document(record, self.clitics, self.drop_excluded)
        left_out = self.context.left_out
        left_out.update(tagged.left_out)
        if record.events:
            left_out[Message("events (token classification holds entities only)")] += len(
                record.events
            )
        if record.stances:
            left_out[Message("stances (token classification holds entities only)")] += len(
                record.stances
            )
        lines = len(tagged.sentences)
        firsts = [first for first, _ in tagged.sentences]
        line_ends = ["]}\n"] * lines  # what follows the tags: the spans, the line's end
        if self.with_spans:
            by_sentence: dict[int, list[str]] = defaultdict(list)
            for first, last, label, _ in tagged.entities:
                n = bisect_right(firsts, first) - 1
                if n >= 0 and first < tagged.sentences[n][1]:  # not in a dropped sentence
                    by_sentence[n].append(
                        f'{{"start": {first - firsts[n]}, "end": {last + 1 - firsts[n]}, '
                        f'"label": {self.span_ids[label]}}}'
                    )
            line_ends = ['], "spans": []}\n'] * lines
            for n, found in by_sentence.items():
                line_ends[n] = f'], "spans": [{", ".join(found)}]}}\n'
        elif tagged.layers > 1:
            kept = set(tagged.sentences)
            nested = sum(
                1
                for first, _, _, layer in tagged.entities
                if layer and any(a <= first < b for a, b in kept)
            )
            if nested:
                left_out[Message("nested entities (one tag per token in this format)")] += nested
        out = self._file(self.split_of.get(record.document_id, "train"))
        # each line as JSON text directly, the lines of a document as parallel parts joined
        # at once: the fixed fields once per record, each sentence's tokens and tags by one
        # join of a slice (no token needs escaping but the few found in the text)
        numbers = list(map(str, range(lines)))
        sentence_slices = list(map(slice, firsts, [end for _, end in tagged.sentences]))
        token_strings = _json_strings(record.text, tagged)
        tag_text = list(map(self.id_texts.__getitem__, tagged.columns[0]))
        parts: list[list[str]] = [
            [f'{{"id": "{record.document_id}-{record.set_id}-'] * lines,
            numbers,
            [
                f'", "document": {record.document_id}, "annotation_set": '
                f'{json.dumps(record.set_name, ensure_ascii=False)}, "sentence": '
            ]
            * lines,
            numbers,
            [', "tokens": ["'] * lines,
            list(map('", "'.join, map(token_strings.__getitem__, sentence_slices))),
            ['"], "ner_tags": ['] * lines,
            list(map(", ".join, map(tag_text.__getitem__, sentence_slices))),
            line_ends,
        ]
        out.write(joined_across(parts))

    def close(self) -> None:
        written = [split for split in SPLITS if split in self._files]
        for f in self._files.values():
            f.close()
        if not written:  # nothing but empty documents: still a loadable (empty) train split
            self._file("train").close()
            written = ["train"]
        with open(self.out.path("README.md"), "w", encoding="utf-8", newline="\n") as f:
            f.write(
                dataset_card(self.names, self.entity_keys if self.with_spans else None, written)
            )
        with open(self.out.path(LABELS_FILE), "w", encoding="utf-8", newline="\n") as f:
            json.dump(self.names, f, ensure_ascii=False, indent=1)
            f.write("\n")

    def abort(self) -> None:
        for f in self._files.values():
            f.close()


def _json_strings(text: str, tagged: TaggedDocument) -> list[str]:
    """The tokens as the insides of JSON strings: the tokens themselves but the few holding
    a character JSON escapes (a quote, a control character), found from the text's own
    such characters rather than by a look at every token (whitespace, in every line
    break, only when the document's own tokens may hold it)."""
    starts, ends, texts = tagged.starts, tagged.ends, tagged.texts
    escaped: list[str] | None = None
    found = _JSON_ESCAPES if tagged.own_tokens else _JSON_ESCAPES_IN_TOKENS
    for match in found.finditer(text):
        k = bisect_right(starts, match.start()) - 1
        if k >= 0 and match.start() < ends[k]:
            escaped = escaped or list(texts)
            escaped[k] = encode_basestring(texts[k])[1:-1]  # json.dumps, in one C call
    return texts if escaped is None else escaped


def _find_label_names(path: Path) -> tuple[list[str], Path] | None:
    for candidate in (labels_path_for(path), path.with_name(LABELS_FILE)):
        if candidate.is_file():
            return _load_names(candidate), candidate
    info = path.with_name("dataset_info.json")
    if info.is_file():
        data = _load_json(info)
        try:
            names = data["features"]["ner_tags"]["feature"]["names"]
        except (KeyError, TypeError):
            raise FormatError(
                info.name, Message("has no features.ner_tags.feature.names")
            ) from None
        return _checked_names(names, info), info
    return None


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise FormatError(
            path.name, Message("not a UTF-8 JSON file ({reason})", reason=str(err))
        ) from None


def _load_names(path: Path) -> list[str]:
    data = _load_json(path)
    if isinstance(data, dict):
        data = data.get("names", data.get("ner_tags"))
    return _checked_names(data, path)


def _checked_names(names: Any, path: Path) -> list[str]:
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise FormatError(path.name, Message("expected a JSON list of label names"))
    return names


def data_files(path: Path) -> list[Path]:
    """The JSONL files of a dataset folder (its splits first), or the file itself."""
    if not path.is_dir():
        return [path]
    found = sorted(
        path.glob("*.jsonl"),
        key=lambda p: (
            p.stem not in SPLITS,
            SPLITS.index(p.stem) if p.stem in SPLITS else 0,
            p.name,
        ),
    )
    if not found:
        raise FormatError(path.name, Message("holds no .jsonl files"))
    return found


class _Sentences:
    """Sentences grouped into documents by (document, annotation set), in file order."""

    def __init__(self) -> None:
        self.groups: dict[tuple[Any, Any], list[tuple[Any, ...]]] = defaultdict(list)
        self.first_line: dict[tuple[Any, Any], str] = {}


def read(path: Path) -> ParsedFile:
    parsed = ParsedFile(path, default_unit=CODEPOINTS)
    sentences = _Sentences()
    for index, file in enumerate(data_files(path)):
        _read_lines(file, index, parsed, sentences)
    if not sentences.groups:
        raise FormatError(path.name, Message("holds no sentences"))
    several = len(sentences.groups) > 1
    for key, rows in sentences.groups.items():
        rows.sort(key=lambda r: r[:3])
        document, source_set = key
        title = path.stem if document is None else f"{path.stem} {document}"
        has_spans = all(r[5] is not None for r in rows)
        parsed.documents.append(
            tagged_document(
                [r[3] for r in rows],
                [r[4] for r in rows],
                where=sentences.first_line[key] if several else path.name,
                title=title,
                file=str(path),
                warnings=parsed.warnings,
                source_set=source_set if isinstance(source_set, str) else None,
                spans=[r[5] for r in rows] if has_spans else None,
            )
        )
    return parsed


def _read_lines(file: Path, index: int, parsed: ParsedFile, sentences: _Sentences) -> None:
    content = read_text_file(file, parsed.warnings)
    found_names: tuple[list[str], Path] | None = None  # (label names, the file naming them)
    for number, obj in json_lines(file, content):
        tokens, tags = obj.get("tokens"), obj.get("ner_tags")
        if not isinstance(tokens, list) or not all(isinstance(t, str) and t for t in tokens):
            raise FormatError(
                file.name, Message("tokens must be a list of non-empty texts"), number
            )
        if any(len(t.split()) != 1 or t.strip() != t for t in tokens):
            raise FormatError(file.name, Message("a token contains a space"), number)
        if not isinstance(tags, list) or len(tags) != len(tokens):
            raise FormatError(
                file.name, Message("ner_tags must be a list as long as tokens"), number
            )
        needs_names = any(isinstance(t, int) for t in tags) or any(
            isinstance(span, dict) and isinstance(span.get("label"), int)
            for span in obj.get("spans") or ()
        )
        if needs_names and found_names is None:
            found_names = _find_label_names(file)
            if found_names is None:
                raise FormatError(
                    file.name,
                    Message(
                        "ner_tags are ids but no label names were found "
                        "(put them in {file} as a JSON list)",
                        file=LABELS_FILE,
                    ),
                    number,
                )
        parsed_tags = [[_tag(tag, found_names, file, number)] for tag in tags]
        spans = _spans(obj.get("spans"), len(tokens), found_names, file, number)
        key = (obj.get("document"), obj.get("annotation_set"))
        sentence = obj.get("sentence")
        order = sentence if isinstance(sentence, int) and not isinstance(sentence, bool) else number
        sentences.groups[key].append((index, order, number, tokens, parsed_tags, spans))
        sentences.first_line.setdefault(key, file_line(file.name, number))


def _tag(
    tag: Any, found_names: tuple[list[str], Path] | None, file: Path, number: int
) -> tuple[str, str] | None:
    if isinstance(tag, int) and not isinstance(tag, bool) and found_names is not None:
        names, names_file = found_names
        if not 0 <= tag < len(names):
            raise FormatError(
                file.name,
                Message("tag id {tag} is not in {name}", tag=tag, name=names_file.name),
                number,
            )
        tag = names[tag]
    if not isinstance(tag, str):
        raise FormatError(file.name, Message("ner_tags must hold ids or tag names"), number)
    try:
        return parse_tag(tag)
    except TagError as err:
        raise FormatError(file.name, str(err), number) from None


def _spans(
    spans: Any, count: int, found_names: tuple[list[str], Path] | None, file: Path, number: int
) -> list[tuple[int, int, str]] | None:
    """A line's entity spans as (first token, last token, label), or None without them.
    Span label ids are the entity labels in the order of the tag names' B- tags."""
    if spans is None:
        return None
    if not isinstance(spans, list):
        raise FormatError(file.name, Message("spans must be a list"), number)
    entity_labels = [n[2:] for n in found_names[0] if n.startswith("B-")] if found_names else []
    result = []
    for span in spans:
        if not isinstance(span, dict):
            raise FormatError(
                file.name, Message("a span must be an object with start, end, label"), number
            )
        start, end, label = span.get("start"), span.get("end"), span.get("label")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= count):
            raise FormatError(
                file.name,
                Message("span {start}-{end} is not a token range", start=start, end=end),
                number,
            )
        if isinstance(label, int) and not isinstance(label, bool):
            if not 0 <= label < len(entity_labels):
                raise FormatError(
                    file.name, Message("span label id {label} is not known", label=label), number
                )
            label = entity_labels[label]
        if not isinstance(label, str) or not label:
            raise FormatError(file.name, Message("a span label must be a name or an id"), number)
        result.append((start, end - 1, label))
    return result


__all__ = [
    "LABELS_FILE",
    "LABELS_SUFFIX",
    "REPLACEABLE",
    "SPLITS",
    "Writer",
    "data_files",
    "dataset_card",
    "label_names",
    "labels_path_for",
    "read",
    "split_of_documents",
]

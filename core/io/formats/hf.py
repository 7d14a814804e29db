"""Hugging Face token classification: one sentence per JSON line, with `tokens` and
`ner_tags` (ids), and the label names in a side file `NAME.labels.json` (a JSON list,
for `datasets.ClassLabel(names=...)`).

Ids are fixed by the schema: O is 0, then B- and I- of each entity label in schema
order, so exports of one schema agree. The format has one tag per token: nested
entities beyond the outermost are left out (and counted). Lines also carry
`document`, `annotation_set` and `sentence`, so a file can be read back into
documents (text rebuilt from the tokens, sentences joined by line breaks).
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from core.io.dataset import DocumentRecord
from core.io.formats.common import (
    CODEPOINTS,
    ExportContext,
    FormatError,
    FormatWriter,
    ParsedFile,
    json_lines,
)
from core.io.formats.iob import OUTSIDE, TagError, parse_tag, tag_document
from core.io.formats.tokenfile import read_text_file, tagged_document
from core.project.atomic import AtomicOutput

LABELS_SUFFIX = ".labels.json"


def label_names(entity_keys: list[str]) -> list[str]:
    names = [OUTSIDE]
    for key in entity_keys:
        names += [f"B-{key}", f"I-{key}"]
    return names


def labels_path_for(path: Path) -> Path:
    stem = path.name.removesuffix(path.suffix) if path.suffix else path.name
    return path.with_name(stem + LABELS_SUFFIX)


class Writer(FormatWriter):
    def __init__(self, out: AtomicOutput, context: ExportContext):
        super().__init__(out, context)
        self.clitics = context.options.get("clitics", "split")
        self.drop_excluded = context.options.get("excluded_text") == "drop"
        self.names = label_names([label.key for label in context.schema.entity_labels])
        self.ids = {name: i for i, name in enumerate(self.names)}
        self._file = open(out.path(), "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, record: DocumentRecord) -> None:
        tagged = tag_document(record, self.clitics, self.drop_excluded)
        left_out = self.context.left_out
        left_out.update(tagged.left_out)
        if record.events:
            left_out["events (token classification holds entities only)"] += len(record.events)
        if record.stances:
            left_out["stances (token classification holds entities only)"] += len(record.stances)
        for n, sentence in enumerate(tagged.sentences):
            nested = sum(tag.startswith("B-") for token in sentence for tag in token.tags[1:])
            if nested:
                left_out["nested entities (one tag per token in this format)"] += nested
            line = {
                "id": f"{record.document_id}-{record.set_id}-{n}",
                "document": record.document_id,
                "annotation_set": record.set_name,
                "sentence": n,
                "tokens": [token.text for token in sentence],
                "ner_tags": [self.ids[token.tags[0]] for token in sentence],
            }
            self._file.write(json.dumps(line, ensure_ascii=False))
            self._file.write("\n")

    def close(self) -> None:
        self._file.close()
        side = labels_path_for(self.out.target)
        with open(self.out.path(side.name), "w", encoding="utf-8", newline="\n") as f:
            json.dump(self.names, f, ensure_ascii=False, indent=1)
            f.write("\n")

    def abort(self) -> None:
        self._file.close()


def _find_label_names(path: Path) -> tuple[list[str], Path] | None:
    for candidate in (labels_path_for(path), path.with_name("labels.json")):
        if candidate.is_file():
            return _load_names(candidate), candidate
    info = path.with_name("dataset_info.json")
    if info.is_file():
        data = _load_json(info)
        try:
            names = data["features"]["ner_tags"]["feature"]["names"]
        except (KeyError, TypeError):
            raise FormatError(info.name, "has no features.ner_tags.feature.names") from None
        return _checked_names(names, info), info
    return None


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise FormatError(path.name, f"not a UTF-8 JSON file ({err})") from None


def _load_names(path: Path) -> list[str]:
    data = _load_json(path)
    if isinstance(data, dict):
        data = data.get("names", data.get("ner_tags"))
    return _checked_names(data, path)


def _checked_names(names: Any, path: Path) -> list[str]:
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise FormatError(path.name, "expected a JSON list of label names")
    return names


def read(path: Path) -> ParsedFile:
    parsed = ParsedFile(path, default_unit=CODEPOINTS)
    content = read_text_file(path, parsed.warnings)
    found_names: tuple[list[str], Path] | None = None  # (label names, the file naming them)
    groups: dict[tuple[Any, Any], list[tuple[int, int, list[str], list]]] = defaultdict(list)
    first_line: dict[tuple[Any, Any], int] = {}
    for number, obj in json_lines(path, content):
        tokens, tags = obj.get("tokens"), obj.get("ner_tags")
        if not isinstance(tokens, list) or not all(isinstance(t, str) and t for t in tokens):
            raise FormatError(path.name, "tokens must be a list of non-empty texts", number)
        if any(len(t.split()) != 1 or t.strip() != t for t in tokens):
            raise FormatError(path.name, "a token contains a space", number)
        if not isinstance(tags, list) or len(tags) != len(tokens):
            raise FormatError(path.name, "ner_tags must be a list as long as tokens", number)
        parsed_tags = []
        for tag in tags:
            if isinstance(tag, int) and not isinstance(tag, bool):
                if found_names is None:
                    found_names = _find_label_names(path)
                    if found_names is None:
                        raise FormatError(
                            path.name,
                            "ner_tags are ids but no label names were found (put them in "
                            f"{labels_path_for(path).name} as a JSON list)",
                            number,
                        )
                names, names_file = found_names
                if not 0 <= tag < len(names):
                    raise FormatError(
                        path.name, f"tag id {tag} is not in {names_file.name}", number
                    )
                tag = names[tag]
            if not isinstance(tag, str):
                raise FormatError(path.name, "ner_tags must hold ids or tag names", number)
            try:
                parsed_tags.append([parse_tag(tag)])
            except TagError as err:
                raise FormatError(path.name, str(err), number) from None
        key = (obj.get("document"), obj.get("annotation_set"))
        sentence = obj.get("sentence")
        order = sentence if isinstance(sentence, int) and not isinstance(sentence, bool) else number
        groups[key].append((order, number, tokens, parsed_tags))
        first_line.setdefault(key, number)
    if not groups:
        raise FormatError(path.name, "holds no sentences")
    several = len(groups) > 1
    for key, rows in groups.items():
        rows.sort(key=lambda r: (r[0], r[1]))
        document, source_set = key
        line = first_line[key]
        title = path.stem if document is None else f"{path.stem} {document}"
        parsed.documents.append(
            tagged_document(
                [r[2] for r in rows],
                [r[3] for r in rows],
                where=f"{path.name} line {line}" if several else path.name,
                title=title,
                file=str(path),
                warnings=parsed.warnings,
                source_set=source_set if isinstance(source_set, str) else None,
            )
        )
    return parsed


__all__ = ["LABELS_SUFFIX", "Writer", "label_names", "labels_path_for", "read"]

"""Dataset and interchange formats: one module per format, each with read and/or write.

`FORMATS` describes them (for the command line and the dialogs); `module(key)`
imports a format's module on first use, so openpyxl is loaded only when an
Excel file is written or read. A module offers `Writer` (a FormatWriter) and
`read(path) -> ParsedFile`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from core.io.formats.common import CODEPOINTS, UTF16
from models.messages import Message


@dataclass(frozen=True)
class OptionInfo:
    name: str
    choices: tuple[str, ...]  # the values offered (the only ones allowed unless `check`)
    default: str
    help: str
    check: Callable[[str], str | None] | None = None  # a free value: why it is refused


@dataclass(frozen=True)
class FormatInfo:
    key: str
    title: str
    suffix: str  # the output file's suffix; "" for a folder
    module: str
    description: str
    folder: bool = False
    options: tuple[OptionInfo, ...] = ()
    reads: bool = True  # whether Tawsim imports it too
    needs: str = ""  # a module the format needs that Tawsim does not bundle
    reads_events: bool = False  # whether events/stances survive a round trip
    reads_stances: bool = False
    default_unit: str = CODEPOINTS
    suffix_required: bool = False  # programs open the file by its extension (Excel)

    def option(self, name: str) -> OptionInfo | None:
        for option in self.options:
            if option.name == name:
                return option
        return None

    def resolve_options(self, given: dict[str, str] | None) -> dict[str, str]:
        """Defaults filled in; unknown names or values raise ValueError."""
        values = {o.name: o.default for o in self.options}
        for name, value in (given or {}).items():
            option = self.option(name)
            if option is None:
                if value is None:
                    continue
                raise ValueError(f"{self.title} has no option {name!r}")
            if value is None:
                continue
            if option.check is not None:
                problem = option.check(value)
                if problem:
                    raise ValueError(f"{name}: {problem}")
            elif value not in option.choices:
                raise ValueError(
                    f"{name} must be one of {', '.join(option.choices)} (not {value!r})"
                )
            values[name] = value
        return values


CLITICS = OptionInfo(
    "clitics",
    ("split", "keep"),
    "split",
    Message(
        "split: a proclitic outside an entity becomes its own O token, so spans stay exact; "
        "keep: tokens stay whole and the clitic is tagged with the entity, as Wojood and "
        "ANERcorp do"
    ),
)
EXCLUDED_TEXT = OptionInfo(
    "excluded_text",
    ("keep", "drop"),
    "keep",
    Message(
        "keep: text in excluded regions stays, untagged; drop: sentences touching an excluded "
        "region are left out"
    ),
)
AGREEMENT = OptionInfo(
    "agreement",
    ("yes", "no"),
    "yes",
    Message(
        "yes: the Summary sheet gives inter-annotator agreement over the finished annotator sets "
        "of the exported documents; no: leave it out (faster on very large projects)"
    ),
)


def split_shares(value: str) -> tuple[int, int, int] | None:
    """ "80/10/10" -> (80, 10, 10): train, validation and test percentages; None for "none"."""
    if value == "none":
        return None
    parts = value.split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        raise ValueError(f"{value!r} is not none or three percentages like 80/10/10")
    train, validation, test = (int(p) for p in parts)
    if train + validation + test != 100:
        raise ValueError(f"{value!r} does not add up to 100")
    return train, validation, test


def _split_problem(value: str) -> str | None:
    try:
        split_shares(value)
    except ValueError as err:
        return str(err)
    return None


def _seed_problem(value: str) -> str | None:
    return None if value.isdigit() else f"{value!r} is not a whole number"


SPLIT = OptionInfo(
    "split",
    ("none", "80/10/10", "90/5/5", "70/15/15"),
    "none",
    Message(
        "none: one train split; TRAIN/VALIDATION/TEST percentages (e.g. 80/10/10): documents "
        "are shuffled with the seed and each goes whole into one split"
    ),
    check=_split_problem,
)
SEED = OptionInfo(
    "seed",
    ("0",),
    "0",
    Message("the random seed of the split: the same seed and documents give the same split"),
    check=_seed_problem,
)
SPANS = OptionInfo(
    "spans",
    ("yes", "no"),
    "yes",
    Message(
        "yes: a spans column lists every entity of the sentence (token start, end, label), so "
        "nested entities survive; no: ner_tags only (the outermost entities)"
    ),
)
OFFSETS = OptionInfo(
    "offsets",
    (UTF16, CODEPOINTS),
    UTF16,
    Message(
        "utf16: offsets in UTF-16 units, as the tool counts them in the browser; "
        "codepoints: Unicode code points"
    ),
)

FORMATS: dict[str, FormatInfo] = {
    info.key: info
    for info in (
        FormatInfo(
            "jsonl",
            Message("Gold JSONL"),
            ".jsonl",
            "core.io.formats.jsonl",
            Message(
                "Tawsim's dataset: one document per line with entities, events, stances, "
                "excluded ranges and provenance"
            ),
            reads_events=True,
            reads_stances=True,
        ),
        FormatInfo(
            "xlsx",
            Message("Excel workbook"),
            ".xlsx",
            "core.io.formats.xlsx",
            Message(
                "A workbook for reviewers: Summary, Documents, Entities, Events, Arguments, Stances"
            ),
            options=(AGREEMENT,),
            suffix_required=True,
            reads_events=True,
            reads_stances=True,
        ),
        FormatInfo(
            "conll",
            Message("CoNLL (IOB2)"),
            ".conll",
            "core.io.formats.conll",
            Message("One token per line with IOB2 tags, nested entities in extra columns"),
            options=(CLITICS, EXCLUDED_TEXT),
        ),
        FormatInfo(
            "conllu",
            Message("CoNLL-U"),
            ".conllu",
            "core.io.formats.conllu",
            Message(
                "Universal Dependencies' ten columns, entity tags in MISC (NER=B-ORG, nested "
                "layers NER2=...), the spacing kept so the text comes back exactly"
            ),
            options=(CLITICS, EXCLUDED_TEXT),
        ),
        FormatInfo(
            "tsv3",
            Message("WebAnno TSV 3.3 (INCEpTION)"),
            "",
            "core.io.formats.tsv3",
            Message(
                "A folder of WebAnno TSV 3.3 files, one per document, as INCEpTION imports "
                "them: named entities, events with their role slots, sub-token spans"
            ),
            folder=True,
            reads_events=True,
            default_unit=UTF16,
        ),
        FormatInfo(
            "xmi",
            Message("UIMA CAS XMI (INCEpTION)"),
            "",
            "core.io.formats.xmi",
            Message(
                "A folder of UIMA CAS XMI files and their TypeSystem.xml (DKPro Core types): "
                "tokens, sentences, named entities, events with their role links"
            ),
            folder=True,
            reads_events=True,
        ),
        FormatInfo(
            "spacy",
            Message("spaCy DocBin (needs spaCy)"),
            ".spacy",
            "core.io.formats.spacy_docbin",
            Message(
                "spaCy's training data for spacy train: outer entities as doc.ents, every entity "
                "(nested too) in doc.spans['sc']; needs spaCy installed"
            ),
            options=(CLITICS, EXCLUDED_TEXT),
            reads=False,
            needs="spacy",
        ),
        FormatInfo(
            "brat",
            Message("brat standoff"),
            "",
            "core.io.formats.brat",
            Message("A folder of .txt and .ann files (T and E lines) with annotation.conf"),
            folder=True,
            reads_events=True,
        ),
        FormatInfo(
            "doccano",
            Message("doccano JSONL"),
            ".jsonl",
            "core.io.formats.doccano",
            Message("doccano sequence-labelling JSONL; events as entities with relations"),
            options=(
                OptionInfo(
                    "variant",
                    ("entities", "label"),
                    "entities",
                    Message(
                        'entities: "entities" and "relations" (events kept); '
                        'label: "label": [[start, end, label]] (entities only)'
                    ),
                ),
                OFFSETS,
            ),
            reads_events=True,
            default_unit=UTF16,
        ),
        FormatInfo(
            "labelstudio",
            Message("Label Studio JSON"),
            ".json",
            "core.io.formats.labelstudio",
            Message(
                "Label Studio tasks with labels and relations (and a labelling config beside it)"
            ),
            options=(OFFSETS,),
            reads_events=True,
            default_unit=UTF16,
        ),
        FormatInfo(
            "hf",
            Message("Hugging Face dataset"),
            "",
            "core.io.formats.hf",
            Message(
                "A dataset folder for datasets.load_dataset: train (validation, test) JSONL with "
                "tokens, ner_tags (ClassLabel) and entity spans, the features in README.md"
            ),
            folder=True,
            options=(CLITICS, EXCLUDED_TEXT, SPANS, SPLIT, SEED),
        ),
    )
}


def readable_formats() -> list[str]:
    """The formats Tawsim imports."""
    return [key for key, info in FORMATS.items() if info.reads]


def format_info(key: str) -> FormatInfo:
    try:
        return FORMATS[key]
    except KeyError:
        raise ValueError(f"unknown format {key!r}; expected one of {', '.join(FORMATS)}") from None


def module(key: str) -> ModuleType:
    return importlib.import_module(format_info(key).module)


def guess_format(name: str) -> str | None:
    """The format a file name suggests (for the import dialog), if any."""
    lower = name.lower()
    if lower.endswith(".labels.json"):
        return None
    for suffix, key in (
        (".xlsx", "xlsx"),
        (".conllu", "conllu"),
        (".tsv", "tsv3"),
        (".xmi", "xmi"),
        (".conll", "conll"),
        (".iob", "conll"),
        (".iob2", "conll"),
        (".ann", "brat"),
        (".json", "labelstudio"),
    ):
        if lower.endswith(suffix):
            return key
    return None


def guess_folder_format(folder: Path) -> str | None:
    """The format a folder's files suggest (for the import dialog), if any."""
    names = {p.suffix.lower() for p in folder.iterdir() if p.is_file()}
    for suffix, key in ((".ann", "brat"), (".xmi", "xmi"), (".tsv", "tsv3"), (".jsonl", "hf")):
        if suffix in names:
            return key
    return None


__all__ = [
    "FORMATS",
    "FormatInfo",
    "OptionInfo",
    "format_info",
    "guess_folder_format",
    "guess_format",
    "module",
    "readable_formats",
    "split_shares",
]

"""Dataset and interchange formats: one module per format, each with read and/or write.

`FORMATS` describes them (for the command line and the dialogs); `module(key)`
imports a format's module on first use, so openpyxl is loaded only when an
Excel file is written or read. A module offers `Writer` (a FormatWriter) and
`read(path) -> ParsedFile`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

from core.io.formats.common import CODEPOINTS, UTF16
from models.messages import Message


@dataclass(frozen=True)
class OptionInfo:
    name: str
    choices: tuple[str, ...]
    default: str
    help: str


@dataclass(frozen=True)
class FormatInfo:
    key: str
    title: str
    suffix: str  # the output file's suffix; "" for a folder
    module: str
    description: str
    folder: bool = False
    options: tuple[OptionInfo, ...] = ()
    reads_events: bool = False  # whether events/stances survive a round trip
    reads_stances: bool = False
    default_unit: str = CODEPOINTS

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
            if value not in option.choices:
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
            Message("Hugging Face token classification"),
            ".jsonl",
            "core.io.formats.hf",
            Message(
                "One sentence per line: tokens and ner_tags ids; label names in NAME.labels.json"
            ),
            options=(CLITICS, EXCLUDED_TEXT),
        ),
    )
}


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
        (".conll", "conll"),
        (".iob", "conll"),
        (".iob2", "conll"),
        (".ann", "brat"),
        (".json", "labelstudio"),
    ):
        if lower.endswith(suffix):
            return key
    return None


__all__ = ["FORMATS", "FormatInfo", "OptionInfo", "format_info", "guess_format", "module"]

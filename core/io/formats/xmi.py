"""UIMA CAS XMI, INCEpTION's richest export, read with dkpro-cassis (the INCEpTION
team's library), which also turns the XMI's UTF-16 offsets into code points, and
written as cassis writes it (the same bytes), as text, without a cassis object per
annotation; cassis writes the type system.

Written: a folder with one `NNNNNN.xmi` per document (and set) and `TypeSystem.xml`:
DKPro Core's types (`Sentence`, `Token`, `NamedEntity` whose `value` is the entity
label, `DocumentMetaData`) and, as INCEpTION defines a span layer with a slot
feature, `webanno.custom.Event` (`value`: the event type; `arguments`: links of type
`webanno.custom.EventArgumentsLink`, each with a `role` and a `target` entity). Tokens
and sentences are the document's own when a file gave them, else Tawsim's.

Read: an `.xmi` file or a folder of them, with the type system beside them (every
`.xml` there that is a type system, merged with DKPro Core's). `NamedEntity` and
INCEpTION's custom span layers (`webanno.custom.*`) become entities (label: the
`value` feature, else the first text feature, else the type's short name), those
with a slot feature events (each link an argument: its role, the entity it targets);
custom relation layers are counted as left out. The text is the CAS's own, and its
tokens and sentences are kept.
"""

from __future__ import annotations

import re
import warnings
from bisect import bisect_left
from collections.abc import Callable
from itertools import count
from pathlib import Path
from typing import Any

from core.io.dataset import DocumentRecord
from core.io.formats.common import (
    CODEPOINTS,
    ExportContext,
    FormatError,
    FormatWriter,
    ImportedArgument,
    ImportedDocument,
    ImportedEntity,
    ImportedEvent,
    ParsedFile,
    safe_file_stem,
)
from core.io.formats.iob import tag_document
from core.project.atomic import AtomicOutput
from core.project.errors import OperationError
from models.messages import Message

TYPESYSTEM_FILE = "TypeSystem.xml"
REPLACEABLE = (".xmi", ".xml")
SEGMENTATION = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type."
TOKEN, SENTENCE = SEGMENTATION + "Token", SEGMENTATION + "Sentence"
NAMED_ENTITY = "de.tudarmstadt.ukp.dkpro.core.api.ner.type.NamedEntity"
METADATA = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
EVENT = "webanno.custom.Event"
EVENT_LINK = "webanno.custom.EventArgumentsLink"
CUSTOM = "webanno.custom."


def dkpro_core_types() -> Any:
    """The DKPro Core type system cassis bundles (read through an importlib call that
    cassis's own version warns about)."""
    from cassis import load_dkpro_core_typesystem

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return _with_metadata(load_dkpro_core_typesystem())


def typesystem() -> Any:
    """DKPro Core's types and the event layer with its argument slot."""
    from cassis.typesystem import TYPE_NAME_FS_ARRAY, TYPE_NAME_STRING, TYPE_NAME_TOP

    types = dkpro_core_types()
    link = types.create_type(EVENT_LINK, TYPE_NAME_TOP)
    types.create_feature(link, "role", TYPE_NAME_STRING)
    types.create_feature(link, "target", NAMED_ENTITY)
    event = types.create_type(EVENT)
    types.create_feature(event, "value", TYPE_NAME_STRING)
    types.create_feature(
        event,
        "arguments",
        TYPE_NAME_FS_ARRAY,
        elementType=EVENT_LINK,
        multipleReferencesAllowed=False,
    )
    return types


def _with_metadata(types: Any) -> Any:
    """DKPro Core's DocumentMetaData (INCEpTION writes it; cassis's DKPro types lack it)."""
    from cassis.typesystem import TYPE_NAME_BOOLEAN, TYPE_NAME_STRING

    if not types.contains_type(METADATA):
        metadata = types.create_type(METADATA, "uima.tcas.DocumentAnnotation")
        for name in (
            "documentTitle",
            "documentId",
            "documentUri",
            "collectionId",
            "documentBaseUri",
        ):
            types.create_feature(metadata, name, TYPE_NAME_STRING)
        types.create_feature(metadata, "isLastSegment", TYPE_NAME_BOOLEAN)
    return types


class Writer(FormatWriter):
    def __init__(self, out: AtomicOutput, context: ExportContext):
        super().__init__(out, context)
        self.types = typesystem()
        self.per_set = context.selection.sets == "all"

    def write(self, record: DocumentRecord) -> None:
        if record.stances:
            self.context.left_out[
                Message("stances (the XMI export holds entities and events)")
            ] += len(record.stances)
        name = safe_file_stem(record, self.per_set) + ".xmi"
        self.out.path(name).write_bytes(document_xmi(record).encode("utf-8"))

    def close(self) -> None:
        self.types.to_xml(self.out.path(TYPESYSTEM_FILE))


# --- writing one document ------------------------------------------------------------------
# What `Cas.to_xmi` gives for the CAS of one record, to the byte, made as text: building
# and serialising a cassis object per token took sixty times as long as the JSON lines
# export. The file holds the CAS's feature structures in xmi:id order (the Sofa is 1;
# then tokens, sentences, the metadata, entities, events, and the events' argument links
# numbered last, as cassis finds them), then the Sofa and the View; offsets are UTF-16
# code units.

XML_ESCAPES = (
    ("&", "&amp;"),
    ("<", "&lt;"),
    (">", "&gt;"),
    ('"', "&quot;"),
    ("\n", "&#10;"),
    ("\r", "&#13;"),
    ("\t", "&#9;"),
)
# What XML 1.0 cannot hold (cassis, through lxml, refuses a CAS with any of it)
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")
XMI_ROOT = "http://www.omg.org/XMI", "http:///uima/cas.ecore"


def _attribute(value: str) -> str:
    for raw, escaped in XML_ESCAPES:
        if raw in value:
            value = value.replace(raw, escaped)
    return value


def _utf16(text: str) -> Callable[[list[int]], list[int]]:
    """Code-point offsets to UTF-16 ones: a character beyond the BMP takes two units."""
    wide = [m.start() for m in BEYOND_BMP.finditer(text)]
    if not wide:
        return lambda offsets: offsets
    return lambda offsets: [i + bisect_left(wide, i) for i in offsets]


class _Namespaces:
    """Each type's package as cassis names it: prefixes in order of first use, its
    last component, numbered from 0 when another package took it."""

    def __init__(self) -> None:
        self.prefixes: dict[str, str] = {}  # url -> prefix
        self.taken: dict[str, int] = {"xmi": 0, "cas": 0}  # prefix -> next number

    def tag(self, type_name: str) -> str:
        package, short = type_name.rsplit(".", 1)
        url = "http:///" + package.replace(".", "/") + ".ecore"
        prefix = self.prefixes.get(url)
        if prefix is None:
            prefix = package.rsplit(".", 1)[-1]
            if prefix in self.taken:
                number = self.taken[prefix]
                self.taken[prefix] = number + 1
                prefix += str(number)
            else:
                self.taken[prefix] = 0
            self.prefixes[url] = prefix
        return f"{prefix}:{short}"

    def declarations(self) -> str:
        return "".join(f' xmlns:{prefix}="{url}"' for url, prefix in self.prefixes.items())


def _refuse_what_xml_cannot_hold(record: DocumentRecord) -> None:
    names = [e.label for e in record.entities] + [e.type for e in record.events]
    names += [a.role for e in record.events for a in e.arguments]
    for field, value in (
        (Message("text"), record.text),
        (Message("title"), record.title),
        (Message("labels"), "".join(names)),
    ):
        found = NOT_XML.search(value)
        if found:
            raise OperationError(
                Message(
                    "document {document} ({title}): its {field} holds U+{code:04X}, a "
                    "character XML cannot carry, so it cannot be written as XMI",
                    document=record.document_id,
                    title=" ".join(record.title.split()),
                    field=field,
                    code=ord(found.group()),
                )
            )


def document_xmi(record: DocumentRecord) -> str:
    """The record as UIMA CAS XMI, as cassis writes it; OperationError for a character
    that XML cannot hold."""
    _refuse_what_xml_cannot_hold(record)
    text = record.text
    utf16 = _utf16(text)
    tagged = tag_document(record, "keep")
    starts, ends = utf16(tagged.starts), utf16(tagged.ends)
    namespaces = _Namespaces()
    parts: list[str] = []
    if starts:
        tag = namespaces.tag(TOKEN)
        parts += [
            f'<{tag} xmi:id="{n}" sofa="1" begin="{b}" end="{e}"/>'
            for n, b, e in zip(count(2), starts, ends, strict=False)
        ]
    if tagged.sentences:
        tag = namespaces.tag(SENTENCE)
        parts += [
            f'<{tag} xmi:id="{n}" sofa="1" begin="{starts[a]}" end="{ends[b - 1]}"/>'
            for n, (a, b) in enumerate(tagged.sentences, len(parts) + 2)
        ]
    parts.append(
        f'<{namespaces.tag(METADATA)} xmi:id="{len(parts) + 2}" sofa="1" begin="0" '
        f'end="{utf16([len(text)])[0]}" documentTitle="{_attribute(record.title)}" '
        f'documentId="{record.document_id}" isLastSegment="false"/>'
    )
    # the last id the View lists: the argument links, numbered after it, are not indexed
    indexed = len(parts) + 1 + len(record.entities) + len(record.events)
    _annotations(record, utf16, namespaces, parts)
    return "".join(
        (
            "<?xml version='1.0' encoding='UTF-8'?>\n",
            f'<xmi:XMI xmlns:xmi="{XMI_ROOT[0]}" xmlns:cas="{XMI_ROOT[1]}"',
            f'{namespaces.declarations()} xmi:version="2.0"><cas:NULL xmi:id="0"/>',
            *parts,
            '<cas:Sofa xmi:id="1" sofaNum="1" sofaID="_InitialView" mimeType="text" ',
            f'sofaString="{_attribute(text)}"/><cas:View sofa="1" members="',
            " ".join(map(str, range(2, indexed + 1))),
            '"/></xmi:XMI>',
        )
    )


def _annotations(
    record: DocumentRecord,
    utf16: Callable[[list[int]], list[int]],
    namespaces: _Namespaces,
    parts: list[str],
) -> None:
    """The entities, the events and their argument links, after the `parts` so far."""
    first = len(parts) + 2
    entity_ids = {e.id: n for n, e in enumerate(record.entities, first)}
    if record.entities:
        tag = namespaces.tag(NAMED_ENTITY)
        begins = utf16([e.start for e in record.entities])
        ends = utf16([e.end for e in record.entities])
        parts += [
            f'<{tag} xmi:id="{n}" sofa="1" begin="{b}" end="{e}" value="{_attribute(x.label)}"/>'
            for n, x, b, e in zip(count(first), record.entities, begins, ends, strict=False)
        ]
    if not record.events:
        return
    first = len(parts) + 2
    events = record.events
    # cassis numbers the links as it meets them: events by begin, end, then order
    met = sorted(range(len(events)), key=lambda k: (events[k].start, events[k].end, k))
    link_ids: dict[int, range] = {}
    next_link = first + len(events)
    for k in met:
        link_ids[k] = range(next_link, next_link + len(events[k].arguments))
        next_link += len(events[k].arguments)
    tag = namespaces.tag(EVENT)
    begins, ends = utf16([e.start for e in events]), utf16([e.end for e in events])
    for k, event in enumerate(events):
        links = " ".join(map(str, link_ids[k]))
        parts.append(
            f'<{tag} xmi:id="{first + k}" sofa="1" begin="{begins[k]}" end="{ends[k]}" '
            f'value="{_attribute(event.type)}" arguments="{links}"/>'
        )
    link_tag = namespaces.tag(EVENT_LINK)
    for k in met:
        for n, argument in zip(link_ids[k], events[k].arguments, strict=True):
            parts.append(
                f'<{link_tag} xmi:id="{n}" role="{_attribute(argument.role)}" '
                f'target="{entity_ids[argument.entity_id]}"/>'
            )


# --- reading -------------------------------------------------------------------------------


def _typesystem_near(folder: Path) -> Any:
    from cassis import load_typesystem, merge_typesystems

    found = [dkpro_core_types()]
    for candidate in sorted(folder.glob("*.xml")):
        head = candidate.read_bytes()[:4096]
        if b"typeSystemDescription" not in head:
            continue
        try:
            with candidate.open("rb") as f:
                found.append(load_typesystem(f))
        except Exception as err:  # cassis raises many kinds for a bad description
            raise FormatError(
                candidate.name, Message("is not a readable type system ({reason})", reason=str(err))
            ) from None
    return _with_metadata(merge_typesystems(*found))


def read(path: Path) -> ParsedFile:
    from cassis import load_cas_from_xmi

    parsed = ParsedFile(path, default_unit=CODEPOINTS)
    files = sorted(path.glob("*.xmi")) if path.is_dir() else [path]
    if not files:
        raise FormatError(path.name, Message("holds no .xmi files"))
    types = _typesystem_near(files[0].parent)
    for file in files:
        try:
            with file.open("rb") as f:
                cas = load_cas_from_xmi(f, typesystem=types)
        except Exception as err:  # a damaged or foreign file: one line naming it
            raise FormatError(
                file.name,
                Message(
                    "is not a UIMA CAS XMI file this type system reads ({reason})", reason=str(err)
                ),
            ) from None
        parsed.documents.append(_document(file, cas, parsed))
    return parsed


def _label(annotation: Any) -> str:
    type_ = annotation.type
    names = [f.name for f in type_.all_features if f.rangeType.name == "uima.cas.String"]
    if "value" in names:
        names.insert(0, "value")
    for name in names:
        value = annotation.get(name)
        if value:
            return str(value)
    return str(type_.name).rsplit(".", 1)[-1]


def _slot(annotation: Any) -> str | None:
    """The name of the annotation's slot feature (an array of links with a role and a
    target), if its layer has one."""
    for feature in annotation.type.all_features:
        element = feature.elementType
        if feature.rangeType.name == "uima.cas.FSArray" and element is not None:
            names = {f.name for f in element.all_features}
            if {"role", "target"} <= names:
                return str(feature.name)
    return None


def _document(file: Path, cas: Any, parsed: ParsedFile) -> ImportedDocument:
    text = cas.sofa_string or ""
    if not text.strip():
        raise FormatError(file.name, Message("holds no text"))
    tokens = [(t.begin, t.end) for t in cas.select(TOKEN) if t.begin < t.end]
    sentences = [(s.begin, s.end) for s in cas.select(SENTENCE) if s.begin < s.end]
    metadata = cas.select(METADATA)
    title = (metadata[0].get("documentTitle") if metadata else None) or file.stem
    doc = ImportedDocument(
        text=text,
        where=file.name,
        title=title,
        file=str(file),
        unit=CODEPOINTS,
        tokens=tokens or None,
        sentences=sentences if tokens else None,
    )
    refs: dict[int, str] = {}
    events = []
    for annotation in cas.select_all_annotations():
        name = annotation.type.name
        if name != NAMED_ENTITY and not name.startswith(CUSTOM):
            continue
        names = {f.name for f in annotation.type.all_features}
        if {"Governor", "Dependent"} <= names:
            parsed.left_out[Message("relations ({kind})", kind=name.rsplit(".", 1)[-1])] += 1
            continue
        if annotation.begin >= annotation.end:
            parsed.left_out[Message("zero-length annotations")] += 1
            continue
        ref = f"x{annotation.xmiID}"
        slot = _slot(annotation)
        if slot is None:
            refs[annotation.xmiID] = ref
            doc.entities.append(
                ImportedEntity(ref, _label(annotation), annotation.begin, annotation.end)
            )
        else:
            events.append(
                (
                    annotation,
                    slot,
                    ImportedEvent(ref, _label(annotation), annotation.begin, annotation.end),
                )
            )
    for annotation, slot, event in events:
        links = annotation.get(slot)
        for link in links.elements if links is not None else ():
            target = link.get("target")
            if target is None or target.xmiID not in refs:
                parsed.left_out[Message("event arguments that are not entities")] += 1
                continue
            event.arguments.append(ImportedArgument(link.get("role") or slot, refs[target.xmiID]))
        doc.events.append(event)
    return doc


__all__ = ["REPLACEABLE", "TYPESYSTEM_FILE", "Writer", "document_xmi", "read", "typesystem"]

"""UIMA CAS XMI, INCEpTION's richest export, read and written with dkpro-cassis (the
INCEpTION team's library), which also turns the XMI's UTF-16 offsets into code points.

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

import warnings
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
        from cassis import Cas
        from cassis.typesystem import TYPE_NAME_FS_ARRAY

        types = self.types
        if record.stances:
            self.context.left_out[
                Message("stances (the XMI export holds entities and events)")
            ] += len(record.stances)
        cas = Cas(typesystem=types)
        cas.sofa_string = record.text
        cas.sofa_mime = "text"
        tagged = tag_document(record, "keep")
        Token, Sentence = types.get_type(TOKEN), types.get_type(SENTENCE)
        starts, ends = tagged.starts, tagged.ends
        cas.add_all(Token(begin=s, end=e) for s, e in zip(starts, ends, strict=True))
        cas.add_all(Sentence(begin=starts[a], end=ends[b - 1]) for a, b in tagged.sentences)
        cas.add(
            types.get_type(METADATA)(
                begin=0,
                end=len(record.text),
                documentTitle=record.title,
                documentId=str(record.document_id),
                isLastSegment=False,
            )
        )
        NamedEntity = types.get_type(NAMED_ENTITY)
        entities = {}
        for e in record.entities:
            entities[e.id] = NamedEntity(begin=e.start, end=e.end, value=e.label)
            cas.add(entities[e.id])
        Event, Link, Array = (
            types.get_type(EVENT),
            types.get_type(EVENT_LINK),
            types.get_type(TYPE_NAME_FS_ARRAY),
        )
        for ev in record.events:
            links = [Link(role=a.role, target=entities[a.entity_id]) for a in ev.arguments]
            cas.add(
                Event(begin=ev.start, end=ev.end, value=ev.type, arguments=Array(elements=links))
            )
        name = safe_file_stem(record, self.per_set) + ".xmi"
        cas.to_xmi(self.out.path(name))

    def close(self) -> None:
        self.types.to_xml(self.out.path(TYPESYSTEM_FILE))


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


__all__ = ["REPLACEABLE", "TYPESYSTEM_FILE", "Writer", "read", "typesystem"]

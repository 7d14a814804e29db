"""UIMA CAS XMI through dkpro-cassis: INCEpTION's file, and Tawsim's round trip."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.io.dataset import Selection
from core.io.export import export_dataset
from core.io.formats import xmi
from core.io.formats.common import FormatError
from core.io.import_annotations import ImportOptions, import_annotations
from core.project.project import Project
from tests.core.formats_support import EMOJI_TEXT, annotate_seed_article, annotations_of

PEERS = Path(__file__).parents[1] / "data" / "peers" / "inception"


def test_inceptions_xmi_with_a_slot_feature_is_read_with_its_type_system():
    (doc,) = xmi.read(PEERS / "testSimpleSlotFeature.xmi").documents
    assert doc.text == "This is a test ." and len(doc.tokens) == 5 and doc.sentences == [(0, 16)]
    words = {e.ref: doc.text[e.start : e.end] for e in doc.entities}
    (event,) = doc.events
    assert (event.type, doc.text[event.start : event.end]) == ("SimpleLinkHost", "This")
    assert [(a.role, words[a.entity_ref]) for a in event.arguments] == [("p1", "is"), ("p2", "a")]


def test_the_export_comes_back_whole_with_utf16_offsets_in_the_file(gold_with_emoji, tmp_path):
    project = gold_with_emoji
    out = tmp_path / "xmi"
    export_dataset(project, "xmi", out)
    assert sorted(p.name for p in out.iterdir()) == ["000001.xmi", "000006.xmi", "TypeSystem.xml"]
    raw = (out / "000006.xmi").read_text(encoding="utf-8")
    zuckerberg = EMOJI_TEXT.index("زوكربيرغ")
    utf16 = zuckerberg + 2  # two emoji before it, each two UTF-16 units
    assert re.search(rf'NamedEntity [^>]*begin="{utf16}"', raw)
    fresh = Project.create(tmp_path / "fresh.tawsim")
    try:
        report = import_annotations(fresh, "xmi", [out], ImportOptions("S"))
        assert len(report.documents_added) == 2
        back = annotations_of(fresh, Selection.from_argument("S"))
        original = annotations_of(project, Selection())
        assert set(back) == set(original)  # the texts, exactly
        for text, found in original.items():
            assert back[text]["entities"] == found["entities"]
            assert back[text]["events"] == found["events"]
    finally:
        fresh.close()


@pytest.fixture
def gold_with_emoji(seeded_project, tmp_path):
    from core.documents.importing import import_documents
    from tests.core.formats_support import add_spans, find, set_for

    annotate_seed_article(seeded_project)
    (tmp_path / "emoji.txt").write_text(EMOJI_TEXT, encoding="utf-8")
    import_documents(seeded_project, [tmp_path / "emoji.txt"])
    spans = [(*find(EMOJI_TEXT, "ميتا"), "ORG"), (*find(EMOJI_TEXT, "زوكربيرغ"), "PERS")]
    add_spans(seeded_project, set_for(seeded_project, 6, None), spans)
    return seeded_project


def test_a_file_that_is_not_xmi_is_refused_by_name(tmp_path):
    (tmp_path / "broken.xmi").write_text("<xmi:XMI", encoding="utf-8")
    with pytest.raises(FormatError, match=r"broken\.xmi: is not a UIMA CAS XMI file"):
        xmi.read(tmp_path / "broken.xmi")


# --- the files are cassis's, byte for byte ------------------------------------------------

TRICKY_TEXT = (
    'أعلنت شركةُ ميتـــا 𝔸 "الأمريكية" أنّ <نموذجها> & نموذج جوجل\tيتنافسان.\n'
    "وقال زوكربيرغ 😀 إنّ ميتا وجوجل ستتعاونان مع أوبن إيه آي في كاليفورنيا.\n"
    "واختتم المؤتمر دون اتفاق."
)
TRICKY_TITLE = 'عنوان "مقتبس" <b> & \tتبويب\nوسطر'


def _cassis_xmi(record) -> str:
    """What the writer wrote when dkpro-cassis built and serialised each document: the
    same Cas, built as it was, is the reference the new files are compared with."""
    from cassis import Cas
    from cassis.typesystem import TYPE_NAME_FS_ARRAY

    from core.io.formats.iob import tag_document

    types = xmi.typesystem()
    cas = Cas(typesystem=types)
    cas.sofa_string = record.text
    cas.sofa_mime = "text"
    tagged = tag_document(record, "keep")
    token, sentence = types.get_type(xmi.TOKEN), types.get_type(xmi.SENTENCE)
    starts, ends = tagged.starts, tagged.ends
    cas.add_all(token(begin=s, end=e) for s, e in zip(starts, ends, strict=True))
    cas.add_all(sentence(begin=starts[a], end=ends[b - 1]) for a, b in tagged.sentences)
    metadata = types.get_type(xmi.METADATA)
    cas.add(
        metadata(
            begin=0,
            end=len(record.text),
            documentTitle=record.title,
            documentId=str(record.document_id),
            isLastSegment=False,
        )
    )
    named_entity = types.get_type(xmi.NAMED_ENTITY)
    entities = {}
    for e in record.entities:
        entities[e.id] = named_entity(begin=e.start, end=e.end, value=e.label)
        cas.add(entities[e.id])
    event, link = types.get_type(xmi.EVENT), types.get_type(xmi.EVENT_LINK)
    array = types.get_type(TYPE_NAME_FS_ARRAY)
    for ev in record.events:
        links = [link(role=a.role, target=entities[a.entity_id]) for a in ev.arguments]
        cas.add(event(begin=ev.start, end=ev.end, value=ev.type, arguments=array(elements=links)))
    return cas.to_xmi()


@pytest.fixture
def varied_project(seeded_project, tmp_path):
    """The seed article annotated in gold and by mona, and a document annotated in
    gold and by sara with what XML and UTF-16 make hard: quotes, <, &, tabs and line
    breaks (in its title too), diacritics and tatweel, characters beyond the BMP before
    its entities, nested and overlapping entities, events with no, one and several
    arguments (one entity the target of two)."""
    from core.documents.importing import import_documents
    from models.tables import Document, EventArgument, EventMention
    from tests.core.formats_support import add_spans, find, set_for

    project = seeded_project
    annotate_seed_article(project)
    annotate_seed_article(project, "mona")
    (tmp_path / "tricky.txt").write_text(TRICKY_TEXT, encoding="utf-8")
    import_documents(project, [tmp_path / "tricky.txt"])
    tricky = 6
    spans = [
        (*find(TRICKY_TEXT, "شركةُ ميتـــا"), "ORG"),
        (*find(TRICKY_TEXT, "ميتـــا"), "ORG"),  # nested
        (*find(TRICKY_TEXT, "زوكربيرغ"), "PERS"),
        (*find(TRICKY_TEXT, "جوجل"), "ORG"),
        (*find(TRICKY_TEXT, "ميتا وجوجل"), "ORG"),
        (*find(TRICKY_TEXT, "وجوجل ستتعاونان"), "ORG"),  # overlaps the one before
        (*find(TRICKY_TEXT, "كاليفورنيا"), "GPE"),
    ]
    schema = project.schema
    partnership = schema.by_key("event", "Business.Partnership")
    roles = {r.key: r.id for r in schema.roles_of(partnership.id)}
    for annotator in (None, "sara"):
        set_id = set_for(project, tricky, annotator)
        ids = add_spans(project, set_id, spans)
        with project.write("Annotate") as tx:
            for word, arguments in (
                ("أعلنت", []),
                ("يتنافسان", [("Participants", ids[1])]),
                (
                    "ستتعاونان",
                    [
                        ("Participants", ids[4]),
                        ("Participants", ids[3]),
                        ("Product", ids[3]),
                        ("Time", ids[2]),
                    ],
                ),
                ("اتفاق", []),
            ):
                start, end = find(TRICKY_TEXT, word)
                event_id = tx.insert(
                    EventMention, set_id=set_id, type_id=partnership.id, start=start, end=end
                )
                for role, span_id in arguments:
                    tx.insert(
                        EventArgument, event_id=event_id, role_id=roles[role], span_id=span_id
                    )
    with project.write("Retitle") as tx:
        tx.update(Document, tricky, title=TRICKY_TITLE)
    return project


def test_every_file_is_what_cassis_wrote_byte_for_byte(varied_project, tmp_path):
    from core.io.dataset import open_dataset

    everything = Selection(sets="all")
    out = tmp_path / "xmi"
    export_dataset(varied_project, "xmi", out, everything)
    with open_dataset(varied_project, everything) as dataset:
        records = list(dataset)
    tricky = [r for r in records if r.text == TRICKY_TEXT]
    assert len(tricky) == 2 and tricky[0].title == TRICKY_TITLE
    assert {len(e.arguments) for e in tricky[0].events} == {0, 1, 4}
    written = sorted(p.name for p in out.glob("*.xmi"))
    assert len(written) == len(records) == 4
    for record in records:
        name = xmi.safe_file_stem(record, per_set=True) + ".xmi"
        assert (out / name).read_bytes() == _cassis_xmi(record).encode("utf-8"), name


def test_the_varied_export_loads_in_cassis_with_its_type_system(varied_project, tmp_path):
    from cassis import load_cas_from_xmi, load_typesystem

    out = tmp_path / "xmi"
    export_dataset(varied_project, "xmi", out)
    with (out / xmi.TYPESYSTEM_FILE).open("rb") as f:
        types = load_typesystem(f)
    with (out / "000006.xmi").open("rb") as f:
        cas = load_cas_from_xmi(f, typesystem=types)
    assert cas.sofa_string == TRICKY_TEXT
    words = {
        e.xmiID: (cas.sofa_string[e.begin : e.end], e.value) for e in cas.select(xmi.NAMED_ENTITY)
    }
    assert ("ميتـــا", "ORG") in words.values() and ("زوكربيرغ", "PERS") in words.values()
    events = {
        cas.sofa_string[ev.begin : ev.end]: sorted(
            (link.role, words[link.target.xmiID][0]) for link in ev.arguments.elements
        )
        for ev in cas.select(xmi.EVENT)
    }
    assert events == {
        "أعلنت": [],
        "يتنافسان": [("Participants", "ميتـــا")],
        "ستتعاونان": [
            ("Participants", "جوجل"),
            ("Participants", "ميتا وجوجل"),
            ("Product", "جوجل"),
            ("Time", "زوكربيرغ"),
        ],
        "اتفاق": [],
    }


def test_records_that_no_project_here_holds_are_written_as_cassis_wrote_them(varied_project):
    """An empty text, events but no entities (the namespaces' numbering moves), events
    out of order and on the same trigger, a carriage return and every printable ASCII
    character."""
    from dataclasses import replace

    from core.io.dataset import Entity, Event, open_dataset

    with open_dataset(varied_project, Selection()) as dataset:
        record = next(r for r in dataset if r.text == TRICKY_TEXT)
    ascii_text = "𝔸\r\n" + "".join(map(chr, range(0x20, 0x7F))) + "\tend"
    variants = [
        replace(record, text="", title="", entities=(), events=(), tokens=None),
        replace(record, entities=(), events=tuple(e._replace(arguments=()) for e in record.events)),
        # cassis numbers the argument links in the order of the events' offsets
        replace(record, events=(*reversed(record.events), record.events[2], record.events[1])),
        replace(
            record,
            text=ascii_text,
            title=ascii_text,
            entities=(Entity(1, 3, 6, "O&<\"'>", ' !"'),),
            events=(Event(2, 'T\t"', 7, 9, "#$"),),
        ),
    ]
    for variant in variants:
        assert xmi.document_xmi(variant) == _cassis_xmi(variant)


def test_a_character_xml_cannot_carry_is_refused_naming_the_document(varied_project):
    from dataclasses import replace

    from core.io.dataset import open_dataset
    from core.project.errors import OperationError

    with open_dataset(varied_project, Selection()) as dataset:
        record = next(r for r in dataset if r.text == TRICKY_TEXT)
    for variant in (
        replace(record, text=TRICKY_TEXT.replace("\t", "\x0b")),
        replace(record, title="a\x01b"),
    ):
        with pytest.raises(ValueError, match="XML compatible"):
            _cassis_xmi(variant)  # cassis refused it too
        with pytest.raises(OperationError, match=r"^document 6 \(.*\): .* U\+000[1B]") as refused:
            xmi.document_xmi(variant)
        assert "\n" not in str(refused.value)  # one line


def test_the_varied_export_comes_back_whole_through_tawsims_reader(varied_project, tmp_path):
    out = tmp_path / "xmi"
    export_dataset(varied_project, "xmi", out)
    fresh = Project.create(tmp_path / "fresh.tawsim")
    try:
        import_annotations(fresh, "xmi", [out], ImportOptions("S"))
        back = annotations_of(fresh, Selection.from_argument("S"))
        original = annotations_of(varied_project, Selection())
        assert set(back) == set(original)
        for text, found in original.items():
            assert back[text]["entities"] == found["entities"]
            assert back[text]["events"] == found["events"]
    finally:
        fresh.close()

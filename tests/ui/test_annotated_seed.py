"""Seed article 003 annotated in full by hand, through the window: the text selected, label
and event keys pressed, roles filled in the event panel by keyboard and by clicking,
stances recorded in the stance panel, the boilerplate excluded. The result is the
fixture `tests/data/annotated-seed-003.json` (see tests/fixtures/annotated_seed.py);
with TAWSIM_WRITE_FIXTURES=1 (or when the file is missing) this test writes it.
"""

from __future__ import annotations

import os

from core.annotation.validation import load_set_content, validate_set
from tests.fixtures.annotated_seed import (
    DOCUMENT,
    FIXTURE,
    dump,
    load_fixture,
    write_fixture,
)
from ui.panels.events import ITEM
from ui.qt import Qt

from .conftest import click_span, drag_select

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
KEYS = {
    "PERS": Qt.Key.Key_1,
    "ORG": Qt.Key.Key_2,
    "GPE": Qt.Key.Key_3,
    "PRODUCT": Qt.Key.Key_5,
    "OCC": Qt.Key.Key_6,
    "MONEY": Qt.Key.Key_7,
    "DATE": Qt.Key.Key_8,
    "CARDINAL": Qt.Key.Key_9,
}

# (context, the entity in it, label, how it is selected): "drag" with the mouse,
# "exact" for characters as selected (Alt held), else a selection snapped to words
ENTITIES = [
    ("ومليارات.. ميتا تخوض", "ميتا", "ORG", "drag"),
    ("يجد مارك زوكربيرج،", "مارك زوكربيرج", "PERS", "drag"),
    ("زوكربيرج، الرئيس التنفيذي لشركة", "الرئيس التنفيذي", "OCC", ""),
    ("لشركة ميتا، نفسه", "ميتا", "ORG", ""),
    ("في أبريل الماضي،", "أبريل الماضي", "DATE", ""),
    ("صحيفة نيويورك تايمز", "نيويورك تايمز", "ORG", ""),
    ("وصف زوكربيرج النموذج", "زوكربيرج", "PERS", ""),
    ("مثل OpenAI وأنثروبيك", "OpenAI", "ORG", ""),
    ("OpenAI وأنثروبيك،", "أنثروبيك", "ORG", "exact"),  # the conjunction و left out
    ("بأن زوكربيرج عدّ", "زوكربيرج", "PERS", ""),
    ("تطبيق 'واتساب'", "واتساب", "PRODUCT", ""),
    ("لإعادة 'ميتا' إلى", "ميتا", "ORG", ""),
    ("قدره 14.3 مليار دولار في", "14.3 مليار دولار", "MONEY", "drag"),
    ("شركة Scale AI الناشئة", "Scale AI", "ORG", ""),
    ("مؤسسها ألكسندر وانغ وفريقه", "ألكسندر وانغ", "PERS", ""),
    (
        "إلى مختبر 'ميتا' للذكاء الاصطناعي الفائق.",
        "مختبر 'ميتا' للذكاء الاصطناعي الفائق",
        "ORG",
        "",
    ),
    ("مختبر 'ميتا' للذكاء", "ميتا", "ORG", ""),  # nested in the lab's name
    ("أقال زوكربيرج نائب", "زوكربيرج", "PERS", ""),
    ("زوكربيرج نائب الرئيس المسؤول", "نائب الرئيس", "OCC", ""),
    ("(Generative AI) في ميتا،", "ميتا", "ORG", ""),
    ("مثل 'Perplexity'", "Perplexity", "ORG", ""),
    ("أكثر من 45 باحثًا", "45", "CARDINAL", ""),
    ("باحثًا من OpenAI مكافآت", "OpenAI", "ORG", ""),
    ("تصل إلى 100 مليون دولار للفرد", "100 مليون دولار", "MONEY", ""),
    ("قبل أربعة منهم", "أربعة", "CARDINAL", ""),
    ("ناقش زوكربيرج مع", "زوكربيرج", "PERS", ""),
    ("نموذج 'Llama' المفتوح", "Llama", "PRODUCT", ""),
    ("أكدت ميتا التزامها", "ميتا", "ORG", ""),
    ("بتطوير نموذج 'Llama' مع", "Llama", "PRODUCT", ""),
    ("مستقبلية هذا العام.", "هذا العام", "DATE", ""),
    ("مثل جوجل ومايكروسوفت", "جوجل", "ORG", ""),
    ("جوجل ومايكروسوفت وأمازون", "مايكروسوفت", "ORG", ""),  # snapped: و left out
    ("ومايكروسوفت وأمازون إلى", "أمازون", "ORG", "exact"),
    ("وكانت ميتا من أوائل", "ميتا", "ORG", ""),
    ("وحدة 'FAIR' البحثية", "FAIR", "ORG", ""),
    ("بقيادة يان لوكون،", "يان لوكون", "PERS", ""),
    ("ظهور ChatGPT عام", "ChatGPT", "PRODUCT", ""),
    ("ChatGPT عام 2022 دفعها", "عام 2022", "DATE", ""),
    ("تشكيل فريق للذكاء الاصطناعي التوليدي في", "فريق للذكاء الاصطناعي التوليدي", "ORG", ""),
    ("التوليدي في 2023 بقيادة", "2023", "DATE", ""),
    ("بقيادة أحمد الدهل.", "أحمد الدهل", "PERS", ""),
    ("ويبدو أن زوكربيرج مصمم", "زوكربيرج", "PERS", ""),
    ("تُقصى ميتا من هذا", "ميتا", "ORG", ""),
]

# (trigger context, trigger, event type key, arguments: (role, entity context, entity, how))
# "keys": Space until the panel offers it, then Enter; "click": Pick, then click it
EVENTS = [
    (
        "منها ضخ استثمار",
        "ضخ",
        Qt.Key.Key_W,  # Business.Invest
        [
            ("Investor", "لإعادة 'ميتا' إلى", "ميتا", "keys"),
            ("Money", "قدره 14.3 مليار دولار في", "14.3 مليار دولار", "keys"),
            ("Recipient", "شركة Scale AI الناشئة", "Scale AI", "click"),
        ],
    ),
    (
        "جانب استقطاب مؤسسها",
        "استقطاب",
        Qt.Key.Key_E,  # Personnel.Hire
        [
            (
                "Employer",
                "إلى مختبر 'ميتا' للذكاء الاصطناعي الفائق.",
                "مختبر 'ميتا' للذكاء الاصطناعي الفائق",
                "click",
            ),
            ("Person", "مؤسسها ألكسندر وانغ وفريقه", "ألكسندر وانغ", "keys"),
            ("Origin", "شركة Scale AI الناشئة", "Scale AI", "keys"),
        ],
    ),
    (
        "الأخير، أقال زوكربيرج",
        "أقال",
        Qt.Key.Key_R,  # Personnel.Leave
        [
            ("Employer", "(Generative AI) في ميتا،", "ميتا", "keys"),
            ("Position", "زوكربيرج نائب الرئيس المسؤول", "نائب الرئيس", "keys"),
            ("Agent", "أقال زوكربيرج نائب", "زوكربيرج", "click"),
        ],
    ),
    (
        "الشركة محادثات مع",
        "محادثات",
        Qt.Key.Key_I,  # Contact.Talks
        [("Participants", "مثل 'Perplexity'", "Perplexity", "keys")],
    ),
    (
        "منهم الانضمام،",
        "الانضمام",
        Qt.Key.Key_E,  # Personnel.Hire
        [
            ("Employer", "(Generative AI) في ميتا،", "ميتا", "click"),
            ("Origin", "باحثًا من OpenAI مكافآت", "OpenAI", "keys"),
            ("Count", "قبل أربعة منهم", "أربعة", "keys"),
            ("Money", "تصل إلى 100 مليون دولار للفرد", "100 مليون دولار", "keys"),
        ],
    ),
    (
        "عبر تأسيس وحدة",
        "تأسيس",
        Qt.Key.Key_A,  # Business.Found
        [
            ("Organization", "وحدة 'FAIR' البحثية", "FAIR", "keys"),
            ("Founder", "وكانت ميتا من أوائل", "ميتا", "click"),
            ("Leader", "بقيادة يان لوكون،", "يان لوكون", "keys"),
        ],
    ),
    (
        "لكن ظهور ChatGPT",
        "ظهور",
        Qt.Key.Key_Y,  # Product.Release
        [
            ("Developer", "مثل OpenAI وأنثروبيك", "OpenAI", "click"),
            ("Product", "ظهور ChatGPT عام", "ChatGPT", "keys"),
            ("Time", "ChatGPT عام 2022 دفعها", "عام 2022", "keys"),
        ],
    ),
    (
        "إلى تشكيل فريق",
        "تشكيل",
        Qt.Key.Key_A,  # Business.Found
        [
            (
                "Organization",
                "تشكيل فريق للذكاء الاصطناعي التوليدي في",
                "فريق للذكاء الاصطناعي التوليدي",
                "keys",
            ),
            ("Time", "التوليدي في 2023 بقيادة", "2023", "keys"),
            ("Leader", "بقيادة أحمد الدهل.", "أحمد الدهل", "keys"),
        ],
    ),
]
NOTE = ("الانضمام", "4 of the 45 researchers approached accepted")
BOILERPLATE = "جرب ميزات الذكاء الاصطناعي لدينا"
REASON = "site boilerplate and related articles"


class Annotator:
    """Finds text in the article and does what a person would."""

    def __init__(self, qtbot, window):
        self.qtbot, self.window = qtbot, window
        self.editor = window.editor
        self.text = window.editor.text
        self.events = window.panels["events"]
        self.stances = window.panels["stances"]
        self.spans: dict[tuple[int, int], int] = {}

    def at(self, context: str, needle: str) -> tuple[int, int]:
        base = self.text.index(context)
        assert self.text.count(context) == 1, f"{context!r} is not unique"
        start = base + context.index(needle)
        return start, start + len(needle)

    def tag(self, context, needle, label, how) -> None:
        start, end = self.at(context, needle)
        if how == "drag":
            drag_select(self.qtbot, self.editor, start, end)
        else:
            self.editor.select_range(start, end, exact=how == "exact")
        pending = self.editor.pending_selection()
        assert (pending.start, pending.end) == (start, end), (needle, pending)
        self.qtbot.keyClick(self.editor, KEYS[label])
        self.spans[(start, end)] = self.editor.selected_span

    def role_item(self, role):
        """The row of the role whose key is `role` (rows show its name)."""
        tree = self.events.roles
        schema = self.window.project.schema
        for i in range(tree.topLevelItemCount()):
            kind, role_id = tree.topLevelItem(i).data(0, ITEM)
            if kind == "role" and schema.role(role_id).key == role:
                return tree.topLevelItem(i)
        raise AssertionError(role)

    def fill(self, role, context, needle, how) -> None:
        span_id = self.spans[self.at(context, needle)]
        tree = self.events.roles
        item = self.role_item(role)
        if how == "keys":
            tree.setFocus()
            for _ in range(30):  # walk to the role with the arrow keys
                current = tree.currentItem()
                if current is item:
                    break
                up = tree.visualItemRect(current).top() > tree.visualItemRect(item).top()
                self.qtbot.keyClick(tree, Qt.Key.Key_Up if up else Qt.Key.Key_Down)
            assert tree.currentItem() is item
            for _ in range(40):
                self.qtbot.keyClick(tree, Qt.Key.Key_Space)
                if self.events.cycle.current.span.id == span_id:
                    break
            else:
                raise AssertionError(f"{needle} never offered for {role}")
            self.qtbot.keyClick(tree, Qt.Key.Key_Return)
        else:
            tree.scrollToItem(item)
            self.qtbot.mouseClick(
                tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center()
            )
            assert tree.currentItem() is item
            self.qtbot.mouseClick(self.events.pick_button, Qt.MouseButton.LeftButton)
            self.editor.ensure_visible(self.at(context, needle)[0])  # scroll to it
            click_span(self.qtbot, self.editor, span_id)
        item = self.role_item(role)  # the panel was filled again
        filled = [item.child(i).text(1) for i in range(item.childCount())]
        assert any(text.startswith(needle) for text in filled), (role, needle, filled)


def annotate_by_hand(qtbot, window) -> None:
    window.open_document(DOCUMENT)
    hand = Annotator(qtbot, window)
    editor = window.editor
    for context, needle, label, how in ENTITIES:
        hand.tag(context, needle, label, how)
    for context, trigger, key, arguments in EVENTS:
        editor.select_range(*hand.at(context, trigger))
        qtbot.keyClick(editor, key)
        assert hand.events.roles.hasFocus() or hand.events.roles.currentItem() is not None
        for argument in arguments:
            hand.fill(*argument)
        if trigger == NOTE[0]:
            hand.events.note.clear()
            qtbot.keyClicks(hand.events.note, NOTE[1])
            qtbot.keyClick(hand.events.note, Qt.Key.Key_Return)
        editor.setFocus()
    # the author's stance: superintelligence (key 3), neutral (n)
    stances = hand.stances
    stances.documents.setFocus()
    qtbot.keyClick(stances.documents, Qt.Key.Key_3)
    qtbot.keyClick(stances.documents, Qt.Key.Key_N)
    # Meta favours open source: click the holder, new stance, keys, evidence
    editor.ensure_visible(hand.at("أكدت ميتا التزامها", "ميتا")[0])
    click_span(qtbot, editor, hand.spans[hand.at("أكدت ميتا التزامها", "ميتا")])
    qtbot.keyClick(editor, Qt.Key.Key_H, CTRL_SHIFT)
    qtbot.keyClick(stances.tree, Qt.Key.Key_1)  # OPEN_SOURCE_AI
    qtbot.keyClick(stances.tree, Qt.Key.Key_F)  # FAVOR
    quote = "أكدت ميتا التزامها بتطوير نموذج 'Llama'"
    drag_select(qtbot, editor, *hand.at(f"ومع ذلك، {quote} مع", quote))
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL_SHIFT)
    # Zuckerberg is set on the race to superintelligence
    editor.ensure_visible(hand.at("ويبدو أن زوكربيرج مصمم", "زوكربيرج")[0])
    click_span(qtbot, editor, hand.spans[hand.at("ويبدو أن زوكربيرج مصمم", "زوكربيرج")])
    qtbot.keyClick(editor, Qt.Key.Key_H, CTRL_SHIFT)
    qtbot.keyClick(stances.tree, Qt.Key.Key_3)  # SUPERINTELLIGENCE
    qtbot.keyClick(stances.tree, Qt.Key.Key_F)  # FAVOR (a new stance has no polarity)
    quote = "زوكربيرج مصمم على ألا تُقصى ميتا من هذا السباق"
    editor.select_range(*hand.at(f"ويبدو أن {quote}،", quote))
    qtbot.keyClick(window, Qt.Key.Key_V, CTRL_SHIFT)
    # the site's boilerplate and the related articles are not part of the article
    excluded = window.panels["excluded"]
    qtbot.keyClicks(excluded.reason, REASON)
    start = editor.text.index(BOILERPLATE)
    editor.select_range(start, len(editor.text))
    qtbot.keyClick(editor, Qt.Key.Key_X, CTRL_SHIFT)


def test_seed_003_annotated_by_hand_through_the_window_is_the_fixture(qtbot, window):
    annotate_by_hand(qtbot, window)
    project = window.project
    result = dump(project)
    with project.read() as conn:
        problems = validate_set(project.schema, load_set_content(conn, window.current_set_id))
    assert problems == []
    assert len(result["entities"]) == len(ENTITIES)
    assert len(result["events"]) == len(EVENTS) and all(e["arguments"] for e in result["events"])
    assert [s["scope"] for s in result["stances"]] == ["document", "attributed", "attributed"]
    assert all(s["evidence"] for s in result["stances"][1:])
    assert result["excluded"][0]["reason"] == REASON
    if os.environ.get("TAWSIM_WRITE_FIXTURES") or not FIXTURE.exists():
        write_fixture(result)
    assert result == load_fixture()

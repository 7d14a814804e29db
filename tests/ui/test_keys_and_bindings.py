"""Label keys under other keyboard layouts, and the bindings table."""

from __future__ import annotations

from ui import bindings, settings
from ui.keys import arabic_equivalent, label_key, physical_key
from ui.qt import Qt, QtGui

PRESS = QtGui.QKeyEvent.Type.KeyPress
NO_MODS = Qt.KeyboardModifier.NoModifier


def key_event(key, text="", mods=NO_MODS, scan=0, virtual=0):
    return QtGui.QKeyEvent(PRESS, key, mods, scan, virtual, 0, text)


def test_latin_arabic_and_physical_keys(qapp):
    assert label_key(key_event(Qt.Key.Key_2, "2")) == "2"
    assert label_key(key_event(Qt.Key.Key_Q, "Q", Qt.KeyboardModifier.ShiftModifier)) == "q"
    assert label_key(key_event(0x0636, "ض")) == "q"  # Arabic (101) layout
    assert label_key(key_event(0x0662, "٢")) == "2"  # Arabic-Indic digit
    assert label_key(key_event(0x06F5, "۵")) == "5"  # Persian digit
    assert label_key(key_event(Qt.Key.Key_2, "2", Qt.KeyboardModifier.ControlModifier)) is None
    assert label_key(key_event(Qt.Key.Key_Left)) is None
    # a layout the table does not know (Hebrew ק on the E key): the physical key decides
    assert label_key(key_event(0x05E7, "ק", scan=26), platform="linux") == "e"
    assert label_key(key_event(0x05E7, "ק", scan=0x12), platform="win32") == "e"
    assert label_key(key_event(0x05E7, "ק", virtual=0x0E), platform="darwin") == "e"
    assert physical_key(11, 0, "linux") == "2"
    assert arabic_equivalent("q") == "ض" and arabic_equivalent("3") == "٣"


def test_every_binding_is_described_and_overrides_apply(qapp, tawsim_home):
    ids = [b.id for b in bindings.BINDINGS]
    assert len(ids) == len(set(ids))
    assert all(b.description and b.keys and b.section for b in bindings.BINDINGS)
    # a key may mean different things in different places (the text, a panel, the
    # curation list), but never twice in one place, and a window-wide key nowhere else
    seen: dict[tuple[str, str], str] = {}
    for b in bindings.BINDINGS:
        for k in b.keys:
            clashes = [
                bound
                for (key, scope), bound in seen.items()
                if (key == k and bindings.WINDOW in (scope, b.scope))
                or (key, scope) == (k, b.scope)
            ]
            assert not clashes, f"{k} is bound twice ({clashes[0]}, {b.id})"
            seen[(k, b.scope)] = b.id
    event = key_event(Qt.Key.Key_Right, "", Qt.KeyboardModifier.AltModifier)
    assert bindings.matches(event, "annotate.grow_start")
    assert not bindings.matches(event, "annotate.shrink_start")
    store = settings.ui_settings()
    store.setValue("shortcuts/annotate.grow_start", "Ctrl+K; Ctrl+J")
    store.setValue("shortcuts/no.such.binding", "Ctrl+M")
    store.sync()
    try:
        bindings.load_overrides(settings.ui_settings())
        assert bindings.keys("annotate.grow_start") == ("Ctrl+K", "Ctrl+J")
        assert not bindings.matches(event, "annotate.grow_start")
        assert bindings.matches(
            key_event(Qt.Key.Key_K, "", Qt.KeyboardModifier.ControlModifier), "annotate.grow_start"
        )
    finally:
        store.remove("shortcuts")
        store.sync()
        bindings.load_overrides(settings.ui_settings())
    assert bindings.keys("annotate.grow_start") == ("Alt+Right",)


def test_the_menu_table_builds_every_menu_entry_with_its_keys(window):
    def walk(items):
        for item in items:
            if isinstance(item, bindings.Submenu):
                yield from walk(item.entries)
            elif item is not bindings.SEPARATOR:
                yield item

    entries = [e for _name, _title, items in bindings.MENU_BAR for e in walk(items)]
    ids = [e.id for e in entries]
    assert len(ids) == len(set(ids))
    assert {i for i in bindings.TOOLBAR if i is not None} <= set(ids)
    for entry in entries:
        action = window.actions[entry.id]
        assert action.text().split("\t")[0] == entry.text
        if entry.id in bindings.BINDING_IDS and bindings.binding(entry.id).scope == bindings.WINDOW:
            assert action.shortcuts() == bindings.sequences(entry.id)
    # editor-scope keys are the editor's: the menu only shows them
    delete = window.actions["annotate.delete"]
    assert not delete.shortcuts()
    assert delete.text() == f"&Delete annotation\t{bindings.native_text('annotate.delete')}"
    # a submenu of the table is a menu of the window
    assert window.menu("labels").title() == "&Label selection as"

"""Which label key (a digit or Latin letter from the schema) a key press means.

With an Arabic keyboard layout active, the key labelled Q types "ض" and Qt
reports key() = 0x0636 with text "ض"; digits may come as Arabic-Indic "٢".
Qt's own shortcut matching only falls back to the Latin layout on some
platforms (xkb), and label keys are unmodified keys handled by the editor
anyway, so the mapping is done here, in three steps:

1. the text is an ASCII letter or digit: that is the key;
2. the text is what the standard Arabic layout (the Windows/Linux "Arabic
   (101)" arrangement, also macOS "Arabic - PC") types on a key: that key's
   Latin letter; Arabic-Indic and Persian digits are digits;
3. otherwise the physical key, from the platform's native scan code (X11
   keycodes, Windows scan codes) or macOS virtual key code.
"""

from __future__ import annotations

import sys

from ui.qt import Qt, QtGui

# What the Arabic (101) layout types on each Latin key, unshifted.
ARABIC_LAYOUT = {
    "ض": "q",
    "ص": "w",
    "ث": "e",
    "ق": "r",
    "ف": "t",
    "غ": "y",
    "ع": "u",
    "ه": "i",
    "خ": "o",
    "ح": "p",
    "ش": "a",
    "س": "s",
    "ي": "d",
    "ب": "f",
    "ل": "g",
    "ا": "h",
    "ت": "j",
    "ن": "k",
    "م": "l",
    "ئ": "z",
    "ء": "x",
    "ؤ": "c",
    "ر": "v",
    "لا": "b",
    "ى": "n",
    "ة": "m",
}
for _i in range(10):
    ARABIC_LAYOUT[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    ARABIC_LAYOUT[chr(0x06F0 + _i)] = str(_i)  # Persian digits
LATIN_TO_ARABIC = {latin: arabic for arabic, latin in ARABIC_LAYOUT.items() if len(arabic) == 1}

_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
# X11 (evdev + 8) keycodes of the start of each row
_X11_ROW_START = (10, 24, 38, 52)
# Windows set-1 scan codes of the start of each row
_WIN_ROW_START = (0x02, 0x10, 0x1E, 0x2C)
# macOS virtual key codes (kVK_ANSI_*)
_MAC_CODES = {
    0x12: "1", 0x13: "2", 0x14: "3", 0x15: "4", 0x17: "5", 0x16: "6", 0x1A: "7", 0x1C: "8",
    0x19: "9", 0x1D: "0", 0x0C: "q", 0x0D: "w", 0x0E: "e", 0x0F: "r", 0x11: "t", 0x10: "y",
    0x20: "u", 0x22: "i", 0x1F: "o", 0x23: "p", 0x00: "a", 0x01: "s", 0x02: "d", 0x03: "f",
    0x05: "g", 0x04: "h", 0x26: "j", 0x28: "k", 0x25: "l", 0x06: "z", 0x07: "x", 0x08: "c",
    0x09: "v", 0x0B: "b", 0x2D: "n", 0x2E: "m",
}  # fmt: skip


def _row_table(starts: tuple[int, ...]) -> dict[int, str]:
    return {
        start + i: ch for start, row in zip(starts, _ROWS, strict=True) for i, ch in enumerate(row)
    }


_X11_CODES = _row_table(_X11_ROW_START)
_WIN_CODES = _row_table(_WIN_ROW_START)


def physical_key(scan_code: int, virtual_key: int, platform: str = sys.platform) -> str | None:
    """The Latin key at the physical position the native codes name, if known."""
    if platform.startswith("linux") or platform.startswith("freebsd"):
        return _X11_CODES.get(scan_code)
    if platform == "win32":
        return _WIN_CODES.get(scan_code)
    if platform == "darwin":
        return _MAC_CODES.get(virtual_key)
    return None


def label_key(event: QtGui.QKeyEvent, platform: str = sys.platform) -> str | None:
    """The label key (lower-case letter or digit) an unmodified key press stands for."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
        return None
    text = event.text()
    if len(text) == 1 and text.isascii() and text.isalnum():
        return text.lower()
    if text in ARABIC_LAYOUT:
        return ARABIC_LAYOUT[text]
    if not text or not text.isprintable():
        return None
    return physical_key(event.nativeScanCode(), event.nativeVirtualKey(), platform)


def arabic_equivalent(key: str) -> str:
    """What the same key types on the Arabic layout ("q" -> "ض"), for the shortcuts sheet."""
    if key.isdigit():
        return chr(0x0660 + int(key))
    return LATIN_TO_ARABIC.get(key.lower(), "")

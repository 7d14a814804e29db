"""WebAnno TSV 3.3's escaping: feature values (backslash before each reserved sequence),
sentence texts (control characters), and splitting a column at separators that are not
escaped."""

from __future__ import annotations

import re

_VALUE_RESERVED = ("\\", "[", "]", "|", "_", "->", ";", "\t", "\n", "*")
_VALUE_ESCAPED = ("\\\\", "\\[", "\\]", "\\|", "\\_", "\\->", "\\;", "\\t", "\\n", "\\*")
_VALUE_ESCAPE_RE = re.compile("|".join(re.escape(r) for r in _VALUE_RESERVED))
_VALUE_UNESCAPE_RE = re.compile("|".join(re.escape(e) for e in _VALUE_ESCAPED))
_VALUE_ESCAPES = dict(zip(_VALUE_RESERVED, _VALUE_ESCAPED, strict=True))
_VALUE_UNESCAPES = dict(zip(_VALUE_ESCAPED, _VALUE_RESERVED, strict=True))

_TEXT_NAMED = {"\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", "\b": "\\b", "\\": "\\\\"}
_TEXT_ESCAPES = {
    **{chr(i): "\\" + chr(i) for i in range(32) if not 7 < i < 14},
    **_TEXT_NAMED,
}
_TEXT_UNESCAPES = {escaped: raw for raw, escaped in _TEXT_ESCAPES.items()}
_TEXT_ESCAPE_RE = re.compile("|".join(re.escape(c) for c in _TEXT_ESCAPES))
# what a sentence's #Text lines escape (its line breaks split it into lines instead)
TEXT_NEEDS_ESCAPES = re.compile("|".join(re.escape(c) for c in _TEXT_ESCAPES if c != "\n"))
_TEXT_UNESCAPE_RE = re.compile(
    "|".join(re.escape(e) for e in sorted(_TEXT_UNESCAPES, key=len, reverse=True))
)


def escape_value(value: str) -> str:
    return _VALUE_ESCAPE_RE.sub(lambda m: _VALUE_ESCAPES[m.group()], value)


def unescape_value(value: str) -> str:
    return _VALUE_UNESCAPE_RE.sub(lambda m: _VALUE_UNESCAPES[m.group()], value)


def escape_text(text: str) -> str:
    return _TEXT_ESCAPE_RE.sub(lambda m: _TEXT_ESCAPES[m.group()], text)


def unescape_text(text: str) -> str:
    return _TEXT_UNESCAPE_RE.sub(lambda m: _TEXT_UNESCAPES[m.group()], text)


def split_unescaped(value: str, separator: str) -> list[str]:
    """`value` cut at each `separator` (one character) not escaped by a backslash; the
    pieces keep their escapes."""
    if "\\" not in value:
        return value.split(separator)
    pieces, current, i = [], [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            current.append(value[i : i + 2])
            i += 2
            continue
        if ch == separator:
            pieces.append("".join(current))
            current = []
        else:
            current.append(ch)
        i += 1
    pieces.append("".join(current))
    return pieces


_ID_RE = re.compile(r"\[(\d+)\]$")


def split_id(value: str) -> tuple[str, int | None]:
    """ "ORG[3]" -> ("ORG", 3); "ORG" -> ("ORG", None) (an escaped "\\[" is no id)."""
    m = _ID_RE.search(value)
    if m is None:
        return value, None
    before = value[: m.start()]
    backslashes = len(before) - len(before.rstrip("\\"))
    if backslashes % 2:
        return value, None
    return before, int(m.group(1))


__all__ = [
    "TEXT_NEEDS_ESCAPES",
    "escape_text",
    "escape_value",
    "split_id",
    "split_unescaped",
    "unescape_text",
    "unescape_value",
]

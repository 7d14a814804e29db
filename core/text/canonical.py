"""Decode imported bytes and canonicalise them once, before the text is frozen.

Canonical form: no byte-order mark, LF line ends (CRLF and lone CR become LF),
Unicode NFC. Nothing else is touched: the frozen text is what the file says.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from models.messages import Message

MAX_DOCUMENT_BYTES = 50 * 1024 * 1024

# Single-byte Arabic encodings we detect when the bytes are not UTF-8.
LEGACY_ARABIC_ENCODINGS = ("cp1256", "iso8859_6")
# Encoding names users may pass with --encoding, mapped to Python codecs.
ENCODING_ALIASES = {
    "utf8": "utf-8",
    "utf-8": "utf-8",
    "utf-8-sig": "utf-8-sig",
    "utf16": "utf-16",
    "utf-16": "utf-16",
    "windows-1256": "cp1256",
    "cp1256": "cp1256",
    "iso-8859-6": "iso8859_6",
    "iso8859-6": "iso8859_6",
    "iso8859_6": "iso8859_6",
}
_WORD_RE = re.compile(r"[^\W\d_]+")
# C0/C1 control characters other than tab, line feed, vertical tab, form feed, CR
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff]")
# More than this share of control characters means the file is not text.
_MAX_CONTROL_SHARE = 0.01


class TextDecodeError(ValueError):
    """The bytes cannot become a document; the message says why (and where)."""


class EncodingUncertain(TextDecodeError):
    """Detection was not confident; the caller should ask for an encoding."""

    def __init__(self, message: str, candidates: list[str]):
        super().__init__(message)
        self.candidates = candidates


PRIVATE_USE = "private_use"
REPLACEMENT = "replacement"
_NOTE_WORDS = {  # kind -> (what is counted, what it means)
    PRIVATE_USE: (
        "private-use characters",
        "often letters lost in PDF extraction; they are kept as they are",
    ),
    REPLACEMENT: ("replacement characters (U+FFFD)", "from an earlier bad decoding"),
}


@dataclass(frozen=True)
class TextNote:
    """Something worth telling the user about a text, without refusing it."""

    kind: str  # PRIVATE_USE or REPLACEMENT
    count: int

    @property
    def what(self) -> str:
        return _NOTE_WORDS[self.kind][0]

    @property
    def meaning(self) -> str:
        return _NOTE_WORDS[self.kind][1]

    def __str__(self) -> str:
        return f"{self.count} {self.what} ({self.meaning})"


@dataclass(frozen=True)
class DecodedText:
    text: str  # canonical
    encoding: str  # what the raw bytes were decoded with
    raw_sha256: str
    notes: list[TextNote] = field(default_factory=list)

    @property
    def text_sha256(self) -> str:
        return text_sha256(self.text)


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def canonicalize(text: str) -> str:
    """BOM removed, CRLF/CR -> LF, NFC. Idempotent."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def normalize_encoding_name(name: str) -> str:
    key = name.strip().lower().replace("_", "-")
    if key in ENCODING_ALIASES:
        return ENCODING_ALIASES[key]
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise TextDecodeError(f"unknown encoding {name!r}") from None


def detect_encoding(raw: bytes) -> str:
    """Name the codec for `raw`, or raise EncodingUncertain."""
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    decodings = {}
    for name in LEGACY_ARABIC_ENCODINGS:
        try:
            decodings[name] = raw.decode(name)
        except UnicodeDecodeError:
            continue
    shares = sorted(
        ((_arabic_word_share(text), name) for name, text in decodings.items()), reverse=True
    )
    if shares and shares[0][0] >= 0.6 and _reads_as_arabic(decodings[shares[0][1]]):
        best_share, best = shares[0]
        others = [(s, n) for s, n in shares[1:] if decodings[n] != decodings[best]]
        if not others or best_share - others[0][0] >= 0.2:
            return best
    # Second opinion for texts with few Arabic words: charset-normalizer's language model.
    ranked = sorted(
        (m for m in from_bytes(raw, cp_isolation=list(decodings)) if m.encoding in decodings),
        key=lambda m: (m.chaos, -m.coherence),
    )
    clear_winner = len(ranked) == 1 or (
        len(ranked) > 1 and ranked[1].chaos - ranked[0].chaos >= 0.05
    )
    if ranked and ranked[0].chaos <= 0.1 and ranked[0].coherence >= 0.1 and clear_winner:
        return ranked[0].encoding
    candidates = [name for _, name in shares]
    if candidates:
        message = Message(
            "the encoding could not be detected with confidence (maybe {candidates}); "
            "give it with --encoding (utf-8, windows-1256, iso-8859-6)",
            candidates=" / ".join(candidates),
        )
    else:
        message = Message(
            "the encoding could not be detected with confidence; "
            "give it with --encoding (utf-8, windows-1256, iso-8859-6)"
        )
    raise EncodingUncertain(message, candidates)


_COMMON_WORDS = frozenset("في من على إلى أن إن عن مع هذا هذه التي الذي كان قد لا ما هو هي".split())


def _reads_as_arabic(text: str) -> bool:
    """Arabic prose has function words and the article; a wrong code page that happens
    to yield Arabic letters (e.g. KOI8 Russian read as windows-1256) has neither."""
    words = _WORD_RE.findall(text)
    return any(w in _COMMON_WORDS or (w.startswith("ال") and len(w) > 3) for w in words)


def _arabic_word_share(text: str) -> float:
    """Share of words written wholly in Arabic script: high for a right guess, low when
    a wrong single-byte code page scatters Latin letters into Arabic words."""
    words = _WORD_RE.findall(text)
    if not words:
        return 0.0
    return sum(1 for w in words if all("\u0600" <= c <= "\u06ff" for c in w)) / len(words)


def _looks_binary(raw: bytes, encoding: str) -> bool:
    return b"\x00" in raw and not encoding.startswith("utf-16")


EMPTY = Message("is empty")


def _undecodable_message(raw: bytes, encoding: str, err: UnicodeDecodeError) -> Message:
    return Message(
        "byte 0x{byte:02x} at line {line} (byte offset {offset}) is not valid {encoding}",
        byte=raw[err.start],
        line=raw.count(b"\n", 0, err.start) + 1,
        offset=err.start,
        encoding=encoding,
    )


def decode_document(raw: bytes, encoding: str | None = None) -> DecodedText:
    """Turn a file's bytes into canonical text, or raise TextDecodeError.

    `encoding` forces the codec; otherwise it is detected.
    """
    if len(raw) > MAX_DOCUMENT_BYTES:
        raise TextDecodeError(
            Message(
                "is {size:.0f} MB; documents over {limit} MB are refused",
                size=len(raw) / 1024 / 1024,
                limit=MAX_DOCUMENT_BYTES // 1024 // 1024,
            )
        )
    if not raw.strip():
        raise TextDecodeError(EMPTY)
    codec = normalize_encoding_name(encoding) if encoding else detect_encoding(raw)
    if _looks_binary(raw, codec):
        raise TextDecodeError(Message("looks like a binary file (it contains NUL bytes), not text"))
    try:
        decoded = raw.decode(codec)
    except UnicodeDecodeError as err:
        raise TextDecodeError(_undecodable_message(raw, codec, err)) from None
    text = canonicalize(decoded)
    if not text.strip():
        raise TextDecodeError(EMPTY)
    controls = len(_CONTROL_RE.findall(text))
    if "\x00" in text or controls > max(3, len(text) * _MAX_CONTROL_SHARE):
        raise TextDecodeError(Message("looks like a binary file (control characters), not text"))
    return DecodedText(
        text=text,
        encoding=codec,
        raw_sha256=hashlib.sha256(raw).hexdigest(),
        notes=text_notes(text),
    )


def private_use_positions(text: str) -> list[int]:
    """Where `text` has private-use characters (letters a PDF extraction lost, often)."""
    return [match.start() for match in _PRIVATE_USE_RE.finditer(text)]


def text_notes(text: str) -> list[TextNote]:
    """What is worth telling the user about a text, without refusing it."""
    notes = []
    private = len(_PRIVATE_USE_RE.findall(text))
    if private:
        notes.append(TextNote(PRIVATE_USE, private))
    replacement = text.count("\ufffd")
    if replacement:
        notes.append(TextNote(REPLACEMENT, replacement))
    return notes

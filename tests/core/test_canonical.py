import codecs
import unicodedata

import pytest

from core.text import canonical
from core.text.canonical import (
    EncodingUncertain,
    TextDecodeError,
    canonicalize,
    decode_document,
    detect_encoding,
)
from tests.conftest import SHARED_PEERS

ARABIC = (
    "قال زوكربيرج إن ميتا ستطلق نموذج Llama 4 قريبًا.\nوأضاف أن الشركة ستستثمر 14.3 مليار دولار."
)


def test_canonicalize_removes_bom_normalises_line_ends_and_composes():
    decomposed = "e\u0301"  # e + combining acute -> é
    text = "\ufeffأ\r\nب\rج\n" + decomposed
    assert canonicalize(text) == "أ\nب\nج\n\u00e9"
    assert canonicalize(canonicalize(text)) == canonicalize(text)


def test_nfc_reorders_arabic_marks_canonically():
    shadda_fatha = "\u0628\u0651\u064e"  # beh, shadda, fatha
    assert canonicalize(shadda_fatha) == unicodedata.normalize("NFC", shadda_fatha)


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (ARABIC.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + ARABIC.encode("utf-8"), "utf-8-sig"),
        (ARABIC.encode("utf-16"), "utf-16"),  # with BOM
        (ARABIC.encode("cp1256"), "cp1256"),
    ],
)
def test_encodings_are_detected_and_text_recovered(raw, encoding):
    decoded = decode_document(raw)
    assert decoded.encoding == encoding
    assert decoded.text == canonicalize(ARABIC)


def test_iso_8859_6_is_told_apart_from_windows_1256():
    text = "كان المؤرخون العرب يعتبرون أن اللغة العربية هي لغة القرآن والشعر والأدب منذ قرون طويلة"
    raw = text.encode("iso8859_6")
    assert detect_encoding(raw) == "iso8859_6"
    assert decode_document(raw).text == text


def test_peer_windows_1256_file_decodes_to_its_utf8_twin():
    legacy = (SHARED_PEERS / "encoding" / "sample-arabic-1.txt").read_bytes()
    utf8 = (SHARED_PEERS / "encoding" / "sample-arabic.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        legacy.decode("utf-8")
    decoded = decode_document(legacy)
    assert decoded.encoding == "cp1256"
    assert decoded.text == canonicalize(utf8.decode("utf-8"))


def test_uncertain_detection_asks_for_an_encoding():
    raw = "Привет, как дела? Это текст на русском языке.".encode("koi8_r")
    with pytest.raises(EncodingUncertain) as err:
        decode_document(raw)
    assert "--encoding" in str(err.value)


def test_forced_encoding_reports_the_line_of_an_undecodable_byte():
    raw = "سطر أول\nسطر ثان\n".encode() + b"\xff\xfe bad\n"
    with pytest.raises(TextDecodeError, match=r"line 3 \(byte offset"):
        decode_document(raw, encoding="utf-8")


@pytest.mark.parametrize("raw", [b"", b"   \n\t\r\n"])
def test_empty_files_are_refused(raw):
    with pytest.raises(TextDecodeError, match="empty"):
        decode_document(raw)


def test_binary_files_are_refused():
    png_like = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    with pytest.raises(TextDecodeError, match="binary"):
        decode_document(png_like, encoding="cp1256")
    with pytest.raises(TextDecodeError, match="binary"):
        decode_document(b"text\x00with\x00nuls" * 10)


def test_oversized_files_are_refused(monkeypatch):
    monkeypatch.setattr(canonical, "MAX_DOCUMENT_BYTES", 100)
    with pytest.raises(TextDecodeError, match="refused"):
        decode_document(b"a" * 101)


def test_unknown_encoding_name_is_a_clear_error():
    with pytest.raises(TextDecodeError, match="unknown encoding 'klingon'"):
        decode_document(b"abc", encoding="klingon")


def test_private_use_characters_are_kept_and_reported():
    text = "مايرو\ue915وفت"
    decoded = decode_document(text.encode())
    assert decoded.text == text
    assert any("private-use" in str(note) for note in decoded.notes)


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_a_single_arabic_sentence_is_enough_to_tell_the_code_page(encoding):
    text = "ميتا تفكر في دمج نماذج جوجل"
    assert decode_document(text.encode(encoding)).text == text


def test_latin_text_in_a_legacy_code_page_is_not_guessed_as_arabic():
    with pytest.raises(EncodingUncertain):
        decode_document("Größe und Qualität, café crème".encode("latin-1"))

from hypothesis import given, settings
from hypothesis import strategies as st

from core.text.fold import FoldedText, find_folded, fold

# Characters that exercise every folding rule, plus ordinary ones.
ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإٱؤئىیکةۀھ"  # letters and their variants
    "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u0640"  # harakat, dagger alef, tatweel
    "\u200e\u200f\u061c\u200b\u200c\u200d\u202b\u202c\u2067\u2069\ufeff"  # bidi and zero-width
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹0123456789٫٬"  # digits
    "\ufefb\ufef5\ufe8d\ufedf\ufdf2"  # presentation forms: lam-alef ligatures, alef, lam, Allah
    "MetaAIGoogle llama ،.؟\n\u00a0"
)
texts = st.text(alphabet=ALPHABET, max_size=60)


def test_examples():
    assert fold("أإآٱ") == "اااا"
    assert fold("ى ی ئ ؤ") == "ي ي ي و"
    assert fold("ک") == "ك"
    assert fold("مدرسة") == "مدرسه"
    assert fold("مدرسة", teh_marbuta=False) == "مدرسة"
    assert fold("مُحَمَّدٌ") == "محمد"
    assert fold("الـــذكاء") == "الذكاء"
    assert fold("\u200fميتا\u200e") == "ميتا"
    assert fold("١٤٫٣ ۱۴") == "14.3 14"
    assert fold("Meta AI") == "meta ai"
    assert fold("\ufefb") == "لا"


def test_match_maps_to_the_original_with_diacritics_of_the_last_letter():
    text = "قال مُحَمَّدٌ إن"
    assert find_folded(text, "محمد") == [(4, 13)]
    assert text[4:13] == "مُحَمَّدٌ"


def test_search_ignores_hamza_maksura_tatweel_and_bidi_marks():
    text = "أعلنت \u200fميـــتا\u200f عن مستشفى جديد في إنستغرام"
    assert [text[s:e] for s, e in find_folded(text, "ميتا")] == ["ميـــتا"]
    assert [text[s:e] for s, e in find_folded(text, "مستشفي")] == ["مستشفى"]
    assert [text[s:e] for s, e in find_folded(text, "انستغرام")] == ["إنستغرام"]


def test_a_match_cutting_a_ligature_is_not_reported():
    text = "\ufefbعب"  # lam-alef ligature then ع ب
    assert find_folded(text, "اع") == []
    assert find_folded(text, "لاع") == [(0, 2)]


@settings(max_examples=400, deadline=None)
@given(texts, st.data())
def test_every_match_maps_back_to_text_whose_folding_equals_it(text, data):
    folded_text = FoldedText(text)
    folded = folded_text.folded
    if not folded:
        return
    fs = data.draw(st.integers(0, len(folded) - 1))
    fe = data.draw(st.integers(fs + 1, len(folded)))
    query = folded[fs:fe]
    for start, end in folded_text.find_all(query):
        assert 0 <= start < end <= len(text)
        assert fold(text[start:end]) == query


@settings(max_examples=300, deadline=None)
@given(texts)
def test_positions_map_monotonically_and_fold_matches_translate(text):
    folded_text = FoldedText(text)
    assert folded_text.folded == fold(text)
    positions = [folded_text.to_original(i) for i in range(len(folded_text.folded))]
    assert positions == sorted(positions)
    for i, pos in enumerate(positions):
        assert (
            fold(text[pos]) != ""
        )  # a folded character comes from a character that folds to something
        assert folded_text.folded[i] in fold(text[pos])


@settings(max_examples=300, deadline=None)
@given(texts)
def test_folding_is_idempotent_and_agrees_with_a_per_character_fold(text):
    from core.text.fold import _fold_char

    assert fold(fold(text)) == fold(text)
    assert fold(text) == "".join(_fold_char(ch, True) for ch in text)

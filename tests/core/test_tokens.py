import re
import sys
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from core.text.tokens import (
    sentence_starts,
    sentences,
    snap_to_tokens,
    token_at,
    token_bounds,
    token_count,
    token_offsets,
    tokenize,
)

SEED_SENTENCE = (
    "وتضمنت الخطة خطوات جذرية، منها ضخ استثمار كبير قدره 14.3 مليار دولار في شركة Scale AI الناشئة."
)


def texts_of(text):
    return [t.text for t in tokenize(text)]


def test_numbers_punctuation_and_latin_words():
    assert texts_of(SEED_SENTENCE) == [
        "وتضمنت", "الخطة", "خطوات", "جذرية", "،", "منها", "ضخ", "استثمار", "كبير", "قدره",
        "14.3", "مليار", "دولار", "في", "شركة", "Scale", "AI", "الناشئة", ".",
    ]  # fmt: skip


def test_kinds_and_offsets():
    text = "«ميتا» أطلقت Llama 4 بـ٢٠٢٥ و1,000 H100"
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    kinds = {t.text: t.kind for t in tokens}
    assert kinds["«"] == "punct"
    assert kinds["ميتا"] == "arabic"
    assert kinds["Llama"] == "word"
    assert kinds["4"] == "number"
    assert kinds["٢٠٢٥"] == "number"
    assert kinds["1,000"] == "number"
    assert kinds["H100"] == "word"


def test_diacritics_and_tatweel_stay_inside_the_word():
    assert texts_of("مُحَمَّدٌ الـــذكاء") == ["مُحَمَّدٌ", "الـــذكاء"]


def test_script_change_splits_a_token():
    assert texts_of("لـMeta والـGPU") == ["لـ", "Meta", "والـ", "GPU"]


def test_sentences_split_on_final_punctuation_and_lines():
    text = "قال زوكربيرج: النموذج وحش. هل ينجح؟ ربما!\nسطر جديد بلا نقطة\n\n«جملة مقتبسة.» بعدها"
    assert [text[s.start : s.end] for s in sentences(text)] == [
        "قال زوكربيرج: النموذج وحش.",
        "هل ينجح؟",
        "ربما!",
        "سطر جديد بلا نقطة",
        "«جملة مقتبسة.»",
        "بعدها",
    ]


def test_decimal_points_and_damaged_punctuation_do_not_split():
    text = "استثمار 14.3 مليار.التحركات الأخيرة مهمة."
    assert len(sentences(text)) == 1


def test_more_than_32_sentences_are_all_found():
    # pyarabic's sentence_tokenize stops after 32 splits
    text = " ".join(f"هذه الجملة رقم {i}." for i in range(100))
    found = sentences(text)
    assert len(found) == 100
    assert text[found[-1].start : found[-1].end] == "هذه الجملة رقم 99."


def test_token_lookup_and_snapping():
    text = "أقال زوكربيرج نائب الرئيس"
    tokens = tokenize(text)
    assert token_at(tokens, 6).text == "زوكربيرج"
    assert token_at(tokens, 4) is None  # the space
    assert snap_to_tokens(tokens, 7, 16) == (5, 18)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ميتا ولأ،.؟!14.3 MetaAI\n«»ً", max_size=80))
def test_tokens_and_sentences_cover_text_in_order(text):
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text and t.text.strip() == t.text for t in tokens)
    assert all(a.end <= b.start for a, b in pairwise(tokens))
    assert "".join(t.text for t in tokens) == "".join(text.split())
    found = sentences(text)
    assert all(
        s.start < s.end and text[s.start : s.end].strip() == text[s.start : s.end] for s in found
    )
    assert all(a.end <= b.start for a, b in pairwise(found))


def reference_sentences(text):
    """The sentence rule token by token, as it was first written: the oracle for the
    whole-text passes of `sentence_starts`."""
    result = []
    for line in re.finditer(r"[^\n]+", text):
        tokens = tokenize(text, line.start(), line.end())
        sent_start, i, n = None, 0, len(tokens)
        while i < n:
            tok = tokens[i]
            if sent_start is None:
                sent_start = tok.start
            if tok.text in ".!?؟…":
                j = i
                while (
                    j + 1 < n
                    and tokens[j + 1].start == tokens[j].end
                    and tokens[j + 1].text in ".!?؟…\"'»”’)]}"
                ):
                    j += 1
                run_end = tokens[j].end
                if run_end == line.end() or text[run_end].isspace():
                    result.append((sent_start, run_end))
                    sent_start = None
                i = j + 1
                continue
            i += 1
        if sent_start is not None:
            result.append((sent_start, tokens[-1].end))
    return result


MIXED = st.text(
    alphabet=st.sampled_from(list("ميتا ولـ14.3,٫٢Ab.!?؟…\"'»”’)]}«( \n\t\u064e😀-")), max_size=120
)


@settings(max_examples=400)
@given(MIXED)
def test_whole_text_passes_find_the_tokens_and_sentences_of_the_token_walk(text):
    texts, starts, ends = token_bounds(text)
    tokens = tokenize(text)
    assert (texts, starts, ends) == (
        [t.text for t in tokens],
        [t.start for t in tokens],
        [t.end for t in tokens],
    )
    assert [(s.start, s.end) for s in sentences(text)] == reference_sentences(text)


def test_sentence_starts_are_token_indices():
    text = "قال «ميتا»: نعم!» ثم ماذا؟\nسطر 14.3 جديد."
    _, starts, _ = token_bounds(text)
    firsts = sentence_starts(text, starts)
    assert [starts[k] for k in firsts] == [s.start for s in sentences(text)]
    assert sentence_starts("", []) == []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ميتا ولأ،.؟!14.3 MetaAI\n«»ًـ\u200c😀", max_size=80))
def test_token_offsets_are_those_of_tokenize(text):
    tokens = tokenize(text)
    assert token_offsets(text) == ([t.start for t in tokens], [t.end for t in tokens])


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ميتا ولأ،.؟!14.3 MetaAI\n«»ًـ\u200c\u00a0\u2009\x1c\u200b😀", max_size=80),
    st.integers(0, 80),
    st.integers(0, 80),
)
def test_token_count_and_the_tokens_between_two_spaces_are_those_of_tokenize(text, a, b):
    tokens = tokenize(text)
    assert token_count(text) == len(tokens)
    # a stretch from after a space (or the start) to a space (or the end) holds exactly
    # the tokens of the whole text found there: tokens never hold whitespace
    cuts = [0] + [i for i, ch in enumerate(text) if ch.isspace()] + [len(text)]
    start, end = sorted((cuts[a % len(cuts)], cuts[b % len(cuts)]))
    start += start < len(text) and text[start].isspace()
    inside = [t for t in tokens if start <= t.start and t.end <= end]
    assert token_offsets(text, start, end) == ([t.start for t in inside], [t.end for t in inside])


def test_str_split_and_the_tokeniser_agree_on_every_whitespace_character():
    # token_count counts the chunks str.split makes: its whitespace must be the regex's
    space = re.compile(r"\s")
    assert all(bool(space.match(ch)) == ch.isspace() for ch in map(chr, range(sys.maxunicode + 1)))

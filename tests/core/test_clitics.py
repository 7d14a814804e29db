import pytest

from core.text.clitics import analyze, is_clitic_only, known_words
from core.text.snap import ONLY_PUNCTUATION, ONLY_WHITESPACE, snap, trim_whitespace
from core.text.tokens import tokenize
from tests.conftest import ROOT

SEEDS = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))
KNOWN = known_words(SEEDS)


def split(word, rule="standard", known=KNOWN):
    result = analyze(word, 0, len(word), rule, known)
    return result.clitics, word[result.stem_start :], result.article_elided


@pytest.mark.parametrize(
    ("word", "clitics", "stem", "elided"),
    [
        ("لميتا", ("ل",), "ميتا", False),  # seeds 001, 002, 004: "ميتا" occurs alone
        ("وأوبن", ("و",), "أوبن", False),  # seed 000: "أوبن إيه آي"
        ("بالذكاء", ("ب",), "الذكاء", False),  # the article stays with the noun
        ("وللشركة", ("و", "ل"), "لشركة", True),  # ل + (ا)لشركة: the article's alef is elided
        ("وزوكربيرج", ("و",), "زوكربيرج", False),
        ("والتركيز", ("و",), "التركيز", False),
        ("وواتساب", ("و",), "واتساب", False),  # seed 000: a word of the exceptions list
        ("ولبنان", ("و",), "لبنان", False),
    ],
)
def test_seed_words_are_split(word, clitics, stem, elided):
    assert split(word) == (clitics, stem, elided)


@pytest.mark.parametrize(
    "word",
    [
        "لبنان",
        "بريطانيا",
        "والتر",
        "واشنطن",
        "فيسبوك",
        "واتساب",
        "بلومبرغ",
        "لاما",
        "كلود",
        "وكالة",
        "بقاء",
    ],
)
def test_names_and_words_beginning_with_clitic_letters_are_not_split(word):
    assert split(word)[0] == ()


def test_without_evidence_a_stem_is_not_split():
    assert split("لكريم", known=frozenset())[0] == ()
    assert split("لكريم", known={"كريم"})[0] == ("ل",)


def test_the_lexicon_of_known_stems_is_evidence_too():
    assert split("وأوبن", known=frozenset())[0] == ("و",)
    assert split("لإنفيديا", known=frozenset())[0] == ("ل",)  # folded: hamza forms agree


def test_rules():
    assert split("كبير", rule="always")[0] == ("ك",)
    assert split("لبنان", rule="always")[0] == ()  # exceptions still hold
    assert split("بالذكاء", rule="none")[0] == ()
    with pytest.raises(ValueError, match="unknown clitic rule"):
        analyze("لميتا", 0, 5, "sometimes")


def test_diacritics_on_the_clitic_stay_with_the_clitic():
    word = "وَلِمِيتا"
    result = analyze(word, 0, len(word), known={"ميتا"})
    assert word[result.stem_start :] == "مِيتا"


def test_clitic_only_tokens():
    assert is_clitic_only("لـ") and is_clitic_only("و") and is_clitic_only("وب")
    assert not is_clitic_only("في") and not is_clitic_only("ميتا")


@pytest.mark.parametrize(
    ("selected", "expected"),
    [
        ("لميتا", "ميتا"),  # whole word selected
        ("يتا", "ميتا"),  # part of the word: grows to the token, then drops the clitic
        ("لـMeta", "Meta"),  # a clitic-only token before a Latin name
        ("مارك زوكربيرج", "مارك زوكربيرج"),
    ],
)
def test_snap_selection(selected, expected):
    text = "قال لميتا إن لـMeta ومارك زوكربيرج اتفقا"
    start = text.index(selected)
    tokens = tokenize(text)
    span = snap(text, tokens, start, start + len(selected), "standard", KNOWN).span
    assert text[span[0] : span[1]] == expected


def test_snap_selection_of_whitespace_is_nothing():
    text = "ميتا   جوجل"
    assert snap(text, tokenize(text), 5, 6).span is None
    assert snap(text, tokenize(text), 5, 6).refused == ONLY_WHITESPACE


@pytest.mark.parametrize(
    ("text", "selected", "expected"),
    [
        ("في ميتا، وجاءت", "ميتا،", "ميتا"),  # seed 003: the Arabic comma stays out
        ("نموذج «لاما» الجديد", "«لاما»", "لاما"),  # guillemets stay out
        ("أطلقت Llama 3.1 أمس", "Llama 3.1", "Llama 3.1"),  # punctuation inside stays
        ("نموذج GPT-4o الجديد", "GPT-4o", "GPT-4o"),
        ("قال أ.د. محمد", "أ.د.", "أ.د"),
        ("(ميتا)", "(ميتا)", "ميتا"),
        ("قالت «وأوبن إيه آي»:", "«وأوبن إيه آي»:", "أوبن إيه آي"),
        ("بتطوير نموذج 'Llama' مفتوح", "نموذج 'Llama'", "نموذج 'Llama'"),  # the pair kept
        ("(مختبر (ميتا) للذكاء)", "(مختبر (ميتا) للذكاء)", "مختبر (ميتا) للذكاء"),
        ("(مختبر (ميتا)", "(مختبر (ميتا)", "مختبر (ميتا)"),
    ],
)
def test_punctuation_at_the_edges_is_left_out(text, selected, expected):
    start = text.index(selected)
    span = snap(text, tokenize(text), start, start + len(selected), "standard", KNOWN).span
    assert text[span[0] : span[1]] == expected


def test_a_selection_of_punctuation_alone_tags_nothing_and_says_why():
    text = "قالت أمل. ثم"
    dot = text.index(".")
    found = snap(text, tokenize(text), dot, dot + 1, "standard", KNOWN)
    assert found.span is None and found.refused == ONLY_PUNCTUATION
    assert snap(text, tokenize(text), dot - 1, dot + 2).span == (dot - 3, dot)


def test_exact_characters_still_lose_whitespace_at_the_edges():
    text = "قال  ميتا  أمس"
    assert trim_whitespace(text, 3, 11) == (5, 9)
    assert trim_whitespace(text, 3, 5) == (5, 5)  # only whitespace: nothing

"""Property tests: whatever an annotator selects in whatever mix of Arabic and Latin text,
a snapped span never begins or ends with whitespace, nor with punctuation except a quote
or bracket pairing with one inside the span, lies within the text, and leaves a clitic
out only with evidence somewhere (the project's words or the lexicon)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.text.clitics import analyze, lexicon_stems
from core.text.fold import fold
from core.text.snap import EDGE_PUNCTUATION, OPENERS, PARTNERS, snap
from core.text.tokens import tokenize

ARABIC_WORDS = ["ميتا", "لميتا", "وأوبن", "أوبن", "بالذكاء", "الشركة", "زوكربيرج", "لاما",
                "وللشركة", "لبنان", "قال", "في", "و", "لـ", "مَارك", "ـ"]  # fmt: skip
LATIN_WORDS = ["Meta", "Llama", "3.1", "GPT-4o", "H100", "14.3", "AI", "٢٠٢٥"]
PUNCTUATION = [*sorted(EDGE_PUNCTUATION), "%", "$", "/", "#"]
SPACES = [" ", "  ", "\n", "\t", "\u00a0"]

piece = st.one_of(
    st.sampled_from(ARABIC_WORDS),
    st.sampled_from(LATIN_WORDS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(SPACES),
)
texts = st.lists(piece, min_size=1, max_size=25).map("".join)


@st.composite
def selections(draw):
    text = draw(texts)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(0, len(text)))
    known = draw(st.frozensets(st.sampled_from([fold(w) for w in ARABIC_WORDS]), max_size=4))
    rule = draw(st.sampled_from(["standard", "always", "none"]))
    return text, start, end, known, rule


@settings(max_examples=600, deadline=None)
@given(selections())
def test_a_snapped_span_never_has_punctuation_or_whitespace_at_an_edge(case):
    text, start, end, known, rule = case
    found = snap(text, tokenize(text), start, end, rule, known)
    if found.span is None:
        assert found.refused
        return
    s, e = found.span
    assert 0 <= s < e <= len(text)
    assert not text[s].isspace() and not text[e - 1].isspace()
    assert text[s] not in EDGE_PUNCTUATION or pairs_inside(text[s:e], first=True)
    assert text[e - 1] not in EDGE_PUNCTUATION or pairs_inside(text[s:e], first=False)


def pairs_inside(span, *, first):
    """The span's first (last) character is a quote or bracket whose partner is inside."""
    mark = span[0] if first else span[-1]
    partner = OPENERS.get(mark) if first else PARTNERS.get(mark)
    rest = span[1:] if first else span[:-1]
    return partner is not None and partner in rest


@settings(max_examples=600, deadline=None)
@given(selections())
def test_a_clitic_is_left_out_only_with_evidence(case):
    text, start, end, known, rule = case
    if rule != "standard":
        return
    tokens = tokenize(text)
    found = snap(text, tokens, start, end, rule, known)
    if found.span is None:
        return
    s, _ = found.span
    token = next((t for t in tokens if t.start < s < t.end), None)
    if token is None:
        return  # the span starts at a token's start: nothing was left out of a word
    split = analyze(text, token.start, token.end, rule, known)
    stem = fold(text[s : token.end])
    evidence = stem in known or stem in lexicon_stems() or stem.startswith(("ال", "ل"))
    assert split.stem_start == s and evidence

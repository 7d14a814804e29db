"""Arabic proclitics, so an entity boundary can sit after "ل" in "لميتا".

Proclitics considered: a conjunction (و, ف), then a preposition (ب, ك, ل).
The definite article ال is part of the noun and stays in the stem
("بالذكاء" -> ب + الذكاء); after ل it loses its alef ("للشركة" -> ل + لشركة,
where the stem's ل is the article: `article_elided`).

A written word starting with those letters is often a word of its own
("لبنان", "بريطانيا", "واتساب", "والتر"), so the default rule ("standard")
splits only with evidence that the rest is a word:

1. never for a word in the exceptions list (resources/lexicon), nor for a
   stem shorter than three letters (two after the article);
2. the stem begins with the article ال ("بالذكاء", "والشركة"), or "لل";
3. or the stem is a word seen on its own elsewhere: the caller passes the folded
   words of the whole project ("ميتا" alone in any document makes "لميتا" split;
   core.documents.search keeps them current) and the lexicon of known stems
   (resources/lexicon/known_stems.txt) counts too.

Rule "always" splits any proclitic letters that leave a stem of three letters
(exceptions still apply); rule "none" never splits.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import cache

from core.resources import resource_path
from core.text.fold import MARKS, fold
from core.text.tokens import ARABIC_LETTERS, tokenize

CLITIC_RULES = ("standard", "always", "none")
CONJUNCTIONS = "وف"
PREPOSITIONS = "بكل"
_ARTICLE = "ال"
_MARK_SET = frozenset(MARKS)
_FOLDED_WORD = re.compile(f"[{ARABIC_LETTERS}]+")


@dataclass(frozen=True, slots=True)
class CliticSplit:
    """Offsets are absolute (into the text the token came from)."""

    token_start: int
    token_end: int
    stem_start: int
    clitics: tuple[str, ...] = ()
    article_elided: bool = False

    @property
    def has_clitic(self) -> bool:
        return self.stem_start > self.token_start


@cache
def _lexicon(name: str) -> frozenset[str]:
    """The folded words of a list in resources/lexicon (one a line, # comments)."""
    path = resource_path("lexicon", name)
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.add(fold(line))
    return frozenset(words)


def exceptions() -> frozenset[str]:
    """Words that begin with clitic letters but are never split ("لبنان")."""
    return _lexicon("proclitic_exceptions.txt")


def lexicon_stems() -> frozenset[str]:
    """Words known to stand alone even where the project has no example."""
    return _lexicon("known_stems.txt")


def known_words(text: str) -> frozenset[str]:
    """Folded Arabic words of `text`, as evidence for `analyze`."""
    return frozenset(fold(t.text) for t in tokenize(text) if t.kind == "arabic")


def words_of(texts: Iterable[str]) -> set[str]:
    """The folded Arabic words of many texts (a corpus), as evidence for `analyze`."""
    words: set[str] = set()
    for text in texts:
        words.update(folded_words(fold(text)))
    return words


def folded_words(folded: str) -> list[str]:
    """The Arabic words of an already folded text (folding took the marks and tatweel
    away, so a word is a run of letters): the project's evidence, read fast."""
    return _FOLDED_WORD.findall(folded)


class Evidence:
    """Words seen standing alone, from several sources (`in` asks each in turn): the
    document shown and the whole project, without copying either into one set."""

    def __init__(self, *sources: Container[str]):
        self._sources = sources

    def __contains__(self, word: object) -> bool:
        return any(word in source for source in self._sources)


def _letters(token: str) -> list[int]:
    """Indexes of the token's letters (diacritics and tatweel skipped)."""
    return [i for i, ch in enumerate(token) if ch not in _MARK_SET]


def analyze(
    text: str,
    start: int,
    end: int,
    rule: str = "standard",
    known: Container[str] = frozenset(),
) -> CliticSplit:
    """Split the token text[start:end] into proclitics and stem; `known`: folded words
    seen on their own (the lexicon's stems count as well)."""
    if rule not in CLITIC_RULES:
        raise ValueError(f"unknown clitic rule {rule!r}; expected one of {CLITIC_RULES}")
    token = text[start:end]
    no_split = CliticSplit(start, end, start)
    folded_token = fold(token)
    if rule == "none" or folded_token in exceptions():
        return no_split
    letters = _letters(token)
    chars = [token[i] for i in letters]

    candidates: list[tuple[str, ...]] = []
    for conj in ("", *CONJUNCTIONS):
        for prep in ("", *PREPOSITIONS):
            if conj or prep:
                candidates.append(tuple(c for c in (conj, prep) if c))
    candidates.sort(key=len, reverse=True)  # longest accepted split wins

    for clitics in candidates:
        n = len(clitics)
        if "".join(chars[:n]) != "".join(clitics) or len(chars) - n < 2:
            continue
        stem_letters = chars[n:]
        stem_first = letters[n]
        stem = token[stem_first:]
        folded_stem = fold(stem)
        # a word of the exceptions list stands on its own: "وواتساب" is و + واتساب
        seen_alone = folded_stem in known or folded_stem in lexicon_stems()
        seen_alone = seen_alone or folded_stem in exceptions()
        elided = clitics[-1] == "ل" and stem_letters[0] == "ل" and len(stem_letters) >= 3
        has_article = "".join(stem_letters[:2]) == _ARTICLE and len(stem_letters) >= 4
        long_enough = len(stem_letters) >= 3
        if rule == "always":
            accept = long_enough
        else:
            accept = has_article or elided or (long_enough and seen_alone)
        if accept:
            return CliticSplit(start, end, start + stem_first, clitics, elided)
    return no_split


def is_clitic_only(token: str) -> bool:
    """A token that is nothing but proclitic letters (and tatweel), e.g. "لـ" or "و"."""
    letters = [ch for ch in token if ch not in _MARK_SET]
    if not letters or len(letters) > 2:
        return False
    if len(letters) == 1:
        return letters[0] in CONJUNCTIONS + PREPOSITIONS
    return letters[0] in CONJUNCTIONS and letters[1] in PREPOSITIONS

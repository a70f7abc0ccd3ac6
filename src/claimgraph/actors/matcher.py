"""Longest-match phrase matching over word tokens, for scanning many articles quickly.

Text is split into tokens (runs of letters and digits, and single punctuation marks), so a
phrase can only match whole words: "Iranian" is a token of its own and "Oman" never matches
inside "woman". Aliases live in two token tries built once per knowledge base: one compared
case-sensitively (single-word names, acronyms: "US" is not "us", "Turkey" is not "turkey")
and one compared case-insensitively (names of two or more significant words: "Islamic
Republic news Agency"). At each token the longest phrase wins (a phrase beginning with "the"
gives way to one at least as long that starts at the next word: "The Times of Israel");
blocked phrases win like any other and produce nothing ("Washington state", "the West Bank").

The rules applied after the longest match, in order (``scan``):

1. a blocked phrase is consumed silently;
2. a phrase right after a joined ``pro-``/``anti-``/``non-``/``ex-`` is skipped
   ("pro-Russian separatists" do not mention Russia);
3. after a state or organization, a role phrase extends the mention, with an optional
   possessive between them ("Russian foreign ministry", "Iran's permanent mission to the
   UN", "NATO chief"); a role phrase followed by "of" + a state works the other way round
   ("the Ministry of Foreign Affairs of Iran");
4. a guarded phrase (a capital, or a name that doubles as a personal name: "Jordan",
   "Georgia") is dropped when a capitalised name-like word stands right before or after it
   ("Michael Jordan", "Jordan Peterson", "Moscow Mayor", "Paris Agreement").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")
# Typographic apostrophes and dashes compare as ASCII; each maps one character to one, so
# offsets into the normalized text are offsets into the original.
_NORMALIZE = str.maketrans(
    {
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u0060": "'", "\u00b4": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    }
)  # fmt: skip
_ODD_CHARS = "".join(chr(code) for code in _NORMALIZE)

#: Capitalised words that may stand before a guarded name without making it part of a
#: personal name: sentence-initial function words, weekdays and months ("On Monday Moscow").
_FUNCTION_WORDS = """
    a about after against also although an and as at because before both but by despite
    during either even following for from however if in including into it its last later
    meanwhile moreover neither nevertheless next nor now of on only or over since so still
    than that the their then there these this those though through to today under unlike
    until when where whereas whether while with within without yesterday yet
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december
    """
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())

#: Prefixes that, joined by a hyphen, turn a name into an attitude ("pro-Russian").
PREFIXES = frozenset({"pro", "anti", "non", "ex", "neo", "post"})

#: Words an alias may contain without counting as significant for the case rule.
MINOR_WORDS = frozenset(
    {"the", "of", "and", "a", "an", "de", "da", "del", "di", "du", "la", "le", "al", "el"}
)


class Tokens:
    """A text's tokens: words as written and case-folded, with offsets on demand.

    Offsets and joins (whether token ``k`` touches token ``k - 1``) are computed only where a
    phrase is being checked, which is rare: most tokens start no phrase.
    """

    __slots__ = ("_found", "folds", "words")

    def __init__(self, text: str) -> None:
        for char in _ODD_CHARS:
            if char in text:
                text = text.translate(_NORMALIZE)
                break
        self._found = list(_TOKEN.finditer(text))
        self.words = [m[0] for m in self._found]
        self.folds = [w.casefold() for w in self.words]

    def __len__(self) -> int:
        return len(self.words)

    def start(self, index: int) -> int:
        return self._found[index].start()

    def end(self, index: int) -> int:
        return self._found[index].end()

    def joined(self, index: int) -> bool:
        """Token ``index`` touches the one before it (no whitespace between)."""
        found = self._found
        return index > 0 and found[index].start() == found[index - 1].end()


def phrase_words(phrase: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """The tokens of a phrase and, for each, whether it touches the one before."""
    tokens = Tokens(phrase)
    return tuple(tokens.words), tuple(tokens.joined(k) for k in range(len(tokens)))


def folds_case(words: Sequence[str]) -> bool:
    """Whether an alias is compared case-insensitively: two or more significant words."""
    significant = [w for w in words if w[0].isalnum() and w.casefold() not in MINOR_WORDS]
    return len(significant) >= 2


@dataclass(frozen=True, slots=True)
class Pattern:
    """One surface form of an alias, as the tries store it."""

    words: tuple[str, ...]
    joined: tuple[bool, ...]
    target: str  # actor key; "" for a blocked phrase
    via: str  # name | demonym | capital | alias | blocked
    ref_kind: str = ""  # "state" or "igo" when a role phrase may follow
    guarded: bool = False
    rank: int = 0  # precedence on equal length: lower wins


@dataclass(frozen=True, slots=True)
class RoleSpec:
    """A role phrase's meaning for one kind of antecedent (roles.tsv)."""

    phrase: str
    sector: str
    label: str
    offices: tuple[str, ...] = ()
    other_sectors: tuple[str, ...] = ()
    applies_to: str = "state"
    countries: frozenset[str] = frozenset()
    state_affiliation: str | None = None

    def fits(self, kind: str, key: str) -> bool:
        if self.applies_to not in (kind, "any"):
            return False
        return not self.countries or key in self.countries


@dataclass(frozen=True, slots=True)
class RolePhrase:
    words: tuple[str, ...]
    joined: tuple[bool, ...]
    specs: tuple[RoleSpec, ...]

    def spec_for(self, kind: str, key: str) -> RoleSpec | None:
        for spec in self.specs:
            if spec.fits(kind, key):
                return spec
        return None


@dataclass(slots=True)
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    patterns: list[Pattern] = field(default_factory=list)
    roles: list[RolePhrase] = field(default_factory=list)


class RawMatch(NamedTuple):
    """A match in token positions: ``pattern`` is the alias or the role's antecedent."""

    first: int
    last: int  # exclusive
    pattern: Pattern
    role: RoleSpec | None = None


def _joins_match(expected: tuple[bool, ...], tokens: Tokens, start: int) -> bool:
    return all(tokens.joined(start + k) == expected[k] for k in range(1, len(expected)))


class PhraseMatcher:
    """Token tries of aliases (two: exact and case-folded) and of role phrases."""

    def __init__(self) -> None:
        self._exact = _Node()
        self._folded = _Node()
        self._roles = _Node()
        self._any_starts: set[str] = set()
        self.size = 0

    # -- building ----------------------------------------------------------------------
    def add(self, pattern: Pattern, *, fold: bool) -> None:
        node = self._folded if fold else self._exact
        self._any_starts.add(pattern.words[0].casefold())
        for word in pattern.words:
            key = word.casefold() if fold else word
            node = node.children.setdefault(key, _Node())
        node.patterns.append(pattern)
        node.patterns.sort(key=lambda p: p.rank)
        self.size += 1

    def add_role(self, phrase: RolePhrase) -> None:
        node = self._roles
        self._any_starts.add(phrase.words[0].casefold())
        for word in phrase.words:
            node = node.children.setdefault(word.casefold(), _Node())
        node.roles.append(phrase)

    # -- matching ----------------------------------------------------------------------
    def candidates(self, tokens: Tokens, start: int) -> Iterator[Pattern]:
        """Every alias pattern that matches at ``start``, longest first."""
        found: list[tuple[int, int, Pattern]] = []
        for root, words in ((self._exact, tokens.words), (self._folded, tokens.folds)):
            node = root
            position = start
            while position < len(words):
                child = node.children.get(words[position])
                if child is None:
                    break
                node = child
                position += 1
                for pattern in node.patterns:
                    if _joins_match(pattern.joined, tokens, start):
                        found.append((position, pattern.rank, pattern))
        found.sort(key=lambda item: (-item[0], item[1]))
        for _end, _rank, pattern in found:
            yield pattern

    def longest(self, tokens: Tokens, start: int) -> Pattern | None:
        best: Pattern | None = None
        best_end = start
        for root, words in ((self._exact, tokens.words), (self._folded, tokens.folds)):
            node = root.children.get(words[start])
            position = start + 1
            while node is not None:
                for pattern in node.patterns:
                    if _joins_match(pattern.joined, tokens, start):
                        if position > best_end or (
                            position == best_end and best is not None and pattern.rank < best.rank
                        ):
                            best, best_end = pattern, position
                        break
                if position >= len(words):
                    break
                node = node.children.get(words[position])
                position += 1
        return best

    def role_at(self, tokens: Tokens, start: int) -> tuple[int, RolePhrase] | None:
        """The longest role phrase starting at ``start``: (end, phrase)."""
        folds = tokens.folds
        node = self._roles.children.get(folds[start]) if start < len(folds) else None
        position = start + 1
        best: tuple[int, RolePhrase] | None = None
        while node is not None:
            for phrase in node.roles:
                if _joins_match(phrase.joined, tokens, start):
                    best = (position, phrase)
                    break
            if position >= len(folds):
                break
            node = node.children.get(folds[position])
            position += 1
        return best

    def role_after(self, tokens: Tokens, end: int, ref: Pattern) -> tuple[int, RoleSpec] | None:
        """A role phrase following ``ref`` (which ends at ``end``), with an optional "'s"."""
        position = end
        words = tokens.words
        if (
            position + 1 < len(words)
            and words[position] == "'"
            and tokens.folds[position + 1] == "s"
            and tokens.joined(position)
            and tokens.joined(position + 1)
        ):
            position += 2
        if position >= len(words) or tokens.joined(position):
            return None
        found = self.role_at(tokens, position)
        if found is None:
            return None
        role_end, phrase = found
        spec = phrase.spec_for(ref.ref_kind, ref.target)
        return None if spec is None else (role_end, spec)

    def role_of(self, tokens: Tokens, start: int) -> RawMatch | None:
        """A role phrase, "of", an optional "the" and a state, starting at ``start``."""
        found = self.role_at(tokens, start)
        if found is None:
            return None
        position, phrase = found
        folds = tokens.folds
        if position >= len(folds) or folds[position] != "of":
            return None
        position += 1
        if position < len(folds) and folds[position] == "the":
            position += 1
        if position >= len(folds):
            return None
        for ref in self.candidates(tokens, position):
            if ref.ref_kind and ref.via in ("name", "alias"):
                spec = phrase.spec_for(ref.ref_kind, ref.target)
                if spec is not None:
                    return RawMatch(start, position + len(ref.words), ref, spec)
        return None

    # -- scanning ----------------------------------------------------------------------
    def scan(self, tokens: Tokens) -> list[RawMatch]:
        """Non-overlapping matches, left to right, after the rules of the module docstring."""
        matches: list[RawMatch] = []
        count = len(tokens)
        role_starts = self._roles.children
        any_starts = self._any_starts
        folds = tokens.folds
        position = 0
        while position < count:
            # Most tokens start no phrase at all: skip them with one set lookup.
            fold = folds[position]
            if fold not in any_starts:
                position += 1
                continue
            pattern = self.longest(tokens, position)
            if (
                pattern is not None
                and fold == "the"
                and self._longer_after_the(tokens, position, len(pattern.words))
            ):
                # "The Times of Israel": "Times of Israel" beats "The Times".
                position += 1
                continue
            role_first = self.role_of(tokens, position) if fold in role_starts else None
            end = position + len(pattern.words) if pattern is not None else position
            if role_first is not None and role_first.last > end:
                matches.append(role_first)
                position = role_first.last
                continue
            if pattern is None:
                position += 1
                continue
            if pattern.via == "blocked" or self._after_prefix(tokens, position):
                position = end
                continue
            if pattern.ref_kind:
                extended = self.role_after(tokens, end, pattern)
                if extended is not None:
                    matches.append(RawMatch(position, extended[0], pattern, extended[1]))
                    position = extended[0]
                    continue
            if pattern.guarded and self._name_neighbour(tokens, position, end):
                position += 1
                continue
            matches.append(RawMatch(position, end, pattern))
            position = end
        return matches

    def _longer_after_the(self, tokens: Tokens, position: int, length: int) -> bool:
        following = self.longest(tokens, position + 1) if position + 1 < len(tokens) else None
        return following is not None and len(following.words) >= length

    @staticmethod
    def _after_prefix(tokens: Tokens, start: int) -> bool:
        return (
            start >= 2
            and tokens.joined(start)
            and tokens.words[start - 1] == "-"
            and tokens.joined(start - 1)
            and tokens.folds[start - 2] in PREFIXES
        )

    @staticmethod
    def _name_neighbour(tokens: Tokens, start: int, end: int) -> bool:
        def name_like(word: str) -> bool:
            return (
                len(word) > 1
                and word[0].isupper()
                and word.isalpha()
                and not word.isupper()
                and word.casefold() not in FUNCTION_WORDS
            )

        if start > 0 and not tokens.joined(start) and name_like(tokens.words[start - 1]):
            return True
        return end < len(tokens) and not tokens.joined(end) and name_like(tokens.words[end])

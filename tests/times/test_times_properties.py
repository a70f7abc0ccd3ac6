"""Property tests: whatever the text and anchor, offsets are exact and nothing raises."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.times import find_times, normalize

# Words and marks the rules react to, so that random texts reach deep into the resolvers.
_WORDS = (
    "last next this past coming the a an on in since until by ago earlier later before after "
    "from now week weekend month year quarter decade century day days weeks months years "
    "hours minutes morning night tonight today yesterday tomorrow Monday Tuesday Friday "
    "Sunday Jan. January March May Sept. October December spring summer fall winter "
    "Christmas Easter Thanksgiving third-quarter year-earlier fiscal first second half "
    "early late mid- mid end of every each daily annually recent recently current currently "
    "future several few two three twenty-four 1 5 12 21 31 1990 1990s '80s 2014 2022 "
    "10:35 a.m. p.m. noon EST GMT 11/22/2022 2022-11-22 22.11.2022 , . ; '' `` \" - $ %"
)
VOCABULARY = tuple(_WORDS.split())

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(VOCABULARY), st.text(max_size=6)), max_size=40).map(
        " ".join
    ),
    st.lists(st.sampled_from(VOCABULARY), max_size=60).map(" ".join),
)
anchors = st.one_of(st.none(), st.dates(min_value=date(1601, 1, 1), max_value=date(2099, 12, 31)))


@settings(max_examples=400, deadline=None)
@given(text=texts, anchor=anchors)
def test_offsets_are_exact_and_nothing_raises(text: str, anchor: date | None) -> None:
    found = find_times(text, anchor=anchor)
    for t in found:
        assert t.text == text[t.start : t.end]
        assert 0 <= t.start < t.end <= len(text)
        assert t.kind in ("date", "time", "duration", "set", "ref")
        assert t.value is None or isinstance(t.value, str)
    # in reading order, without overlaps
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@settings(max_examples=200, deadline=None)
@given(text=texts, anchor=anchors)
def test_each_expression_normalizes_alone_without_error(text: str, anchor: date | None) -> None:
    for t in find_times(text, anchor=anchor):
        normalize(t.text, anchor)  # no exception, whatever was cut out

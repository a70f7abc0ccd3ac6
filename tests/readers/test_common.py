"""Helpers every reader uses (claimgraph.readers.common)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.readers.common import clean_body

CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", " ", "\n", "\t", "\x00", "\x0b", "\x1f", "\x7f", "é", "\ud800"])
        | st.characters(),
        max_size=50,
    ).map("".join)
)
def test_clean_body_drops_control_characters_and_trims(text: str) -> None:
    assert clean_body(text) == CONTROL.sub("", text).strip()

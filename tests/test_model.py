"""The Article and Rejection records and the content id."""

from __future__ import annotations

import dataclasses
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.model import ID_HEX_CHARS, Article, Dateline, Rejection, article_id, normalize_body

CONTRACT_ARTICLE_KEYS = [
    "id",
    "source_path",
    "body_offset",
    "url",
    "outlet",
    "published",
    "title",
    "byline",
    "dateline",
]

# (a, b, same id?)
IDS = [
    ("Iran requested a meeting.", "Iran requested a meeting.", True),
    ("Iran requested a meeting.", "  Iran   requested\na meeting.\n", True),
    ("Iran requested\r\n\r\na meeting.", "Iran requested a meeting.", True),
    ("Nause\u0301da", "Naus\u00e9da", True),  # NFD and NFC spellings
    ("Iran requested a meeting.", "Iran requested a meeting!", False),
    ("Iran requested a meeting.", "iran requested a meeting.", False),
    ("Iran requested a meeting.", "Iran requested a meetings.", False),
]


@pytest.mark.parametrize(("a", "b", "same"), IDS)
def test_article_id_is_stable_under_layout_changes_only(a: str, b: str, same: bool) -> None:
    assert (article_id(a) == article_id(b)) is same
    assert Article(text=a).id == article_id(a)


def test_article_id_shape() -> None:
    value = article_id("text")
    assert len(value) == ID_HEX_CHARS
    assert int(value, 16) >= 0
    assert normalize_body("  a \t b\n") == "a b"


def reference_normalize(text: str) -> str:
    """The definition the ids were first computed by (NFC, whitespace runs collapsed)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


WHITESPACE = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()]
# Text made mostly of words, newlines and spaces (the fast path), with every other
# whitespace character, combining marks and controls mixed in.
bodies = st.lists(
    st.sampled_from(["a", "Z", "é", "e\u0301", "’", "\n", "\n\n", " ", "  "])
    | st.sampled_from(WHITESPACE)
    | st.characters(),
    max_size=60,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(bodies)
def test_normalize_body_equals_its_definition(text: str) -> None:
    assert normalize_body(text) == reference_normalize(text)


def test_the_fast_path_premise_holds_for_all_of_unicode() -> None:
    """normalize_body's fast path relies on this: no whitespace but " " is printable."""
    assert [c for c in WHITESPACE if c != " " and c.isprintable()] == []


@pytest.mark.parametrize(
    "text",
    [
        "One.\nTwo.",
        "\nOne.\n\nTwo.\n",
        "One. \nTwo.",
        "One.\u00a0Two.",
        "One.\u2028Two.",
        "One.\tTwo.",
        "One.\x1cTwo.",
        "",
        "\n\n",
    ],
)
def test_normalize_body_on_both_paths(text: str) -> None:
    assert normalize_body(text) == reference_normalize(text)


def test_to_dict_follows_the_contract() -> None:
    article = Article(
        text="Iran's permanent mission ...",
        source_path="seed.txt",
        body_offset=244,
        outlet="UrduPoint.com",
        published="2022-11-22T15:30",
        title="Iran Requests Expert Meeting",
        byline="Fahad Shabbir",
        dateline=Dateline("MOSCOW", ("UrduPoint News", "Sputnik"), "2022-11-22"),
    )
    data = article.to_dict()
    assert list(data)[: len(CONTRACT_ARTICLE_KEYS)] == CONTRACT_ARTICLE_KEYS
    assert list(data)[-1] == "text"
    assert data["id"] == article.id
    assert data["dateline"] == {
        "place": "MOSCOW",
        "credits": ["UrduPoint News", "Sputnik"],
        "date": "2022-11-22",
    }
    assert data["url"] is None and data["encoding"] is None
    assert Article(text="x").to_dict()["dateline"] is None


# (article fields, defaults given, expected changed fields)
DEFAULTS = [
    ({}, {"outlet": "Kremlin"}, {"outlet": "Kremlin"}),
    ({"outlet": "Reuters"}, {"outlet": "Kremlin"}, {}),
    ({}, {"outlet": None}, {}),
    ({"title": "T"}, {"title": "X", "byline": "B"}, {"byline": "B"}),
]


@pytest.mark.parametrize(("fields", "defaults", "changed"), DEFAULTS)
def test_with_defaults_fills_only_unknown_fields(
    fields: dict[str, str], defaults: dict[str, str | None], changed: dict[str, str]
) -> None:
    article = Article(text="body", **fields)  # type: ignore[arg-type]
    result = article.with_defaults(**defaults)
    for field in dataclasses.fields(Article):
        expected = changed.get(field.name, getattr(article, field.name))
        assert getattr(result, field.name) == expected


# (rejection, str, is_error)
REJECTIONS = [
    (
        Rejection("a.jsonl", "invalid JSON", record=3, code="E112"),
        "a.jsonl:3: [E112] invalid JSON",
        True,
    ),
    (
        Rejection("a.txt", "no body text", code="S101", level="skip"),
        "a.txt: [S101] no body text",
        False,
    ),
    (Rejection("x", "why"), "x: [E100] why", True),
]


@pytest.mark.parametrize(("rejection", "text", "is_error"), REJECTIONS)
def test_rejection_str_and_level(rejection: Rejection, text: str, is_error: bool) -> None:
    assert str(rejection) == text
    assert rejection.is_error is is_error


def test_records_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Article(text="x").text = "y"  # type: ignore[misc]

"""The Article and Rejection records and the content id."""

from __future__ import annotations

import dataclasses

import pytest

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

"""The Python API: ``claimgraph.extract`` / ``extract_many`` and the ``Extractor`` behind them.

The default extractor (one pipeline, made on first use) is shared by every test here.
"""

from __future__ import annotations

from typing import Any

import pytest

import claimgraph
from claimgraph.errors import InputError
from claimgraph.extractor import Extractor, as_article, default_extractor, extract_many
from claimgraph.model import Article

DENIAL = "Tehran denied the report on Tuesday."


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


def test_extract_a_string(extractor: Extractor) -> None:
    document = claimgraph.extract(DENIAL, published="2022-11-22")
    assert document["schema"] == "claimgraph.document/1"
    article = document["article"]
    assert (article["text"], article["published"], article["body_offset"]) == (
        DENIAL,
        "2022-11-22",
        0,
    )
    assert article["source_path"] is None
    (denial,) = document["attributions"]
    assert denial["source"]["text"] == "Tehran"
    assert denial["source"]["actor"]["code"] == "IRN"  # the docstring's example
    assert (denial["cue"]["text"], denial["content"]["text"]) == ("denied", "the report")
    assert denial["stance"] == "deny"
    assert denial["time"] == {"text": "Tuesday", "value": "2022-11-22", "granularity": "day"}


def test_published_anchors_relative_times(extractor: Extractor) -> None:
    anchored = claimgraph.extract(DENIAL, published="2022-11-22T15:30")
    assert anchored["article"]["published"] == "2022-11-22T15:30"
    assert [t["value"] for t in anchored["times"]] == ["2022-11-22"]
    unanchored = claimgraph.extract(DENIAL)
    assert unanchored["article"]["published"] is None
    (time,) = unanchored["times"]
    assert time["value"] != "2022-11-22"  # no date is invented without an anchor
    assert time["anchor"] is None


def test_published_is_normalised() -> None:
    assert as_article("x", published="November 22, 2022").published == "2022-11-22"
    assert as_article("x").published is None


def test_extract_an_article_keeps_its_fields(extractor: Extractor) -> None:
    article = Article(text=DENIAL, outlet="IRNA", published="2022-11-21", source_path="a.txt")
    document = claimgraph.extract(article)
    assert document["article"]["outlet"] == "IRNA"
    assert document["article"]["published"] == "2022-11-21"
    assert document["article"]["id"] == article.id
    # published= overrides what the article says
    assert claimgraph.extract(article, published="2022-11-22")["article"]["published"] == (
        "2022-11-22"
    )


@pytest.mark.parametrize("bad", ["not a date", "", "2022-13-45", "22/11/2022"])
def test_bad_published_raises_input_error(bad: str) -> None:
    with pytest.raises(InputError, match="is not a date"):
        claimgraph.extract(DENIAL, published=bad)


def test_bad_published_raises_in_extract_many() -> None:
    with pytest.raises(InputError, match="is not a date"):
        list(claimgraph.extract_many([DENIAL], published="soon"))


def test_not_a_text_raises_input_error() -> None:
    with pytest.raises(InputError, match="expected str or Article, got int"):
        claimgraph.extract(42)  # type: ignore[arg-type]


def test_extract_many_keeps_input_order(extractor: Extractor) -> None:
    texts = [f"Official number {n} said the talks failed." for n in range(7)]
    texts.insert(3, Article(text="Moscow denied the allegations.", outlet="TASS"))  # type: ignore[arg-type]
    documents = list(claimgraph.extract_many(texts, published="2022-11-22"))
    expected = [t if isinstance(t, str) else t.text for t in texts]
    assert [d["article"]["text"] for d in documents] == expected
    assert documents[3]["article"]["outlet"] == "TASS"
    assert all(d["article"]["published"] == "2022-11-22" for d in documents)


@pytest.mark.parametrize("batch_size", [1, 2, 3, 32])
def test_extract_many_batches_change_nothing(extractor: Extractor, batch_size: int) -> None:
    texts = [DENIAL, "The minister said that Iran is ready.", "", "Pence: We will win."]
    batched = list(extractor.extract_many(map(Article, texts), batch_size=batch_size))
    one_by_one = [extractor.extract(Article(t)) for t in texts]
    assert _without_volatile(batched) == _without_volatile(one_by_one)


def test_extract_many_is_lazy(extractor: Extractor) -> None:
    def texts() -> Any:
        yield DENIAL
        raise AssertionError("read past the first batch")

    documents = extract_many(texts(), batch_size=1)
    assert next(iter(documents))["article"]["text"] == DENIAL


def test_empty_text(extractor: Extractor) -> None:
    document = claimgraph.extract("")
    assert document["article"]["text"] == ""
    assert document["entities"] == document["times"] == document["attributions"] == []


def test_default_extractor_is_made_once() -> None:
    assert default_extractor() is default_extractor()


def _without_volatile(documents: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in d.items() if k != "article"} for d in documents]


def test_the_dateline_codes_generic_groups(extractor: Extractor) -> None:
    # the sentence names no country: only the dateline's place says whose police
    from claimgraph.model import Dateline

    text = "Police arrested dozens of students on Monday."
    bare = extractor.extract(Article(text=text, published="2022-11-22"))
    placed = extractor.extract(
        Article(text=text, published="2022-11-22", dateline=Dateline("TEHRAN", (), None))
    )
    assert not any(p.get("inferred") for e in bare["events"] for p in e["actor"])
    [event] = [e for e in placed["events"] if e["actor"]]
    assert [(p["code"], p["sector"], p.get("inferred")) for p in event["actor"]] == [
        ("IRN", "COP", "dateline")
    ]

"""Golden sentences from the bundled press releases (examples/press, CC BY 4.0): what the
extraction must find in each, and what it must not.

Each row: the sentence (verbatim from the release), its publication date, then the
expected attribution by cue (source text, source actor code, stance, a piece of the
content), or ``None`` where no attribution may be found with that cue.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimgraph.extractor import Extractor
from claimgraph.model import Article

PRESS = Path(__file__).resolve().parents[2] / "examples" / "press" / "kremlin_zelenskyy_2022.jsonl"

# (sentence, published, cue, expected) with expected = (source, code, stance, content) or None
GOLDEN: list[tuple[str, str, str, tuple[str | None, str | None, str, str] | None]] = [
    (
        'Volodymyr Zelenskyy stated that any accusations against our state of shelling the temporarily occupied territories are provocations and "pure lies".',
        "2022-02-19",
        "stated",
        ("Volodymyr Zelenskyy", "UKR", "assert", 'provocations and "pure lies"'),
    ),
    (
        "He called on international partners to increase assistance to our country.",
        "2022-02-19",
        "called on",
        ("He", None, "request", "international partners to increase assistance"),
    ),
    (
        "The Russian president urged the EU to make a real contribution to saving lives, to put pressure on the Kiev authorities and make them respect humanitarian law.",
        "2022-03-07",
        "urged",
        ("The Russian president", "RUS", "request", "the EU to make a real contribution"),
    ),
    (
        "Also, according to Volodymyr Zelenskyy, the country has sufficient reserves of gas and coal.",
        "2022-02-01",
        "according to",
        ("Volodymyr Zelenskyy", "UKR", "assert", "the country has sufficient reserves"),
    ),
    (
        "Boris Johnson said that his country is willing to help Ukraine in demining territories.",
        "2022-04-09",
        "said",
        ("Boris Johnson", "GBR", "assert", "willing to help Ukraine"),
    ),
    (
        "Vladimir Putin said that this practice is very important, and that all Russian regions should follow this example.",
        "2022-03-21",
        "said",
        ("Vladimir Putin", "RUS", "assert", "this practice is very important"),
    ),
    (
        "Russian state propagandists have long said that Moldova is also a target for Russian expansion.",
        "2022-04-04",
        "said",
        ("Russian state propagandists", "RUS", "assert", "Moldova is also a target"),
    ),
    (
        'It is said that "de-Ukrainization" and "de-Europeanization" of Ukraine should be carried out.',
        "2022-04-04",
        "said",
        (None, None, "assert", "should be carried out"),
    ),
    # "according to" that names no source
    (
        "For Ukrainians, independence and the right to live on their land according to their will is the highest value.",
        "2022-02-24",
        "according to",
        None,
    ),
    (
        "He emphasised that the special operation was proceeding according to plan and within the agreed timeframe.",
        "2022-03-06",
        "according to",
        None,
    ),
]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def test_golden_sentences_are_verbatim_from_the_bundled_corpus() -> None:
    bodies = [json.loads(line)["text"] for line in PRESS.read_text(encoding="utf-8").splitlines()]
    missing = [s for s, *_ in GOLDEN if not any(s in body for body in bodies)]
    assert missing == []


def _find(document: dict[str, Any], cue: str) -> list[dict[str, Any]]:
    return [a for a in document["attributions"] if cue in a["cue"]["text"].lower()]


@pytest.mark.parametrize(
    ("sentence", "published", "cue", "expected"), GOLDEN, ids=[g[0][:40] for g in GOLDEN]
)
def test_golden_sentence(
    extractor: Extractor,
    sentence: str,
    published: str,
    cue: str,
    expected: tuple[str | None, str | None, str, str] | None,
) -> None:
    document = extractor.extract(Article(text=sentence, published=published))
    found = _find(document, cue)
    if expected is None:
        assert found == [], f"no attribution may be found with cue {cue!r}"
        return
    source, code, stance, content = expected
    assert len(found) == 1, [a["cue"]["text"] for a in document["attributions"]]
    (a,) = found
    if source is None:
        assert a["source"] is None
    else:
        assert a["source"]["text"] == source
        assert (a["source"]["actor"] or {}).get("code") == code
    assert a["stance"] == stance
    assert content in a["content"]["text"]

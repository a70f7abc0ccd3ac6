"""Matching predictions against ``claimgraph.expectations/1`` files (``seed/*.gold.json``).

The format's own rule: text expectations match case-insensitively as substrings of the
predicted value; a list means any one of them. Only what is listed is checked. This module
checks the ``article`` part; the extraction layers add their parts as they land.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from claimgraph.model import Article

FORMAT = "claimgraph.expectations/1"

# Expectation key -> how to get the predicted value from an Article.
ARTICLE_FIELDS: dict[str, Any] = {
    "outlet": lambda a: a.outlet,
    "published": lambda a: a.published,
    "title": lambda a: a.title,
    "byline": lambda a: a.byline,
    "dateline_place": lambda a: a.dateline.place if a.dateline else None,
    "dateline_credits": lambda a: list(a.dateline.credits) if a.dateline else [],
}


class Check(NamedTuple):
    part: str
    key: str
    expected: Any
    predicted: Any
    ok: bool


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    if data.get("format") != FORMAT:
        raise ValueError(f"{path}: not a {FORMAT} file (format={data.get('format')!r})")
    return data


def text_matches(expected: str | list[str], predicted: Any) -> bool:
    """Any expected alternative is a case-insensitive substring of (one of) the prediction(s)."""
    alternatives = [expected] if isinstance(expected, str) else list(expected)
    values = predicted if isinstance(predicted, list) else [predicted]
    return any(
        isinstance(v, str) and alt.lower() in v.lower() for alt in alternatives for v in values
    )


def check_article(expected: Mapping[str, Any], article: Article) -> list[Check]:
    checks = []
    for key, wanted in expected.items():
        getter = ARTICLE_FIELDS.get(key)
        if getter is None:
            continue
        predicted = getter(article)
        if key == "published":
            ok = isinstance(predicted, str) and predicted.startswith(str(wanted))
        elif key == "dateline_credits":
            ok = all(
                text_matches(w, predicted)
                for w in ([wanted] if isinstance(wanted, str) else wanted)
            )
        else:
            ok = text_matches(wanted, predicted)
        checks.append(Check("article", key, wanted, predicted, ok))
    return checks

"""Matching predictions against ``claimgraph.expectations/1`` files (``seed/*.gold.json``).

The format's own rule: text expectations match case-insensitively as substrings of the
predicted value; a list means any one of them. Only what is listed is checked. Parts:
``article`` (header fields), ``entities``, ``times`` and ``attributions`` (against a
``claimgraph.document/1`` object), and ``claims``. ``events`` and ``forbidden_events`` are
checked by the event layer's evaluation.
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


def _any_value(expected: Any, predicted: Any) -> bool:
    alternatives = expected if isinstance(expected, list) else [expected]
    return predicted in alternatives


def _entity_ok(want: Mapping[str, Any], entity: Mapping[str, Any]) -> bool:
    actor = entity.get("actor") or {}
    return text_matches(want["text"], entity.get("text")) and (
        "code" not in want or actor.get("code") == want["code"]
    )


def check_entities(expected: list[Mapping[str, Any]], document: Mapping[str, Any]) -> list[Check]:
    found = document.get("entities", [])
    checks = []
    for want in expected:
        hits = [e for e in found if _entity_ok(want, e)]
        predicted = [
            (e["text"], (e.get("actor") or {}).get("code"))
            for e in found
            if text_matches(want["text"], e.get("text"))
        ]
        checks.append(Check("entities", want["text"], want, predicted, bool(hits)))
    return checks


def check_times(expected: list[Mapping[str, Any]], document: Mapping[str, Any]) -> list[Check]:
    found = document.get("times", [])
    checks = []
    for want in expected:
        candidates = [t for t in found if text_matches(want["text"], t.get("text"))]
        ok = any(
            "value" not in want or _any_value(want["value"], t.get("value")) for t in candidates
        )
        checks.append(
            Check(
                "times", want["text"], want, [(t["text"], t.get("value")) for t in candidates], ok
            )
        )
    return checks


def _attribution_ok(
    want: Mapping[str, Any], a: Mapping[str, Any], by_id: Mapping[str, Mapping[str, Any]]
) -> bool:
    for role in ("source", "cue", "content"):
        if role in want:
            span = a.get(role) or {}
            if not text_matches(want[role], span.get("text")):
                return False
    for key in ("stance", "kind"):
        if key in want and not _any_value(want[key], a.get(key)):
            return False
    if "time" in want and not _any_value(want["time"], (a.get("time") or {}).get("value")):
        return False
    if "cites" in want:
        cited_sources = [
            ((by_id.get(c) or {}).get("source") or {}).get("text") for c in a.get("cites", [])
        ]
        if not all(text_matches(w, cited_sources) for w in want["cites"]):
            return False
    return True


def check_attributions(
    expected: list[Mapping[str, Any]], document: Mapping[str, Any]
) -> list[Check]:
    found = document.get("attributions", [])
    by_id = {a["id"]: a for a in found}
    checks = []
    for want in expected:
        hits = [a for a in found if _attribution_ok(want, a, by_id)]
        label = f"{want.get('source')} / {want.get('cue')}"
        near = [
            {
                k: (a.get(k) or {}).get("text") if k in ("source", "cue", "content") else a.get(k)
                for k in ("source", "cue", "content", "stance", "kind", "cites")
            }
            for a in found
            if "cue" in want and text_matches(want["cue"], (a.get("cue") or {}).get("text"))
        ]
        checks.append(Check("attributions", label, want, near, bool(hits)))
    return checks


def _claim_words(claim: Mapping[str, Any]) -> list[str]:
    """What a claim's ``about`` terms are matched against: its text, terms and actor names."""
    values = [claim.get("text") or "", *(claim.get("terms") or [])]
    for role in ("subject", "object"):
        actor = claim.get(role) or {}
        values += [actor.get("name") or "", actor.get("code") or ""]
    return values


def _claim_ok(want: Mapping[str, Any], claim: Mapping[str, Any]) -> bool:
    words = _claim_words(claim)
    if "about" in want and not text_matches(want["about"], words):
        return False
    if any(not text_matches(term, words) for term in want.get("about_all", [])):
        return False
    holders = {
        ((h.get("actor") or {}).get("code"), h.get("stance")) for h in claim.get("holders", [])
    }
    if any((h["code"], h["stance"]) not in holders for h in want.get("holders", [])):
        return False
    return "evidence" not in want or claim.get("evidence") in want["evidence"]


def check_claims(expected: list[Mapping[str, Any]], document: Mapping[str, Any]) -> list[Check]:
    """Each expected claim is met by one predicted claim: ``about`` (any term) and
    ``about_all`` (every term) in its text, terms or actors; every listed holder with its
    stance; ``evidence`` one of the listed statuses."""
    checks = []
    claims = document.get("claims", [])
    for n, want in enumerate(expected):
        hits = [c for c in claims if _claim_ok(want, c)]
        near = [
            c.get("text") for c in claims if text_matches(want.get("about", []), _claim_words(c))
        ]
        checks.append(
            Check("claims", str(n), want, hits[0].get("text") if hits else near, bool(hits))
        )
    return checks


def check_document(
    gold: Mapping[str, Any], document: Mapping[str, Any], article: Article
) -> list[Check]:
    """Every check of the parts claimgraph predicts so far."""
    return (
        check_article(gold.get("article", {}), article)
        + check_entities(gold.get("entities", []), document)
        + check_times(gold.get("times", []), document)
        + check_attributions(gold.get("attributions", []), document)
        + check_claims(gold.get("claims", []), document)
    )

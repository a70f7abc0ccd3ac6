"""Thread rules: the actor signature, the date window and MinHash similarity."""

from __future__ import annotations

from datetime import date
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.claims import threads


def claim(
    text: str, subject: str | None = "IRN", obj: str | None = "RUS", **kw: Any
) -> dict[str, Any]:
    return {
        "text": text,
        "subject": {"code": subject, "name": subject} if subject else None,
        "object": {"code": obj, "name": obj} if obj else None,
        "predicate": kw.get("predicate", "supply"),
        "terms": kw.get("terms", ["drone"]),
    }


def test_a_claim_without_any_coded_actor_is_not_threaded() -> None:
    assert threads.thread_key(claim("they said so", subject=None, obj=None)) is None
    assert threads.thread_key(claim("Iran supplies drones", obj=None)) is not None


def test_paraphrases_match_and_other_claims_do_not() -> None:
    a = threads.thread_key(claim("Iran supplied combat drones to Russia for the war"))
    b = threads.thread_key(claim("Iran has been supplying Russia with combat drones"))
    c = threads.thread_key(
        claim("Iran trains Russian pilots at an air base", predicate="train", terms=["pilot"])
    )
    assert a is not None and b is not None and c is not None
    match = threads.best_match(b, [c.signature, a.signature])
    assert match is not None and match[0] == 1
    assert threads.best_match(c, [a.signature]) is None
    assert threads.best_match(a, []) is None


def test_window() -> None:
    assert threads.in_window("2022-11-22", "2023-06-01")
    assert not threads.in_window("2022-01-01", "2023-06-01")
    assert threads.in_window(None, "2023-06-01")
    assert threads.in_window("2022-01-01", None)


def test_thread_ids_are_stable_and_distinct() -> None:
    assert threads.thread_id("a1", "c0") == threads.thread_id("a1", "c0")
    assert threads.thread_id("a1", "c0") != threads.thread_id("a1", "c1")
    assert len(threads.thread_id("a1", "c0")) == 16


def test_balance_counts_stances() -> None:
    assert threads.balance(["assert", "deny", "assert"]) == {"assert": 2, "deny": 1}


@given(st.text(min_size=1, max_size=200))
def test_a_claim_always_matches_itself(text: str) -> None:
    key = threads.thread_key(claim(text))
    assert key is not None
    assert threads.best_match(key, [key.signature]) == (0, 1.0)


def test_canonical_predicates_and_meta_words() -> None:
    assert threads.canonical("sent") == "sent"  # surface forms are not lemmatized here
    assert threads.canonical("send") == "supply"
    assert threads.canonical("Deliveries".lower().rstrip("s").replace("ie", "y")) == "supply"
    assert threads.canonical("allegation") is None
    assert threads.canonical("drone") == "drone"


def test_nominalized_and_verbal_reports_share_shingles() -> None:
    verbal = claim("allegations that Iran sent drones to Russia", predicate="send",
                   terms=["allegation", "drone"])  # fmt: skip
    nominal = claim("Iran's drone deliveries to Russia", predicate="be",
                    terms=["drone", "delivery"])  # fmt: skip
    assert "allegation" not in threads.shingles(verbal)
    assert {"supply", "drone"} <= threads.shingles(verbal) & threads.shingles(nominal)


_DAYS = st.one_of(
    st.none(),
    st.just(""),
    st.just("not a day"),
    st.dates(min_value=date(2020, 1, 1)).map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),
)


@given(st.lists(_DAYS, min_size=1, max_size=8), _DAYS)
def test_choose_opens_exactly_the_threads_in_window(
    seen: list[str | None], day: str | None
) -> None:
    # every candidate is as similar as can be: the first one rule 2 leaves open wins
    key = threads.ThreadKey("IRN", "RUS", threads.minhash({"drones", "supply"}))
    candidates = [threads.Candidate(f"t{n}", key.signature, s) for n, s in enumerate(seen)]
    expected = next((c.id for c in candidates if threads.in_window(c.last_seen, day)), None)
    assert threads.choose(key, candidates, day) == expected

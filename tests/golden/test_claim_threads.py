"""Golden threads: real articles on one story build the threads an analyst expects.

1. The bundled press releases (both presidencies, 2022): Zelenskyy's repeated calls for
   sanctions against Russia are one thread over months.
2. Tehran Times, 2022-23, every article on drones, Russia and Ukraine (``../shared``): the
   claim that Iran supplies drones to Russia is one large thread that Western sources assert
   and Iranian ones deny, and the same articles' other claims stay in threads of their own.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimgraph.extractor import Extractor, default_extractor
from claimgraph.ingest import ingest
from claimgraph.readers import ReadOptions
from claimgraph.store import Store

PRESS = Path(__file__).parents[2] / "examples" / "press" / "kremlin_zelenskyy_2022.jsonl"
STORY_WORDS = ("drone", "russia", "ukrain")


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_extractor()


def signature(thread: dict[str, Any]) -> tuple[Any, Any, Any]:
    return (
        (thread["subject"] or {}).get("code"),
        thread["predicate"],
        (thread["object"] or {}).get("code"),
    )


def _consistent(store: Store) -> None:
    """Every claim of a thread has the thread's actor signature."""
    rows = store.conn.execute(
        "SELECT COUNT(*) FROM claims c JOIN threads t ON t.id = c.thread_id "
        "WHERE c.subject_code IS NOT t.subject_code OR c.object_code IS NOT t.object_code"
    )
    assert rows.fetchone()[0] == 0


@pytest.fixture(scope="module")
def press_store(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Iterator[Store]:
    with Store(tmp_path_factory.mktemp("press") / "press.db") as store:
        ingest([str(PRESS)], store, extractor=extractor)
        yield store


def test_sanctions_calls_are_one_thread(press_store: Store) -> None:
    threads = press_store.threads(actor="RUS", about="sanctions", min_articles=3)
    sanction = [t for t in threads if t["predicate"] in ("sanction", "strengthen", "intensify")]
    assert sanction, [signature(t) for t in threads]
    thread = sanction[0]
    # Zelenskyy's calls, week after week (a Kremlin readout of Biden speaking "of the
    # possibility of harsh sanctions against Russia" is about the same sanctions, and may join)
    outlets = [a["outlet"] for a in thread["articles"]]
    assert outlets.count("President of Ukraine") >= 3
    days = [a["published"] for a in thread["articles"]]
    assert days == sorted(days) and days[0] < days[-1]  # a timeline, over weeks
    _consistent(press_store)


@pytest.mark.shared
@pytest.mark.slow
def test_drone_supply_thread_in_tehran_times(
    shared_data: Path, tmp_path: Path, extractor: Extractor
) -> None:
    folder = shared_data / "corpora" / "tehran_times_2022_2023" / "data"
    story = sorted(
        p
        for p in folder.glob("*.txt")
        if all(w in p.read_text(encoding="utf-8", errors="replace").lower() for w in STORY_WORDS)
    )
    assert len(story) > 50
    with Store(tmp_path / "tt.db") as store:
        ingest(
            [str(p) for p in story],
            store,
            ReadOptions(defaults={"outlet": "Tehran Times"}),
            extractor=extractor,
        )
        _consistent(store)
        top = [t for t in store.threads(actor="IRN", limit=20) if len(t["articles"]) >= 10]
        supply = [t for t in top if signature(t) == ("IRN", "supply", "RUS")]
        assert supply, [signature(t) for t in top]
        (thread,) = supply[:1]
        assert len(thread["articles"]) >= 20
        assert thread["balance"].get("assert", 0) >= 10
        assert thread["balance"].get("deny", 0) >= 5
        deniers = {
            h["actor"]["code"]
            for a in thread["articles"]
            for h in a["holders"]
            if h["stance"] == "deny"
        }
        assert "IRN" in deniers
        # the story's other claims are not swallowed by it
        assert len(store.threads(actor="IRN", limit=1000)) > 50

"""One small database for every export test: the seed, a few press releases and two more
reports of the seed's event, ingested with the real pipeline (once: it takes seconds)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph.extractor import Extractor
from claimgraph.ingest import ingest
from claimgraph.store import Store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SEED = EXAMPLES / "seed" / "urdupoint-2022-11-22-iran-drones.txt"
PRESS = EXAMPLES / "press" / "kremlin_zelenskyy_2022.jsonl"
PRESS_RELEASES = 8
# Another outlet's report of the seed's event (Iran requests a meeting with Ukraine), and an
# outlet that only says it happened "reportedly" (alleged: never merged with the fact).
REPORTS = [
    {
        "url": "https://example.org/iran-requests-meeting",
        "outlet": "Example Wire",
        "published": "2022-11-23",
        "title": "Iran asks Ukraine for expert meeting",
        "text": "Iran's permanent mission to the UN requested on Tuesday a joint expert meeting "
        "with Ukraine to clear up media reports about Iranian drones being produced in Russia, "
        "IRNA reported.",
    },
    {
        "url": "https://example.org/iran-reportedly",
        "outlet": "Example Daily",
        "published": "2022-11-23",
        "title": "Iran said to seek meeting",
        "text": "Iran's permanent mission to the UN reportedly requested on Tuesday a joint "
        "expert meeting with Ukraine about Iranian drones, IRNA reported.",
    },
]


@pytest.fixture(scope="package")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="package")
def export_db(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Path:
    folder = tmp_path_factory.mktemp("export")
    press = folder / "press.jsonl"
    with PRESS.open(encoding="utf-8") as source:
        lines = [next(source) for _ in range(PRESS_RELEASES)]
    press.write_text("".join(lines), encoding="utf-8")
    reports = folder / "reports.jsonl"
    reports.write_text("".join(json.dumps(r) + "\n" for r in REPORTS), encoding="utf-8")
    path = folder / "export.db"
    with Store(path) as store:
        report = ingest([str(SEED), str(press), str(reports)], store, extractor=extractor)
    assert report.counts["added"] == 1 + PRESS_RELEASES + len(REPORTS)
    return path


@pytest.fixture
def store(export_db: Path) -> Iterator[Store]:
    with Store(export_db, readonly=True) as opened:
        yield opened

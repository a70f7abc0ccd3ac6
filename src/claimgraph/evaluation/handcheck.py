"""A hand check of the event coder on real news: the Guardian's 2022 reporting on the war in
Ukraine (``corpora/ukraine2022_guardian_nyt/Guardians_Russia_Ukraine.csv``).

GDELT's anchors (event codes 81.2% correct, actors 79%) are hand checks of events coded from
news; the PLOVER gold records are short textbook sentences. This check scores full articles the
way GDELT's did: a fixed sample of the events claimgraph codes, each judged by a developer who
read its sentence. The verdicts are kept in ``judgments/guardian_2022.tsv``, keys and verdicts
only, because the articles may not be redistributed.

**Sample.** The CSV's rows are shuffled with ``ARTICLE_SEED``. The ``DEV_BLOCKS`` of that
order are development articles: their output was read to find error classes, and rules were
written from them. The ``TEST_BLOCKS`` are test articles, which are judged and never used to
write rules. An event of a test article is in the sample when a hash of its article row and
trigger offset falls under ``SAMPLE_PERCENT`` (``in_sample``). The sample therefore depends on
where a trigger is, not on what the coder makes of it. Two versions of the coder are judged
on the same trigger positions wherever both code an event there.

**Verdicts** (columns of the TSV), for the event as output:

* ``type_ok``: ``Y`` when the sentence reports an act of this PLOVER type at this trigger
  (as fact, claim, plan or denial); ``N`` when it is another type or no act at all;
* ``actor_ok`` and ``recipient_ok``: ``Y`` when the codes are those the sentence gives that
  role (an empty role is right when the sentence names no one); judged when ``type_ok`` is Y;
* ``flags_ok``: ``Y``; ``missing`` when a claim, a denial, a plan or a condition is output
  without the flag that says so (an allegation output as a fact); ``spurious`` when a fact
  carries a flag it does not have. Judged when ``type_ok`` is Y.

A verdict applies to an event output with exactly the same type, participants and flags
(``Key``). When a change of the coder alters an event, that event is counted as
*unjudged* and is not scored until someone judges it:
``python -m claimgraph.evaluation.handcheck --unjudged`` lists those events with their
sentences.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from claimgraph.extractor import Extractor
from claimgraph.model import Article

CORPUS_FILE = Path("corpora") / "ukraine2022_guardian_nyt" / "Guardians_Russia_Ukraine.csv"
OUTLET = "The Guardian"
ARTICLE_SEED = 2026
# Positions in the shuffled rows: development articles (read, rules written from them) and
# test articles (judged only). The second and third development blocks and the second test
# block were added in later rounds; no block was ever moved between the two.
DEV_BLOCKS = ((0, 15), (30, 50), (65, 80))
TEST_BLOCKS = ((15, 30), (80, 95))
DEV_ARTICLES = sum(b - a for a, b in DEV_BLOCKS)
TEST_ARTICLES = sum(b - a for a, b in TEST_BLOCKS)
SAMPLE_PERCENT = 40
JUDGMENTS = "guardian_2022.tsv"
COLUMNS = (
    "row",
    "start",
    "trigger",
    "type",
    "actor",
    "recipient",
    "flags",
    "type_ok",
    "actor_ok",
    "recipient_ok",
    "flags_ok",
    "note",
)
YES = "Y"
FLAG_VERDICTS = frozenset({YES, "missing", "spurious"})
ANCHORS = {
    "GDELT hand check: event codes correct": "81.2%",
    "GDELT hand check: actors correct": "79%",
}
# CSV fields of one article can be longer than the csv module's default limit.
FIELD_LIMIT = 1 << 24


class HandcheckError(ValueError):
    """A judgments file that cannot be read: names the file, the line and the problem."""


class Key(NamedTuple):
    """What a verdict is about: an event as output, at one trigger of one article."""

    row: int
    start: int
    type: str
    actor: str
    recipient: str
    flags: str


@dataclass(frozen=True, kw_only=True)
class Verdict:
    type_ok: bool
    actor_ok: bool | None
    recipient_ok: bool | None
    flags: str | None  # Y, missing, spurious; None when the type is wrong


def key_of(row: int, event: Mapping[str, Any]) -> Key:
    return Key(
        row,
        int(event["trigger"]["start"]),
        str(event["type"]),
        " ".join(p["code"] for p in event["actor"]),
        " ".join(p["code"] for p in event["recipient"]),
        " ".join(sorted(k for k, v in event["flags"].items() if v)),
    )


def in_sample(row: int, start: int) -> bool:
    """Whether the trigger at ``start`` of article ``row`` is in the judged sample."""
    digest = hashlib.sha1(f"{row}:{start}".encode()).digest()
    return int.from_bytes(digest[:4], "big") % 100 < SAMPLE_PERCENT


def article_rows(total: int) -> dict[str, list[int]]:
    """The development and test articles (row numbers of the CSV)."""
    order = list(range(total))
    random.Random(ARTICLE_SEED).shuffle(order)
    return {
        "dev": sorted(row for a, b in DEV_BLOCKS for row in order[a:b]),
        "test": sorted(row for a, b in TEST_BLOCKS for row in order[a:b]),
    }


def read_articles(shared: Path) -> list[dict[str, str]]:
    csv.field_size_limit(FIELD_LIMIT)
    with (shared / CORPUS_FILE).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _verdict(value: str, path: str, line: int, column: str) -> bool | None:
    if value == "":
        return None
    if value not in (YES, "N"):
        raise HandcheckError(f"{path}:{line}: {column} must be Y or N, not {value!r}")
    return value == YES


def parse_judgments(text: str, path: str) -> dict[Key, Verdict]:
    """The verdicts of a judgments TSV (``COLUMNS``; ``#`` lines are comments)."""
    out: dict[Key, Verdict] = {}
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
    rows = [(n, line) for n, line in lines if not line.startswith("#")]
    if not rows or tuple(rows[0][1].split("\t")) != COLUMNS:
        raise HandcheckError(f"{path}: the header must be {' '.join(COLUMNS)}")
    for n, line in rows[1:]:
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            raise HandcheckError(f"{path}:{n}: {len(cells)} columns, expected {len(COLUMNS)}")
        cell = dict(zip(COLUMNS, cells, strict=True))
        if not (cell["row"].isdigit() and cell["start"].isdigit()):
            raise HandcheckError(f"{path}:{n}: row and start must be numbers")
        type_ok = _verdict(cell["type_ok"], path, n, "type_ok")
        if type_ok is None:
            raise HandcheckError(f"{path}:{n}: type_ok is required")
        flags = cell["flags_ok"] or None
        if type_ok and (flags not in FLAG_VERDICTS):
            raise HandcheckError(
                f"{path}:{n}: flags_ok must be one of {', '.join(sorted(FLAG_VERDICTS))}"
            )
        actor_ok = _verdict(cell["actor_ok"], path, n, "actor_ok")
        recipient_ok = _verdict(cell["recipient_ok"], path, n, "recipient_ok")
        if type_ok and (actor_ok is None or recipient_ok is None):
            raise HandcheckError(f"{path}:{n}: actor_ok and recipient_ok are required")
        key = Key(
            int(cell["row"]),
            int(cell["start"]),
            cell["type"],
            cell["actor"],
            cell["recipient"],
            cell["flags"],
        )
        out[key] = Verdict(
            type_ok=type_ok,
            actor_ok=actor_ok,
            recipient_ok=recipient_ok,
            flags=flags if type_ok else None,
        )
    return out


def packaged_judgments() -> dict[Key, Verdict]:
    source = resources.files("claimgraph.evaluation") / "judgments" / JUDGMENTS
    return parse_judgments(source.read_text(encoding="utf-8"), f"judgments/{JUDGMENTS}")


class Sampled(NamedTuple):
    key: Key
    event: dict[str, Any]
    sentence: str


def sampled_events(
    shared: Path, split: str, extractor: Extractor | None = None
) -> Iterator[Sampled]:
    """The sampled events of a split's articles, with their sentences."""
    rows = read_articles(shared)
    extractor = extractor or Extractor()
    for row in article_rows(len(rows))[split]:
        record = rows[row]
        article = Article(
            text=record["articles"],
            published=record["published"],
            title=record["headlines"],
            outlet=OUTLET,
        )
        document = extractor.extract(article)
        for event in document["events"]:
            if not in_sample(row, int(event["trigger"]["start"])):
                continue
            sentence = event.get("sentence") or {}
            text = article.text[sentence.get("start", 0) : sentence.get("end", 0)]
            yield Sampled(key_of(row, event), event, " ".join(text.split()))


def score(keys: Sequence[Key], judgments: Mapping[Key, Verdict]) -> dict[str, Any]:
    judged = [judgments[k] for k in keys if k in judgments]
    typed = [v for v in judged if v.type_ok]

    def share(hits: int, of: int) -> float:
        return round(hits / of, 4) if of else 0.0

    return {
        "events": len(keys),
        "judged": len(judged),
        "unjudged": len(keys) - len(judged),
        "type_precision": share(len(typed), len(judged)),
        "actor_accuracy": share(sum(1 for v in typed if v.actor_ok), len(typed)),
        "recipient_accuracy": share(sum(1 for v in typed if v.recipient_ok), len(typed)),
        "both_accuracy": share(sum(1 for v in typed if v.actor_ok and v.recipient_ok), len(typed)),
        "flags_accuracy": share(sum(1 for v in typed if v.flags == YES), len(typed)),
        "flags_missing": sum(1 for v in typed if v.flags == "missing"),
        "flags_spurious": sum(1 for v in typed if v.flags == "spurious"),
    }


def evaluate(
    shared: Path,
    judgments: Mapping[Key, Verdict] | None = None,
    extractor: Extractor | None = None,
) -> dict[str, Any]:
    judgments = packaged_judgments() if judgments is None else judgments
    started = time.perf_counter()
    keys = [s.key for s in sampled_events(shared, "test", extractor)]
    report = score(keys, judgments)
    report["seconds"] = round(time.perf_counter() - started, 1)
    return report


def markdown(report: Mapping[str, Any]) -> str:
    def pct(x: float) -> str:
        return f"{100 * x:.1f}%"

    lines = [
        f"## Events: a hand check on real news ({CORPUS_FILE.as_posix()})",
        "",
        f"{report['events']} events coded in {TEST_ARTICLES} test articles (a hash sample of "
        f"{SAMPLE_PERCENT}% of trigger positions), {report['judged']} of them judged by hand "
        f"(`src/claimgraph/evaluation/judgments/{JUDGMENTS}`); {report['seconds']} s. Rules "
        f"were written from {DEV_ARTICLES} other articles only. See "
        "`claimgraph/evaluation/handcheck.py` for the verdicts' definitions.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| events judged | {report['judged']} of {report['events']} |",
        f"| event type correct (precision) | {pct(report['type_precision'])} |",
        f"| actor correct, type correct | {pct(report['actor_accuracy'])} |",
        f"| recipient correct, type correct | {pct(report['recipient_accuracy'])} |",
        f"| actor and recipient correct, type correct | {pct(report['both_accuracy'])} |",
        f"| flags correct, type correct | {pct(report['flags_accuracy'])} |",
        f"| claims, denials or plans output as facts (flag missing) | {report['flags_missing']} |",
        f"| facts given a flag they do not have | {report['flags_spurious']} |",
        "",
        "Anchors: " + "; ".join(f"{k}: {v}" for k, v in ANCHORS.items()) + ".",
    ]
    if report["unjudged"]:
        lines += [
            "",
            f"{report['unjudged']} sampled events have changed since they were judged and are "
            "not scored (`python -m claimgraph.evaluation.handcheck --unjudged`).",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m claimgraph.evaluation.handcheck")
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument(
        "--unjudged",
        action="store_true",
        help="list the sampled test events no verdict covers, with their sentences (JSON lines)",
    )
    parser.add_argument("--split", choices=("dev", "test"), default="test", help="with --unjudged")
    args = parser.parse_args(argv)
    if not (args.shared / CORPUS_FILE).is_file():
        print(f"corpus not found at {args.shared / CORPUS_FILE}", file=sys.stderr)
        return 2
    try:
        judgments = packaged_judgments()
    except HandcheckError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.unjudged:
        for sampled in sampled_events(args.shared, args.split):
            if sampled.key in judgments:
                continue
            print(json.dumps({**sampled.key._asdict(), "trigger": sampled.event["trigger"]["text"],
                              "sentence": sampled.sentence}, ensure_ascii=False))  # fmt: skip
        return 0
    print(markdown(evaluate(args.shared, judgments)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

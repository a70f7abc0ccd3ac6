"""PolNeAR (brat standoff) loading and attribution scoring.

Gold: ``polnear/data/{train,dev}/attributions/<doc>_<annotator>.ann`` over
``text/<doc>.txt``; offsets are Python ``str`` indices (checked: every span's surface text
equals the slice). Some documents were annotated twice; the lexicographically first
annotator's file is used, so each document counts once.

Scores, per role (source, cue, content):

- **exact**: a predicted span counts when a gold span of the same role has the same
  fragments after trimming whitespace and edge punctuation;
- **overlap**: predicted and gold spans of a role are paired one-to-one, greedily by the
  number of shared characters; a pair counts when they share at least one character.

P = matched / predicted, R = matched / gold, F1 their harmonic mean. At the **relation**
level an attribution matches a gold one when their cues overlap, their contents overlap,
and their sources overlap or are both absent (exact: the three spans match exactly).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

ROLES = ("source", "cue", "content")
_EDGE = " \t\n\r\"'“”‘’.,;:—―-()"
_ANN_NAME = re.compile(r"^(?P<doc>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")


class Span(NamedTuple):
    fragments: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]

    def chars(self) -> set[int]:
        return {i for s, e in self.fragments for i in range(s, e)}


class Relation(NamedTuple):
    source: Span | None
    cue: Span | None
    content: Span | None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    name: str
    text: str
    relations: tuple[Relation, ...]


def _parse_fragments(offsets: str) -> Span:
    return Span(tuple((int(a), int(b)) for a, b in (part.split() for part in offsets.split(";"))))


def parse_ann(ann: str) -> list[Relation]:
    """The attribution relations of one brat ``.ann`` file."""
    spans: dict[str, tuple[str, Span]] = {}
    relations: list[Relation] = []
    events: list[str] = []
    for line in ann.splitlines():
        if line.startswith("T") and line.count("\t") >= 2:  # a surface text may wrap lines
            tid, middle, _surface = line.split("\t", 2)
            label, _, offsets = middle.partition(" ")
            spans[tid] = (label, _parse_fragments(offsets))
        elif line.startswith("E") and "\t" in line:
            events.append(line.split("\t", 1)[1])
    for event in events:
        roles: dict[str, Span] = {}
        for arg in event.split():
            role, _, tid = arg.partition(":")
            if tid in spans and role.lower() in ROLES:
                roles[role.lower()] = spans[tid][1]
        if "cue" in roles or "content" in roles:
            relations.append(Relation(roles.get("source"), roles.get("cue"), roles.get("content")))
    return relations


def load_split(polnear_dir: Path, split: str) -> list[GoldDoc]:
    """Every document of ``train`` or ``dev``, one annotation file each."""
    folder = polnear_dir / "data" / split
    chosen: dict[str, Path] = {}
    for ann_path in sorted((folder / "attributions").glob("*.ann")):
        match = _ANN_NAME.match(ann_path.name)
        if match is not None:
            chosen.setdefault(match["doc"], ann_path)
    docs = []
    for name, ann_path in sorted(chosen.items()):
        text = (folder / "text" / f"{name}.txt").read_text(encoding="utf-8")
        docs.append(GoldDoc(name, text, tuple(parse_ann(ann_path.read_text(encoding="utf-8")))))
    return docs


def trimmed(span: Span, text: str) -> Span:
    """The span without edge whitespace/punctuation, so 'said:' and 'said' compare equal."""
    out = []
    for start, end in span.fragments:
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        if start < end:
            out.append((start, end))
    return Span(tuple(out)) if out else span


class PRF(NamedTuple):
    matched: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: object) -> PRF:
        if not isinstance(other, PRF):
            return NotImplemented
        return PRF(
            self.matched + other.matched, self.predicted + other.predicted, self.gold + other.gold
        )


def comparable(span: Span, text: str) -> Span:
    """The span as exact matching compares it: :func:`trimmed`, and fragments separated by
    nothing but whitespace and punctuation joined into one. PolNeAR's annotators split a
    content at paragraph breaks (469 whitespace-only gaps in train, 36 in dev), where one
    unbroken prediction covers the very same words."""
    out: list[tuple[int, int]] = []
    for start, end in trimmed(span, text).fragments:
        if out and all(ch in _EDGE for ch in text[out[-1][1] : start]):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return Span(tuple(out))


def _exact(pred: Sequence[Span], gold: Sequence[Span], text: str) -> int:
    remaining = [comparable(g, text) for g in gold]
    matched = 0
    for p in pred:
        key = comparable(p, text)
        if key in remaining:
            remaining.remove(key)
            matched += 1
    return matched


def _overlap(pred: Sequence[Span], gold: Sequence[Span]) -> int:
    pairs = []
    for i, p in enumerate(pred):
        pc = p.chars()
        for j, g in enumerate(gold):
            shared = len(pc & g.chars())
            if shared:
                pairs.append((shared, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _shared, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def score_roles(
    pred: Iterable[Relation], gold: Iterable[Relation], text: str
) -> dict[str, dict[str, PRF]]:
    pred, gold = list(pred), list(gold)
    out: dict[str, dict[str, PRF]] = {"exact": {}, "overlap": {}}
    for role in ROLES:
        p_spans = [getattr(r, role) for r in pred if getattr(r, role) is not None]
        g_spans = [getattr(r, role) for r in gold if getattr(r, role) is not None]
        out["exact"][role] = PRF(_exact(p_spans, g_spans, text), len(p_spans), len(g_spans))
        out["overlap"][role] = PRF(_overlap(p_spans, g_spans), len(p_spans), len(g_spans))
    out["exact"]["relation"] = PRF(_relations(pred, gold, text, exact=True), len(pred), len(gold))
    out["overlap"]["relation"] = PRF(
        _relations(pred, gold, text, exact=False), len(pred), len(gold)
    )
    return out


def _same(a: Span | None, b: Span | None, text: str, *, exact: bool) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if exact:
        return comparable(a, text) == comparable(b, text)
    return bool(a.chars() & b.chars())


def _relations(
    pred: Sequence[Relation], gold: Sequence[Relation], text: str, *, exact: bool
) -> int:
    used: set[int] = set()
    matched = 0
    for p in pred:
        for j, g in enumerate(gold):
            if j in used:
                continue
            if all(
                _same(getattr(p, role), getattr(g, role), text, exact=exact)
                for role in ("cue", "content")
            ) and (_same(p.source, g.source, text, exact=exact)):
                used.add(j)
                matched += 1
                break
    return matched


def add_scores(
    total: dict[str, dict[str, PRF]], doc: dict[str, dict[str, PRF]]
) -> dict[str, dict[str, PRF]]:
    return {
        level: {k: total.get(level, {}).get(k, PRF(0, 0, 0)) + v for k, v in roles.items()}
        for level, roles in doc.items()
    }


def to_relations(attributions: Iterable[object]) -> list[Relation]:
    """claimgraph attributions (anything with ``source``/``cue``/``content`` CharSpans)."""
    out = []
    for a in attributions:
        spans = []
        for role in ROLES:
            value = getattr(a, role)
            spans.append(None if value is None else Span(tuple(value.pieces())))
        out.append(Relation(*spans))
    return out

"""An article's text cut into segments for displaCy-like highlighting.

Spans (sources, cues, contents, actors, times, event triggers) may nest and overlap, so the
text is cut at every span boundary; each segment carries the kinds of every span covering
it, and a label is attached where a span ends. The template escapes every piece of text:
nothing here produces markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# Drawing order in the legend, outermost first.
KINDS = ("content", "source", "cue", "actor", "time", "trigger")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str
    label: str
    ref: str | None = None  # the attribution id a source/cue/content belongs to


@dataclass(slots=True)
class Segment:
    text: str
    start: int
    kinds: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    labels: list[tuple[str, str]] = field(default_factory=list)  # (kind, label) ending here

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in KINDS if k in self.kinds)


def _pieces(span: Mapping[str, Any] | None) -> list[tuple[int, int]]:
    if not span or span.get("start") is None or span.get("end") is None:
        return []
    fragments = span.get("fragments")
    if fragments:
        return [(int(s), int(e)) for s, e in fragments]
    return [(int(span["start"]), int(span["end"]))]


def _actor_label(actor: Mapping[str, Any] | None) -> str | None:
    if not actor or not actor.get("code"):
        return None
    sector = actor.get("sector")
    return f"{actor['code']}{' ' + sector if sector else ''}"


def marks_for(
    extraction: Mapping[str, list[dict[str, Any]]], events: Iterable[Mapping[str, Any]]
) -> list[Mark]:
    """The marks of a stored document: attributions' parts, actors, times, triggers."""
    marks: list[Mark] = []
    for a in extraction.get("attributions", []):
        ref = a["id"]
        source = a.get("source")
        for s, e in _pieces(source):
            label = _actor_label((source or {}).get("actor")) or "source"
            marks.append(Mark(s, e, "source", f"{ref} {label}", ref))
        for s, e in _pieces(a.get("cue")):
            marks.append(Mark(s, e, "cue", f"{ref} {a.get('stance') or 'cue'}", ref))
        for s, e in _pieces(a.get("content")):
            marks.append(Mark(s, e, "content", f"{ref} {a.get('kind') or 'content'}", ref))
    for n in extraction.get("entities", []):
        code = _actor_label(n.get("actor"))
        if code is not None:
            marks.append(Mark(n["start"], n["end"], "actor", code))
    for t in extraction.get("times", []):
        marks.append(Mark(t["start"], t["end"], "time", t.get("value") or "time"))
    for v in events:
        for s, e in _pieces(v.get("trigger")):
            marks.append(Mark(s, e, "trigger", f"{v['id']} {v.get('type')}", None))
    return marks


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """``text`` cut at every mark boundary; empty and out-of-range marks are dropped."""
    valid = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    cuts = sorted({0, len(text), *(m.start for m in valid), *(m.end for m in valid)})
    starting: dict[int, list[Mark]] = {}
    for m in sorted(valid, key=lambda m: (m.start, -m.end, KINDS.index(m.kind))):
        starting.setdefault(m.start, []).append(m)
    active: list[Mark] = []  # a sweep: marks covering the current segment
    out: list[Segment] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        active = [m for m in active if m.end > start] + starting.get(start, [])
        segment = Segment(text[start:end], start)
        for m in active:
            if m.kind not in segment.kinds:
                segment.kinds.append(m.kind)
            if m.ref and m.ref not in segment.refs:
                segment.refs.append(m.ref)
            segment.titles.append(f"{m.kind}: {m.label}")
            if m.end == end:
                segment.labels.append((m.kind, m.label))
        out.append(segment)
    return out

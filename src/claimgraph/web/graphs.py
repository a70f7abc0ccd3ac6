"""Server-rendered SVG figures: an article's attribution chain, a thread's cites graph and
its timeline. These functions compute geometry only (numbers and plain strings); the
templates draw it, escaping every label."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

# Layered graph geometry, in SVG user units.
COLUMN_W = 220
NODE_W = 180
NODE_H = 34
ROW_H = 48
MARGIN = 12
LABEL_CHARS = 26  # a box fits about this many characters; the full text goes in <title>
MAX_NODES = 60  # larger graphs are cut (the page says how many nodes were left out)


@dataclass(slots=True)
class Node:
    key: str
    label: str
    kind: str  # outlet, agency, source, cited, actor
    title: str
    href: str | None = None
    layer: int = 0
    x: float = 0
    y: float = 0

    @property
    def short(self) -> str:
        return self.label if len(self.label) <= LABEL_CHARS else self.label[: LABEL_CHARS - 1] + "…"


@dataclass(slots=True)
class Edge:
    source: str
    target: str
    count: int = 1
    path: str = ""


@dataclass(slots=True)
class Graph:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    width: float = 0
    height: float = 0
    omitted: int = 0

    def node(
        self, key: str, label: str, kind: str, *, title: str | None = None, href: str | None = None
    ) -> str:
        if not any(n.key == key for n in self.nodes):
            self.nodes.append(Node(key, label, kind, title or label, href))
        return key

    def edge(self, source: str, target: str) -> None:
        if source == target:
            return
        for e in self.edges:
            if e.source == source and e.target == target:
                e.count += 1
                return
        self.edges.append(Edge(source, target))


def layout(graph: Graph) -> Graph:
    """Layers by longest path from the roots (nodes nothing points to); cycles are broken
    by capping the layer at the node count. Each edge gets a curve from box to box."""
    if len(graph.nodes) > MAX_NODES:
        keep = {n.key for n in graph.nodes[:MAX_NODES]}
        graph.omitted = len(graph.nodes) - MAX_NODES
        graph.nodes = graph.nodes[:MAX_NODES]
        graph.edges = [e for e in graph.edges if e.source in keep and e.target in keep]
    layer = {n.key: 0 for n in graph.nodes}
    for _ in range(len(graph.nodes)):  # Bellman-Ford style relaxation, bounded
        changed = False
        for e in graph.edges:
            if layer[e.target] < layer[e.source] + 1 <= len(graph.nodes):
                layer[e.target] = layer[e.source] + 1
                changed = True
        if not changed:
            break
    rows: dict[int, int] = {}
    for n in graph.nodes:
        n.layer = layer[n.key]
        row = rows.get(n.layer, 0)
        rows[n.layer] = row + 1
        n.x = MARGIN + n.layer * COLUMN_W
        n.y = MARGIN + row * ROW_H
    at = {n.key: n for n in graph.nodes}
    for e in graph.edges:
        a, b = at[e.source], at[e.target]
        x1, y1 = a.x + NODE_W, a.y + NODE_H / 2
        x2, y2 = b.x, b.y + NODE_H / 2
        if x2 <= x1:  # same or earlier layer (a cycle): loop around below the boxes
            e.path = f"M{x1:.0f},{y1:.0f} C{x1 + 40:.0f},{y1 + 60:.0f} {x2 - 40:.0f},{y2 + 60:.0f} {x2:.0f},{y2:.0f}"
        else:
            mid = (x1 + x2) / 2
            e.path = f"M{x1:.0f},{y1:.0f} C{mid:.0f},{y1:.0f} {mid:.0f},{y2:.0f} {x2:.0f},{y2:.0f}"
    graph.width = MARGIN * 2 + (max(rows) + 1 if rows else 1) * COLUMN_W
    graph.height = MARGIN * 2 + max(rows.values(), default=1) * ROW_H
    return graph


def _source_key(source: Mapping[str, Any] | None, fallback: str) -> tuple[str, str, str]:
    """(key, label, title) of an attribution's source: its actor when coded, else its text."""
    if not source:
        return (f"src:{fallback}", "(unnamed source)", "(unnamed source)")
    actor = source.get("actor") or {}
    text = str(source.get("text") or "")
    if actor.get("code"):
        name = actor.get("name") or actor["code"]
        return (f"actor:{actor['code']}", f"{name} [{actor['code']}]", f"{text} ({actor['code']})")
    return (f"src:{' '.join(text.casefold().split())}", text, text)


def attribution_chain(
    *, outlet: str | None, credits: Sequence[str], attributions: Sequence[Mapping[str, Any]]
) -> Graph:
    """outlet → dateline credits (agencies) → the sources the article names → what they cite."""
    graph = Graph()
    last = graph.node("outlet", outlet or "(unknown outlet)", "outlet")
    for n, credit in enumerate(credits):
        key = graph.node(f"credit:{n}", credit, "agency")
        graph.edge(last, key)
        last = key
    by_id = {a["id"]: a for a in attributions}
    cited = {c for a in attributions for c in a.get("cites", [])}
    keys: dict[str, str] = {}
    for a in attributions:
        key, label, title = _source_key(a.get("source"), a["id"])
        keys[a["id"]] = graph.node(key, label, "source", title=title)
    for a in attributions:
        if a["id"] not in cited:
            graph.edge(last, keys[a["id"]])
        for c in a.get("cites", []):
            if c in by_id:
                graph.edge(keys[a["id"]], keys[c])
            else:  # a source chain label, not an attribution of this article
                graph.edge(keys[a["id"]], graph.node(f"cited:{c}", c, "cited"))
    return layout(graph)


def thread_cites(
    articles: Iterable[Mapping[str, Any]], extractions: Mapping[str, Mapping[str, Any]]
) -> Graph:
    """Who cites whom across a thread: each article's outlet → its dateline credits → the
    holders' sources → the sources they cite. ``extractions`` maps article ids to
    ``{"credits": [...], "attributions": [...]}``."""
    graph = Graph()
    for art in articles:
        found = extractions.get(art["article_id"], {})
        by_id = {a["id"]: a for a in found.get("attributions", [])}
        last = graph.node(
            f"outlet:{art.get('outlet')}", art.get("outlet") or "(unknown outlet)", "outlet"
        )
        for credit in found.get("credits", []):
            key = graph.node(f"agency:{credit}", credit, "agency")
            graph.edge(last, key)
            last = key
        for holder in art.get("holders", []):
            actor = holder.get("actor") or {}
            code = actor.get("code")
            label = actor.get("name") or code or "(unknown)"
            key = graph.node(
                f"actor:{code}" if code else f"src:{label.casefold()}",
                f"{label} [{code}]" if code else label,
                "actor",
                href=f"/actors/{code}" if code else None,
            )
            graph.edge(last, key)
            attribution = by_id.get(holder.get("attribution") or "")
            for c in (attribution or {}).get("cites", []):
                target = by_id.get(c)
                if target is not None:
                    t_key, t_label, t_title = _source_key(target.get("source"), c)
                    graph.edge(key, graph.node(t_key, t_label, "source", title=t_title))
                else:
                    graph.edge(key, graph.node(f"cited:{c}", c, "cited"))
    return layout(graph)


# ---- timeline

TIMELINE_W = 760
TIMELINE_LEFT = 170  # room for actor names
TIMELINE_ROW_H = 28
TIMELINE_RIGHT = 50  # half a date label, so the last tick is not cut
TIMELINE_TOP = 16
TIMELINE_AXIS_H = 34
TICKS = 6
STANCE_ORDER = ("assert", "deny", "doubt", "request", "question")


@dataclass(slots=True)
class Dot:
    x: float
    y: float
    stance: str
    title: str
    href: str


@dataclass(slots=True)
class Timeline:
    width: float
    height: float
    rows: list[tuple[float, str]]  # (y, actor label)
    dots: list[Dot]
    ticks: list[tuple[float, str]]  # (x, date)
    axis_y: float
    left: float
    right: float


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def timeline(thread: Mapping[str, Any]) -> Timeline:
    """One row per holder, one dot per (article, holder), placed by publication date."""
    points: list[tuple[dt.date, str, Mapping[str, Any], Mapping[str, Any]]] = []
    labels: dict[str, str] = {}
    for art in thread.get("articles", []):
        day = _day(art.get("published"))
        if day is None:
            continue
        for holder in art.get("holders", []):
            actor = holder.get("actor") or {}
            key = actor.get("code") or actor.get("name") or "?"
            labels.setdefault(key, actor.get("name") or key)
            points.append((day, key, art, holder))
    left, right = TIMELINE_LEFT, TIMELINE_W - TIMELINE_RIGHT
    rows = {key: TIMELINE_TOP + i * TIMELINE_ROW_H for i, key in enumerate(labels)}
    axis_y = TIMELINE_TOP + max(len(labels), 1) * TIMELINE_ROW_H
    days = [p[0] for p in points]
    first, last = (min(days), max(days)) if days else (None, None)
    span = (last - first).days if first and last else 0

    def x_of(day: dt.date) -> float:
        if not first or span == 0:
            return (left + right) / 2
        return left + (right - left) * (day - first).days / span

    ticks: list[tuple[float, str]] = []
    if first and last:
        steps = min(TICKS, span) or 1
        for i in range(steps + 1):
            day = first + dt.timedelta(days=round(span * i / steps))
            if not ticks or ticks[-1][1] != day.isoformat():
                ticks.append((x_of(day), day.isoformat()))
    dots = [
        Dot(
            x=x_of(day),
            y=rows[key] + TIMELINE_ROW_H / 2,
            stance=str(holder.get("stance") or "other"),
            title=f"{labels[key]} {holder.get('stance')} — {art.get('outlet') or '?'}, {art.get('published')}",
            href=f"/articles/{art['article_id']}",
        )
        for day, key, art, holder in points
    ]
    return Timeline(
        width=TIMELINE_W,
        height=axis_y + TIMELINE_AXIS_H,
        rows=[(rows[k] + TIMELINE_ROW_H / 2, labels[k]) for k in labels],
        dots=dots,
        ticks=ticks,
        axis_y=axis_y,
        left=left,
        right=right,
    )

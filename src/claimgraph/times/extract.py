"""``find_times`` and ``normalize``: the time layer's entry points, as pure functions."""

from __future__ import annotations

import re
from datetime import date

from claimgraph.times.context import Context
from claimgraph.times.model import TimeExpr
from claimgraph.times.rules import RULES, Rule


_WORD = re.compile(r"[a-z0-9]+")


class _Candidate:
    __slots__ = ("end", "match", "order", "rule", "start")

    def __init__(self, start: int, end: int, order: int, rule: Rule, match: object) -> None:
        self.start, self.end, self.order, self.rule, self.match = start, end, order, rule, match


def _candidates(text: str) -> list[tuple[int, int, int, Rule, object]]:
    found = []
    words = frozenset(_WORD.findall(text.lower()))
    for order, rule in enumerate(RULES):
        if rule.triggers is not None and rule.triggers.isdisjoint(words):
            continue
        has_group = "t" in rule.pattern.groupindex
        pos = 0
        while (m := rule.pattern.search(text, pos)) is not None:
            if rule.accept is not None and not rule.accept(m, text):
                # Rejected: a shorter match may still start inside this one.
                pos = m.start() + 1
                continue
            pos = max(m.end(), m.start() + 1)
            if rule.span is not None:
                start, end = rule.span(m)
            elif has_group and m.group("t") is not None:
                start, end = m.span("t")
            else:
                start, end = m.span()
            if start < end:
                found.append((start, end, order, rule, m))
    return found


def _select(found: list[tuple[int, int, int, Rule, object]]) -> list[tuple[int, int, int, Rule, object]]:
    """Longest span first, then the earlier rule; drop whatever overlaps a kept span."""
    found.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    taken: list[tuple[int, int]] = []
    kept = []
    for candidate in found:
        start, end = candidate[0], candidate[1]
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        kept.append(candidate)
    kept.sort(key=lambda c: c[0])
    return kept


def find_times(text: str, *, anchor: date | None) -> list[TimeExpr]:
    """Temporal expressions in ``text``, in reading order, resolved against ``anchor``.

    ``anchor`` is the publication date; without it, relative expressions keep what can be
    said without one ("Tuesday" -> ``XXXX-WXX-2``) or get ``value=None``.
    """
    import re

    context = Context(text, anchor)
    out: list[TimeExpr] = []
    for start, end, _order, rule, m in _select(_candidates(text)):
        assert isinstance(m, re.Match)
        resolved = rule.resolve(m, context)
        context.remember(resolved)
        out.append(
            TimeExpr(
                text=text[start:end],
                start=start,
                end=end,
                value=resolved.value,
                granularity=resolved.granularity,
                kind=resolved.kind,
                anchor=resolved.anchor,
                rule=rule.name,
            )
        )
    return out


def normalize(expression: str, anchor: date | None) -> str | None:
    """The TimeML value of one expression ("last week" -> ``2022-W46``), or ``None``.

    The longest expression found in ``expression`` is used.
    """
    found = find_times(expression, anchor=anchor)
    if not found:
        return None
    return max(found, key=lambda t: t.end - t.start).value

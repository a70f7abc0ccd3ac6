"""``find_times`` and ``normalize``: the time layer's entry points, as pure functions.

Three steps: every rule proposes spans (tried only around its trigger words); overlapping
spans are settled, the longest first, then the earlier rule; the survivors are resolved in
reading order against the anchor and the discourse so far (:class:`Context`).
"""

from __future__ import annotations

import re
from datetime import date

from claimgraph.times.context import Context
from claimgraph.times.model import TimeExpr
from claimgraph.times.rules import RULES, Rule

_WORD = re.compile(r"[A-Za-z0-9]+")
#: How far before its trigger word a match may start ("no more than the past several
#: [weeks]") and after the trigger's end it may still run ("[October] 21, 2022").
LOOKBEHIND, LOOKAHEAD = 80, 80

Candidate = tuple[int, int, int, Rule, re.Match[str]]


def _word_index(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each lower-cased word occurs; ``#digit`` gathers the words with a digit."""
    index: dict[str, list[tuple[int, int]]] = {}
    for m in _WORD.finditer(text):
        word = m.group().lower()
        index.setdefault(word, []).append(m.span())
        if not word.isalpha():
            index.setdefault("#digit", []).append(m.span())
    return index


def _span(rule: Rule, m: re.Match[str]) -> tuple[int, int]:
    if rule.span is not None:
        return rule.span(m)
    if "t" in rule.pattern.groupindex and m.group("t") is not None:
        return m.span("t")
    return m.span()


def _candidates(text: str) -> list[Candidate]:
    """Every accepted match of every rule, looked for around the rule's trigger words."""
    found: list[Candidate] = []
    index = _word_index(text)
    for order, rule in enumerate(RULES):
        triggers = sorted(span for word in rule.triggers for span in index.get(word, ()))
        done = 0  # a rule's own matches do not overlap
        for trigger_start, trigger_end in triggers:
            if trigger_end <= done:
                continue
            pos = max(done, trigger_start - LOOKBEHIND)
            endpos = min(len(text), trigger_end + LOOKAHEAD)
            while (m := rule.pattern.search(text, pos, endpos)) is not None:
                if m.start() > trigger_end:
                    break  # a match around a later trigger: found from there
                if rule.accept is not None and not rule.accept(m, text):
                    pos = m.start() + 1  # rejected; a shorter match may start inside it
                    continue
                done = pos = max(m.end(), m.start() + 1)
                start, end = _span(rule, m)
                if start < end:
                    found.append((start, end, order, rule, m))
    return found


def _select(found: list[Candidate]) -> list[Candidate]:
    """Longest span first, then the earlier rule; drop whatever overlaps a kept span."""
    kept: list[Candidate] = []
    for candidate in sorted(found, key=lambda c: (c[0] - c[1], c[2], c[0])):
        start, end = candidate[0], candidate[1]
        if all(end <= s or e <= start for s, e, *_ in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda c: c[0])


def find_times(text: str, *, anchor: date | None) -> list[TimeExpr]:
    """Temporal expressions in ``text``, in reading order, resolved against ``anchor``.

    ``anchor`` is the publication date. Without one, relative expressions keep what can be
    said ("Tuesday" -> ``XXXX-WXX-2``, "October 21" -> ``XXXX-10-21``) or have no value.
    """
    context = Context(text, anchor)
    found: list[TimeExpr] = []
    for start, end, _order, rule, m in _select(_candidates(text)):
        resolved = rule.resolve(m, context)
        context.remember(resolved)
        found.append(
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
    return found


def normalize(expression: str, anchor: date | None) -> str | None:
    """The value of one expression ("last week" -> ``2022-W46`` for 2022-11-22), or None.

    When ``expression`` holds several, the longest one's value is returned.
    """
    found = find_times(expression, anchor=anchor)
    if not found:
        return None
    return max(found, key=lambda t: t.end - t.start).value

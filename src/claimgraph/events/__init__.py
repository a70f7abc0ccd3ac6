"""Event coding: who did what to whom, in PLOVER and CAMEO, with flags that keep accusations,
denials and plans from becoming facts. See docs/events.md.

``find_events(doc)`` is the pure function; the ``claimgraph_events`` spaCy component
(:mod:`claimgraph.events.component`) stores its result on ``doc._.claimgraph_events``, and
:func:`event_objects` turns that into the contract's ``events`` list.

The coder needs spaCy; :mod:`claimgraph.events.mentions` (cross-article matching, used by the
store) does not. The names below are imported on first use, so importing the package (or
``events.mentions``) does not load spaCy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimgraph.events.coder import Event, Flags, Participant, find_events
    from claimgraph.events.contract import event_objects
    from claimgraph.events.tables import EventTables, Pattern, default_tables

# public name -> the module that defines it
_LAZY = {
    "Event": "claimgraph.events.coder",
    "Flags": "claimgraph.events.coder",
    "Participant": "claimgraph.events.coder",
    "find_events": "claimgraph.events.coder",
    "event_objects": "claimgraph.events.contract",
    "EventTables": "claimgraph.events.tables",
    "Pattern": "claimgraph.events.tables",
    "default_tables": "claimgraph.events.tables",
}

__all__ = [
    "Event",
    "EventTables",
    "Flags",
    "Participant",
    "Pattern",
    "default_tables",
    "event_objects",
    "find_events",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)

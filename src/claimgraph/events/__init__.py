"""Event coding: who did what to whom, in PLOVER and CAMEO, with flags that keep accusations,
denials and plans from becoming facts. See docs/events.md.

``find_events(doc)`` is the pure function; the ``claimgraph_events`` spaCy component
(:mod:`claimgraph.events.component`) stores its result on ``doc._.claimgraph_events``, and
:func:`event_objects` turns that into the contract's ``events`` list.
"""

from claimgraph.events.coder import Event, Flags, Participant, find_events
from claimgraph.events.contract import event_objects
from claimgraph.events.tables import EventTables, Pattern, default_tables

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

"""The ``._.`` extensions claimgraph's components set, registered in one idempotent place.

Components call :func:`set_extensions` when they are created, never at import time, so that
importing claimgraph changes nothing in a user's spaCy until a component is added.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

# Doc extensions
PUBLISHED = "claimgraph_published"  # datetime.date | None: the anchor for relative times
DATELINE = "claimgraph_dateline"  # str | None: the dateline's place ("MOSCOW"), as written
ATTRIBUTIONS = "claimgraph_attributions"  # list[Attribution], reading order
EVENTS = "claimgraph_events"  # list[claimgraph.events.Event], reading order
# Span extensions
ACTOR = "claimgraph_actor"  # Actor | None on spans of SPANS_ACTORS
TIME = "claimgraph_time"  # TimeExpr on spans of SPANS_TIMES

# doc.spans keys
SPANS_ACTORS = "claimgraph_actors"
SPANS_TIMES = "claimgraph_times"
SPANS_SOURCES = "claimgraph_sources"
SPANS_CUES = "claimgraph_cues"
SPANS_CONTENTS = "claimgraph_contents"


def set_extensions() -> None:
    """Register every extension once; calling again changes nothing."""
    for name, default in (
        (PUBLISHED, None),
        (DATELINE, None),
        (ATTRIBUTIONS, None),
        (EVENTS, None),
    ):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in (ACTOR, TIME):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)

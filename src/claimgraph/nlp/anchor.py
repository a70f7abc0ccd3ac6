"""The publication date as the anchor of relative times and dated offices."""

from __future__ import annotations

from datetime import date


def anchor_date(published: str | None) -> date | None:
    """``2022-11-22T15:30`` -> date(2022, 11, 22); None when unknown or malformed."""
    if not published or len(published) < 10:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None

"""The HTTP API and web UI over a claimgraph database (``claimgraph serve``).

``create_app(db_path)`` builds the FastAPI application; ``docs/web.md`` lists endpoints,
pages and limits.
"""

from __future__ import annotations

from claimgraph.web.app import Limits, create_app

__all__ = ["Limits", "create_app"]

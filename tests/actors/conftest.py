"""Fixtures for the actor knowledge-base tests: one packaged KB shared by the session."""

from __future__ import annotations

import pytest

from claimgraph.actors import ActorKB


@pytest.fixture(scope="session")
def kb() -> ActorKB:
    return ActorKB.load()

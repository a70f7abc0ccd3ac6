"""Actor knowledge base: states, international bodies, groups, outlets, offices and people.

Pure Python (no NLP models): an :class:`ActorKB` answers "who is this?" for a phrase
(:meth:`~ActorKB.lookup`, :meth:`~ActorKB.resolve_role`) and finds actor mentions in text
(:meth:`~ActorKB.find_mentions`), with date-bounded answers for offices and memberships::

    from datetime import date
    from claimgraph.actors import default_kb

    kb = default_kb()
    kb.lookup("the Russian foreign minister", on=date(2022, 11, 22))  # Sergey Lavrov, RUS GOV
    kb.find_mentions("Tehran denied it.")  # [Mention(0, 6, 'Tehran', Actor(IRN, GOV), 'capital')]

The data are TSV files in ``claimgraph/data/actors`` (see docs/actors.md), which a user can
extend with their own files: ``ActorKB.load(extra_paths=["my_actors.tsv"])``.
"""

from __future__ import annotations

from claimgraph.actors.kb import ActorKB, default_kb
from claimgraph.actors.model import (
    KINDS,
    MEDIA_SECTOR,
    SECTORS,
    Actor,
    ActorDataError,
    Mention,
    Term,
)

__all__ = [
    "KINDS",
    "MEDIA_SECTOR",
    "SECTORS",
    "Actor",
    "ActorDataError",
    "ActorKB",
    "Mention",
    "Term",
    "default_kb",
]

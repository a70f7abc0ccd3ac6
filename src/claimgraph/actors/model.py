"""The values the actor knowledge base hands out: ``Actor``, ``Mention`` and ``Term``.

They are plain immutable values, so they can be cached, compared in tests and put into the
``actor`` objects of the document contract (``Actor.to_contract``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from claimgraph.errors import ClaimgraphError

#: What an actor is. ``role`` is an organ or office of a state or organization ("the Russian
#: foreign ministry", "the Kremlin", "UN Secretary-General"); ``org`` a non-state
#: organization (an armed group, an NGO, a company).
KINDS = frozenset({"state", "igo", "group", "person", "outlet", "role", "org"})

#: PLOVER sector codes (PLOVER manual, "Sector Codes", plus the codes of PLOVER_agents.txt).
SECTORS = frozenset(
    {
        "AGR", "BUS", "COP", "CRM", "CVL", "EDU", "ELI", "ENV", "GOV", "HRI", "JRN", "JUD",
        "LAB", "LEG", "MED", "MIL", "OPP", "PRE", "PRM", "PTY", "REB", "REF", "REL", "SOC",
        "SPY", "UAF", "UNK",
    }
)  # fmt: skip

#: The sector given to news media. PLOVER's manual calls media JRN and uses MED for health;
#: the document contract (docs/output-contract.md) and this knowledge base use MED for media.
#: Changing this constant and the MED cells of outlets.tsv and roles.tsv switches to JRN.
MEDIA_SECTOR = "MED"

STATE_AFFILIATIONS = frozenset({"state", "state-affiliated", "independent"})
CONFIDENCES = ("high", "medium", "low")


@dataclass(frozen=True, slots=True)
class Actor:
    """Who an actor is, as of one date.

    ``code`` is the actor code of the document contract: ISO 3166-1 alpha-3 for states and
    for what belongs to a state (its organs, outlets and people), a PLOVER polity code for
    international bodies (``UNO``, ``EUR``, ``IGO``, ``NGO``, ``IMG``) and a documented group
    code for groups (``WST``, ``E3``, ``G7``). ``country`` is the state the actor belongs to
    (a person's home state), ``None`` for international bodies and groups. ``members`` are
    the member keys of a group or organization on the date asked about (state keys are their
    ISO codes). ``office`` names the office a person held on that date, or the office a role
    actor stands for.
    """

    key: str
    code: str
    name: str
    kind: str
    sector: str | None = None
    wikidata: str | None = None
    country: str | None = None
    members: tuple[str, ...] = ()
    state_affiliation: str | None = None
    office: str | None = None
    other_sectors: tuple[str, ...] = ()
    confidence: str = "high"

    def to_contract(self) -> dict[str, str | None]:
        """The ``actor`` object of ``claimgraph.document/1``."""
        return {
            "code": self.code,
            "sector": self.sector,
            "name": self.name,
            "wikidata": self.wikidata,
        }


class Mention(NamedTuple):
    """One actor mention in a text: ``text == source[start:end]``.

    ``via`` says how it was recognised: ``name`` (a state's name or alias), ``demonym``
    ("Iranian"), ``capital`` (a capital read as the government), ``alias`` (any other actor's
    name) or ``role`` (a state or organization plus a role phrase: "Iran's permanent mission
    to the UN").
    """

    start: int
    end: int
    text: str
    actor: Actor
    via: str


@dataclass(frozen=True, slots=True)
class Term:
    """An actor's office (or, for organizations, its sector) from ``start`` up to ``end``.

    ``end`` is exclusive: on the handover day the successor holds the office. ``None`` means
    open (still in office as far as the data knows).
    """

    actor: str
    org: str
    office: str | None
    sector: str
    start: date
    end: date | None = None
    hos: bool = False
    hog: bool = False
    confidence: str = "high"
    notes: str = ""

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)


class ActorDataError(ClaimgraphError):
    """An actor table (packaged or a user overlay) that cannot be read.

    ``path`` names the file, ``line`` the 1-based line when there is one, ``reason`` what is
    wrong and, for a bad value, which values are allowed.
    """

    code = "E140"

    def __init__(self, path: str, reason: str, *, line: int | None = None) -> None:
        self.path = path
        self.reason = reason
        self.line = line
        where = path if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {reason}")

"""What the text says about evidence for a claim, and in whose voice.

"No concrete evidence has been presented yet" (the outlet's voice) or "the ministry said it
had provided evidence" (a source's). The patterns are data (``evidence.tsv``): the first
matching row wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from claimgraph.claims.lexicon import evidence_patterns

OUTLET_VOICE = "outlet"


class EvidenceStatement(NamedTuple):
    status: str  # one of lexicon.EVIDENCE_STATUSES
    start: int
    end: int
    voice: str  # OUTLET_VOICE, or the id of the attribution whose content says it
    sentence: int  # index of the sentence it is in


def find_evidence(
    text: str,
    sentences: Sequence[tuple[int, int]],
    contents: Iterable[tuple[str, int, int]],
) -> list[EvidenceStatement]:
    """Evidence statements in ``text``, one per sentence at most. ``sentences`` are
    (start, end) offsets; ``contents`` are (attribution id, start, end) of reported
    contents: a statement inside one is in that source's voice."""
    spans = list(contents)
    found = []
    for n, (s_start, s_end) in enumerate(sentences):
        sentence = text[s_start:s_end]
        for pattern in evidence_patterns():
            match = pattern.regex.search(sentence)
            if match is None:
                continue
            start, end = s_start + match.start(), s_start + match.end()
            voice = next(
                (aid for aid, c_start, c_end in spans if c_start <= start and end <= c_end),
                OUTLET_VOICE,
            )
            found.append(EvidenceStatement(pattern.label, start, end, voice, n))
            break
    return found

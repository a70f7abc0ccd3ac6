"""An article's claims, from its attributions and events (``claimgraph.document/1`` objects)
and its parse.

1. Every reported content with a source is a proposition, held by the source with the
   attribution's stance; contents with the same span are one proposition ("IRNA reported X,
   citing the mission": both hold X).
2. When a coded event lies in the content, the event supplies the proposition's actors and
   predicate. An alleged event, or a content someone is accused of, makes the claim
   *contested*. Asserting a negated event is denying the event.
3. An anaphoric content ("denying the allegations", "insists it is not the case") adds its
   holder to the proposition it refers to (:mod:`claimgraph.claims.anaphora`), as a denial
   when the content negates it.
4. A speech-act event (ACCUSE, REJECT, ...) whose trigger is an attribution's cue is recorded
   on that holder.
5. Evidence statements attach to a contested claim of their sentence, else to the one they
   follow (:mod:`claimgraph.claims.evidence`).

The outlet's own voice is never a holder: a claim needs at least one source.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from spacy.tokens import Doc, Span

from claimgraph.claims import anaphora, propositions
from claimgraph.claims.evidence import find_evidence
from claimgraph.claims.model import ActorRef, Claim, Holder, Proposition
from claimgraph.claims.propositions import ActorSpan

Obj = Mapping[str, Any]
# Event types whose trigger, as an attribution's cue, is the speech act itself.
SPEECH_ACT_TYPES = frozenset({"ACCUSE", "REJECT", "REQUEST", "THREATEN", "SUPPORT", "CONCEDE"})
# Flags that make an event in a content a contested proposition rather than a report.
CONTESTED_FLAGS = ("alleged",)
# Event types of cues that accuse: what they report is contested.
ACCUSING_TYPES = frozenset({"ACCUSE"})
# A reported "we"/"I" is the speaker: "Russia said we will never attack" has subject Russia.
FIRST_PERSON = frozenset({"i", "we", "us", "me", "our ministry", "our country", "our state"})


class _Draft:
    """A proposition being assembled."""

    def __init__(self, start: int, end: int, sentence: int, proposition: Proposition) -> None:
        self.start = start
        self.end = end
        self.sentence = sentence
        self.proposition = proposition
        self.holders: list[Holder] = []
        self.events: list[str] = []
        self.contested = False
        self.evidence: tuple[str, str, tuple[int, int]] | None = None

    def add(self, holder: Holder) -> None:
        for n, h in enumerate(self.holders):
            if _same_actor(h.actor, holder.actor) and h.stance == holder.stance:
                if h.event is None and holder.event is not None:
                    self.holders[n] = h._replace(event=holder.event)
                if h.attribution is None and holder.attribution is not None:
                    self.holders[n] = self.holders[n]._replace(attribution=holder.attribution)
                return
        self.holders.append(holder)


def _same_actor(a: ActorRef, b: ActorRef) -> bool:
    # IRNA (IRN, MED) and Iran's UN mission (IRN, GOV) are two holders, Moscow and Russia one
    if a.code and b.code:
        return (a.code, a.sector) == (b.code, b.sector)
    return a.name.lower() == b.name.lower()


def actor_spans(entities: Iterable[Obj]) -> list[ActorSpan]:
    spans = []
    for e in entities:
        actor = e.get("actor")
        if actor and actor.get("code"):
            name = actor.get("name") or e["text"]
            ref = ActorRef(actor["code"], name, actor.get("sector"))
            spans.append(ActorSpan(e["start"], e["end"], ref))
    return spans


def source_actors(attribution: Obj) -> list[ActorRef]:
    """Every actor the source names ("France, the UK and Germany" gives three); an uncoded
    source is named by its text."""
    source = attribution.get("source")
    if not source:
        return []
    listed = source.get("actors") or ([source["actor"]] if source.get("actor") else [])
    refs = [
        ActorRef(a.get("code"), a.get("name") or source["text"], a.get("sector")) for a in listed
    ]
    return refs or [ActorRef(None, source["text"])]


class _Sentences:
    def __init__(self, doc: Doc) -> None:
        self.bounds = [(s.start_char, s.end_char) for s in doc.sents]
        self._starts = [b[0] for b in self.bounds]

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)


# The attribution rule of a transcript turn ("Vladimir Putin: ..."), whose content is a
# whole speech rather than one proposition.
TURN_RULE = "speaker"
_TRAILING = " \t\n\u00a0.,;:"
# A sentence states something when a clause in it has a subject.
CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# ... and it is about something when a noun or name fills one of its arguments.
ARGUMENT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "dative", "oprd", "appos", "conj"}
)


def _states_something(sentence: Span) -> bool:
    """A sentence of a transcript turn that is a proposition: a clause with a subject and a
    noun or name among its arguments ("Russia has been a reliable energy supplier"), not
    the talk around it ("Yes, I know", "I am very glad to see you", "Thank you very much"),
    which would otherwise make the largest threads of a transcript corpus."""
    return any(t.dep_ in CLAUSE_SUBJECTS for t in sentence) and any(
        t.pos_ in {"NOUN", "PROPN"} and t.dep_ in ARGUMENT_DEPS for t in sentence
    )


def _turn_sentences(
    doc: Doc, sentences: _Sentences, attribution: Obj, nested_cues: Mapping[str, list[int]]
) -> Sequence[Obj]:
    """The attribution as the claims see it: itself, or for a transcript turn one copy per
    sentence of the turn, each with that sentence as its content. A sentence that holds a
    report of its own ("I would like to note that C") is left to that report, whose "I" is
    the speaker already, and one without a clause of its own ("Thank you very much", "Once
    again, welcome") states nothing."""
    if attribution.get("rule") != TURN_RULE:
        return [attribution]
    content = attribution["content"]
    cues = nested_cues.get(attribution["id"], [])
    text = doc.text
    units: list[Obj] = []
    first, last = sentences.index(content["start"]), sentences.index(content["end"] - 1)
    for start, end in sentences.bounds[first : last + 1]:  # the turn's sentences only
        start, end = max(start, content["start"]), min(end, content["end"])
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        if end <= start or any(start <= cue < end for cue in cues):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not _states_something(span):
            continue
        piece = {"text": text[start:end], "start": start, "end": end}
        units.append({**attribution, "content": {**content, **piece}})
    return units


# Stances whose object is a proposition even when it is a noun phrase: a request ("called
# for new sanctions"), a denial or a doubt ("denied the supply of drones").
NOMINAL_STANCES = frozenset({"request", "deny", "doubt", "question"})


def _only_a_topic(doc: Doc, attribution: Obj) -> bool:
    """An asserted content that is a noun phrase (its head is no verb, and no clause in it
    has a subject) with no event in it says what was talked about, not what is claimed:
    "discussed *Ukraine's European integration*", "*these words*", "thanked *Turkey for its
    assistance in hosting talks*". Such a content is no claim (unless its cue accuses:
    "accused Russia of *war crimes*")."""
    if attribution["stance"] in NOMINAL_STANCES:
        return False
    content = attribution["content"]
    span = doc.char_span(content["start"], content["end"], alignment_mode="expand")
    if span is None:
        return False
    roots = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    return not any(t.dep_ in CLAUSE_SUBJECTS for t in span) and not any(
        t.pos_ in {"VERB", "AUX"} for t in roots
    )


def _events_in(events: Sequence[Obj], start: int, end: int) -> list[Obj]:
    return [e for e in events if start <= e["trigger"]["start"] and e["trigger"]["end"] <= end]


def _cue_events(events: Sequence[Obj], attribution: Obj) -> list[Obj]:
    cue = attribution["cue"]
    return [
        e
        for e in events
        if e["type"] in SPEECH_ACT_TYPES
        and cue["start"] <= e["trigger"]["start"]
        and e["trigger"]["end"] <= cue["end"]
    ]


def _content_event(found: list[Obj]) -> Obj | None:
    """The event a content is about: a flagged one first (what is alleged or denied), else
    the first."""
    for e in found:
        if any(e["flags"].get(f) for f in CONTESTED_FLAGS) or e["flags"].get("negated"):
            return e
    return found[0] if found else None


def find_claims(
    doc: Doc,
    attributions: Sequence[Obj],
    events: Sequence[Obj],
    entities: Sequence[Obj],
) -> list[Claim]:
    """The claims of one processed article, in text order (see the module doc)."""
    text = doc.text
    sentences = _Sentences(doc)
    actors = actor_spans(entities)
    drafts: list[_Draft] = []
    by_span: dict[tuple[int, int], _Draft] = {}
    anaphoric: list[tuple[Obj, str]] = []

    nested_cues: dict[str, list[int]] = {}  # the cues reported inside each attribution
    for a in attributions:
        if a.get("nested_in"):
            nested_cues.setdefault(a["nested_in"], []).append(a["cue"]["start"])
    ordered = sorted(
        (
            unit
            for a in attributions
            if a.get("content") and a.get("source")
            for unit in _turn_sentences(doc, sentences, a, nested_cues)
        ),
        key=lambda a: (a["content"]["start"], a["id"]),
    )
    for a in ordered:
        content = a["content"]
        kind = anaphora.classify(content["text"])
        if kind is not None:
            anaphoric.append((a, kind))
            continue
        key = (content["start"], content["end"])
        draft = by_span.get(key)
        inside = _events_in(events, *key)
        event = _content_event(inside)
        cue_events = _cue_events(events, a)
        accused = any(e["type"] in ACCUSING_TYPES for e in cue_events)
        if draft is None and event is None and not accused and _only_a_topic(doc, a):
            continue
        if draft is None:
            if event is not None:
                prop = propositions.from_event(doc, *key, actors, dict(event))
            else:
                prop = propositions.from_parse(doc, *key, actors)
            draft = _Draft(*key, sentences.index(key[0]), prop)
            by_span[key] = draft
            drafts.append(draft)
            if event is not None:
                draft.events.append(event["id"])
                draft.contested = any(event["flags"].get(f) for f in CONTESTED_FLAGS)
        if accused:
            draft.contested = True
        stance = a["stance"]
        if event is not None and event["flags"].get("negated") and stance == "assert":
            stance = "deny"
        _add_holders(draft, a, stance, cue_events)

    candidates = [
        anaphora.Candidate(n, d.start, d.sentence, d.contested) for n, d in enumerate(drafts)
    ]
    for a, kind in anaphoric:
        at = a["content"]["start"]
        found = anaphora.pick_antecedent(candidates, at=at, sentence=sentences.index(at), kind=kind)
        if found is None:
            continue
        stance = "deny" if kind == "negation" else a["stance"]
        _add_holders(drafts[found], a, stance, _cue_events(events, a))

    _attach_evidence(text, sentences, attributions, drafts, candidates)
    for d in drafts:
        d.proposition = _speaker_as_subject(d.proposition, d.holders)
    drafts = sorted((d for d in drafts if d.holders), key=lambda d: (d.start, d.end))
    return [
        Claim(
            id=f"c{n}",
            start=d.start,
            end=d.end,
            text=text[d.start : d.end],
            proposition=d.proposition,
            holders=tuple(d.holders),
            events=tuple(d.events),
            contested=d.contested,
            evidence=d.evidence[0] if d.evidence else None,
            evidence_voice=d.evidence[1] if d.evidence else None,
            evidence_span=d.evidence[2] if d.evidence else None,
        )
        for n, d in enumerate(drafts)
    ]


def _speaker_as_subject(prop: Proposition, holders: Sequence[Holder]) -> Proposition:
    subject = prop.subject
    if subject is None or subject.code is not None or subject.name.lower() not in FIRST_PERSON:
        return prop
    speaker = next((h.actor for h in holders if h.actor.code), None)
    return prop._replace(subject=speaker) if speaker is not None else prop


def _add_holders(draft: _Draft, attribution: Obj, stance: str, cue_events: list[Obj]) -> None:
    for actor in source_actors(attribution):
        event = next(
            (
                e["id"]
                for e in cue_events
                if actor.code is None or actor.code in {p.get("code") for p in e["actor"]}
            ),
            None,
        )
        draft.add(Holder(actor, stance, attribution["id"], event))


def _attach_evidence(
    text: str,
    sentences: _Sentences,
    attributions: Sequence[Obj],
    drafts: list[_Draft],
    candidates: list[anaphora.Candidate],
) -> None:
    # Only a report with a source gives a voice: "No evidence has been presented" is read by
    # the attribution layer as a passive report with no one behind it, and stays the outlet's.
    contents = [
        (a["id"], a["content"]["start"], a["content"]["end"])
        for a in attributions
        if a.get("content") and a.get("source")
    ]
    for statement in find_evidence(text, sentences.bounds, contents):
        # 1. a contested claim stated in the same sentence; 2. the claim it follows
        same = [d for d in drafts if d.sentence == statement.sentence and d.contested]
        if same:
            target: _Draft | None = same[0]
        else:
            found = anaphora.pick_antecedent(
                candidates, at=statement.start, sentence=statement.sentence, kind="allegation"
            )
            target = drafts[found] if found is not None else None
        if target is not None and target.evidence is None:
            target.evidence = (statement.status, statement.voice, (statement.start, statement.end))

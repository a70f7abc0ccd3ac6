"""PLOVER/CAMEO event coding by dependency patterns: pure functions over a parsed Doc.

``find_events(doc)`` returns :class:`Event` tuples in reading order. It reads the actor spans
(``doc.spans["claimgraph_actors"]``), the time spans (``doc.spans["claimgraph_times"]``) and
the attributions (``doc._.claimgraph_attributions``) when they are there. For each sentence:

1. **Triggers**: every verb or noun whose lemma has a row in ``patterns.tsv`` (and whose
   ``requires`` holds), outside actor names.
2. **Embedding**: an act its verb stops is coded by ``stops.tsv`` ("*ended* military
   cooperation": SANCTION 160). A trigger in the complement of another ("asked the UN to
   *investigate*",
   "accused Iran of *supplying*") is either folded into it (it refines its CAMEO code through
   ``complements.tsv``, and lends it a recipient) or, under an accusation or a denial
   (``embeds`` = ``alleged``/``negated``), emitted with that flag: never as a plain fact.
   Purpose clauses without a subject ("rioted *demanding* ...") fold like complements; events
   of background clauses (relative, participial, temporal) are kept only when the sentence
   has no other coded event (``_background``); events of one type by one actor whose
   recipients overlap are one event ("attacked and killed").
3. **Participants**: the actor is the subject (or the ``by`` agent, or the controller of an
   infinitive or gerund: the object of "asked X to", "accused X of"); for a noun, also its
   possessor or adjective ("Russia's invasion"), the doer of a ``for`` phrase ("blamed Israel
   for the bombing") or the forces it moves ("the deployment of NATO troops"); the recipient the
   first slot of the pattern's ``recipient`` list that names an actor other than the actor,
   else a cascade of
   fallbacks (``_fallback_recipients``; for a threat ``_condition_party``; for a material
   act ``_place_recipients``). Each is resolved to the actor spans it names,
   conjuncts included ("France, the UK and Germany" gives three); a pronoun to its antecedent.
   A role the named actors leave empty may be a proper name the actor tables do not know,
   coded by the gazetteer ("Samarra" → IRQ, "President Levy Mwanawasa" → ZMB), or a generic
   group or role ("police", "rebels", "gunmen", "President Gbagbo"): its sector from the role
   table or the agents dictionary, its country from the sentence (its named states, else the
   states of its gazetteer names) or the dateline (``_generic``, ``GroupContext``), marked
   ``inferred``. An "ethnic" demonym is coded by the state the group lives in
   (``_residents``). A main verb the parser left without a subject takes the actors named
   last before it (``_nearest_before``).
   An event with neither an actor nor a recipient is dropped (``MIN_PARTICIPANTS``).
4. **Flags** (PLOVER's auxiliary modes) from ``modifiers.tsv`` (words of the trigger's own
   clause: a clause below it does not lend its words); ``historical`` and ``future`` also from
   the event's date against the publication date.
5. **Date**, a cascade where the first hit wins: a time expression in the trigger's own clause;
   else, for reported speech not in the past perfect, the time of the report's cue clause
   ("... has requested ..., IRNA reported on Tuesday"); else none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from claimgraph.actors import Actor, ActorKB, default_kb
from claimgraph.actors.agents import Agents, default_agents
from claimgraph.actors.gazetteer import Gazetteer, default_gazetteer
from claimgraph.events.tables import EventTables, Pattern, default_tables
from claimgraph.nlp import extensions as ext
from claimgraph.nlp.spans import CharSpan

VERB_POS = frozenset({"VERB"})
NOUN_POS = frozenset({"NOUN"})
# Relations along which an embedded trigger belongs to the trigger above it.
EMBEDDING_DEPS = frozenset(
    {"xcomp", "ccomp", "pcomp", "prep", "pobj", "dobj", "nsubjpass", "acl", "attr"}
)
# A purpose clause of a verb whose object is an event ("staged demonstrations *to demand*",
# "launched an attack *to retake*") belongs to that event: the PLOVER manual does not code the
# demand of a protest separately. So does a "that" clause the parser hangs on the verb rather
# than on its object noun ("reiterated its demand *that Israel ease* ...").
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "ccomp"})
# Slots that are clauses: a noun's clause is often attached to the verb it is the object of.
CLAUSE_SLOTS = frozenset({"ccomp", "acl", "advcl", "xcomp"})
LIGHT_OBJECT_DEPS = frozenset({"dobj"})
# Verbs whose "on" phrase names an act of their subject ("went *on* strike", "embarked on a
# hunger strike", "remained on strike"); elsewhere "on" names a topic ("commented on the
# attack").
ON_PREP = "on"
ON_ACT_VERBS = frozenset({"go", "embark", "remain", "stay", "be"})
# Verbs whose "to" phrase names an act their subject joins ("would not *return to* the talks",
# "*went to* war"); elsewhere "to" names a place or a recipient.
TO_PREP = "to"
TO_ACT_VERBS = frozenset({"return", "go", "come", "rejoin"})
# Clauses that set the scene (see _background): their events are reported only when the
# sentence has no event of its own.
PARTICIPLE_TAGS = frozenset({"VBN", "VBG"})
SCENE_MARKS = frozenset({"after", "as", "while", "when", "since", "before", "until", "once"})
# A stated intention made conditional on the other side's conduct is a threat ("will
# withdraw its force unless ..."); "if" is left out: "would meet him if ..." is an offer.
THREAT_MARKS = frozenset({"unless"})
# The subordinator of an infinitive with its own subject ("called *for* Israel to halt
# construction", "pressed *for* Iraq to allow inspectors"): the parser makes it an adverbial
# clause, but it is the complement of the verb or noun, the act wanted, not one done.
FOR_TO_MARK = "for"
INFINITIVE_MARK = "to"
# Dependents that make an adverbial clause an event of its own (a subject, a subordinator).
OWN_CLAUSE_DEPS = frozenset({"nsubj", "nsubjpass", "mark", "expl"})
# Dependents that open a clause of their own: their times and triggers are not the head's.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis", "pcomp"})
# Types whose place is where they happen, not a party to them ("a meeting *in Brussels*",
# "talks *at* the UN"), and the prepositions that name such a place.
PLACE_IS_VENUE_TYPES = frozenset({"CONSULT"})
VENUE_PREPS = frozenset({"in", "at"})
MULTILATERAL_KINDS = frozenset({"igo", "group"})
# Prepositions whose phrase is a noun's content, not a description of it (``_describes``).
CONTENT_PREPS = frozenset({"of"})
ACTIVE_SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Verbs of which a noun act is the subject and that say it happens ("an invasion *could
# come*"): their modal is the act's.
OCCURRENCE_VERBS = frozenset(
    {"come", "happen", "occur", "begin", "start", "resume", "continue", "follow", "go",
     "take", "break", "erupt", "end", "stop", "be", "last", "proceed", "intensify",
     "escalate", "spread", "loom", "materialize", "materialise"}
)  # fmt: skip
# Verbs whose object or prepositional object is an act that came before them.
REACTIVE_VERBS = frozenset(
    {"respond", "react", "retaliate", "reply", "answer", "avenge", "punish", "condemn",
     "investigate", "mourn", "recover", "compensate", "apologize", "apologise",
     # ... or its topic: "will continue to report *on its invasion*"
     "report", "comment", "write", "speak", "talk", "ask", "inform", "brief", "discuss"}
)  # fmt: skip
# Dependents that take an act out of the scope of the flag words above it (``_outside_scope``).
SCOPE_BARRIER_DEPS = frozenset({"advcl", "relcl", "parataxis", "appos", "npadvmod"})
# Noun-phrase dependents in which an actor can be named ("Israeli", "Iran's", "UN").
NP_MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
OF_PREPS = frozenset({"of", "from"})
# Prepositions that place a generic group ("rebels in the Ivory Coast", "students throughout
# Indonesia"): when the phrase names no actor otherwise, the place codes it (as in CAMEO).
PLACE_PREPS = frozenset({"in", "throughout", "inside"})
# Participles and adjectives that tie a generic group to the actor that codes it ("workers
# affiliated with the Serbian Workers' Union", "militants loyal to ...", "a group based in
# Trinidad", "militiamen belonging to Hezbollah"): CAMEO codes such a group by its
# affiliation.
AFFILIATION_WORDS = frozenset(
    {"affiliate", "affiliated", "loyal", "base", "based", "link", "linked", "allied", "belong"}
)
# Prepositions of a trigger's object that name the party it is done to or with.
OBJECT_PREPS = frozenset({"with", "to", "against", "on", "for", "in", "into", "from", "by"})
# How many prepositional levels down the object of an act a partner or place is looked for
# ("suspension *of* air links *with* Serbia": two).
OBJECT_DEPTH = 2
# Prepositions of a place, and the event types whose act is done to the place it happens in
# (a protest, an attack, a curfew, a deployment, aid; not a statement made in a capital).
LOCATIVE_PREPS = frozenset({"in", "at", "inside", "throughout", "into"})
PLACE_TARGET_TYPES = frozenset(
    {"PROTEST", "ASSAULT", "COERCE", "MOBILIZE", "AID", "RETREAT", "CONCEDE", "SANCTION"}
)
# The mode of a visit (CONSULT 042): the place visited is the host, its recipient.
VISIT_MODE = "visit"
# Slots of a non-trigger complement verb that give the recipient ("threatened to break
# relations with Russia").
FALLBACK_SLOTS = ("dobj", "dative", "prep:with", "prep:against", "prep:to", "prep:on")
# Personal and possessive pronouns that stand for an actor named earlier in the sentence.
PRONOUNS = frozenset(
    {"it", "they", "he", "she", "we", "its", "their", "his", "her", "our", "him", "them", "us"}
)
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Modifiers that say a generic group is not of the country its sentence is about.
UNLOCATED_WORDS = frozenset(
    {"world", "foreign", "other", "international", "global", "western", "overseas", "visiting"}
)
# Pronouns by what they can stand for (``_antecedent``).
FIRST_PERSON = frozenset({"we", "our", "us"})
PERSONAL = frozenset({"he", "she", "his", "her", "him"})
NONPERSONAL = frozenset({"it", "its"})
PERSON_KINDS = frozenset({"person", "role"})
PERSON_KIND = "person"
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj"})
QUOTE_MARKS = frozenset({'"', "“", "”", "``", "''", "‘", "’"})
# A path step separator in `requires` and `recipient` cells: "ccomp>aux:must", "ccomp>nsubj".
PATH_SEP = ">"
# The word of a `requires` item that any word matches ("dobj:*": the verb has an object).
ANY_WORD = "*"
# The last step of a `requires` path that tests the part-of-speech tag of the word reached
# rather than a dependent ("ccomp>tag:VB": "insisted that Israel *halt*", a mandative
# subjunctive, is a demand).
TAG_STEP = "tag"
# The last step of a `requires` path that tests the word the trigger hangs from rather than a
# dependent ("head:on": "went *on* strike"; "head:call": "*called* a strike").
HEAD_STEP = "head"
# The mark of a `requires` item that must not hold ("!dobj:message").
NOT = "!"
# A `requires` item may join conditions that must all hold: "prt:off+dobj:strike" ("called off
# the strike"; "called a strike" and "called off talks" do not match).
AND = "+"
DEFAULT_RECIPIENT = {
    "verb": ("dobj", "dative", "prep:with", "prep:against", "prep:to"),
    "noun": ("prep:with", "prep:against", "prep:on", "prep:to", "prep:between"),
}
# How far the actor search climbs through shared subjects ("agreed to start", "..., adding").
MAX_SUBJECT_HOPS = 3
MIN_PARTICIPANTS = 1
# An event dated this much before publication is historical.
HISTORICAL_DAYS = 365
# CAMEO codes a stated intention by the kind of act intended: "will withdraw", "is ready to
# send aid" express intent to cooperate (AGREE, 03x); "will blockade" threatens (THREATEN,
# 13x); "will not accept" rejects (REJECT, 12x). The tuple is (CAMEO root, fallback code).
COOPERATIVE_TYPES = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"})
CONFLICTUAL_TYPES = frozenset({"COERCE", "ASSAULT", "SANCTION", "MOBILIZE", "PROTEST"})
INTENT_FLAGS = frozenset({"future", "hypothetical"})
# ``embeds`` values (patterns.tsv): a governor that passes its object's act on to be the
# event ("ordered the arrest of ...") folds its other complements.
PASS = "pass"
# A denial (`embeds` = negated) of a noun claim ("denied *allegations*") rejects the claim; it
# does not say the claim was not made.
NEGATED = "negated"
CLAIM_TYPES = frozenset({"ACCUSE"})
FOLDING = frozenset({"fold", PASS})
# Dependents that make a clause's subject (a main verb without any is a misparse).
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
# How a stopped act hangs on the verb that stops it ("ended *cooperation*", "cooperation
# *was ended*", "stopped *cooperating*"): see ``_stopped``.
STOPPED_DEPS = frozenset({"dobj", "nsubjpass", "xcomp"})
# The CAMEO roots of a promise (03x) and of a refusal (12x), for refining a promise by what is
# promised (``_code_for``).
INTENT_ROOT = "03"
REFUSAL_ROOT = "12"
CONDITION_MARKS = frozenset({"if", "unless"})
IF_MARK = "if"
THREAT_TYPE = "THREATEN"
# Generic groups and roles ("police", "rebels", "students", "President Gbagbo") that name no
# actor take their country from context (``_generic``) and their sector from roles.tsv. A
# role of these sectors is not coded that way: "the newspaper said" is a source, not a party
# (MED in the role table, JRN in the agents dictionary).
UNCODED_SECTORS = frozenset({"MED", "JRN"})
# Verbs whose passive states the subject's own disposition ("Vietnam is committed to ...",
# "is determined to"): the passive subject is the doer.
STATIVE_PASSIVES = frozenset({"commit", "determine", "dedicate", "devote"})
# A noun trigger in a "for" phrase of a verb is done by the verb's object ("blamed Israel *for
# the bombing*"), else by its subject ("returned to Geneva *for talks*").
PURPOSE_PREPS = frozenset({"for"})
# Adjectives that make their clause's subject the doer of the act in their "for"/"of" phrase
# ("Sudan's army is *responsible for* mass killings", "the rebels were *guilty of* the attack").
RESPONSIBLE_WORDS = frozenset({"responsible", "guilty", "liable", "culpable"})
RESPONSIBLE_PREPS = frozenset({"for", "of"})
# Acts only a state's authorities do (CAMEO 172x administrative sanctions: curfews, bans,
# martial law; 173 arrest, detain or charge; 090/091 investigate, a crime): stated in an
# agentless passive, the state they happen in did them ("a missionary *was arrested in
# Lebanon*", "a curfew *was imposed in* Cizre", "*was put under investigation in Italy*"),
# as the PLOVER gold records infer actors from the event's location.
AUTHORITY_CODES = frozenset({"090", "091", "172", "1721", "1722", "1723", "1724", "173"})
# "between X and Y" names the parties of a reciprocal act ("talks *between Israel and Syria*",
# "clashes *between Indian and Pakistani troops*", "an agreement *between Ethiopia and
# Eritrea* was signed"): with no actor named otherwise, the first is coded the actor and the
# others its recipients, as CAMEO codes a reciprocal event (the PLOVER manual makes every
# party of one an actor). Not for mediation (045), whose parties are the mediator's
# recipients ("a mediation effort *between* the Emirates and Saudi Arabia").
BETWEEN_PREP = "between"
THIRD_PARTY_CODES = frozenset({"045"})
# A noun act of saying or giving names its source in a "from" phrase ("drew *protests from
# Paris*", "criticism from Washington", "aid from Japan"); elsewhere "from" is the place left
# or the party parted from ("withdrawal from Lebanon", "independence from Iraq").
SOURCE_PREP = "from"
# Prepositions whose gerund the governor's object does ("accused Iran *of* supplying",
# "blamed Israel *for* attacking", "warned Russia *against* invading"); after any other
# ("provoked concern *after* threatening") the governor's subject does it.
OBJECT_CONTROL_PREPS = frozenset({"of", "for", "from", "into", "against", "over", "with"})
# Dependencies of a bare past participle that hangs on a clause (``_patient_clause``).
PARTICIPLE_CLAUSE_DEPS = frozenset({"advcl", "xcomp", "oprd", "ccomp", "conj"})
# Verbs whose object act is someone else's: dodging, breaking or resisting it.
OTHERS_ACT_VERBS = frozenset(
    {"circumvent", "evade", "bypass", "dodge", "escape", "survive", "violate", "breach",
     "defy", "flout", "ignore", "resist", "withstand", "repel", "repulse", "thwart", "foil",
     "fear", "weather",
     # ... or judging it: "Russia *blamed* sanctions", "Iran *welcomed* the ceasefire"
     "blame", "accuse", "condemn", "criticise", "criticize", "denounce", "deplore", "decry",
     "welcome", "praise", "hail", "applaud", "lament", "regret"}
)  # fmt: skip
# Verbs whose "of" phrase names what their object did ("accused Russia *of strikes*").
CHARGING_VERBS = frozenset({"accuse", "suspect", "charge", "convict", "acquit", "clear"})
# Verbs of belief: what they govern is someone's view, never the doer's stated intention
# ("to think China *would* bail him out").
BELIEF_VERBS = frozenset({"think", "believe", "assume", "imagine", "suppose", "fear"})
# Verbs of using a thing: the purpose infinitive of their passive is the user's act.
INSTRUMENT_VERBS = frozenset({"use", "employ", "utilize", "utilise"})
# Modals that state an obligation: the act is required of its doer, not intended by it.
OBLIGATION_MODALS = frozenset({"must", "should", "ought"})
OBLIGATION_VERBS = frozenset({"have", "need"})
# Verbs of speaking: an outlet they address is the channel of a statement.
SPEECH_VERBS = frozenset(
    {"tell", "say", "speak", "talk", "announce", "state", "declare", "add", "explain", "write"}
)
# The kind of actor a news outlet is (actors/kb.py): spoken to, it is an interviewer.
OUTLET_KIND = "outlet"
SOURCED_TYPES = frozenset(
    {"ACCUSE", "PROTEST", "REQUEST", "SUPPORT", "THREATEN", "REJECT", "AGREE", "AID"}
)
# "under" an act: the subject of the clause undergoes it ("came *under attack*", "was put
# *under investigation*").
UNDER_PREP = "under"
UNDERGO_VERBS = frozenset({"face", "suffer", "undergo", "incur", "endure", "sustain"})
# Prepositions whose noun act happens where the verb they belong to does ("arrived *in
# Tokyo* for a visit", "was put under investigation *in Italy*").
ACT_PREPS = PURPOSE_PREPS | {UNDER_PREP}
# A noun trigger in a "with" phrase of a verb is the means by which the verb's subject acts
# ("Israel retaliated *with air strikes*", "responded *with sanctions*"); in a passive the
# subject is the patient, and the "by" agent, if any, acts ("was hit with sanctions").
INSTRUMENT_PREPS = frozenset({"with"})
# Prepositions that join an amount to what it measures ("10 days *of* war games", "$50
# million *in* aid"): the act is done by the doer of the amount. "in" only after a number
# ("500 million dollars *in* loans"), since elsewhere it names a place or a topic.
MEASURE_PREPS = frozenset({"of"})
AMOUNT_PREPS = frozenset({"in"})
# Nouns that measure an act in an "of" phrase without a number ("a wave *of strikes*"): not
# "forces *of strikes*", which the parser made of "accused Russian forces of strikes".
MEASURE_NOUNS = frozenset(
    {"wave", "series", "round", "spate", "string", "campaign", "day", "week", "month", "year",
     "hour", "number", "barrage", "volley", "flurry", "burst", "couple", "dozen", "dozens",
     "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
     "billions", "lot", "kind", "type", "package", "tranche", "bn", "m", "amount", "total",
     "sum", "shipment", "batch", "consignment", "program", "programme", "plan", "set",
     "bout", "period", "night", "weekend", "season", "decade", "surge", "escalation",
     "intensification", "resumption", "continuation", "cycle", "pattern", "spree"}
)  # fmt: skip
# Heads of an "of" phrase that does the act of a movement noun ("the withdrawal *of Israeli
# troops*", "the deployment *of NATO peacekeepers*").
FORCE_WORDS = frozenset(
    {
        "troop", "troops", "force", "forces", "soldier", "peacekeeper", "army", "unit",
        "contingent", "battalion", "brigade", "division", "marine", "personnel", "police",
        "navy", "warship", "ship", "tank", "aircraft", "jet", "monitor", "observer",
    }
)  # fmt: skip
# Nouns whose possessor is not the party they name ("its neighbor", "Israel's ally").
RELATIONAL_NOUNS = frozenset(
    {
        "neighbor", "neighbour", "ally", "rival", "enemy", "foe", "opponent", "adversary",
        "partner", "counterpart", "proxy", "client", "allies", "partners", "backer",
        "backers", "supporter", "supporters", "friend", "friends", "sponsor", "sponsors",
    }
)  # fmt: skip
# Noun acts whose adjective or compound may name the target ("Iran sanctions", "Ukraine aid"):
# it is made the actor only when the act names another party.
TARGET_MODIFIED_TYPES = frozenset({"SANCTION", "AID"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
# Modifiers of a noun trigger that name its actor ("Russia's invasion", "Israeli attacks").
ACTOR_MODIFIER_DEPS = frozenset({"poss", "amod", "nmod"})
# Modifiers that make a generic group's phrase with its head ("Islamic fundamentalists").
GROUP_MODIFIER_DEPS = frozenset({"amod", "compound"})
# The words of a title before a name ("Lt. Gen. Prosper Avril", "opposition leader X"), and
# how many are tried.
TITLE_DEPS = frozenset({"compound", "amod", "nmod", "punct"})
MAX_TITLE_WORDS = 4
# Words that make a demonym an ethnic group rather than its state ("ethnic Albanians"):
# CAMEO codes an ethnic group by the state it lives in (``_residents``).
ETHNIC_WORDS = frozenset({"ethnic"})
# Actor kinds whose country does not say where the sentence's events happen (an agency
# reporting from abroad: "the Czechoslovak news agency Ceteka reported from Kabul").
NO_PLACE_KINDS = frozenset({"outlet"})
ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
DATE_KINDS = frozenset({"date", "time", "ref"})


class Participant(NamedTuple):
    text: str
    start: int
    end: int
    code: str
    sector: str | None
    wikidata: str | None
    # None for a named actor; for a generic group coded from context ("police", "rebels"),
    # where its country came from: "sentence" or "dateline" (see _generic)
    inferred: str | None = None


class Flags(NamedTuple):
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    alleged: bool = False

    def with_(self, names: Iterable[str]) -> Flags:
        return self._replace(**dict.fromkeys(names, True))

    def any(self) -> bool:
        return any(self)


class Event(NamedTuple):
    type: str
    mode: str
    context: tuple[str, ...]
    cameo: str
    goldstein: float | None
    actor: tuple[Participant, ...]
    recipient: tuple[Participant, ...]
    trigger: CharSpan
    trigger_token: int
    sentence: CharSpan
    date: str | None
    date_granularity: str | None
    flags: Flags
    attribution: int | None  # position in doc._.claimgraph_attributions
    rule: str  # the pattern row that matched


class _Inferred(NamedTuple):
    """A generic group or role coded from context (``_generic``): a participant that is no
    actor span. ``start`` is its head's token index (what ``Span.start`` is for a span)."""

    start: int
    text: str
    start_char: int
    end_char: int
    actor: Actor
    basis: str | None  # "sentence" | "dateline"; None for a name the gazetteer knows


# What a phrase names: an actor span, or a generic group coded from context.
Party = Span | _Inferred


class GroupContext:
    """What codes the generic groups of one sentence: its country (``country_for``) and the
    role table, through the actor knowledge base; and the gazetteer, for the proper names the
    knowledge base does not know. Lookups are cached per document."""

    __slots__ = (
        "_cache", "_names", "_unnamed", "agents", "basis", "country", "dateline", "day",
        "gazetteer", "kb", "states",
    )  # fmt: skip

    def __init__(
        self,
        kb: ActorKB,
        *,
        day: date | None,
        dateline: str | None,
        gazetteer: Gazetteer | None = None,
        agents: Agents | None = None,
    ) -> None:
        self.kb = kb
        self.gazetteer = gazetteer
        self.agents = agents
        self.day = day
        self.dateline = dateline
        self.country: str | None = None
        self.states: tuple[str, ...] = ()
        self._unnamed: Span | None = None
        self.basis = "sentence"
        self._cache: dict[tuple[str, str], Actor | None] = {}
        self._names: dict[tuple[str, ...], Actor | None] = {}

    def set_sentence(self, countries: Sequence[str], sentence: Span | None = None) -> None:
        """The country of the sentence's generic groups: the one state its actor mentions
        belong to; when they belong to several, the dateline's country if it is one of them;
        when they belong to none, the states of its gazetteer names (``_name_countries``,
        looked up only when a role needs a country), else the dateline's country; else none.
        ``countries`` are in the order the sentence names them (``states``)."""
        self._unnamed = sentence if not countries else None
        self._apply(countries)

    def _apply(self, countries: Sequence[str]) -> None:
        self.states = tuple(countries)
        if len(countries) == 1:
            self.country, self.basis = next(iter(countries)), "sentence"
        elif self.dateline is not None and (not countries or self.dateline in countries):
            self.country, self.basis = self.dateline, "dateline"
        else:
            self.country = None

    def role(self, phrases: Sequence[str]) -> Actor | None:
        """The actor of the first phrase that is a role of the sentence's country (roles.tsv),
        else of the first that is an agent noun of the agents dictionary ("gunmen",
        "militiamen", "settlers")."""
        if self._unnamed is not None:  # a sentence naming no state: its places, if any
            found = _name_countries(self._unnamed, self)
            self._unnamed = None
            if found:
                self._apply(found)
        country = self.country
        if country is None:
            return None
        for phrase in phrases:
            key = (country, phrase)
            if key not in self._cache:
                self._cache[key] = self.kb.role_of(country, phrase, on=self.day)
            actor = self._cache[key]
            if actor is not None and actor.sector not in UNCODED_SECTORS:
                return actor
        return self._agent(country, phrases)

    def _agent(self, country: str, phrases: Sequence[str]) -> Actor | None:
        """The actor of the first phrase that is an agent noun; not of a plural whose
        singular is a role the role table lists as a singular only ("governments" are
        others' governments, not the sentence country's)."""
        if self.agents is None:
            return None
        for phrase in phrases:
            listed = self.agents.entry(phrase)
            if listed is None:
                continue
            if listed != phrase and self.kb.role_of(country, listed, on=self.day) is not None:
                return None
            sector, other = self.agents.sectors(listed) or ("", ())
            if not sector or sector in UNCODED_SECTORS:
                return None
            return Actor(f"{country}:{phrase}", country, f"{country} {phrase}", "role",
                         sector=sector, country=country, other_sectors=other)  # fmt: skip
        return None

    def _title(self, words: Sequence[str]) -> int:
        """How many leading words are a title (an agent noun: "President", "Prime
        Minister", "Gen."), the name left after them."""
        if self.agents is None:
            return 0
        for end in range(len(words) - 1, 0, -1):
            if self.agents.entry(" ".join(words[:end]).lower()) is not None:
                return end
        return 0

    def name(self, words: Sequence[str]) -> Actor | None:
        """The actor of a proper name the knowledge base does not know: a place or a past
        office holder of the gazetteer, coded with its state ("Samarra", "President Levy
        Mwanawasa")."""
        if self.gazetteer is None or not words:
            return None
        key = tuple(words)
        if key not in self._names:
            self._names[key] = self._name(words, self.gazetteer)
        return self._names[key]

    def _name(self, words: Sequence[str], gazetteer: Gazetteer) -> Actor | None:
        place = gazetteer.find(words, title=self._title(words))
        if place is None:
            return None
        if not place.is_state:  # "the Red Cross": an international body, of no country
            return Actor(f"{place.code}:{' '.join(words)}", place.code, " ".join(words), "org")
        kind = "person" if place.sector is None else "state"
        return Actor(f"{place.code}:{' '.join(words)}", place.code, " ".join(words), kind,
                     sector=place.sector, country=place.code)  # fmt: skip


class ActorIndex(dict[int, Span]):
    """The actor spans by token index; with a ``context``, a generic group or role that
    names no actor is coded from it (``_generic``). Parties starting at a token of
    ``exclude`` are not named (the event's actor, while its recipient is searched)."""

    context: GroupContext | None = None
    exclude: frozenset[int] = frozenset()


class _Found(NamedTuple):
    token: Token
    pattern: Pattern


def _walk(token: Token, path: Sequence[str]) -> list[Token]:
    """The tokens reached from ``token`` along a dependency path ("ccomp", "aux")."""
    level = [token]
    for dep in path:
        level = [c for t in level for c in t.children if c.dep_ == dep]
    return level


def _matches(token: Token, pattern: Pattern) -> bool:
    """Whether the trigger has one of the row's ``requires`` dependents and none of its
    exclusions (items written ``!dep:word``: "send" + ``!dobj:message`` is no aid)."""
    if not pattern.requires:
        return True
    wanted = False
    found = False
    for dep_path, word in pattern.requires:
        if dep_path.startswith(NOT):
            if _holds_all(token, dep_path[len(NOT) :], word):
                return False
            continue
        wanted = True
        found = found or _holds_all(token, dep_path, word)
    return found or not wanted


def _holds_all(token: Token, dep_path: str, word: str) -> bool:
    """Whether every condition of a ``requires`` item holds ("prt:off+dobj:strike", ``AND``)."""
    conditions = (part.partition(":") for part in f"{dep_path}:{word}".split(AND))
    return all(_holds(token, dep, want) for dep, _, want in conditions)


def _holds(token: Token, dep_path: str, word: str) -> bool:
    """Whether the trigger has a dependent ``word`` along ``dep_path`` ("dobj", "ccomp>aux")."""
    *path, dep = dep_path.split(PATH_SEP)
    if dep == TAG_STEP:  # "ccomp>tag:VB": the complement verb is a bare form (a subjunctive)
        # a bare form after an auxiliary ("could *lift*", "to *lift*") is none
        return any(
            t.tag_ == word.upper() and not any(c.dep_ == "aux" for c in t.children)
            for t in _walk(token, path)
        )
    if dep == HEAD_STEP:  # "head:on": the trigger is the object of "on" ("went on strike")
        return any(
            t.head.i != t.i and word in (ANY_WORD, t.head.lower_, t.head.lemma_.lower())
            for t in _walk(token, path)
        )
    for parent in _walk(token, path):
        for child in parent.children:
            if word != ANY_WORD and word not in (child.lower_, child.lemma_.lower()):
                continue
            if dep == child.dep_ or (dep == "prep" and child.dep_ in ("prt", "agent", "dative")):
                return True
            if dep == "prt" and child.dep_ in ("prep", "advmod"):  # "pulled *back*"
                return True
            if dep == "dobj" and child.dep_ == "nsubjpass":  # "sanctions were lifted"
                return True
    if not path and dep == "dobj" and _passive_participle(token):  # "*pictures* released by"
        noun = token.head
        return word in (ANY_WORD, noun.lower_, noun.lemma_.lower())
    return False


def _pattern_for(token: Token, tables: EventTables) -> Pattern | None:
    if token.pos_ in VERB_POS and token.dep_ != "amod":
        pos = "verb"
    elif token.pos_ in NOUN_POS:
        pos = "noun"
    else:
        return None
    for pattern in tables.patterns.get((token.lemma_.lower(), pos), ()):
        if _matches(token, pattern):
            return pattern
    return None


def _actor_index(doc: Doc) -> ActorIndex:
    index = ActorIndex()
    for span in doc.spans.get(ext.SPANS_ACTORS, []):
        if span._.get(ext.ACTOR) is None:
            continue
        for i in range(span.start, span.end):
            index[i] = span
    return index


def _spans_in(tokens: Iterable[Token], index: ActorIndex) -> list[Span]:
    out: dict[int, Span] = {}
    for t in tokens:
        span = index.get(t.i)
        if span is not None:
            out.setdefault(span.start, span)
    return list(out.values())


def _named(token: Token, index: ActorIndex, depth: int = 0) -> list[Party]:
    """What a noun phrase names: its actor spans (``_named_actors``), else, when the index
    has a context, the generic group or role at its head coded from it (``_generic``)."""
    found = _named_actors(token, index, depth)
    if found or index.context is None:
        return found
    return _generic(token, index.context)


def _group_phrases(token: Token) -> list[str]:
    """The role phrases a phrase head may be: with its compounds ("riot police") or its
    adjectives and compounds ("Islamic fundamentalists"), alone ("police", "soldier"); for a
    name, its title, the longest run of words before the name first ("Lt. Gen. Prosper
    Avril", "opposition leader Maulana Fazl-ur-Rehman", "President Gbagbo")."""
    if token.pos_ not in NOUN_POS and token.pos_ != "PROPN":
        return []
    before = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
    out = []
    if token.pos_ in NOUN_POS:
        if before:
            out.append(" ".join(t.lower_ for t in (*before, token)))
        modifiers = [c for c in token.children if c.dep_ in GROUP_MODIFIER_DEPS and c.i < token.i]
        if modifiers and modifiers != before:
            out.append(" ".join(t.lower_ for t in (*modifiers, token)))
    out.append(token.lower_)  # as written: "governments" is not "the government"
    if token.pos_ == "PROPN" and before:  # a title before a name
        doc = token.doc
        first = min(t.left_edge.i for t in before)
        while first < token.i and doc[first].dep_ not in TITLE_DEPS:
            first += 1  # not "the", "his"
        for start in range(first, token.i):
            for end in range(min(token.i, start + MAX_TITLE_WORDS), start, -1):
                out.append(doc[start:end].text.lower())
    return out


def _proper_name(token: Token) -> list[str]:
    """The words of the proper name at a phrase head: the head and the proper nouns
    compounded before it ("President Omar El *Bashir*", "*Sindh* province")."""
    names = [c for c in token.children if c.dep_ == "compound" and c.i < token.i]
    words = [t for c in names for t in c.subtree if t.pos_ == "PROPN"]
    if token.pos_ == "PROPN":
        words.append(token)
    return [t.text for t in sorted(words, key=lambda t: t.i)]


def _possessor_name(token: Token, context: GroupContext) -> Actor | None:
    """The gazetteer's actor for a proper-noun possessor ("*Kirkuk's* governor")."""
    for child in token.children:
        if child.dep_ == "poss" and child.pos_ == "PROPN":
            found = context.name(_proper_name(child))
            if found is not None:
                return found
    return None


def _generic(token: Token, context: GroupContext) -> list[Party]:
    """A proper name the knowledge base does not know, coded by the gazetteer ("Samarra",
    "President Levy Mwanawasa"); else a generic group or role that names no actor ("police",
    "rebels", "students", "the president", "President Gbagbo"), coded as CAMEO coders do: its
    sector from the role table (roles.tsv), its country from context
    (``GroupContext.set_sentence``)."""
    named = context.name(_proper_name(token)) or _possessor_name(token, context)
    if named is None and any(c.lower_ in UNLOCATED_WORDS for c in token.children):
        return []  # "other *world* leaders", "*foreign* journalists": not the sentence's
    actor = named or context.role(_group_phrases(token))
    if actor is None:
        return []
    doc = token.doc
    left = token.left_edge.i
    return [
        _Inferred(
            token.i,
            doc[left : token.i + 1].text,
            doc[left].idx,
            token.idx + len(token.text),
            actor,
            None if named is not None else context.basis,
        )
    ]


def _named_actors(token: Token, index: ActorIndex, depth: int = 0) -> list[Party]:
    """The actor spans a noun phrase names: the span at its head (with the spans coordinated
    with its modifiers: "Hungarian and Romanian officials"), else those of its modifiers
    ("Senior Hungarian and Romanian officials"), else of its apposition ("The International
    Labor Office (ILO)", "Sheikh Hamad, *the emir of Qatar*"), else, for a noun, of its "by"
    phrase, the doer of the act it names ("the expulsion of British diplomats *by Russia*"),
    else of its "of" phrase, else of the place it is in ("rebels in the Ivory Coast"), else
    of what it is affiliated with ("militants *loyal to* ...", "a group *based in*
    Trinidad"); a pronoun names its antecedent."""
    found: list[Party]
    if token.i in index:
        span = index[token.i]
        found = [span]
        for t in span:
            found += _spans_in((c for c in t.conjuncts if not span.start <= c.i < span.end), index)
        return found
    if token.pos_ == "PRON" or token.lower_ in PRONOUNS:
        return _antecedent(token, index) if depth == 0 else []
    found = []
    for child in token.children:
        if child.dep_ == "poss" and token.lemma_.lower() in RELATIONAL_NOUNS:
            continue  # "*its* neighbor", "*Israel's* militia ally": someone else
        if child.dep_ in NP_MODIFIER_DEPS:
            found += _spans_in(child.subtree, index)
            if not found and child.dep_ == "poss" and child.lower_ in PRONOUNS:
                found += _antecedent(child, index)
    if found or depth > 1:
        return found
    for child in token.children:  # "The International Labor Office (*ILO*)"
        if child.dep_ == "appos" and child.i in index:
            found += _named(child, index, depth + 1)
    for child in token.children:  # "Sheikh Hamad, *the emir of Qatar*"
        if not found and child.dep_ == "appos" and child.i not in index:
            found += _named(child, index, depth + 1)
    if found:
        return found
    if token.pos_ in NOUN_POS:  # "the expulsion of British diplomats *by Russia*": the doer
        agent = _prep_object(token, "by")
        if agent is not None:
            found = _named(agent, index, depth + 1)
            if found:
                return found
    for preps in (OF_PREPS, PLACE_PREPS):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        return _named(pobj, index, depth + 1)
    for child in token.children:  # "workers *affiliated with* the Serbian Workers' Union"
        if child.dep_ in ("acl", "amod") and child.lemma_.lower() in AFFILIATION_WORDS:
            for prep in child.children:
                party = _child(prep, "pobj") if prep.dep_ == "prep" else None
                if party is not None:
                    return _named(party, index, depth + 1)
    return []


def _antecedent(pronoun: Token, index: ActorIndex) -> list[Party]:
    """What a personal pronoun stands for: the subject of the nearest clause above it that
    names an actor ("Syria says *it* is willing"), else the nearest actor before it. A
    candidate must fit the pronoun (``_fits``: "he" is a person, "it" is not); a first-person
    pronoun stands only for the speaker above it ("*we* will respond," Iran said); a
    third-person one inside a quotation never for the speaker outside it ("'*he* resigned,'
    Lavrov said"); and when the subject above is a name the tables do not know ("*Schröder*
    ... after *he* travelled"), that name is the antecedent: nothing is coded rather than the
    nearest known actor."""
    word = pronoun.lower_
    if word not in PRONOUNS:
        return []
    first_person = word in FIRST_PERSON
    # an object pronoun is not its own verb's doer: "the office ... praising *him*"
    doer = _subject(pronoun.head) if pronoun.dep_ in OBJECT_DEPS else None
    own = {t.i for t in doer.subtree} if doer is not None else set()
    for above in pronoun.ancestors:
        subject = _child(above, "nsubj", "nsubjpass")
        if subject is None or subject.i == pronoun.i or subject.lower_ in PRONOUNS:
            continue
        if pronoun.i in {t.i for t in subject.subtree} or subject.i in own:
            continue
        quoted = _quote_between(pronoun, above)
        if quoted and not first_person:
            continue
        found = [p for p in _named(subject, index, depth=1) if _fits(word, p)]
        if found and not _interviewers(found):  # "..., *Reuters* reported": the teller
            return found
        if word in PERSONAL and _name_like(subject) and not _named(subject, index, 1):
            return []  # an unknown name: "Schröder ... *he*"
    if first_person:
        return []
    # the nearest subject before it that names a fitting actor ("If *Russia* won, *it* would
    # pursue ..."), else the nearest such actor
    before = [
        index[i]
        for i in range(pronoun.i - 1, pronoun.sent.start - 1, -1)  # only this sentence's
        if i not in own and i in index and not _interviewers([index[i]])
        and _fits(word, index[i])
    ]  # fmt: skip
    subjects = [p for p in before if p.root.dep_ in SUBJECT_DEPS]
    return [(subjects or before)[0]] if before else []


def _name_like(token: Token) -> bool:
    """A proper name: tagged so, found as a person by the entity recognizer, or a capitalised
    singular noun with no determiner ("Schröder", which the small model calls a common noun
    and no entity)."""
    if token.pos_ == "PROPN" or token.ent_type_ == "PERSON":
        return True
    return (
        token.text[:1].isupper()
        and token.tag_ == "NN"
        and not any(c.dep_ == "det" for c in token.children)
    )


def _fits(pronoun: str, party: Party) -> bool:
    """Whether a party can be what the pronoun stands for: "he", "his" a person or an office
    holder; "it", "its" no person."""
    kind = _actor_of(party).kind
    if pronoun in PERSONAL:
        return kind in PERSON_KINDS
    if pronoun in NONPERSONAL:  # a role may be an office ("the president") or a body
        return kind != PERSON_KIND
    return True


def _quote_between(a: Token, b: Token) -> bool:
    """Whether a quotation mark stands between two tokens of a sentence."""
    lo, hi = sorted((a.i, b.i))
    return any(t.is_quote or t.text in QUOTE_MARKS for t in a.doc[lo + 1 : hi])


def _phrase(token: Token | None, index: ActorIndex) -> list[Party]:
    if token is None:
        return []
    out: dict[int, Party] = {}
    for t in (token, *token.conjuncts):
        for span in _named(t, index):
            if span.start not in index.exclude:
                out.setdefault(span.start, span)
    return sorted(out.values(), key=lambda s: s.start)


def _conjuncts_filled(
    token: Token | None, named: list[Party], contextual: ActorIndex
) -> list[Party]:
    """The parties of a phrase whose conjuncts the named actors cover only in part, each
    conjunct that names none coded from context, as a role left empty is ("Soviet Foreign
    Minister Eduard Shevardnadze and *Secretary of State George Shultz*"); all from context
    when none is named."""
    if token is None or (named and not token.conjuncts):
        return named or _phrase(token, contextual)
    out = {span.start: span for span in named}
    for t in (token, *token.conjuncts):
        if named and any(t.left_edge.i <= s.start <= t.i for s in named):
            continue
        for span in _named(t, contextual):
            if span.start not in contextual.exclude:
                out.setdefault(span.start, span)
    return sorted(out.values(), key=lambda s: s.start)


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _prep_object(token: Token, word: str) -> Token | None:
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ == word:
            return _child(child, "pobj")
    return None


def _subject(verb: Token, hops: int = 0) -> Token | None:
    """The doer of a verb: its subject, the "by" agent of a passive, or its controller."""
    agent = _prep_object(verb, "by")
    if _patient_clause(verb) and verb.lemma_.lower() not in STATIVE_PASSIVES:
        # "after *being captured*", "were reported *killed*", "once the turbine *was
        # returned*", "Britons, who *were captured*": the "by" agent or no one, never a
        # subject taken from the clause above
        return agent
    subject = _child(verb, "nsubj")
    if subject is not None and not (subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl"):
        return _participle_phrase_head(subject)
    if agent is not None and _child(verb, "nsubjpass", "auxpass") is not None:
        return agent
    if verb.lemma_.lower() in STATIVE_PASSIVES and any(
        c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "to") for c in verb.children
    ):  # "Vietnam *is committed* to opening up"
        patient = _child(verb, "nsubjpass")
        if patient is not None:
            return patient
    if hops >= MAX_SUBJECT_HOPS or verb.head.i == verb.i:
        return None
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":  # "accused Iran of supplying"
        governor = _agent_verb(head.head)
        if head.lower_ not in OBJECT_CONTROL_PREPS:  # "provoked concern *after threatening*"
            return _subject(governor, hops + 1)
        return _controller(governor) or _subject(governor, hops + 1)
    if verb.dep_ == "xcomp":  # "asked the UN to investigate" / "agreed to start"
        user = _prep_object(head, "by") if head.lemma_.lower() in INSTRUMENT_VERBS else None
        if user is not None:  # "drones were used *by the Houthis* to attack": not the drones
            return user
        return _controller(head) or _subject(head, hops + 1)
    if verb.dep_ in ("conj", "advcl", "acomp"):  # "..., killing"; "is willing to withdraw"
        return _subject(head, hops + 1)
    if verb.dep_ == "relcl":  # "Sharon, who has vowed": the relative pronoun's antecedent
        return head  # (a passive one, "Britons, who were captured", left at the top)
    if _passive_participle(verb):  # "fighters *captured* at Azovstal": the noun is the patient
        return _prep_object(verb, "by")
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):  # "Tehran's plans to produce"
        owner = _child(head, "poss") or next(  # "the *US* decision to blame Iran"
            (c for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN"), None
        )
        if (
            owner is None
            and any(  # "a *Ukrainian* counter-offensive to recapture Kherson"
                c.dep_ == "amod" and c.text[:1].isupper() and c.i < head.i for c in head.children
            )
        ):
            return head
        if owner is None and _light_object(head):  # "issued a declaration *demanding* ..."
            return _subject(head.head, hops + 1)
        return owner
    return None


def _patient_clause(verb: Token) -> bool:
    """Whether a verb is passive, so that its doer is its "by" agent or no one: a passive
    with an auxiliary ("after *being captured*", "once the turbine *was returned*"), or a
    bare past participle that complements or modifies a clause ("have been reported
    *killed*", "*Asked* about the report, Peskov said")."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    # a past participle with no auxiliary is never an active finite verb, even where the
    # parser gave it a subject ("the bodies of soldiers *killed* on the battlefield", "to have
    # its website *blocked*")
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in PARTICIPLE_CLAUSE_DEPS
        and not any(c.dep_ == "aux" for c in verb.children)
    )


def _passive_participle(verb: Token) -> bool:
    """A past participle that modifies a noun ("fighters *captured* at Azovstal"): the noun
    undergoes the act."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in (*NOUN_POS, "PROPN")


def _participle_phrase_head(subject: Token) -> Token:
    """The noun a subject participle modifies when the parser made the participle the
    subject and the noun its subject ("The Red Cross *operating* in Iraq said": the doer is
    the Red Cross, not the place it operates in); any other subject is itself."""
    if subject.tag_ not in PARTICIPLE_TAGS:
        return subject
    noun = _child(subject, "nsubj")
    return noun if noun is not None and noun.pos_ in NOUN_POS | {"PROPN"} else subject


def _controller(verb: Token) -> Token | None:
    """The object that controls a verb's complement: its object ("asked *the UN* to
    investigate", "accused *Iran* of supplying"), or in a passive, where that object is the
    subject, its passive subject ("*Iran* was urged to suspend", "*rebels* were accused of
    attacking", "*Iraq* was forced to withdraw")."""
    obj = _child(verb, "dobj")
    if obj is not None or _child(verb, "auxpass") is None:
        return obj
    return _child(verb, "nsubjpass")


def _thing_controls(token: Token, controller: Token | None) -> bool:
    """Whether the controller found for an infinitive is its governor's object that names no
    party and is no name ("used *tear gas* to disperse protesters", "sent *a team* to
    help"; a name the tables do not know may be a party: "urged *the Ogaden front* to"): the
    infinitive is then the purpose of the governor's subject."""
    return (
        controller is not None
        and token.dep_ == "xcomp"
        and controller.dep_ == "dobj"
        and controller.head.i == token.head.i
        and not any(t.pos_ == "PROPN" for t in controller.subtree)
    )


def _agent_verb(token: Token) -> Token:
    """The verb a phrase belongs to when the parser hung it on the "by" agent of a passive
    ("were accused by *Zambia* of attacking": "of attacking" is the verb's complement, as
    the agent, a name, takes none); else the token itself."""
    if token.dep_ == "pobj" and token.head.dep_ == "agent" and token.head.head.pos_ in VERB_POS:
        return token.head.head
    return token


def _actor_token(token: Token, pattern: Pattern) -> Token | None:
    if pattern.pos == "verb":
        return _subject(token)
    by = _prep_object(token, "by")
    if by is not None:
        return by
    source = _source(token) if pattern.type in SOURCED_TYPES else None
    if source is not None:  # "drew *protests from Paris*", "criticism from Washington"
        return source
    # a measure of the act: "launched 10 days *of war games*", "began a wave *of strikes*"
    while _measured(token):
        token = token.head.head
    if _undergone(token):  # "Russia *faces* sanctions": the subject is the recipient
        return None
    if token.dep_ == "dobj" and token.head.lemma_.lower() in OTHERS_ACT_VERBS:
        return None  # "Kremlin efforts to *circumvent* western sanctions"
    # a light verb's subject: "Iran held talks", "the army launched an attack", "miners went
    # on strike"
    if token.dep_ in ("dobj", "attr") and token.head.pos_ in VERB_POS:
        return _subject(token.head)
    if token.dep_ == "pobj" and _on_act(token.head.head, token.head):
        return _subject(token.head.head)
    # the passive subject of a verb with a "by" agent: "the attack ... was carried out *by
    # Hezbollah*"
    if token.dep_ == "nsubjpass" and token.head.pos_ in VERB_POS:
        agent = _prep_object(token.head, "by")
        if agent is not None:
            return agent
    # a "for" phrase of a verb: the act of its object ("blamed *Israel* for the bombing"),
    # else of its subject ("*negotiators* return to Geneva for talks")
    head = token.head
    if (
        token.dep_ == "pobj"
        and head.dep_ == "prep"
        and (
            head.lower_ in PURPOSE_PREPS
            or (head.lower_ == "of" and head.head.lemma_.lower() in CHARGING_VERBS)
        )
        and head.head.pos_ in VERB_POS
    ):  # "blamed *Israel* for the bombing", "accused *Russian forces* of strikes"
        return _child(head.head, "dobj") or _subject(head.head)
    if (
        token.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head.dep_ == "dobj"
        and head.head.head.lemma_.lower() in CHARGING_VERBS
    ):  # the parser hung "of strikes" on the accused: "accused [Russian forces of strikes]"
        return head.head
    if _responsible_for(token):  # "*Sudan* is responsible for mass killings"
        return _subject(head.head.head)
    # the means of a verb's subject: "Israel retaliated *with air strikes*"
    if (
        token.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.lower_ in INSTRUMENT_PREPS
        and head.head.pos_ in VERB_POS
    ):
        return _subject(head.head)
    return None


def _responsible_for(token: Token) -> bool:
    """Whether a noun act is in the "for"/"of" phrase of a predicate adjective of
    responsibility (``RESPONSIBLE_WORDS``), whose clause's subject did it."""
    head = token.head
    return (
        token.dep_ == "pobj"
        and head.lower_ in RESPONSIBLE_PREPS
        and head.head.lemma_.lower() in RESPONSIBLE_WORDS
        and head.head.dep_ == "acomp"
    )


def _source(token: Token) -> Token | None:
    """The "from" phrase of a noun act (``SOURCE_PREP``), or of the verb it is the object of,
    where the parser often hangs it ("drew protests *from Paris*", "received aid *from*
    Japan")."""
    source = _prep_object(token, SOURCE_PREP)
    if source is None and token.dep_ in LIGHT_OBJECT_DEPS and token.head.pos_ in VERB_POS:
        source = _prep_object(token.head, SOURCE_PREP)
    return source


def _received(token: Token, pattern: Pattern) -> bool:
    """Whether a noun act is the object of a verb that names its source in a "from" phrase
    ("*Uganda* received aid from Libya", "*the plan* drew criticism from Israel"): the verb's
    subject is then the act's recipient."""
    return (
        pattern.pos == "noun"
        and pattern.type in SOURCED_TYPES
        and _light_object(token)
        and _prep_object(token.head, SOURCE_PREP) is not None
    )


def _undergone(token: Token) -> bool:
    """Whether a noun act is undergone by the subject of its clause: the object of "under"
    (``UNDER_PREP``: "was put *under investigation*", "came *under attack*") or of a verb
    of undergoing (``UNDERGO_VERBS``: "Russia *faces* sanctions", "*suffered* an attack")."""
    if token.pos_ not in NOUN_POS:
        return False
    if token.dep_ == "dobj":
        return token.head.lemma_.lower() in UNDERGO_VERBS
    return (
        token.dep_ == "pobj"
        and token.head.lower_ == UNDER_PREP
        and token.head.head.pos_ in (*VERB_POS, "AUX")  # "came", "is" under attack
    )


def _source_parties(token: Token, index: ActorIndex) -> list[Party]:
    """The parties of the first of a noun act's "from" phrases that names any ("under attack
    from renewed shelling and *from Russian troops*")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == SOURCE_PREP:
            found = _phrase(_child(child, "pobj"), index)
            if found:
                return found
    return []


def _measured(token: Token) -> bool:
    """Whether a noun is what an amount measures ("10 days *of war games*", "500 million
    dollars *in loans*"): the amount's phrase carries the act's doer."""
    if token.dep_ != "pobj" or token.head.dep_ != "prep" or token.head.head.pos_ not in NOUN_POS:
        return False
    prep = token.head.lower_
    amount = token.head.head
    counted = any(c.dep_ == "nummod" for c in amount.children)
    return (prep in MEASURE_PREPS and (counted or amount.lemma_.lower() in MEASURE_NOUNS)) or (
        prep in AMOUNT_PREPS and counted
    )


def _subjectless_root(token: Token) -> bool:
    """A main verb the parser gave no subject: in news text a misparse (a long opening
    phrase or a parenthesis made the subject part of it), not a sentence without one."""
    return (
        token.pos_ in VERB_POS
        and token.dep_ == "ROOT"
        and not any(c.dep_ in SUBJECT_DEPS for c in token.children)
    )


def _nearest_before(token: Token, index: ActorIndex) -> list[Party]:
    """The actor named last before the verb in its sentence, with the actors coordinated
    with it ("..., the Sudanese government and *SPLM/A* have agreed")."""
    for i in range(token.i - 1, token.sent.start - 1, -1):
        span = index.get(i)
        if span is not None:
            return _phrase(token.doc[span.end - 1], index)
    return []


def _modifier_actors(token: Token, index: ActorIndex, type_: str) -> list[Party]:
    """The actor a noun trigger's own modifiers name: its possessor ("*Russia's* invasion"),
    an adjective ("*Israeli* attacks", "*Palestinian* riots"), except for sanctions and aid,
    whose adjective is as often the target ("*Russian* sanctions"). A proper-noun compound is
    left out: it is as often the target ("*Iran* sanctions", "*Ukraine* aid")."""
    out: list[Party] = []
    for child in token.children:
        if child.i > token.i:
            continue
        if child.dep_ != "poss" and type_ in TARGET_MODIFIED_TYPES:
            continue
        if child.dep_ in ACTOR_MODIFIER_DEPS or (child.dep_ == "compound" and child.pos_ == "ADJ"):
            out += _spans_in(child.subtree, index)
            if not out and child.dep_ == "poss" and child.lower_ in PRONOUNS:
                out += _antecedent(child, index)
    return out


def _moving_force(token: Token, index: ActorIndex) -> list[Party]:
    """The forces a movement noun moves, which move themselves: "the deployment *of NATO
    peacekeeping troops*", "the withdrawal *of Israeli forces*" (``FORCE_WORDS``)."""
    force = _prep_object(token, "of")
    if force is None or force.lemma_.lower() not in FORCE_WORDS:
        return []
    return _phrase(force, index)


def _compound_actors(token: Token, index: ActorIndex) -> list[Span]:
    """The actor spans of a noun's modifiers before it: its compounds ("*US* sanctions"), and
    for sanctions and aid its adjectives ("*Russian* sanctions on Ukraine")."""
    return _spans_in(
        (t for c in token.children if c.dep_ in MODIFIER_DEPS and c.i < token.i for t in c.subtree),
        index,
    )


def _slot(token: Token, slot: str) -> Token | None:
    """The filler of one recipient slot (see ``patterns.tsv``'s ``recipient`` column)."""
    found: Token | None
    if slot.startswith("prep:"):
        found = _prep_object(token, slot[5:])
    elif slot == "dobj":
        found = _child(token, "dobj")
        if found is None and _child(token, "auxpass") is not None:
            found = _child(token, "nsubjpass")
    elif slot == "dative":
        found = _child(token, "dative")
        if found is not None and found.pos_ == "ADP":
            found = _child(found, "pobj")
    else:
        found = _child(token, slot)
    return found


def _recipient_slots(token: Token, pattern: Pattern) -> list[Token]:
    """The fillers of the pattern's recipient slots, in the order of the pattern."""
    out = []
    for slot in pattern.recipient or DEFAULT_RECIPIENT[pattern.pos]:
        found: Token | None = token
        for n, step in enumerate(slot.split(PATH_SEP)):  # "ccomp>nsubj": the complement's subject
            if found is None:
                break
            here = found
            found = _slot(here, step)
            if found is None and n == 0 and step in CLAUSE_SLOTS and _light_object(here):
                found = _slot(here.head, step)  # "reiterated its demand *that Israel ease*"
        if found is not None:
            out.append(found)
    return out


def _light_object(token: Token) -> bool:
    """A noun that is the object of a verb ("reiterated its *demand*", "held *talks*")."""
    return (
        token.pos_ in NOUN_POS
        and token.dep_ in LIGHT_OBJECT_DEPS | {"attr"}
        and token.head.pos_ in VERB_POS
    )


def _recipients(token: Token, pattern: Pattern, index: ActorIndex) -> list[Party]:
    """The actors of the first recipient slot that names any ("suspension *of air links*
    *with Serbia*": the "of" slot is filled but names no one, so "with" is tried)."""
    for filler in _recipient_slots(token, pattern):
        found = _phrase(filler, index)
        if found and not (_channel(token) and _interviewers(found)):
            return found  # but not "told *the BBC* that Russia must withdraw"
    return []


def _channel(token: Token) -> bool:
    """Whether the trigger is a verb of speaking, whose addressee may be the outlet a
    statement is made to ("told the BBC", "speaking with Reuters")."""
    return token.lemma_.lower() in SPEECH_VERBS


def _interviewers(parties: Sequence[Party]) -> bool:
    """Whether the parties are all news outlets (``OUTLET_KIND``): an outlet spoken to is the
    channel of a statement, not a party to the act ("told the BBC", "speaking with Reuters")."""
    return bool(parties) and all(_actor_of(p).kind == OUTLET_KIND for p in parties)


def _interview(token: Token, pattern: Pattern, index: ActorIndex) -> bool:
    """Whether a meeting is an interview: the partner it is held with is a news outlet
    ("was speaking *with Reuters*")."""
    return (
        pattern.type == "CONSULT"
        and _channel(token)
        and any(
            _interviewers(_phrase(filler, index)) for filler in _recipient_slots(token, pattern)
        )
    )


def _party_in(phrase: Token, index: ActorIndex, depth: int) -> list[Party]:
    """The actors of the first partner or place phrase inside a phrase, looking ``depth``
    prepositional levels down ("suspension of air links *with Serbia*": "of" is walked
    through, "with" names)."""
    inner: list[Token] = []
    for child in phrase.children:
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "crimes *committed by* Croat forces"
            found = _phrase(_prep_object(child, "by"), index)
            if found:
                return found
            continue
        if child.dep_ != "prep":
            continue
        pobj = _child(child, "pobj")
        if pobj is None:
            continue
        if child.lower_ in OBJECT_PREPS:
            found = _phrase(pobj, index)
            if found:
                return found
        inner.append(pobj)
    if depth > 1:
        for pobj in inner:
            found = _party_in(pobj, index, depth - 1)
            if found:
                return found
    return []


def _objects(token: Token) -> list[Token]:
    """The phrases an act is done to: a noun trigger itself; a verb's object (or passive
    subject) and the objects of its prepositions ("called *for independence* from Iraq")."""
    if token.pos_ not in VERB_POS:
        return [token]
    out = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    for child in token.children:
        if child.dep_ == "prep":
            out += [c for c in child.children if c.dep_ == "pobj"]
    return out


def _at_place(party: Party, doc: Doc) -> bool:
    """Whether a party is named as a place: the object of "in" or "at" ("*in Brussels*")."""
    head = doc[party.start] if isinstance(party, _Inferred) else party.root
    while head.head.i != head.i and head.dep_ in ("compound", "appos"):  # "Bavaria, *Germany*"
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in VENUE_PREPS


def _fallback_recipients(token: Token, index: ActorIndex) -> list[Party]:
    """Where the recipient is when no slot of the pattern names one, first hit wins:
    a place or partner in the object ("suspended aid deliveries *in Baghdad*", "imposed a
    curfew *in Cizre*", "suspension of air links *with Serbia*", "mobilized reservists for a
    possible war *against Iraq*"; ``OBJECT_DEPTH`` levels down), else the subject of an
    infinitive complement ("allowed *candidate Ouattara* to participate"), else the object or
    partner of the complement verb ("threatened to break relations *with Russia*")."""
    for obj in _objects(token):
        found = _party_in(obj, index, OBJECT_DEPTH)
        if found:
            return found
    for comp in token.children:  # "allowed *candidate Ouattara* to participate"
        if (
            comp.dep_ == "ccomp"
            and any(c.dep_ == "aux" and c.lower_ == INFINITIVE_MARK for c in comp.children)
        ) or (comp.dep_ == "advcl" and _for_infinitive(comp)):  # "appealed for *the UN* to"
            found = _phrase(_child(comp, "nsubj"), index)
            if found:
                return found
    for comp in token.children:
        if comp.dep_ != "xcomp" or comp.pos_ not in VERB_POS:
            continue
        for slot in FALLBACK_SLOTS:
            found = _phrase(_slot(comp, slot), index)
            if found:
                return found
        return _fallback_recipients(comp, index)
    return _object_owner(token, index)


def _object_owner(token: Token, index: ActorIndex) -> list[Party]:
    """The possessor of a verb's object, the party whose thing the act is done to
    ("suspended *Syria's* membership", "froze *Iran's* assets"); the actor's own ("recalled
    *its* ambassador") is no recipient (``ActorIndex.exclude``), nor is the possessor of a
    relational noun ("charging *its* neighbor": someone else, ``RELATIONAL_NOUNS``)."""
    if token.pos_ not in VERB_POS:
        return []
    for obj in token.children:
        if obj.dep_ in ("dobj", "nsubjpass") and obj.lemma_.lower() not in RELATIONAL_NOUNS:
            found = _phrase(_child(obj, "poss"), index)
            if found:
                return found
    return []


def _condition_party(token: Token, index: ActorIndex) -> list[Party]:
    """The party a threat is made to: the subject of its condition ("threatened to stop
    negotiations *if the United States* goes ahead", "... *unless Baghdad* accepted")."""
    t: Token | None = token
    while t is not None:
        for clause in t.children:
            if clause.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children
            ):
                found = _phrase(_child(clause, "nsubj", "nsubjpass"), index)
                if found:
                    return found
        t = _child(t, "xcomp")
    return []


def _place_recipients(token: Token, index: ActorIndex) -> list[Party]:
    """The place a material act happens in ("demonstrated *in Serbia*", "rioted at a jail *in
    northern Israel*"): CAMEO and the PLOVER GSR code it as the recipient when nothing else
    names one. A noun act's place may be that of the verb it is the subject of ("the
    deployment ... arrived *in Bosnia*", "protests erupted *in Belgrade*"), an act's that of
    its purpose clause ("deployed troops to protect civilians *in Kosovo*")."""
    places = [token]
    if token.pos_ in NOUN_POS and token.dep_ in ("nsubj", "nsubjpass"):
        places.append(token.head)
    elif token.pos_ in NOUN_POS and token.dep_ == "pobj" and token.head.lower_ in ACT_PREPS:
        places.append(token.head.head)  # "arrived *in Tokyo* for a visit", "put under ..."
    places += _purposes(token)  # "deployed troops to protect civilians *in Kosovo*"
    for place in places:
        for child in place.children:
            if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
                pobj = _child(child, "pobj")
                if pobj is None:
                    continue
                found = _phrase(pobj, index) or _party_in(pobj, index, 1)
                if found:
                    return found
    return []


def _reciprocal(
    token: Token, index: ActorIndex, recipients: list[Party]
) -> tuple[list[Party], list[Party]]:
    """The (actor, recipients) of an act whose "between" phrase names two or more parties
    (``BETWEEN_PREP``): the trigger's own, its object's ("an agreement between Ethiopia and
    Eritrea was signed") or, for a noun act that is a verb's subject, the verb's ("fighting
    erupted between Armenia and Azerbaijan", "talks were held between ..."): the first party
    and the others; else no actor and the recipients as found."""
    phrases = [token, *(c for c in token.children if c.dep_ in ("dobj", "nsubjpass"))]
    if token.pos_ in NOUN_POS and token.dep_ in ("nsubj", "nsubjpass"):
        phrases.append(token.head)
    for phrase in phrases:
        parties = _phrase(_prep_object(phrase, BETWEEN_PREP), index)
        if len(parties) > 1:
            return parties[:1], parties[1:]
    return [], recipients


def _by_authorities(token: Token, pattern: Pattern) -> bool:
    """An act of a state's authorities (``AUTHORITY_CODES``) in an agentless passive ("was
    arrested in Lebanon"), or named by a noun in a phrase of one ("was put *under
    investigation* in Italy", "was placed under arrest"): its doer is the state it happens
    in."""
    verb = token
    if token.pos_ in NOUN_POS and token.dep_ == "pobj" and token.head.dep_ == "prep":
        verb = token.head.head
    return (
        pattern.cameo in AUTHORITY_CODES
        and verb.pos_ in VERB_POS
        and _child(verb, "auxpass") is not None
        and _prep_object(verb, "by") is None
    )


def _place_state(token: Token, index: ActorIndex) -> str | None:
    """The state an act happens in, when a place phrase of its trigger (or of the verb a noun
    act is the subject or object of) names one ("kidnapped two German aid workers *in
    Yemen*"): the country of the generic groups of an event in a sentence that names
    several states. CAMEO codes an unidentified group by where it acts, and the PLOVER gold
    records infer actor codes from the event's location."""
    places = [token, *_purposes(token)]
    if token.pos_ in NOUN_POS and token.dep_ in ("nsubj", "nsubjpass", "dobj"):
        places.append(token.head)
    for place in places:
        for child in place.children:
            if child.dep_ != "prep" or child.lower_ not in LOCATIVE_PREPS:
                continue
            pobj = _child(child, "pobj")
            if pobj is None:
                continue
            for party in _phrase(pobj, index) or _party_in(pobj, index, 1):
                actor = _actor_of(party)
                state = actor.country or (actor.code if actor.kind == "state" else None)
                if state is not None and actor.kind not in NO_PLACE_KINDS:
                    return state
    return None


def _purposes(verb: Token) -> list[Token]:
    """The purpose clauses of a verb: infinitives without a subject or subordinator of
    their own ("sent doctors *to help* victims in Algeria"), whose place is the act's."""
    return [
        c
        for c in verb.children
        if c.dep_ in ("advcl", "xcomp")
        and any(a.dep_ == "aux" and a.lower_ == INFINITIVE_MARK for a in c.children)
        and not any(a.dep_ in OWN_CLAUSE_DEPS for a in c.children)
    ]


def _residents(parties: Sequence[Party], index: ActorIndex) -> list[Party]:
    """The parties, an ethnic group named by a demonym ("*ethnic Albanians* demonstrated in
    Serbia") coded by the state it lives in, as CAMEO codes ethnic groups: the first other
    state its sentence names (``GroupContext.states``); kept as it is when there is none."""
    states = index.context.states if index.context is not None else ()
    return [_resident(party, states) if _ethnic(party) else party for party in parties]


def _ethnic(party: Party) -> bool:
    """A state's demonym after "ethnic" ("ethnic Albanians", "Ethnic Serbs")."""
    if isinstance(party, _Inferred) or party.start == 0:
        return False
    before = party.doc[party.start - 1]
    return before.lower_ in ETHNIC_WORDS and _actor_of(party).kind == "state"


def _resident(party: Party, states: Sequence[str]) -> Party:
    own = _actor_of(party).code
    home = next((state for state in states if state != own), None)
    if home is None:
        return party
    actor = Actor(f"{home}:{party.text}", home, party.text, "state", country=home)
    return _Inferred(party.start, party.text, party.start_char, party.end_char, actor, None)


def _actor_of(party: Party) -> Actor:
    actor: Actor = party.actor if isinstance(party, _Inferred) else party._.get(ext.ACTOR)
    return actor


def _participants(parties: Sequence[Party]) -> tuple[Participant, ...]:
    out = []
    for party in parties:
        actor = _actor_of(party)
        basis = party.basis if isinstance(party, _Inferred) else None
        out.append(
            Participant(
                party.text,
                party.start_char,
                party.end_char,
                actor.code,
                actor.sector,
                actor.wikidata,
                basis,
            )
        )
    return tuple(out)


def _recipient_cascade(
    found: _Found, folded: Sequence[_Found], index: ActorIndex, actor_spans: Sequence[Party]
) -> list[Party]:
    """The recipient, first hit wins: the pattern's slots; those of a folded event
    ("requested a meeting *with Ukraine*"); a partner or place in the object or the
    complement; a threat's condition; the place of a material act."""
    token, pattern = found
    recipient_spans = _recipients(token, pattern, index)
    if not recipient_spans and _passive_participle(token):  # "*fighters* captured at"
        recipient_spans = _phrase(token.head, index)
    if not recipient_spans and _light_object(token):  # "held talks on Sunday *with* X"
        recipient_spans = _recipients(token.head, pattern, index)
    if not recipient_spans and _received(token, pattern):  # "*Uganda* received aid from Libya"
        recipient_spans = _phrase(_subject(token.head), index)
    if not recipient_spans and _undergone(token):  # "*a US national* was put under investigation"
        verb = token.head if token.dep_ == "dobj" else token.head.head
        subject = _child(verb, "nsubjpass", "nsubj")
        if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            subject = verb.head  # "Kharkiv, *which* is under attack"
        recipient_spans = _phrase(subject, index)
    for inner in folded:
        if recipient_spans:
            break
        recipient_spans = _recipients(inner.token, inner.pattern, index)
    for t in (token, *(inner.token for inner in folded)):
        if recipient_spans:
            break
        recipient_spans = _fallback_recipients(t, index)
        if pattern.type in PLACE_IS_VENUE_TYPES and not any(
            _actor_of(a).kind not in MULTILATERAL_KINDS for a in actor_spans
        ):  # "a meeting *in Brussels*", "the Nato summit *in Madrid*": the venue; but a
            # state's envoy holding talks in Moscow holds them with Russia
            recipient_spans = [s for s in recipient_spans if not _at_place(s, token.doc)]
    if not recipient_spans and (pattern.type == "THREATEN" or _threat(token)):
        recipient_spans = _condition_party(token, index)
    if not recipient_spans and actor_spans and _done_to_its_place(pattern):
        recipient_spans = _place_recipients(token, index)
    return recipient_spans


def _done_to_its_place(pattern: Pattern) -> bool:
    """Whether the place an act happens in is its recipient: a material act
    (``PLACE_TARGET_TYPES``) or a visit (the place visited is the host)."""
    return pattern.type in PLACE_TARGET_TYPES or pattern.mode == VISIT_MODE


def _embedded(token: Token) -> bool:
    """Whether the token's clause belongs to its head's event: a complement, or an adverbial
    clause of purpose or manner that shares the head's subject and has no subordinator ("rioted
    *demanding* independence", "opened fire *to disperse* them, *killing* one"), or the
    condition of a threat ("... *unless* Baghdad accepted its conditions")."""
    if token.dep_ in EMBEDDING_DEPS:
        return True
    if token.dep_ != "advcl":
        return False
    if _for_infinitive(token):
        return True  # "called for Israel to halt": the content of the call
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in token.children):
        # "threatened to attack unless Baghdad accepted": the threat's condition ("if": only
        # a threat's, ``_governor``)
        return True
    return not any(c.dep_ in OWN_CLAUSE_DEPS for c in token.children)


def _if_clause(clause: Token) -> bool:
    """An adverbial clause of condition introduced by "if"."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == IF_MARK for c in clause.children
    )


def _for_infinitive(clause: Token) -> bool:
    """An infinitive clause with its own subject, "for X to ..." (``FOR_TO_MARK``)."""
    return any(c.dep_ == "mark" and c.lower_ == FOR_TO_MARK for c in clause.children) and any(
        c.dep_ == "aux" and c.lower_ == INFINITIVE_MARK for c in clause.children
    )


def _governor(token: Token, triggers: dict[int, _Found]) -> _Found | None:
    """The nearest trigger whose complement holds this one."""
    t = token
    while t.dep_ == "conj" and t.head.i != t.i:  # "accused X of violating ... and *ignoring*"
        t = t.head
    # what a threat depends on is part of the threat ("threatened to stop talks if the
    # United States *deployed* missiles"); any other act's condition is an event of its
    # own, flagged hypothetical
    condition = False
    while _embedded(t) and t.head.i != t.i:
        came_from, t = t, t.head
        condition = condition or _if_clause(came_from)
        if t.i in triggers:
            found = triggers[t.i]
            return None if condition and found.pattern.type != THREAT_TYPE else found
        if came_from.dep_ in PURPOSE_DEPS:  # "staged demonstrations to demand reforms"
            for obj in _light_acts(t):
                if obj.i in triggers:
                    return triggers[obj.i]
    return None


def _light_acts(verb: Token) -> Iterator[Token]:
    """The nouns through which a light verb reports an act: its objects ("staged
    *demonstrations*") and, for a verb of ``ON_ACT_VERBS``, the object of its "on" ("went
    on *strike*")."""
    for child in verb.children:
        if child.dep_ in LIGHT_OBJECT_DEPS:
            yield child
        elif _on_act(verb, child):
            yield from (c for c in child.children if c.dep_ == "pobj")


def _reported_act(token: Token) -> bool:
    """Whether a noun act is reported by its verb, so that the verb's modal is the act's
    intention ("*will launch* an attack", "*will go on* strike", "would extend 500 million
    dollars *in loans*"), not merely mentioned ("contingent on *the withdrawal*", "what *its
    invasion* has not")."""
    while _measured(token):
        token = token.head.head
    if _light_object(token):
        return True
    return token.dep_ == "pobj" and _on_act(token.head.head, token.head)


def _on_act(verb: Token, prep: Token) -> bool:
    """Whether ``prep`` is the "on" of an act the verb's subject does ("went *on* strike"), or
    the "to" of one it joins ("would not *return to* the talks", "went *to* war")."""
    if prep.dep_ != "prep":
        return False
    lemma = verb.lemma_.lower()
    return (prep.lower_ == ON_PREP and lemma in ON_ACT_VERBS) or (
        prep.lower_ == TO_PREP and lemma in TO_ACT_VERBS
    )


def _passes(found: _Found, governor: _Found) -> bool:
    """Whether the act is the event its governor reports (``embeds`` = ``pass``): a noun
    that is the governor's object ("ordered *an investigation*", "ordered *the release* of")."""
    return (
        governor.pattern.embeds == PASS
        and found.pattern.pos == "noun"
        and found.token.dep_ in LIGHT_OBJECT_DEPS
        and found.token.head.i == governor.token.i
    )


def _denied_claim(found: _Found, governor: _Found) -> bool:
    """Whether the act is a claim a denial rejects ("denied US *allegations* that ...",
    "rejected *charges*"): the claim was made, so it is no negated event of its own; the
    denial is the event."""
    return (
        governor.pattern.embeds == NEGATED
        and found.pattern.pos == "noun"
        and found.pattern.type in CLAIM_TYPES
    )


def _background(token: Token) -> bool:
    """In a clause that describes a participant or sets the scene rather than reporting the
    sentence's event: a relative clause ("a resolution *that aims to tighten sanctions*"), a
    participle modifying a noun ("nationals *suspected* of ..."), or a temporal clause ("...
    *after* a jet shot down a helicopter")."""
    for t in (token, *token.ancestors):
        if t.dep_ == "relcl" or (t.dep_ == "acl" and t.tag_ in PARTICIPLE_TAGS):
            return True
        if t.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in SCENE_MARKS for c in t.children
        ):
            return True
    return False


def _flags(token: Token, tables: EventTables) -> set[str]:
    """Flags from the words around the trigger: its own dependents, and on the way up to the
    sentence root, governing words and (except negation) their dependents."""
    flags: set[str] = set()
    for child in token.children:
        if child.dep_ == "neg":
            flags.add("negated")
        if child.dep_ not in CLAUSE_DEPS:  # "expelled ... after officials alleged": not alleged
            flags |= tables.modifiers.get(child.lower_, frozenset())
    t = token
    # negation reaches down only through control ("did not try to attack") and from a light
    # verb to the act it reports ("did not hold talks", "would not return to the talks")
    controlled = True
    reacted = False
    # an amount stands for the act it measures ("extend 500 million dollars *in loans*")
    act, measure = token, set()
    while _measured(act):
        measure |= {act.i, act.head.i}
        act = act.head.head
    while t.head.i != t.i and not _outside_scope(t):
        controlled = controlled and (t.dep_ == "xcomp" or t.i in measure or _reports(t, act))
        describes = _describes(t)
        # a governor says something of what it governs, not of its own subject: "the
        # offensive *would fail*" is no negated offensive ("failed to attack" is); nor of a
        # verb coordinated with it ("accused Russia ... and *called* on leaders")
        governed = t.dep_ not in ACTIVE_SUBJECT_DEPS and t.dep_ != "conj"
        if (
            t.i == token.i
            and token.pos_ in NOUN_POS
            and token.dep_ in ACTIVE_SUBJECT_DEPS
            and t.head.lemma_.lower() not in OCCURRENCE_VERBS
        ):  # "*Protests* in Russia ... may strengthen the belief": the protests happened
            break
        if _is_to(t):  # "the chancellor *is to* meet Putin": a plan
            flags.add("future")
        if _has_to(t):  # "we *have to* cut Russia off": an obligation, no fact
            flags.add("hypothetical")
        past = t.dep_ == "ccomp" and _past_clause(t)
        t = t.head
        reacted = reacted or (
            token.pos_ in NOUN_POS and not controlled and t.lemma_.lower() in REACTIVE_VERBS
        )
        if governed:
            found = tables.governors.get(t.lemma_.lower(), frozenset())
            # "agrees that China *has rejected*": a past clause is no plan or promise
            flags |= found - {"future"} if past else found
        if describes:  # only the noun's own words ("*allegations* over torture") reach
            flags |= {f for c in t.children for f in tables.modifiers.get(c.lower_, ())} - {
                "negated"
            }
            break
        for child in t.children:
            if child.dep_ == "neg":
                if controlled:
                    flags.add("negated")
                continue
            if child.dep_ in CLAUSE_DEPS:
                continue
            if reacted:
                # an act a verb reacts to is before it: "will respond to the attack" is no
                # future attack ("*will* launch an attack", "contingent on a withdrawal" are)
                continue
            words = tables.modifiers.get(child.lower_, frozenset())
            flags |= words - {"negated"}
    return flags


def _past_clause(verb: Token) -> bool:
    """Whether a clause is in a past tense: "rejected", "has rejected", "had rejected"."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children
    )


def _has_to(step: Token) -> bool:
    """Whether ``step`` is the infinitive of "have to" / "need to" ("have to cut")."""
    return (
        step.dep_ == "xcomp"
        and step.head.lemma_.lower() in OBLIGATION_VERBS
        and any(c.dep_ == "aux" and c.lower_ == INFINITIVE_MARK for c in step.children)
    )


def _is_to(step: Token) -> bool:
    """Whether ``step`` is the infinitive of "be to" ("is to meet", "are to be sent")."""
    return (
        step.dep_ == "xcomp"
        and step.head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.lower_ == INFINITIVE_MARK for c in step.children)
    )


def _describes(step: Token) -> bool:
    """Whether ``step`` is a phrase that describes a noun ("the country *under attack*",
    "sanctions *over the invasion*"): the act in it is the noun's background, and the words
    above the noun ("would stand by the country under attack") say nothing of it. "of"
    phrases are the noun's content ("a wave *of attacks*") and stay in its scope."""
    if step.dep_ != "prep" or step.lower_ in CONTENT_PREPS or step.head.pos_ not in NOUN_POS:
        return False
    # an amount's phrase is its content too ("500 million dollars *in loans*", ``_measured``)
    return not any(c.dep_ == "pobj" and _measured(c) for c in step.children)


def _outside_scope(step: Token) -> bool:
    """Whether the words above ``step`` say nothing of the act below it: ``step`` opens an
    adverbial or relative clause, a participle describing a noun ("a possible exchange of
    fighters *captured* at Azovstal") or an aside (``SCOPE_BARRIER_DEPS``: "..., *while accusing*
    the Kremlin" is not made hypothetical by the main clause's "would"), or is a phrase put
    before its head ("*With the invasion* entering its 86th day, the US is accusing Russia
    of ...": the invasion is not what is alleged)."""
    if step.dep_ in SCOPE_BARRIER_DEPS or _passive_participle(step):
        return True
    return step.dep_ == "prep" and step.i < step.head.i


def _reports(step: Token, act: Token) -> bool:
    """Whether the step from ``step`` to its head stays within the light verb that reports a
    noun act: the act as its object ("held *talks*"), or as the object of its "on"/"to"
    (``_on_act``: "went on *strike*", "return to *the talks*")."""
    if act.pos_ not in NOUN_POS:
        return False
    if step.i == act.i and _light_object(act):
        return True
    if step.i == act.i and step.dep_ == "pobj":
        return _on_act(step.head.head, step.head)
    return step.dep_ == "prep" and step.i == act.head.i and _on_act(step.head, step)


def _clause_tokens(head: Token) -> set[int]:
    out: set[int] = set()
    stack = [head]
    while stack:
        t = stack.pop()
        out.add(t.i)
        for child in t.children:
            if child.dep_ in CLAUSE_DEPS or (child.dep_ == "conj" and child.pos_ in VERB_POS):
                continue
            stack.append(child)
    return out


def _time_in(doc: Doc, tokens: set[int], near: int) -> tuple[str, str] | None:
    best: tuple[int, str, str] | None = None
    for span in doc.spans.get(ext.SPANS_TIMES, []):
        expr = span._.get(ext.TIME)
        if expr is None or expr.kind not in DATE_KINDS or not expr.value:
            continue
        if not ISO_DATE.match(expr.value):
            continue
        if not all(i in tokens for i in range(span.start, span.end)):
            continue
        distance = min(abs(span.start - near), abs(span.end - 1 - near))
        if best is None or distance < best[0]:
            best = (distance, expr.value, expr.granularity)
    return None if best is None else (best[1], best[2])


def _past_perfect(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children)


def _date_bounds(value: str) -> tuple[date, date] | None:
    """The first and last day a date value may mean: "2022" is 2022-01-01 .. 2022-12-31, and
    a week ("2022-W28") or season, read to its year only, is as wide as the year. Whether an
    event is historical is judged on the last day, whether it is future on the first, so a
    coarse date never makes an event look further away than it is."""
    m = ISO_DATE.match(value)
    if m is None:
        return None
    year = int(m.group(1))
    if m.group(2) is None:
        return date(year, 1, 1), date(year, 12, 31)
    month = int(m.group(2))
    if m.group(3) is not None:
        day = date(year, month, int(m.group(3)))
        return day, day
    last = (date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)) - timedelta(days=1)
    return date(year, month, 1), last


def _attribution_for(attributions: Sequence[object], trigger: CharSpan) -> int | None:
    best: tuple[int, int] | None = None
    for n, a in enumerate(attributions):
        content = getattr(a, "content", None)
        if content is None or not content.contains(trigger.start, trigger.end):
            continue
        size = content.end - content.start
        if best is None or size < best[0]:
            best = (size, n)
    return None if best is None else best[1]


def _conditional(token: Token) -> bool:
    """In an "if"/"unless" clause: a condition, not an intention."""
    return any(
        c.dep_ == "mark" and c.lower_ in CONDITION_MARKS
        for t in (token, *token.ancestors)
        for c in t.children
    )


def _own_word(
    speaker: object | None,
    actor_token: Token | None,
    actor_spans: Sequence[Party],
    index: ActorIndex,
) -> bool:
    """Whether a stated future act is the doer's own word, so that it is an intention
    (``_intent``): no one else is quoted saying it, the speaker is the doer ("*Lavrov* said
    *Moscow* will respond"), or the doer is a pronoun that stands for the speaker ("Iran said
    *it* would ..."). Someone else's forecast ("*Zelenskiy* told the agency that *Russia*
    would hit back") is a future or hypothetical event of the doer's, not a threat or
    promise of its."""
    source_token = getattr(speaker, "source_token", None)
    if source_token is None or actor_token is None:
        return True
    if actor_token.lower_ in PRONOUNS:
        return True
    doc = actor_token.doc
    source = doc[source_token]
    named = _phrase(source, index)
    if named and _interviewers(named):  # "..., the Tass news agency said": a reporter
        return True
    speakers = {_actor_of(p).code for p in named}
    # a speaker the tables do not know tells nothing: "diplomatic sources", "a statement",
    # and also a person ("said Skibitsky"), who in news is as often the doer's own official
    return not speakers or bool(speakers & {_actor_of(p).code for p in actor_spans})


def _obliged(token: Token) -> bool:
    """Whether the act is stated as an obligation ("Russia *must* withdraw", "Iran *should*
    stop"): what someone else requires, not an intention of the doer's (``_intent``)."""
    return any(c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS for c in token.children) or (
        _has_to(token)
    )


def _threat(token: Token) -> bool:
    """Whether the act is stated on a condition only the other side can meet ("will withdraw
    its force *unless* ..."), in its own clause or in the clause that reports it."""
    return any(
        c.dep_ == "mark" and c.lower_ in THREAT_MARKS
        for t in (token, *token.ancestors)
        for clause in t.children
        if clause.dep_ == "advcl"
        for c in clause.children
    )


def _intent(
    type_: str, code: str, flags: set[str], tables: EventTables, *, threat: bool = False
) -> tuple[str, str] | None:
    """The (type, code) of a stated intention, or None when the event is not one."""
    if not flags & INTENT_FLAGS or "alleged" in flags:
        return None
    if threat and "negated" not in flags and type_ in COOPERATIVE_TYPES | CONFLICTUAL_TYPES:
        root, fallback = "13", "130"
    elif type_ == "AGREE" and "negated" in flags:  # "will not accept"
        root, fallback = "12", "120"
    elif type_ in COOPERATIVE_TYPES:
        root, fallback = ("12", "120") if "negated" in flags else ("03", "030")
    elif type_ in CONFLICTUAL_TYPES and "negated" not in flags:
        root, fallback = "13", "130"
    else:
        return None
    new = tables.complements.get((root, type_), fallback)
    info = tables.codes.get(new)
    return (info.type if info is not None and info.type else type_), new


def _stopped(token: Token, type_: str, tables: EventTables) -> str | None:
    """The code of an act its verb stops (``stops.tsv``), when the act is the verb's object
    or complement: "*ended* military cooperation" reduces relations (160), "*stopped*
    cooperating" too, "*halted* the protests" eases dissent (082)."""
    head = token.head
    if token.dep_ not in STOPPED_DEPS or head.i == token.i or head.pos_ not in VERB_POS:
        return None
    return tables.stops.get((head.lemma_.lower(), type_))


def _code_for(found: _Found, folded: Sequence[_Found], tables: EventTables) -> str:
    """The governing trigger's code, refined by the first folded event ``complements.tsv``
    knows for its root. A folded act the governor stops gives its stopping code
    (``_stopped``: "*halted* the protests" is 082); one that a verb below the governor stops
    refines it as the stopped act ("threatened to *stop negotiations*": a threat to halt
    negotiations, 1313). A promise refines differently: a negated cooperative act is a
    refusal ("vowed *not to disarm*", 12x), and a hostile act is a threat (138) only when it
    is a clause the actor undertakes ("vowed to attack"), not when it is negated ("agreed not
    to attack") or is someone else's act named by a noun ("would accept the *deployment* of
    French troops")."""
    code = found.pattern.cameo
    for inner in folded:
        inner_type = inner.pattern.type
        stopped = _stopped(inner.token, inner_type, tables)
        if stopped is not None:
            if inner.token.head.i == found.token.i:
                return stopped
            info = tables.codes.get(stopped)
            inner_type = info.type if info is not None and info.type else inner_type
        root = code[:2]
        if root == INTENT_ROOT:
            negated = any(c.dep_ == "neg" for c in inner.token.children)
            hostile = inner_type in CONFLICTUAL_TYPES
            if hostile and (negated or inner.token.pos_ not in VERB_POS):
                continue
            if negated and inner_type in COOPERATIVE_TYPES:
                root = REFUSAL_ROOT
        refined = tables.complements.get((root, inner_type))
        if refined is not None:
            return refined
    return code


def find_events(
    doc: Doc,
    *,
    tables: EventTables | None = None,
    published: date | None = None,
    kb: ActorKB | None = None,
    dateline: str | None = None,
) -> list[Event]:
    """The events a parsed Doc reports, in reading order (see the module docstring).

    ``kb`` resolves generic groups' roles (default: the packaged knowledge base);
    ``dateline`` is the place of the article's dateline ("CAIRO"), the last source of a
    generic group's country."""
    tables = tables or default_tables()
    if published is None:
        published = doc._.get(ext.PUBLISHED) if Doc.has_extension(ext.PUBLISHED) else None
    attributions = doc._.get(ext.ATTRIBUTIONS) or [] if Doc.has_extension(ext.ATTRIBUTIONS) else []
    index = _actor_index(doc)
    kb = kb or default_kb()
    # the second index shares the spans and adds the context: generic groups are coded
    # only when the named actors leave a role empty (see _event)
    contextual = ActorIndex(index)
    contextual.context = GroupContext(
        kb,
        day=published,
        dateline=_place_country(kb, dateline, published),
        gazetteer=default_gazetteer(),
        agents=default_agents(),
    )
    events: list[Event] = []
    for sentence in doc.sents:
        contextual.context.set_sentence(_countries(sentence, index), sentence)
        events += _sentence_events(
            sentence, tables, index, contextual, attributions, published
        )  # fmt: skip
    return events


def _place_country(kb: ActorKB, place: str | None, day: date | None) -> str | None:
    """The state of a dateline place, written as datelines write it ("MOSCOW") or not."""
    if not place:
        return None
    actor = kb.lookup(place, on=day) or kb.lookup(place.title(), on=day)
    if actor is None or actor.kind in NO_PLACE_KINDS:
        return None
    return actor.country or (actor.code if actor.kind == "state" else None)


def _countries(sentence: Span, index: ActorIndex) -> list[str]:
    """The states the sentence's actor mentions belong to (not outlets': ``NO_PLACE_KINDS``),
    in the order it first names them."""
    out: dict[str, None] = {}
    for i in range(sentence.start, sentence.end):
        span = index.get(i)
        if span is None or span.start != i:
            continue
        actor = span._.get(ext.ACTOR)
        if actor.kind in NO_PLACE_KINDS:
            continue
        country = actor.country or (actor.code if actor.kind == "state" else None)
        if country is not None:
            out.setdefault(country)
    return list(out)


def _name_countries(sentence: Span, context: GroupContext) -> list[str]:
    """The states of the proper names of a sentence that names no actor the knowledge base
    knows, as the gazetteer places them ("rebels released hostages *in Chechnya*": RUS)."""
    out: dict[str, None] = {}
    for token in sentence:
        if token.pos_ == "PROPN" and not (token.dep_ == "compound" and token.head.pos_ == "PROPN"):
            actor = context.name(_proper_name(token))
            if actor is not None and actor.country is not None:
                out.setdefault(actor.country)  # "the Red Cross said" names no country
    return list(out)


def _sentence_events(
    sentence: Span,
    tables: EventTables,
    index: ActorIndex,
    contextual: ActorIndex,
    attributions: Sequence[object],
    published: date | None,
) -> list[Event]:
    triggers: dict[int, _Found] = {}
    for token in sentence:
        if token.i in index:
            continue
        pattern = _pattern_for(token, tables)
        if pattern is not None:
            triggers[token.i] = _Found(token, pattern)
    folded: dict[int, list[_Found]] = {}
    emitted: list[tuple[_Found, set[str]]] = []
    passed: set[int] = set()  # triggers whose object's act is the event ("ordered the arrest")
    for found in triggers.values():
        governor = _governor(found.token, triggers)
        if governor is None:
            emitted.append((found, set()))
        elif _passes(found, governor):
            emitted.append((found, set()))
            passed.add(governor.token.i)
        elif governor.pattern.embeds in FOLDING or _denied_claim(found, governor):
            folded.setdefault(governor.token.i, []).append(found)
        else:
            emitted.append((found, {governor.pattern.embeds}))
    emitted = [(found, flags) for found, flags in emitted if found.token.i not in passed]
    events: list[Event | None] = []
    # One event per act: triggers of one type by the same actor are one event when the
    # recipients of one are among those of the other ("attacked and killed"; "kidnapped
    # advisers and exploded bombs in Kabul"); the one naming more recipients is kept. An
    # event with no actor is the same act as one with an actor on that ground (``_known_doers``).
    same_act: dict[tuple[object, ...], int] = {}
    # the events of background clauses count only when no other event has a participant
    foreground: list[Event] = []
    background: list[Event] = []
    for found, extra_flags in emitted:
        event = _event(
            found, folded.get(found.token.i, []), extra_flags, tables, index, contextual,
            attributions, published, sentence,
        )  # fmt: skip
        if event is not None:
            (background if _background(found.token) else foreground).append(event)
    chosen = _acts_as_subjects(foreground or background, sentence.doc)
    for event in chosen:
        key = (event.type, tuple(p.code for p in event.actor), event.flags)
        recipients = {p.code for p in event.recipient}
        earlier = same_act.get(key)
        if earlier is not None:
            kept = events[earlier]
            before = {p.code for p in kept.recipient} if kept is not None else set()
            if recipients <= before:
                continue
            if before < recipients:
                events[earlier] = None  # replaced, in reading order, by this one
        same_act[key] = len(events)
        events.append(event)
    return _known_doers([e for e in events if e is not None])


def _known_doers(events: Sequence[Event]) -> list[Event]:
    """The events, those that have no actor and report, from its receiving end, an act
    another event of the sentence gives a doer (same type and flags) made one with it: left
    out when their recipients are among the other's, else lending them to a doer event that
    has none ("two Israeli soldiers *were wounded* when guerrillas *ambushed* their patrol":
    one ASSAULT, by the guerrillas, on the soldiers)."""
    out = list(events)
    for event in events:
        if event.actor:
            continue
        mine = {p.code for p in event.recipient}
        same = [
            n
            for n, other in enumerate(out)
            if other.actor and other.type == event.type and other.flags == event.flags
        ]
        covering = [n for n in same if mine <= {p.code for p in out[n].recipient}]
        bare = [n for n in same if not out[n].recipient]
        if covering or bare:
            if not covering:
                out[bare[0]] = out[bare[0]]._replace(recipient=event.recipient)
            out.remove(event)
    return out


def _acts_as_subjects(events: Sequence[Event], doc: Doc) -> list[Event]:
    """The events, a verb's event with no actor whose subject is a noun act of the same type
    given that act's actor ("fierce *fighting* between government forces and Tamil rebels
    *killed* 40 people": the fighting did the killing), so that the two are one act (see
    "one event per act" in ``_sentence_events``)."""
    by_trigger = {e.trigger_token: e for e in events}
    out = []
    for event in events:
        subject = _child(doc[event.trigger_token], "nsubj")
        act = by_trigger.get(subject.i) if subject is not None else None
        if not event.actor and act is not None and act.type == event.type and act.actor:
            event = event._replace(actor=act.actor)
        out.append(event)
    return out


def _event(
    found: _Found,
    folded: Sequence[_Found],
    extra_flags: set[str],
    tables: EventTables,
    index: ActorIndex,
    contextual: ActorIndex,
    attributions: Sequence[object],
    published: date | None,
    sentence: Span,
) -> Event | None:
    token, pattern = found
    doc = token.doc
    if _interview(token, pattern, index):
        return None
    # named actors first; a role they leave empty may be a generic group coded from context
    # ("*Police* arrested ...", "accepted demands from *Shona rebels*")
    actor_token = _actor_token(token, pattern)
    # the object's own doer before the verb's subject: "Ukraine repelled *the Russian*
    # attack", "announcing *Russia's* invasion" (looked up once, used twice below)
    own = (
        _modifier_actors(token, index, pattern.type)
        if pattern.pos == "noun" and _light_object(token)
        else None
    )
    if own:
        actor_token = None
    actor_spans = own or _phrase(actor_token, index)
    if not actor_spans and pattern.pos == "noun":  # "*Russia's* invasion", "*Israeli* attacks"
        if own is None:
            own = _modifier_actors(token, index, pattern.type)
        actor_spans = own or _moving_force(token, index)
    if not actor_spans and _undergone(token):  # "came under attack *from Russian troops*"
        actor_spans = _source_parties(token, index)
    context = contextual.context
    assert context is not None
    sentence_country, sentence_basis = context.country, context.basis
    if sentence_country is None:  # "Gunmen kidnapped two German aid workers *in Yemen*"
        context.country, context.basis = _place_state(token, index), "sentence"
    try:
        actor_spans = _conjuncts_filled(actor_token, actor_spans, contextual)
        if not actor_spans and actor_token is None and _subjectless_root(token):
            actor_spans = _nearest_before(token, index)
        if not actor_spans and _by_authorities(token, pattern):
            actor_spans = _place_recipients(token, index)
        if not actor_spans and _thing_controls(token, actor_token):
            # "Police used *tear gas* to disperse": a purpose, not object control
            actor_spans = _phrase(_subject(token.head), contextual)
        # the actor is not its own recipient: a slot that names only the actor ("reneged on
        # *his* commitment to the Zambian people") does not stop the search
        index.exclude = contextual.exclude = frozenset(s.start for s in actor_spans)
        recipient_spans = _recipient_cascade(found, folded, index, actor_spans) or (
            _recipient_cascade(found, folded, contextual, actor_spans)
        )
        if not actor_spans and pattern.cameo not in THIRD_PARTY_CODES:
            actor_spans, recipient_spans = _reciprocal(token, contextual, recipient_spans)
    finally:
        index.exclude = contextual.exclude = frozenset()
        context.country, context.basis = sentence_country, sentence_basis
    if (
        not actor_spans
        and (recipient_spans or pattern.type in PLACE_IS_VENUE_TYPES)
        and pattern.pos == "noun"
    ):
        # a name compounded with the act is its doer when the act names another party ("*US*
        # sanctions on Iran"); alone it is as often the target ("Iran sanctions"), except for
        # a meeting, which is its convener's ("the *Nato* summit")
        taken = {s.start for s in recipient_spans}
        actor_spans = [s for s in _compound_actors(token, index) if s.start not in taken]
    if len(actor_spans) + len(recipient_spans) < MIN_PARTICIPANTS:
        return None
    if extra_flags and not actor_spans:
        # what an accusation or denial is about is an act of someone: a nominal with no doer
        # inside it only describes ("accused the US of blackmail *in the negotiations* on
        # Namibia")
        return None
    code = _stopped(token, pattern.type, tables) or _code_for(found, folded, tables)
    info = tables.codes.get(code)
    mode = pattern.mode or (info.mode if info else "")
    if info is not None and code != pattern.cameo and info.mode:
        mode = info.mode  # refined by the complement: "requested a meeting" is REQUEST/meet
    trigger = CharSpan(token.idx, token.idx + len(token.text))
    # the date: this clause's own time, else (reported speech) the time of the report
    clause_head = token
    if (
        pattern.pos == "noun"
        and token.dep_ in ("dobj", "attr", "nsubj")
        and token.head.i != token.i
    ):
        clause_head = token.head
    when = _time_in(doc, _clause_tokens(clause_head), token.i)
    if when is None and clause_head.dep_ == "conj" and clause_head.head.pos_ in VERB_POS:
        # "was captured ... in April 1945 and *ceded* to the Soviet Union": the time of the
        # verb it is coordinated with
        when = _time_in(doc, _clause_tokens(clause_head.head), clause_head.head.i)
    attribution = _attribution_for(attributions, trigger)
    if when is None and attribution is not None and not _past_perfect(token):
        a = attributions[attribution]
        cue = doc[a.cue_token]  # type: ignore[attr-defined]
        content = a.content  # type: ignore[attr-defined]
        clause = {
            i for i in _clause_tokens(cue) if not content.contains(doc[i].idx, doc[i].idx + 1)
        }
        when = _time_in(doc, clause, cue.i)
    flags = _flags(token, tables) | extra_flags
    type_ = info.type if info is not None and info.type and code != pattern.cameo else pattern.type
    speaker = attributions[attribution] if attribution is not None else None
    intent = (
        None
        if extra_flags
        or not actor_spans  # an intention is someone's
        or _conditional(token)
        or _obliged(token)
        or _undergone(token)
        or (pattern.pos == "noun" and not _reported_act(token))  # "contingent on a withdrawal"
        or not _own_word(speaker, actor_token, actor_spans, contextual)
        or any(t.lemma_.lower() in BELIEF_VERBS for t in token.ancestors)
        else _intent(type_, code, flags, tables, threat=_threat(token))
    )
    if intent is not None:  # the expression of intent is the event, and it did happen
        type_, code = intent
        info = tables.codes.get(code)
        mode = info.mode if info is not None else ""
        flags -= INTENT_FLAGS | {"negated"}
    if when is not None and published is not None:
        bounds = _date_bounds(when[0])
        if bounds is not None and bounds[1] < published - timedelta(days=HISTORICAL_DAYS):
            flags.add("historical")
        elif bounds is not None and bounds[0] > published:
            flags.add("future")
    return Event(
        type=type_,
        mode=mode,
        context=info.context if info else (),
        cameo=code,
        goldstein=info.goldstein if info else None,
        actor=_participants(_residents(actor_spans, contextual)),
        recipient=_participants(_residents(recipient_spans, contextual)),
        trigger=trigger,
        trigger_token=token.i,
        sentence=CharSpan(sentence.start_char, sentence.end_char),
        date=when[0] if when else None,
        date_granularity=when[1] if when else None,
        flags=Flags().with_(flags),
        attribution=attribution,
        rule=pattern.name,
    )

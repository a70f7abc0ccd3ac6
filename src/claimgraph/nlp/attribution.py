"""Who says what: source, cue and content of reported speech, by dependency rules.

``find_attributions(doc)`` returns :class:`Attribution` tuples in reading order. The rules,
tried for every sentence in this order (each documented on its function):

1. ``according_to``  "according to X, C" / "C, according to X"
2. ``survey``        "In a CNN poll, C": the survey that opens the sentence is its source
3. ``verb_cue``      a cue verb (lexicon) with a subject source and a complement content:
                     "X said (that) C", "C, X said", "said X", "X accused Y of C",
                     "X asked Y to C", "X denied C", "X, citing Y, said C" (also records Y
                     in the cites of "said")
4. ``colon``         "Name: C" at the start of a sentence (headlines, transcripts)
5. ``dash_byline``   a quotation signed with a dash and a name: "“C” ― Sonya Herridge"
                     (over the whole text, after the sentence rules)
6. ``frame_cue``     a noun or predicate adjective with the complement it is listed with
                     (``cue_frames.tsv``, counted on PolNeAR train): "Trump's claim that C",
                     "Democrats renewed calls for C", "Republicans were critical of C"; tried
                     after the others, and a word in one of their cues or sources is theirs

Span conventions follow PolNeAR (counted on its train split, noted where they are coded): a
passive or raising cue's subject is content ("the plant is expected to close"), alone when
the cue has no complement ("the move was reported by MSNBC"); a catenative chain is one cue
("continued to insist"), and an infinitive cue starts at its governor ("was quick to point
out"); a cue is one unbroken stretch of text ("Did he announce": "announce"); a parenthetical
cue splits its content ("This, he says, is new"), and so does an "as" clause ("As Politico
reported, C"); "citing Y" goes to ``cites`` (PolNeAR makes it a cue of its own); a bare
"X said." takes the quotation before it, "X said:" the sentence after; "dismissed the report
as propaganda" keeps the "as" phrase the parser hangs on the cue, and a content's trailing
", which ..." clause is left out.

Direct quotes: a content inside quotation marks is widened to its marks, and a quotation
that continues over the next sentences is followed (``MAX_QUOTE_CONTINUATION``).
``kind`` is ``direct`` when the content is all quotation, ``mixed`` when it contains one,
else ``indirect``.

Learned edges: last, a single-piece content's outer edges are re-chosen by the content-edge
model (``nlp/content_model.py``, trained on PolNeAR train) among candidates near the rules'
edges; words it drops between the cue and the content join the cue ("made several negative
comments about C"). Without a shipped model the rules' edges stand.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Iterator
from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from claimgraph.nlp.content_model import (
    ContentModel,
    attribution_context,
    choose_edges,
    edge_span,
    kept_out,
    packaged_content_model,
)
from claimgraph.nlp.cue_model import CueModel, packaged_cue_model
from claimgraph.nlp.lexicon import (
    CueLexicon,
    according_to_non_sources,
    catenative_cue_verbs,
    colon_headings,
    cue_frames,
    cue_lexicon,
    cue_statement_nouns,
    light_verb_cues,
    survey_nouns,
    verb_content_frames,
)
from claimgraph.nlp.quotes import Quote, find_quotes
from claimgraph.nlp.spans import QUOTE_MARKS, CharSpan, char_span, subtree_indices

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# A cue in one of these relations to a verb shares that verb's subject ("..., adding that").
SHARED_SUBJECT_DEPS = frozenset({"advcl", "conj", "xcomp"})
MAX_SUBJECT_HOPS = 2
MAX_QUOTE_CONTINUATION = 3  # following all-quote sentences joined to a direct quote
MAX_COLON_SOURCE_TOKENS = 6
COLON_SOURCE_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "PUNCT", "NUM"})
# Where a cue verb's content lies when it has no "that" clause: data in
# verb_content_frames.tsv ("accused Iran of C", "asked the UN to C", "vowed to C", "denied
# the allegations").
_FRAMES = verb_content_frames()
OBJECT_PREP_VERBS = _FRAMES["object_prep"]
REQUEST_OBJECT_VERBS = _FRAMES["request_object"]
XCOMP_CONTENT_VERBS = _FRAMES["xcomp_content"]
OBJECT_CONTENT_VERBS = _FRAMES["object_content"]
# Verbs whose grammatical subject is what they report on, not who reports: "the race seemed
# to be his to lose". On PolNeAR train the subject of seem/appear is in the content 155
# times and the source 6 times.
RAISING_VERBS = frozenset({"seem", "appear"})
# "X said C, citing Y": Y is recorded in the attribution's ``cites`` and left out of C.
# PolNeAR also marks "citing" as a cue of its own with Y as its content (train: 57 gold
# cues; emitting it adds 29 exact cues, dev +4), but a content that is the cited party
# ("the Iranian mission to the UN") would become a claim of its own: not emitted.
CITING_LEMMAS = frozenset({"cite", "quote"})
# Denials, doubts and requests are what claims are made of: a lexicon verb with one of
# these stances is a cue whatever the learned detector (trained on PolNeAR) says.
LEXICON_DECIDES_STANCES = frozenset({"deny", "doubt", "request", "question"})
DEFAULT_STANCE = "assert"  # a cue the lexicon does not list puts its content forward
WHETHER_MARKS = frozenset({"whether", "if"})


class Attribution(NamedTuple):
    source: CharSpan | None
    cue: CharSpan
    content: CharSpan | None
    kind: str  # direct, indirect, mixed
    stance: str  # assert, deny, doubt, request, question
    rule: str
    cites: tuple[CharSpan, ...]
    cue_token: int  # index of the cue's head token, for linking times and actors
    source_token: int | None  # index of the source's head token
    nested_in: int | None = None  # position (in the returned list) of the attribution whose
    # content holds this one's cue: "The Post reported that officials said ..." (a report of
    # a report). PolNeAR annotates only the outermost.


# Words that belong to the cue around its verb: "has also said", "said Tuesday",
# "said in a statement" (the nouns: cue_statement_nouns.txt), "pointed out", "called for".
CUE_STATEMENT_NOUNS = cue_statement_nouns()
WH_ADVERBS = frozenset({"when", "whenever", "where", "why", "how", "while"})
TIME_WORDS = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
    }
)


# Adverbs right after a cue verb that PolNeAR counts in the cue like a particle: "shot back",
# "walked back" (train: 14 predicted cues were short of a gold "back"; taking it adds 12
# exact cues).
CUE_ADVERBS_AFTER = frozenset({"back"})


def _cue_tokens(
    verb: Token,
    *,
    content_prep: Token | None = None,
    taken: Collection[int] = (),
    extra: Collection[int] = (),
) -> list[int]:
    """The verb with its auxiliaries, negation, adverbs, particle and the phrases news style
    glues to it ("said Tuesday", "said in a statement"), as one contiguous run, less the
    ``taken`` tokens (source and content) that lie inside the run: "did … announce" in
    "did he announce", "Summing … up" in "Summing it up"."""
    doc = verb.doc
    indices = [verb.i]
    for child in verb.children:
        if (
            child.i < verb.i
            and child.dep_ in {"aux", "auxpass", "neg"}
            or child.i < verb.i
            and child.dep_ == "advmod"
            and verb.i - child.i <= 2
            and child.tag_ != "WRB"
            and child.lower_ not in WH_ADVERBS  # "when he said": the clause's, not the cue's
            or child.dep_ == "prt"
            or child.dep_ == "prep"
            and child.lower_ in {"for", "on", "upon"}
            and verb.lemma_ == "call"
            and child.i == verb.i + 1
            or child.dep_ == "npadvmod"
            and child.i == verb.i + 1
            and child.lower_ in TIME_WORDS
            or child.dep_ == "advmod"
            and child.i == verb.i + 1
            and child.lower_ in CUE_ADVERBS_AFTER
        ):
            indices.append(child.i)
        elif child.dep_ == "prep" and child.i == verb.i + 1 and child.lower_ == "in":
            phrase = _statement_phrase(child)
            if phrase is not None:
                indices.extend(phrase[0])
    if content_prep is not None:
        indices.append(content_prep.i)
    indices.extend(extra)
    first, last = min(indices), max(indices)
    # keep the cue contiguous; a wide gap means the pieces are not one expression
    if last - first > len(indices) + 2:
        return _run_around(
            doc,
            [verb.i]
            + (
                [content_prep.i]
                if content_prep is not None and content_prep.i == verb.i + 1
                else []
            )
            + sorted(extra),
            verb.i,
        )
    chosen = set(indices)
    return _run_around(
        doc,
        [
            i
            for i in range(first, last + 1)
            if (not doc[i].is_punct or _inside_word(doc, i)) and (i in chosen or i not in taken)
        ],
        verb.i,
    )


def _inside_word(doc: Doc, i: int) -> bool:
    """A token glued to both neighbours, as the hyphen of "pre-emptive" or "6-1"."""
    return 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not doc[i].whitespace_


def _run_around(doc: Doc, indices: Collection[int], anchor: int) -> list[int]:
    """The unbroken run of ``indices`` that holds ``anchor``: a PolNeAR cue is one stretch
    of text (none of the 19,833 gold cues on train is in fragments), so the words the rules
    collect on the far side of a source or a comma stay out ("Did … refuse", "Maybe he
    figures", "Sanders, meanwhile, hopes": gold "refuse", "figures", "hopes")."""
    chosen = set(indices)
    if anchor not in chosen:
        return sorted(chosen)
    start = end = anchor
    while start - 1 in chosen:
        start -= 1
    while end + 1 in chosen:
        end += 1
    return list(range(start, end + 1))


# Prepositions that open the content of a verb + object cue: "raised questions about C".
LIGHT_VERB_PREPS = frozenset(
    {"about", "of", "on", "over", "for", "to", "at", "with", "against", "behind", "in", "into"}
)


def _light_verb(verb: Token) -> tuple[set[int], set[int]] | None:
    """A verb + object cue from the lexicon ("expressed concern that C", "took aim at C",
    "issued a statement saying C"): the cue's extra tokens (the object phrase and the word
    that opens the content) and the content, or None."""
    pairs = light_verb_cues()
    lemma = verb.lemma_.lower()
    obj = next(
        (
            c
            for c in verb.children
            if c.dep_ == "dobj" and c.i > verb.i and (lemma, c.lemma_.lower()) in pairs
        ),
        None,
    )
    if obj is None:
        return None
    phrase = {t.i for t in obj.subtree if t.i <= obj.i}
    after = [c for c in obj.children if c.i > obj.i] + [c for c in verb.children if c.i > obj.i]
    for child in sorted(after, key=lambda c: c.i):
        if child.dep_ == "prep" and child.lower_ in LIGHT_VERB_PREPS:
            content = {t.i for t in child.subtree if t.i != child.i}
            if content:
                return phrase | {child.i}, content
        if (
            child.dep_ in {"acl", "ccomp", "relcl"}
            and child.head.i == obj.i
            and child.lemma_.lower() in cue_lexicon().verbs
        ):
            inner = _child(child, "ccomp", "dobj")
            if inner is not None:  # "a statement saying C"
                return phrase | {
                    t.i for t in child.subtree if t.i < inner.left_edge.i
                }, subtree_indices(inner)
        if child.dep_ in {"ccomp", "acl"} and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in child.children
        ):
            return phrase, subtree_indices(child)
    return None


def _subject(verb: Token) -> Token | None:
    current = verb
    fronted = _fronted_subject(verb)
    for _ in range(MAX_SUBJECT_HOPS + 1):
        for child in current.children:
            if fronted is not None and child.i == fronted.i:
                continue  # the reported clause's subject, not the speaker
            # the verb the cue hangs on may be passive: its subject is the one who speaks
            # ("After saying ..., she was whisked off"), unlike a passive cue's own subject
            if child.dep_ in SUBJECT_DEPS or (child.dep_ == "nsubjpass" and current.i != verb.i):
                return child
        for child in current.children:
            if child.dep_ == "agent":  # passive: "was told by officials"
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
        if current.dep_ in SHARED_SUBJECT_DEPS and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ == "acomp" and current.head.pos_ in {"VERB", "AUX"}:
            current = current.head  # "was able to tout": the copula's subject
            continue
        if (
            current.dep_ == "pcomp"
            and current.head.dep_ == "prep"
            and current.head.head.pos_ in {"VERB", "AUX"}
        ):  # "began by saying", "after saying ..., the man": the governing verb's subject
            current = current.head.head
            continue
        return None
    return None


def _theme(verb: Token) -> Token | None:
    """The subject that is part of the content, not the source: a passive cue's subject ("the
    plant is expected to close", "Iran was accused of C") and a raising verb's ("the race
    seemed close"). On PolNeAR train a passive cue's subject is in the content 434 times and
    the source 50; with a clausal complement it is the addressee ("he was told that C")."""
    if verb.lemma_.lower() in RAISING_VERBS:
        return _child(verb, "nsubj")
    if _child(verb, "ccomp") is not None:
        return None
    return _child(verb, "nsubjpass")


def _child(token: Token, *deps: str) -> Token | None:
    for child in token.children:
        if child.dep_ in deps:
            return child
    return None


# Children of the noun of "said in a statement" that hold what was said, not where: "says in
# a statement that C" parsed with the clause on "statement".
STATEMENT_CLAUSE_DEPS = frozenset({"acl", "ccomp", "relcl"})


def _statement_phrase(prep: Token) -> tuple[set[int], set[int]] | None:
    """For the "in" of "said in a statement (released by X) that C": the phrase's tokens
    that join the cue and the clause on its noun that is the content (maybe empty); None
    when the noun is not a ``CUE_STATEMENT_NOUNS`` one. On PolNeAR train the gold cue keeps
    the noun's other right modifiers ("said in a statement released by the Trump campaign")
    but never a "that" clause."""
    pobj = _child(prep, "pobj")
    if pobj is None or pobj.lemma_.lower() not in CUE_STATEMENT_NOUNS:
        return None
    clauses = [
        c
        for c in pobj.children
        if c.i > pobj.i
        and c.dep_ in STATEMENT_CLAUSE_DEPS
        and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
    ]
    clause_idx = {i for c in clauses for i in subtree_indices(c)}
    return subtree_indices(prep) - clause_idx, clause_idx


def _content_tokens(verb: Token, lemma: str) -> set[int] | None:
    """The complement that holds what is said, by the verb's frame (see module docstring)."""
    ccomp = _child(verb, "ccomp")
    if ccomp is not None:
        return subtree_indices(ccomp)
    statement = next(
        (
            _statement_phrase(c)
            for c in verb.children
            if c.dep_ == "prep" and c.i == verb.i + 1 and c.lower_ == "in"
        ),
        None,
    )
    if statement is not None and statement[1]:  # "says in a statement that C"
        return statement[1]
    dobj = _child(verb, "dobj")
    if lemma in OBJECT_PREP_VERBS and dobj is not None:
        prep = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"of", "for", "over"}),
            None,
        )
        if prep is not None:
            return subtree_indices(dobj) | subtree_indices(prep)
    xcomp = _child(verb, "xcomp")
    call_on = _call_on(verb)
    if call_on is not None:  # "called on X to C": X and C
        pobj = _child(call_on, "pobj")
        found = (subtree_indices(pobj) if pobj is not None else set()) | (
            subtree_indices(xcomp) if xcomp is not None else set()
        )
        if found:
            return found
    if lemma in REQUEST_OBJECT_VERBS:
        if xcomp is not None:
            return subtree_indices(xcomp) | (subtree_indices(dobj) if dobj is not None else set())
        prep_for = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        if prep_for is not None and lemma in {"call", "appeal", "ask"}:
            return {t.i for t in prep_for.subtree if t.i != prep_for.i}
    if xcomp is not None and lemma in XCOMP_CONTENT_VERBS:
        return subtree_indices(xcomp)
    if dobj is not None and lemma in OBJECT_CONTENT_VERBS:
        return subtree_indices(dobj)
    # content first, cue second: "Iran is ready, the minister said" parsed with the content
    # verb as the head of the cue. The cue clause is set off by punctuation; without it the
    # verb is its head's own complement ("X stressed that he insisted ...", "X said the
    # meeting was requested"), and the head's clause is not what it says.
    if (
        verb.dep_ in {"parataxis", "ccomp"}
        and verb.head.i < verb.i
        and verb.head.pos_ in {"VERB", "AUX"}
        and _set_off(verb)
    ):
        head = verb.head
        leading = [
            c
            for c in head.children
            if c.i < head.i and c.dep_ in LEADING_ADVERBIAL_DEPS and _followed_by_comma(c)
        ]
        return subtree_indices(head, exclude=[verb, *leading])
    if _parenthetical(verb):  # "This campaign, he says, is different": around the cue
        fronted = _fronted_subject(verb)
        return subtree_indices(verb.head, exclude=[verb]) | (
            subtree_indices(fronted) if fronted is not None else set()
        )
    return None


# A participle that modifies a noun: "an option seen by organizers as a lifeboat" (acl). On
# PolNeAR train taking the noun as the content adds 62 attributions, 41 with the gold cue;
# relative clauses ("the lesson they intended": 48 of 75) and adjectival participles ("a
# self-described socialist": 28 of 68) gain on train too but lose cues on dev.
NOUN_MODIFIER_DEPS = frozenset({"acl"})


def _modified_noun(verb: Token) -> set[int] | None:
    """For a cue verb without a complement that modifies a noun (``NOUN_MODIFIER_DEPS``),
    that noun phrase up to its head, without the verb's words, or the relative pronoun that
    is the verb's object: what the cue reports on ("an option seen by organizers")."""
    if verb.dep_ not in NOUN_MODIFIER_DEPS or verb.head.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    noun = verb.head
    own = subtree_indices(verb)
    relative = next(
        (c for c in verb.children if c.dep_ == "dobj" and c.tag_ in {"WDT", "WP"}), None
    )
    if relative is not None:
        return {relative.i}
    found = {t.i for t in noun.subtree if t.i <= noun.i and t.i not in own}
    return found or None


# Adverbs that stand for a reported clause: "Ted Cruz apparently thinks so", "said so".
PRO_FORM_ADVERBS = frozenset({"so"})


def _pro_form(verb: Token) -> set[int] | None:
    """The "so" right after a cue verb that stands for what it reports, as its content
    (PolNeAR train: 4 more attributions, all with the gold cue and content)."""
    return next(
        (
            {c.i}
            for c in verb.children
            if c.dep_ == "advmod" and c.i == verb.i + 1 and c.lower_ in PRO_FORM_ADVERBS
        ),
        None,
    )


def _as_clause_content(verb: Token) -> set[int] | None:
    """The clause an "as" clause cue modifies ("As Politico reported, C"), without its
    leading adverbials, when the cue has no complement of its own (``_as_clause``)."""
    if not _as_clause(verb):
        return None
    head = verb.head
    leading = [
        c
        for c in head.children
        if c.i < head.i
        and c.i != verb.i
        and c.dep_ in LEADING_ADVERBIAL_DEPS
        and _followed_by_comma(c)
    ]
    return subtree_indices(head, exclude=[verb, *leading])


def _as_clause(verb: Token) -> bool:
    """A cue verb in an "as" clause without a complement of its own ("As Politico reported,
    C", "C, as Rubio has said"): what it reports is the clause it modifies. On PolNeAR train
    253 of the 1,063 verbs in such a clause are in a gold cue, 230 of them without the "as",
    and the source is the clause's subject 191 times."""
    return (
        verb.dep_ == "advcl"
        and verb.head.pos_ in {"VERB", "AUX"}
        and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i for c in verb.children)
        and not any(c.dep_ in {"ccomp", "dobj", "xcomp", "prep"} for c in verb.children)
        # "As X reported, Trump said C": the report is the main verb's, not a content
        and cue_lexicon().verb(verb.head.lemma_) is None
        # someone who reports, not "as might have been expected": without a subject 3 of 6
        # are gold cues on train, and a golden claim thread takes in a wrong article
        and any(c.dep_ in SUBJECT_DEPS for c in verb.children)
    )


def _set_off(verb: Token) -> bool:
    """Punctuation before the cue clause: before its first word, the parser may hang the
    comma on the cue verb itself ("Lenox was a juggernaut, Mr. Clarke said, until ...")."""
    first = next((t for t in verb.subtree if not t.is_punct), verb)
    return first.i > 0 and verb.doc[first.i - 1].is_punct


# A cue clause set into its content: "X, he said, Y" parsed with the cue verb attached to the
# content's verb after it.
PARENTHETICAL_DEPS = frozenset({"parataxis", "ccomp", "advcl"})


def _parenthetical(verb: Token) -> bool:
    """A cue clause between commas inside the clause it reports ("This campaign, he says,
    is different"): the content is its head's clause around it, leading adverbials
    included, as PolNeAR annotates ("In the long run, economists say, C")."""
    doc = verb.doc
    fronted = _fronted_subject(verb)
    skipped = subtree_indices(fronted) if fronted is not None else set()
    own = [t for t in verb.subtree if not t.is_space and t.i not in skipped]
    left, right = own[0].i, own[-1].i
    before, after = left - 1, right + 1
    return (
        verb.dep_ in PARENTHETICAL_DEPS
        and verb.head.i > verb.i
        and verb.head.pos_ in {"VERB", "AUX"}
        and before >= verb.sent.start
        and (doc[left].text == "," or doc[before].text == ",")
        and (doc[right].text == "," or (after < len(doc) and doc[after].text == ","))
    )


def _fronted_subject(verb: Token) -> Token | None:
    """The subject of the reported clause that the parser hangs on a parenthetical cue as a
    second subject before the cue's own ("Voters, Clinton suggested, don't have to worry":
    both "Voters" and "Clinton" nsubj of "suggested"), or None."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i < verb.i]
    if len(subjects) < 2:
        return None
    first = subjects[0]
    after = first.right_edge.i + 1
    return first if after < verb.i and verb.doc[after].text == "," else None


# Sentence openers that frame rather than belong to a fronted content: "In contrast, C, X said".
LEADING_ADVERBIAL_DEPS = frozenset({"prep", "advmod", "npadvmod", "advcl", "cc"})


def _followed_by_comma(token: Token) -> bool:
    after = token.right_edge.i + 1
    return token.dep_ == "cc" or (after < len(token.doc) and token.doc[after].text == ",")


def _call_on(verb: Token) -> Token | None:
    """The "on" of "called on X (to ...)"; an appeal, so a request."""
    if verb.lemma_.lower() != "call":
        return None
    return next(
        (
            c
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in {"on", "upon"} and c.i == verb.i + 1
        ),
        None,
    )


def _stance(verb: Token, lemma: str, default: str) -> str:
    if _call_on(verb) is not None or (
        lemma == "call"
        and (
            any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children)
            or _for_clause(verb) is not None
        )
    ):
        return "request"
    if lemma == "ask":
        ccomp = _child(verb, "ccomp")
        if ccomp is not None and any(
            c.dep_ == "mark" and c.lower_ in WHETHER_MARKS for c in ccomp.children
        ):
            return "question"
    return default


def _joined(pieces: Iterable[tuple[int, int]]) -> CharSpan:
    """One span of character pieces: sorted, with overlapping or touching pieces merged."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(pieces):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    if len(merged) == 1:
        return CharSpan(*merged[0])
    return CharSpan(merged[0][0], merged[-1][1], tuple(merged))


def _foreign_quote(q: Quote, cue: Token, source: CharSpan | None) -> bool:
    """A quotation that holds the cue or touches the source is not the content's (a report
    inside a quotation, or marks paired wrongly): a content never takes in its own cue or
    source."""
    return q.start <= cue.idx < q.end or (
        source is not None and source.overlaps(CharSpan(q.start, q.end))
    )


def _widen_to_quotes(
    span: CharSpan, quotes: list[Quote], cue: Token, source: CharSpan | None
) -> CharSpan:
    """A content that starts or ends inside a quotation is widened to the quotation marks."""
    pieces = []
    for start, end in span.pieces():
        for q in quotes:
            if _foreign_quote(q, cue, source):
                continue
            if q.start < end and start < q.end and not (start <= q.start and q.end <= end):
                start, end = min(start, q.start), max(end, q.end)
        pieces.append((start, end))
    return _joined(pieces)


def _kind(content: CharSpan | None, quotes: list[Quote]) -> str:
    if content is None:
        return "indirect"
    inside = [q for q in quotes if content.overlaps(CharSpan(q.start, q.end))]
    if not inside:
        return "indirect"
    quoted = sum(
        min(e, q.end) - max(s, q.start)
        for s, e in content.pieces()
        for q in inside
        if q.start < e and s < q.end
    )
    total = sum(e - s for s, e in content.pieces())
    return "direct" if quoted >= total - 2 else "mixed"


def _sentence_quotes(
    sentence: Span, content: CharSpan, quotes: list[Quote], cue: Token, source: CharSpan | None
) -> CharSpan:
    """A direct quote interrupted by its cue ("“A,” he said, “B.”") is all the sentence's
    quotations on either side of the cue, as fragments."""
    pieces = set(content.pieces())
    for q in quotes:
        inside_sentence = sentence.start_char <= q.start < sentence.end_char
        if inside_sentence and not _foreign_quote(q, cue, source):
            pieces.add((q.start, q.end))
    return _joined(pieces)


def _continue_quote(doc: Doc, sentence: Span, content: CharSpan, quotes: list[Quote]) -> CharSpan:
    """Join the quotations that follow over the next sentences, each whole, when those
    sentences are all quotation (and so have no cue of their own): up to
    ``MAX_QUOTE_CONTINUATION`` quotations after the content's."""
    pieces = list(content.pieces())
    joined = 0
    for sent in doc.sents:
        if sent.start < sentence.end or sent.start_char < pieces[-1][1]:
            continue  # before the content, or inside a quotation already taken
        if joined >= MAX_QUOTE_CONTINUATION:
            break
        # the sentence without the line break (and spaces) it may end with
        sent_end = max((t.idx + len(t.text) for t in sent if not t.is_space), default=sent.end_char)
        quote = next(
            (q for q in quotes if q.start <= sent.start_char and sent_end - 2 <= q.end), None
        )
        if quote is None:
            break
        start = max(quote.start, sent.start_char)
        if pieces[-1][1] >= start:
            pieces[-1] = (pieces[-1][0], max(quote.end, pieces[-1][1]))
        else:
            pieces.append((start, quote.end))
        joined += 1
    return _joined(pieces)


# Tokens that may stand before a sentence-initial "according to X," without being content.
DISCOURSE_DEPS = frozenset({"advmod", "cc", "punct", "prep", "intj"})


def _according_to(sentence: Span) -> Iterator[Attribution]:
    non_sources = according_to_non_sources()
    doc = sentence.doc
    for token in sentence:
        if token.lower_ != "according" or token.i + 1 >= sentence.end:
            continue
        to = doc[token.i + 1]
        if to.lower_ != "to":
            continue
        pobj = _child(to, "pobj")
        if pobj is None or pobj.lemma_.lower() in non_sources or pobj.lower_ in non_sources:
            continue
        source_idx = subtree_indices(pobj)
        phrase = {token.i, to.i} | source_idx
        first, last = min(phrase), max(phrase)
        left = [t for t in sentence if t.i < first and not t.is_punct]
        right = [t for t in sentence if t.i > last and not t.is_punct]
        if (
            right
            and all(
                t.dep_ in DISCOURSE_DEPS and t.head.i in phrase | {t.i for t in left} | {t.head.i}
                for t in left
            )
            and len(left) <= 2
        ):
            content_idx = {t.i for t in sentence if t.i > last}  # "(Also,) according to X, C"
        elif left and not right:
            content_idx = {t.i for t in sentence if t.i < first}  # "C, according to X."
        else:
            content_idx = {t.i for t in sentence if t.i not in phrase}
        content = char_span(doc, content_idx, keep_quotes=True, max_gap=1)
        cue = char_span(doc, [token.i, to.i])
        if cue is None:
            continue
        yield Attribution(
            char_span(doc, source_idx),
            cue,
            content,
            "indirect",
            "assert",
            "according_to",
            (),
            token.i,
            pobj.i,
        )


def _survey(sentence: Span) -> Iterator[Attribution]:
    """A sentence opened by "In <survey>," (``survey_nouns``): "In a CNN poll released
    Monday, 50 percent chose Clinton". The "In" is the cue, the survey the source and the
    rest of the sentence the content."""
    words = [t for t in sentence if not (t.is_space or t.is_punct)]
    first = words[0] if words else None
    if first is None or first.lower_ != "in" or first.dep_ != "prep":
        return
    pobj = _child(first, "pobj")
    comma = first.right_edge.i + 1
    if (
        pobj is None
        or pobj.lemma_.lower() not in survey_nouns()
        or comma >= sentence.end
        or sentence.doc[comma].text != ","
    ):
        return
    doc = sentence.doc
    content = char_span(doc, range(comma + 1, sentence.end), keep_quotes=True)
    cue = char_span(doc, [first.i])
    if content is None or cue is None:
        return
    yield Attribution(
        char_span(doc, subtree_indices(pobj)),
        cue,
        content,
        "indirect",
        DEFAULT_STANCE,
        "survey",
        (),
        first.i,
        pobj.i,
    )


def _verb_cues(
    sentence: Span, lexicon: CueLexicon, quotes: list[Quote], model: CueModel | None
) -> Iterator[Attribution]:
    doc = sentence.doc
    chained: set[int] = set()  # inner verbs already in the cue of their catenative verb
    for token in sentence:
        if token.pos_ not in {"VERB", "AUX"} or token.i in chained:
            continue
        lemma = token.lemma_.lower()
        cue_entry = lexicon.verb(lemma)
        if (
            lemma in CITING_LEMMAS and token.dep_ == "advcl"
        ) or lemma == "accord":  # "citing Y" goes to cites; "according to": own rule
            continue
        # Cascade: the learned detector decides when shipped; else the lexicon alone.
        if model is not None:
            certain = (
                cue_entry is not None
                and cue_entry.stance in LEXICON_DECIDES_STANCES
                and (cue_entry.stance != "request" or _request_frame(token))
            )
            if not certain and (token.pos_ != "VERB" or not model.is_cue(token, lexicon)):
                continue
        elif cue_entry is None:
            continue
        # "continued to assert": the chain is the cue, the inner verb's frame the content
        head, frame = _catenative_chain(token)
        if frame.i != token.i:
            chained.add(frame.i)
        frame_lemma = frame.lemma_.lower()
        frame_entry = lexicon.verb(frame_lemma) or cue_entry
        stance_default = frame_entry.stance if frame_entry is not None else DEFAULT_STANCE
        light = _light_verb(frame)
        cue_extra: set[int] = _chain_tokens(head, frame) | _infinitive_governor(head)
        content_idx: set[int] | None
        if light is not None:
            cue_extra |= light[0]
            content_idx = light[1]
        else:
            content_idx = _content_tokens(frame, frame_lemma)
        content_prep = None
        if content_idx is None:
            for_clause = _for_clause(frame)
            if for_clause is not None:  # "called for the US to act": the "for" is the cue's
                content_idx, content_prep = for_clause
        if content_idx is None and model is not None:
            generic = _generic_content(frame)
            if generic is not None:
                content_idx, content_prep = generic
        if content_idx is None:
            content_idx = _as_clause_content(frame)
        if content_idx:  # PolNeAR's right edge where the parse stops short
            content_idx |= _content_tail(frame, content_idx)
        adjacent = _adjacent_quote(head, quotes) if content_idx is None else None
        if adjacent is not None:
            content_idx = _quote_tokens(doc, adjacent)
        if content_idx is None:
            content_idx = _neighbour_content(head, quotes)
        citing = [
            c for c in token.children if c.dep_ == "advcl" and c.lemma_.lower() in CITING_LEMMAS
        ]
        cites: list[CharSpan] = []
        for cite in citing:
            cited = _child(cite, "dobj")
            if cited is not None:
                span = char_span(
                    doc,
                    subtree_indices(
                        cited, exclude=[c for c in cited.children if c.dep_ == "relcl"]
                    ),
                )
                if span is not None:
                    cites.append(span)
            misattached = _child(cite, "ccomp")
            if content_idx is None and misattached is not None:
                content_idx = subtree_indices(misattached)
        if content_idx is None and model is not None:
            content_idx = _modified_noun(frame)
        if content_idx is None:
            content_idx = _pro_form(frame)
        if content_idx is None and _theme(head) is not None:
            # "O'Malley's move was first reported by MSNBC": the subject alone is the content
            # (PolNeAR train: 175 more attributions, 120 of them with the gold cue)
            content_idx = set()
        if content_idx is None:
            continue
        content_idx -= _embedded_cues(doc, content_idx, lexicon)
        content_idx -= _trailing_comment(doc, content_idx, quotes)
        for cite in citing:  # "citing Y" is provenance, not content
            misattached = _child(cite, "ccomp")
            content_idx -= subtree_indices(
                cite, exclude=[misattached] if misattached is not None else []
            )
        theme = _theme(head)
        if theme is not None:
            content_idx |= subtree_indices(theme)
        subject = _subject(frame)
        if subject is not None and theme is not None and subject.i == theme.i:
            subject = None
        source = None
        subject_idx: set[int] = set()
        if subject is not None:
            source = source_span(subject)
            subject_idx = subtree_indices(subject)
            content_idx -= subject_idx
        cue_idx = _cue_tokens(
            head, content_prep=content_prep, taken=subject_idx | content_idx, extra=cue_extra
        )
        content_idx -= set(cue_idx)  # "said in a statement": the phrase is the cue's
        content = char_span(doc, content_idx, keep_quotes=True, max_gap=0)
        if content is None:
            continue
        content = _widen_to_quotes(content, quotes, token, source)
        if _kind(content, quotes) == "direct":
            content = _sentence_quotes(sentence, content, quotes, token, source)
            content = _continue_quote(doc, sentence, content, quotes)
        cue = char_span(doc, cue_idx)
        if cue is None:
            continue
        yield Attribution(
            source,
            cue,
            content,
            _kind(content, quotes),
            _stance(frame, frame_lemma, stance_default),
            "verb_cue",
            tuple(cites),
            token.i,
            subject.i if subject is not None else None,
        )


# What a verb of asking asks for: "asked X to C", "urged that C", "appealed for C", "called on
# X". Without one ("seeking the nomination", "asked about the emails", "invited him") the
# learned detector decides, as for any verb.
REQUEST_FRAME_DEPS = frozenset({"xcomp", "ccomp"})
REQUEST_FRAME_PREPS = frozenset({"for", "on", "upon"})


def _request_frame(verb: Token) -> bool:
    return any(
        c.dep_ in REQUEST_FRAME_DEPS
        or c.dep_ == "prep"
        and c.lower_ in REQUEST_FRAME_PREPS
        or c.dep_ == "advcl"
        and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children)
        for c in verb.children
        if c.i > verb.i
    )


# Auxiliaries of the governor that open an infinitive cue's span ("will have to continue").
GOVERNOR_AUX_DEPS = frozenset({"aux", "auxpass", "neg"})
# Objects of a governor that make its infinitive a request's content: "urged Congress to act".
ADDRESSEE_DEPS = frozenset({"dobj", "dative"})


def _infinitive_governor(verb: Token) -> set[int]:
    """For a cue in an infinitive complement ("went off script to comment on", "was quick to
    point out", "are more likely to say"), the words from its governing verb, or the copula
    of its governing adjective, up to the cue, with the governor's auxiliaries: PolNeAR's cue
    starts there. Counted on PolNeAR train for predicted cues that start with the "to" of an
    xcomp: the gold cue is the widened span 61 times and the bare infinitive 25 (an adverbial
    "to" clause, 44/45, is left as it is)."""
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    governor = verb.head
    if to is None or verb.dep_ != "xcomp" or governor.i >= verb.i:
        return set()
    if cue_lexicon().verb(governor.lemma_) is not None or any(
        c.dep_ in ADDRESSEE_DEPS and c.i < verb.i for c in governor.children
    ):
        # a cue of its own, whose content the infinitive is: "urged Congress to act"
        return set()
    if governor.pos_ == "ADJ" and governor.dep_ == "acomp" and governor.head.i < governor.i:
        governor = governor.head  # "was quick to point out": from the copula
    start = min(
        [governor.i]
        + [c.i for c in governor.children if c.dep_ in GOVERNOR_AUX_DEPS and c.i < governor.i]
    )
    return set(range(start, verb.i))


# Children of the inner verb of a catenative chain that belong to the cue: "to", "not", "on".
CHAIN_CUE_DEPS = frozenset({"aux", "neg", "prt"})


def _catenative_chain(verb: Token) -> tuple[Token, Token]:
    """The verb that starts the cue and the verb whose frame holds the content. They differ
    for a catenative verb with an infinitive ("continued to assert", "tried to argue",
    ``catenative_cue_verbs``), whichever of the two was found as the cue; else both are
    ``verb``."""
    catenative = catenative_cue_verbs()
    if verb.lemma_.lower() in catenative:
        inner = next(
            (c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and c.pos_ == "VERB"),
            None,
        )
        if inner is not None:
            return verb, inner
    if (
        verb.dep_ == "xcomp"
        and verb.head.i < verb.i
        and verb.head.pos_ == "VERB"
        and verb.head.lemma_.lower() in catenative
    ):
        return verb.head, verb
    return verb, verb


def _chain_tokens(head: Token, frame: Token) -> set[int]:
    """The inner verb of a catenative chain and its "to", negation and particle."""
    if head.i == frame.i:
        return set()
    return {frame.i} | {c.i for c in frame.children if c.dep_ in CHAIN_CUE_DEPS}


# Modifiers after a source's head left out of the source. Appositions and relative clauses
# stay: they say who the source is ("Michael McFaul, a former ambassador to Russia").
SOURCE_DROPPED_DEPS = frozenset({"advcl"})
# A participle or adjective phrase set off by a comma after the source's head says what the
# source was doing, not who it is ("Marco Rubio, speaking at a rally, is criticizing ..."):
# on PolNeAR train the gold source leaves it out 42 times of 55.
SOURCE_DROPPED_SET_OFF_DEPS = frozenset({"acl"})
# Modifiers before a source's head that focus the clause, not name the source: "even Trump
# said", "only Clinton has said" (gold source without them).
SOURCE_DROPPED_LEFT_DEPS = frozenset({"advmod"})
# Dashes that end a dateline before the source: "RENO, Nev. (AP) — Donald Trump says ...".
DATELINE_DASHES = frozenset({"—", "–", "--", "―"})


def source_span(head: Token) -> CharSpan | None:
    """The source noun phrase: the subject's subtree, never reaching back over a line break
    or a dash."""
    doc = head.doc
    dropped = [
        c
        for c in head.children
        if c.i > head.i
        and (
            c.dep_ in SOURCE_DROPPED_DEPS
            or c.dep_ in SOURCE_DROPPED_SET_OFF_DEPS
            and c.left_edge.i > 0
            and doc[c.left_edge.i - 1].text == ","
        )
        or c.i < head.i
        and c.dep_ in SOURCE_DROPPED_LEFT_DEPS
    ]
    indices = subtree_indices(head, exclude=dropped)
    indices = {
        i
        for i in indices
        if not any(
            "\n" in doc[j].text_with_ws or doc[j].text in DATELINE_DASHES for j in range(i, head.i)
        )
    }
    return char_span(doc, indices)


EMBEDDED_CUE_DEPS = frozenset({"advcl", "conj", "parataxis"})


# Complements of the cue verb that the parser hangs on it after its content, but that PolNeAR
# counts in the content: "dismissed his weekend outburst as the emotions of a worried
# spouse", "faulted the network for its reporting". Keys are dependency labels, with the
# word for a preposition. Counted on PolNeAR train, for a child of the cue verb that starts
# right after an indirect content (no comma between): in the gold content / not: "as" 67/6,
# ccomp 38/6, xcomp 6/1, "for" 13/6, "to" 9/3, "from" 5/3. Left out: advcl (109/101), "in"
# (33/24, often a time or place), conj (27/14, often a cue of its own).
CONTENT_TAIL_KEYS = frozenset({"prep:as", "ccomp", "xcomp", "prep:for", "prep:to", "prep:from"})


def _tail_key(token: Token) -> str:
    return f"{token.dep_}:{token.lower_}" if token.dep_ == "prep" else token.dep_


def _content_tail(verb: Token, content_idx: set[int]) -> set[int]:
    """The cue verb's complements that continue its content on the right, without a comma
    between (``CONTENT_TAIL_KEYS``): "called the DLC | as "a remnant of another period"."""
    added: set[int] = set()
    last = max(content_idx)
    if last < verb.i:  # a content before its cue ("C, X said") ends where it ends
        return added
    for child in verb.children:
        if child.i <= last:
            continue
        if child.left_edge.i != last + 1 or _tail_key(child) not in CONTENT_TAIL_KEYS:
            break
        added |= subtree_indices(child)
        last = child.right_edge.i
    return added


# A relative clause set off by a comma at the end of an indirect content is a comment on the
# noun it follows, which PolNeAR leaves out of the content ("... repeal much of the Dodd-Frank
# Act, which was passed in 2010 ..."). Counted on PolNeAR train: removing it gains 74 exact
# contents net; appositions (114 in the gold content / 97 not) and adverbial clauses (122/52)
# stay.
TRAILING_COMMENT_DEPS = frozenset({"relcl"})


def _trailing_comment(doc: Doc, content_idx: set[int], quotes: list[Quote]) -> set[int]:
    """The ", which ..." clause (``TRAILING_COMMENT_DEPS``) that ends an indirect content,
    with its comma; nothing inside a quotation, which is taken whole."""
    last = max(content_idx, default=-1)
    while last in content_idx and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    for i in sorted(content_idx):
        token = doc[i]
        comma = token.left_edge.i - 1
        if (
            token.dep_ in TRAILING_COMMENT_DEPS
            and token.right_edge.i >= last
            and token.head.i in content_idx
            and comma in content_idx
            and doc[comma].text == ","
            and not any(q.start <= token.idx < q.end for q in quotes)
        ):
            return subtree_indices(token) | {comma}
    return set()


def _embedded_cues(doc: Doc, content_idx: set[int], lexicon: CueLexicon) -> set[int]:
    """Clauses inside a content that are attributions of their own ("..., adding that ...",
    "and said ..."): they are cut off, not swallowed."""
    cut: set[int] = set()
    for i in sorted(content_idx):
        token = doc[i]
        if (
            token.dep_ in EMBEDDED_CUE_DEPS
            and token.head.i in content_idx
            and token.pos_ == "VERB"
            and lexicon.verb(token.lemma_.lower())
        ):
            comma_before = (
                token.i > 0 and doc[token.left_edge.i - 1].text == ","
                if token.left_edge.i > 0
                else False
            )
            if (
                token.dep_ != "conj"
                or comma_before
                or any(c.dep_ in SUBJECT_DEPS or c.dep_ == "ccomp" for c in token.children)
            ):
                cut |= {t.i for t in token.subtree}
                if comma_before:
                    cut.add(token.left_edge.i - 1)
                # the "and" (", and") that joined the cut clause goes with it
                cut |= {
                    c.i
                    for c in token.head.children
                    if c.dep_ in {"cc", "punct"} and token.head.i < c.i < token.left_edge.i
                }
    return cut


def _rest_of_line(doc: Doc, colon: int) -> list[Token]:
    """The tokens after ``colon`` up to the end of its line: "Ann Coulter: And Then There
    Was the One." and "TAPPER: And obviously, ..." are split by the parser at the colon, and
    the line is what the speaker said. Nothing when the colon ends its line ("it gets
    better:" before a quoted paragraph), whose source lies elsewhere."""
    out: list[Token] = []
    for token in doc[colon + 1 :]:
        if "\n" in token.text:
            break
        out.append(token)
        if "\n" in token.whitespace_:
            break
    return out


def _colon(sentence: Span) -> Iterator[Attribution]:
    tokens = list(sentence)
    for position, token in enumerate(tokens[: MAX_COLON_SOURCE_TOKENS + 1]):
        if token.text != ":":
            continue
        before = tokens[:position]
        if (
            not before
            or not all(t.pos_ in COLON_SOURCE_POS for t in before)
            or not before[0].text[:1].isupper()
            # "The Latest:", "A reminder:": a heading (PolNeAR train: 11 of 12 not a source)
            or before[0].pos_ == "DET"
            or sentence.doc.text[before[0].idx : token.idx].strip().lower() in colon_headings()
        ):
            return
        doc = sentence.doc
        rest = tokens[position + 1 :]
        if all(t.is_space for t in rest):  # the parser ended the sentence at the colon
            rest = _rest_of_line(doc, token.i)
        after = [t.i for t in rest]
        if not any(t.pos_ in {"VERB", "AUX"} or t.text in QUOTE_MARKS for t in rest):
            return  # "Clinton: 547.": a table row, not a statement
        source = char_span(doc, [t.i for t in before])
        content = char_span(doc, after, keep_quotes=True)
        cue = char_span(doc, [token.i]) or CharSpan(token.idx, token.idx + 1)
        if source is not None and content is not None:
            yield Attribution(
                source, cue, content, "direct", "assert", "colon", (), token.i, before[-1].i
            )
        return


# A quotation signed with a dash and a name, on its line or the next: "“...” ― Sonya
# Herridge", "\"...\"\n\n- Bernie Sanders.", "-Michelle Marks, Philadelphia." PolNeAR marks
# the dash as the cue, the name as the source and the quotation as the content (train: 8 of
# the 11 such signatures after a quotation).
_BYLINE = re.compile(
    r"[ \t\u00a0]*(?:\n[\s\u00a0]*)?(?P<dash>--|[-–—―])[ \t\u00a0]*"
    r"(?P<name>[^\W\d_][^\s,(]*(?:[ \u00a0]+[^\W\d_][^\s,(]*){0,4})"
    r"(?P<rest>[^\n]*)"
)


def _byline_name(match: re.Match[str]) -> tuple[int, int] | None:
    """The name's characters when every word of it is capitalized and it ends its line, or
    is followed by a comma ("- Michelle Marks, Philadelphia.")."""
    if not all(word[:1].isupper() for word in match["name"].split()):
        return None
    rest = match["rest"].strip()
    if rest and not rest.startswith(",") and any(ch.isalnum() for ch in rest):
        return None
    start, end = match.start("name"), match.end("name")
    while end > start and match.string[end - 1] in ".,;:":
        end -= 1
    return (start, end) if end > start else None


def _dash_bylines(doc: Doc, quotes: list[Quote], found: list[Attribution]) -> Iterator[Attribution]:
    """Quotations signed with a dash and a name (``_BYLINE``)."""
    text = doc.text
    for quote in quotes:
        match = _BYLINE.match(text, quote.end)
        name = _byline_name(match) if match is not None else None
        if match is None or name is None:
            continue
        content = CharSpan(quote.start, quote.end)
        cue = CharSpan(match.start("dash"), match.end("dash"))
        source = CharSpan(*name)
        if any(a.cue.overlaps(cue) or a.cue.overlaps(source) for a in found):
            continue
        cue_tokens = doc.char_span(cue.start, cue.end, alignment_mode="expand")
        source_tokens = doc.char_span(source.start, source.end, alignment_mode="expand")
        if cue_tokens is None or source_tokens is None or not len(cue_tokens):
            continue
        yield Attribution(
            source,
            cue,
            content,
            "direct",
            DEFAULT_STANCE,
            "dash_byline",
            (),
            cue_tokens[0].i,
            source_tokens.root.i if len(source_tokens) else None,
        )


# A transcript's speaker label: "President of Russia Vladimir Putin: ...", "Federal Chancellor
# of Germany Olaf Scholz (retranslated): ...". It opens a line or follows the end of a
# sentence (press services run turns together), is written in capitalized words joined by
# the few small words of titles ("of", "the", "and") or dashes, ends on a capitalized word,
# and may carry a translator's note in parentheses before the colon. One-word labels
# ("Pence: ...", "TAPPER: ...") are the colon rule's.
_SPEAKER = re.compile(
    r"(?:(?<=\n)|(?<=[.!?…*][ \u00a0])|(?<=[.!?…][”\"][ \u00a0])|\A)"
    r"(?P<name>[A-Z][\w’'.-]*(?:(?:[ \u00a0]+(?:of|the|and|for|on|de|von|van|al|bin|–|—|-))*"
    r"[ \u00a0]+[A-Z][\w’'.-]*){1,11})"
    r"[ \u00a0]?(?:\((?P<note>[a-z][a-z ]{2,30})\))?(?P<colon>:)[ \u00a0]+(?=\S)"
)
# The turn ends at the next label, or at a blank line.
_TURN_END = re.compile(r"\n[ \t\u00a0]*\n")
# Labels that open no turn: a determiner or a verb first ("The Latest:", "Follow X on
# Twitter:"), as in the colon rule.
NOT_SPEAKER_POS = frozenset({"DET", "VERB", "AUX", "PRON"})


def _speaker_labels(doc: Doc) -> list[tuple[re.Match[str], int]]:
    """The labels of a transcript, each with the end of its turn (the next label, or a
    blank line). A label counts when one speaker's last name opens two turns or more
    ("President of Russia Vladimir Putin:", later "Vladimir Putin:"), or when its turn is
    speech: in sentence case, with a first or second person ("Olaf Scholz (retranslated):
    Thank you very much. I am glad ..."). A headline in title case ("Gillibrand on Hillary's
    Speeches: ...") or a list ("New Hampshire: Charlie Arlinghaus, ...") is none."""
    text = doc.text
    matches = []
    for match in _SPEAKER.finditer(text):
        first = doc.char_span(match.start(), match.start() + 1, alignment_mode="expand")
        label = match.group("name").strip().lower()
        if first is None or first[0].pos_ in NOT_SPEAKER_POS or label in colon_headings():
            continue
        matches.append(match)
    turns = []
    for n, match in enumerate(matches):
        end = matches[n + 1].start() if n + 1 < len(matches) else len(text)
        blank = _TURN_END.search(text, match.end(), end)
        end = blank.start() if blank is not None else end
        while end > match.end() and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
            end -= 1  # like the other rules' contents, without the closing full stop
        turns.append((match, end))
    last_names = Counter(m.group("name").split()[-1] for m, _ in turns)
    return [
        (m, end)
        for m, end in turns
        if last_names[m.group("name").split()[-1]] >= 2 or _is_speech(doc, m.end(), end)
    ]


# Words that show a turn is someone speaking: the first and second person.
SPEECH_PRONOUNS = frozenset({"i", "we", "you", "my", "our", "me", "us"})
# Most words of a headline in title case are capitalized; of a spoken turn, few.
MAX_CAPITALIZED_SHARE = 0.5


def _is_speech(doc: Doc, start: int, end: int) -> bool:
    turn = doc.char_span(start, end, alignment_mode="expand")
    if turn is None:
        return False
    words = [t for t in turn if t.is_alpha]
    capitalized = sum(1 for t in words if t.text[:1].isupper())
    return (
        bool(words)
        and capitalized <= MAX_CAPITALIZED_SHARE * len(words)
        and any(t.lower_ in SPEECH_PRONOUNS for t in words)
    )


def _speaker_turns(doc: Doc) -> Iterator[Attribution]:
    """Each turn of a transcript (``_speaker_labels``) as a direct quote of its speaker:
    the name is the source, the colon the cue and the turn, up to the next label or a blank
    line, the content. A turn without a verb ("Hillary Clinton: 1,769.") is none."""
    for label, end in _speaker_labels(doc):
        turn = doc.char_span(label.end(), end, alignment_mode="expand")
        cue = doc.char_span(label.start("colon"), label.end("colon"), alignment_mode="expand")
        name = doc.char_span(label.start("name"), label.end("name"), alignment_mode="expand")
        if turn is None or cue is None or name is None or not len(cue) or not len(name):
            continue
        if not any(t.pos_ in {"VERB", "AUX"} for t in turn):
            continue
        yield Attribution(
            CharSpan(label.start("name"), label.end("name")),
            CharSpan(label.start("colon"), label.end("colon")),
            CharSpan(label.end(), end),
            "direct",
            DEFAULT_STANCE,
            "speaker",
            (),
            cue[0].i,
            name[-1].i,
        )


def _with_turns(found: list[Attribution], turns: list[Attribution]) -> list[Attribution]:
    """The turns in place of what the other rules read into their labels: the colon rule's
    one sentence after a short label ("Vladimir Putin: ..."), a label's words taken for a
    report ("Olaf Scholz(retranslated):" parsed with a verb) or for the subject of the turn's
    first verb ("Olaf Scholz: Thank you"). A label names who speaks next, and says nothing
    itself."""
    labels = [span for t in turns for span in (t.source, t.cue) if span is not None]
    return [
        a
        for a in found
        if not any(
            a.cue.overlaps(x) or (a.source is not None and a.source.overlaps(x)) for x in labels
        )
    ] + turns


MAX_QUOTE_GAP_TOKENS = 4  # "“...,” he said" / "said, “...”": tokens allowed between cue and quote


def _adjacent_quote(verb: Token, quotes: list[Quote]) -> Quote | None:
    """A quotation right before or right after the cue, separated only by punctuation and
    the cue's own subject: the content of "“A,” he said" and "Clinton said, “B.”"."""
    doc = verb.doc
    subject = _subject(verb)
    allowed = {verb.i} | ({t.i for t in subject.subtree} if subject is not None else set())
    allowed |= {c.i for c in verb.children if c.dep_ in {"aux", "neg", "advmod"}}
    sent = verb.sent
    after_colon = _after_colon(verb)
    for quote in quotes:
        if not (
            sent.start_char <= quote.start < sent.end_char
            or sent.start_char < quote.end <= sent.end_char
            # "“... votes?” Trump said, looking out": the parser may end the sentence at the
            # closing mark; the gap below still has to be the cue clause's own words
            or quote.end <= sent.start_char < quote.end + 3 <= verb.idx
            # "Breitbart News responded:" and the quotation in the next paragraph
            or quote.start == after_colon
        ):
            continue
        if quote.start >= verb.idx:
            between = [t for t in doc if verb.idx < t.idx < quote.start]
        elif quote.end <= verb.idx:
            between = [t for t in doc if quote.end <= t.idx < verb.idx]
        else:
            continue
        gap = [t for t in between if not t.is_punct and not t.is_space and t.i not in allowed]
        if not gap and len(between) <= MAX_QUOTE_GAP_TOKENS + len(allowed):
            return quote
    return None


def _after_colon(verb: Token) -> int | None:
    """Where the next paragraph starts when a colon right after the verb ends its line
    ("responded:\n\n“...”"), else None."""
    doc = verb.doc
    following = [t for t in doc[verb.i + 1 : verb.i + 4] if not t.is_space]
    if len(following) < 2 or following[0].text != ":" or following[1].i == following[0].i + 1:
        return None
    return following[1].idx


def _quote_tokens(doc: Doc, quote: Quote) -> set[int]:
    return {t.i for t in doc.char_span(quote.start, quote.end, alignment_mode="expand") or []}


def _visible_edges(sent: Span) -> tuple[int, int]:
    """The sentence's characters without the line breaks and spaces at its edges."""
    shown = [t for t in sent if not t.is_space]
    if not shown:
        return sent.start_char, sent.end_char
    return shown[0].idx, shown[-1].idx + len(shown[-1].text)


def _neighbour_content(verb: Token, quotes: list[Quote]) -> set[int] | None:
    """The content of a sentence that is a bare cue clause ("Trump said." after a quotation
    paragraph, "He said:" before one): the quotation that makes up the sentence before, or
    the sentence after a closing colon."""
    sent = verb.sent
    doc = verb.doc
    clause = {t.i for t in verb.subtree}
    if any(t.i not in clause and not (t.is_punct or t.is_space) for t in sent):
        return None
    if any(c.dep_ in NEIGHBOUR_BLOCKING_DEPS for c in verb.children):
        return None
    last = next((t for t in reversed(sent) if not t.is_space), None)
    if last is not None and last.text == ":":
        following = next((t.sent for t in doc[sent.end :] if not t.is_space), None)
        if following is None:
            return None
        return {t.i for t in following if not t.is_space}
    preceding = next((t.sent for t in reversed(doc[: sent.start]) if not t.is_space), None)
    if preceding is None:
        return None
    start, end = _visible_edges(preceding)
    quote = next((q for q in quotes if q.start <= start and end - 2 <= q.end), None)
    return _quote_tokens(doc, quote) if quote is not None else None


# A cue clause with one of these has a content or an addressee of its own.
NEIGHBOUR_BLOCKING_DEPS = frozenset({"ccomp", "dobj", "xcomp", "dative", "advcl", "attr"})


# Right-hand complements that together make up a content: "called him a loser",
# "defended the organization against attacks".
GENERIC_COMPLEMENT_DEPS = frozenset(
    {"dobj", "oprd", "xcomp", "ccomp", "prep", "dative", "attr", "acomp"}
)


def _generic_content(verb: Token) -> tuple[set[int], Token | None] | None:
    """For a cue the frames do not cover (found by the model): its object, infinitive,
    adjectival or prepositional complement, the first that exists; with a preposition that
    then belongs to the cue ("talking about", "referring to")."""
    complements = [c for c in verb.children if c.i > verb.i and c.dep_ in GENERIC_COMPLEMENT_DEPS]
    if any(c.dep_ in {"xcomp", "dobj", "acomp", "attr", "ccomp"} for c in complements):
        return {i for c in complements for i in subtree_indices(c)}, None
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.i > verb.i), None)
    if prep is not None:
        inside = {t.i for t in prep.subtree if t.i != prep.i}
        return (inside, prep) if inside else None
    return None


def _for_clause(verb: Token) -> tuple[set[int], Token] | None:
    """An infinitive clause with its own subject, opened by "for" right after the cue verb
    ("is calling for the United States to step up", "pushed for Congress to act"), which
    the parser hangs on the verb as an adverbial clause: its words less the "for"."""
    for child in verb.children:
        if child.dep_ != "advcl" or child.i < verb.i:
            continue
        mark = next((g for g in child.children if g.dep_ == "mark" and g.lower_ == "for"), None)
        if mark is not None and mark.i == verb.i + 1:
            return subtree_indices(child) - {mark.i}, mark
    return None


# Prepositions after a cue noun that name its source, not its content: "criticism from X".
NOUN_SOURCE_PREPS = frozenset({"by", "from"})
# Clausal complements of a cue noun or adjective: "the claim that C", "ready to C".
FRAME_CLAUSE_DEPS = frozenset({"acl", "ccomp", "xcomp"})
CLAUSE_MARKS = frozenset({"that", "whether", "if"})
# Copulas whose adjective complement can be a cue: "are concerned that C".
COPULAS = frozenset({"be"})


def complement_frame(word: Token) -> tuple[str, Token | None, set[int]] | None:
    """The first complement after a noun or adjective that could be what it reports: its
    frame ("that" for a clause, "to" for an infinitive, else the preposition), the
    preposition, and the content tokens ("claims that C", "calls for C", "plans to C",
    "critical of C"); or None."""
    for child in word.children:
        if child.i < word.i:
            continue
        if child.dep_ in FRAME_CLAUSE_DEPS:
            marks = {g.lower_ for g in child.children if g.dep_ in {"mark", "aux"}}
            if marks & CLAUSE_MARKS or child.dep_ == "ccomp" and not marks:
                return "that", None, subtree_indices(child)
            if "to" in marks:
                return "to", None, subtree_indices(child)
        if child.dep_ == "prep" and child.lower_ not in NOUN_SOURCE_PREPS:
            inside = {t.i for t in child.subtree if t.i != child.i}
            return (child.lower_, child, inside) if inside else None
    return None


def _noun_source(noun: Token) -> tuple[set[int], Token] | None:
    """Whose a noun cue is, in this order: the possessor ("Trump's claim"), a "by"/"from"
    phrase ("criticism from Democrats"), a proper-noun or capitalized adjective modifier
    ("Republican criticism"), or the subject of the verb the noun is the object of ("Clinton
    renewed calls for C")."""
    poss = _child(noun, "poss")
    if poss is not None:  # with its "'s": 137 of 143 times on PolNeAR train
        return subtree_indices(poss), poss
    for child in noun.children:
        if child.dep_ == "prep" and child.i > noun.i and child.lower_ in NOUN_SOURCE_PREPS:
            pobj = _child(child, "pobj")
            if pobj is not None:
                return subtree_indices(pobj), pobj
    for child in noun.children:
        if child.i < noun.i and (
            child.dep_ == "compound"
            and child.pos_ == "PROPN"
            or child.dep_ == "amod"
            and child.pos_ == "ADJ"
            and child.text[:1].isupper()
            and child.i > child.sent.start  # not merely capitalized at the sentence start
        ):
            return subtree_indices(child), child
    governor = _governor(noun)
    if governor is not None:
        subject = _subject(governor)
        if subject is not None:
            return subtree_indices(subject), subject
    return None


# A cue noun in one of these relations to a verb takes the verb into its cue ("launched an
# attack on C", "is a critic of C", "had a favorable opinion of C"): on PolNeAR train the verb
# is inside the gold cue 923 times of 1,106 for an object and 87 of 152 for a predicate.
GOVERNED_NOUN_DEPS = frozenset({"dobj", "attr"})


def _governor(noun: Token) -> Token | None:
    """The verb a cue noun is the object or predicate of, or None."""
    if noun.dep_ in GOVERNED_NOUN_DEPS and noun.head.pos_ in {"VERB", "AUX"}:
        return noun.head
    return None


def _noun_cue_tokens(noun: Token) -> list[int]:
    """The noun with its determiner and lower-case adjectives, as PolNeAR marks a noun cue
    ("the false accusations of"): on its train split the determiner is in the cue 176 times
    of 282 and a lower-case adjective 195 of 268 (capitalized ones name the source)."""
    left = set()
    for child in noun.children:
        if child.i < noun.i and (
            child.dep_ == "det" or child.dep_ == "amod" and not child.text[:1].isupper()
        ):
            left |= subtree_indices(child)
    start = noun.i
    while start - 1 in left:
        start -= 1
    return list(range(start, noun.i + 1))


def frame_candidate(token: Token) -> str | None:
    """The part of speech under which a token can be a framed cue: a noun, or an adjective
    that complements a copula ("Republicans were critical of C")."""
    if token.pos_ == "NOUN":
        return "NOUN"
    if (
        token.pos_ == "ADJ"
        and token.dep_ == "acomp"
        and token.head.lemma_.lower() in COPULAS
        and token.head.i < token.i
    ):
        return "ADJ"
    return None


def _frame_cues(
    sentence: Span, lexicon: CueLexicon, quotes: list[Quote], found: list[Attribution]
) -> Iterator[Attribution]:
    """A cue noun or predicate adjective (``cue_frames``, counted on PolNeAR train) with its
    content in the frame it is listed with ("Trump's claim that C", "calls for C",
    "Republicans were critical of C"), and its source: the one the noun phrase names, or the
    copula's subject. A word inside another attribution's cue or source is left to it
    ("said in a statement", "issued a warning")."""
    doc = sentence.doc
    frames = cue_frames()
    for token in sentence:
        pos = frame_candidate(token)
        if pos is None:
            continue
        frame = complement_frame(token)
        if frame is None:
            continue
        name, prep, content_idx = frame
        entry = frames.get((pos, token.lemma_.lower(), name))
        if entry is None:
            continue
        at = CharSpan(token.idx, token.idx + len(token.text))
        if any(
            a.cue.overlaps(at) or (a.source is not None and a.source.overlaps(at)) for a in found
        ):
            continue
        prep_in_cue = [prep.i] if prep is not None and entry.prep_in_cue else []
        if prep is not None and not entry.prep_in_cue:
            content_idx = content_idx | {prep.i}
        found_source: tuple[set[int], Token] | None
        if pos == "NOUN":
            found_source = _noun_source(token)
            cue_idx = _noun_cue_tokens(token) + prep_in_cue
            governor = _governor(token)
            subject = _subject(governor) if governor is not None else None
            if governor is not None and (
                found_source is None or subject is not None and subject.i == found_source[1].i
            ):
                cue_idx = _cue_tokens(
                    governor,
                    taken=(found_source[0] if found_source else set()) | content_idx,
                    extra=set(cue_idx),
                )
        else:
            subject = _subject(token.head)
            found_source = (subtree_indices(subject), subject) if subject is not None else None
            adverbs = {c.i for c in token.children if c.i < token.i and c.dep_ in {"advmod", "neg"}}
            inner = _child(token, "xcomp") if name == "to" else None
            inner_content = (
                _content_tokens(inner, inner.lemma_.lower())
                if inner is not None and lexicon.verb(inner.lemma_) is not None
                else None
            )
            if inner is not None and inner_content is not None:
                # "were quick to point out that C": a cue verb in the infinitive joins the
                # cue, as in a catenative chain, and its complement is the content
                adverbs |= _chain_tokens(token, inner)
                content_idx = inner_content
            cue_idx = _cue_tokens(
                token.head,
                taken=(found_source[0] if found_source else set()) | content_idx,
                extra={token.i, *adverbs, *prep_in_cue},
            )
        source = None
        if found_source is not None:
            content_idx -= found_source[0]
            source = (
                source_span(found_source[1]) if pos == "ADJ" else char_span(doc, found_source[0])
            )
        content_span = char_span(doc, content_idx - set(cue_idx), keep_quotes=True, max_gap=0)
        cue = char_span(doc, cue_idx)
        if content_span is None or cue is None or any(a.cue.overlaps(cue) for a in found):
            continue
        content = _widen_to_quotes(content_span, quotes, token, source)
        noun_entry = lexicon.noun(token.lemma_) if pos == "NOUN" else None
        yield Attribution(
            source,
            cue,
            content,
            _kind(content, quotes),
            noun_entry.stance if noun_entry is not None else DEFAULT_STANCE,
            "frame_cue",
            (),
            token.i,
            found_source[1].i if found_source is not None else None,
        )


def find_attributions(
    doc: Doc,
    lexicon: CueLexicon | None = None,
    *,
    model: CueModel | None | bool = True,
    content_model: ContentModel | None | bool = True,
) -> list[Attribution]:
    """Every attribution in the Doc, in reading order (by cue), one per cue.

    ``model=True`` uses the shipped cue detector when there is one; ``None``/``False``
    uses the lexicon alone; a :class:`CueModel` uses that model. ``content_model`` likewise
    for the learned content edges (``nlp/content_model.py``); without one the rules' edges
    stand.
    """
    lexicon = lexicon or cue_lexicon()
    cue_model = packaged_cue_model() if model is True else (model or None)
    edges = packaged_content_model() if content_model is True else (content_model or None)
    quotes = find_quotes(doc.text)
    found: list[Attribution] = []
    for sentence in doc.sents:
        found.extend(_according_to(sentence))
        found.extend(_survey(sentence))
        found.extend(_verb_cues(sentence, lexicon, quotes, cue_model))
        found.extend(_colon(sentence))
    found.extend(list(_dash_bylines(doc, quotes, found)))
    found = _with_turns(found, list(_speaker_turns(doc)))
    for sentence in doc.sents:  # after the verb cues: a noun in one of theirs is theirs
        found.extend(list(_frame_cues(sentence, lexicon, quotes, found)))
    if edges is not None:
        others = kept_out(doc, (a.cue for a in found))
        found = [_learned_edges(doc, a, edges, quotes, others) for a in found]
    found.sort(key=lambda a: a.cue.start)
    return nest(_without_subsumed(found))


def _cue_size(a: Attribution) -> int:
    return sum(e - s for s, e in a.cue.pieces())


def _without_subsumed(found: list[Attribution]) -> list[Attribution]:
    """Each cue once: an attribution whose cue lies inside another's longer cue is the same
    report seen from a shorter cue ("declined" with content "to say whether C" beside
    "declined to say" with "whether C", once ``_infinitive_governor`` widens the inner
    verb's cue), and the longer one stays. Of two with the very same cue ("would like" whose
    content edges moved its cue up to "would like to note", beside "note" widened to its
    governor), the one read from the later verb stays: that verb's frame holds the content."""
    longest = [
        a
        for a in found
        if not any(
            b is not a
            and _cue_size(b) > _cue_size(a)
            and all(b.cue.contains(s, e) for s, e in a.cue.pieces())
            for b in found
        )
    ]
    by_cue: dict[tuple[tuple[int, int], ...], Attribution] = {}
    for a in longest:
        kept = by_cue.get(a.cue.pieces())
        if kept is None or a.cue_token > kept.cue_token:
            by_cue[a.cue.pieces()] = a
    return [a for a in longest if by_cue[a.cue.pieces()] is a]


def _learned_edges(
    doc: Doc,
    attribution: Attribution,
    model: ContentModel,
    quotes: list[Quote],
    others: frozenset[int],
) -> Attribution:
    """The attribution with its content's outer edges chosen by the content model; a content
    in fragments, or one the model would not change, is returned as it is."""
    content = attribution.content
    ctx = attribution_context(doc, attribution, others)
    if content is None or ctx is None:
        return attribution
    left, right = choose_edges(doc, ctx, model)
    if (left, right) == (ctx.start, ctx.end):
        return attribution
    moved = edge_span(doc, content, ctx, left, right)
    cue = attribution.cue
    last_cue = max(ctx.cue, default=-1)
    if left > ctx.start > last_cue and not cue.fragments and last_cue >= 0:
        # the words dropped between the cue and the content are the cue's, as PolNeAR has
        # "made several negative comments | about C", "sought to distinguish | C"
        kept = [i for i in range(last_cue + 1, left) if not doc[i].is_punct]
        if kept and not ctx.source.intersection(kept):
            cue = CharSpan(cue.start, doc[kept[-1]].idx + len(doc[kept[-1]].text))
    return attribution._replace(content=moved, cue=cue, kind=_kind(moved, quotes))


def _content_size(a: Attribution) -> int:
    return 0 if a.content is None else sum(e - s for s, e in a.content.pieces())


def nest(attributions: list[Attribution]) -> list[Attribution]:
    """Set ``nested_in`` to the innermost other attribution whose content holds the cue.

    An outer content is always larger than the inner one (ties: the earlier is outer), so
    two attributions whose contents hold each other's cue never nest in each other: the
    ``nested_in`` links form a forest, never a cycle.
    """
    out = []
    for i, inner in enumerate(attributions):
        rank = (_content_size(inner), -i)
        holders = [
            (_content_size(outer), j)
            for j, outer in enumerate(attributions)
            if j != i
            and outer.content is not None
            and outer.content.contains(inner.cue.start, inner.cue.end)
            and (_content_size(outer), -j) > rank
        ]
        out.append(inner._replace(nested_in=min(holders)[1]) if holders else inner)
    return out

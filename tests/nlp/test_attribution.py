"""``find_attributions`` on hand-built parses: one table row per rule, no statistical model.

Each spec is ``word/dep/head/POS[/lemma]`` (see ``conftest.hand_doc``); the parses are the
ones en_core_web_sm gives for these sentences, written out so a new model cannot move them.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from claimgraph.nlp import attribution
from claimgraph.nlp.attribution import Attribution, find_attributions, nest
from claimgraph.nlp.cue_model import CueModel
from claimgraph.nlp.lexicon import cue_lexicon
from claimgraph.nlp.spans import CharSpan

MakeDoc = Callable[[str, str], Doc]
LEXICON = cue_lexicon()


@pytest.fixture(autouse=True)
def rules_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests pin the rules: the learned content edges are tested on their own
    (``test_content_model.py``)."""
    monkeypatch.setattr(attribution, "packaged_content_model", lambda: None)


# (id, text, spec, expected): expected rows are (source, cue, content, kind, stance, rule),
# texts as CharSpan.text gives them (fragments joined by " … ").
RULES = [
    (
        "said-that",
        "The minister said that Iran is ready.",
        "The/det/1/DET minister/nsubj/2/NOUN said/ROOT/2/VERB/say that/mark/5/SCONJ "
        "Iran/nsubj/5/PROPN/Iran is/ccomp/2/AUX/be ready/acomp/5/ADJ ./punct/2/PUNCT",
        [("The minister", "said", "that Iran is ready", "indirect", "assert", "verb_cue")],
    ),
    (
        "said-bare",
        "The minister said Iran is ready.",
        "The/det/1/DET minister/nsubj/2/NOUN said/ROOT/2/VERB/say "
        "Iran/nsubj/4/PROPN/Iran is/ccomp/2/AUX/be ready/acomp/4/ADJ ./punct/2/PUNCT",
        [("The minister", "said", "Iran is ready", "indirect", "assert", "verb_cue")],
    ),
    (
        "content-first",
        "Iran is ready, the minister said.",
        "Iran/nsubj/1/PROPN/Iran is/ccomp/6/AUX/be ready/acomp/1/ADJ ,/punct/6/PUNCT "
        "the/det/5/DET minister/nsubj/6/NOUN said/ROOT/6/VERB/say ./punct/6/PUNCT",
        [("the minister", "said", "Iran is ready", "indirect", "assert", "verb_cue")],
    ),
    (
        "content-first-parataxis",  # the parse with the content verb as the cue's head
        "Iran is ready, the minister said.",
        "Iran/nsubj/1/PROPN/Iran is/ROOT/1/AUX/be ready/acomp/1/ADJ ,/punct/1/PUNCT "
        "the/det/5/DET minister/nsubj/6/NOUN said/parataxis/1/VERB/say ./punct/1/PUNCT",
        [("the minister", "said", "Iran is ready", "indirect", "assert", "verb_cue")],
    ),
    (
        "said-inverted",
        "“We are ready,” said the minister.",
        '“/punct/6/PUNCT/" We/nsubj/2/PRON/we are/ccomp/6/AUX/be ready/acomp/2/ADJ '
        ',/punct/6/PUNCT ”/punct/6/PUNCT/" said/ROOT/6/VERB/say the/det/8/DET '
        "minister/nsubj/6/NOUN ./punct/6/PUNCT",
        [("the minister", "said", "“We are ready,”", "direct", "assert", "verb_cue")],
    ),
    (
        "direct-fragments",
        "“We will not,” he said, “accept it.”",
        '“/punct/7/PUNCT/" We/nsubj/2/PRON/we will/ccomp/7/AUX not/neg/2/PART '
        ',/punct/7/PUNCT ”/punct/7/PUNCT/" he/nsubj/7/PRON said/ROOT/7/VERB/say '
        ',/punct/7/PUNCT “/punct/7/PUNCT/" accept/xcomp/7/VERB it/dobj/10/PRON '
        './punct/7/PUNCT ”/punct/7/PUNCT/"',
        [("he", "said", "“We will not,” … “accept it.”", "direct", "assert", "verb_cue")],
    ),
    (
        "mixed",
        "The minister said that Iran is “ready to talk”.",
        "The/det/1/DET minister/nsubj/2/NOUN said/ROOT/2/VERB/say that/mark/5/SCONJ "
        'Iran/nsubj/5/PROPN/Iran is/ccomp/2/AUX/be “/punct/7/PUNCT/" ready/acomp/5/ADJ '
        'to/aux/9/PART talk/xcomp/7/VERB ”/punct/7/PUNCT/" ./punct/2/PUNCT',
        [("The minister", "said", "that Iran is “ready to talk”", "mixed", "assert", "verb_cue")],
    ),
    (
        "according-to-first",
        "According to officials, the talks failed.",
        "According/prep/6/VERB/accord to/prep/0/ADP officials/pobj/1/NOUN/official "
        ",/punct/6/PUNCT the/det/5/DET talks/nsubj/6/NOUN/talk failed/ROOT/6/VERB/fail "
        "./punct/6/PUNCT",
        [("officials", "According to", "the talks failed", "indirect", "assert", "according_to")],
    ),
    (
        "according-to-last",
        "The talks failed, according to officials.",
        "The/det/1/DET talks/nsubj/2/NOUN/talk failed/ROOT/2/VERB/fail ,/punct/2/PUNCT "
        "according/prep/2/VERB/accord to/prep/4/ADP officials/pobj/5/NOUN/official "
        "./punct/2/PUNCT",
        [("officials", "according to", "The talks failed", "indirect", "assert", "according_to")],
    ),
    (
        "accused-of",
        "Western countries accused Iran of supplying drones.",
        "Western/amod/1/ADJ countries/nsubj/2/NOUN/country accused/ROOT/2/VERB/accuse "
        "Iran/dobj/2/PROPN/Iran of/prep/2/ADP supplying/pcomp/4/VERB/supply "
        "drones/dobj/5/NOUN/drone ./punct/2/PUNCT",
        [
            (
                "Western countries",
                "accused",
                "Iran of supplying drones",
                "indirect",
                "assert",
                "verb_cue",
            )
        ],
    ),
    (
        "asked-to",
        "France asked the UN to investigate the deal.",
        "France/nsubj/1/PROPN/France asked/ROOT/1/VERB/ask the/det/3/DET UN/dobj/1/PROPN/UN "
        "to/aux/5/PART investigate/xcomp/1/VERB the/det/7/DET deal/dobj/5/NOUN ./punct/1/PUNCT",
        [
            (
                "France",
                "asked",
                "the UN to investigate the deal",
                "indirect",
                "request",
                "verb_cue",
            )
        ],
    ),
    (
        "asked-whether",
        "The reporter asked whether the talks would resume.",
        "The/det/1/DET reporter/nsubj/2/NOUN asked/ROOT/2/VERB/ask whether/mark/7/SCONJ "
        "the/det/5/DET talks/nsubj/7/NOUN/talk would/aux/7/AUX resume/ccomp/2/VERB "
        "./punct/2/PUNCT",
        [
            (
                "The reporter",
                "asked",
                "whether the talks would resume",
                "indirect",
                "question",
                "verb_cue",
            )
        ],
    ),
    (
        "denied",
        "Moscow denied the allegations.",
        "Moscow/nsubj/1/PROPN/Moscow denied/ROOT/1/VERB/deny the/det/3/DET "
        "allegations/dobj/1/NOUN/allegation ./punct/1/PUNCT",
        [("Moscow", "denied", "the allegations", "indirect", "deny", "verb_cue")],
    ),
    (
        "passive-agent",
        "Officials were told by the minister that talks failed.",
        "Officials/nsubjpass/2/NOUN/official were/auxpass/2/AUX/be told/ROOT/2/VERB/tell "
        "by/agent/2/ADP the/det/5/DET minister/pobj/3/NOUN that/mark/8/SCONJ "
        "talks/nsubj/8/NOUN/talk failed/ccomp/2/VERB/fail ./punct/2/PUNCT",
        [("the minister", "were told", "that talks failed", "indirect", "assert", "verb_cue")],
    ),
    (
        "shared-subject",
        "The minister arrived and said that talks failed.",
        "The/det/1/DET minister/nsubj/2/NOUN arrived/ROOT/2/VERB/arrive and/cc/2/CCONJ "
        "said/conj/2/VERB/say that/mark/7/SCONJ talks/nsubj/7/NOUN/talk "
        "failed/ccomp/4/VERB/fail ./punct/2/PUNCT",
        [("The minister", "said", "that talks failed", "indirect", "assert", "verb_cue")],
    ),
    (
        "no-subject",
        "It was reported that the talks failed.",
        "It/nsubjpass/2/PRON/it was/auxpass/2/AUX/be reported/ROOT/2/VERB/report "
        "that/mark/6/SCONJ the/det/5/DET talks/nsubj/6/NOUN/talk failed/ccomp/2/VERB/fail "
        "./punct/2/PUNCT",
        [(None, "was reported", "that the talks failed", "indirect", "assert", "verb_cue")],
    ),
    (
        "headline-colon",
        "Pence: We will win.",
        "Pence/npadvmod/4/PROPN/Pence :/punct/4/PUNCT We/nsubj/4/PRON/we will/aux/4/AUX "
        "win/ROOT/4/VERB ./punct/4/PUNCT",
        [("Pence", ":", "We will win", "direct", "assert", "colon")],
    ),
    (
        # the parser ends the sentence at the colon: the rest of the line is the content
        "headline-colon-split-by-the-parser",
        "Pence: We will win. Polls say otherwise.",
        "Pence/ROOT/0/PROPN/Pence :/punct/0/PUNCT We/nsubj/4/PRON/we will/aux/4/AUX "
        "win/ROOT/4/VERB ./punct/4/PUNCT Polls/nsubj/7/NOUN/poll say/ROOT/7/VERB "
        "otherwise/advmod/7/ADV ./punct/7/PUNCT",
        [("Pence", ":", "We will win. Polls say otherwise", "direct", "assert", "colon")],
    ),
    (
        # the parser hangs the comma before the cue clause on the cue verb: still set off
        "parenthetical-comma-on-cue",
        "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt.",
        "Lenox/nsubj/1/PROPN was/ROOT/1/AUX/be a/det/3/DET juggernaut/attr/1/NOUN "
        ",/punct/7/PUNCT Mr./compound/6/PROPN Clarke/nsubj/7/PROPN said/parataxis/1/VERB/say "
        ",/punct/7/PUNCT until/mark/11/SCONJ it/nsubj/11/PRON went/advcl/1/VERB/go "
        "bankrupt/acomp/11/ADJ ./punct/1/PUNCT",
        [
            (
                "Mr. Clarke",
                "said",
                "Lenox was a juggernaut … until it went bankrupt",
                "indirect",
                "assert",
                "verb_cue",
            )
        ],
    ),
    (
        # "for X to C" parsed as an adverbial clause of the cue: "for" joins the cue
        "called-for-clause",
        "Clinton is calling for the United States to act.",
        "Clinton/nsubj/2/PROPN is/aux/2/AUX/be calling/ROOT/2/VERB/call for/mark/8/SCONJ "
        "the/det/6/DET United/compound/6/PROPN States/nsubj/8/PROPN to/aux/8/PART "
        "act/advcl/2/VERB ./punct/2/PUNCT",
        [
            (
                "Clinton",
                "is calling for",
                "the United States to act",
                "indirect",
                "request",
                "verb_cue",
            )
        ],
    ),
    (
        # a cue in a prepositional gerund shares the subject of the verb it hangs on
        "by-saying",
        "Obama ended by saying that it was over.",
        "Obama/nsubj/1/PROPN ended/ROOT/1/VERB/end by/prep/1/ADP saying/pcomp/2/VERB/say "
        "that/mark/6/SCONJ it/nsubj/6/PRON was/ccomp/3/AUX/be over/advmod/6/ADV "
        "./punct/1/PUNCT",
        [("Obama", "saying", "that it was over", "indirect", "assert", "verb_cue")],
    ),
    (
        # a cue in the infinitive of a predicate adjective: the copula's subject speaks, and
        # the cue starts at the copula (PolNeAR: "was quick to point out")
        "able-to-say",
        "He was able to say that he won.",
        "He/nsubj/1/PRON was/ROOT/1/AUX/be able/acomp/1/ADJ to/aux/4/PART say/xcomp/2/VERB "
        "that/mark/7/SCONJ he/nsubj/7/PRON won/ccomp/4/VERB/win ./punct/1/PUNCT",
        [("He", "was able to say", "that he won", "indirect", "assert", "verb_cue")],
    ),
    (
        # the verb a gerund cue hangs on is passive: its subject is still the one who speaks
        "after-saying-passive",
        "After saying that it hurt, she was taken away.",
        "After/prep/7/ADP saying/pcomp/0/VERB/say that/mark/4/SCONJ it/nsubj/4/PRON "
        "hurt/ccomp/1/VERB ,/punct/7/PUNCT she/nsubjpass/7/PRON was/auxpass/7/AUX/be "
        "taken/ROOT/7/VERB/take away/advmod/7/ADV ./punct/7/PUNCT",
        [("she", "saying", "that it hurt", "indirect", "assert", "verb_cue")],
    ),
    (
        # a participle set off by commas after the source's head is not part of the source
        "source-without-participle",
        "Bernie Sanders, celebrating a victory, said that he would win.",
        "Bernie/compound/1/PROPN Sanders/nsubj/7/PROPN ,/punct/1/PUNCT "
        "celebrating/acl/1/VERB/celebrate a/det/5/DET victory/dobj/3/NOUN ,/punct/1/PUNCT "
        "said/ROOT/7/VERB/say that/mark/11/SCONJ he/nsubj/11/PRON would/aux/11/AUX "
        "win/ccomp/7/VERB ./punct/7/PUNCT",
        [("Bernie Sanders", "said", "that he would win", "indirect", "assert", "verb_cue")],
    ),
    (
        # the dateline the parser hangs on the subject stays out of the source
        "source-after-dateline",
        "RENO (AP) — Donald Trump says that he will win.",
        "RENO/dep/7/PROPN (/punct/0/PUNCT AP/appos/0/PROPN )/punct/0/PUNCT —/punct/7/PUNCT "
        "Donald/compound/6/PROPN Trump/nsubj/7/PROPN says/ROOT/7/VERB/say that/mark/11/SCONJ "
        "he/nsubj/11/PRON will/aux/11/AUX win/ccomp/7/VERB ./punct/7/PUNCT",
        [("Donald Trump", "says", "that he will win", "indirect", "assert", "verb_cue")],
    ),
    (
        "dash-byline",
        "“We will win.” ― Maria Lopez",
        "“/punct/3/PUNCT We/nsubj/3/PRON will/aux/3/AUX win/ROOT/3/VERB ./punct/3/PUNCT "
        "”/punct/3/PUNCT ―/ROOT/6/VERB Maria/compound/8/PROPN Lopez/nsubj/6/PROPN",
        [("Maria Lopez", "―", "“We will win.”", "direct", "assert", "dash_byline")],
    ),
    (
        # the parser ends a sentence at the closing mark: the quotation is still the cue's
        "quote-before-sentence-split",
        "“Who would have believed it?” Trump said, looking out.",
        "“/punct/4/PUNCT Who/nsubj/4/PRON would/aux/4/AUX have/aux/4/AUX "
        "believed/ROOT/4/VERB/believe it/dobj/4/PRON ?/punct/4/PUNCT ”/punct/4/PUNCT "
        "Trump/nsubj/9/PROPN said/ROOT/9/VERB/say ,/punct/9/PUNCT looking/advcl/9/VERB/look "
        "out/prt/11/ADP ./punct/9/PUNCT",
        [
            (
                "Trump",
                "said",
                "“Who would have believed it?”",
                "direct",
                "assert",
                "verb_cue",
            )
        ],
    ),
    (
        # the cue is not a run through its own subject, nor in pieces around it
        "question-inversion",
        "Did he announce the invasion?",
        "Did/aux/2/AUX/do he/nsubj/2/PRON announce/ROOT/2/VERB the/det/4/DET "
        "invasion/dobj/2/NOUN ?/punct/2/PUNCT",
        [("he", "announce", "the invasion", "indirect", "assert", "verb_cue")],
    ),
    (
        # regression: "insisted", the complement of "stressed", is not a content-first cue
        # whose content would be "The president stressed"
        "complement-is-not-content-first",
        "The president stressed that he insisted on talks.",
        "The/det/1/DET president/nsubj/2/NOUN stressed/ROOT/2/VERB/stress that/mark/5/SCONJ "
        "he/nsubj/5/PRON insisted/ccomp/2/VERB/insist on/prep/5/ADP talks/pobj/6/NOUN/talk "
        "./punct/2/PUNCT",
        [
            (
                "The president",
                "stressed",
                "that he insisted on talks",
                "indirect",
                "assert",
                "verb_cue",
            )
        ],
    ),
    (
        # regression: a content is not widened to the quotation that holds its own cue
        "report-inside-quotation",
        "“Officials said the deal is done,” the Post reported.",
        '“/punct/11/PUNCT/" Officials/nsubj/2/NOUN/official said/ccomp/11/VERB/say '
        "the/det/4/DET deal/nsubj/5/NOUN is/ccomp/2/AUX/be done/acomp/5/ADJ ,/punct/11/PUNCT "
        '”/punct/11/PUNCT/" the/det/10/DET Post/nsubj/11/PROPN/Post '
        "reported/ROOT/11/VERB/report ./punct/11/PUNCT",
        [
            ("Officials", "said", "the deal is done", "direct", "assert", "verb_cue"),
            (
                "the Post",
                "reported",
                "“Officials said the deal is done,”",
                "direct",
                "assert",
                "verb_cue",
            ),
        ],
    ),
    (
        "object-as-tail",  # "as" hangs on the verb, but PolNeAR counts it in the content
        "The ministry dismissed the report as propaganda.",
        "The/det/1/DET ministry/nsubj/2/NOUN dismissed/ROOT/2/VERB/dismiss the/det/4/DET "
        "report/dobj/2/NOUN as/prep/2/ADP propaganda/pobj/5/NOUN ./punct/2/PUNCT",
        [("The ministry", "dismissed", "the report as propaganda", "indirect", "deny", "verb_cue")],
    ),
    (
        "trailing-relative-clause",  # ", which ..." comments on the noun, outside the content
        "The minister said that Iran bought the drones, which were used in Ukraine.",
        "The/det/1/DET minister/nsubj/2/NOUN said/ROOT/2/VERB/say that/mark/5/SCONJ "
        "Iran/nsubj/5/PROPN bought/ccomp/2/VERB/buy the/det/7/DET drones/dobj/5/NOUN/drone "
        ",/punct/7/PUNCT which/nsubjpass/11/PRON were/auxpass/11/AUX/be used/relcl/7/VERB/use "
        "in/prep/11/ADP Ukraine/pobj/12/PROPN ./punct/2/PUNCT",
        [("The minister", "said", "that Iran bought the drones", "indirect", "assert", "verb_cue")],
    ),
]

NOTHING = [
    (
        "verb-not-in-lexicon",
        "The minister decided that Iran is ready.",
        "The/det/1/DET minister/nsubj/2/NOUN decided/ROOT/2/VERB/decide that/mark/5/SCONJ "
        "Iran/nsubj/5/PROPN/Iran is/ccomp/2/AUX/be ready/acomp/5/ADJ ./punct/2/PUNCT",
    ),
    (
        "cue-without-content",
        "The minister said nothing.",
        "The/det/1/DET minister/nsubj/2/NOUN said/ROOT/2/VERB/say nothing/dobj/2/PRON "
        "./punct/2/PUNCT",
    ),
    (
        "colon-after-a-verb",
        "Officials met: the talks failed.",
        "Officials/nsubj/1/NOUN/official met/ROOT/1/VERB/meet :/punct/1/PUNCT the/det/4/DET "
        "talks/nsubj/5/NOUN/talk failed/ccomp/1/VERB/fail ./punct/1/PUNCT",
    ),
    (
        "colon-lower-case",
        "officials: the talks failed.",
        "officials/npadvmod/4/NOUN/official :/punct/4/PUNCT the/det/3/DET "
        "talks/nsubj/4/NOUN/talk failed/ROOT/4/VERB/fail ./punct/4/PUNCT",
    ),
    (
        "colon-heading",  # "The Latest:", a heading, not a source
        "The Latest: Sanders wins the caucuses.",
        "The/det/1/DET Latest/dep/4/ADJ/late :/punct/4/PUNCT Sanders/nsubj/4/PROPN "
        "wins/ROOT/4/VERB/win the/det/6/DET caucuses/dobj/4/NOUN/caucus ./punct/4/PUNCT",
    ),
    (
        "colon-line-label",  # an interview's "Q:", like "UPDATE:", labels a line
        "Q: Have you talked to her?",
        "Q/dep/3/PROPN/q :/punct/3/PUNCT Have/aux/3/AUX/have you/nsubj/3/PRON/you "
        "talked/ROOT/3/VERB/talk to/prep/3/ADP her/pobj/5/PRON ?/punct/3/PUNCT",
    ),
    (
        "colon-table-row",  # a name and a number: no statement
        "Clinton: 547.",
        "Clinton/ROOT/0/PROPN :/punct/0/PUNCT 547/appos/0/NUM ./punct/0/PUNCT",
    ),
    (
        "dash-before-lower-case",  # a dash inside a sentence is no signature
        "“We will win” — and they did.",
        "“/punct/3/PUNCT We/nsubj/3/PRON will/aux/3/AUX win/ROOT/3/VERB ”/punct/3/PUNCT "
        "—/punct/3/PUNCT and/cc/3/CCONJ they/nsubj/8/PRON did/conj/3/VERB/do ./punct/8/PUNCT",
    ),
]


def _text(span: CharSpan | None, text: str) -> str | None:
    return None if span is None else span.text(text)


def _row(a: Attribution, text: str) -> tuple[str | None, ...]:
    return (
        _text(a.source, text),
        a.cue.text(text),
        _text(a.content, text),
        a.kind,
        a.stance,
        a.rule,
    )


def assert_well_formed(found: list[Attribution], text: str) -> None:
    """What the contract needs of every span, and what a sane attribution is."""
    for a in found:
        for span in (a.source, a.cue, a.content, *a.cites):
            if span is None:
                continue
            pieces = span.pieces()
            assert (pieces[0][0], pieces[-1][1]) == (span.start, span.end)
            assert all(s < e for s, e in pieces)
            assert all(e1 < s2 for (_, e1), (s2, _) in zip(pieces, pieces[1:], strict=False))
            for s, e in pieces:
                assert text[s:e] == text[s:e].strip(), f"untrimmed piece {text[s:e]!r}"
        assert a.content is None or not a.content.overlaps(a.cue), "content holds its own cue"
        assert a.source is None or not a.source.overlaps(a.cue), "source overlaps the cue"
        if a.source is not None and a.content is not None:
            assert not a.source.overlaps(a.content), "source overlaps the content"
    assert [a.cue.start for a in found] == sorted(a.cue.start for a in found), "reading order"


@pytest.mark.parametrize(
    ("text", "spec", "expected"),
    [case[1:] for case in RULES],
    ids=[case[0] for case in RULES],
)
def test_rules(make_doc: MakeDoc, text: str, spec: str, expected: list[tuple[str, ...]]) -> None:
    found = find_attributions(make_doc(text, spec), LEXICON, model=False)
    assert [_row(a, text) for a in found] == expected
    assert_well_formed(found, text)


@pytest.mark.parametrize(("text", "spec"), [c[1:] for c in NOTHING], ids=[c[0] for c in NOTHING])
def test_no_attribution(make_doc: MakeDoc, text: str, spec: str) -> None:
    assert find_attributions(make_doc(text, spec), LEXICON, model=False) == []


def test_fragments_of_an_interrupted_quote(make_doc: MakeDoc) -> None:
    text, spec = next((c[1], c[2]) for c in RULES if c[0] == "direct-fragments")
    (found,) = find_attributions(make_doc(text, spec), LEXICON, model=False)
    assert found.content is not None
    assert found.content.fragments == ((0, 14), (24, 36))
    assert [text[s:e] for s, e in found.content.fragments] == ["“We will not,”", "“accept it.”"]
    assert found.cue.fragments == ()


def test_cue_is_one_run_without_what_lies_across_the_subject(make_doc: MakeDoc) -> None:
    """PolNeAR never marks a cue in pieces: "Did he announce" has the cue "announce"."""
    text, spec = next((c[1], c[2]) for c in RULES if c[0] == "question-inversion")
    (found,) = find_attributions(make_doc(text, spec), LEXICON, model=False)
    assert [text[s:e] for s, e in found.cue.pieces()] == ["announce"]


def test_citing_is_provenance_not_content(make_doc: MakeDoc) -> None:
    text = "IRNA, citing the mission, said the meeting was requested."
    doc = make_doc(
        text,
        "IRNA/nsubj/6/PROPN/IRNA ,/punct/6/PUNCT citing/advcl/6/VERB/cite the/det/4/DET "
        "mission/dobj/2/NOUN ,/punct/6/PUNCT said/ROOT/6/VERB/say the/det/8/DET "
        "meeting/nsubjpass/10/NOUN was/auxpass/10/AUX/be requested/ccomp/6/VERB/request "
        "./punct/6/PUNCT",
    )
    # "requested" (a request cue in the lexicon) reports only on its passive subject here:
    # it is inside what IRNA says, not a second attribution whose content would be "IRNA,
    # ..., said"; "citing" is provenance (in cites), not a cue whose content is the mission
    found, requested = find_attributions(doc, LEXICON, model=False)
    assert _row(requested, text)[:3] == (None, "was requested", "the meeting")
    assert requested.nested_in == 0
    assert _row(found, text) == (
        "IRNA",
        "said",
        "the meeting was requested",
        "indirect",
        "assert",
        "verb_cue",
    )
    assert [c.text(text) for c in found.cites] == ["the mission"]
    assert found.nested_in is None


def test_report_of_a_report_is_nested(make_doc: MakeDoc) -> None:
    text = "The Post reported that officials said the deal was done."
    doc = make_doc(
        text,
        "The/det/1/DET Post/nsubj/2/PROPN/Post reported/ROOT/2/VERB/report that/mark/5/SCONJ "
        "officials/nsubj/5/NOUN/official said/ccomp/2/VERB/say the/det/7/DET "
        "deal/nsubjpass/9/NOUN was/auxpass/9/AUX/be done/ccomp/5/VERB/do ./punct/2/PUNCT",
    )
    outer, inner = find_attributions(doc, LEXICON, model=False)
    assert _row(outer, text)[:3] == (
        "The Post",
        "reported",
        "that officials said the deal was done",
    )
    assert _row(inner, text)[:3] == ("officials", "said", "the deal was done")
    assert (outer.nested_in, inner.nested_in) == (None, 0)
    assert (outer.cue_token, outer.source_token) == (2, 1)
    assert (inner.cue_token, inner.source_token) == (5, 4)


def test_reading_order_over_sentences(make_doc: MakeDoc) -> None:
    text = "Moscow denied the allegations. The minister said that Iran is ready."
    doc = make_doc(
        text,
        "Moscow/nsubj/1/PROPN/Moscow denied/ROOT/1/VERB/deny the/det/3/DET "
        "allegations/dobj/1/NOUN/allegation ./punct/1/PUNCT "
        "The/det/6/DET minister/nsubj/7/NOUN said/ROOT/7/VERB/say that/mark/10/SCONJ "
        "Iran/nsubj/10/PROPN/Iran is/ccomp/7/AUX/be ready/acomp/10/ADJ ./punct/7/PUNCT",
    )
    found = find_attributions(doc, LEXICON, model=False)
    assert [(a.cue.text(text), a.stance) for a in found] == [
        ("denied", "deny"),
        ("said", "assert"),
    ]
    assert_well_formed(found, text)


# The cascade with a learned detector, made deterministic by a model that says no (or yes)
# to every verb: lexicon cues of denial, doubt, request and question stay whatever it says,
# and any other verb is a cue exactly when the model says so.
NEVER = CueModel(weights={}, bias=-30.0, threshold=0.5, meta={})
ALWAYS = CueModel(weights={}, bias=30.0, threshold=0.5, meta={})


@pytest.mark.parametrize(
    ("case", "kept_by_never"),
    [("said-that", False), ("denied", True), ("asked-to", True), ("asked-whether", True)],
)
def test_model_cascade_keeps_lexicon_stances(
    make_doc: MakeDoc, case: str, kept_by_never: bool
) -> None:
    text, spec, expected = next(c[1:] for c in RULES if c[0] == case)
    doc = make_doc(text, spec)
    never = [_row(a, text) for a in find_attributions(doc, LEXICON, model=NEVER)]
    assert never == (expected if kept_by_never else [])
    always = [_row(a, text) for a in find_attributions(doc, LEXICON, model=ALWAYS)]
    assert set(expected) <= set(always)  # every verb with a complement is a cue to it


def test_request_verb_without_a_request_frame_is_the_models(make_doc: MakeDoc) -> None:
    """A verb of asking is a cue whatever the model says only with what it asks for ("asked
    the UN to investigate", test above); "seeking the nomination" is the model's call."""
    text = "Cruz is seeking the nomination."
    doc = make_doc(
        text,
        "Cruz/nsubj/2/PROPN is/aux/2/AUX/be seeking/ROOT/2/VERB/seek the/det/4/DET "
        "nomination/dobj/2/NOUN ./punct/2/PUNCT",
    )
    assert find_attributions(doc, LEXICON, model=NEVER) == []
    (a,) = find_attributions(doc, LEXICON, model=ALWAYS)
    assert (a.cue.text(text), a.stance) == ("is seeking", "request")


def test_model_finds_verbs_the_lexicon_does_not_list(make_doc: MakeDoc) -> None:
    text = "The minister praised the agreement."
    doc = make_doc(
        text,
        "The/det/1/DET minister/nsubj/2/NOUN praised/ROOT/2/VERB/praise the/det/4/DET "
        "agreement/dobj/2/NOUN ./punct/2/PUNCT",
    )
    # "praise" is in the lexicon; "decide" is not, and only a model can make it a cue
    assert find_attributions(doc, LEXICON, model=NEVER) == []
    (a,) = find_attributions(doc, LEXICON, model=ALWAYS)
    assert _row(a, text) == (
        "The minister",
        "praised",
        "the agreement",
        "indirect",
        "assert",
        "verb_cue",
    )
    text, spec = NOTHING[0][1], NOTHING[0][2]
    (decided,) = find_attributions(make_doc(text, spec), LEXICON, model=ALWAYS)
    assert (decided.cue.text(text), decided.stance) == ("decided", "assert")


def _attribution(cue: tuple[int, int], content: tuple[int, int]) -> Attribution:
    return Attribution(
        None, CharSpan(*cue), CharSpan(*content), "indirect", "assert", "verb_cue", (), 0, None
    )


def test_nest_picks_the_innermost_holder() -> None:
    outer = _attribution((0, 4), (5, 100))
    middle = _attribution((10, 14), (15, 60))
    inner = _attribution((20, 24), (25, 40))
    assert [a.nested_in for a in nest([outer, middle, inner])] == [None, 0, 1]


def test_nest_never_makes_a_cycle() -> None:
    # each content holds the other's cue (a quotation paired wrongly): the larger content
    # is the outer one, and the two do not nest in each other
    first = _attribution((0, 4), (0, 50))
    second = _attribution((20, 24), (0, 30))
    assert [a.nested_in for a in nest([first, second])] == [None, 0]
    same = _attribution((20, 24), (0, 50))
    assert [a.nested_in for a in nest([first, same])] == [None, 0]


def test_default_lexicon_and_model(make_doc: MakeDoc) -> None:
    text, spec, expected = RULES[0][1:]
    doc = make_doc(text, spec)
    assert [_row(a, text) for a in find_attributions(doc, model=False)] == expected
    assert [_row(a, text) for a in find_attributions(doc, model=None)] == expected


def test_wh_adverb_is_not_part_of_the_cue(make_doc: MakeDoc) -> None:
    text = "She smiled when he said Iran is ready."
    spec = (
        "She/nsubj/1/PRON smiled/ROOT/1/VERB/smile when/advmod/4/SCONJ he/nsubj/4/PRON "
        "said/advcl/1/VERB/say Iran/nsubj/6/PROPN/Iran is/ccomp/4/AUX/be ready/acomp/6/ADJ "
        "./punct/1/PUNCT"
    )
    (found,) = find_attributions(make_doc(text, spec), LEXICON, model=False)
    assert _row(found, text)[:3] == ("he", "said", "Iran is ready")


def test_infinitive_cue_starts_at_its_governor(make_doc: MakeDoc) -> None:
    text = "He wants to say that Iran is ready."
    spec = (
        "He/nsubj/1/PRON wants/ROOT/1/VERB/want to/aux/3/PART say/xcomp/1/VERB/say "
        "that/mark/6/SCONJ Iran/nsubj/6/PROPN/Iran is/ccomp/3/AUX/be ready/acomp/6/ADJ "
        "./punct/1/PUNCT"
    )
    (found,) = find_attributions(make_doc(text, spec), LEXICON, model=False)
    assert _row(found, text)[:3] == ("He", "wants to say", "that Iran is ready")


def test_infinitive_of_a_request_is_not_widened(make_doc: MakeDoc) -> None:
    """ "asked the UN to investigate": the governor has an addressee and is a cue of its own,
    so a cue found on the infinitive stays "to investigate" and "asked" keeps its own."""
    text, spec, _ = next(c[1:] for c in RULES if c[0] == "asked-to")
    cues = {
        a.cue.text(text) for a in find_attributions(make_doc(text, spec), LEXICON, model=ALWAYS)
    }
    assert "asked" in cues
    assert not any(c.startswith("asked the UN") for c in cues)


def test_light_verb_cue_takes_its_object_and_preposition(make_doc: MakeDoc) -> None:
    text = "The minister expressed concern about the vote."
    spec = (
        "The/det/1/DET minister/nsubj/2/NOUN expressed/ROOT/2/VERB/express "
        "concern/dobj/2/NOUN about/prep/3/ADP the/det/6/DET vote/pobj/4/NOUN ./punct/2/PUNCT"
    )
    (found,) = find_attributions(make_doc(text, spec), LEXICON, model=ALWAYS)
    assert _row(found, text)[:3] == ("The minister", "expressed concern about", "the vote")


def test_quote_continued_over_sentences_is_one_piece(make_doc: MakeDoc) -> None:
    text = "“We are ready,” he said. “We will go. We will stay.”"
    spec = (
        "“/punct/7/PUNCT We/nsubj/2/PRON are/ccomp/7/AUX/be ready/acomp/2/ADJ ,/punct/7/PUNCT "
        "”/punct/7/PUNCT he/nsubj/7/PRON said/ROOT/7/VERB/say ./punct/7/PUNCT "
        "“/punct/12/PUNCT We/nsubj/12/PRON will/aux/12/AUX go/ROOT/12/VERB ./punct/12/PUNCT "
        "We/nsubj/16/PRON will/aux/16/AUX stay/ROOT/16/VERB ./punct/16/PUNCT ”/punct/16/PUNCT"
    )
    (found,) = find_attributions(make_doc(text, spec), LEXICON, model=False)
    assert found.content is not None
    assert found.content.text(text) == "“We are ready,” … “We will go. We will stay.”"


def test_passive_cue_subject_is_content_not_source(make_doc: MakeDoc) -> None:
    text = "The plant is expected to close."
    spec = (
        "The/det/1/DET plant/nsubjpass/3/NOUN is/auxpass/3/AUX/be expected/ROOT/3/VERB/expect "
        "to/aux/5/PART close/xcomp/3/VERB ./punct/3/PUNCT"
    )
    (found,) = find_attributions(make_doc(text, spec), LEXICON, model=ALWAYS)
    assert _row(found, text)[:3] == (None, "is expected", "The plant … to close")


def test_raising_verb_subject_is_content(make_doc: MakeDoc) -> None:
    text = "The race seemed to tighten."
    spec = (
        "The/det/1/DET race/nsubj/2/NOUN seemed/ROOT/2/VERB/seem to/aux/4/PART "
        "tighten/xcomp/2/VERB ./punct/2/PUNCT"
    )
    (found,) = find_attributions(make_doc(text, spec), LEXICON, model=ALWAYS)
    assert _row(found, text)[:3] == (None, "seemed", "The race … to tighten")


def test_passive_with_clause_keeps_addressee_out_of_content(make_doc: MakeDoc) -> None:
    text = "He was told that the plan failed."
    spec = (
        "He/nsubjpass/2/PRON was/auxpass/2/AUX/be told/ROOT/2/VERB/tell that/mark/6/SCONJ "
        "the/det/5/DET plan/nsubj/6/NOUN failed/ccomp/2/VERB/fail ./punct/2/PUNCT"
    )
    (found,) = find_attributions(make_doc(text, spec), LEXICON, model=False)
    assert _row(found, text)[:3] == (None, "was told", "that the plan failed")


@pytest.mark.parametrize("found_by", ["catenative", "inner"])
def test_catenative_chain_is_one_cue(make_doc: MakeDoc, found_by: str) -> None:
    text = "Trump continued to insist that he won."
    spec = (
        "Trump/nsubj/1/PROPN continued/ROOT/1/VERB/continue to/aux/3/PART "
        "insist/xcomp/1/VERB that/mark/6/SCONJ he/nsubj/6/PRON won/ccomp/3/VERB/win "
        "./punct/1/PUNCT"
    )
    # the detector may find either verb of the chain; the attribution is the same
    model = ALWAYS if found_by == "catenative" else False  # the lexicon lists "insist" only
    (found,) = find_attributions(make_doc(text, spec), LEXICON, model=model)
    assert _row(found, text)[:3] == ("Trump", "continued to insist", "that he won")


def test_parenthetical_cue_splits_its_content(make_doc: MakeDoc) -> None:
    text = "This campaign, he says, is different."
    spec = (
        "This/det/1/DET campaign/nsubj/6/NOUN ,/punct/4/PUNCT he/nsubj/4/PRON "
        "says/parataxis/6/VERB/say ,/punct/4/PUNCT is/ROOT/6/AUX/be "
        "different/acomp/6/ADJ ./punct/6/PUNCT"
    )
    (found,) = find_attributions(make_doc(text, spec), LEXICON, model=False)
    assert _row(found, text)[:3] == ("he", "says", "This campaign … is different")


def test_bare_cue_sentence_takes_the_quotation_before(make_doc: MakeDoc) -> None:
    text = "“We will win.” Trump said."
    spec = (
        "“/punct/3/PUNCT We/nsubj/3/PRON will/aux/3/AUX win/ROOT/3/VERB ./punct/3/PUNCT "
        "”/punct/3/PUNCT Trump/nsubj/7/PROPN said/ROOT/7/VERB/say ./punct/7/PUNCT"
    )
    doc = make_doc(text, spec)
    (found,) = find_attributions(doc, LEXICON, model=False)
    assert _row(found, text)[:4] == ("Trump", "said", "“We will win.”", "direct")


def test_bare_cue_sentence_with_colon_takes_the_next_sentence(make_doc: MakeDoc) -> None:
    text = "He said: The vote is rigged."
    spec = (
        "He/nsubj/1/PRON said/ROOT/1/VERB/say :/punct/1/PUNCT "
        "The/det/4/DET vote/nsubj/5/NOUN is/ROOT/5/AUX/be rigged/acomp/5/ADJ ./punct/5/PUNCT"
    )
    (found,) = find_attributions(make_doc(text, spec), LEXICON, model=False)
    assert _row(found, text)[:3] == ("He", "said", "The vote is rigged")


def test_coordinated_cue_with_its_own_clause_is_cut_from_content(make_doc: MakeDoc) -> None:
    text = "He said prices rose and said that wages fell."
    spec = (
        "He/nsubj/1/PRON said/ROOT/1/VERB/say prices/nsubj/3/NOUN rose/ccomp/1/VERB/rise "
        "and/cc/3/CCONJ said/conj/3/VERB/say that/mark/8/SCONJ wages/nsubj/8/NOUN "
        "fell/ccomp/5/VERB/fall ./punct/1/PUNCT"
    )
    found = find_attributions(make_doc(text, spec), LEXICON, model=False)
    assert [_row(a, text)[1:3] for a in found if a.nested_in is None][0] == (
        "said",
        "prices rose",
    )


# Framed noun and adjective cues (rule ``frame_cue``; the frames are counted on PolNeAR train
# into cue_frames.tsv): the source the noun phrase names, or the governing verb's subject.
FRAME_CUES = [
    (
        "possessor-claim-that",
        "Trump's claim that Iran is ready was false.",
        "Trump/poss/2/PROPN/Trump 's/case/0/PART claim/nsubj/7/NOUN that/mark/5/SCONJ "
        "Iran/nsubj/5/PROPN/Iran is/acl/2/AUX/be ready/acomp/5/ADJ was/ROOT/7/AUX/be "
        "false/acomp/7/ADJ ./punct/7/PUNCT",
        ("Trump's", "claim", "that Iran is ready", "indirect", "assert", "frame_cue"),
    ),
    (
        "object-of-a-verb-calls-for",
        "Democrats renewed calls for an investigation.",
        "Democrats/nsubj/1/PROPN/Democrats renewed/ROOT/1/VERB/renew calls/dobj/1/NOUN/call "
        "for/prep/2/ADP an/det/5/DET investigation/pobj/3/NOUN ./punct/1/PUNCT",
        ("Democrats", "renewed calls for", "an investigation", "indirect", "request", "frame_cue"),
    ),
    (
        "capitalized-adjective-source",
        "The Republican criticism of the deal grew.",
        "The/det/2/DET Republican/amod/2/ADJ criticism/nsubj/6/NOUN of/prep/2/ADP "
        "the/det/5/DET deal/pobj/3/NOUN grew/ROOT/6/VERB/grow ./punct/6/PUNCT",
        ("Republican", "criticism of", "the deal", "indirect", "assert", "frame_cue"),
    ),
    (
        "predicate-adjective",
        "Republicans were critical of the deal.",
        "Republicans/nsubj/1/PROPN/Republicans were/ROOT/1/AUX/be critical/acomp/1/ADJ "
        "of/prep/2/ADP the/det/5/DET deal/pobj/3/NOUN ./punct/1/PUNCT",
        ("Republicans", "were critical of", "the deal", "indirect", "assert", "frame_cue"),
    ),
]


@pytest.mark.parametrize(
    ("text", "spec", "expected"),
    [case[1:] for case in FRAME_CUES],
    ids=[case[0] for case in FRAME_CUES],
)
def test_frame_cues(make_doc: MakeDoc, text: str, spec: str, expected: tuple[str, ...]) -> None:
    found = find_attributions(make_doc(text, spec), LEXICON, model=False)
    assert [_row(a, text) for a in found] == [expected]
    assert_well_formed(found, text)


def test_noun_inside_a_verb_cue_is_left_to_it(make_doc: MakeDoc) -> None:
    text = "He said in a statement that Iran is ready."
    spec = (
        "He/nsubj/1/PRON said/ROOT/1/VERB/say in/prep/1/ADP a/det/4/DET "
        "statement/pobj/2/NOUN that/mark/7/SCONJ Iran/nsubj/7/PROPN/Iran is/ccomp/1/AUX/be "
        "ready/acomp/7/ADJ ./punct/1/PUNCT"
    )
    (found,) = find_attributions(make_doc(text, spec), LEXICON, model=False)
    assert _row(found, text)[:3] == ("He", "said in a statement", "that Iran is ready")
    assert found.rule == "verb_cue"


def test_noun_without_a_listed_frame_is_no_cue(make_doc: MakeDoc) -> None:
    text = "His plan for the city failed."
    spec = (
        "His/poss/1/PRON/his plan/nsubj/5/NOUN for/prep/1/ADP the/det/4/DET city/pobj/2/NOUN "
        "failed/ROOT/5/VERB/fail ./punct/5/PUNCT"
    )
    assert find_attributions(make_doc(text, spec), LEXICON, model=False) == []


# Span conventions counted on PolNeAR train (see the constants in nlp/attribution.py).
CONVENTIONS = [
    (
        # an adverb across the subject is not the cue's: PolNeAR cues are never in pieces
        "adverb-across-subject",
        "Maybe he claims that it works.",
        "Maybe/advmod/2/ADV he/nsubj/2/PRON claims/ROOT/2/VERB/claim that/mark/5/SCONJ "
        "it/nsubj/5/PRON works/ccomp/2/VERB/work ./punct/2/PUNCT",
        [("he", "claims", "that it works", "indirect", "assert", "verb_cue")],
    ),
    (
        # "As X reported, C": the clause the "as" clause modifies is the content
        "as-clause",
        "As Politico reported, the RNC relented.",
        "As/mark/2/SCONJ Politico/nsubj/2/PROPN/Politico reported/advcl/6/VERB/report "
        ",/punct/6/PUNCT the/det/5/DET RNC/nsubj/6/PROPN/RNC relented/ROOT/6/VERB/relent "
        "./punct/6/PUNCT",
        [("Politico", "reported", "the RNC relented", "indirect", "assert", "verb_cue")],
    ),
    (
        # the "that" clause the parser hangs on "statement" is the content, not the cue's
        "statement-clause",
        "Clinton said in a statement that it failed.",
        "Clinton/nsubj/1/PROPN/Clinton said/ROOT/1/VERB/say in/prep/1/ADP a/det/4/DET "
        "statement/pobj/2/NOUN that/mark/7/SCONJ it/nsubj/7/PRON failed/acl/4/VERB/fail "
        "./punct/1/PUNCT",
        [("Clinton", "said in a statement", "that it failed", "indirect", "assert", "verb_cue")],
    ),
    (
        # "in a speech" is not in cue_statement_nouns.txt (PolNeAR train: 0 of 8 in the cue)
        "speech-not-in-cue",
        "Clinton said in a speech that it failed.",
        "Clinton/nsubj/1/PROPN/Clinton said/ROOT/1/VERB/say in/prep/1/ADP a/det/4/DET "
        "speech/pobj/2/NOUN that/mark/7/SCONJ it/nsubj/7/PRON failed/ccomp/1/VERB/fail "
        "./punct/1/PUNCT",
        [("Clinton", "said", "that it failed", "indirect", "assert", "verb_cue")],
    ),
    (
        # a focusing adverb on the source's head is not part of the source
        "source-without-even",
        "Even Trump said that it failed.",
        "Even/advmod/1/ADV Trump/nsubj/2/PROPN/Trump said/ROOT/2/VERB/say that/mark/5/SCONJ "
        "it/nsubj/5/PRON failed/ccomp/2/VERB/fail ./punct/2/PUNCT",
        [("Trump", "said", "that it failed", "indirect", "assert", "verb_cue")],
    ),
    (
        # a passive cue without a complement reports on its subject alone
        "passive-theme-alone",
        "The move was first reported by MSNBC.",
        "The/det/1/DET move/nsubjpass/4/NOUN was/auxpass/4/AUX/be first/advmod/4/ADV "
        "reported/ROOT/4/VERB/report by/agent/4/ADP MSNBC/pobj/5/PROPN/MSNBC ./punct/4/PUNCT",
        [("MSNBC", "was first reported", "The move", "indirect", "assert", "verb_cue")],
    ),
    (
        # the parser hangs the reported clause's subject on the parenthetical cue as a
        # second subject: it is content, not source
        "parenthetical-fronted-subject",
        "Voters, Clinton suggested, will worry.",
        "Voters/nsubj/3/NOUN/voter ,/punct/3/PUNCT Clinton/nsubj/3/PROPN/Clinton "
        "suggested/parataxis/6/VERB/suggest ,/punct/3/PUNCT will/aux/6/AUX "
        "worry/ROOT/6/VERB ./punct/6/PUNCT",
        [("Clinton", "suggested", "Voters … will worry", "indirect", "assert", "verb_cue")],
    ),
]


@pytest.mark.parametrize(
    ("text", "spec", "expected"),
    [case[1:] for case in CONVENTIONS],
    ids=[case[0] for case in CONVENTIONS],
)
def test_polnear_conventions(
    make_doc: MakeDoc, text: str, spec: str, expected: list[tuple[str, ...]]
) -> None:
    found = find_attributions(make_doc(text, spec), LEXICON, model=False)
    assert [_row(a, text) for a in found] == expected
    assert all(not a.cue.fragments for a in found)


def test_as_clause_of_a_cue_verb_is_not_a_second_report(make_doc: MakeDoc) -> None:
    """ "As X reported, Trump said C": the main verb reports; the "as" clause has no content."""
    text = "As Politico reported, Trump said it failed."
    spec = (
        "As/mark/2/SCONJ Politico/nsubj/2/PROPN/Politico reported/advcl/5/VERB/report "
        ",/punct/5/PUNCT Trump/nsubj/5/PROPN/Trump said/ROOT/5/VERB/say it/nsubj/7/PRON "
        "failed/ccomp/5/VERB/fail ./punct/5/PUNCT"
    )
    found = find_attributions(make_doc(text, spec), LEXICON, model=False)
    assert [a.cue.text(text) for a in found] == ["said"]


def test_participle_reports_on_the_noun_it_modifies(make_doc: MakeDoc) -> None:
    text = "They backed an option seen by organizers."
    doc = make_doc(
        text,
        "They/nsubj/1/PRON backed/ROOT/1/VERB/back an/det/3/DET option/dobj/1/NOUN "
        "seen/acl/3/VERB/see by/agent/4/ADP organizers/pobj/5/NOUN/organizer ./punct/1/PUNCT",
    )
    assert attribution._modified_noun(doc[4]) == {2, 3}  # "an option"
    assert attribution._modified_noun(doc[1]) is None  # not a noun modifier


def test_relative_clause_is_left_to_the_rules(make_doc: MakeDoc) -> None:
    """Relative clauses gained on train but lost cues on dev: no content from the noun."""
    doc = make_doc(
        "the lesson they intended",
        "the/det/1/DET lesson/ROOT/1/NOUN they/nsubj/3/PRON intended/relcl/1/VERB/intend",
    )
    assert attribution._modified_noun(doc[3]) is None


def test_a_cue_inside_a_longer_cue_is_dropped() -> None:
    def made(start: int, end: int) -> Attribution:
        return Attribution(
            None, CharSpan(start, end), CharSpan(30, 40), "indirect", "assert", "verb_cue",
            (), 0, None,
        )  # fmt: skip

    short, long, other = made(0, 8), made(0, 15), made(20, 25)
    assert attribution._without_subsumed([short, long, other]) == [long, other]


def test_hyphenated_word_stays_in_one_cue_piece(make_doc: MakeDoc) -> None:
    doc = make_doc(
        "a pre-emptive attack",
        "a/det/3/DET pre/amod/3/ADJ -/punct/3/PUNCT emptive/amod/3/ADJ attack/ROOT/3/NOUN",
    )
    assert attribution._inside_word(doc, 2)
    assert not attribution._inside_word(doc, 0)
    assert attribution._run_around(doc, [0, 1, 2, 3, 4], 4) == [0, 1, 2, 3, 4]
    assert attribution._run_around(doc, [0, 2, 3, 4], 4) == [2, 3, 4]


def test_back_joins_the_cue_and_so_is_the_content(make_doc: MakeDoc) -> None:
    text = "Trump shot back that it was false."
    spec = (
        "Trump/nsubj/1/PROPN/Trump shot/ROOT/1/VERB/shoot back/advmod/1/ADV that/mark/6/SCONJ "
        "it/nsubj/5/PRON was/ccomp/1/AUX/be false/acomp/5/ADJ ./punct/1/PUNCT"
    )
    (found,) = find_attributions(make_doc(text, spec), LEXICON, model=ALWAYS)
    assert _row(found, text)[:3] == ("Trump", "shot back", "that it was false")
    text = "Cruz thinks so."
    spec = "Cruz/nsubj/1/PROPN/Cruz thinks/ROOT/1/VERB/think so/advmod/1/ADV ./punct/1/PUNCT"
    (found,) = find_attributions(make_doc(text, spec), LEXICON, model=ALWAYS)
    assert _row(found, text)[:3] == ("Cruz", "thinks", "so")
    text = "Cruz left early."  # another adverb is neither content nor cue
    spec = "Cruz/nsubj/1/PROPN/Cruz left/ROOT/1/VERB/leave early/advmod/1/ADV ./punct/1/PUNCT"
    assert find_attributions(make_doc(text, spec), LEXICON, model=ALWAYS) == []


def test_survey_that_opens_a_sentence_is_its_source(make_doc: MakeDoc) -> None:
    text = "In a CNN poll, most voters chose Clinton."
    spec = (
        "In/prep/7/ADP a/det/3/DET CNN/compound/3/PROPN/CNN poll/pobj/0/NOUN ,/punct/7/PUNCT "
        "most/amod/6/ADJ voters/nsubj/7/NOUN/voter chose/ROOT/7/VERB/choose "
        "Clinton/dobj/7/PROPN/Clinton ./punct/7/PUNCT"
    )
    found = find_attributions(make_doc(text, spec), LEXICON, model=False)
    assert [_row(a, text) for a in found] == [
        ("a CNN poll", "In", "most voters chose Clinton", "indirect", "assert", "survey")
    ]
    text = "In a CNN studio, most voters chose Clinton."  # a place, not a survey
    spec = spec.replace("poll/pobj", "studio/pobj")
    assert find_attributions(make_doc(text, spec), LEXICON, model=False) == []


def test_as_clause_without_a_subject_reports_nothing(make_doc: MakeDoc) -> None:
    text = "As was reported, the RNC relented."
    spec = (
        "As/mark/2/SCONJ was/auxpass/2/AUX/be reported/advcl/5/VERB/report ,/punct/5/PUNCT "
        "the/det/4/DET RNC/nsubj/5/PROPN/RNC relented/ROOT/5/VERB/relent ./punct/5/PUNCT"
    )
    assert find_attributions(make_doc(text, spec), LEXICON, model=False) == []


def test_rest_of_line_stops_at_the_line_break() -> None:
    from spacy.lang.en import English

    words = ["Pence", ":", "We", "win", ".", "\n", "Polls", "say", "so", "."]
    doc = Doc(English().vocab, words=words, spaces=[False, True, True, False, False] + [False] * 5)
    assert [t.text for t in attribution._rest_of_line(doc, 1)] == ["We", "win", "."]
    # a colon that ends its line ("it gets better:" before a quoted paragraph) has nothing
    assert attribution._rest_of_line(doc, 4) == []


def test_one_attribution_per_cue_the_later_verbs() -> None:
    def report(cue: CharSpan, cue_token: int) -> Attribution:
        content = CharSpan(37, 62)
        return Attribution(None, cue, content, "indirect", "assert", "verb_cue", (), cue_token, 3)

    # "would like" (its cue moved up to "would like to note") beside "note" widened to its
    # governor: the same cue twice, and "note" holds the content
    like, note = report(CharSpan(18, 36), 5), report(CharSpan(18, 36), 7)
    shorter = report(CharSpan(18, 28), 5)  # "would like" alone, inside the longer cue
    assert attribution._without_subsumed([like, note, shorter]) == [note]
    assert attribution._without_subsumed([note, like]) == [note]

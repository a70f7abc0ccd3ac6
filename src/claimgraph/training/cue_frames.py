"""Count framed cue nouns and adjectives on PolNeAR train: ``python -m claimgraph.training.cue_frames``.

A candidate is a noun, or an adjective complementing a copula, with a complement that could
hold a content (:func:`claimgraph.nlp.attribution.complement_frame`: "claims that C", "calls
for C", "critical of C"), outside every attribution the other rules find. It counts as a cue
when it lies inside a gold cue whose content shares characters with the complement. A
(part of speech, lemma, frame) triple is kept when it is a cue at least ``MIN_CUES`` times and
in at least ``MIN_SHARE`` of its occurrences; the preposition joins the cue when the gold cues
mostly hold it. Only PolNeAR ``train`` is read. The result is written as
``claimgraph/data/lexicons/cue_frames.tsv``.
"""

from __future__ import annotations

import sys
from collections import Counter

from claimgraph.evaluation.polnear import GoldDoc, load_split
from claimgraph.nlp.attribution import complement_frame, find_attributions, frame_candidate
from claimgraph.nlp.pipeline import load_nlp
from claimgraph.nlp.spans import CharSpan
from claimgraph.training import polnear_args
from claimgraph.training.polnear_args import PACKAGE_DATA

MIN_CUES = 3  # fewer is an accident of the sample, not a convention
# More often a cue than not: each attribution the triple adds is then more likely right than
# wrong, which is what an F1 at 50-70% needs to rise.
MIN_SHARE = 0.5

Key = tuple[str, str, str]

HEADER = """# Nouns and predicate adjectives that are cues with a complement (claimgraph.nlp.attribution,
# rule frame_cue): "Trump's claim that C", "calls for C", "Republicans were critical of C".
# Written by `python -m claimgraph.training.cue_frames` from PolNeAR train: a (pos, lemma,
# frame) triple is kept when it is inside a gold cue, with the gold content in its complement,
# at least {min_cues} times and in at least {min_share:.0%} of its occurrences. frame: "that" (a
# clause), "to" (an infinitive) or the preposition; prep_in_cue: the preposition belongs to
# the cue ("calls for"), as the gold cues mostly have it. Edit by rerunning the script.
lemma\tpos\tframe\tprep_in_cue\tcue_on_train\tseen_on_train
"""


def count(docs: list[GoldDoc], model_name: str) -> tuple[Counter[Key], Counter[Key], Counter[Key]]:
    """Occurrences, cues, and cues whose preposition is inside the gold cue, per triple."""
    nlp = load_nlp(model_name)
    seen: Counter[Key] = Counter()
    cues: Counter[Key] = Counter()
    prep_inside: Counter[Key] = Counter()
    for gold, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=32), strict=True):
        # without the content-edge model, which is trained after this table: with it, each
        # `make train` would count on the previous run's edges and never settle
        found = [a for a in find_attributions(doc, content_model=None) if a.rule != "frame_cue"]
        for token in doc:
            pos = frame_candidate(token)
            frame = complement_frame(token) if pos is not None else None
            if pos is None or frame is None:
                continue
            at = CharSpan(token.idx, token.idx + len(token.text))
            if any(
                span is not None and span.overlaps(at)
                for a in found
                for span in (a.cue, a.source, a.content)
            ):
                continue  # another attribution's: not a candidate of this rule
            name, prep, content = frame
            key = (pos, token.lemma_.lower(), name)
            seen[key] += 1
            content_chars = {doc[i].idx for i in content}
            for relation in gold.relations:
                if (
                    relation.cue is not None
                    and relation.content is not None
                    and token.idx in relation.cue.chars()
                    and content_chars & relation.content.chars()
                ):
                    cues[key] += 1
                    if prep is not None and prep.idx in relation.cue.chars():
                        prep_inside[key] += 1
                    break
    return seen, cues, prep_inside


def table(seen: Counter[Key], cues: Counter[Key], prep_inside: Counter[Key]) -> str:
    rows = []
    for key in sorted(seen):
        pos, lemma, frame = key
        if cues[key] >= MIN_CUES and cues[key] >= MIN_SHARE * seen[key]:
            prep_in_cue = "yes" if 2 * prep_inside[key] >= cues[key] else "no"
            rows.append(f"{lemma}\t{pos}\t{frame}\t{prep_in_cue}\t{cues[key]}\t{seen[key]}\n")
    return HEADER.format(min_cues=MIN_CUES, min_share=MIN_SHARE) + "".join(rows)


def main(argv: list[str] | None = None) -> int:
    args = polnear_args.parse(
        "claimgraph.training.cue_frames", PACKAGE_DATA / "lexicons" / "cue_frames.tsv", argv
    )
    polnear = polnear_args.polnear_folder(args)
    if polnear is None:
        return 2
    seen, cues, prep_inside = count(load_split(polnear, "train"), args.model)
    text = table(seen, cues, prep_inside)
    args.output.write_text(text, encoding="utf-8")
    kept = sum(1 for line in text.splitlines() if line and not line.startswith(("#", "lemma")))
    print(f"wrote {args.output}: {kept} frames of {len(seen)} seen")
    return 0


if __name__ == "__main__":
    sys.exit(main())

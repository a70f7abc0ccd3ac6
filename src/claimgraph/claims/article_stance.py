"""Each article's stance toward a thread's claim: for, against, observing or unrelated.

Holders say who in an article takes which stance; this says where the article as a whole
stands (Emergent's labels, from the FNC-1 model in :mod:`claimgraph.stance`). The claim is the
"headline", the article text the "body".
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from claimgraph.stance import EMERGENT_STANCE, predict_stances


def annotate_thread(thread: Mapping[str, Any], text_of: Callable[[str], str]) -> dict[str, Any]:
    """A copy of a ``claimgraph.thread/1`` object whose article entries carry
    ``article_stance``; ``text_of(article_id)`` gives an article's text."""
    articles = [dict(a) for a in thread["articles"]]
    pairs = [(str(thread["claim"]), text_of(a["article_id"])) for a in articles]
    for entry, prediction in zip(articles, predict_stances(pairs), strict=True):
        entry["article_stance"] = EMERGENT_STANCE[prediction.stance]
    return {**thread, "articles": articles}

"""User overlay files: ``ActorKB.load(extra_paths=[...])`` adds and changes rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimgraph.actors import ActorDataError, ActorKB


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_new_actor_and_its_terms(tmp_path: Path) -> None:
    actors = write(
        tmp_path / "my_people.tsv",
        "# table: actors\n"
        "key\tkind\tcode\tname\taliases\n"
        "sadiq-khan\tperson\tGBR\tSadiq Khan\tSadiq Khan | Mayor Khan\n",
    )
    terms = write(
        tmp_path / "terms.tsv",
        "actor\torg\toffice\tsector\tstart\tend\n"
        "sadiq-khan\tGBR\tmayor_of_london\tGOV\t2016-05-09\t\n",
    )
    kb = ActorKB.load(extra_paths=[actors, terms])
    actor = kb.lookup("Mayor Khan", on=date(2020, 1, 1))
    assert actor is not None and (actor.key, actor.code, actor.sector, actor.office) == (
        "sadiq-khan",
        "GBR",
        "GOV",
        "mayor_of_london",
    )
    assert [m.text for m in kb.find_mentions("Sadiq Khan said")] == ["Sadiq Khan"]
    assert str(actors) in kb.sources


def test_overlay_changes_only_the_cells_it_fills(tmp_path: Path) -> None:
    overlay = write(
        tmp_path / "fix.tsv",
        "# table: states\ncode\taliases\tcapitals\nIRN\t+ IR Iran\t+ Teheran\n",
    )
    kb = ActorKB.load(extra_paths=[overlay])
    alias = kb.lookup("IR Iran")
    assert alias is not None and alias.key == "IRN"
    assert kb.lookup("Islamic Republic of Iran") is not None  # packaged aliases kept
    teheran = kb.lookup("Teheran")
    assert teheran is not None and (teheran.code, teheran.sector) == ("IRN", "GOV")


def test_overlay_replaces_and_clears(tmp_path: Path) -> None:
    overlay = write(
        tmp_path / "outlets.tsv",
        "key\tkind\tcode\tname\tstate_affiliation\twikidata\n"
        "reuters\toutlet\tGBR\tReuters News\tindependent\t-\n",
    )
    kb = ActorKB.load(extra_paths=[overlay])
    reuters = kb.lookup("Reuters")
    assert reuters is not None and (reuters.name, reuters.wikidata) == ("Reuters News", None)


def test_overlay_blocked_phrase_and_group(tmp_path: Path) -> None:
    blocked = write(tmp_path / "blocked.tsv", "phrase\tnotes\nTehran Stock Exchange\tmarket\n")
    groups = write(
        tmp_path / "groups.tsv",
        "key\tkind\tcode\tname\taliases\nvisegrad\tgroup\tV4\tVisegrád Group\tVisegrad Group | V4\n",
    )
    members = write(
        tmp_path / "memberships.tsv",
        "group\tmember\tstart\nvisegrad\tPOL\t1991-02-15\nvisegrad\tHUN\t1991-02-15\n"
        "visegrad\tCZE\t1993-01-01\nvisegrad\tSVK\t1993-01-01\n",
    )
    kb = ActorKB.load(extra_paths=[blocked, groups, members])
    assert kb.find_mentions("the Tehran Stock Exchange fell") == []
    assert set(kb.group_members("V4")) == {"POL", "HUN", "CZE", "SVK"}


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("notes.tsv", "key\tkind\tcode\tname\n", "cannot tell which table"),
        ("x.tsv", "# table: things\nkey\n", "unknown table 'things'"),
        ("people.tsv", "key\tkind\tcode\tname\tcolour\n", "unknown column(s) colour"),
        (
            "people.tsv",
            "key\tkind\tcode\tname\tsector\nx\tperson\tGBR\tX\tBOSS\n",
            "'BOSS' is not one of",
        ),
        ("people.tsv", "key\tkind\tcode\tname\nx\tperson\tGBR\n", "new actors row needs name"),
        ("terms.tsv", "actor\torg\tstart\nnobody\tGBR\t2020-01-01\n", "unknown actor 'nobody'"),
        ("terms.tsv", "actor\torg\tstart\nsergey-lavrov\tGBR\t2020-13-01\n", "not an ISO date"),
        (
            "terms.tsv",
            "actor\torg\tstart\tend\nsergey-lavrov\tRUS\t2020-01-01\t2019-01-01\n",
            "start before its end",
        ),
        ("memberships.tsv", "group\tmember\nnato\tATLANTIS\n", "unknown member 'ATLANTIS'"),
        (
            "roles.tsv",
            "phrase\tsector\tlabel\tapplies_to\nchief\tGOV\tchief\teverywhere\n",
            "is not one of any, igo, state",
        ),
        ("people.tsv", "key\tkind\tcode\tname\nnew-one\tperson\t\t\n", "needs code, name"),
    ],
)
def test_bad_overlays_are_named_errors(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = write(tmp_path / name, text)
    with pytest.raises(ActorDataError) as caught:
        ActorKB.load(extra_paths=[path])
    assert message in str(caught.value)
    assert str(caught.value).startswith("[E140]")
    assert path.name in str(caught.value)


def test_missing_overlay_file(tmp_path: Path) -> None:
    with pytest.raises(ActorDataError, match="cannot read"):
        ActorKB.load(extra_paths=[tmp_path / "absent.tsv"])

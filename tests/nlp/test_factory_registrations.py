"""The registered spaCy factory names are public API: pinned by ``factory_registrations.json``
(as spaCy pins its own in ``spacy/tests/test_factory_registrations.py``).

Renaming or dropping a factory breaks every pipeline config that names it; to change the set
on purpose, update the JSON file and the ``spacy_factories`` entry points in pyproject.toml.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import tomllib
from importlib.metadata import entry_points
from pathlib import Path

import spacy
from spacy.language import Language

import claimgraph.nlp.components  # noqa: F401  (registers the factories)

HERE = Path(__file__).parent
PINNED: dict[str, str] = json.loads((HERE / "factory_registrations.json").read_text())
PYPROJECT = HERE.parent.parent / "pyproject.toml"


def registered() -> set[str]:
    return {name for name in spacy.registry.factories.get_all() if name.startswith("claimgraph")}


def test_registered_factories_are_pinned() -> None:
    assert registered() == set(PINNED)
    for name in PINNED:
        assert Language.has_factory(name)


def test_pyproject_declares_every_factory() -> None:
    declared = tomllib.loads(PYPROJECT.read_text())["project"]["entry-points"]["spacy_factories"]
    assert declared == PINNED


def test_installed_entry_points_match() -> None:
    installed = {ep.name: ep.value for ep in entry_points(group="spacy_factories")}
    assert {k: v for k, v in installed.items() if k.startswith("claimgraph")} == PINNED, (
        "reinstall the package (pip install -e .) after changing the entry points"
    )


def test_factories_declare_what_they_assign() -> None:
    for name in PINNED:
        meta = Language.get_factory_meta(name)
        assert meta.assigns, f"{name} declares what it assigns"
    assert "token.is_sent_start" in Language.get_factory_meta("claimgraph_paragraphs").assigns


# Run in a fresh interpreter: the script never imports claimgraph; spaCy finds the factory
# through the entry point. Importing claimgraph sets no Doc extension; adding a component does.
FRESH = textwrap.dedent(
    """
    import sys
    import spacy
    from spacy.tokens import Doc

    assert "claimgraph" not in sys.modules
    nlp = spacy.blank("en")
    assert not Doc.has_extension("claimgraph_attributions"), "set at import time"
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("claimgraph_attribution", config={"use_model": False})
    assert Doc.has_extension("claimgraph_attributions")
    doc = nlp("Officials said the talks failed.")
    assert doc._.claimgraph_attributions == []  # no parser in a blank pipeline: no cues
    assert sorted(doc.spans) == ["claimgraph_contents", "claimgraph_cues", "claimgraph_sources"]
    print(",".join(nlp.pipe_names))
    """
)


def test_entry_point_works_in_a_fresh_interpreter() -> None:
    done = subprocess.run(
        [sys.executable, "-c", FRESH], capture_output=True, text=True, timeout=120, cwd=HERE
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "sentencizer,claimgraph_attribution"

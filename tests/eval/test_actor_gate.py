"""Actor evaluation gate: the seed article's actors, and coverage of gold PLOVER actor spans.

Fails when the seed's key actors are coded wrongly or when the share of gold source/target
spans resolved to a coded actor drops below the pinned ``baselines/actors.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import shared_path

from flashpoint.evaluate.actors import evaluate_plover_actors

BASELINE = Path(__file__).parent / "baselines" / "actors.json"

# What an analyst expects from the seed (name → country, agent); written from reading it.
SEED_ACTORS = {
    "Mark Esper": ("USA", "GOV"),
    "Mark Milley": ("USA", "MIL"),
    "Donald Trump": ("USA", "GOV"),
    "Abbas Mousavi": ("IRN", "GOV"),
    "Ali Khamenei": ("IRN", "GOV"),
    "Hossein Salami": ("IRN", "MIL"),
}
ARMED_GROUP_AGENTS = {"UAF", "REB", "INS"}


@pytest.fixture(scope="module")
def seed_doc(pipeline, seed_article):
    return pipeline.code_doc(seed_article)


@pytest.mark.shared
@pytest.mark.parametrize("name", sorted(SEED_ACTORS))
def test_seed_people(seed_doc, name):
    actors = {a.name: a for a in seed_doc._.actors}
    assert name in actors, sorted(actors)
    assert (actors[name].country, actors[name].agent) == SEED_ACTORS[name]


@pytest.mark.shared
def test_seed_armed_group_and_non_actors(seed_doc):
    actors = {a.name: a for a in seed_doc._.actors}
    kh = actors["Kataib Hezbollah"]
    assert kh.country == "IRQ" and kh.agent in ARMED_GROUP_AGENTS
    names = " ".join(actors).lower()
    # Photographer, reporter and outlet are not actors.
    for outsider in ("tom brenner", "idrees ali", "reuters"):
        assert outsider not in names


@pytest.mark.shared
def test_seed_short_mentions_reuse_bindings(seed_doc):
    esper = next(a for a in seed_doc._.actors if a.name == "Mark Esper")
    texts = [seed_doc.text[s:e] for s, e in esper.mentions]
    assert texts.count("Esper") >= 3 and "Defense Secretary" in esper.titles


@pytest.mark.slow
@pytest.mark.shared
def test_plover_actor_coverage_meets_baseline(pipeline):
    gold = shared_path("gold", "plover_dev.jsonl")
    baseline = json.loads(BASELINE.read_text())["plover_dev"]
    scores = evaluate_plover_actors(gold, pipeline.nlp)
    print(f"actor coverage: { {k: v for k, v in scores.items() if k != 'misses'} }")
    assert scores["rows"] == 1050
    for key, pinned in baseline.items():
        assert scores[key] >= pinned, f"{key} {scores[key]:.4f} fell below the pinned {pinned}"

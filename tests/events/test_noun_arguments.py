"""Source and target of event nouns (``flashpoint.events.noun_arguments``) seen through coded events."""

from __future__ import annotations

import flashpoint


def _pairs(text: str, root: str) -> list[tuple[str | None, str | None]]:
    """(source text, target text) of the events of a root in ``text`` that happened."""
    return [(e.source.text if e.source else None, e.target.text if e.target else None)
            for e in flashpoint.code_text(text, date="2019-05-01").events if e.happened and e.root == root]


def test_a_possessive_pronoun_on_a_light_verbs_object_is_its_subject():
    assert ("Senator Rubio", "Governor Kasich") in _pairs(
        "Senator Rubio announced his support for Governor Kasich on Thursday.", "05")


def test_a_demand_that_someone_act_targets_them():
    assert ("Kenya", "Uganda") in _pairs(
        "Kenya reiterated its demand that Uganda withdraw its troops from the island.", "10")
    # a pronoun in the clause names no one new
    assert not any(tgt == "it" for _, tgt in _pairs(
        "Kenya reiterated its demand that it be paid for the island.", "10"))


def test_completing_an_act_is_doing_it():
    assert ("Ethiopian troops", "Somalia") in _pairs(
        "Ethiopian troops completed their pullout from Somalia on Friday.", "08")
    assert ("Chile", "Peru") in _pairs("Chile and Peru concluded talks on the maritime border.", "04")


def test_a_that_clause_hung_on_the_light_verb_belongs_to_its_object_noun():
    # "renewed its call on Monday that ...": the parser hangs the clause on "renewed"
    assert ("The union", "the government") in _pairs(
        "The union renewed its call on Monday that the government raise wages.", "02")
    assert ("Britain", "Iran") in _pairs(
        "Britain issued a warning yesterday that Iran would face sanctions.", "13")

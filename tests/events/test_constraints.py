"""Pattern constraints (``flashpoint.events.constraints``) seen through coded events."""

from __future__ import annotations

from tests.events.test_arguments import _pairs as _happened


def test_x_and_other_y_names_the_object_a_y():
    assert ("064", "Norway", "Ukraine") in _happened(
        "Norway is giving satellite images and other intelligence to Ukraine.")
    # a plain conjunct names no kind: "balls and strikes" are no strike
    assert not any(code == "082" for code, _, _ in _happened(
        "The umpires are there to call the balls and strikes, the league said."))


def test_the_particle_of_a_clause_of_its_own_does_not_rule_out_a_pattern():
    # "up" belongs to "blew ... up", an event of its own, not to "killed" ("killed off")
    assert any(code == "18" and src == "Three gunmen" for code, src, _ in _happened(
        "Three gunmen killed nine villagers in Kenya when they blew the bridge up."))
    # the particle of what is called for still counts: stepping up is no stepping down
    assert not any(code == "1041" for code, _, _ in _happened(
        "The senator called for the United States to step up its efforts."))

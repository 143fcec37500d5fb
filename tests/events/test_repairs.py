"""Misparses read through (``flashpoint.events.repairs``) seen through coded events."""

from __future__ import annotations

import flashpoint


def _targets(text: str, root: str) -> set[str | None]:
    """The target texts of the events of a root in ``text`` that happened."""
    return {e.target.text if e.target else None
            for e in flashpoint.code_text(text, date="2019-05-01").events if e.happened and e.root == root}


def test_a_heavy_object_after_an_as_phrase_is_the_object():
    assert "Serbia's suppression of unrest in the north" in _targets(
        "Albania on Friday denounced as an ugly crime Serbia's suppression of unrest in the north.", "11")
    assert "Turkey's violation of its airspace" in _targets(
        "Greece on Monday condemned as a grave provocation Turkey's violation of its airspace.", "11")


def test_a_preposition_left_without_its_object_takes_the_noun_after_it():
    # "officers holed up": the parser made the officers the subject of a clause
    assert "five Panamanian army officers" in _targets(
        "Peru has granted diplomatic asylum to five Panamanian army officers holed up in a "
        "diplomatic residence, the embassy said.", "07")
    assert "three Cuban dissidents" in _targets(
        "Spain has granted asylum to three Cuban dissidents trapped in the embassy since May.", "07")

"""Victims with no country of their own are of the country of the place the attack hit."""

from __future__ import annotations

import flashpoint


def _targets(text: str) -> list[str | None]:
    events = flashpoint.code_text(text, date="2003-05-01").events
    return [e.target.country for e in events if e.root == "18" and e.happened and e.target]


def test_people_killed_where_an_attack_hit_are_of_that_country():
    text = ("Two Palestinian gunmen killed 12 people on Sunday when they opened fire in a market "
            "in Haifa during the Palestinian uprising, police said.")
    assert "ISR" in _targets(text)


def test_victims_the_text_places_keep_their_country():
    text = ("Two Palestinian gunmen killed 12 Egyptian tourists on Sunday when they opened fire "
            "in a market in Haifa during the Palestinian uprising, police said.")
    assert _targets(text) == ["EGY"]

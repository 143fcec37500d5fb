"""Unnamed sources (``events/unnamed.py``): disaster words that name a weapon where they stand,
weapons as the subject of a passive, event nouns that took place with no one named."""

from __future__ import annotations

import flashpoint


def _happened(text: str) -> list:
    return [e for e in flashpoint.code_text(text, date="2005-02-01").events if e.happened]


def _unnamed_codes(text: str) -> list[str]:
    return [e.code for e in _happened(text) if e.source is not None and e.source.unnamed]


def test_fire_set_or_opened_is_force_and_a_fire_that_swept_a_village_a_disaster():
    assert "1712" in _unnamed_codes("Houses were looted and set on fire in the village, witnesses said.")
    assert not any(e.root in ("17", "18", "19", "20")
                   for e in _happened("Houses were destroyed when a fire swept through the village."))


def test_poison_gas_is_a_weapon_and_a_gas_leak_a_disaster():
    assert "2041" in _unnamed_codes("Civilians were attacked with poison gas in the suburb, doctors said.")
    assert not any(e.root in ("18", "19", "20")
                   for e in _happened("Ten people were killed when a gas leak caused an explosion in the town."))


def test_munitions_dropped_with_no_one_named_are_an_unidentified_armed_group():
    assert "2041" in _unnamed_codes("Chlorine munitions were dropped on the town of Douma, inspectors said.")


def test_a_protest_held_with_no_one_named_is_by_protesters():
    evs = [e for e in _happened("Demonstrations against the government were held across Bangladesh on Friday.")
           if e.root == "14"]
    assert evs and evs[0].source.unnamed and evs[0].source.agent == "CVL"
    # a bare event noun that no one held stays no event
    assert not _happened("Talks were on the agenda in Dhaka.")


def test_a_storm_in_a_name_and_a_bomb_planted_are_no_disasters():
    assert _unnamed_codes("A soldier of the Storm Brigade was killed in a blast near the border.")
    assert not any(e.root in ("18", "19", "20")
                   for e in _happened("Ten people were killed when a storm hit the coast."))


def test_a_reduced_passive_relative_has_an_unnamed_source():
    arrests = [e for e in _happened("Two smugglers arrested at the border were released on bail.")
               if e.code == "173"]
    assert arrests and arrests[0].source.unnamed and arrests[0].source.agent == "COP"
    assert "190" in _unnamed_codes("Five soldiers killed in the ambush were buried on Monday.")


def test_a_helicopter_is_a_weapon_when_no_one_is_named():
    assert "2041" in _unnamed_codes(
        "A helicopter is said to have dropped containers of toxic gas on the town of Kafr Zita.")


def test_unknown_men_and_vigilantes_are_an_unidentified_armed_group():
    assert "173" in _unnamed_codes("Unknown men abducted eight opposition members in Bulawayo last week.")
    assert "18" in _unnamed_codes("Seven people were murdered by vigilantes in southern Malawi.")
    assert not _unnamed_codes("A man shot a video of the protest in Paris.")

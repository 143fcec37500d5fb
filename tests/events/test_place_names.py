"""The other names a city goes by (``flashpoint.events.place_names``)."""

from __future__ import annotations

from flashpoint.events.place_names import norm, other_names


def test_a_city_goes_by_its_spellings_not_its_translations():
    city = {"name": "Madīnat Example", "population": 300_000,
            "alternatenames": ["Madinat Exampel", "MEX", "Old Harbour", "Мадина"]}
    assert other_names(city) == {"madinat example", "madinat exampel"}
    # a small city only by its own name without accents
    small = {**city, "population": 20_000}
    assert other_names(small) == {"madinat example"}
    assert norm("The  Hague's") == "hague"

"""Places of states that split off later take the older state's country before the split."""

from __future__ import annotations

from flashpoint.actors import successors
from flashpoint.records import Article


def test_country_then_follows_the_split_date():
    assert successors.country_then("SSD", "2005-03-01") == "SDN"
    assert successors.country_then("SSD", "2013-03-01") == "SSD"
    assert successors.country_then("HRV", "1987-03-14") == "YUG"
    assert successors.country_then("FRA", "1987-03-14") == "FRA"
    assert successors.country_then("SSD", None) == "SSD"  # undated text: today's map


def test_only_places_not_the_country_name_count_as_places():
    assert successors.is_place_of("Juba", "SSD")
    assert not successors.is_place_of("South Sudan", "SSD")


def _countries(pipeline, text: str, published: str) -> dict[str, str | None]:
    doc = pipeline.code_doc(Article(id="s", text=text, published=published))
    return {a.name: a.country for a in doc._.actors}


def test_a_town_of_a_later_state_is_in_the_older_state_before_the_split(pipeline):
    text = "Government troops shelled Juba and Asmara on Sunday, killing dozens of civilians there."
    early = _countries(pipeline, text, "1990-05-01")
    assert {"Sudan", "Ethiopia"} <= set(early) and early["Sudan"] == "SDN"
    late = _countries(pipeline, text, "2015-05-01")
    assert late.get("South Sudan") == "SSD" and late.get("Eritrea") == "ERI"


def test_the_name_of_the_later_state_keeps_its_code(pipeline):
    found = _countries(pipeline, "Rebels in Eritrea attacked an army convoy on Sunday near the coast.",
                       "1990-05-01")
    assert found.get("Eritrea") == "ERI"


def test_police_of_a_city_in_a_later_state(pipeline):
    doc = pipeline.code_doc(Article(id="z", published="1987-03-14",
                                    text="Police in Zagreb detained dozens of striking workers on Monday."))
    assert any(a.code == "YUGCOP" for a in doc._.actors), [(a.name, a.code) for a in doc._.actors]

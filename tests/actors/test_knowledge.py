"""Knowledge tables and the user's one-line actor files."""

from __future__ import annotations

import pytest

from flashpoint.actors.knowledge import load_knowledge
from flashpoint.actors.terms import plural, split_code
from flashpoint.errors import KnowledgeError
from flashpoint.pipeline import build_pipeline
from flashpoint.records import Article
from flashpoint.settings import Settings


def test_split_code():
    assert split_code("USAGOV") == ("USA", "GOV")
    assert split_code("IRN") == ("IRN", None)
    assert split_code("IGOUNO") == (None, "IGO")
    assert split_code("MIL") == (None, "MIL")


def test_plural():
    assert plural("spokesman") == "spokesmen"
    assert plural("militia") == "militias"
    assert plural("army") == "armies"
    assert plural("foreign ministry spokesman") == "foreign ministry spokesmen"


def test_country_names_demonyms_capitals_and_metonyms():
    kb = load_knowledge()
    for surface, country in [("Tehran", "IRN"), ("Iranian", "IRN"), ("U.S.", "USA"), ("Britain", "GBR"),
                             ("Moscow", "RUS"), ("Beijing", "CHN"), ("Saudi", "SAU"), ("Israeli", "ISR")]:
        assert kb.names[surface].country == country, surface
    assert (kb.names["Pentagon"].country, kb.names["Pentagon"].agent) == ("USA", "MIL")
    assert kb.names["Downing Street"].country == "GBR"
    # ISO two-letter codes are not names ("IN", "IT" are English words in capitals).
    assert "IN" not in kb.names and "IT" not in kb.names


def test_role_words_and_titles():
    kb = load_knowledge()
    assert kb.roles["protesters"].agent == "OPP"
    assert kb.roles["chairman of the joint chiefs of staff"].agent == "MIL"
    assert kb.roles["police"].agent == "COP"
    assert kb.roles["refugees"].agent == "REF"


def test_user_actor_file_adds_an_actor(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text('actors:\n  - {name: "Blue Lotus Brigade", aliases: ["BLB"], country: MMR, agent: REB}\n')
    nlp = build_pipeline(Settings(actors_files=(str(path),)))
    doc = nlp.make_doc("The BLB attacked a police post.")
    doc._.article = Article(id="u", text=doc.text)
    with nlp.select_pipes(disable=["flashpoint_quotes", "flashpoint_events"]):
        doc = nlp(doc)
    codes = {a.name: a.code for a in doc._.actors}
    assert codes.get("Blue Lotus Brigade") == "MMRREB"


def test_bad_user_file_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text('actors:\n  - {name: "X", country: ZZZ}\n')
    with pytest.raises(KnowledgeError, match="unknown country"):
        load_knowledge((str(path),))


def test_yugoslavia_keeps_its_cameo_code():
    import flashpoint

    coded = flashpoint.code_text("Yugoslav trade union leaders met in Belgrade.", date="1987-03-14")
    assert any(a.country == "YUG" for a in coded.actors)


def test_former_country_names_are_their_countries():
    kb = load_knowledge()
    for surface, country in [("Kampuchea", "KHM"), ("Kampuchean", "KHM"), ("Zaire", "COD"),
                             ("Zairean", "COD"), ("Ceylon", "LKA"), ("Rhodesian", "ZWE"),
                             ("Dahomey", "BEN"), ("Upper Volta", "BFA")]:
        assert kb.names[surface].country == country, surface


def test_a_region_named_only_by_its_direction_is_no_country():
    from flashpoint.actors.knowledge import build_place_countries, place_countries

    table = place_countries()
    assert "west" not in table and "far north" not in table and "southern" not in table
    assert table["western cape"] == "ZAF"  # a direction with a name stays
    assert build_place_countries() == table

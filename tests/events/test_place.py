"""Event place: prepositional places resolved against the gazetteer, the dateline as fallback."""

from __future__ import annotations

import pytest

from flashpoint.events.place import (
    PLACE_LABELS,
    _place_candidates,
    locate,
    resolve_dateline,
    resolve_place,
)
from flashpoint.records import Article


def test_city_with_coordinates():
    loc = resolve_place("Baghdad")
    assert (loc.name, loc.country, loc.precision) == ("Baghdad", "IRQ", "city")
    assert loc.lat == pytest.approx(33.34, abs=0.01)
    assert loc.lon == pytest.approx(44.40, abs=0.01)


@pytest.mark.parametrize(
    "name,country,precision",
    [
        ("Kuwait", "KWT", "country"),  # the country, not Kuwait City
        ("Iran", "IRN", "country"),
        ("the United States", "USA", "country"),
        ("U.S.", "USA", "country"),
        ("Washington", "USA", "city"),  # the capital, not the state
        ("northern Iraq", "IRQ", "region"),
        ("Texas", "USA", "region"),
        ("the Middle East", None, "region"),
    ],
)
def test_names_resolve(name, country, precision):
    loc = resolve_place(name)
    assert loc is not None
    assert (loc.country, loc.precision) == (country, precision)


def test_cities_are_found_by_their_english_spellings():
    # the name without its accents ("Sāmarrā’"), a big city's other spellings ("Basrah")
    assert (resolve_place("Samarra").country, resolve_place("Basra").country) == ("IRQ", "IRQ")
    assert resolve_place("Kandahar").country == "AFG"
    # a translation is no spelling ("White House" is also a name of Casablanca) and a city of
    # that very name outranks another city's spelling of it ("New Delhi" is one of Delhi's)
    assert resolve_place("White House") is None
    assert resolve_place("New Delhi", frozenset({"IND"})).name == "New Delhi"


def test_washington_is_dc():
    loc = resolve_place("Washington")
    assert loc.lat == pytest.approx(38.9, abs=0.1)
    assert loc.lon == pytest.approx(-77.0, abs=0.1)


def test_countries_have_coordinates():
    loc = resolve_place("Kuwait")
    assert loc.lat is not None and 28 < loc.lat < 31
    assert resolve_place("northern Iraq").lat == resolve_place("Iraq").lat


def test_ambiguous_city_follows_preferred_country():
    assert resolve_place("Tripoli", frozenset({"LBN"})).country == "LBN"
    assert resolve_place("Tripoli", frozenset({"LBY"})).country == "LBY"


def test_article_countries_weigh_but_do_not_override_size():
    usa = frozenset({"USA"})
    assert resolve_place("Paris", usa).country == "FRA"  # not Paris, Texas
    assert resolve_place("Manchester", usa).country == "USA"
    assert resolve_place("Obama", usa) is None  # a small Japanese town is no match abroad


def test_unknown_place():
    assert resolve_place("Xqzzyville") is None


def test_dateline():
    loc = resolve_dateline("WASHINGTON")
    assert (loc.name, loc.country, loc.precision) == ("Washington, D.C.", "USA", "dateline")
    assert resolve_dateline("BAGHDAD, Jan 2").country == "IRQ"
    assert resolve_dateline(None) is None


def _sent(pipeline, text, dateline=None):
    article = Article(id="p", text=text, dateline=dateline, published="2020-01-02")
    doc = pipeline.code_doc(article)
    return next(iter(doc.sents)), article


def _token(sent, word):
    return next(t for t in sent if t.text == word)


def test_place_after_locative_preposition(pipeline):
    sent, article = _sent(pipeline, "Protesters hurled rocks at the embassy in Baghdad on Tuesday.")
    loc = locate(sent, article, _token(sent, "hurled"))
    assert (loc.name, loc.country, loc.precision) == ("Baghdad", "IRQ", "city")


def test_metonym_subject_is_not_a_place(pipeline):
    sent, article = _sent(pipeline, "Washington said the talks had failed.")
    assert locate(sent, article, _token(sent, "said")) is None
    sent, article = _sent(pipeline, "Washington said the talks had failed.", dateline="GENEVA")
    loc = locate(sent, article, _token(sent, "said"))
    assert (loc.country, loc.precision) == ("CHE", "dateline")


def test_destination_counts_when_nothing_better(pipeline):
    sent, article = _sent(pipeline, "The army sent 750 troops to Kuwait this week.")
    assert locate(sent, article, _token(sent, "sent")).country == "KWT"


def test_targets_and_addressees_are_not_places(pipeline):
    sent, article = _sent(
        pipeline, "The minister appealed to Russia and imposed sanctions on Iran."
    )
    assert locate(sent, article, _token(sent, "appealed")) is None
    assert locate(sent, article, _token(sent, "imposed")) is None


def test_region_of_a_country(pipeline):
    sent, article = _sent(
        pipeline, "A rocket attack killed a contractor in northern Iraq last week."
    )
    loc = locate(sent, article, _token(sent, "killed"))
    assert (loc.name, loc.country, loc.precision) == ("northern Iraq", "IRQ", "region")


def test_trigger_prefers_its_own_clause(pipeline):
    sent, article = _sent(
        pipeline,
        "Militants attacked a checkpoint in Mosul, and the government later held talks in Baghdad.",
        dateline="WASHINGTON",
    )
    assert locate(sent, article, _token(sent, "attacked")).name == "Mosul"
    assert locate(sent, article, _token(sent, "held")).name == "Baghdad"


def test_qualified_town_narrows_to_its_country(pipeline):
    sent, article = _sent(pipeline, "Protesters gathered in Tripoli, Lebanon, on Friday.")
    assert locate(sent, article, _token(sent, "gathered")).country == "LBN"


def test_dateline_when_the_sentence_names_no_place(pipeline):
    sent, article = _sent(pipeline, "The minister condemned the attack.", dateline="WASHINGTON")
    loc = locate(sent, article)
    assert (loc.country, loc.precision) == ("USA", "dateline")


def test_place_candidates_are_the_sentences_governed_places(pipeline, seed_path):
    doc = pipeline.code_doc(
        Article(id="s", text=seed_path.read_text(encoding="utf-8"), published="2020-01-05")
    )
    people = {e.text for e in doc.ents if e.label_ in ("PERSON", "ORG")}
    found = 0
    for sent in doc.sents:
        places = [e for e in sent.ents if e.label_ in PLACE_LABELS and e.text not in people]
        for ent, prep, tier in _place_candidates(sent):
            assert ent in places  # an entity of this sentence (same Span), never a person
            assert ent.root.head == prep and prep.dep_ == "prep"
            assert tier in (0, 1)
            found += 1
    assert found >= 3


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("Two soldiers were shot dead near the town of Kirkuk on Monday.", "shot", "IRQ"),
        ("Gunmen attacked a checkpoint outside of the city of Mosul.", "attacked", "IRQ"),
        ("A bomb exploded in a busy sector of eastern Beirut.", "exploded", "LBN"),
    ],
)
def test_place_named_by_a_place_noun(pipeline, text, trigger, country):
    # "the town of X", "outside of X", "eastern X": the preposition before the place noun
    # places the event, and a direction word before a city is a part of that city
    sent, article = _sent(pipeline, text)
    loc = locate(sent, article, _token(sent, trigger))
    assert loc is not None and loc.country == country


def test_of_phrase_after_other_nouns_is_no_place(pipeline):
    sent, article = _sent(pipeline, "The minister met the ambassador of Kuwait in his office.")
    assert locate(sent, article, _token(sent, "met")) is None


def test_unknown_town_takes_the_country_of_its_place_noun(pipeline):
    # "Zorbatown" is in no gazetteer; "the Iraqi town of Zorbatown" still says Iraq
    sent, article = _sent(pipeline, "Two soldiers were shot dead outside of the Iraqi town of Zorbatown.")
    loc = locate(sent, article, _token(sent, "shot"))
    assert loc is not None and (loc.country, loc.precision) == ("IRQ", "country")
    assert "Zorbatown" in loc.name


def test_name_after_a_place_noun_is_a_place_whatever_its_entity_label(pipeline):
    sent, article = _sent(pipeline, "Two soldiers were killed by a bomb outside of the Iraqi city of Kazbah.")
    loc = locate(sent, article, _token(sent, "killed"))
    assert loc is not None and loc.country == "IRQ"


def test_a_town_of_a_later_state_lies_in_the_older_state_before_the_split(pipeline):
    text = "Rebels shelled government positions in Juba on Sunday, officials said."
    for published, country in (("1999-05-01", "SDN"), ("2015-05-01", "SSD")):
        doc = pipeline.code_doc(Article(id="j", text=text, published=published))
        sent = next(iter(doc.sents))
        loc = locate(sent, doc._.article, _token(sent, "shelled"))
        assert (loc.name, loc.country) == ("Juba", country)

"""Domestic measures with no other target are aimed at the imposing state's own country."""

from __future__ import annotations

from flashpoint.events.measures import own_country_target
from flashpoint.records import ActorRef


def test_an_unplaced_measure_of_a_state_agent_is_on_its_own_country():
    gov = ActorRef(text="the Peruvian government", code="PERGOV", country="PER", agent="GOV")
    law = ActorRef(text="martial law", name="martial law")
    assert own_country_target(gov, law).country == "PER"
    assert own_country_target(gov, ActorRef(text="a nightly curfew")).country == "PER"


def test_other_targets_and_non_state_sources_are_left_alone():
    gov = ActorRef(text="the Peruvian government", code="PERGOV", country="PER", agent="GOV")
    rebels = ActorRef(text="rebels", code="PERREB", country="PER", agent="REB")
    law = ActorRef(text="martial law", name="martial law")
    assert own_country_target(rebels, law).country is None
    assert own_country_target(gov, ActorRef(text="the town")).country is None
    placed = ActorRef(text="Bolivia", code="BOL", country="BOL")
    assert own_country_target(gov, placed) is placed


def test_a_government_imposing_martial_law_targets_its_country(pipeline):
    from flashpoint.records import Article

    doc = pipeline.code_doc(Article(id="m", published="2010-01-01",
                                    text="The Peruvian government imposed martial law on Tuesday after days of riots."))
    assert any(e.target is not None and e.target.country == "PER" for e in doc._.events)


def test_a_shortened_curfew_is_an_eased_one(pipeline):
    from flashpoint.records import Article

    doc = pipeline.code_doc(Article(id="c", published="2010-01-01", text=(
        "The Sudanese government shortened the nightly curfew in Khartoum by one hour on Thursday.")))
    assert any(e.code == "081" and e.happened for e in doc._.events)

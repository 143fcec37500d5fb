"""Idioms, conditions and moods from reading events on news flashpoint was not tuned on: words
in a sense that is no event of their root, and acts that have not happened."""

from __future__ import annotations

import pytest

import flashpoint


def _events(text: str):
    return flashpoint.code_text(text, date="2005-02-01").events


def _happened(text: str, field: str = "code") -> list[str]:
    """The codes (or roots) of the events in ``text`` that happened."""
    return [getattr(e, field) for e in _events(text) if e.happened]


def test_expecting_another_to_act_forecasts_and_plans_nothing():
    for text in ("The foreign secretary said he expected the embargo to be lifted within months.",
                 "The minister predicted Russia to withdraw its troops by March."):
        assert not _happened(text), text
    assert "03" in _happened("The minister expects to visit Moscow next week.", "root")


@pytest.mark.parametrize("text, root, happened", [
    # an inverted "should" is a condition (or a question), not advice
    ("Should Rubio win Florida, no candidate will reach the total, the senator said.", "02", False),
    ("The senator said that Rubio should quit the race.", "02", True),
    # taking charge, being in charge: no accusation
    ("The new minister took charge of the Home Office in May.", "11", False),
    ("Tony Blair put Alan Milburn in charge of the election campaign.", "11", False),
    # defending oneself supports no one else
    ("The senator defended himself on Saturday against the claims.", "05", False),
    ("Japan defended the decision of the United States.", "05", True),
    # a state asked of someone is a judgement, not advice or a demand ...
    ("The prime minister said the police should be in charge of the estates.", "02", False),
    ("The senator said the first minister should know by now that he was wrong.", "02", False),
    # ... unless it is readiness for an act
    ("The foreign minister said the European Union must be ready to mediate talks in Ukraine.", "10", True),
    # a negated intention refuses nothing
    ("The Treasury said Congress had not intended to hurt U.S. industry.", "12", False),
    ("The judge never intended to give the senator prison time.", "12", False),
    # "human rights" and "shares outstanding" praise no one
    ("The spokesman for the Home Office stressed the UK would abide by its human rights obligations.", "05", False),
    ("The company has about 32 mln shares outstanding, a spokesman for the Treasury said.", "05", False),
    ("The minister said the UK was right to act.", "05", True),
    # falling exports refuse nothing; declining an offer or to act does
    ("The minister said Canadian wheat exports to Japan are declining.", "12", False),
    ("The senator declined to endorse the governor.", "12", True),
    # "in return for" returns no one
    ("Turkey will restrict the flow of migrants in return for visa-free travel for Turkish nationals.", "08", False),
    # regarding someone as something considers no action
    ("Athens says it considers the accord inoperative.", "01", False),
    ("Greek officials consider him a key backer of the debt deal.", "01", False),
    # not withdrawing a threat is no refusal to yield
    ("The prime minister has not withdrawn his threat to dissolve parliament.", "12", False),
    # a media contributor or a service provider gives no aid
    ("Jamal Simmons is a Democratic consultant and a CNN contributor.", "07", False),
    ("Korea's biggest credit card provider is struggling to avoid bankruptcy.", "07", False),
    ("The United States is the leading international donor to Sudan.", "07", True),
    # idioms: hanging out, looking off into the distance, captured on video, seizing on
    ("When I was in college, we hung out in coffee shops, the senator said.", "18", False),
    ("The senator said nothing, looking off into the distance.", "09", False),
    ("The confrontation with the police was captured on video from several angles.", "17", False),
    ("Assad hung the rebel commanders in Damascus.", "18", True),
    # a candidate capturing a state wins it; suspending a campaign or accounts bans nothing
    ("Ted Cruz has captured Texas and Oklahoma.", "17", False),
    ("Israel captured East Jerusalem in 1967.", "17", True),
    ("The Florida senator suspended his presidential campaign on Tuesday.", "17", False),
    ("The company said it had suspended 125,000 Twitter accounts.", "17", False),
    ("France blocked Turkey's bid to join the European Union.", "17", True),
    # agreeing with a remark is an opinion, not an agreement
    ("Senator Bernie Sanders said he agrees with Ginsburg's remarks.", "03", False),
])
def test_idioms_and_conditions_that_are_no_event_of_their_root(text, root, happened):
    assert (root in _happened(text, "root")) is happened


@pytest.mark.parametrize("text, trigger", [
    # a plan named as the object governs the to-clause
    ("Washington announced plans last week to slap tariffs on Japanese electronic goods.", "slap"),
    # an act someone is due to do is arranged, not done
    ("The secretary of state is due to fly to Moscow next week.", "fly"),
    # the purpose of an act not yet done is not done either
    ("Congress needs to muster two-thirds of the votes to censure the president.", "censure"),
])
def test_acts_planned_or_purposed_have_not_happened(text, trigger):
    evs = [e for e in _events(text) if e.trigger == trigger]
    assert evs and all(e.modality != "actual" or e.root in ("03", "13") for e in evs), text
    assert not any(e.root in ("04", "11", "16") and e.happened for e in evs), text


def test_a_city_named_before_an_event_noun_is_where_it_was_not_who_did_it():
    for text in ("Republicans said the Paris terror attacks would change the race.",
                 "The couple worried that the Brussels attacks would harden attitudes."):
        assert not any(e.root in ("18", "19") and e.happened for e in _events(text)), text
    assert any(e.root == "19" and e.source.country == "FRA" for e in _events("French strikes hit Raqqa."))


def test_an_invitation_to_act_is_not_the_act():
    evs = [e for e in _events("The mayor welcomed the president to visit the city.") if e.trigger == "visit"]
    assert evs and not any(e.happened for e in evs)


@pytest.mark.parametrize("text, root, happened", [
    # an indirect question asks for an answer, not for an act
    ("A reporter asked the senator how he was feeling on caucus day.", "02", False),
    ("The minister asked Iran whether it would release the sailors.", "10", False),
    ("The senator asked how it is conservative to add a trillion dollars.", "02", False),
    ("The minister asked Iran to release the sailors.", "10", True),
    ("The US asked the World Trade Organisation to investigate the tariffs.", "02", True),
])
def test_a_question_is_no_appeal(text, root, happened):
    assert (root in _happened(text, "root")) is happened


def test_a_past_participle_with_a_by_agent_is_passive_however_it_was_parsed():
    # the parser makes "supported" the root with "the forces" as its subject
    evs = [e for e in _events("The forces of Chad, supported, trained and armed by Paris and Washington, "
                              "scored a major success.") if e.root == "07"]
    assert evs and not any(e.source and e.source.country == "TCD" and e.target and e.target.country
                           in ("FRA", "USA") for e in evs)
    assert {e.source.country for e in evs if e.trigger == "armed"} == {"FRA", "USA"}
    # a question put by someone is no appeal by them
    assert "02" not in _happened("Asked by the reporter if Clinton gets race, Sharpton avoided an answer.", "root")


def test_a_that_clause_hung_on_the_verb_takes_the_mood_of_the_demand_before_it():
    evs = [e for e in _events("The International Labor Office (ILO) reiterated its demand today that "
                              "Israel ease restrictions on the movement of Palestinian workers.")
           if e.trigger == "ease"]
    assert evs and not any(e.happened for e in evs)
    assert any(e.source.code == "IGOUNO" and e.root == "10" for e in _events(
        "The International Labor Office (ILO) reiterated its demand today that Israel ease restrictions."))
    assert "08" in _happened("The minister said that Israel had eased the restrictions on Gaza.", "root")


@pytest.mark.parametrize("text, code", [
    # a speaker's own act offered on a condition is announced all the same: an intent ...
    ("The rebel leaders said on Wednesday they would meet the UN mediator if he gave them a veto.",
     "036"),
    # ... or, for force, a threat
    ("The rebels said on Friday they would attack the town unless the army withdrew from it.",
     "138"),
])
def test_a_conditional_offer_of_ones_own_act_is_an_announcement(text, code):
    assert code in _happened(text)


@pytest.mark.parametrize("text", [
    # someone else's act on a condition is a forecast
    "Officials said on Wednesday the army would attack the town if the rebels refused to leave.",
    # the act itself in question
    "The minister said it was unclear if he would meet the Japanese prime minister on Friday.",
])
def test_a_forecast_or_a_question_announces_nothing(text):
    assert not _happened(text)


@pytest.mark.parametrize("text", [
    # a relative clause on "any"/"every"/"no" + noun tells of a kind, not of an act
    "The commission said any state which breaches the pact's rules would face heavy fines.",
    "The treaty says every country that attacks a member of the alliance faces sanctions.",
])
def test_a_relative_clause_on_a_kind_tells_of_no_act(text):
    assert not _happened(text)


def test_a_subject_naming_no_one_negates_its_clause_and_refuses_nothing():
    text = "No Contracting State shall expel or return a refugee to the frontiers of Syria."
    events = _events(text)
    assert events and all(e.negated for e in events)
    assert not _happened(text)
    assert not _happened("No country has recognised the new government in Kabul so far.")
    assert "13" in _happened("Turkey shall expel the Syrian refugees next week.", "root")  # a threat

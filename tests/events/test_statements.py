"""Statements about another actor: criticism, praise and plain comments from reporting verbs."""

from __future__ import annotations

import pytest

import flashpoint


def _events(text: str):
    return [e for e in flashpoint.code_text(text, date="2005-02-01").events
            if e.rule.startswith("verb:statement")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The French foreign minister said the German government's plan was a dangerous mistake.", "111"),
        ("The French foreign minister said the German government had shown courageous leadership.", "051"),
        ("The French foreign minister said the German government would present its budget on Monday.", "010"),
    ],
)
def test_judgement_of_the_complement_decides_the_code(text, code):
    evs = _events(text)
    assert [e.code for e in evs] == [code], evs
    assert evs[0].source.country == "FRA" and evs[0].target.country == "DEU"
    assert "government" in evs[0].target.text


def test_a_reported_event_is_not_also_a_statement():
    text = "The French foreign minister said German troops attacked the convoy."
    assert _events(text) == []
    assert any(e.root in ("18", "19") for e in flashpoint.code_text(text).events)


def test_a_statement_about_oneself_or_nobody_is_not_coded():
    assert _events("The French foreign minister said he was tired.") == []
    assert _events("The French foreign minister said the weather was a disaster.") == []


def test_negated_judgement_is_not_criticism():
    evs = _events("The French foreign minister said the German government was not wrong.")
    assert [e.code for e in evs] == ["010"]


def test_characterising_an_actor_is_criticism_or_praise():
    crit = _events("The French foreign minister called the German government a disgrace.")
    assert [e.code for e in crit] == ["111"] and crit[0].target.country == "DEU"
    praise = _events("The French foreign minister described the German chancellor as a courageous leader.")
    assert [e.code for e in praise] == ["051"]
    assert _events("The French foreign minister called the German chancellor on Monday.") == []


def test_speech_acts_deny_and_decline_comment():
    evs = flashpoint.code_text("The Home Office dismissed claims that the plan had failed.").events
    assert any(e.code == "016" for e in evs)
    evs = flashpoint.code_text("The Foreign Office refused to confirm the report.").events
    assert [e.code for e in evs] == ["011"]


def test_a_denied_clause_is_negated():
    evs = [e for e in flashpoint.code_text("The government denied that troops had fired on protesters.").events
           if e.trigger == "fired"]
    assert evs and all(e.negated and not e.happened for e in evs)


def test_a_place_the_clause_happens_in_is_not_commented_on():
    evs = _events("The French foreign minister said the plans were already in action in Canada.")
    assert not any(e.target and e.target.country == "CAN" for e in evs)


def test_warnings():
    evs = flashpoint.code_text("The Bar Council has warned there is a real risk of injustice.").events
    assert [e.code for e in evs] == ["012"]
    evs = flashpoint.code_text("The Lib Dems warned both parties against pandering to prejudice.").events
    assert any(e.code == "111" for e in evs)
    evs = flashpoint.code_text("Israel warned Iran that it would strike its nuclear sites.").events
    assert any(e.root == "13" for e in evs)


def test_negated_phrases_and_adjective_only_judgements():
    evs = _events("The French foreign minister said the German government's sums do not add up.")
    assert [e.code for e in evs] == ["111"]
    evs = _events("The French foreign minister said the German government was right to act.")
    assert [e.code for e in evs] == ["051"]
    evs = _events("The French foreign minister said the German government had the right to act.")
    assert [e.code for e in evs] == ["010"]


def test_a_plain_statement_is_about_the_clause_subject_or_object_only():
    evs = _events("The French foreign minister said the talks would resume after a visit by German officials.")
    assert not any(e.code == "010" and e.target and e.target.country == "DEU" for e in evs)
    # ... of the reported clause itself, not of a clause or phrase inside it
    for text in ("The French foreign minister said the issue that the German chancellor was dodging would not go away.",
                 "The French foreign minister said reaching an understanding with Germany could be difficult."):
        evs = _events(text)
        assert not any(e.code == "010" and e.target and e.target.country == "DEU" for e in evs), text


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a topic, or a kind of people, is no one commented on
        ("The French foreign minister told reporters there was no chance of forming a coalition.", None),
        ("The French foreign minister said workers would lose their jobs.", None),
        # ... and so is someone named by an indefinite phrase
        ("The French foreign minister said he would like to see a president of the French senate.", None),
        ("The French foreign minister said a civilian could not have known it.", None),
        # an amount of money is no one, however the entity recognizer tags it
        ("The Philippine minister said industrialised nations saved about 65 billion U.S. Dlrs in 1985.", None),
        # a named international body, or people the phrase places, are
        ("The French foreign minister said the United Nations had a plan for the region.", "IGO"),
        ("The French foreign minister said Russian intelligence services had hacked the servers.", "RUS"),
    ],
)
def test_a_plain_statement_is_about_someone_placed(text, target):
    found = [(e.target.country or e.target.code[:3]) for e in _events(text) if e.code == "010"]
    assert found == ([target] if target else [])


def test_a_minister_speaking_of_his_own_country_comments_on_no_one():
    evs = _events("Canada will raise the issue at the talks next month, the Canadian trade minister said.")
    assert not any(e.code == "010" and e.target and e.target.code == "CAN" for e in evs)


def test_a_judgement_word_naming_a_kind_of_thing_judges_no_one():
    evs = _events("The French foreign minister said Germany would propose that trade-distorting farm "
                  "subsidies be phased out.")
    assert evs and not any(e.code == "111" for e in evs)
    evs = _events("The French foreign minister said the German government's disastrous policy had failed.")
    assert any(e.code == "111" and e.target.country == "DEU" for e in evs)


def test_only_an_actor_can_be_told_what_it_should_do():
    evs = flashpoint.code_text("The French foreign minister said arts funding should be separate "
                               "from the state.", date="2005-02-01").events
    assert not any(e.root in ("02", "10") for e in evs)
    evs = flashpoint.code_text("The French foreign minister said Germany must cut its deficit.",
                               date="2005-02-01").events
    assert any(e.code == "100" and e.target.country == "DEU" for e in evs)


def test_a_preposition_hung_on_an_actor_object_and_a_passive_characterisation():
    evs = flashpoint.code_text("The French government warned both parties against provoking a crisis.",
                               date="2005-02-01").events
    assert any(e.code == "111" for e in evs)
    evs = flashpoint.code_text("The German government's plan was described as disgraceful by the French "
                               "government.", date="2005-02-01").events
    assert any(e.code == "111" and e.source.country == "FRA" for e in evs)
    # a preposition under a thing stays with the thing
    evs = flashpoint.code_text("The French parliament condemned the German chancellor's call for a ban.",
                               date="2005-02-01").events
    assert not any(e.code == "116" for e in evs)


def test_a_reporter_telling_the_news_makes_no_statement():
    evs = _events("The BBC's political correspondent said the German government would fall.")
    assert not any(e.code == "010" for e in evs)


def test_insisting_hosting_and_reviewing_need_the_right_objects():
    evs = flashpoint.code_text("The French president insisted that the plan was legal. The French president "
                               "hosted a dinner. The French president reviewed a proposal by the unions.",
                               date="2005-02-01").events
    assert not any(e.code in ("010", "043", "090") and e.happened for e in evs)


def test_words_of_force_that_criticise_need_someone_criticised():
    evs = flashpoint.code_text("The French president ripped the German chancellor over the deficit.",
                               date="2005-02-01").events
    assert any(e.code == "111" and e.target.country == "DEU" for e in evs)
    for text in ("French farmers ripped the flag.", "French companies are ripping off the German state."):
        evs = flashpoint.code_text(text, date="2005-02-01").events
        assert not any(e.code == "111" for e in evs), text

"""How news reports protests: who protests (a state complains, a crowd demonstrates), and the
ways a protest or strike under way is told."""

from __future__ import annotations

import flashpoint


def _happened(text: str) -> list[str]:
    """The codes of the events in ``text`` that happened."""
    return [e.code for e in flashpoint.code_text(text, date="2005-02-01").events if e.happened]


def _protests(text: str) -> bool:
    """Whether ``text`` has a protest (root 14) that happened."""
    return any(c.startswith("14") for c in _happened(text))


def test_a_state_protesting_complains_officially_and_people_protesting_demonstrate():
    for text in ("Norway protested to the European Union over the new fishing quotas.",
                 "The foreign ministry protested the expulsion of two of its diplomats.",
                 "Several governments, protesting the election fraud, recalled their envoys."):
        codes = _happened(text)
        assert "114" in codes and "141" not in codes, (text, codes)
    for text in ("Thousands of Norwegians protested against the fishing quotas in Oslo.",
                 "Nurses protested outside the health ministry on Friday."):
        assert "141" in _happened(text), text


def test_a_rally_in_a_sentence_about_shares_or_currencies_is_the_market_s():
    for text in ("The bond market extended its recent rally on Tuesday.",
                 "The yen slipped early in Tokyo trade before rallying to 104.2 per dollar.",
                 "Mining shares fell 3% before rallying in the afternoon."):
        assert not _protests(text), text
    assert "141" in _happened("Thousands of nurses staged a rally against the pay freeze in Leeds.")


def test_they_continues_the_crowd_a_sentence_or_two_before():
    text = ("A crowd of protesters waited outside the hospital on Monday. "
            "They carried placards calling for higher pay.")
    assert "141" in _happened(text)
    # "they" after ministers is no crowd: gathering in a lobby is no protest
    assert not _protests(
        "The foreign ministers arrived in Geneva on Monday. They gathered in the hotel lobby.")


def test_workers_said_to_be_striking_are_on_strike():
    assert "143" in _happened("Police fired rubber bullets at striking dockworkers in the port.")
    # the strike is under way whatever is said of the meeting
    assert "143" in _happened("The minister will meet striking nurses next week.")
    assert not _protests(
        "The striking resemblance between the two workers surprised the court.")


def test_a_crowd_disrupting_an_event_protests_and_rain_does_not():
    assert "141" in _happened("The mayor's speech was disrupted by a group of angry protesters.")
    assert "141" in _happened("Dozens of activists heckled the finance minister at the conference.")
    for text in ("The opening ceremony was disrupted by heavy rain.",
                 "The crowd booed the referee after the final whistle."):
        assert not _protests(text), text


def test_throwing_things_with_no_one_named_is_a_protest_only_in_one():
    assert "145" in _happened("Bottles were thrown at police as the protest turned into a brawl.")
    assert not _protests(
        "In court on Tuesday the accused even tried to throw a bottle at the photographers.")


def test_blocking_a_way_protests_unless_the_police_or_a_landslide_do_it():
    assert "144" in _happened("Fishermen blocked the main highway to the port, demanding fuel subsidies.")
    assert "144" in _happened("Hundreds of families blocked the railway line in protest at the evictions.")
    for text in ("The opposition obstructed the president's agenda in the Senate.",
                 "Riot police blocked the roads leading to the square.",
                 "A landslide blocked the highway near the border."):
        assert not _protests(text), text


def test_a_protest_said_to_erupt_or_continue_took_place_in_its_verb_s_mood():
    for text in ("Riots broke out in two northern towns overnight.",
                 "Street protests spread to the port city on Thursday.",
                 "A general strike paralysed the capital on Monday."):
        assert _protests(text), text
    for text in ("Officials fear that protests could spread to the capital.",
                 "No demonstrations took place on Sunday.",
                 "Whenever protests erupt, the police respond with force."):
        assert not _protests(text), text


def test_a_rally_one_person_holds_or_is_held_for_is_a_campaign_event():
    for text in ("Senator Maria Delgado held a rally in Fresno on Saturday, two days before the primary.",
                 "Maria Delgado is barnstorming the state, holding three rallies a day.",
                 "Voters waited for hours at her rallies in Ohio last week.",
                 "Thousands of supporters cheered on Monday at a rally for Senator Maria Delgado in Fresno."):
        assert not _protests(text), text
    for text in ("Thousands of farmers held a rally against the new tax in Fresno.",
                 "Senator Maria Delgado held a rally against the war in Fresno on Saturday."):
        assert _protests(text), text


def test_a_hunger_strike_continued_or_joined_is_one():
    for text in ("Islamic fundamentalists continued their hunger strike to demand the release of their leader.",
                 "The union leader joined a hunger strike by miners on Monday to press for higher wages."):
        assert "142" in _happened(text), text

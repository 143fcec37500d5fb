"""The article's country: evidence, the decision rule, and lists of countries."""

from __future__ import annotations

from flashpoint.actors import context
from flashpoint.actors.context import Evidence


def _ev(*pairs: tuple[str, float]) -> list[Evidence]:
    return [Evidence(c, w, "country") for c, w in pairs]


def test_a_clear_leader_wins_and_a_spread_story_has_no_country():
    assert context.decide(_ev(("GBR", 5), ("FRA", 1))) == "GBR"
    assert context.decide(_ev(("USA", 4), ("IRN", 3.5), ("IRQ", 3))) is None
    assert context.decide(_ev(("GBR", 1))) is None  # too little evidence


def test_a_strong_leader_wins_over_many_minor_countries():
    minor = [(c, 1.0) for c in ("USA", "IRQ", "PRK", "FRA", "PRT", "KEN", "NGA", "ZAF", "LSO", "BHS", "MDG")]
    assert context.decide(_ev(("GBR", 8), *minor)) == "GBR"


def test_countries_in_one_list_share_a_mention():
    import flashpoint

    text = ("Britain will close embassies in the Bahamas, East Timor, Madagascar and Swaziland, "
            "the UK foreign secretary said. Britain's Foreign Office said the posts cost too much. "
            "Ministers said the savings would be spent on consulates in Iraq.")
    coded = flashpoint.code_text(text, date="2005-03-01")
    ministers = [a for a in coded.actors if a.name.lower().startswith("minister")]
    assert ministers and ministers[0].country == "GBR" and ministers[0].country_source == "context"


def test_without_an_article_country_a_domestic_actor_takes_its_sentences_one_country():
    import flashpoint

    coded = flashpoint.code_text("Kenyan police arrested dozens of protesters outside parliament on Monday.",
                                 date="2010-05-03")
    codes = {a.name: (a.code, a.country_source) for a in coded.actors}
    assert codes["protesters"] == ("KENOPP", "context")


def test_a_counterpart_country_and_foreign_actors_give_no_sentence_country():
    import flashpoint

    coded = flashpoint.code_text("Cardinal John Okafor called for sanctions against Zimbabwe on Sunday.",
                                 date="2010-05-03")
    assert next(a for a in coded.actors if a.name == "John Okafor").country is None
    coded = flashpoint.code_text("Other countries criticised the Danish government on Monday.", date="2010-05-03")
    assert next(a for a in coded.actors if a.name == "Other countries").country is None


def test_without_an_article_country_what_a_state_acts_on_is_of_that_state():
    import flashpoint

    coded = flashpoint.code_text("Zimbabwe's government ordered the private newspaper Daily Gazette to stop printing.",
                                 date="2010-05-03")
    assert any(e.target and e.target.code == "ZWEMED" for e in coded.events)
    coded = flashpoint.code_text("The Malian government accepted demands from Tuareg rebels on Friday.",
                                 date="2010-05-03")
    assert any(e.target and e.target.code == "MLIREB" for e in coded.events)
    # a sentence naming another country says nothing of whose they are
    coded = flashpoint.code_text("The Malian government accepted demands from Tuareg rebels, Algerian mediators said.",
                                 date="2010-05-03")
    assert any(e.target and e.target.code == "REB" for e in coded.events)


def test_without_an_article_country_a_judge_acting_on_a_states_officers_is_of_that_state():
    import flashpoint

    coded = flashpoint.code_text("Judge Maria Lopez opened bribery inquiries against 12 Peruvian army officers, "
                                 "the court said on Tuesday.", date="2010-05-03")
    judge = next(a for a in coded.actors if a.name == "Maria Lopez")
    assert (judge.code, judge.country_source) == ("PERJUD", "context")
    # officers posted abroad are another state's business
    coded = flashpoint.code_text("Police detained two Bolivian diplomats accused of smuggling, officials said.",
                                 date="2010-05-03")
    assert next(a for a in coded.actors if a.name == "Police").country is None

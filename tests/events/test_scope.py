"""What political event data leaves out: the news media's own business (interviews, reports,
reporters' questions) and companies' dealings with each other."""

from __future__ import annotations

import flashpoint


def _happened(text: str) -> list[tuple[str, str | None, str | None]]:
    """(code, source code, target code) of the events in ``text`` that happened."""
    return [(e.code, e.source.code if e.source else None, e.target.code if e.target else None)
            for e in flashpoint.code_text(text, date="2016-04-12").events if e.happened]


def _roots(text: str) -> set[str]:
    return {code[:2] for code, _, _ in _happened(text)}


def test_talking_to_a_news_outlet_is_no_consultation():
    for text in ("The Kenyan finance minister spoke to CNN on Tuesday about the new budget.",
                 "Speaking to the BBC's Jane Porter in Nairobi, the Kenyan finance minister defended the budget.",
                 "The Kenyan finance minister met reporters from Reuters in Nairobi on Tuesday.",
                 "The Kenyan finance minister went further in a Fox interview on Tuesday."):
        assert "04" not in _roots(text), (text, _happened(text))
    assert "04" in _roots("The Kenyan finance minister met the Ugandan trade minister in Nairobi.")


def test_a_news_outlet_reporting_or_asking_makes_no_statement_appeal_or_accusation():
    for text in ("The Daily Herald said the Kenyan finance minister had misled parliament.",
                 "A CNN reporter asked the Kenyan finance minister whether he would resign.",
                 "A reporter asked the Kenyan finance minister about the budget."):
        assert not _roots(text) & {"01", "02", "10", "11"}, (text, _happened(text))


def test_what_is_done_to_journalists_stays_an_event():
    assert "17" in _roots("Kenyan police arrested two BBC journalists in Nairobi on Tuesday.")


def test_broadcasters_and_papers_known_by_name_are_media():
    for name in ("MSNBC", "CNN", "the Union Leader"):
        actors = flashpoint.code_text(f"{name} reported the vote on Tuesday.", date="2016-04-12").actors
        assert any(a.agent == "MED" for a in actors), (name, actors)


def test_a_company_s_dealings_with_companies_or_nothing_are_no_political_events():
    for text in ("Boltmark Industries Inc said it had agreed to buy the Dutch firm Vandenhoek Group for 90 million dollars.",
                 "The company pledged to cut costs by 300 million dollars a year.",
                 "Harvel Motors Corp warned that earnings would fall by 8% this year."):
        assert not _happened(text), (text, _happened(text))


def test_a_company_acting_on_a_state_or_pressing_the_state_stays_an_event():
    assert _happened("Boltmark Industries Inc accused the Kenyan government of breaking the contract.")
    assert _happened("Boltmark Industries Inc demanded government subsidies for its plants.")
    assert _happened("The steel companies called for an end to the petrol tax.")
    assert not _happened("Boltmark Industries Inc demanded higher prices for its steel.")


def test_a_central_bank_or_a_development_bank_is_no_company():
    codes = _happened("Zambia's central bank has filed a lawsuit against a private bank in Lusaka.")
    assert codes and codes[0][1] == "ZMBGOV", codes
    codes = _happened("The Kenyan finance ministry signed a loan agreement with the African Development Bank.")
    assert any(target and target.startswith("IGO") for _, _, target in codes), codes

"""Event senses added for PLOVER recall: verdicts, condemnation as a noun, refuge, aid flown in,
borders opened to refugees, release, attacks kept up, cyber warfare, warrants, honours, meals with
someone, ambassadors received and investigations joined."""

from __future__ import annotations

import flashpoint


def _happened(text: str) -> list[tuple[str, str | None, str | None]]:
    """(code, source text, target text) of the events in ``text`` that happened."""
    return [(e.code, e.source.text if e.source else None, e.target.text if e.target else None)
            for e in flashpoint.code_text(text, date="2019-05-01").events if e.happened]


def _codes(text: str) -> set[str]:
    return {code for code, _, _ in _happened(text)}


def _coded(code: str, target: str, text: str) -> bool:
    """Whether ``text`` has an event of ``code`` whose target text contains ``target``."""
    return any(c == code and tgt and target in tgt for c, _, tgt in _happened(text))


def test_finding_someone_guilty_is_a_verdict_against_them():
    assert ("116", "The Kenyan court", "the Ugandan minister") in _happened(
        "The Kenyan court found the Ugandan minister guilty of fraud.")
    assert "116" not in _codes("The Kenyan court found the documents in a safe.")


def test_expressing_condemnation_of_something_criticises_it():
    assert _coded("111", "Chilean", "Peru expressed its strong condemnation of the Chilean raid.")


def test_seeking_refuge_in_a_country_asks_it_for_protection():
    assert _coded("023", "Chad", "Thousands of Sudanese civilians have sought refuge in Chad.")


def test_aid_flown_into_a_country_is_aid_to_it():
    assert _coded("070", "Haiti", "The Red Cross flew 20 tons of medicine into Haiti.")


def test_opening_borders_to_refugees_admits_them():
    assert "075" in _codes("Poland opened its borders to refugees from Ukraine.")
    assert "075" not in _codes("Poland opened its borders to trade with Ukraine.")


def test_letting_prisoners_free_releases_them():
    assert "0841" in _codes("Eritrea let free 40 political prisoners on Monday.")


def test_keeping_up_an_attack_is_attacking():
    assert any(code.startswith("19") and tgt and "Idlib" in tgt for code, _, tgt in _happened(
        "Syrian forces continued their attacks on the town of Idlib."))
    for text in ("The Kenyan teachers continued their strike against the government.",
                 "The Kenyan senator continued his attacks against the Ugandan judge."):
        assert not any(code.startswith("19") for code in _codes(text))


def test_waging_cyber_warfare_attacks():
    assert _coded("190", "Estonia", "Russia launched cyber warfare against Estonia.")


def test_a_warrant_for_someone_is_an_arrest_order():
    assert _coded("173", "Carlos Ghosn", "A Tokyo court issued an arrest warrant for Carlos Ghosn.")


def test_an_honour_conferred_on_someone_praises_them():
    assert _coded("051", "Angela Merkel", "France awarded its highest medal to German Chancellor Angela Merkel.")
    assert "051" not in _codes("France awarded a contract to a German company.")


def test_a_meal_with_someone_is_a_meeting():
    assert _coded("040", "Macron", "The Kenyan president had lunch with French President Emmanuel Macron.")
    assert "040" not in _codes("The Kenyan actor held a dinner party in Paris to promote the Lyric Theatre.")
    assert "040" not in _codes("The Kenyan president attends the Correspondents' Dinner in Nairobi.")


def test_receiving_an_ambassador_hosts_them():
    assert _coded("043", "ambassador", "The Kenyan president received the German ambassador on Monday.")


def test_joining_an_investigation_investigates():
    assert _coded("090", "Boeing", "The FBI has joined a criminal investigation of the Boeing company.")


def test_ordering_someone_jailed_or_a_paper_suspended_is_the_act_itself():
    assert _coded("173", "opposition leader", "The Kenyan president ordered the police to arrest the opposition leader.")
    assert _coded("172", "newspaper", "The Kenyan government ordered the opposition newspaper to suspend publication.")


def test_offering_criticism_criticises_and_handing_over_aid_gives_it():
    assert _coded("111", "Maltese", "The Kenyan delegation offered scathing criticism of the Maltese government.")
    assert _coded("070", "Nepalese", "Japan handed over 500 tents to the Nepalese government.")


def test_the_guests_of_a_visit_are_where_they_come_from():
    assert ("043", "The Ghanaian president", "Nigeria") in _happened(
        "The Ghanaian president received a delegation from Nigeria on Monday.")
    assert _coded("043", "the African Union", "The Ghanaian president received a mission of experts from the African Union.")


def test_handing_over_intelligence_or_sharing_expertise_shares_information():
    assert ("064", "Britain", "Ukraine") in _happened("Britain passed intelligence to Ukraine last year.")
    assert _coded("064", "Ghana", "Nigeria has been sharing expertise with Ghana on border security.")
    assert "064" not in _codes("The ministry provided information to reporters on Monday.")

"""Giving way (CAMEO 08), calls for someone else to act (02/10), and the mood they set."""

from __future__ import annotations

import flashpoint


def _events(text: str):
    return flashpoint.code_text(text, date="2019-05-01").events


def _happened(text: str) -> list[tuple[str, str | None, str | None]]:
    """(code, source country, target country) of the events in ``text`` that happened."""
    return [(e.code, e.source.country if e.source else None, e.target.country if e.target else None)
            for e in _events(text) if e.happened]


def _codes(text: str) -> list[str]:
    """The codes of the events in ``text`` that happened."""
    return [code for code, _, _ in _happened(text)]


def test_accepting_demands_and_granting_requests_is_yielding_to_who_asked():
    assert ("080", "CHL", "CHL") in _happened("Chile's government accepted the demands of striking miners in Chile.")
    assert any(code == "080" and tgt == "FRA" for code, _, tgt in
               _happened("The German minister approved a request from France for more troops."))
    assert "080" in _codes("The Kenyan court granted the police permission to hold the suspect.")
    # economic demand is no one's demand
    assert "080" not in _codes("Kenya's farmers accepted the demand for maize would fall.")


def test_giving_in_and_easing_tariffs_yield():
    assert "080" in _codes("The Peruvian government gave in to the truckers.")
    assert ("085", "USA", "CHN") in _happened("The U.S. cut tariffs on Chinese steel.")
    assert not any(code.startswith("08") for code in _codes("The company cut prices."))


def test_troops_leaving_a_country_withdraw_from_it():
    assert ("0874", "USA", "SYR") in _happened("American troops have started leaving Syria.")
    assert "0874" not in _codes("The bankers left London for Paris.")


def test_resigning_is_yielding_and_resigning_oneself_is_not():
    assert "083" in _codes("Peru's interior minister resigned on Sunday.")
    assert "083" not in _codes("The minister resigned himself to defeat.")


def test_a_hyphenated_cease_fire_is_a_ceasefire():
    assert any(code.startswith("087") or code == "057" for code, _, _ in
               _happened("The Afghan president announced a three-day cease-fire with the Taliban."))


def test_a_for_to_clause_is_what_is_called_for_not_what_happened():
    evs = _events("The opposition called for Israel to withdraw its troops from Gaza.")
    call = [e for e in evs if e.trigger == "called"]
    assert call and call[0].root == "10" and call[0].target.country == "ISR"
    assert not any(e.trigger == "withdraw" and e.happened for e in evs)
    # stepping up is no stepping down
    assert not any(e.code == "1041" for e in
                   _events("The senator called for the United States to step up its efforts."))


def test_a_bare_verb_under_a_demand_did_not_happen():
    evs = _events("Protesters in Lima demanded that the president step down.")
    assert not any(e.root == "08" and e.happened for e in evs)


def test_a_conjunct_shares_the_mood_of_its_first_verb():
    evs = _events("The party called for him to apologise for the remark and withdraw it.")
    assert not any(e.trigger in ("apologise", "withdraw") and e.happened for e in evs)
    done = _events("Rebels attacked the town and killed ten soldiers.")
    assert any(e.trigger == "killed" and e.happened for e in done)


def test_coordinated_sources_do_not_act_on_each_other_unless_the_act_is_mutual():
    evs = _events("Nine British embassies and consulates will close, the foreign secretary said.")
    assert not any(e.source and e.target and e.source.text != e.target.text
                   and {e.source.text, e.target.text} <= {"Nine British embassies", "consulates"}
                   for e in evs)
    clash = [e for e in _events("Police and protesters clashed in Cairo.") if e.root in ("14", "19")]
    assert clash


def test_speaking_to_reporters_is_no_consultation_and_briefing_leaders_is():
    assert "040" not in _codes("The French president spoke to reporters in Paris on Monday.")
    assert "040" not in _codes("The French president was talking to supporters in Lyon.")
    assert ("040", "USA", "USA") in _happened("The U.S. defense secretary briefed senators on Tuesday.")
    assert "040" not in _codes("The U.S. defense secretary briefed reporters on Tuesday.")


def test_a_participle_keeps_the_sense_of_its_noun_and_an_inclination_is_no_act():
    assert not any(code.startswith("08") for code in
                   _codes("A report released by the Australian trade ministry showed growth."))
    assert "0841" in _codes("Five prisoners released by Israel returned home to Gaza.")
    assert "051" not in _codes("The Democratic senator said he is inclined to endorse Clinton.")
    assert "011" in _codes("A spokesman for the French ministry declined to address the report.")


def test_a_threat_needs_the_force_the_act_would_need():
    assert not any(code.startswith("13") for code in
                   _codes("The Canadian prime minister said his government will fight for every vote."))
    assert "138" in _codes("Israel said it would attack Hamas positions in Gaza.")


def test_demonstrating_something_is_no_demonstration():
    for text in ("The party will not take for granted the confidence the French people have demonstrated.",
                 "It was a victory for the whole country, as was demonstrated by the French team."):
        assert not any(code.startswith("14") for code in _codes(text)), text
    assert "141" in _codes("French students demonstrated outside the embassy on Monday.")


def test_arriving_together_is_no_visit_to_each_other():
    evs = [e for e in _events("The French president and the French prime minister arrived in Lyon on Monday.")
           if e.code == "042"]
    assert evs and all(e.target is None or e.target.text == "Lyon" for e in evs)


def test_supporting_someones_plan_supports_them():
    assert any(code == "051" and tgt == "GRC" for code, _, tgt in
               _happened("The UN refugee agency supports the Greek government's plans for the islands."))
    assert "051" not in _codes("American Republicans support deportation.")


def test_people_named_by_what_they_are_or_suffer_are_targets():
    evs = _events("Iranian police tortured a 35-year-old inmate to death in western Iran.")
    assert any(e.root == "18" and e.target and "inmate" in e.target.text for e in evs)
    assert any(code == "030" and tgt == "LBR" for code, _, tgt in
               _happened("Australia has agreed to lend up to $1 billion to Liberia."))


def test_refusing_to_cooperate_with_someone_rejects_them():
    # the refusal happened even though the act refused did not: 12x towards the act's target
    assert ("122", "DEU", "IRQ") in _happened("Germany has refused to send peacekeepers to Iraq.")
    assert ("124", "CAN", "IRN") in _happened("Canada refused to lift its sanctions on Iran.")
    # a refusal that did not happen, or only might, rejects no one
    assert not any(code.startswith("12") for code in _codes("Germany did not refuse to send peacekeepers to Iraq."))
    assert not any(code.startswith("12") for code in _codes("Germany may refuse to send peacekeepers to Iraq."))


def test_approving_a_plan_is_an_agreement_only_with_someone():
    assert "057" not in _codes("The Dutch cabinet approved a plan to build three new dikes on Monday.")
    assert "057" in _codes("Ghana approved a plan with Togo on the shared border crossing.")
    assert "057" in _codes("Ghana approved a trade deal on Monday.")


def test_forcing_an_agency_or_monitors_out_expels_them():
    assert "1663" in _codes("The junta kicked out the foreign aid agencies on Monday.")
    assert "166" in _codes("Khartoum forced the UN monitors out of the province.")
    assert not {"1663", "166"} & set(_codes("The crowd forced the workers out of the factory."))


def test_a_passive_act_of_coordinated_actors_is_not_on_each_other():
    pairs = _happened("The islands, disputed by Ghana and Togo, lie off the coast.")
    assert ("110", "GHA", "TGO") not in pairs and ("110", "TGO", "GHA") not in pairs
    assert ("110", "GHA", None) in pairs

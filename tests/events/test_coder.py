"""Event coder on invented sentences: voice, coordination, control, particles, negation, modality."""

from __future__ import annotations

import pytest

from flashpoint.records import Article


def events_of(pipeline, text: str):
    doc = pipeline.code_doc(Article(id="t", text=text))
    return doc._.events


def find(events, root=None, code=None, trigger=None):
    return [
        e
        for e in events
        if (root is None or e.root == root)
        and (code is None or e.code == code)
        and (trigger is None or e.trigger == trigger)
    ]


def arg(event, side):
    value = getattr(event, side)
    return value.text if value else None


def test_active_voice_source_and_target(pipeline):
    evs = find(events_of(pipeline, "Police arrested three opposition leaders in the capital."), root="17")
    assert evs and evs[0].code == "173"
    assert arg(evs[0], "source") == "Police"
    assert "leaders" in arg(evs[0], "target")
    assert evs[0].happened


def test_passive_voice_swaps_arguments(pipeline):
    evs = find(events_of(pipeline, "Five villagers were killed by rebel fighters on Monday."), trigger="killed")
    assert evs
    assert "rebel fighters" in arg(evs[0], "source")
    assert "villagers" in arg(evs[0], "target")


def test_coordinated_sources_give_one_event_each(pipeline):
    evs = find(events_of(pipeline, "Canada and Norway imposed sanctions on the junta."), root="16")
    assert {arg(e, "source") for e in evs} == {"Canada", "Norway"}
    assert all("junta" in arg(e, "target") for e in evs)


def test_coordinated_targets(pipeline):
    evs = find(events_of(pipeline, "The minister condemned Ruritania and Freedonia."), code="111")
    assert {arg(e, "target") for e in evs} == {"Ruritania", "Freedonia"}


def test_control_threat_is_actual_and_threatened_action_is_not(pipeline):
    evs = events_of(pipeline, "The general threatened to attack the rebel stronghold.")
    threats = find(evs, root="13")
    assert threats and threats[0].code == "138" and threats[0].happened
    assert arg(threats[0], "source") == "The general"
    attacks = [e for e in evs if e.root in ("18", "19")]
    assert attacks and all(not e.happened for e in attacks)
    # What force is threatened against stays the target of the use of force.
    assert "stronghold" in arg(attacks[0], "target")


def test_object_control_request(pipeline):
    evs = find(events_of(pipeline, "The council urged the army to release the detained students."), root="10")
    assert evs and arg(evs[0], "source") == "The council"
    assert arg(evs[0], "target") == "the army"


@pytest.mark.parametrize(
    ("text", "root", "code"),
    [
        ("The opposition called for new elections.", "02", None),  # CAMEO: calling for is an appeal
        ("The opposition called on the government to resign.", "10", None),
        ("The union called off the planned talks with the employers.", "16", None),
    ],
)
def test_particles_and_prepositions_of_call(pipeline, text, root, code):
    evs = find(events_of(pipeline, text), trigger="called")
    assert evs, text
    assert evs[0].root == root


def test_call_on_targets_the_prepositional_object(pipeline):
    evs = find(events_of(pipeline, "The mayor called on the protesters to go home."), trigger="called")
    assert evs and arg(evs[0], "target") == "the protesters"


def test_negation_of_trigger(pipeline):
    evs = [e for e in events_of(pipeline, "The rebels did not attack the convoy.") if e.root in ("18", "19")]
    assert evs and all(e.negated for e in evs)


def test_without_negates_its_clause(pipeline):
    text = "The army withdrew from the town without attacking the rebels."
    evs = [e for e in events_of(pipeline, text) if e.root in ("18", "19")]
    assert evs and all(e.negated and not e.happened for e in evs)


def test_denial_negates_the_denied_action(pipeline):
    evs = [e for e in events_of(pipeline, "The ministry denied attacking the tanker.") if e.root in ("18", "19")]
    assert evs and all(e.negated and not e.happened for e in evs)


def test_conditional_is_hypothetical(pipeline):
    evs = [e for e in events_of(pipeline, "If the talks fail, the army could bomb the bridges.") if e.root == "18"]
    assert evs and all(e.modality == "hypothetical" for e in evs)


def test_future_cooperation_is_an_intent(pipeline):
    evs = events_of(pipeline, "The government said it would release the detained journalists.")
    intents = [e for e in evs if e.code == "035"]
    assert intents and intents[0].happened
    # One predicate, one event: the intent is coded, the release itself is not (yet) an event.
    assert not any(e.root == "08" and e.happened for e in evs)
    # The pronoun subject of the reported clause stands for the reporter.
    assert arg(intents[0], "source") == "The government"


def test_event_noun_with_possessor_and_target(pipeline):
    evs = find(events_of(pipeline, "Syria's air strikes on the border town were condemned."), code="195")
    assert evs
    assert "Syria" in arg(evs[0], "source")
    assert "town" in arg(evs[0], "target")


def test_relative_clause_subject(pipeline):
    evs = find(events_of(pipeline, "The militia, which shelled the village, withdrew."), code="194")
    assert evs and "militia" in arg(evs[0], "source")
    assert "village" in arg(evs[0], "target")


def test_a_thing_that_does_something_in_a_relative_clause_is_no_actor(pipeline):
    # who violated the statutes is not who the statutes prohibit from
    text = "The senator asked whether the minister violated statutes that prohibit destruction of records."
    assert not find(events_of(pipeline, text), trigger="prohibit")
    # ... but who passed the resolution is who it condemns through
    evs = find(events_of(pipeline, "The parliament passed a resolution that condemns Russia."), trigger="condemns")
    assert evs and "parliament" in arg(evs[0], "source") and "Russia" in arg(evs[0], "target")


def test_a_concern_that_names_an_actor_targets_it(pipeline):
    evs = [e for e in events_of(pipeline, "Washington voiced concern that conditions in Burma have not improved.")
           if e.root == "11"]
    assert evs and "Burma" in arg(evs[0], "target")


def test_reported_speech_attribution(pipeline):
    evs = find(events_of(pipeline, "The spokesman said the rebels attacked the convoy."), trigger="attacked")
    assert evs and "spokesman" in (evs[0].attributed_to or "")


def test_record_fields_and_spans(pipeline):
    text = "Protesters hurled stones at the police station."
    evs = find(events_of(pipeline, text), root="14")
    assert evs
    ev = evs[0]
    assert ev.code == "145" and ev.plover == "PROTEST" and ev.quad_class == 4
    assert text[ev.span[0] : ev.span[1]] == ev.trigger == "hurled"
    s, e = ev.target.span
    assert text[s:e] == ev.target.text
    assert ev.rule.startswith("verb:") and 0 < ev.confidence <= 1
    assert len(ev.id) == 16
    assert ev.to_dict()["source"]["text"] == "Protesters"


def test_quantities_in_the_event_clause(pipeline):
    evs = find(events_of(pipeline, "The ministry sent 1,200 troops to the northern border."), root="15")
    assert evs
    assert any(q.value == 1200 for q in evs[0].quantities)


def test_refusing_cooperation_is_a_rejection(pipeline):
    evs = events_of(pipeline, "Peru and Chile failed to reach an agreement on fishing rights.")
    rejections = [e for e in evs if e.root == "12" and e.happened]
    assert rejections and rejections[0].rule.startswith("refusal:")
    signed = [e for e in evs if e.code == "057"]
    assert signed and all(e.negated for e in signed)


def test_reported_obligation_is_a_demand(pipeline):
    evs = events_of(pipeline, "The envoy said the militia must withdraw from the port.")
    demands = [e for e in evs if e.root == "10"]
    assert demands
    assert arg(demands[0], "source") == "The envoy"
    assert arg(demands[0], "target") == "the militia"


def test_needs_to_is_an_obligation_too(pipeline):
    evs = events_of(pipeline, "The envoy said the army needs to release the detained students.")
    demands = [e for e in evs if e.root == "10"]
    assert demands and arg(demands[0], "source") == "The envoy"
    assert arg(demands[0], "target") == "the army"


def test_light_verb_takes_the_code_of_its_event_noun(pipeline):
    evs = events_of(pipeline, "The senator launched a scathing attack on the governor.")
    assert any(e.code == "111" and "governor" in arg(e, "target") for e in evs)
    assert not any(e.root in ("18", "19") and e.happened for e in evs)


def test_dateline_is_not_the_subject(pipeline):
    evs = find(events_of(pipeline, "BERLIN -- A court in Bavaria has convicted two smugglers."), root="11")
    assert evs and arg(evs[0], "source").startswith("A court")


def test_a_date_is_not_a_preposition_argument(pipeline):
    evs = find(events_of(pipeline, "The president called the prime minister on Monday."), trigger="called")
    assert evs and evs[0].root == "04"


def test_obligation_subject_misattached_by_the_parser_is_still_the_addressee(pipeline):
    text = "The minister said the army had failed to stop attacks on aid convoys and Kabul needs to act quickly."
    demands = [e for e in events_of(pipeline, text) if e.root == "10"]
    assert [arg(e, "target") for e in demands] == ["Kabul"]
    assert arg(demands[0], "source") == "The minister"


def test_possible_obligation_and_without_clauses_are_not_events_of_their_own(pipeline):
    text = ("The general said, without giving details, that the country might have to "
            "send more troops.")
    evs = events_of(pipeline, text)
    assert not [e for e in evs if e.root in ("10", "12")]


def test_we_in_a_quotation_is_the_speakers_side(pipeline):
    text = ('Turkish Defence Minister Hulusi Akar spoke in Ankara. '
            '"We will strike the militants in northern Syria," Akar said.')
    evs = [e for e in events_of(pipeline, text) if e.trigger == "strike"]
    assert evs and evs[0].source is not None and evs[0].source.country == "TUR"


def test_the_noun_a_passive_participle_describes_is_its_object(pipeline):
    evs = events_of(pipeline, "The poisonous gas used by the militants killed 20 villagers in Syria.")
    used = find(evs, trigger="used")
    assert used and used[0].code == "2041" and used[0].source.text == "the militants"


def test_thing_target_dropped_when_the_pair_acts_on_each_other(pipeline):
    # "Norway and Chile signed a treaty": Norway -> Chile and back, not Norway -> "a treaty".
    evs = find(events_of(pipeline, "Norway and Chile signed a fisheries treaty on Tuesday."), root="05")
    assert {(e.source.code, e.target.code if e.target else None) for e in evs} == {
        ("NOR", "CHL"), ("CHL", "NOR")}


def test_thing_target_dropped_beside_a_coded_target(pipeline):
    evs = find(events_of(pipeline, "Rebel gunmen killed four Kenyan soldiers as well as themselves."), trigger="killed")
    assert evs and all(e.target is not None and e.target.code for e in evs)
    assert any(e.target.country == "KEN" for e in evs)


def test_two_triggers_of_one_act_give_one_event(pipeline):
    # "agreed to lift": one act of intent between Congress and Ruritania, not two of root 03
    evs = events_of(pipeline, "The Senate agreed to lift the embargo on Ruritania on Monday.")
    intents = [e for e in evs if e.root == "03" and e.happened]
    assert len(intents) == 1
    assert intents[0].target is not None and intents[0].target.text == "Ruritania"


@pytest.mark.parametrize(
    ("text", "root", "target_country"),
    [
        # the one complained about, not the one complained to
        ("Chile complained to the United Nations over Peruvian air raids on Monday.", "11", "PER"),
        # an embassy opened in a country is relations with it
        ("Norway has reopened its embassy in Kenya after ten years.", "05", "KEN"),
        # strengthening forces somewhere mobilises against that place
        ("Turkey has strengthened its forces in Syria this month.", "15", "SYR"),
        # a target phrase hanging on a coordinated object
        ("The army launched artillery, mortar and rocket fire against Ugandan rebel camps.", "19", "UGA"),
        # a blockade given as a noun is a blockade of its object's "of" phrase, by an alliance too
        ("The alliance tightened its naval blockade of Yemen on Monday.", "19", "YEM"),
    ],
)
def test_target_of_complaints_embassies_forces_and_barrages(pipeline, text, root, target_country):
    evs = [e for e in events_of(pipeline, text) if e.root == root and e.happened]
    assert any(e.target is not None and e.target.country == target_country for e in evs), \
        [(e.code, e.source, e.target) for e in evs]
    assert not any(e.target is not None and e.target.text in ("artillery", "the United Nations") for e in evs)


def test_he_or_they_before_a_reporter_is_not_the_reporter(pipeline):
    # "..., when they blew themselves up, police said": "they" are not the police
    evs = events_of(pipeline, "Two Kurdish gunmen killed four guards when they blew themselves up "
                              "in the market, police said.")
    assert not any(e.source is not None and e.source.text == "police" for e in evs)
    # "I" and "it" before the reporter still stand for the reporter
    evs = events_of(pipeline, "It will impose sanctions on Ruritania, the ministry said.")
    assert any(e.root == "13" and e.source is not None and e.source.text == "the ministry" for e in evs)


def test_demand_target_behind_an_action_noun_not_in_the_reporting_frame(pipeline):
    # "the withdrawal of X from Y" is X's; ", diplomats quoted ..." reports the demand
    evs = find(events_of(pipeline, "Nordic foreign ministers demanded the withdrawal of Ruritanian "
                                   "troops from Freedonia on Monday, diplomats quoted a statement as saying."),
               trigger="demanded")
    assert evs and all(e.target is not None and "troops" in e.target.text for e in evs)


def test_protest_noun_takes_the_target_of_its_purpose_clause(pipeline):
    evs = [e for e in events_of(pipeline, "Thousands of Kenyan students staged rallies on Friday to demand "
                                          "the resignation of President Mwangi's government.")
           if e.root == "14" and e.happened]
    assert evs and any(e.target is not None and "government" in e.target.text for e in evs)

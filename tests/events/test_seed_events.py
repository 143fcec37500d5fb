"""Events of the reference article (a Reuters story of 2 January 2020); skipped without ../shared."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def seed_events(pipeline, seed_article):
    return pipeline.code_doc(seed_article)._.events


def _text(ev, side):
    value = getattr(ev, side)
    return (value.text if value else None) or ""


def _has(events, root, source=None, target=None, trigger=None, happened=True):
    for ev in events:
        if ev.root != root or (happened and not ev.happened):
            continue
        if source and source not in _text(ev, "source"):
            continue
        if target and target not in _text(ev, "target"):
            continue
        if trigger and ev.trigger != trigger:
            continue
        return ev
    return None


@pytest.mark.shared
def test_air_strikes_on_kataib_hezbollah(seed_events):
    assert _has(seed_events, "19", source="American", target="bases")
    assert _has(seed_events, "19", source="U.S.")


@pytest.mark.shared
def test_missile_attacks_and_killings(seed_events):
    ev = _has(seed_events, "18", target="25 people")
    assert ev and any(q.value == 25 for q in ev.quantities)
    # "missile attacks that killed a U.S. contractor" names no attacker: an event needs a
    # resolved actor as its source, so the killing is not reported with an unknown one.
    assert all(e.source and e.source.code for e in seed_events)


@pytest.mark.shared
def test_embassy_rock_throwing(seed_events):
    ev = _has(seed_events, "14", source="Iranian-backed demonstrators", target="embassy", trigger="hurled")
    assert ev and ev.code == "145"


@pytest.mark.shared
def test_troop_dispatches(seed_events):
    kuwait = _has(seed_events, "15", target="Kuwait")
    assert kuwait and any(q.value == 750 for q in kuwait.quantities)
    assert _has(seed_events, "15", target="Middle East")
    assert _has(seed_events, "15", source="Washington")
    # "3,000 additional troops could be sent": not (yet) a deployment (and, passive with no
    # agent, it names no source actor, so it may not be coded at all).
    maybe = [e for e in seed_events if e.root == "15" and e.target and "region" in e.target.text]
    assert all(not e.happened for e in maybe)


@pytest.mark.shared
def test_trump_accuses_and_threatens_iran(seed_events):
    acc = _has(seed_events, "11", source="Trump", target="Iran", trigger="accused")
    assert acc and acc.code == "112"
    threat = _has(seed_events, "13", target="Iran", trigger="threatened")
    assert threat and threat.code == "138"


@pytest.mark.shared
def test_iran_rejects_and_criticizes(seed_events):
    # Rejecting an accusation denies responsibility: CAMEO 016 (issue 14: deny vs reject).
    rejected = _has(seed_events, "01", source="Iran", trigger="rejected")
    assert rejected and rejected.code == "016"
    assert _has(seed_events, "11", source="Mousavi", target="American officials")
    assert _has(seed_events, "11", source="Khamenei", trigger="condemned")


@pytest.mark.shared
def test_preemptive_action_is_a_threat(seed_events):
    threats = [e for e in seed_events if e.root == "13" and e.happened and e.trigger == "action"]
    assert threats
    acts = [e for e in seed_events if e.root in ("18", "19") and e.trigger == "action"]
    assert acts and all(not e.happened for e in acts)


@pytest.mark.shared
def test_no_war_and_no_overrun_reported_as_happened(seed_events):
    force = [e for e in seed_events if e.root in ("18", "19", "20")]
    for ev in force:
        if ev.trigger in ("war", "overrun"):
            assert not ev.happened, ev
    # "he did not want war": left out, or negated (the JSON contract allows either).
    war = [e for e in force if e.trigger == "war" and "want war" in e.sentence]
    assert all(e.negated for e in war)


@pytest.mark.shared
def test_attribution_inside_quotes_or_reports(seed_events):
    attributed = [e for e in seed_events if e.attributed_to]
    assert attributed


def _country(ev, side):
    value = getattr(ev, side)
    return value.country if value else None


@pytest.mark.shared
@pytest.mark.parametrize(
    ("root", "trigger", "source", "target"),
    [
        ("14", "hurled", "IRQ", "USA"),  # demonstrators in Baghdad at the U.S. embassy
        ("19", "strikes", "USA", "IRQ"),  # American strikes on Kataib Hezbollah's bases
        ("11", "accused", "USA", "IRN"),  # Trump accused Iran
        ("13", "threatened", "USA", "IRN"),
        ("11", "criticized", "IRN", "USA"),  # Mousavi
        ("11", "condemned", "IRN", "USA"),  # Khamenei
        ("15", "sent", "USA", "KWT"),  # 750 troops to Kuwait
        ("10", None, "USA", "IRQ"),  # Esper: Baghdad needs to double down
        ("13", "action", "USA", None),  # "we will take preemptive action" (Esper's "we")
    ],
)
def test_source_and_target_countries(seed_events, root, trigger, source, target):
    found = [
        ev for ev in seed_events
        if ev.root == root and ev.happened and (trigger is None or ev.trigger == trigger)
        and _country(ev, "source") == source and _country(ev, "target") == target
    ]
    assert found, f"no {root} event {source} → {target} ({trigger})"

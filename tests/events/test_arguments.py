"""Source and target rules of ``flashpoint.events.arguments`` seen through coded events."""

from __future__ import annotations

import flashpoint


def _pairs(text: str) -> list[tuple[str, str | None, str | None]]:
    """(code, source text, target text) of the events in ``text`` that happened."""
    return [(e.code, e.source.text if e.source else None, e.target.text if e.target else None)
            for e in flashpoint.code_text(text, date="2019-05-01").events if e.happened]


def _targets(text: str, root: str) -> set[str | None]:
    return {tgt for code, _, tgt in _pairs(text) if code.startswith(root)}


def test_a_thing_made_by_an_actor_leads_to_its_maker():
    # "an appeal filed by X", "a proposal submitted by Y": who made it is the one rejected
    assert "the Hungarian government" in _targets(
        "The court in Vienna rejected an appeal filed by the Hungarian government.", "12")
    assert "Greenpeace" in _targets("The ministry dismissed the petition submitted by Greenpeace.", "12")
    # a pronoun agent is mostly the source again: the thing stays the target
    assert "them" not in _targets("The rebels said they rejected the plan drafted by them.", "12")



def test_an_active_conjunct_of_a_passive_shares_its_subject_not_its_agent():
    pairs = _pairs("Peru's interior minister was censured by Congress and will resign.")
    assert any(code.startswith("03") and src == "Peru's interior minister" for code, src, _ in pairs)
    assert not any(code.startswith("03") and src == "Congress" for code, src, _ in pairs)
    # a passive participle shares the agent: the police released him
    assert ("0841", "police", None) in _pairs("The Kenyan opposition leader was arrested by police and later released.")


def test_a_participle_parsed_as_a_gerund_subject_acts_through_its_own_subject():
    events = flashpoint.code_text(
        "The Red Cross operating in Iraq said US and British forces must ensure security to "
        "allow emergency supplies to reach the needy.", date="2005-02-01").events
    sources = {e.source.code for e in events if e.source is not None and e.code == "100"}
    assert sources and "IRQ" not in sources

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


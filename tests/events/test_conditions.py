"""The party a refusal or threat waits for (``flashpoint.events.conditions``), seen through coded
events."""

from __future__ import annotations

import flashpoint


def _targets(text: str, root: str) -> set[str | None]:
    """Target texts of the events of a root in ``text`` that happened."""
    return {e.target.text if e.target else None for e in flashpoint.code_text(text, date="2019-05-01").events
            if e.happened and e.root == root}


def test_a_refusal_or_threat_aimed_at_a_thing_targets_who_its_condition_waits_for():
    assert "the railway company" in _targets(
        "Kenyan doctors said they will not end their strike until the railway company raises wages.", "12")
    # a passive condition names its party in the "by" phrase
    assert "the ministry" in _targets(
        "Nurses will not end the walkout until their demands are met by the ministry.", "12")
    assert "Brazil" in _targets("Argentina threatened to halt the negotiations if Brazil raises tariffs.", "13")
    # a pronoun, or something that is no actor, leaves the refusal where it was
    assert not _targets("Kenyan teachers will not end the strike until the weather improves.", "12") - {"the strike"}

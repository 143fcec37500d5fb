"""Calibrated event confidence and the min_confidence threshold."""

from __future__ import annotations

import pytest

import flashpoint
from flashpoint.events import confidence
from flashpoint.records import ActorRef
from flashpoint.settings import Settings, SettingsError

TEXT = ("Syrian troops shelled the rebel town of Idlib on Monday. The French foreign minister said "
        "the German government's plan was a dangerous mistake. Protesters marched in Paris.")


def test_shipped_factors_cover_every_bucket():
    table = confidence.factors()
    assert set(table) == {"source", "target"}
    assert {"placed", "agent", "unnamed", "uncoded"} <= set(table["source"])
    assert {"placed", "agent", "uncoded", "none"} <= set(table["target"])
    assert all(0 < v < 5 for axis in table.values() for v in axis.values())


def test_calibration_scales_the_prior_by_bucket_and_stays_in_range():
    placed = ActorRef(code="FRAGOV", country="FRA")
    value = confidence.calibrated(0.6, placed, placed)
    table = confidence.factors()
    assert value == pytest.approx(min(0.99, 0.6 * table["source"]["placed"] * table["target"]["placed"]), abs=1e-3)
    assert 0.01 <= confidence.calibrated(5.0, placed, None) <= 0.99
    assert confidence.source_kind(ActorRef(code="CVL", unnamed=True)) == "unnamed"
    assert confidence.target_kind(ActorRef(code="IGOUNO", country=None)) == "placed"
    assert confidence.target_kind(ActorRef(code=None)) == "uncoded"


def test_min_confidence_leaves_out_events_below_it():
    everything = flashpoint.code_text(TEXT, date="2005-02-01").events
    assert everything
    cut = sorted(e.confidence for e in everything)[len(everything) // 2]
    kept = flashpoint.code_text(TEXT, date="2005-02-01", settings=Settings(min_confidence=cut)).events
    assert kept and all(e.confidence >= cut for e in kept)
    assert {e.id for e in kept} == {e.id for e in everything if e.confidence >= cut}


def test_min_confidence_must_be_a_share():
    with pytest.raises(SettingsError):
        Settings(min_confidence=1.5)

"""Event evaluation gate: the coder on the PLOVER dev sentences (``../shared/data/gold``).

Fails when recall or accuracy on found rows drops below the pinned baseline in
``baselines/events.json``. Raise the baseline when the coder improves; never lower it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import shared_path

from flashpoint.evaluate.events import evaluate_plover

BASELINE = Path(__file__).parent / "baselines" / "events.json"


@pytest.mark.slow
@pytest.mark.shared
def test_event_coder_meets_baseline(pipeline):
    gold = shared_path("gold", "plover_dev.jsonl")
    baseline = json.loads(BASELINE.read_text())
    scores = evaluate_plover(gold, pipeline)
    print(json.dumps({k: v for k, v in scores.items() if k != "by_type"}))
    assert scores["rows"] == 1050
    # A naive verb map reaches 0.17 recall: the gate must stay well above that.
    assert baseline["recall"] > 0.17
    assert scores["recall"] >= baseline["recall"], scores
    assert scores["accuracy_on_found"] >= baseline["accuracy_on_found"], scores
    for name, floor in baseline.get("by_type_recall", {}).items():
        assert scores["by_type"][name]["recall"] >= floor, (name, scores["by_type"][name])

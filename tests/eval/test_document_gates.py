"""Document-level evaluation gates, one per gold kind of ``../shared/data/gold``:

- ``articles`` — whole articles, (root, source country, target country) sets (``articles_dev``);
- ``gsr`` — CAMEO codebook sentences, root + countries (``cameo_gsr_dev``);
- ``case`` — ACLED-style snippets, fitting-root recall and false violence (``case2021_dev``);
- ``glocon`` — protest documents, an actual root-14 event (``glocon_dev``).

Each fails when a figure drops below its floor (or, for ``ceilings`` such as the false-violence
rate, rises above it) in ``baselines/<kind>.json``: measured figures rounded down (up for
ceilings) at the 3rd decimal. Tighten them when the coder improves; never loosen them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import shared_path

from flashpoint.evaluate.articles import evaluate_articles
from flashpoint.evaluate.case import evaluate_case
from flashpoint.evaluate.glocon import evaluate_glocon
from flashpoint.evaluate.gsr import evaluate_gsr

BASELINES = Path(__file__).parent / "baselines"
SCORERS = {
    "articles": evaluate_articles,
    "gsr": evaluate_gsr,
    "case": evaluate_case,
    "glocon": evaluate_glocon,
}


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.parametrize("kind", sorted(SCORERS))
def test_document_kind_meets_baseline(pipeline, kind):
    baseline = json.loads((BASELINES / f"{kind}.json").read_text())
    scores = SCORERS[kind](shared_path("gold", baseline["file"]), pipeline).to_dict()
    print(kind, json.dumps({k: v for k, v in scores.items() if not isinstance(v, dict)}))
    for key, count in baseline["count"].items():
        assert scores[key] == count, (kind, key, scores[key])
    assert not scores.get("unmapped_labels"), f"labels missing from case_roots.yaml: {scores}"
    for metric, floor in baseline.get("floors", {}).items():
        assert _score(scores, metric) >= floor, (kind, metric, _score(scores, metric), floor)
    for metric, ceiling in baseline.get("ceilings", {}).items():
        assert _score(scores, metric) <= ceiling, (kind, metric, _score(scores, metric), ceiling)


def _score(scores: dict, metric: str) -> float:
    """A score by name; a dotted name reads a nested one ("by_view.roots.precision")."""
    value = scores
    for part in metric.split("."):
        value = value[part]
    return value

"""HTML evaluation gate: flashpoint's HTML reader on the 181-page article-extraction benchmark.

Fails when main-text extraction F1 (the benchmark's shingle metric) drops below the pinned
baseline in ``baselines/html.json``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import shared_path

from flashpoint.evaluate.extraction import evaluate_benchmark
from flashpoint.readers.html import html_article_text

BASELINE = Path(__file__).parent / "baselines" / "html.json"


@pytest.mark.slow
@pytest.mark.shared
def test_html_extraction_f1_meets_baseline():
    bench = shared_path("corpora", "article_extraction_benchmark")
    baseline = json.loads(BASELINE.read_text())["f1"]
    assert baseline >= 0.95
    score = evaluate_benchmark(bench, html_article_text)
    print(f"HTML extraction: {score.to_dict()}")
    assert score.pages == 181
    assert score.f1 >= baseline, f"F1 {score.f1:.4f} fell below the pinned {baseline}"

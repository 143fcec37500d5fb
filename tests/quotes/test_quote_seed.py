"""The reference article: its five direct quotations and their speakers."""

from __future__ import annotations

import pytest

EXPECTED = [
    ("There are some indications out there", "Esper"),
    ("If that happens then we will act", "Esper"),
    ("The game has changed and we are prepared", "Esper"),
    ("Thirty-one rockets aren’t designed as a warning shot", "Milley"),
    ("We are not leading the country to war", "Salami"),
]


@pytest.fixture(scope="module")
def seed_quotes(pipeline, seed_article):
    article = seed_article
    doc = pipeline.code_doc(article)
    return article, doc._.quotes


@pytest.mark.shared
def test_seed_direct_quotes_and_speakers(seed_quotes):
    article, quotes = seed_quotes
    direct = [q for q in quotes if q.kind == "direct"]
    for opening, surname in EXPECTED:
        hits = [q for q in direct if opening in q.text]
        assert len(hits) == 1, (opening, [q.text[:60] for q in direct])
        q = hits[0]
        assert article.text[q.span[0] : q.span[1]] == q.text
        assert q.speaker is not None and surname in q.speaker["name"], (opening, q.speaker)
    assert len(direct) == len(EXPECTED)


@pytest.mark.shared
def test_seed_esper_has_his_full_name(seed_quotes):
    _, quotes = seed_quotes
    first = next(q for q in quotes if "There are some indications out there" in q.text)
    assert first.speaker["name"] == "Mark Esper"
    floating = next(q for q in quotes if "If that happens then we will act" in q.text)
    assert floating.speaker["name"] == "Mark Esper"
    assert "preemptive action" in floating.text


@pytest.mark.shared
def test_seed_partial_quotes_inside_reported_speech(seed_quotes):
    _, quotes = seed_quotes
    partial = {q.text.strip('“”".'): q for q in quotes if q.kind == "partial"}
    assert "game has changed" in partial
    assert partial["game has changed"].speaker["name"] == "Mark Esper"
    assert "the astounding audacity" in partial
    assert "Mousavi" in partial["the astounding audacity"].speaker["name"]


@pytest.mark.shared
def test_seed_indirect_speech_spans_the_reported_clause(seed_quotes):
    article, quotes = seed_quotes
    indirect = [q for q in quotes if q.kind == "indirect"]
    milley = [q for q in indirect if q.speaker and "Milley" in q.speaker["name"]]
    assert any("additional troops had been alerted" in q.text for q in milley)
    # "He did not want war" is reported speech of Trump, not a direct quote
    assert any(
        "did not want war" in q.text and "Trump" in (q.speaker or {}).get("name", "")
        for q in indirect
    )

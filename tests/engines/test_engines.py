"""The engines give identical coded records on the bundled samples."""

from __future__ import annotations

import importlib.util

import pytest

from flashpoint.engines import get_engine
from flashpoint.errors import FlashpointError
from flashpoint.readers import ingest
from flashpoint.records import Article
from flashpoint.settings import Settings


def _sample_articles(samples) -> list[Article]:
    paths = [str(samples / d) for d in ("text", "html", "wire.jsonl")]
    return [o for o in ingest(paths) if isinstance(o, Article)]


def _events(records) -> list[tuple]:
    return sorted(
        (r.article.id, e.id, e.code, str(e.source), str(e.target), e.modality, e.negated)
        for r in records
        for e in r.events
    )


@pytest.fixture(scope="module")
def articles(samples_dir) -> list[Article]:
    arts = _sample_articles(samples_dir)
    assert len(arts) >= 10
    return arts


@pytest.fixture(scope="module")
def local_records(articles):
    return list(get_engine(Settings()).process(articles))


def test_local_engine_keeps_input_order(articles, local_records):
    assert [r.article.id for r in local_records] == [a.id for a in articles]


@pytest.mark.slow
def test_processes_engine_matches_local(articles, local_records):
    records = list(get_engine(Settings(engine="processes", workers=2, batch_size=3)).process(articles))
    assert [r.to_dict() for r in records] == [r.to_dict() for r in local_records]


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="ray extra not installed")
def test_ray_engine_matches_local(articles, local_records):
    records = list(get_engine(Settings(engine="ray", workers=2, batch_size=4)).process(articles))
    assert _events(records) == _events(local_records)
    assert [r.to_dict() for r in records] == [r.to_dict() for r in local_records]


def test_unknown_engine_is_a_clear_error():
    with pytest.raises(FlashpointError, match="unknown engine 'spark'"):
        get_engine(Settings(engine="spark"))

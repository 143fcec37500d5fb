"""Pipeline: the prefiltered fast path and the full path code the same events, in input order."""

from __future__ import annotations

import pytest

from flashpoint.pipeline import Pipeline
from flashpoint.records import Article
from flashpoint.settings import Settings

# Invented articles: events, quotes and pronouns mixed with filler sentences.
ARTICLES = [
    Article(
        id="inv-1",
        published="2022-05-10",
        text=(
            "The harbour was busy with fishing boats on Monday morning.\n\n"
            "Ruritanian troops attacked a police post near the Freedonian border, killing 12 officers. "
            "The weather stayed warm through the afternoon. "
            "Freedonia's foreign ministry condemned the attack and recalled its ambassador.\n\n"
            "\"This is an act of war,\" Foreign Minister Lena Moss told reporters. "
            "She said Freedonia would ask the United Nations for help."
        ),
    ),
    Article(
        id="inv-2",
        published="2023-11-02",
        text=(
            "Tea plantations cover the hills above the valley. "
            "The governments of Borduria and Syldavia signed a trade agreement in Klow on Tuesday. "
            "Prime Minister Karel Vitek praised the deal. "
            "Farmers in the valley grow rice and beans.\n\n"
            "Police arrested 40 protesters outside the parliament, a spokesman said."
        ),
    ),
    Article(
        id="inv-3",
        text=(
            "The museum reopened after a long renovation. "
            "Visitors admired the paintings in the east wing. "
            "Nothing in the collection dates from before 1900."
        ),
    ),
]


def _events(record) -> set[tuple]:
    return {
        (e.code, e.trigger, tuple(e.span), e.source and e.source.text, e.target and e.target.text,
         e.modality, e.negated)
        for e in record.events
    }


@pytest.fixture(scope="module")
def paths(pipeline):
    fast = Pipeline(Settings(prefilter=True), nlp=pipeline.nlp)
    full = Pipeline(Settings(prefilter=False), nlp=pipeline.nlp)
    assert fast.prefilter is not None and full.prefilter is None
    return fast, full


def test_fast_and_full_paths_code_the_same_events(paths):
    fast, full = paths
    fast_records = list(fast.code(ARTICLES))
    full_records = list(full.code(ARTICLES))
    assert [r.article.id for r in fast_records] == [a.id for a in ARTICLES]
    for a, b in zip(fast_records, full_records, strict=True):
        assert _events(a) == _events(b), a.article.id
        assert {(q.kind, tuple(q.span)) for q in a.quotes} == {(q.kind, tuple(q.span)) for q in b.quotes}
    # The invented articles do hold events: the comparison is not vacuous.
    assert any("attacked" == e.trigger for e in fast_records[0].events)
    assert any(e.trigger == "arrested" for e in fast_records[1].events)


def test_fast_path_actors_cover_event_arguments(paths):
    fast, full = paths
    for a, b in zip(fast.code(ARTICLES), full.code(ARTICLES), strict=True):
        # Every actor the full path finds in a sentence that holds an event, the fast path finds.
        sentences = {e.sentence for e in b.events}
        fast_names = {x.name for x in a.actors}
        for actor in b.actors:
            spans = [a.article.text[s:e] for s, e in actor.mentions]
            if any(span in sent for span in spans for sent in sentences):
                assert actor.name in fast_names, (a.article.id, actor.name)


def test_code_and_code_doc_agree(paths):
    fast, _ = paths
    record = next(fast.code([ARTICLES[0]]))
    doc = fast.code_doc(ARTICLES[0], fast=True)
    assert doc.text == ARTICLES[0].text
    assert _events(record) == {
        (e.code, e.trigger, tuple(e.span), e.source and e.source.text, e.target and e.target.text,
         e.modality, e.negated)
        for e in doc._.events
    }


def test_batches_keep_input_order(pipeline):
    small = Pipeline(Settings(batch_size=2), nlp=pipeline.nlp)
    ids = [r.article.id for r in small.code(ARTICLES * 2)]
    assert ids == [a.id for a in ARTICLES * 2]


def test_prefilter_setting_from_env():
    assert Settings.from_env({"FLASHPOINT_PREFILTER": "0"}).prefilter is False
    assert Settings.from_env({}).prefilter is True
    assert Settings.from_env({"FLASHPOINT_PREFILTER_CONTEXT": "2"}).prefilter_context == 2


@pytest.mark.shared
def test_seed_fast_path_matches_full_path(paths, seed_path):
    """The reference article: the fast path codes the same events, quotes and key actors."""
    from flashpoint.readers import ingest

    found = [a for a in ingest([str(seed_path)]) if isinstance(a, Article)]
    assert found, "the seed ingests to an article"
    fast, full = paths
    a, b = next(fast.code(found)), next(full.code(found))
    assert a.events and _events(a) == _events(b)
    assert {(q.kind, tuple(q.span), (q.speaker or {}).get("name")) for q in a.quotes} == {
        (q.kind, tuple(q.span), (q.speaker or {}).get("name")) for q in b.quotes
    }
    fast_actors = {(x.name, x.code) for x in a.actors}
    for person in ("Mark Esper", "Hossein Salami", "Abbas Mousavi"):
        assert any(name == person for name, _ in fast_actors), person
    assert fast_actors <= {(x.name, x.code) for x in b.actors} | fast_actors


def test_each_batch_is_yielded_as_soon_as_it_is_coded(pipeline):
    # Issue 16 item 10: records came out per 8 batches, so a run killed before the 8th batch
    # had stored nothing although the store writes one transaction per batch.
    pulled: list[str] = []

    def stream():
        for i in range(12):
            pulled.append(f"a{i}")
            yield Article(id=f"a{i}", text=f"Police arrested {i + 2} protesters in Kabul on Monday.")

    records = Pipeline(Settings(batch_size=2), nlp=pipeline.nlp).code(stream())
    first = next(records)
    assert first.article.id == "a0"
    assert len(pulled) == 2, "only the first batch was read before its records came out"
    assert [r.article.id for r in records] == [f"a{i}" for i in range(1, 12)]

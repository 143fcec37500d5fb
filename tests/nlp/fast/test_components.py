"""``settings.fast_components``: the exact fast stand-ins against spaCy's own components.

Runs on the bundled ``samples/`` only, so it holds in a fresh clone (no ``../shared``).
"""

from __future__ import annotations

import json
import logging

import pytest
from spacy.tokens import Span

from flashpoint.nlp.fast import rules
from flashpoint.nlp.fast.ner import BatchEntityRecognizer
from flashpoint.pipeline import Pipeline
from flashpoint.readers import ingest
from flashpoint.records import Article
from flashpoint.settings import Settings


@pytest.fixture(scope="module")
def sample_articles(samples_dir) -> list[Article]:
    paths = [samples_dir / "text", samples_dir / "html", samples_dir / "wire.jsonl"]
    found = [a for a in ingest([str(p) for p in paths], Settings(), dedup=None)
             if isinstance(a, Article)]
    assert len(found) >= 15
    return found


def _pipelines(nlp) -> tuple[Pipeline, Pipeline]:
    fast = Pipeline(Settings(fast_components=True), nlp=nlp)
    real = Pipeline(Settings(fast_components=False), nlp=nlp)
    return fast, real


def test_the_switch_decides_which_components_run(pipeline):
    fast, real = _pipelines(pipeline.nlp)
    assert fast.prefilter is not None and real.prefilter is not None
    assert set(fast.prefilter.replacements) == {"attribute_ruler", "lemmatizer", "ner"}
    assert real.prefilter.replacements == {}
    assert Settings.from_env({"FLASHPOINT_FAST_COMPONENTS": "false"}).fast_components is False
    assert Settings().fast_components is True


def test_stand_ins_code_the_samples_as_spacys_components(pipeline, sample_articles):
    fast, real = _pipelines(pipeline.nlp)

    def records(pipe: Pipeline) -> list[str]:
        return [json.dumps(r.to_dict(), sort_keys=True, default=str)
                for r in pipe.code(sample_articles)]

    got, expected = records(fast), records(real)
    assert got == expected
    assert sum(len(json.loads(r)["events"]) for r in got) > 0
    assert sum(len(json.loads(r)["quotes"]) for r in got) > 0
    assert sum(len(json.loads(r)["actors"]) for r in got) > 0
    # The parsed Docs too: entities and the stand-ins' token annotations.
    for article in sample_articles:
        a, b = fast.code_doc(article, fast=True), real.code_doc(article, fast=True)
        assert [(e.start, e.end, e.label_) for e in a.ents] == \
            [(e.start, e.end, e.label_) for e in b.ents], article.id
        assert [(t.tag_, t.pos_, t.lemma_, str(t.morph), t.ent_iob_) for t in a] == \
            [(t.tag_, t.pos_, t.lemma_, str(t.morph), t.ent_iob_) for t in b], article.id


def test_fallback_to_the_real_component_is_logged_once(pipeline, monkeypatch, caplog):
    monkeypatch.setattr(rules, "_WARNED", set())
    nlp = pipeline.nlp
    fast = BatchEntityRecognizer.from_nlp(nlp)
    assert fast is not None

    def preset(text: str):
        doc = nlp.make_doc(text)
        doc.set_ents([Span(doc, 0, 1, label="GPE")], default="unmodified")
        return doc

    texts = ["Iran condemned the strikes.", "Turkey closed the border on Monday.",
             "Russia expelled two diplomats."]
    with caplog.at_level(logging.WARNING, logger="flashpoint"):
        for text in texts:
            doc = fast(preset(text))
            assert doc.ents and doc.ents[0].label_ == "GPE"  # the preset entity is kept
        list(fast.pipe([preset(t) for t in texts], batch_size=2))
    warnings = [r for r in caplog.records
                if r.name == "flashpoint" and "falls back" in r.getMessage()]
    assert len(warnings) == 1
    assert "preset entities" in warnings[0].getMessage()

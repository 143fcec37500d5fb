"""The batch-decoded entity recognizer finds the real component's entities."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Span

from flashpoint.nlp.fast.ner import BatchEntityRecognizer
from flashpoint.nlp.prefilter import model_pipes

TEXTS = [
    "Russian President Vladimir Putin met Chinese leader Xi Jinping in Moscow on Tuesday.",
    "The United Nations Security Council said 1,200 people fled Darfur in March 2023.  "
    "Amnesty International and Human Rights Watch condemned the Sudanese army.",
    "Protesters gathered outside the U.S. Embassy in Baghdad.\n\nKataib Hezbollah denied it.",
    "Turkey",  # a one-token document
    "",  # an empty one
    "He said nothing . \n Then the European Union imposed sanctions on Belarus and Minsk replied",
]


def _before_ner(nlp, texts):
    """Docs annotated by every component before the entity recognizer."""
    names = model_pipes(nlp)
    docs = [nlp.make_doc(text) for text in texts]
    for name in names[: names.index("ner")]:
        proc = nlp.get_pipe(name)
        docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
    return docs


def _ents(docs):
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in docs]


def _iob(docs):
    return [[t.ent_iob_ for t in doc] for doc in docs]


def test_finds_the_real_components_entities(pipeline):
    nlp = pipeline.nlp
    fast = BatchEntityRecognizer.from_nlp(nlp)
    assert fast is not None
    real = nlp.get_pipe("ner")
    docs = _before_ner(nlp, TEXTS)
    for batch_size in (1, 4, 64):
        expected = list(real.pipe([d.copy() for d in docs], batch_size=batch_size))
        got = list(fast.pipe([d.copy() for d in docs], batch_size=batch_size))
        assert _ents(got) == _ents(expected)
        assert _iob(got) == _iob(expected)
    labels = {label for doc in _ents(got) for _, _, label in doc}
    assert {"PERSON", "GPE", "ORG"} <= labels
    assert all(t.ent_iob_ in ("B", "I", "O") for doc in got for t in doc)


def test_one_doc_at_a_time(pipeline):
    nlp = pipeline.nlp
    fast = BatchEntityRecognizer.from_nlp(nlp)
    doc = _before_ner(nlp, [TEXTS[0]])[0]
    expected = nlp.get_pipe("ner")(doc.copy())
    assert _ents([fast(doc.copy())]) == _ents([expected])


def test_preset_entities_go_through_the_real_component(pipeline):
    nlp = pipeline.nlp
    fast = BatchEntityRecognizer.from_nlp(nlp)
    doc = _before_ner(nlp, [TEXTS[0]])[0]
    doc.set_ents([Span(doc, 0, 1, label="ORG")], default="unmodified")  # "Russian" as an ORG
    got = fast(doc.copy())
    assert (0, 1, "ORG") in _ents([got])[0]
    assert _ents([got]) == _ents([nlp.get_pipe("ner")(doc.copy())])


def test_no_stand_in_without_an_entity_recognizer():
    assert BatchEntityRecognizer.from_nlp(spacy.blank("en")) is None


def test_the_prefilter_uses_it(pipeline):
    assert isinstance(pipeline.prefilter.replacements.get("ner"), BatchEntityRecognizer)


@pytest.mark.shared
def test_real_articles_get_the_real_components_entities(pipeline):
    from tests.conftest import shared_texts

    texts = shared_texts(40)
    nlp = pipeline.nlp
    fast = BatchEntityRecognizer.from_nlp(nlp)
    docs = _before_ner(nlp, texts)
    expected = list(nlp.get_pipe("ner").pipe([d.copy() for d in docs], batch_size=16))
    got = list(fast.pipe([d.copy() for d in docs], batch_size=16))
    assert sum(len(d.ents) for d in got) > 1000
    assert _ents(got) == _ents(expected)

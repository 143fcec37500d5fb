"""The exact stand-ins for the model's rule components give the real components' annotations."""

from __future__ import annotations

import pytest

from flashpoint.nlp.fast.rules import BulkLemmatizer, IndexedAttributeRuler

TEXTS = [
    "There were protests in the capital, and y'all ain't gonna believe it.\n\nNothin' changed.",
    "The minister's aides had been warned; they're going to resign, she said  twice.",
    "Let's see what happens: the U.S. wasn't told, and there is no plan yet.",
    "Troops were deployed as the rebels fled; the talks broke down and prices rose sharply.",
]


def _attrs(doc):
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def _tagged(nlp, texts):
    before = [name for name in nlp.pipe_names if name not in ("attribute_ruler", "lemmatizer")
              and not name.startswith("flashpoint_")]
    with nlp.select_pipes(enable=before):
        return list(nlp.pipe(texts))


def test_indexed_attribute_ruler_equals_the_model_component(pipeline):
    nlp = pipeline.nlp
    ruler = IndexedAttributeRuler.from_nlp(nlp)
    assert ruler is not None
    real = nlp.get_pipe("attribute_ruler")
    lemmatizer = nlp.get_pipe("lemmatizer")
    for doc in _tagged(nlp, TEXTS):
        a, b = lemmatizer(real(doc.copy())), lemmatizer(ruler(doc.copy()))
        assert _attrs(a) == _attrs(b)
        assert any(t.pos_ for t in b)


def test_bulk_lemmatizer_equals_the_model_component(pipeline):
    nlp = pipeline.nlp
    bulk = BulkLemmatizer.from_nlp(nlp)
    assert bulk is not None
    ruler, real = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    for _ in range(2):  # the second round answers from the cache
        lemmas = set()
        for doc in _tagged(nlp, TEXTS):
            ruled = ruler(doc)
            a, b = real(ruled.copy()), bulk(ruled.copy())
            assert _attrs(a) == _attrs(b)
            lemmas |= {t.lemma_ for t in b}
        assert lemmas >= {"be", "deploy", "flee", "break", "rise"}


def test_bulk_lemmatizer_keeps_lemmas_set_before_it(pipeline):
    nlp = pipeline.nlp
    bulk = BulkLemmatizer.from_nlp(nlp)
    doc = _tagged(nlp, ["The talks broke down."])[0]
    doc[2].lemma_ = "custom"
    assert [t.lemma_ for t in bulk(doc)][2] == "custom"
    assert bulk(nlp.make_doc("")).text == ""


@pytest.mark.shared
def test_real_articles_annotated_alike_with_and_without_the_stand_ins(pipeline):
    from tests.conftest import shared_texts

    texts = shared_texts(30)
    nlp = pipeline.nlp
    ruler, bulk = IndexedAttributeRuler.from_nlp(nlp), BulkLemmatizer.from_nlp(nlp)
    real_ruler, real_lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    for doc in _tagged(nlp, texts):
        assert _attrs(real_lemmatizer(real_ruler(doc.copy()))) == _attrs(bulk(ruler(doc.copy())))

"""The per-Doc entity index: the same entities as spaCy's ``doc.ents``/``Span.ents``, by lookup."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.vocab import Vocab

from flashpoint.nlp.entities import (
    ENTITY_INDEX_KEY,
    entities,
    entity_at,
    entity_index,
    sentence_entities,
)
from flashpoint.records import Article

PUB = "2020-01-02"


def test_entity_index_matches_spacy(pipeline, seed_path):
    doc = pipeline.code_doc(
        Article(id="s", text=seed_path.read_text(encoding="utf-8"), published=PUB)
    )
    assert len(doc.ents) > 10
    rows = entity_index(doc)
    assert [(r[0], r[1], r[2], r[5]) for r in rows] == [
        (e.start, e.end, e.label_, e.text) for e in doc.ents
    ]
    assert entity_index(doc) is rows  # built once per Doc, then reused
    for sent in doc.sents:
        assert sentence_entities(sent) == list(sent.ents)
        dates = [e for e in sent.ents if e.label_ == "DATE"]
        assert sentence_entities(sent, frozenset({"DATE"})) == dates
        assert all(e.label_ == "DATE" for e in sentence_entities(sent, frozenset({"DATE"})))
    # Arbitrary windows, whose edges cut through entities: the same walk as Span.ents.
    for start in range(0, len(doc) - 7, 3):
        window = doc[start : start + 7]
        assert sentence_entities(window) == list(window.ents)
    assert entities(doc) == list(doc.ents)
    assert entities(doc, frozenset({"PERSON"})) == [e for e in doc.ents if e.label_ == "PERSON"]
    for token in doc:
        covering = [e for e in doc.ents if e.start <= token.i < e.end]
        assert entity_at(token) == (covering[0] if covering else None)


def _tiny_doc(vocab: Vocab) -> Doc:
    words = ["Troops", "left", "northern", "Iraq", "on", "Sunday", "."]
    ents = ["O", "O", "O", "B-GPE", "O", "B-DATE", "O"]
    return Doc(vocab, words=words, ents=ents)


def test_entity_index_is_plain_data_that_survives_serialisation():
    vocab = Vocab()
    doc = _tiny_doc(vocab)
    entity_index(doc)
    restored = Doc(vocab).from_bytes(doc.to_bytes())
    assert ENTITY_INDEX_KEY in restored.user_data  # msgpack could store it
    assert sentence_entities(restored[:]) == list(restored.ents)
    assert [e.text for e in sentence_entities(restored[:], frozenset({"DATE"}))] == ["Sunday"]


def test_entity_index_of_another_doc_is_not_reused():
    vocab = Vocab()
    doc = _tiny_doc(vocab)
    other = Doc(vocab, words=["Kuwait", "protested", "."], ents=["B-GPE", "O", "O"])
    other.user_data[ENTITY_INDEX_KEY] = doc.user_data.get(ENTITY_INDEX_KEY) or [
        len(doc),
        entity_index(doc),
    ]
    assert [e.text for e in sentence_entities(other[:])] == ["Kuwait"]

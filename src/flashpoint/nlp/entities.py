"""A per-Doc index of the named entities, shared by the quotes and events stages.

``doc.ents`` and ``Span.ents`` rebuild a Span for every entity of the whole Doc on each access;
the quotes and events stages ask for entities hundreds of times per article (the entity at a
token, the persons named before a point, a sentence's dates). The index reads ``doc.ents`` once
into plain rows kept in ``doc.user_data`` (plain lists, so DocBin still serialises the Doc) and
answers those questions by lookup. It is a snapshot: it assumes ``doc.ents`` is final (the
entity recogniser and the actors stage have run) and is rebuilt only when the Doc's length no
longer matches.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span, Token

__all__ = ["EntityRow", "entities", "entity_at", "entity_index", "sentence_entities"]

# doc.user_data key of the per-Doc entity index.
ENTITY_INDEX_KEY = ("flashpoint", "entity_index")

# One entry of the entity index: (start, end, label, kb_id, span_id, text).
EntityRow = tuple[int, int, str, int, int, str]


def entity_index(doc: Doc) -> list[EntityRow]:
    """``doc.ents`` as rows ``(start, end, label, kb_id, span_id, text)``, in order, built once."""
    cached = doc.user_data.get(ENTITY_INDEX_KEY)
    if cached is not None and cached[0] == len(doc):
        return cached[1]
    rows: list[EntityRow] = [
        (e.start, e.end, e.label_, int(e.kb_id), int(e.id), e.text) for e in doc.ents
    ]
    doc.user_data[ENTITY_INDEX_KEY] = [len(doc), rows]
    return rows


def _span(doc: Doc, row: EntityRow) -> Span:
    start, end, label, kb_id, span_id, _ = row
    return Span(doc, start, end, label=label, kb_id=kb_id, span_id=span_id)


def entities(doc: Doc, labels: frozenset[str] | None = None) -> list[Span]:
    """``doc.ents`` (optionally only those with a label in ``labels``), from the index."""
    return [_span(doc, r) for r in entity_index(doc) if labels is None or r[2] in labels]


def entity_at(token: Token) -> Span | None:
    """The entity that covers ``token``, or ``None``."""
    rows = entity_index(token.doc)
    i = bisect_right(rows, token.i, key=lambda r: r[0]) - 1
    if i >= 0 and rows[i][0] <= token.i < rows[i][1]:
        return _span(token.doc, rows[i])
    return None


def sentence_entities(sent: Span, labels: frozenset[str] | None = None) -> list[Span]:
    """``sent.ents`` (optionally only those with a label in ``labels``) from the entity index:
    equal Spans, in order, without rebuilding every entity of the Doc."""
    doc = sent.doc
    rows = entity_index(doc)
    start, end = sent.start, sent.end
    out: list[Span] = []
    # Same walk as spaCy's Span.ents: entities from the first one starting inside the
    # sentence, up to the first one that runs past its end.
    for i in range(bisect_left(rows, start, key=lambda r: r[0]), len(rows)):
        row = rows[i]
        if row[1] > end:
            break
        if labels is None or row[2] in labels:
            out.append(_span(doc, row))
    return out

"""Quotes stage: direct, partial and indirect quotations with speakers (placeholder until issue 5)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class QuoteFinder:
    """Fills ``doc._.quotes``."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = []
        return doc


@Language.factory("flashpoint_quotes")
def make_quote_finder(nlp: Language, name: str):
    return QuoteFinder(nlp, name)

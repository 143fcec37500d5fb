"""Quotes stage: direct, partial and indirect quotations with their speakers, as a spaCy component.

The component ``flashpoint_quotes`` runs after ``flashpoint_actors`` (speakers resolve through
its mentions) and before ``flashpoint_events`` (events read the quote spans to fill
``attributed_to``). It fills ``doc._.quotes`` with :class:`~flashpoint.records.Quote` records.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from .cues import Cues, load_cues
from .finder import find_quotes
from .marks import find_marked

__all__ = ["Cues", "QuoteFinder", "find_marked", "find_quotes", "load_cues", "make_quote_finder"]


class QuoteFinder:
    """Fills ``doc._.quotes`` with the quotations found in the Doc, in text order."""

    def __init__(self, nlp: Language, name: str, cues_file: str | None = None):
        self.name = name
        self.cues: Cues = load_cues(cues_file)

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = find_quotes(doc, self.cues)
        return doc


@Language.factory("flashpoint_quotes", default_config={"cues_file": None})
def make_quote_finder(nlp: Language, name: str, cues_file: str | None = None) -> QuoteFinder:
    """spaCy factory: ``nlp.add_pipe("flashpoint_quotes", config={"cues_file": ...})``."""
    return QuoteFinder(nlp, name, cues_file)

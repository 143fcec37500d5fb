"""Events stage: CAMEO events from the dependency parse (placeholder until issue 4 lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class EventCoder:
    """Fills ``doc._.events`` and ``doc._.quantities``."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        doc._.quantities = []
        return doc


@Language.factory("flashpoint_events")
def make_event_coder(nlp: Language, name: str):
    return EventCoder(nlp, name)

"""Actors stage: resolve mentions to CAMEO-style actor codes (placeholder until issue 3 lands)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..records import Actor


def actor_for_span(doc: Doc, span: Span) -> Actor | None:
    """The actor a span refers to (a mention overlapping the span's head), or ``None``."""
    mentions = doc._.actor_mentions or []
    actors = doc._.actors or []
    for start, end, idx in mentions:
        if start <= span.root.i < end:
            return actors[idx]
    for start, end, idx in mentions:
        if start < span.end and span.start < end:
            return actors[idx]
    return None


class ActorResolver:
    """Fills ``doc._.actors`` and ``doc._.actor_mentions``."""

    def __init__(self, nlp: Language, name: str, actors_files: list[str], dictionaries: list[str]):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.actors = []
        doc._.actor_mentions = []
        return doc


@Language.factory("flashpoint_actors", default_config={"actors_files": [], "dictionaries": []})
def make_actor_resolver(nlp: Language, name: str, actors_files: list[str], dictionaries: list[str]):
    return ActorResolver(nlp, name, actors_files, dictionaries)

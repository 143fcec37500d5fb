"""The spaCy model: loading an installed pipeline, flashpoint's Doc extensions and the paragraph
component (sentence starts at blank lines). :mod:`flashpoint.pipeline` builds the whole pipeline
(this model plus the actors, quotes and events components).

The Doc extensions below are the only channel between flashpoint's components:

- ``doc._.article``        the :class:`~flashpoint.records.Article` being coded (set by the caller)
- ``doc._.actors``         list of :class:`~flashpoint.records.Actor` (actors component)
- ``doc._.actor_mentions`` list of ``(start_token, end_token, actor_index)`` (actors component)
- ``doc._.quotes``         list of :class:`~flashpoint.records.Quote` (quotes component)
- ``doc._.quantities``     list of :class:`~flashpoint.records.Quantity` (events component)
- ``doc._.events``         list of :class:`~flashpoint.records.Event` (events component)
"""

from __future__ import annotations

import importlib

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..errors import model_not_installed

DOC_EXTENSIONS = ("article", "actors", "actor_mentions", "quotes", "quantities", "events")


def register_extensions() -> None:
    """Register flashpoint's Doc/Span/Token extensions once (guarded, safe to call repeatedly)."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("actor"):
        Span.set_extension("actor", default=None)
    if not Token.has_extension("actor"):
        Token.set_extension("actor", default=None)


def load_model(name: str) -> Language:
    """Load an installed spaCy pipeline by package name; never downloads."""
    try:
        module = importlib.import_module(name)
        return module.load()
    except ModuleNotFoundError:
        try:
            return spacy.load(name)
        except OSError as exc:
            raise model_not_installed(name) from exc


@Language.component("flashpoint_paragraphs")
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every blank line, so no sentence runs across a paragraph break
    (the parser respects boundaries set before it runs)."""
    if doc.has_annotation("DEP"):  # already parsed (e.g. re-run on a joined Doc): nothing to do
        return doc
    for token in doc[:-1]:
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            nxt = doc[token.i + 1]
            if not nxt.is_space:
                nxt.is_sent_start = True
    return doc

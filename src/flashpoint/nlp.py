"""Build flashpoint's spaCy pipeline: the configured model plus the actors, quotes and events components.

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
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .errors import model_not_installed
from .settings import Settings

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


def build_pipeline(settings: Settings | None = None) -> Language:
    """The model named by ``settings.model`` with flashpoint's components appended."""
    settings = settings or Settings()
    register_extensions()
    # Importing the modules registers their factories.
    from . import actors, events, quotes  # noqa: F401

    nlp = load_model(settings.model)
    if settings.blas:
        from .ops import use_blas

        use_blas(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("flashpoint_paragraphs", before="parser")
    nlp.add_pipe(
        "flashpoint_actors",
        config={
            "actors_files": list(settings.actors_files),
            "dictionaries": list(settings.dictionaries),
        },
    )
    nlp.add_pipe("flashpoint_quotes")
    nlp.add_pipe("flashpoint_events")
    return nlp


# A short invented article that touches every lazily loaded table: dates, places, countries,
# quantities, quotes, the ontology and the event patterns.
WARM_UP_TEXT = (
    "On Monday, Ruritanian troops shelled the border town of Varna near Baghdad, killing 3 "
    "people, and Iran condemned the attack. \"We will respond,\" Foreign Minister Anna Kovacs "
    "told reporters in Paris on March 3, 2020."
)


def warm_up(nlp: Language) -> None:
    """Run the pipeline once on a short text, so the knowledge tables, gazetteers and the date
    parser load now (at start-up, like the model) rather than while the first article is coded."""
    from .events.time import warm_up as warm_up_dates
    from .records import Article

    warm_up_dates()
    doc = nlp.make_doc(WARM_UP_TEXT)
    doc._.article = Article(id="warm-up", text=WARM_UP_TEXT, published="2020-03-04")
    for _, proc in nlp.pipeline:
        doc = proc(doc)


@lru_cache(maxsize=4)
def cached_pipeline(settings: Settings) -> Language:
    """One pipeline per distinct settings in a process (workers load the model once), warmed up."""
    nlp = build_pipeline(settings)
    warm_up(nlp)
    return nlp

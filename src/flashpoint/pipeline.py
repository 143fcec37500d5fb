"""Pipeline: Article records in, CodedArticle records out, through one spaCy Language.

:func:`build_pipeline` assembles that Language: the model (:mod:`flashpoint.nlp.model`) with the
stages' components (actors, quotes, events) appended; this module sits above both layers and
hands the prefilter what the stages know (:func:`stage_vocabulary`, the quotes stage's
quotation finder), so the NLP layer imports no stage.

With ``settings.prefilter`` on (the default) :meth:`Pipeline.code` runs the model's own
components only on the sentences that can hold an event or a quote (:mod:`flashpoint.nlp.prefilter`);
flashpoint's components then run on the whole rejoined Doc, whose text is exactly
``article.text``. Events and quotes are those of the full parse (measured); actors mentioned only
in sentences without any event or quote cue are not coded.

One article never sinks a run: :meth:`Pipeline.code_or_reject` yields a
:class:`~flashpoint.records.Rejection` (``coding failed: <error>``) for an article whose coding
raises, and codes the rest of its batch one by one; a text longer than the model's
``max_length`` (raised to ``Settings.max_chars`` if lower) is rejected as too long to parse.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .errors import InputError
from .events.modality import cues as modality_cues
from .events.patterns import patterns
from .nlp.model import load_model, register_extensions
from .nlp.prefilter import Prefilter, own_pipes, parse_batch, prefilter_for
from .nlp.vocabulary import TriggerVocabulary
from .quotes.cues import load_cues
from .quotes.marks import quotation_spans
from .records import Article, CodedArticle, Rejection
from .settings import Settings

# Batches coded in one spaCy memory zone (see Pipeline.code).
ZONE_BATCHES = 8


def build_pipeline(settings: Settings | None = None) -> Language:
    """The model named by ``settings.model`` with flashpoint's components appended."""
    settings = settings or Settings()
    register_extensions()
    # Importing the modules registers their factories.
    from . import actors, events, quotes  # noqa: F401

    nlp = load_model(settings.model)
    if settings.blas:
        from .nlp.fast.blas import use_blas

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


def stage_vocabulary(nlp: Language) -> TriggerVocabulary:
    """The prefilter's trigger vocabulary, from the stages' components in ``nlp``: the trigger
    lemmas of the events component's patterns (its ``patterns_file`` when it was given one), the
    modality speech verbs, and the attribution words of the quotes component's cues (its
    ``cues_file``); the shipped patterns and cues for a component ``nlp`` lacks."""
    ps = nlp.get_pipe("flashpoint_events").patterns if "flashpoint_events" in nlp.pipe_names else patterns()
    quote_cues = nlp.get_pipe("flashpoint_quotes").cues if "flashpoint_quotes" in nlp.pipe_names else load_cues()
    return TriggerVocabulary.from_triggers(
        ps.triggers(), quote_cues.attribution_words() | modality_cues().speech_verbs)


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


def doc_to_record(doc: Doc, article: Article, min_confidence: float = 0.0) -> CodedArticle:
    """Collect what the components wrote on a Doc into a CodedArticle (events below
    ``min_confidence`` left out)."""
    return CodedArticle(
        article=article,
        actors=list(doc._.actors or []),
        events=[e for e in doc._.events or [] if e.confidence >= min_confidence],
        quotes=list(doc._.quotes or []),
        quantities=list(doc._.quantities or []),
    )


def _where(article: Article) -> str:
    """The input an article came from, as ingest outcomes name it."""
    return article.source or article.id


class Pipeline:
    """Codes articles with the configured model and flashpoint's components.

    >>> pipe = Pipeline()
    >>> record = next(pipe.code([Article(id="a", text="Iran condemned the U.S. strikes.")]))
    """

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None):
        self.settings = settings or Settings()
        self.nlp = nlp or cached_pipeline(self.settings)
        # Ingest truncates text to max_chars; the model must accept what ingest lets through.
        self.nlp.max_length = max(self.nlp.max_length, self.settings.max_chars)
        self.prefilter: Prefilter | None = (
            prefilter_for(self.nlp, stage_vocabulary, quotation_spans, self.settings.prefilter_context,
                          self.settings.fast_components)
            if self.settings.prefilter else None
        )

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code a stream of articles, batched with ``nlp.pipe``; yields in input order.

        An article that cannot be coded raises :class:`~flashpoint.errors.InputError` with the
        reason; use :meth:`code_or_reject` to get a Rejection for it and go on.
        """
        for record in self.code_or_reject(articles):
            if isinstance(record, Rejection):
                raise InputError(f"{record.path}: {record.reason}")
            yield record

    def code_or_reject(self, articles: Iterable[Article]) -> Iterator[CodedArticle | Rejection]:
        """Like :meth:`code`, but an article whose coding fails becomes a Rejection (in order)."""
        size = max(1, self.settings.batch_size)
        stream = iter(articles)
        # Batches run in spaCy memory zones of ZONE_BATCHES batches: the strings and lexemes a
        # zone adds to the vocabulary are freed after it, so memory stays flat however long the
        # stream is (a zone per batch would re-create common words' lexemes too often). Records
        # hold plain Python values, never Docs or Spans, so they outlive the zone. Each batch's
        # records are yielded as soon as it is coded (the store writes one transaction per
        # batch), so a killed run loses at most the batch in progress.
        done = False
        while not done:
            with self.nlp.memory_zone():
                for _ in range(ZONE_BATCHES):
                    batch = list(itertools.islice(stream, size))
                    if not batch:
                        done = True
                        break
                    yield from self._code_isolated(batch)

    def _code_isolated(self, batch: list[Article]) -> list[CodedArticle | Rejection]:
        """Records for a batch; when the batch fails, each article alone (the bad one rejected)."""
        limit = self.nlp.max_length
        if any(len(a.text) > limit for a in batch):
            return [r for a in batch for r in (
                [Rejection(_where(a), f"text too long to parse: {len(a.text)} characters > "
                                      f"{limit} (max_chars)")]
                if len(a.text) > limit else self._code_isolated([a]))]
        code_batch = self._full if self.prefilter is None else self._prefiltered
        try:
            return [doc_to_record(doc, doc._.article, self.settings.min_confidence)
                    for doc in code_batch(batch)]
        except Exception as exc:  # noqa: BLE001 - one article's failure must not end the run
            if len(batch) == 1:
                return [Rejection(_where(batch[0]), f"coding failed: {type(exc).__name__}: {str(exc)[:300]}")]
        return [r for a in batch for r in self._code_isolated([a])]

    def code_doc(self, article: Article, *, fast: bool = False) -> Doc:
        """Run the pipeline on one article and return the Doc (for inspection and tests).

        By default every sentence is parsed, so the Doc shows everything the components can
        read (e.g. a pronoun's mention in a sentence without events). ``fast=True`` returns the
        Doc that :meth:`code` builds with the prefilter on (the same events and quotes).
        """
        if fast and self.prefilter is not None:
            return next(self._prefiltered([article]))
        doc = self.nlp.make_doc(article.text)
        doc._.article = article
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        return doc

    def _full(self, articles: Iterable[Article]) -> Iterator[Doc]:
        """Every sentence through every component (the reference path)."""

        def docs() -> Iterator[Doc]:
            # Docs go in (not strings) so every component can read doc._.article.
            for article in articles:
                doc = self.nlp.make_doc(article.text)
                doc._.article = article
                yield doc

        yield from self.nlp.pipe(docs(), batch_size=self.settings.batch_size)

    def _prefiltered(self, batch: list[Article]) -> Iterator[Doc]:
        """The model on candidate sentences of a batch, then flashpoint's components per Doc."""
        assert self.prefilter is not None
        own = [self.nlp.get_pipe(name) for name in own_pipes(self.nlp)]
        texts = [a.text for a in batch]
        for article, doc in zip(batch, parse_batch(self.nlp, self.prefilter, texts, self.settings.batch_size),
                                strict=True):
            doc._.article = article
            for proc in own:
                doc = proc(doc)
            yield doc

"""Pipeline: Article records in, CodedArticle records out, through one spaCy Language."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .nlp import cached_pipeline
from .records import Article, CodedArticle
from .settings import Settings


def doc_to_record(doc: Doc, article: Article) -> CodedArticle:
    """Collect what the components wrote on a Doc into a CodedArticle."""
    return CodedArticle(
        article=article,
        actors=list(doc._.actors or []),
        events=list(doc._.events or []),
        quotes=list(doc._.quotes or []),
        quantities=list(doc._.quantities or []),
    )


class Pipeline:
    """Codes articles with the configured model and flashpoint's components.

    >>> pipe = Pipeline()
    >>> record = next(pipe.code([Article(id="a", text="Iran condemned the U.S. strikes.")]))
    """

    def __init__(self, settings: Settings | None = None, nlp: Language | None = None):
        self.settings = settings or Settings()
        self.nlp = nlp or cached_pipeline(self.settings)

    def code(self, articles: Iterable[Article]) -> Iterator[CodedArticle]:
        """Code a stream of articles, batched with ``nlp.pipe``; yields in input order."""


        def docs() -> Iterator[Doc]:
            # Docs go in (not strings) so every component can read doc._.article.
            for article in articles:
                doc = self.nlp.make_doc(article.text)
                doc._.article = article
                yield doc

        for doc in self.nlp.pipe(docs(), batch_size=self.settings.batch_size):
            yield doc_to_record(doc, doc._.article)

    def code_doc(self, article: Article) -> Doc:
        """Run the pipeline on one article and return the Doc (for inspection and tests)."""
        doc = self.nlp.make_doc(article.text)
        doc._.article = article
        for _, proc in self.nlp.pipeline:
            doc = proc(doc)
        return doc

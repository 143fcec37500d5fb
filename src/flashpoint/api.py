"""The Python API in a few calls: code a text, a file, or many paths, without a database."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from .records import Article, CodedArticle, Duplicate, Rejection
from .settings import Settings


def code_paths(
    paths: Iterable[str | Path], settings: Settings | None = None
) -> Iterator[CodedArticle | Rejection]:
    """Read inputs (any supported format) and code every article; rejections are passed through.

    Unlike ``ingest``, nothing is de-duplicated: every readable article is coded.
    """
    from .job import code_outcomes
    from .readers import ingest

    settings = settings or Settings()
    outcomes = (
        o for o in ingest([str(p) for p in paths], settings, dedup=None) if not isinstance(o, Duplicate)
    )
    yield from code_outcomes(outcomes, settings)


def code_file(path: str | Path, settings: Settings | None = None) -> list[CodedArticle]:
    """Code every article in one file (a JSONL, feed or WARC file may hold several)."""
    return [r for r in code_paths([path], settings) if isinstance(r, CodedArticle)]


def code_text(
    text: str,
    title: str | None = None,
    date: str | None = None,
    settings: Settings | None = None,
    article_id: str | None = None,
) -> CodedArticle:
    """Code one article given as text (scraped boilerplate is cleaned as for ``.txt`` files).

    As at ingest, lone surrogates become U+FFFD and text over ``settings.max_chars`` is
    truncated; text that is not prose (word salad) and an article that cannot be coded raise
    :class:`~flashpoint.errors.InputError`.
    """
    from .errors import InputError
    from .guards import limit_article, scrub, scrub_value
    from .pipeline import Pipeline
    from .readers.clean import clean_text
    from .readers.prose import not_prose

    settings = settings or Settings()
    article = clean_text(scrub(text), source="<text>")
    salad = not_prose(article.text)
    if salad:  # word salad would give events from chance word orders
        raise InputError(f"not prose: {salad}")
    article.id = article_id or Article.make_id(article.text)
    if title:
        article.title = scrub_value(title)
    if date:
        article.published = date
        article.date_source = "metadata"
    return next(Pipeline(settings).code([limit_article(article, settings.max_chars)]))

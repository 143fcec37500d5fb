"""Ingest: turn input paths into clean, dated, language-checked, de-duplicated Article records.

``ingest(paths)`` streams one outcome per input — an :class:`~flashpoint.records.Article`, a
:class:`~flashpoint.records.Duplicate` or a :class:`~flashpoint.records.Rejection` with a specific
reason — so ``articles + duplicates + rejections == inputs``. An input is a file, or one record of
a container file (a JSONL line, a feed item, a WARC response record); a file that cannot be opened
at all is one rejected input. Readers: ``text``, ``html``, ``warc``, ``feed``, ``jsonl`` (and
whole ``.json`` documents: one article object or an array of them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ..errors import InputError
from ..guards import limit_article, scrub, scrub_value
from ..records import ALREADY_STORED, Article, Duplicate, Rejection
from ..settings import Settings
from .clean import clean, clean_text
from .dates import publication_date
from .dedup import Deduplicator
from .feed import read_feed
from .html import read_html
from .inputs import (
    SNIFF_BYTES,
    Draft,
    Opened,
    display_path,
    is_binary,
    open_input,
    walk_inputs,
    walk_skip_reason,
)
from .jsonl import read_json, read_jsonl
from .language import detect_language
from .prose import not_prose
from .text import read_text
from .warc import read_warc

__all__ = [
    "Deduplicator",
    "Outcome",
    "READERS",
    "clean_text",
    "count_inputs",
    "finish",
    "ingest",
    "read_path",
]

Outcome = Article | Duplicate | Rejection
Reader = Callable[[Opened, Settings], Iterator[Draft | Rejection]]

READERS: dict[str, Reader] = {
    "txt": read_text,
    "html": read_html,
    "warc": read_warc,
    "feed": read_feed,
    "jsonl": read_jsonl,
    "json": read_json,
}


def read_path(path: str, settings: Settings) -> Iterator[Draft | Rejection]:
    """Drafts (or rejections) read from one path; never raises for bad input."""
    source = display_path(path)
    try:
        opened = open_input(path)
    except InputError as exc:
        yield Rejection(source, exc.reason)
        return
    try:
        head = opened.head()
        if not head.strip() and len(head) < SNIFF_BYTES:
            yield Rejection(source, "truncated gzip stream" if opened.truncated else "empty file")
            return
        if opened.kind != "warc" and is_binary(head):
            yield Rejection(source, "binary file (not text)")
            return
        produced = False
        try:
            for outcome in READERS[opened.kind](opened, settings):
                produced = True
                yield outcome
        except InputError as exc:
            # A reader refused the whole input before producing anything from it.
            yield Rejection(source, exc.reason)
            return
        except Exception as exc:  # noqa: BLE001 - a reader bug must not end a long run
            yield Rejection(source, f"unreadable {opened.kind} input: {type(exc).__name__}: {exc}")
            return
        if not produced:
            yield Rejection(source, f"no articles in {opened.kind} file")
    finally:
        opened.close()


def finish(draft: Draft, settings: Settings, dedup: Deduplicator | None = None) -> Outcome:
    """Clean, check, date and de-duplicate one draft into its outcome.

    Lone surrogates become U+FFFD and text over ``settings.max_chars`` is truncated
    (:mod:`flashpoint.guards`).
    """
    draft.text, draft.title, draft.byline = (scrub(draft.text), scrub_value(draft.title),
                                             scrub_value(draft.byline))
    cleaned = clean(
        draft.text,
        headline=draft.title is None,
        lines_are_paragraphs=draft.extracted,
        title=draft.title,
    )
    text = cleaned.text
    if len(text) < settings.min_chars:
        return Rejection(
            draft.source, f"no article text after cleaning ({len(text)} chars < {settings.min_chars})"
        )
    language, _ = detect_language(f"{draft.title or cleaned.title or ''}\n{text}")
    if language not in settings.languages:
        return Rejection(draft.source, f"unsupported language: {language}")
    salad = not_prose(text) if language == "en" else None
    if salad:
        return Rejection(draft.source, f"not prose: {salad}")
    published, date_source = publication_date(
        draft.date, cleaned.dateline_date, cleaned.captions, text, stamp=cleaned.date_stamp
    )
    article = Article(
        id=draft.article_id or Article.make_id(text),
        text=text,
        source=draft.source,
        title=draft.title or cleaned.title,
        byline=draft.byline or cleaned.byline,
        dateline=cleaned.dateline,
        agency=cleaned.agency,
        published=published,
        date_source=date_source,
        captions=cleaned.captions,
        language=language,
        url=draft.url,
        input_kind=draft.input_kind,
    )
    article = limit_article(article, settings.max_chars)
    if dedup is not None:
        if dedup.id_taken(article.id, article.text):
            return Rejection(draft.source, f"duplicate id with different text: {article.id!r} "
                                           "already names another article")
        match = dedup.check(article.id, article.text)
        if match is not None:
            # This input's own article, stored by an earlier run: a re-run, not a new duplicate.
            again = match.duplicate_of == article.id and dedup.stored_from(article.id, draft.source)
            return Duplicate(
                path=draft.source,
                article_id=article.id,
                duplicate_of=match.duplicate_of,
                kind=ALREADY_STORED if again else match.kind,
                similarity=match.similarity,
            )
    return article


def ingest(
    paths: Iterable[str],
    settings: Settings | None = None,
    dedup: Deduplicator | None = None,
) -> Iterator[Outcome]:
    """Stream one outcome per input found under ``paths`` (files, directories, ``-`` for stdin).

    Pass a :class:`Deduplicator` (seeded with stored articles, if any) to report duplicates;
    with ``dedup=None`` nothing is de-duplicated. Bad input never raises: it becomes a
    :class:`Rejection` with a specific reason.
    """
    settings = settings or Settings()
    for path, walked in walk_inputs(paths):
        skip = walk_skip_reason(path) if walked else None
        if skip:
            yield Rejection(path, skip)
            continue
        for item in read_path(path, settings):
            if isinstance(item, Rejection):
                yield item
                continue
            try:
                yield finish(item, settings, dedup)
            except Exception as exc:  # noqa: BLE001 - one bad input must not stop a million-article run
                yield Rejection(item.source, f"internal error while cleaning: {type(exc).__name__}: {exc}")


def count_inputs(paths: Iterable[str]) -> int | None:
    """How many inputs ``paths`` hold, when cheap to know; None when a container must be parsed.

    Files count one each, plain (uncompressed) JSONL files one per non-blank line. Feeds, WARC
    archives, compressed JSONL and stdin would need a full read, so they make the count unknown.
    """
    from .inputs import STDIN, kind_from_name

    total = 0
    for path, walked in walk_inputs(paths):
        if path == STDIN:
            return None
        if walked and walk_skip_reason(path):
            total += 1  # skipped with a reason: one input, never opened (a pipe would block)
            continue
        kind = kind_from_name(path)
        if kind is None:
            try:
                opened = open_input(path)
            except InputError:
                total += 1
                continue
            kind = opened.kind
            opened.close()
            if kind == "jsonl" and opened.compressed:
                return None
        if kind in ("warc", "feed", "json"):
            return None
        if kind == "jsonl":
            if path.lower().endswith(".gz"):
                return None
            try:
                with open(path, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
            continue
        total += 1
    return total

"""Readers for JSON Lines dumps (one article a line) and JSON documents (an article or an array).

A record is ``{"id", "text"}`` plus optional ``title``, ``url``, ``date``; its ``id`` becomes the
article id. ``text``, ``title``, ``url`` and ``date`` must be strings (or null, but ``text``),
``id`` a string or an integer (``date`` may be a number): anything else rejects the record with
the field named.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..errors import InputError
from ..records import Rejection
from ..settings import Settings
from .inputs import Draft, Opened, decode, read_limited

# An over-long line is skipped to reach the next record; in a compressed stream at most this many
# bytes past the limit are decompressed for it (a gzip bomb), then the rest of the file is given up.
SKIP_COMPRESSED = 64 << 20


def _lines(opened: Opened, limit: int) -> Iterator[tuple[int, bytes | int | None]]:
    """``(line_number, bytes)``, or ``(line_number, size)`` for a line over ``limit`` (skipped),
    or ``(line_number, None)`` for an over-long compressed line not worth decompressing (last)."""
    number = 0
    while True:
        line = opened.stream.readline(limit + 1)
        if not line:
            return
        if opened.truncated and not line.endswith(b"\n"):
            return  # the cut-off tail of a truncated gzip stream, not a record
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while more := opened.stream.readline(1 << 20):
                size += len(more)
                if more.endswith(b"\n"):
                    break
                if opened.compressed and size > limit + SKIP_COMPRESSED:
                    yield number, None
                    return
            yield number, size
            continue
        yield number, line


def read_jsonl(opened: Opened, settings: Settings) -> Iterator[Draft | Rejection]:
    """One draft per non-blank line; a malformed line is one rejection, the others go on.

    A truncated gzip stream ends the file with one ``truncated gzip stream`` rejection (the cut-off
    last line is part of it); the lines read before it count.
    """
    for number, raw in _lines(opened, settings.max_bytes):
        source = f"{opened.source}#{number}"
        if raw is None:
            yield Rejection(source, f"over size limit: more than {settings.max_bytes} bytes > "
                                    f"{settings.max_bytes} (compressed line not decompressed "
                                    "further; the rest of the file is not read)")
            return
        if isinstance(raw, int):
            yield Rejection(source, f"over size limit: {raw} bytes > {settings.max_bytes}")
            continue
        if not raw.strip():
            continue  # a blank line holds no record
        try:
            record = json.loads(decode(raw.rstrip(b"\r\n")))
        except json.JSONDecodeError as exc:
            yield Rejection(source, f"malformed JSONL line {number}: {exc.msg}")
            continue
        except Exception as exc:  # noqa: BLE001 - undecodable bytes in one line
            yield Rejection(source, f"malformed JSONL line {number}: {exc}")
            continue
        yield _record_draft(record, source, "jsonl", f"malformed JSONL line {number}")
    if opened.truncated:
        yield Rejection(f"{opened.source}#truncated", "truncated gzip stream")


def _record_draft(record: object, source: str, kind: str, malformed: str) -> Draft | Rejection:
    """A draft from one ``{"id", "text", "title", "url", "date"}`` record, or why it is not one."""
    if not isinstance(record, dict):
        return Rejection(source, f"{malformed}: not a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        return Rejection(source, f'{malformed}: no "text" string')
    for name, types in (("title", str), ("url", str), ("date", str | int | float)):
        value = record.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, types)):
            return Rejection(source, f'{malformed}: "{name}" is not a '
                                     f'{"string" if types is str else "date"} '
                                     f"({type(value).__name__})")
    article_id = record.get("id")
    if isinstance(article_id, bool) or not isinstance(article_id, str | int | None):
        return Rejection(source, f'{malformed}: "id" is not a string or an integer '
                                 f"({type(article_id).__name__})")
    article_id = str(article_id).strip() if article_id is not None else None
    return Draft(
        source=source,
        input_kind=kind,
        text=text,
        title=record.get("title") or None,
        date=record.get("date") or None,
        url=record.get("url") or None,
        article_id=article_id or None,
    )


def read_json(opened: Opened, settings: Settings) -> Iterator[Draft | Rejection]:
    """A whole JSON document: one article object, or an array of them (each item an input).

    Unlike JSONL this needs the whole file in memory, so it is bounded by ``Settings.max_bytes``.
    """
    data = read_limited(opened.stream, settings.max_bytes)
    try:
        document = json.loads(decode(data))
    except json.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc.msg} (line {exc.lineno})") from exc
    if isinstance(document, dict):
        yield _record_draft(document, opened.source, "json", "malformed JSON record")
        return
    if not isinstance(document, list):
        raise InputError("malformed JSON: neither an object nor an array of objects")
    for index, record in enumerate(document, start=1):
        yield _record_draft(record, f"{opened.source}#{index}", "json", f"malformed JSON item {index}")

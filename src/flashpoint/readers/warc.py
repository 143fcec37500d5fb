"""Reader for WARC archives (warcio): each ``response``/``resource`` record is one input.

HTML records go to the HTML reader, plain-text records to cleaning as text; other content types
are rejected with their type. Records that carry no document (``warcinfo``, ``request``,
``metadata``, ``revisit``) are not inputs. A truncated archive ends with one rejection; records
read before the truncation count.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from ..records import Rejection
from ..settings import Settings
from .html import html_draft
from .inputs import Draft, Opened, decode

DOCUMENT_RECORDS = {"response", "resource", "conversion"}


def _content_type(record) -> str:
    if record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type")
    else:
        value = record.rec_headers.get_header("Content-Type")
    return (value or "").split(";")[0].strip().lower()


def read_warc(opened: Opened, settings: Settings) -> Iterator[Draft | Rejection]:
    """One draft (or rejection) per document record."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    # warcio takes EOFError as the end of an archive; opened.truncated tells the two apart.
    records = iter(ArchiveIterator(opened.stream, arc2warc=True))
    truncated = "truncated gzip stream" if opened.compressed else "truncated WARC record"
    number = 0
    while True:
        try:
            record = next(records)
        except StopIteration:
            break
        except ArchiveLoadFailed as exc:
            where = f"{opened.source}#{number + 1}" if number else opened.source
            yield Rejection(where, f"malformed WARC record: {exc.msg}")
            return
        number += 1
        if record.rec_type not in DOCUMENT_RECORDS:
            continue
        uri = record.rec_headers.get_header("WARC-Target-URI")
        source = f"{opened.source}#{uri or number}"
        try:
            payload = _payload(record, settings)
            if record.raw_stream.limit > 0:
                # The archive ended inside this record: it is the truncated one, and the last.
                yield Rejection(source, truncated)
                return
            yield _record_draft(record, payload, source, uri)
        except InputError as exc:
            yield Rejection(source, exc.reason)
    if opened.truncated:
        yield Rejection(f"{opened.source}#truncated", truncated)


def _payload(record, settings: Settings) -> bytes:
    status = record.http_headers.get_statuscode() if record.http_headers is not None else None
    if status and not status.startswith("2"):
        raise InputError(f"HTTP status {status}")
    payload = record.content_stream().read(settings.max_bytes + 1)
    if len(payload) > settings.max_bytes:
        size = record.length if record.length and record.length > settings.max_bytes else len(payload)
        raise InputError(f"over size limit: {size} bytes > {settings.max_bytes}")
    return payload


def _record_draft(record, payload: bytes, source: str, uri: str | None) -> Draft:
    if not payload.strip():
        raise InputError("empty WARC record")
    kind = _content_type(record)
    if "html" in kind or (not kind and payload.lstrip()[:1] == b"<"):
        return html_draft(source, payload, url=uri, kind="warc")
    if kind.startswith("text/plain"):
        return Draft(source=source, input_kind="warc", text=decode(payload), url=uri)
    raise InputError(f"unsupported WARC content type: {kind or 'unknown'}")

"""Opening inputs: walk paths, open (and gunzip) streams, tell the input kind, spot binary data, decode.

Nothing here understands articles; it turns a path into a readable byte stream plus the facts a
reader needs (kind, size), or into a specific rejection reason.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..errors import InputError

STDIN = "-"
SNIFF_BYTES = 8192
GZIP_MAGIC = b"\x1f\x8b"

# Extension (after any .gz) -> input kind. Anything else is sniffed from its first bytes.
EXTENSIONS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".warc": "warc",
    ".arc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".xml": "feed",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}

# Byte values that never occur in text (all C0 controls except tab, LF, CR, FF and ESC).
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}


@dataclass
class Opened:
    """An opened input: a buffered (already gunzipped) byte stream and what is known about it."""

    source: str
    stream: io.BufferedReader
    kind: str
    compressed: bool
    size: int | None  # on-disk size; None for stdin

    def head(self, n: int = SNIFF_BYTES) -> bytes:
        """The first ``n`` bytes without consuming them (fewer when the stream is shorter)."""
        try:
            return self.stream.peek(n)[:n]
        except (EOFError, OSError, zlib.error):
            # A gzip stream broken in its very first block: readers will report it when reading.
            return b""

    def close(self) -> None:
        try:
            self.stream.close()
        except Exception:  # noqa: BLE001 - closing a broken stream must not hide the real outcome
            pass


def walk(paths: Iterable[str]) -> Iterator[str]:
    """Every input path: files as given, directories walked recursively in sorted order, ``-`` kept.

    Paths that do not exist are passed through too, so the caller rejects them with a reason.
    """
    for path in paths:
        path = str(path)
        if path != STDIN and os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()  # os.walk follows this list: sorting it makes the walk deterministic
                for name in sorted(files):
                    yield os.path.join(root, name)
        else:
            yield path


def kind_from_name(path: str) -> str | None:
    """The input kind told by the file name (``a.warc.gz`` -> ``warc``), or None."""
    name = path.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return EXTENSIONS.get(os.path.splitext(name)[1])


def sniff_kind(head: bytes) -> str:
    """The input kind told by content: WARC header, feed root, HTML markup, JSON object, else text."""
    text = head.lstrip(codecs.BOM_UTF8 + b" \t\r\n").lower()
    if text.startswith(b"warc/1.") or text.startswith(b"warc/0."):
        return "warc"
    if b"<rss" in text or b"<feed" in text or b"<rdf:rdf" in text:
        return "feed"
    if text.startswith(b"<") and (b"<html" in text or b"<!doctype html" in text or b"<body" in text):
        return "html"
    if text.startswith(b"{"):
        return "jsonl"
    return "txt"


def open_input(path: str) -> Opened:
    """Open ``path`` (or stdin for ``-``), gunzip when compressed, and tell its kind.

    Raises :class:`InputError` with the rejection reason when the input cannot be opened.
    """
    if path == STDIN:
        raw: IO[bytes] = sys.stdin.buffer
        size = None
    else:
        try:
            raw = open(path, "rb")  # noqa: SIM115 - closed by Opened.close
            size = os.fstat(raw.fileno()).st_size
        except OSError as exc:
            raise InputError(f"cannot open: {exc.strerror or exc}") from exc
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[arg-type]
    compressed = buffered.peek(2)[:2] == GZIP_MAGIC
    stream = (
        io.BufferedReader(gzip.GzipFile(fileobj=buffered, mode="rb"), buffer_size=65536)  # type: ignore[arg-type]
        if compressed
        else buffered
    )
    source = "<stdin>" if path == STDIN else path
    opened = Opened(source, stream, "txt", compressed, size)
    opened.kind = (None if path == STDIN else kind_from_name(path)) or sniff_kind(opened.head())
    return opened


def is_binary(head: bytes) -> bool:
    """True when bytes look like binary data rather than text in any 8-bit or UTF-8 encoding."""
    if not head:
        return False
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.05


def read_limited(stream: IO[bytes], limit: int) -> bytes:
    """Read a whole single-document input, refusing more than ``limit`` bytes.

    Raises :class:`InputError` for over-size and truncated gzip inputs.
    """
    try:
        data = stream.read(limit + 1)
        if len(data) > limit:
            total = len(data)
            # Count the rest without keeping it, so the reason states the real size.
            while chunk := stream.read(1 << 20):
                total += len(chunk)
            raise InputError(f"over size limit: {total} bytes > {limit}")
        return data
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise InputError("truncated gzip stream") from exc


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 by BOM, else charset-normalizer's guess.

    Raises :class:`InputError` when no encoding fits.
    """
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is None or best.encoding is None:
        raise InputError("undecodable text: no character encoding fits")
    return data.decode(best.encoding, errors="replace")


def display_path(path: str | Path) -> str:
    """The path as recorded in outcomes (stdin shown as ``<stdin>``)."""
    return "<stdin>" if str(path) == STDIN else str(path)


@dataclass
class Draft:
    """What a reader got out of one input, before cleaning, dating, language and duplicate checks.

    ``text`` is the raw article text (scraped plain text, or extractor output one paragraph a line
    when ``extracted``); the other fields are metadata the format carried.
    """

    source: str
    input_kind: str
    text: str
    title: str | None = None
    byline: str | None = None
    date: object = None
    url: str | None = None
    article_id: str | None = None
    extracted: bool = False

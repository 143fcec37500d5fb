"""Opening inputs: walk paths, open (and gunzip) streams, tell the input kind, spot binary data, decode.

Nothing here understands articles; it turns a path into a readable byte stream plus the facts a
reader needs (kind, size), or into a specific rejection reason.
"""

from __future__ import annotations

import codecs
import gzip
import io
import os
import stat
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
    ".json": "json",
}

# Files that sit beside a corpus to describe it (README.md, LICENSE), not articles in it.
DOCUMENTATION_NAMES = frozenset(
    {"readme", "license", "licence", "copying", "changelog", "changes", "notice", "authors", "contributing"}
)

# Byte values that never occur in text (all C0 controls except tab, LF, CR, FF and ESC).
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}


class GzipStream(io.RawIOBase):
    """A gunzipping raw stream that turns a broken or cut-off gzip tail into end-of-file.

    ``truncated`` tells afterwards whether the stream ended early. Everything decompressed before
    the break is delivered, so the records of a container read before a truncation still count
    (a buffered reader over ``gzip.GzipFile`` would lose them with the exception).
    """

    def __init__(self, fileobj: IO[bytes]):
        self._gzip = gzip.GzipFile(fileobj=fileobj, mode="rb")
        self.truncated = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self.truncated:
            return 0
        try:
            data = self._gzip.read1(len(buffer))
        except (EOFError, zlib.error, gzip.BadGzipFile, OSError):
            self.truncated = True
            return 0
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._gzip.close()
        super().close()


@dataclass
class Opened:
    """An opened input: a buffered (already gunzipped) byte stream and what is known about it."""

    source: str
    stream: io.BufferedReader
    kind: str
    compressed: bool
    size: int | None  # on-disk size; None for stdin

    gzip_stream: GzipStream | None = None

    @property
    def truncated(self) -> bool:
        """True once reading has hit a cut-off or corrupt gzip stream."""
        return self.gzip_stream is not None and self.gzip_stream.truncated

    def head(self, n: int = SNIFF_BYTES) -> bytes:
        """The first ``n`` bytes without consuming them (fewer when the stream is shorter)."""
        return self.stream.peek(n)[:n]

    def close(self) -> None:
        try:
            self.stream.close()
        except Exception:  # noqa: BLE001 - closing a broken stream must not hide the real outcome
            pass


def _collect_into(names: list[str]):
    def onerror(exc: OSError) -> None:
        names.append(str(exc.filename))

    return onerror


def walk(paths: Iterable[str]) -> Iterator[str]:
    """Every input path: files as given, directories walked recursively in sorted order, ``-`` kept.

    Paths that do not exist are passed through too, so the caller rejects them with a reason.
    """
    for path, _ in walk_inputs(paths):
        yield path


def walk_inputs(paths: Iterable[str]) -> Iterator[tuple[str, bool]]:
    """``(path, found_by_walking)`` for every input path (see :func:`walk`)."""
    for path in paths:
        path = str(path)
        if path != STDIN and os.path.isdir(path):
            unreadable: list[str] = []
            # A directory that cannot be listed is yielded itself, so it is rejected, not skipped.
            for root, dirs, files in os.walk(path, onerror=_collect_into(unreadable)):
                while unreadable:
                    yield unreadable.pop(0), True
                dirs.sort()  # os.walk follows this list: sorting it makes the walk deterministic
                for name in sorted(files):
                    yield os.path.join(root, name), True
            for name in unreadable:
                yield name, True
        else:
            yield path, False


_SPECIAL = ((stat.S_ISFIFO, "named pipe"), (stat.S_ISSOCK, "socket"),
            (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"))


def walk_skip_reason(path: str) -> str | None:
    """Why a file met while walking a directory is not read: hidden and project documentation
    files, and anything that is not a regular file (opening a named pipe would wait forever for
    a writer; a device never ends).

    Named explicitly, the same files are read like any other (``<(cmd)`` is a pipe).
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        mode = None  # a broken link or a vanished file: opening it gives the reason
    if mode is not None and not stat.S_ISREG(mode):
        kind = next((name for test, name in _SPECIAL if test(mode)), "special file")
        return f"skipped: not a regular file ({kind})"
    name = os.path.basename(path)
    if name.startswith("."):
        return f"skipped: hidden file ({name})"
    stem = name.split(".", 1)[0].lower()
    if stem in DOCUMENTATION_NAMES:
        return f"skipped: documentation file, not an article ({name})"
    return None


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
        # One object a line is JSONL; an object spread over lines is a JSON document.
        first = text.split(b"\n", 1)[0].rstrip()
        return "jsonl" if first.endswith(b"}") or len(first) >= len(text) - 1 else "json"
    if text.startswith(b"["):
        return "json"
    return "txt"


def open_input(path: str) -> Opened:
    """Open ``path`` (or stdin for ``-``), gunzip when compressed, and tell its kind.

    Raises :class:`InputError` with the rejection reason when the input cannot be opened.
    """
    if path == STDIN:
        raw: IO[bytes] = sys.stdin.buffer
        size = None
    elif os.path.isdir(path):
        try:
            os.listdir(path)
        except OSError as exc:
            raise InputError(f"cannot read directory: {exc.strerror or exc}") from exc
        raise InputError("cannot open: Is a directory")
    else:
        try:
            raw = open(path, "rb")  # noqa: SIM115 - closed by Opened.close
            size = os.fstat(raw.fileno()).st_size
        except OSError as exc:
            raise InputError(f"cannot open: {exc.strerror or exc}") from exc
    buffered = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)  # type: ignore[arg-type]
    compressed = buffered.peek(2)[:2] == GZIP_MAGIC
    gzip_stream = GzipStream(buffered) if compressed else None
    stream = io.BufferedReader(gzip_stream, buffer_size=65536) if gzip_stream else buffered
    source = "<stdin>" if path == STDIN else path
    opened = Opened(source, stream, "txt", compressed, size, gzip_stream)
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

    Raises :class:`InputError` for over-size and truncated gzip inputs. The reason states the
    real size of a plain file (from its end, nothing more is read); a compressed stream or stdin
    is not read past the limit (a gzip bomb would expand to gigabytes just to be measured).
    """
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"over size limit: {_size_past(stream, limit)} > {limit}")
    if getattr(stream, "raw", None) is not None and getattr(stream.raw, "truncated", False):
        raise InputError("truncated gzip stream")
    return data


def _size_past(stream: IO[bytes], limit: int) -> str:
    """``"N bytes"`` for a seekable (plain file) stream, else ``"more than LIMIT bytes"``."""
    try:
        if stream.seekable():
            return f"{stream.seek(0, io.SEEK_END)} bytes"
    except (OSError, ValueError):
        pass
    return f"more than {limit} bytes"


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

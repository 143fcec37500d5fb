"""Opening inputs: kind by name and by content, binary sniffing, decoding, gzip truncation."""

from __future__ import annotations

import gzip

import pytest

from flashpoint.errors import InputError
from flashpoint.readers.inputs import (
    decode,
    is_binary,
    kind_from_name,
    open_input,
    read_limited,
    sniff_kind,
)


@pytest.mark.parametrize(
    "name, kind",
    [
        ("a.txt", "txt"),
        ("a.TXT.gz", "txt"),
        ("page.htm", "html"),
        ("crawl.warc.gz", "warc"),
        ("news.rss", "feed"),
        ("news.atom", "feed"),
        ("dump.jsonl.gz", "jsonl"),
        ("dump.ndjson", "jsonl"),
        ("README", None),
        ("data.gz", None),
    ],
)
def test_kind_from_name(name, kind):
    assert kind_from_name(name) == kind


@pytest.mark.parametrize(
    "head, kind",
    [
        (b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
        (b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html>", "html"),
        (b"  <html lang='en'>", "html"),
        (b'{"id": "1", "text": "x"}\n', "jsonl"),
        (b"Headline\n\nBody text.", "txt"),
    ],
)
def test_sniff_kind(head, kind):
    assert sniff_kind(head) == kind


def test_binary_detection():
    assert is_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert is_binary(bytes(range(32)) * 4)
    assert not is_binary("Café – “quoted” text".encode("cp1252"))
    assert not is_binary(b"Plain English text.\n")
    assert not is_binary("UTF-16 text".encode("utf-16"))


def test_decode_encodings():
    assert decode("naïve café".encode()) == "naïve café"
    assert decode(b"\xef\xbb\xbfbom") == "bom"
    assert decode("Überraschung für die Regierung in München".encode("latin-1")) == (
        "Überraschung für die Regierung in München"
    )
    assert decode("“Quoted” — said the minister’s aide".encode("cp1252")) == "“Quoted” — said the minister’s aide"
    assert decode("two words".encode("utf-16")) == "two words"


def test_read_limited_and_truncation(tmp_path):
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(b"x" * 5000))
    opened = open_input(str(path))
    assert opened.compressed and opened.kind == "txt"
    # Compressed: not decompressed past the limit just to be measured.
    with pytest.raises(InputError, match=r"over size limit: more than 1000 bytes > 1000"):
        read_limited(opened.stream, 1000)
    plain = tmp_path / "a.txt"
    plain.write_bytes(b"x" * 5000)
    with pytest.raises(InputError, match=r"over size limit: 5000 bytes > 1000"):
        read_limited(open_input(str(plain)).stream, 1000)
    path.write_bytes(gzip.compress(b"word " * 5000)[:-20])
    opened = open_input(str(path))
    with pytest.raises(InputError, match="truncated gzip stream"):
        read_limited(opened.stream, 100_000)


def test_missing_file():
    with pytest.raises(InputError, match="cannot open: No such file or directory"):
        open_input("/nonexistent/dir/file.txt")


def test_a_fifo_in_an_input_tree_is_skipped_not_waited_on(tmp_path):
    # Issue 16 item 4: opening a named pipe blocks until a writer comes: ingest hung forever.
    import os
    import threading

    from flashpoint.readers import count_inputs, ingest
    from flashpoint.records import Article, Rejection

    (tmp_path / "story.txt").write_text(
        "Police in Nairobi arrested twelve protesters outside parliament on Tuesday, officials said.")
    os.mkfifo(tmp_path / "pipe.txt")
    os.mkfifo(tmp_path / "pipe")
    results: list = []
    worker = threading.Thread(target=lambda: results.extend(ingest([str(tmp_path)])), daemon=True)
    worker.start()
    worker.join(timeout=30)
    if worker.is_alive():  # unblock the reader so the test process can end, then fail
        for name in ("pipe", "pipe.txt"):
            with open(tmp_path / name, "wb"):
                pass
        raise AssertionError("ingest blocked on a named pipe")
    by_path = {getattr(r, "path", None) or r.source: r for r in results}
    assert isinstance(by_path[str(tmp_path / "story.txt")], Article)
    for name in ("pipe", "pipe.txt"):
        skipped = by_path[str(tmp_path / name)]
        assert isinstance(skipped, Rejection)
        assert skipped.reason == "skipped: not a regular file (named pipe)"
    assert count_inputs([str(tmp_path)]) == 3


def _bomb(path, gib: int) -> None:
    """A gzip file of ``gib`` GiB of the letter a (about 4 MB per GiB): one 64 MiB member, repeated."""
    import zlib

    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip container
    member = packer.compress(b"a" * (64 << 20)) + packer.flush()
    with open(path, "wb") as fh:
        for _ in range(16 * gib):
            fh.write(member)


def test_gzip_bombs_are_not_decompressed_past_the_limit(tmp_path):
    # Issue 16 item 11: a 4 MB file was decompressed to 4 GiB (16 s) to report its size.
    import time

    from flashpoint.readers import ingest
    from flashpoint.settings import Settings

    _bomb(tmp_path / "bomb.txt.gz", 4)
    (tmp_path / "bomb.html.gz").write_bytes((tmp_path / "bomb.txt.gz").read_bytes())
    line = gzip.compress(b'{"id": "ok", "text": "' + b"word " * 20 + b'"}\n')
    (tmp_path / "bomb.jsonl.gz").write_bytes(line + (tmp_path / "bomb.txt.gz").read_bytes())
    started = time.monotonic()
    results = {getattr(r, "path", None) or r.source: r
               for r in ingest([str(tmp_path)], Settings(max_bytes=100_000))}
    assert time.monotonic() - started < 8, "the bombs were decompressed"
    for name in ("bomb.txt.gz", "bomb.html.gz"):
        assert results[str(tmp_path / name)].reason == (
            "over size limit: more than 100000 bytes > 100000")
    assert results[f"{tmp_path / 'bomb.jsonl.gz'}#1"].reason.startswith("no article text")
    assert results[f"{tmp_path / 'bomb.jsonl.gz'}#2"].reason.startswith(
        "over size limit: more than 100000 bytes > 100000 (compressed line")
    assert len(results) == 4

"""Reader for JSON Lines dumps: one article a line, ``{"id", "text"}`` plus ``title``, ``url``, ``date``."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator

from ..records import Rejection
from ..settings import Settings
from .inputs import Draft, Opened, decode


def _lines(opened: Opened, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """``(line_number, bytes)``; ``None`` bytes for a line over ``limit`` (its rest is skipped)."""
    number = 0
    while True:
        line = opened.stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (more := opened.stream.readline(1 << 20)) and not more.endswith(b"\n"):
                pass
            yield number, None
            continue
        yield number, line


def read_jsonl(opened: Opened, settings: Settings) -> Iterator[Draft | Rejection]:
    """One draft per non-blank line; a malformed line is one rejection, the others go on.

    A truncated gzip stream ends the file with one ``truncated gzip stream`` rejection; the lines
    read before it count.
    """
    lines = _lines(opened, settings.max_bytes)
    while True:
        try:
            number, raw = next(lines)
        except StopIteration:
            return
        except (EOFError, zlib.error, gzip.BadGzipFile):
            yield Rejection(f"{opened.source}#truncated", "truncated gzip stream")
            return
        source = f"{opened.source}#{number}"
        if raw is None:
            yield Rejection(source, f"over size limit: line {number} > {settings.max_bytes} bytes")
            continue
        if not raw.strip():
            continue  # a blank line holds no record
        try:
            record = json.loads(decode(raw))
        except json.JSONDecodeError as exc:
            yield Rejection(source, f"malformed JSONL line {number}: {exc.msg}")
            continue
        except Exception as exc:  # noqa: BLE001 - undecodable bytes in one line
            yield Rejection(source, f"malformed JSONL line {number}: {exc}")
            continue
        if not isinstance(record, dict):
            yield Rejection(source, f"malformed JSONL line {number}: not a JSON object")
            continue
        text = record.get("text")
        if not isinstance(text, str):
            yield Rejection(source, f'malformed JSONL line {number}: no "text" string')
            continue
        article_id = record.get("id")
        yield Draft(
            source=source,
            input_kind="jsonl",
            text=text,
            title=record.get("title") or None,
            date=record.get("date") or None,
            url=record.get("url") or None,
            article_id=str(article_id) if article_id not in (None, "") else None,
        )

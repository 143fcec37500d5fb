"""Find quoted stretches of text by their quotation marks, paragraph by paragraph.

Works on characters only (no parse), so it sees what a reader sees: straight and curly marks,
a paragraph that opens a quote without closing it (the quote continues into the next paragraph),
and single quotes nested inside double ones (they stay part of the outer quote).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Paragraphs are separated by line breaks; wire copy scraped from sites often puts a lone "."
# or spaces on the separating line, which is still a separator.
_PARAGRAPH_BREAK = re.compile(r"\n[\s.]*")

DOUBLE_OPEN = "“„«"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"


@dataclass
class Marked:
    """One quoted stretch: ``[start, end)`` includes the marks; ``inner`` excludes them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool = True  # False when the paragraph ended before a closing mark

    @property
    def inner(self) -> tuple[int, int]:
        return self.inner_start, self.inner_end


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every non-empty paragraph, in order."""
    out: list[tuple[int, int]] = []
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if text[pos : m.start()].strip():
            out.append(_trim(text, pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append(_trim(text, pos, len(text)))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_opening_straight(text: str, i: int, lo: int, hi: int) -> bool:
    """A straight mark opens when it follows a space/bracket/line start and precedes a non-space."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return (before.isspace() or before in "([{—–-/:") and not after.isspace()


def _is_apostrophe(text: str, i: int, lo: int, hi: int) -> bool:
    """A single mark between letters or digits (don't, Shi’ite, rock'n'roll) is no quote mark."""
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return before.isalnum() and after.isalnum()


def _scan_paragraph(
    text: str, lo: int, hi: int, opens: str, closes: str, straight: str
) -> list[Marked]:
    """Quoted stretches inside one paragraph for one family of marks (double or single)."""
    found: list[Marked] = []
    open_at: int | None = None
    for i in range(lo, hi):
        ch = text[i]
        if ch in opens or (
            ch == straight and open_at is None and _is_opening_straight(text, i, lo, hi)
        ):
            if open_at is None:
                open_at = i
            continue
        if ch in closes or ch == straight:
            if straight == "'" or ch in SINGLE_CLOSE:
                if _is_apostrophe(text, i, lo, hi):
                    continue
            if open_at is not None:
                found.append(Marked(open_at, i + 1, open_at + 1, i))
                open_at = None
    if open_at is not None:
        found.append(Marked(open_at, hi, open_at + 1, hi, closed=False))
    return found


def _strip_inner(text: str, m: Marked) -> Marked:
    s, e = _trim(text, m.inner_start, m.inner_end)
    m.inner_start, m.inner_end = s, max(s, e)
    return m


def find_marked(text: str) -> list[Marked]:
    """Every top-level quoted stretch of ``text``, continued quotes merged across paragraphs.

    Double marks are the quotation marks; single marks count as quotation marks only in a text
    that uses no double marks at all (house styles that quote with single marks), otherwise they
    are nested quotes or apostrophes and belong to whatever encloses them.
    """
    uses_double = any(c in text for c in '"“”„«»')
    if uses_double:
        family = (DOUBLE_OPEN, DOUBLE_CLOSE, '"')
    else:
        family = (SINGLE_OPEN, SINGLE_CLOSE, "'")
    merged: list[Marked] = []
    carry: Marked | None = None
    for lo, hi in paragraphs(text):
        marks = _scan_paragraph(text, lo, hi, *family)
        if carry is not None:
            # A paragraph after an unclosed quote continues it when it opens with a quote mark;
            # otherwise the quote simply ended with its paragraph.
            if marks and marks[0].start == lo:
                first = marks.pop(0)
                carry.end, carry.inner_end, carry.closed = first.end, first.inner_end, first.closed
                if not first.closed:
                    continue
                merged.append(_strip_inner(text, carry))
                carry = None
            else:
                merged.append(_strip_inner(text, carry))
                carry = None
        for m in marks:
            if not m.closed:
                carry = m
            else:
                merged.append(_strip_inner(text, m))
    if carry is not None:
        merged.append(_strip_inner(text, carry))
    return [m for m in merged if m.inner_end > m.inner_start]


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every quotation of :func:`find_marked` (marks included), in order:
    where the sentence prefilter reads a cue as quoted, not as attributing speech."""
    return [(m.start, m.end) for m in find_marked(text)]

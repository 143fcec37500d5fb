"""Hard-wrapped text (wire archives, e-mail, old newsgroups) rejoined into paragraphs.

A text is *wrapped* when most of its lines end near one width (40-100 characters) and hardly any
line is longer. Its paragraphs are then marked by blank lines or by indentation (wire copy
indents each paragraph's first line), and a line also ends its paragraph when the next line's
first word would have fitted on it: a wrapping tool would have put it there. The lines of a
paragraph are joined with one space; each paragraph becomes one line, paragraphs separated by a
blank line. Table rows (column gaps of 3+ spaces or tabs) and list items are left as lines of
their own. A text that is not wrapped is returned unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["WrapProfile", "is_list_item", "is_table_row", "unwrap", "wrap_profile"]

MIN_WIDTH, MAX_WIDTH = 40, 100
# Share of lines that must end near the width; lines longer than width + OVERFLOW may be few.
NEAR_SHARE, NEAR_FRACTION, OVERFLOW, OVERFLOW_SHARE = 0.5, 0.75, 10, 0.05
# A line ends "full" when its length plus the next word reaches the width minus this slack
# (the width is the longest line seen; wrappers differ by a column or two).
SLACK = 4
DASHES = frozenset({"-", "--", "–", "—"})
_SENTENCE_END = (".", "!", "?", "…", '"', "”", "’", "'", ":", ";")
_TABLE_GAP = re.compile(r"\S(?: {3,}|\t)\S")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•·–—]\s|\(?\d{1,2}[.)]\s|\([a-z]\)\s)")
_INDENT = re.compile(r"^[ \t]*")


@dataclass(frozen=True)
class WrapProfile:
    """The wrap width of a text and its unindented (body) indentation."""

    width: int
    indent: int


def is_table_row(line: str) -> bool:
    """A line with column gaps (3+ spaces or a tab between words): a table row."""
    return bool(_TABLE_GAP.search(line.strip()))


def is_list_item(line: str) -> bool:
    return bool(_LIST_ITEM.match(line))


def _indent(line: str) -> int:
    return len(_INDENT.match(line).group().expandtabs(4))


def wrap_profile(lines: list[str]) -> WrapProfile | None:
    """The wrap width when most prose lines end near one width, else ``None`` (not wrapped)."""
    prose = [line.rstrip() for line in lines if line.strip() and not is_table_row(line)]
    if len(prose) < 4:
        return None
    lengths = sorted(len(line) for line in prose)
    p90 = lengths[(len(lengths) - 1) * 9 // 10]
    if not MIN_WIDTH <= p90 <= MAX_WIDTH:
        return None
    width = max(n for n in lengths if n <= p90 + OVERFLOW)
    near = sum(1 for n in lengths if n >= width * NEAR_FRACTION)
    overflow = sum(1 for n in lengths if n > width)
    if near < 3 or near < NEAR_SHARE * len(lengths) or overflow > OVERFLOW_SHARE * len(lengths):
        return None
    indents = sorted(_indent(line) for line in prose)
    return WrapProfile(width=width, indent=indents[len(indents) // 2])


def _continues(prev: str, line: str, profile: WrapProfile, in_item: bool = False) -> bool:
    """Whether ``line`` continues the paragraph whose last line so far is ``prev`` (``in_item``:
    that paragraph is a list item)."""
    if _indent(line) > profile.indent or is_table_row(prev) or is_table_row(line):
        return False  # an indented first line starts a paragraph; table rows stand alone
    prev, word = prev.rstrip(), line.split()[0]
    if in_item and prev.endswith(_SENTENCE_END):
        return False  # a finished list item: what follows is the next item or the text
    full = len(prev) + 1 + len(word) > profile.width - SLACK
    if is_list_item(line):
        # A list item starts a paragraph, except a dash that goes on with a full line's
        # unfinished sentence ("... removal and destruction\n- of all missiles").
        return word in DASHES and full and not prev.endswith(_SENTENCE_END)
    if full or word[0].islower():
        return True
    # A line that stops early mid-sentence (no final punctuation) after at least half a width.
    return not prev.endswith(_SENTENCE_END) and len(prev) >= profile.width // 2


def unwrap(text: str) -> str:
    """``text`` with wrapped paragraphs joined into one line each (blank lines between them);
    unchanged when the text is not hard-wrapped."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    profile = wrap_profile(lines)
    if profile is None:
        return text
    paragraphs: list[list[str]] = []
    prev: str | None = None
    for line in lines:
        if not line.strip():
            prev = None
            continue
        if prev is not None and _continues(prev, line, profile, is_list_item(paragraphs[-1][0])):
            paragraphs[-1].append(line.strip())
        else:
            paragraphs.append([line.strip() if not is_table_row(line) else line.rstrip()])
        prev = line
    return "\n\n".join(" ".join(p) for p in paragraphs)

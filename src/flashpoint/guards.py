"""Guards between raw text and the parser: text spaCy cannot encode, and text too long to parse.

- **Lone surrogates** (``"\\udc9a"``, which a JSON escape can produce but no encoding can write)
  become U+FFFD, one character for one, so every offset stays valid.
- **Over-long text**: spaCy refuses texts over its ``max_length`` (1,000,000 characters by
  default) and parsing one takes memory in proportion. A clean text longer than
  ``Settings.max_chars`` is truncated by :func:`truncate`: cut at the last paragraph break
  before the limit, else the last sentence end, else the last space, else at the limit; never
  refused silently — the article carries ``truncated_from`` (its length before the cut) and the
  ingest report and ``ingest_log`` say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .records import Article

_SURROGATE = re.compile("[\ud800-\udfff]")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s")
# A paragraph or sentence cut is preferred when it keeps at least this share of the limit.
_KEEP_AT_LEAST = 0.5


def scrub(text: str) -> str:
    """``text`` with lone surrogate code points replaced by U+FFFD (same length)."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def scrub_value(value: object) -> object:
    """:func:`scrub` for strings; other values are returned as they are."""
    return scrub(value) if isinstance(value, str) else value


def truncate(text: str, max_chars: int) -> str:
    """``text`` cut to at most ``max_chars`` characters at the best boundary before the limit."""
    if len(text) <= max_chars:
        return text
    floor = int(max_chars * _KEEP_AT_LEAST)
    cut = text.rfind("\n", floor, max_chars + 1)
    if cut < 0:
        ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, max_chars + 1)]
        cut = ends[-1] if ends else text.rfind(" ", floor, max_chars + 1)
    if cut <= 0:
        cut = max_chars
    return text[:cut].rstrip()


@dataclass
class TruncatedArticle(Article):
    """An article whose text was cut to ``Settings.max_chars`` (``truncated_from`` chars before)."""

    truncated_from: int = 0

    @property
    def note(self) -> str:
        return (f"text truncated to {len(self.text)} of {self.truncated_from} characters "
                "(max_chars)")


def truncation_note(article: Article) -> str | None:
    """What was done to an article's text on the way in (a truncation), or None."""
    return article.note if isinstance(article, TruncatedArticle) else None


def limit_article(article: Article, max_chars: int) -> Article:
    """``article`` itself when its text fits ``max_chars``, else a :class:`TruncatedArticle`."""
    if len(article.text) <= max_chars:
        return article
    fields = dict(article.__dict__)
    fields["text"] = truncate(article.text, max_chars)
    return TruncatedArticle(**fields, truncated_from=len(article.text))

"""Publication date of an article: from metadata, else from the dateline, captions or text.

Order (the first that gives a full date wins; ``Article.date_source`` records which):

1. ``metadata`` — a date from HTML meta, the feed item or the JSONL ``date`` field.
2. ``dateline`` — ``BEIRUT, Jan 3 (AP)``; a dateline without a year takes it from the nearest
   explicit date elsewhere in the article. A date-stamp line printed above the article
   ("Posted on 2025-04-11", "Monday, April 7, 2025") counts as the dateline's date.
3. ``relative-weekday`` — the lead says "on Thursday" and the only anchor is an explicit date in a
   caption or the text: the news day is that weekday on or after the latest anchor (a caption of
   Sunday, December 29, 2019 and "said on Thursday" give 2020-01-02).
4. ``caption`` / ``text`` — the latest explicit date in the captions, else in the text.

Dates are ISO ``YYYY-MM-DD`` strings.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

# English month and weekday names from the standard library (the C locale).
_MONTHS: dict[str, int] = {}
for _i in range(1, 13):
    _MONTHS[calendar.month_name[_i].lower()] = _i
    _MONTHS[calendar.month_abbr[_i].lower()] = _i
_MONTHS["sept"] = 9
_WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}

_MONTH_RE = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_EXPLICIT = [
    re.compile(rf"\b{_MONTH_RE}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH_RE}\s*,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
    # Day-first with dots, as European sites print it ("28.04.2025"); slashes stay ambiguous.
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b"),
]
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MONTH_DAY = re.compile(rf"^\s*{_MONTH_RE}\s+(?P<day>\d{{1,2}})(?:,?\s+(?P<year>\d{{4}}))?\s*$", re.I)
_ISO_PREFIX = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_WEEKDAY = re.compile(
    r"(?:\b(?P<prev>last|next|every|since|until|by|from|this|past|coming)\s+)?\b(?P<day>"
    + "|".join(n.capitalize() for n in _WEEKDAYS)
    + r")\b"
)
# Only the head of a long text is searched: the news day and dates near it are stated early.
_SCAN_CHARS = 8_000


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month(value: str) -> int:
    return int(value) if value.isdigit() else _MONTHS[value.lower().rstrip(".")]


def explicit_dates(text: str) -> list[date]:
    """Full dates written in ``text`` ("December 29, 2019", "29 December 2019", "2019-12-29")."""
    found: dict[int, date] = {}
    head = text[:_SCAN_CHARS]
    # Every full date holds a year: look only around years, not over the whole text.
    for year in _YEAR.finditer(head):
        start = max(0, year.start() - 30)
        while start > 0 and not head[start - 1].isspace():
            start -= 1
        window = head[start : year.end() + 6]
        for pattern in _EXPLICIT:
            for m in pattern.finditer(window):
                d = _make(int(m.group("year")), _month(m.group("month")), int(m.group("day")))
                if d:
                    found[start + m.start()] = d
    return [found[pos] for pos in sorted(found)]


def strip_dates(text: str) -> str:
    """``text`` with its full explicit dates cut out (what is left around a date stamp)."""
    for pattern in _EXPLICIT:
        text = pattern.sub(" ", text)
    return text


def parse_date(value: object) -> str | None:
    """A metadata date (ISO string, datetime, or free text) as ``YYYY-MM-DD``, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    m = _ISO_PREFIX.match(text)
    if m:
        d = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return d.isoformat() if d else None
    found = explicit_dates(text)
    if found:
        return found[0].isoformat()
    import dateparser

    parsed = dateparser.parse(
        text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date().isoformat() if parsed else None


def _dateline_date(written: str, anchors: list[date]) -> date | None:
    m = _MONTH_DAY.match(written)
    if not m:
        return None
    month, day = _month(m.group("month")), int(m.group("day"))
    if m.group("year"):
        return _make(int(m.group("year")), month, day)
    if not anchors:
        return None
    # No year written: the year that puts the dateline nearest the article's other dates.
    anchor = max(anchors)
    candidates = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _make(y, month, day))]
    return min(candidates, key=lambda d: abs((d - anchor).days)) if candidates else None


def lead_weekday(text: str) -> int | None:
    """The weekday the lead refers to ("said on Thursday"), 0=Monday, or None.

    Mentions like "last Thursday" or "since Monday" point away from the news day and are skipped.
    """
    for m in _WEEKDAY.finditer(text[:_SCAN_CHARS]):
        if m.group("prev"):
            continue
        return _WEEKDAYS[m.group("day").lower()]
    return None


def publication_date(
    metadata: object,
    dateline_date: str | None,
    captions: list[str],
    text: str,
    stamp: str | None = None,
) -> tuple[str | None, str | None]:
    """``(published, date_source)`` by the order in the module docstring; ``(None, None)`` if none.

    ``stamp`` is the ISO date of a date-stamp line found above the article by cleaning.
    """
    meta = parse_date(metadata)
    if meta:
        return meta, "metadata"
    caption_dates = [d for c in captions for d in explicit_dates(c)]
    text_dates = explicit_dates(text)
    anchors = caption_dates + text_dates
    stamped = date.fromisoformat(stamp) if stamp else None
    if dateline_date:
        d = _dateline_date(dateline_date, anchors + ([stamped] if stamped else []))
        if d:
            return d.isoformat(), "dateline"
    if stamped:
        return stamped.isoformat(), "dateline"
    if not anchors:
        return None, None
    weekday = lead_weekday(text)
    if weekday is not None:
        anchor = max(anchors)
        return (anchor + timedelta(days=(weekday - anchor.weekday()) % 7)).isoformat(), "relative-weekday"
    if caption_dates:
        return max(caption_dates).isoformat(), "caption"
    return max(text_dates).isoformat(), "text"

"""Event time: the date an event happened, resolved against the article's publication date.

``resolve_date(sent, published, trigger)`` looks at the sentence's DATE entities ("on Sunday",
"last week", "since May", "December 29, 2019", "Jan. 3"), prefers the one attached to the event
trigger's clause, and resolves it: weekdays to the most recent such day on or before
publication, "last week" to that week's Monday (precision ``week``), months to their first day
(``month``), years to 1 January (``year``), explicit dates through dateparser with the
publication date as ``RELATIVE_BASE``. Without a usable date the publication date is returned
with precision ``published`` (or ``(None, None)`` when the article has none). Relative
expressions live in ``data/time_expressions.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span, Token

from ..nlp.entities import sentence_entities
from ..yamldata import load_yaml

DATA_PATH = Path(__file__).with_name("data") / "time_expressions.yaml"

# Clausal dependents whose dates belong to another event, not to the trigger above them.
OTHER_CLAUSE_DEPS = frozenset(
    {"conj", "ccomp", "advcl", "relcl", "parataxis", "acl", "csubj", "dep"}
)
# A trigger inherits the date of the clause above it only through these links: the complement of
# a reporting or intent verb ("said on Sunday it struck"), or a conjunct sharing a fronted date.
INHERIT_DEPS = frozenset({"ccomp", "xcomp", "conj"})
DATE_LABELS = frozenset({"DATE"})

__all__ = [
    "resolve_date",
    "resolve_expression",
    "parse_published",
    "clause_tokens",
]


@dataclass(frozen=True)
class _Relative:
    pattern: re.Pattern[str]
    unit: str
    offset: int
    precision: str


@dataclass(frozen=True)
class _Knowledge:
    relative: tuple[_Relative, ...]
    ago: re.Pattern[str]
    decade: re.Pattern[str]
    short_decade: re.Pattern[str]
    datelike: re.Pattern[str]
    ago_numbers: dict[str, int]
    weekdays: dict[str, int]
    weekday_pattern: re.Pattern[str]
    weekday_past: frozenset[str]
    weekday_future: frozenset[str]
    durations: tuple[re.Pattern[str], ...]
    strip_prefixes: tuple[str, ...]


@lru_cache(maxsize=1)
def _knowledge() -> _Knowledge:
    data = load_yaml(DATA_PATH.read_text(encoding="utf-8"))
    weekdays = {k.lower(): int(v) for k, v in data["weekdays"].items()}
    modifiers = sorted({*data["weekday_past"], *data["weekday_future"]}, key=len, reverse=True)
    names = sorted(weekdays, key=len, reverse=True)
    weekday_pattern = re.compile(
        r"(?:\b("
        + "|".join(map(re.escape, modifiers))
        + r")\s+)?\b("
        + "|".join(map(re.escape, names))
        + r")\b\.?"
    )
    return _Knowledge(
        relative=tuple(
            _Relative(re.compile(r["pattern"]), r["unit"], int(r["offset"]), r["precision"])
            for r in data["relative"]
        ),
        ago=re.compile(data["ago"]),
        decade=re.compile(data["decade"]),
        short_decade=re.compile(data["short_decade"]),
        datelike=re.compile(data["datelike"]),
        ago_numbers={k: int(v) for k, v in data["ago_numbers"].items()},
        weekdays=weekdays,
        weekday_pattern=weekday_pattern,
        weekday_past=frozenset(data["weekday_past"]),
        weekday_future=frozenset(data["weekday_future"]),
        durations=tuple(re.compile(p) for p in data["durations"]),
        strip_prefixes=tuple(sorted(data["strip_prefixes"], key=len, reverse=True)),
    )


def parse_published(published: str | None) -> date | None:
    """The publication date as a ``date`` (accepts ``YYYY-MM-DD`` and ISO datetimes)."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _shift(base: date, unit: str, offset: int) -> date:
    if unit == "day":
        return base + timedelta(days=offset)
    if unit == "week":
        monday = base - timedelta(days=base.weekday())
        return monday + timedelta(weeks=offset)
    if unit == "month":
        months = base.year * 12 + (base.month - 1) + offset
        return date(months // 12, months % 12 + 1, 1)
    if unit == "year":
        return date(base.year + offset, 1, 1)
    raise ValueError(f"unknown time unit {unit!r}")


@lru_cache(maxsize=64)
def _date_parser(base: date):
    """A dateparser parser anchored at ``base`` (settings are fixed at construction)."""
    # Imported lazily: dateparser is only needed for explicit dates, and it is slow to set up.
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
    }
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _dateparser(text: str, base: date) -> tuple[str | None, str | None]:
    try:
        data = _date_parser(base).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd strings: no date, not a crash
        return None, None
    if data is None or data.date_obj is None:
        return None, None
    period = data.period or "day"
    if period == "time":
        period = "day"
    found = data.date_obj.date()
    # dateparser fills missing parts from RELATIVE_BASE; a year or month means its start.
    if period == "year":
        found = found.replace(month=1, day=1)
    elif period == "month":
        found = found.replace(day=1)
    return found.isoformat(), period


def warm_up() -> None:
    """Build dateparser's language and time-zone tables now (about a second, once per process)
    instead of at the first explicit date of the first article."""
    _dateparser("5 March 2019 10:00 GMT", date(2020, 3, 4))


@lru_cache(maxsize=8192)
def resolve_expression(text: str, published: str | None) -> tuple[str | None, str | None]:
    """Resolve one DATE phrase against a publication date: ``(iso_date, precision)``.

    Precision is ``day``, ``week``, ``month`` or ``year``; ``(None, None)`` when the phrase is a
    duration or cannot be read. Without a publication date only absolute dates resolve. A date
    that would fall off the calendar (``last week`` of 0001-01-01, ``next week`` of 9999-12-31)
    does not resolve either.
    """
    try:
        return _resolve(text, published)
    except (OverflowError, ValueError):  # date arithmetic past year 1 or 9999
        return None, None


def _resolve(text: str, published: str | None) -> tuple[str | None, str | None]:
    k = _knowledge()
    low = " ".join(text.lower().replace("’", "'").split())
    base = parse_published(published)
    if base is not None:
        for rel in k.relative:
            if rel.pattern.search(low):
                return _shift(base, rel.unit, rel.offset).isoformat(), rel.precision
        m = k.ago.search(low)
        if m:
            n = int(m.group(1)) if m.group(1).isdigit() else k.ago_numbers.get(m.group(1), 1)
            unit = m.group(2)
            if unit == "day":
                return (base - timedelta(days=n)).isoformat(), "day"
            if unit == "week":
                return (base - timedelta(weeks=n)).isoformat(), "week"
            if unit == "decade":
                return _shift(base, "year", -10 * n).isoformat(), "year"
            return _shift(base, unit, -n).isoformat(), unit
    m = k.decade.search(low)
    if m:
        return f"{m.group(1)}-01-01", "decade"
    m = k.short_decade.search(low)
    if m and base is not None:
        start = base.year // 100 * 100 + int(m.group(1))
        return f"{start if start <= base.year else start - 100}-01-01", "decade"
    has_digits = bool(re.search(r"\d", low))
    m = k.weekday_pattern.search(low)
    if m and base is not None and not re.search(r"\b(19|20)\d\d\b", low):
        modifier, name = m.group(1), m.group(2)
        wanted = k.weekdays[name]
        back = (base.weekday() - wanted) % 7
        if modifier in k.weekday_future:
            ahead = (wanted - base.weekday()) % 7 or 7
            return (base + timedelta(days=ahead)).isoformat(), "day"
        if modifier in k.weekday_past and back == 0:
            back = 7
        if not has_digits:  # "Thursday, Jan. 2" is an explicit date: let dateparser read it
            return (base - timedelta(days=back)).isoformat(), "day"
    if any(p.search(low) for p in k.durations):
        return None, None
    stripped = _strip(low, k)
    if not stripped or not k.datelike.search(stripped):
        return None, None
    has_year = bool(re.search(r"\b\d{4}\b", stripped))
    if base is None and not has_year:
        return None, None
    iso, precision = _dateparser(stripped, base or date.today())
    if iso is None or base is None or has_year:
        return iso, precision
    found = date.fromisoformat(iso)
    if precision == "day":
        # "Nov. 8" in an October story is the coming election, "Dec. 29" in a January story
        # the past week: a day without a year is its occurrence nearest to publication.
        found = min(
            (_same_day(found, base.year + d) for d in (-1, 0, 1)),
            key=lambda c: abs((c - base).days) if c else 10**6,
        )
    elif precision == "month" and low.startswith("this "):
        found = found.replace(year=base.year)
    return found.isoformat(), precision


def _same_day(day: date, year: int) -> date | None:
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return None


def _strip(low: str, k: _Knowledge) -> str:
    changed = True
    while changed and low:
        changed = False
        for prefix in k.strip_prefixes:
            if low == prefix:
                return ""
            if low.startswith(prefix + " ") or low.startswith(prefix + "-"):
                low = low[len(prefix) + 1 :].strip()
                changed = True
                break
    return low.strip(" ,.-")


def clause_tokens(trigger: Token) -> set[int]:
    """Token indices of the trigger's own clause: its subtree minus embedded clauses."""
    own: set[int] = set()
    stack = [trigger]
    while stack:
        tok = stack.pop()
        own.add(tok.i)
        for child in tok.children:
            if child.dep_ in OTHER_CLAUSE_DEPS and child.pos_ in ("VERB", "AUX"):
                continue
            stack.append(child)
    return own


def _candidates(sent: Span, trigger: Token | None) -> list[Span]:
    """DATE entities of the sentence, the ones that belong to the trigger first."""
    dates = sentence_entities(sent, DATE_LABELS)
    if trigger is None or not dates:
        return dates
    own = clause_tokens(trigger)
    first: list[Span] = [d for d in dates if d.root.i in own]
    # Dates of the clauses above the trigger ("Washington said on Sunday it struck ...");
    # across coordination only a date placed before the first conjunct is shared.
    node, seen = trigger, {trigger.i}
    while node.dep_ in INHERIT_DEPS and node.head.i != node.i and node.head.i not in seen:
        via_conj = node.dep_ == "conj"
        node = node.head
        seen.add(node.i)
        above = clause_tokens(node) - own
        for d in dates:
            if d.root.i in above and d not in first:
                if via_conj and d.start > node.i:
                    continue
                first.append(d)
        own |= above
    return first


def resolve_date(
    sent: Span, published: str | None, trigger: Token | None = None
) -> tuple[str | None, str | None]:
    """The event date for a sentence (and optionally its trigger): ``(iso_date, precision)``.

    Falls back to ``(published, "published")`` when no DATE phrase resolves, and to
    ``(None, None)`` when there is no publication date either.
    """
    for ent in _candidates(sent, trigger):
        iso, precision = resolve_expression(ent.text, published)
        if iso is not None:
            return iso, precision
    base = parse_published(published)
    if base is None:
        return None, None
    return base.isoformat(), "published"

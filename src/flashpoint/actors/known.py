"""Actor knowledge built from openly licensed data and shipped in the package.

``data/known/<kind>.<n>.tsv.gz`` (kinds ``person``, ``party``, ``group``, ``region``) are written
by ``tools/build_knowledge.py`` from Wikidata office-holders (CC0), the PETRARCH/Phoenix
dictionaries (MIT), Party Facts (MIT), UCDP actors (CC BY 4.0) and GeoNames regions (CC BY 4.0);
sources, licences and attribution are in ``data/known/LICENSES.md``. Each line is
``name<TAB>candidate;candidate...`` (sorted by name) with ``country,agent,YYYYMMDD,YYYYMMDD,
source-id`` candidates.

Tables load lazily, one kind at a time, and a name's candidates are parsed only when it is
looked up, so start-up stays cheap::

    known = load_known()
    known.resolve("Ronald Reagan", "1987-03-04")          # Candidate(country='USA', agent='GOV', ...)
    known.resolve("Labour", "2012-05-01", prefer_country="GBR")
"""

from __future__ import annotations

import gzip
import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

KINDS: tuple[str, ...] = ("person", "party", "group", "region")
# Which agent wins when one name holds several valid codes in one country (a minister who is
# also an MP is GOV; an armed group that is also a party...). Unlisted agents rank last.
_AGENT_RANK = {a: i for i, a in enumerate(
    ("GOV", "UNO", "MIL", "JUD", "LEG", "REB", "UAF", "CRM", "OPP", "PTY", "ELI", ""))}
_KIND_RANK = {k: i for i, k in enumerate(KINDS)}


@dataclass(frozen=True)
class Candidate:
    """One reading of a name: a country (ISO alpha-3, or ``IGO``), a CAMEO agent, a validity
    span (ISO dates, ``None`` = open) and where it came from.

    For international bodies the country slot is ``IGO`` and the agent names the body
    (``IGO`` + ``UNO``), so :attr:`code` is always the CAMEO code.
    """

    country: str
    agent: str
    start: str | None
    end: str | None
    kind: str
    source: str

    @property
    def code(self) -> str:
        """The CAMEO code: country + agent (``USAGOV``, ``GBR`` when no agent is known)."""
        return self.country + self.agent

    @property
    def dated(self) -> bool:
        """Whether the candidate holds only between dates (an office, a party's years...)."""
        return self.start is not None or self.end is not None

    def valid_on(self, date_iso: str | None) -> bool:
        """True when ``date_iso`` (``YYYY-MM-DD``, or a ``YYYY``/``YYYY-MM`` prefix) falls in the span; an
        unknown date (``None``) contradicts nothing."""
        if not date_iso:
            return True
        day = date_iso[:10]
        return (self.start is None or self.start[: len(day)] <= day) and (
            self.end is None or day <= self.end[: len(day)])


SOURCES = {"wd": "wikidata", "ph": "phoenix", "pf": "partyfacts", "pg": "parlgov",
           "uc": "ucdp", "gn": "geonames"}


def _iso(day: str) -> str | None:
    return f"{day[:4]}-{day[4:6]}-{day[6:]}" if day else None


def _parse(raw: str, kind: str) -> tuple[Candidate, ...]:
    out: list[Candidate] = []
    for item in raw.split(";"):
        country, agent, start, end, source = item.split(",")
        out.append(Candidate(country, agent, _iso(start), _iso(end), kind,
                             SOURCES.get(source, source)))
    return tuple(out)


def _name_of(line: str) -> str:
    return line[: line.find("\t")]


class _KindTable:
    """One kind's lines (sorted by name), read on first use; a name is found by bisection and
    its candidates parsed on demand, so loading is one decompression and one split."""

    def __init__(self, kind: str, files: list[Path]) -> None:
        self.kind = kind
        self.files = files
        self._lines: list[str] | None = None
        self._upper: dict[str, str] | None = None
        self._upper_more: dict[str, list[str]] = {}
        self._parsed: dict[str, tuple[Candidate, ...]] = {}

    @property
    def lines(self) -> list[str]:
        if self._lines is None:
            lines: list[str] = []
            for path in self.files:  # parts follow each other in name order
                with gzip.open(path, "rb") as fh:
                    lines += fh.read().decode("utf-8").splitlines()[1:]  # header line
            self._lines = lines
        return self._lines

    def names(self) -> Iterator[str]:
        return map(_name_of, self.lines)

    def names_upper(self, upper: str) -> list[str]:
        """Names whose upper-case form is ``upper`` (headline spelling), index built lazily."""
        if self._upper is None:
            names = list(self.names())
            self._upper = dict(zip(map(str.upper, names), names, strict=True))
            if len(self._upper) < len(names):  # a few differ only in case ("McCain", "Mccain")
                for name in names:
                    if self._upper[name.upper()] != name:
                        self._upper_more.setdefault(name.upper(), []).append(name)
        first = self._upper.get(upper)
        return [first, *self._upper_more.get(upper, ())] if first else []

    def get(self, name: str) -> tuple[Candidate, ...]:
        found = self._parsed.get(name)
        if found is None:
            lines = self.lines
            # "name\t" sorts exactly where the name sorts: a tab is below every name character.
            i = bisect_left(lines, name + "\t")
            found = ()
            if i < len(lines) and lines[i].startswith(name + "\t"):
                found = _parse(lines[i][len(name) + 1:], self.kind)
            self._parsed[name] = found
        return found


class KnownActors:
    """The shipped knowledge: look names up, resolve them at a date, list names by kind."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._tables: dict[str, _KindTable] = {}
        self._surnames: dict[str, list[str]] | None = None
        for kind in KINDS:
            files = sorted(directory.glob(f"{kind}.*.tsv.gz"), key=_part_number)
            self._tables[kind] = _KindTable(kind, files)

    @property
    def kinds(self) -> tuple[str, ...]:
        """Kinds with shipped data."""
        return tuple(k for k, t in self._tables.items() if t.files)

    def lookup(self, name: str, kinds: Iterable[str] | None = None) -> list[Candidate]:
        """All candidates of ``name`` as written (case-sensitive); an all-upper-case name
        (a headline) also finds the names it spells (``RONALD REAGAN`` → ``Ronald Reagan``), and
        a name with the Arabic article spelt another way finds the sources' spelling
        (``Hamad bin Khalifa al-Thani`` → ``Hamad bin Khalifa Al Thani``)."""
        name = " ".join(name.split())
        found = self._lookup(name, kinds)
        for spelling in article_spellings(name) if not found else ():
            found = self._lookup(spelling, kinds)
            if found:
                break
        return found

    def _lookup(self, name: str, kinds: Iterable[str] | None) -> list[Candidate]:
        out: list[Candidate] = []
        for kind in kinds or KINDS:
            table = self._tables[kind]
            if not table.files:
                continue
            out.extend(table.get(name))
            if name.isupper() and len(name) > 3:
                for spelled in table.names_upper(name):
                    if spelled != name:
                        out.extend(table.get(spelled))
        return list(dict.fromkeys(out))

    def __contains__(self, name: str) -> bool:
        return bool(self.lookup(name))

    def office_holders(self, surname: str, date_iso: str) -> list[tuple[str, Candidate]]:
        """People whose name ends in ``surname`` and who held a government office (GOV) on
        ``date_iso``: ``[(full name, candidate), ...]`` ("Reagan", 1987 → Ronald Reagan, USAGOV)."""
        if self._surnames is None:
            index: dict[str, list[str]] = {}
            for name in self._tables["person"].names() if self._tables["person"].files else ():
                index.setdefault(name.rsplit(" ", 1)[-1], []).append(name)
            self._surnames = index
        out = []
        for name in self._surnames.get(surname, ()):
            for cand in self._tables["person"].get(name):
                if cand.agent == "GOV" and cand.dated and cand.valid_on(date_iso):
                    out.append((name, cand))
        return out

    def resolve(self, name: str, date_iso: str | None,
                prefer_country: str | None = None) -> Candidate | None:
        """The candidate of ``name`` valid on ``date_iso``.

        Dated candidates valid on the date (an office, a party's government years) win over
        undated ones (a former office holder's country, a group's country). Candidates in
        several countries are ambiguous: the one in ``prefer_country`` (the article's country)
        is taken, else ``None``. Within one country the stronger agent wins (GOV over LEG over
        ELI), then the narrower span. Without a date a name known in several countries needs
        ``prefer_country``; then undated candidates are preferred, else the most recent span.
        """
        cands = self.lookup(name)
        if not cands:
            return None
        if date_iso:
            valid = [c for c in cands if c.valid_on(date_iso)]
            pool = [c for c in valid if c.dated] or valid
        else:
            # Without a date every country the name has ever had is a reading: "Labour Party"
            # is not New Zealand's because its Party Facts span is the latest.
            if len({c.country for c in cands}) > 1:
                if prefer_country is None or not any(c.country == prefer_country for c in cands):
                    return None
                cands = [c for c in cands if c.country == prefer_country]
            undated = [c for c in cands if not c.dated]
            pool = undated or _latest(cands)
        if not pool:
            return None
        countries = {c.country for c in pool}
        if len(countries) > 1:
            if prefer_country not in countries:
                return None
            pool = [c for c in pool if c.country == prefer_country]
        return min(pool, key=_rank)

    def names_of_kind(self, kind: str) -> Iterable[str]:
        """Every name of one kind (for a spaCy PhraseMatcher), in file order."""
        if kind not in self._tables:
            raise ValueError(f"unknown kind {kind!r}; known: {', '.join(KINDS)}")
        return self._tables[kind].names()

    def __iter__(self) -> Iterator[str]:
        for kind in self.kinds:
            yield from self.names_of_kind(kind)


_ARTICLE = re.compile(r"\b([Aa]l|[Ee]l)[- ](?=[A-Z])")


def article_spellings(name: str) -> list[str]:
    """Other spellings of the Arabic article in ``name`` (as in the sources: Wikidata writes
    "Bashar al-Assad", the Phoenix dictionaries "Al Assad"): ``al-X``, ``Al-X``, ``Al X``,
    ``al X``, ``El X``, ``el-X`` each become the others; ``[]`` without an article."""
    if not _ARTICLE.search(name):
        return []
    forms = ("al-", "Al-", "Al ", "al ", "El ", "el-", "El-")
    out = [_ARTICLE.sub(form, name) for form in forms]
    return [s for s in dict.fromkeys(out) if s != name]


def _part_number(path: Path) -> int:
    part = path.name.split(".")[1]
    return int(part) if part.isdigit() else 0


def _latest(cands: list[Candidate]) -> list[Candidate]:
    """The candidates of the most recent span (open end first, then latest start)."""
    key = max((c.end or "9999", c.start or "") for c in cands)
    return [c for c in cands if (c.end or "9999", c.start or "") == key]


def _rank(c: Candidate) -> tuple[int, int, str, int, str]:
    """Sort key: kind, agent strength, then the narrower span (earlier end, later start)."""
    start = int((c.start or "0000-01-01").replace("-", ""))
    return (_KIND_RANK.get(c.kind, 9), _AGENT_RANK.get(c.agent, len(_AGENT_RANK)),
            c.end or "9999", -start, c.source)


@lru_cache(maxsize=4)
def load_known(directory: str | None = None) -> KnownActors:
    """The shipped knowledge (cached); ``directory`` points at another build (tests, tools)."""
    if directory is not None:
        return KnownActors(Path(directory))
    ref = resources.files("flashpoint.actors").joinpath("data", "known")
    return KnownActors(Path(str(ref)))

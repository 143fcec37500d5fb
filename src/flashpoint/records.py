"""The records that cross stage and engine boundaries: Article, Actor, Quote, Event (with its
ActorRef sides, Location and Quantity records), CodedArticle.

Every record is a plain dataclass with ``to_dict()`` producing the JSON contract of DESIGN.md and
``from_dict()`` reading it back. Records hold plain Python values, never spaCy objects, so they
travel in-process, pickled between worker processes, and as JSON through Ray/Parquet.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field, fields
from typing import Any

_IMMUTABLE = frozenset({str, int, float, bool, type(None)})
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def asdict(obj: Any) -> Any:
    """:func:`dataclasses.asdict`, without its ``copy.deepcopy`` of every string, number and
    ``None`` (immutable: the copy is the value itself). Same result, several times faster; it
    is most of the cost of writing records as JSON."""
    cls = type(obj)
    if cls in _IMMUTABLE:
        return obj
    if hasattr(cls, "__dataclass_fields__"):
        names = _FIELD_NAMES.get(cls)
        if names is None:
            names = _FIELD_NAMES[cls] = tuple(f.name for f in fields(obj))
        return {name: asdict(getattr(obj, name)) for name in names}
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return cls(*[asdict(v) for v in obj])
    if isinstance(obj, list | tuple):
        return cls(asdict(v) for v in obj)
    if isinstance(obj, dict):
        return cls((asdict(k), asdict(v)) for k, v in obj.items())
    return copy.deepcopy(obj)


def _from_dict(cls, data: dict[str, Any]):
    names = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Article:
    """One news article after ingest: clean body text plus the metadata read around it.

    ``text`` is the clean body; every offset in actors, events, quotes and quantities indexes it.
    ``date_source`` says how ``published`` was obtained (``metadata``, ``dateline``, ``caption``,
    ``text``, ``relative-weekday`` or ``None``).
    """

    id: str
    text: str
    source: str = ""
    title: str | None = None
    byline: str | None = None
    dateline: str | None = None
    agency: str | None = None
    published: str | None = None
    date_source: str | None = None
    captions: list[str] = field(default_factory=list)
    language: str | None = None
    url: str | None = None
    input_kind: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        return _from_dict(cls, data)

    @staticmethod
    def make_id(text: str) -> str:
        """A stable id from the normalised body text (same text, same id)."""
        norm = " ".join(text.split()).lower()
        return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


@dataclass
class Actor:
    """A resolved actor: a CAMEO-style code built from country (ISO alpha-3) and agent.

    ``mentions`` are ``[start, end]`` character offsets into ``Article.text``.
    """

    name: str
    code: str | None = None
    country: str | None = None
    agent: str | None = None
    kind: str | None = None  # person | org | country | group | role
    titles: list[str] = field(default_factory=list)
    backer: str | None = None  # "Tehran-backed X": the backer's code, recorded, not substituted
    mentions: list[list[int]] = field(default_factory=list)
    # Where the country came from: text | knowledge | party | context (None without a country).
    country_source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return _from_dict(cls, data)


@dataclass
class Quantity:
    """A number tied to what it counts: ``{value, unit, text}`` and its span."""

    value: float
    unit: str
    text: str
    span: list[int] = field(default_factory=list)
    approximate: bool = False

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        if isinstance(self.value, float) and self.value.is_integer():
            d["value"] = int(self.value)
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quantity:
        return _from_dict(cls, data)


@dataclass
class Location:
    """A place an event happened: name, country (ISO alpha-3), coordinates."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None  # city | region | country | dateline

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        return _from_dict(cls, data)


@dataclass
class ActorRef:
    """One side of an event: the argument noun phrase (``text``, ``span`` indexing
    ``Article.text``) and the actor it names (``name``, ``code``, ``country``, ``agent``; ``name``
    is the phrase itself when no actor resolves). ``unnamed`` marks the generic source of an event
    whose perpetrator the text does not name ("protesters", "unidentified gunmen"): such a side
    may have no ``text`` or ``span``, and only then does its JSON carry ``"unnamed": true``."""

    text: str | None = None
    name: str | None = None
    code: str | None = None
    country: str | None = None
    agent: str | None = None
    span: list[int] | None = None
    unnamed: bool = False

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "text": self.text, "name": self.name, "code": self.code, "country": self.country,
            "agent": self.agent, "span": list(self.span) if self.span is not None else None,
        }
        if self.unnamed:
            data["unnamed"] = True
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActorRef:
        return _from_dict(cls, data)


@dataclass
class Quote:
    """A quotation: direct, partial or indirect, with its speaker when one can be resolved."""

    text: str
    kind: str  # direct | partial | indirect
    span: list[int]
    speaker: dict[str, Any] | None = None  # {"name", "code"}
    cue: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Quote:
        return _from_dict(cls, data)


@dataclass
class Event:
    """One coded event: source actor, CAMEO code, target actor, with its evidence.

    ``source`` and ``target`` are :class:`ActorRef` records (or ``None``); ``location`` a
    :class:`Location`, ``quantities`` the :class:`Quantity` records of the event's clause;
    ``span`` indexes ``Article.text``.
    """

    id: str
    code: str
    root: str
    name: str
    quad_class: int
    goldstein: float
    plover: str | None
    source: ActorRef | None
    target: ActorRef | None
    sentence: str
    span: list[int]
    trigger: str
    rule: str
    confidence: float
    modality: str = "actual"
    negated: bool = False
    date: str | None = None
    date_precision: str | None = None
    location: Location | None = None
    quantities: list[Quantity] = field(default_factory=list)
    attributed_to: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract: every field in order, the typed ones as their own ``to_dict``."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data.update(
            source=self.source.to_dict() if self.source is not None else None,
            target=self.target.to_dict() if self.target is not None else None,
            span=list(self.span),
            location=self.location.to_dict() if self.location is not None else None,
            quantities=[q.to_dict() for q in self.quantities],
        )
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        data = dict(data)
        for side in ("source", "target"):
            if isinstance(data.get(side), dict):
                data[side] = ActorRef.from_dict(data[side])
        if isinstance(data.get("location"), dict):
            data["location"] = Location.from_dict(data["location"])
        data["quantities"] = [Quantity.from_dict(q) if isinstance(q, dict) else q
                              for q in data.get("quantities") or []]
        return _from_dict(cls, data)

    @property
    def happened(self) -> bool:
        """True when the text reports this event as something that actually happened."""
        return self.modality == "actual" and not self.negated


@dataclass
class CodedArticle:
    """An article with everything the pipeline found in it: the unit engines and the store move."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "quantities": [q.to_dict() for q in self.quantities],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CodedArticle:
        return cls(
            article=Article.from_dict(data["article"]),
            actors=[Actor.from_dict(a) for a in data.get("actors", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
            quotes=[Quote.from_dict(q) for q in data.get("quotes", [])],
            quantities=[Quantity.from_dict(q) for q in data.get("quantities", [])],
        )


@dataclass
class Rejection:
    """An input that could not become an article, and why (kept in the ingest report)."""

    path: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


ALREADY_STORED = "already stored"
"""``Duplicate.kind`` of an input whose article (same id, same text) a previous run stored from
this same input."""


@dataclass
class Duplicate:
    """An input whose article duplicates one already seen (exact or near), or was stored from
    this same input by an earlier run (:data:`ALREADY_STORED`)."""

    path: str
    article_id: str
    duplicate_of: str
    kind: str  # exact | near | already stored
    similarity: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

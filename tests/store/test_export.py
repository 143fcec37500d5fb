"""Exports: JSONL/CSV/Parquet of every event, GDELT 2.0 TSV and PLOVER JSON of fused events."""

from __future__ import annotations

import json

import duckdb
import pytest
from tests.store import synthetic as syn  # noqa: E402

from flashpoint.records import Location
from flashpoint.store import Database, Store
from flashpoint.store import open as open_db
from flashpoint.store.export import GDELT_COLUMNS, gdelt_read_sql


@pytest.fixture
def db(tmp_path) -> Database:
    e = syn.event
    baghdad = Location(name="Baghdad", country="IRQ", lat=33.31, lon=44.36, precision="city")
    articles = [
        syn.article("x1", [e("x1-0", "195", "USA", "IRQ", "2020-01-03", location=baghdad),
                           e("x1-1", "138", "IRN", "USA", "2020-01-02", modality="threatened"),
                           e("x1-2", "112", "IRN", "USA", "2020-01-02")],
                    url="https://news-a.example/story\tone"),
        syn.article("x2", [e("x2-0", "195", "USA", "IRQ", "2020-01-04", location=baghdad)],
                    source="/corpus/site-b/x2.txt"),
    ]
    path = tmp_path / "events.duckdb"
    with Store(path) as store:
        store.write(articles)
        store.finish_run()
    database = open_db(path)
    yield database
    database.close()


# The GDELT 2.0 event table, in the codebook's order (written out here, not derived from the code).
_ACTOR = ("Code Name CountryCode KnownGroupCode EthnicCode Religion1Code Religion2Code Type1Code "
          "Type2Code Type3Code").split()
_GEO = "Type FullName CountryCode ADM1Code ADM2Code Lat Long FeatureID".split()
CODEBOOK = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{f}" for f in _ACTOR] + [f"Actor2{f}" for f in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
       "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{f}" for f in _GEO] + [f"Actor2Geo_{f}" for f in _GEO]
    + [f"ActionGeo_{f}" for f in _GEO] + ["DATEADDED", "SOURCEURL"]
)


def test_gdelt_columns_follow_the_codebook():
    assert len(CODEBOOK) == 61
    assert [name for name, _ in GDELT_COLUMNS] == CODEBOOK


def test_gdelt_export_round_trips_with_61_typed_columns(db, tmp_path):
    out = tmp_path / "events.gdelt.tsv"
    assert db.export("gdelt", out) == 2  # the fused strike and the accusation; not the threat
    assert len(GDELT_COLUMNS) == 61
    lines = out.read_text().splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines)
    rows = duckdb.sql(gdelt_read_sql(out)).df()
    assert list(rows.columns)[:5] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year",
                                      "FractionDate"]
    assert list(rows.columns)[-2:] == ["DATEADDED", "SOURCEURL"]
    strike = rows[rows["EventCode"] == "195"].iloc[0]
    assert strike["SQLDATE"] == 20200103 and strike["MonthYear"] == 202001
    assert strike["Year"] == 2020 and strike["FractionDate"] == pytest.approx(2020.0082, abs=1e-4)
    assert (strike["Actor1Code"], strike["Actor1CountryCode"], strike["Actor1Type1Code"]) == (
        "USAGOV", "USA", "GOV")
    assert strike["Actor2CountryCode"] == "IRQ"
    assert (strike["EventBaseCode"], strike["EventRootCode"], strike["QuadClass"]) == (
        "195", "19", 4)
    assert strike["GoldsteinScale"] == -10.0
    assert (strike["NumMentions"], strike["NumArticles"], strike["NumSources"]) == (2, 2, 2)
    assert strike["ActionGeo_CountryCode"] == "IZ"  # FIPS 10-4, as GDELT
    assert strike["ActionGeo_Type"] == 4 and strike["ActionGeo_Lat"] == pytest.approx(33.31)
    assert strike["SOURCEURL"] == "https://news-a.example/story one"  # tab flattened
    assert len(str(strike["DATEADDED"])) == 14
    codes = sorted(rows["EventCode"])
    assert codes == ["112", "195"]
    typed = duckdb.sql(f"DESCRIBE {gdelt_read_sql(out)}").fetchall()
    assert [(r[0], r[1]) for r in typed] == GDELT_COLUMNS


def test_plover_export_is_polecat_shaped(db, tmp_path):
    out = tmp_path / "events.plover.jsonl"
    assert db.export("plover", out) == 2
    records = [json.loads(line) for line in out.read_text().splitlines()]
    strike = next(r for r in records if r["cameo"]["code"] == "195")
    assert strike["event_type"] == "ASSAULT" and strike["event_date"] == "2020-01-03"
    assert strike["source"]["country"] == "USA" and strike["target"]["country"] == "IRQ"
    assert strike["story_ids"] == ["x1", "x2"] and strike["num_sources"] == 2
    assert set(strike["sources"]) == {"https://news-a.example/story\tone",
                                      "/corpus/site-b/x2.txt"}
    assert len(strike["evidence"]) == 2
    assert {r["event_type"] for r in records} == {"ASSAULT", "ACCUSE"}


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_flat_exports_hold_every_event(db, tmp_path, fmt):
    out = tmp_path / f"events.{fmt}"
    assert db.export(fmt, out) == 4
    reader = {"jsonl": "read_json_auto", "csv": "read_csv_auto", "parquet": "read_parquet"}[fmt]
    rows = duckdb.sql(f"SELECT id, happened, source_key FROM {reader}('{out}') ORDER BY id")
    assert rows.fetchall() == [("x1-0", True, "USA"), ("x1-1", False, "IRN"),
                               ("x1-2", True, "IRN"), ("x2-0", True, "USA")]


def test_jsonl_export_nests_objects(db, tmp_path):
    out = tmp_path / "events.jsonl"
    db.export("jsonl", out)
    first = json.loads(out.read_text().splitlines()[0])
    assert first["source"]["code"] == "USAGOV"
    assert first["location"]["name"] == "Baghdad"
    assert first["day"] == "2020-01-03"


def test_unknown_format_is_an_error(db, tmp_path):
    with pytest.raises(ValueError, match="unknown export format"):
        db.export("xml", tmp_path / "x.xml")

"""One filter builder: the Python API, the CLI and the web API answer the same rows (issue 15:
``flashpoint.open(db).events(code="04")`` gave 0 rows where ``/api/events?code=04`` gave 44)."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from tests.store.synthetic import corpus
from typer.testing import CliRunner

import flashpoint
from flashpoint.cli import app as cli_app
from flashpoint.store import Store
from flashpoint.web import create_app

# (Python API keywords, CLI arguments, web query string) that mean the same filter.
CASES = [
    ({"code": "04"}, ["--code", "04"], "code=04"),
    ({"code": "19"}, ["--code", "19"], "code=19"),
    ({"code": "195"}, ["--code", "195"], "code=195"),
    ({"root": "11"}, ["--root", "11"], "root=11"),
    ({"actor": "IRN", "quad_class": 4}, ["--actor", "irn", "--quad-class", "4"],
     "actor=IRN&quad_class=4"),
    ({"source": "USA", "target": "IRQ"}, ["--source", "USA", "--target", "IRQ"],
     "source=USA&target=IRQ"),
    ({"dyad": "USA-IRN"}, ["--dyad", "USA-IRN"], "dyad=USA-IRN"),
    ({"country": "ISR"}, ["--country", "ISR"], "country=ISR"),
    ({"start": "2020-01-05", "end": "2020-01-09", "happened": True},
     ["--start", "2020-01-05", "--end", "2020-01-09", "--happened"],
     "start=2020-01-05&end=2020-01-09&happened=true"),
    ({"happened": False}, ["--not-happened"], "happened=false"),
    ({"q": "a00012"}, ["--search", "a00012"], "q=a00012"),
    ({"search": "A00012-E1"}, ["-q", "A00012-E1"], "q=A00012-E1"),
    ({"modality": "actual", "article_id": "a00003"}, ["--modality", "actual", "--article", "a00003"],
     "modality=actual&article_id=a00003"),
]


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("filters") / "events.duckdb"
    with Store(path) as store:
        store.write(corpus(60))
        store.finish_run()
    return path


def web_get(db_path, url: str):
    """A GET against the web app; the app (and its read connection) is closed afterwards, since
    DuckDB refuses a second in-process connection to the file with other settings."""
    with TestClient(create_app(db_path, idle_seconds=0.05)) as client:
        return client.get(url)


@pytest.mark.parametrize(("kwargs", "argv", "query"), CASES, ids=[c[2] for c in CASES])
def test_one_filter_gives_the_same_rows_through_api_cli_and_web(db_path, kwargs, argv, query):
    with flashpoint.open(db_path) as db:
        api_ids = db.events(**kwargs)["id"].tolist()
    result = CliRunner().invoke(cli_app, ["events", "--db", str(db_path), "--format", "json", *argv])
    assert result.exit_code == 0, result.output
    cli_ids = [e["id"] for e in json.loads(result.stdout)]
    response = web_get(db_path, f"/api/events?{query}&limit=500")
    assert response.status_code == 200, response.text
    web_ids = [e["id"] for e in response.json()["events"]]
    assert api_ids, f"no rows for {kwargs}: the case tests nothing"
    assert api_ids == cli_ids == web_ids
    assert response.json()["total"] == len(api_ids)


def test_code_is_a_prefix(db_path):
    with flashpoint.open(db_path) as db:
        codes = set(db.events(code="04")["code"])
    assert codes == {"042"}


def test_pages_follow_the_same_order(db_path):
    with flashpoint.open(db_path) as db:
        whole = db.events(code="1")["id"].tolist()
        pages = db.events(code="1", limit=7)["id"].tolist() + db.events(
            code="1", limit=7, offset=7)["id"].tolist()
    assert pages == whole[:14]
    result = CliRunner().invoke(cli_app, ["events", "--db", str(db_path), "--code", "1",
                                          "--limit", "7", "--offset", "7", "--format", "json"])
    assert [e["id"] for e in json.loads(result.stdout)] == whole[7:14]
    web_page = web_get(db_path, "/api/events?code=1&limit=7&offset=7").json()["events"]
    assert [e["id"] for e in web_page] == whole[7:14]


def test_cli_events_table_and_bad_dyad(db_path):
    result = CliRunner().invoke(cli_app, ["events", "--db", str(db_path), "--code", "19"])
    assert result.exit_code == 0 and "events" in result.stdout
    bad = CliRunner().invoke(cli_app, ["events", "--db", str(db_path), "--dyad", "USA"])
    assert bad.exit_code == 2

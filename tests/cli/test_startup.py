"""Commands that parse no text never import spaCy (issue 15: ``flashpoint --help`` took 2.9 s
because the CLI and the package root imported the pipeline). Each check runs in a fresh
interpreter, on a real DuckDB file, and lists the heavy modules the command left imported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.store.synthetic import corpus

from flashpoint.store import Store

PROBE = """
import json, sys
from typer.testing import CliRunner
import flashpoint
from flashpoint.cli import app
args = json.loads(sys.argv[1])
if args == ["serve-startup"]:
    from flashpoint.web import create_app
    create_app(sys.argv[2])
    code = 0
else:
    code = CliRunner().invoke(app, args).exit_code
heavy = sorted(m for m in ("spacy", "thinc", "flashpoint.pipeline", "flashpoint.nlp") if m in sys.modules)
print(json.dumps({"exit": code, "heavy": heavy}))
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "events.duckdb"
    with Store(path) as store:
        store.write(corpus(12))
        store.finish_run()
    return path


def probe(*args: str, extra: str = "") -> dict:
    cmd = [sys.executable, "-c", PROBE, json.dumps(list(args))] + ([extra] if extra else [])
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_import_and_help_do_not_import_spacy():
    assert probe("--help") == {"exit": 0, "heavy": []}


@pytest.mark.parametrize("command", [
    ["stats", "--format", "json"],
    ["stats"],
    ["query", "SELECT count(*) FROM events"],
    ["events", "--code", "19", "--format", "json"],
    ["dyad", "USA", "IRN", "--format", "json"],
])
def test_database_commands_do_not_import_spacy(db, command):
    assert probe(*command, "--db", str(db)) == {"exit": 0, "heavy": []}


def test_export_does_not_import_spacy(db, tmp_path):
    out = tmp_path / "events.tsv"
    assert probe("export", str(out), "--db", str(db), "--format", "gdelt") == {"exit": 0, "heavy": []}
    assert out.stat().st_size > 0


def test_serve_startup_does_not_import_spacy(db):
    assert probe("serve-startup", extra=str(db)) == {"exit": 0, "heavy": []}


def test_the_pipeline_is_still_there_on_first_use():
    import flashpoint

    assert flashpoint.Pipeline.__name__ == "Pipeline"
    assert "Pipeline" in dir(flashpoint)
    with pytest.raises(AttributeError):
        flashpoint.no_such_name  # noqa: B018

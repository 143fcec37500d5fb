"""Shared fixtures: the real spaCy pipeline and the location of ../shared/data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("FLASHPOINT_SHARED_DATA", ROOT.parent / "shared" / "data"))
SAMPLES = ROOT / "samples"


def shared_path(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test with a clear reason when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path} (a fresh clone has no ../shared)")
    return path


def shared_texts(n: int, *parts: str) -> list[str]:
    """The ``text`` of the first ``n`` articles of a shared JSONL corpus (default: PolNeAR's
    training articles), or skip the test when ../shared is absent."""
    import json

    path = shared_path(*(parts or ("corpora", "polnear_train.jsonl")))
    with open(path, encoding="utf-8") as fh:
        return [json.loads(next(fh))["text"] for _ in range(n)]


@pytest.fixture(scope="session")
def pipeline():
    """The real pipeline (default model + flashpoint components), loaded once per test session."""
    from flashpoint.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return shared_path("seed", "000_afea424f09279a13.txt")


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The bundled sample corpus (part of the repository, always present)."""
    return SAMPLES


@pytest.fixture(scope="session")
def seed_article(seed_path):
    """The reference article as `flashpoint.readers` cleans it (the stage tests build on ingest)."""
    from flashpoint.readers import ingest
    from flashpoint.records import Article

    (article,) = [a for a in ingest([str(seed_path)]) if isinstance(a, Article)]
    return article


@pytest.fixture(scope="module")
def app():
    """A Typer app holding only the database commands (stats, dyad, query, events, export)."""
    import typer

    from flashpoint.cli.db import register

    app = typer.Typer()

    @app.callback()
    def main() -> None:
        """flashpoint (test app)."""

    register(app)
    return app

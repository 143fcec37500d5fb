"""Keep the README honest: every setting, command and public name it should mention, it does."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import flashpoint
from flashpoint.cli import app
from flashpoint.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands():
    head = README.split("\n## ", 1)[0]
    assert "make demo" in head and "make test" in head


def test_every_setting_is_documented():
    missing = [f.name for f in dataclasses.fields(Settings) if f"`{f.name}`" not in README]
    assert not missing, f"settings missing from README: {missing}"


def test_every_command_is_documented():
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    missing = [n for n in names if f"flashpoint {n}" not in README]
    assert not missing, f"commands missing from README: {missing}"


def test_public_namespace_is_complete():
    for name in flashpoint.__all__:
        assert hasattr(flashpoint, name), name


def _python_api_example() -> str:
    section = README.split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    return section.split("```python\n", 1)[1].split("```", 1)[0]


def test_python_api_example_runs_as_written(tmp_path, monkeypatch, samples_dir):
    """The README's Python API block, executed verbatim in a folder holding its files: a real
    HTML story, a folder of real sample news and a DuckDB file it creates (issue 15: once
    ``code_file`` had imported the readers, ``flashpoint.ingest`` was a module, not callable)."""
    import shutil

    shutil.copy(samples_dir / "html" / "2025-03-24_troops-deployed.html", tmp_path / "story.html")
    (tmp_path / "news").mkdir()
    for name in sorted(p.name for p in (samples_dir / "text").glob("*.txt"))[:3]:
        shutil.copy(samples_dir / "text" / name, tmp_path / "news" / name)
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(_python_api_example(), "README.md#python-api", "exec"), scope)  # noqa: S102
    assert scope["records"] and scope["report"].inputs == 3
    assert scope["report"].ingested + len(scope["report"].rejected) == 3
    assert (tmp_path / "news.duckdb").exists() and (tmp_path / "events.tsv").exists()
    # A second call, after every subpackage has been imported, still calls the function.
    import importlib
    import pkgutil

    for module in pkgutil.walk_packages(flashpoint.__path__, "flashpoint."):
        if module.ispkg:
            importlib.import_module(module.name)
    scope["db"].close()
    again = flashpoint.ingest(["news/"], "news.duckdb")
    assert again.inputs == 3 and again.ingested == 0

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

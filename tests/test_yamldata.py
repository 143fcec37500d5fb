"""The fast YAML reader gives yaml.safe_load's values and stays safe."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from flashpoint.yamldata import load_yaml

DATA_FILES = sorted((Path(__file__).resolve().parents[1] / "src" / "flashpoint").rglob("*.yaml"))


def test_the_project_data_files_read_the_same_as_with_safe_load():
    assert len(DATA_FILES) >= 10
    for path in DATA_FILES:
        text = path.read_text(encoding="utf-8")
        assert load_yaml(text) == yaml.safe_load(text), path


def test_only_safe_constructors():
    with pytest.raises(yaml.constructor.ConstructorError):
        load_yaml("!!python/object/apply:os.system ['echo unsafe']")
    assert load_yaml("a: [1, 2.5, 'x', null, true]") == {"a": [1, 2.5, "x", None, True]}

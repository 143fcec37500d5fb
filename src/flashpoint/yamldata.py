"""Reading the project's YAML data files (patterns, lexicons, cues, knowledge) quickly.

PyYAML's pure-Python loader takes about a second for flashpoint's data files, paid by every
process that loads the pipeline (each worker, each CLI run). libyaml's C loader, which PyYAML
wheels include, builds the same Python values with the same safe constructors several times
faster; the pure-Python loader remains the fallback when libyaml is missing.
"""

from __future__ import annotations

from typing import Any

import yaml

__all__ = ["load_yaml"]

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The data in a YAML document, with the safe constructors only (like ``yaml.safe_load``)."""
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader, C or Python

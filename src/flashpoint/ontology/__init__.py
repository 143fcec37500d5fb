"""The CAMEO event ontology: codes, names, Goldstein weights, QuadClass and PLOVER types.

The knowledge lives in ``ontology/data/cameo.tsv`` (generated from the published standards by
``tools/build_ontology.py``) and is loaded once per process. Codes are strings: ``"013"``,
``"0311"``, roots ``"01"`` ... ``"20"``.

PLOVER types follow the 2021 CAMEO->PLOVER table, so CAMEO 08 YIELD is split into ``CONCEDE``
(080-083) and ``RETREAT`` (084-087, 0813, 0814) as in PLOVER 2.0; ``normalise_plover`` maps
those (and other older names) back to the labels of evaluation data such as ``YIELD``. CAMEO
01 and 02, which the standard table leaves out, carry flashpoint's own nearest type (see
``data/plover_supplement.yaml``; ``plover_source == "flashpoint"``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import KnowledgeError
from ..yamldata import load_yaml

DATA = Path(__file__).with_name("data")

__all__ = [
    "CameoCode",
    "lookup",
    "all_codes",
    "roots",
    "plover_types",
    "normalise_plover",
    "quad_class_of",
]


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code with everything the event record needs from the ontology."""

    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover: str | None
    plover_source: str | None = None  # cameo2plover-2021 | parent | root | flashpoint

    @property
    def is_root(self) -> bool:
        return len(self.code) == 2


@lru_cache(maxsize=1)
def _codes() -> dict[str, CameoCode]:
    path = DATA / "cameo.tsv"
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh, delimiter="\t"))
        return {
            row["code"]: CameoCode(
                code=row["code"],
                name=row["name"],
                root=row["root"],
                goldstein=float(row["goldstein"]),
                quad_class=int(row["quad_class"]),
                plover=row["plover"] or None,
                plover_source=row.get("plover_source") or None,
            )
            for row in rows
        }
    except (OSError, KeyError, ValueError) as exc:
        raise KnowledgeError(f"cannot read the CAMEO ontology file {path}: {exc}") from exc


@lru_cache(maxsize=1)
def _legacy_names() -> dict[str, tuple[str, ...]]:
    data = load_yaml((DATA / "plover_supplement.yaml").read_text(encoding="utf-8"))
    return {old: tuple(new) for old, new in (data.get("legacy_names") or {}).items()}


def lookup(code: str | int) -> CameoCode:
    """The CAMEO code ``code`` (``"138"``); raises ``KnowledgeError`` for an unknown code.

    An int is accepted for convenience only when unambiguous (``138``); CAMEO codes with a
    leading zero must be given as strings.
    """
    key = str(code).strip()
    found = _codes().get(key)
    if found is None:
        raise KnowledgeError(
            f"unknown CAMEO event code {code!r}: codes are strings of 2-4 digits such as "
            f"'01', '013', '0311' or '138' (see flashpoint/ontology/data/cameo.tsv)"
        )
    return found


def all_codes() -> list[CameoCode]:
    """Every CAMEO event code (roots, 3- and 4-digit codes) in code order."""
    return list(_codes().values())


def roots() -> list[CameoCode]:
    """The 20 CAMEO root codes, ``"01"`` to ``"20"``."""
    return [c for c in _codes().values() if c.is_root]


def plover_types() -> list[str]:
    """The PLOVER event types the ontology maps to, sorted (2021 names: CONCEDE, RETREAT, ...)."""
    return sorted({c.plover for c in _codes().values() if c.plover})


def quad_class_of(code: str) -> int:
    """QuadClass of a code (from its root)."""
    return lookup(code).quad_class


def normalise_plover(name: str | None, to: str | None = None) -> str | None:
    """Map a PLOVER type between versions of the standard.

    ``normalise_plover("YIELD")`` is ``"CONCEDE"`` (the first current name);
    ``normalise_plover("RETREAT", to="legacy")`` is ``"YIELD"`` — the label older evaluation
    data (``plover_dev.jsonl``) uses for CAMEO 08. Unknown or current names pass through.
    """
    if name is None:
        return None
    name = name.strip().upper()
    legacy = _legacy_names()
    if to == "legacy":
        for old, new in legacy.items():
            # Only YIELD was split; other renames keep the current name as the label.
            if name in new and len(new) > 1:
                return old
        return name
    if name in legacy:
        return legacy[name][0]
    return name

"""Event confidence that means something: the rule's prior scaled by how often events like it are
right (``data/confidence.yaml``).

An event falls into two buckets - what its source is and what its target is - and each bucket
carries a factor: the share of such events that were right on the development sets, divided by
the share over all events. The rule's own prior keeps ranking the readings of one source-target
pair (the buckets are the same for all of them); the factors move whole pairs up or down. ``tools/calibrate_confidence.py`` measures them and rewrites the file; the
README gives the precision and recall a threshold buys. Without the file every factor is 1.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from ..errors import KnowledgeError
from ..records import ActorRef
from ..yamldata import load_yaml

DATA_PATH = Path(__file__).with_name("data") / "confidence.yaml"
INTERNATIONAL = ("IGO", "NGO", "IMG", "MNC")


def _placed(arg: ActorRef | None) -> bool:
    return arg is not None and (bool(arg.country) or (arg.code or "")[:3] in INTERNATIONAL)


def source_kind(source: ActorRef | None) -> str:
    """placed (a country or international body) | agent (a sector only) | unnamed | uncoded."""
    if source is not None and source.unnamed:
        return "unnamed"
    if _placed(source):
        return "placed"
    return "agent" if source is not None and source.code else "uncoded"


def target_kind(target: ActorRef | None) -> str:
    """placed | agent | uncoded (a place or thing with no code) | none."""
    if target is None:
        return "none"
    if _placed(target):
        return "placed"
    return "agent" if target.code else "uncoded"


@lru_cache(maxsize=1)
def factors() -> dict[str, dict[str, float]]:
    """The shipped factors per bucket (``source``, ``target``)."""
    if not DATA_PATH.exists():
        return {}
    try:
        data = load_yaml(DATA_PATH.read_text(encoding="utf-8")) or {}
        return {axis: {str(k): float(v) for k, v in (data.get(axis) or {}).items()}
                for axis in ("source", "target")}
    except (OSError, TypeError, ValueError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read {DATA_PATH}: {exc}") from exc


def calibrated(prior: float, source: ActorRef | None, target: ActorRef | None) -> float:
    """The prior times the source and target factors, kept within [0.01, 0.99]."""
    table = factors()
    value = prior
    for axis, key in (("source", source_kind(source)), ("target", target_kind(target))):
        value *= table.get(axis, {}).get(key, 1.0)
    return round(min(max(value, 0.01), 0.99), 3)

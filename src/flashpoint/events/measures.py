"""Domestic measures (martial law, a curfew, a state of emergency) are aimed at the imposing
state's own country when the text names no other target (``data/measures.yaml``, which also
holds :mod:`.victims`' ``struck_victims``)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ..records import ActorRef
from ..yamldata import load_yaml

DATA_PATH = Path(__file__).with_name("data") / "measures.yaml"

__all__ = ["measures_data", "own_country_target"]


@lru_cache(maxsize=1)
def measures_data() -> dict:
    """``data/measures.yaml`` as read (once)."""
    return load_yaml(DATA_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _data() -> tuple[tuple[str, ...], frozenset[str]]:
    data = measures_data()
    return tuple(str(p).lower() for p in data["domestic_measures"]), frozenset(data["state_agents"])


def own_country_target(src: ActorRef | None, tgt: ActorRef | None) -> ActorRef | None:
    """``tgt`` placed in the source's country when it is an unplaced domestic measure ("martial
    law") and the source a state agent of a known country; else ``tgt`` unchanged."""
    phrases, agents = _data()
    if tgt is None or tgt.code or tgt.country or src is None or not src.country or src.agent not in agents:
        return tgt
    text = " ".join((tgt.text or "").lower().split())
    if not any(text == p or text.endswith(" " + p) for p in phrases):
        return tgt
    return replace(tgt, code=src.country, country=src.country)

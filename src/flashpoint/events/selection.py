"""Which of the events coded in a sentence survive: redundant readings of one act removed.

``code_doc`` emits every reading its patterns and arguments allow; these filters keep one
event per act and drop the targets a coded target makes redundant.
"""

from __future__ import annotations

from ..records import ActorRef, Event

__all__ = ["one_per_act", "placed", "without_lesser_targets"]


def without_lesser_targets(events: list[Event], mutual: bool) -> list[Event]:
    """One trigger's events without the readings a coded target makes redundant.

    "Bosnia and Slovenia agreed to a ceasefire", "killed 23 people as well as themselves": when
    the same source has an event on an actor with a code, its events on a thing with none add
    nothing. Between coordinated actors acting on each other ("Jordan and the U.S. agreed on a
    pact between the two countries") a target that names no country either ("the two
    countries") is the same pair again.
    """
    coded = {e.source.code for e in events if e.target is not None and e.target.code}
    placed_sources = {e.source.code for e in events if e.target is not None and placed(e.target)}

    def lesser(e: Event) -> bool:
        if e.target is None:
            return False
        if not e.target.code:
            return e.source.code in coded
        return mutual and not placed(e.target) and e.source.code in placed_sources

    return [e for e in events if not lesser(e)]


def placed(side: ActorRef) -> bool:
    """A side with a country or an international body's code ("IGOUNO"), not a bare sector."""
    return bool(side.country) or len(side.code or "") > 3


def _side_key(side: ActorRef | None) -> tuple | None:
    if side is None:
        return None
    return (tuple(side.span), None) if side.span else (None, side.code)


def one_per_act(events: list[Event]) -> list[Event]:
    """A sentence's events, one per root between the same two mentions.

    "agreed to lift the embargo on Iran", "offered to negotiate with X", "staged a hunger
    strike in protest against X": two triggers of one act between the same source and target
    mentions give one event of that root, the most confident (then the most specific code).
    """
    best: dict[tuple, Event] = {}
    for e in events:
        key = (e.root, e.modality, e.negated, _side_key(e.source), _side_key(e.target))
        kept = best.get(key)
        if kept is None or (e.confidence, len(e.code)) > (kept.confidence, len(kept.code)):
            best[key] = e
    chosen = {id(e) for e in best.values()}
    return [e for e in events if id(e) in chosen]

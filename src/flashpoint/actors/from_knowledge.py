"""Codes for named people, parties and groups from the shipped knowledge (:mod:`.known`).

The text outranks knowledge: a unit whose country the text already gives ("U.S. Senator X",
"X, Britain's finance minister") keeps it. Otherwise a person's full name, or an organisation's
name, is looked up at the article's date: "Ronald Reagan" in 1987 is USAGOV, "Tony Blair" in
2005 GBRGOV. A name known in several countries (a party called "Labour") is resolved only once
the article's country is known (``prefer_country``), and stays unresolved otherwise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .known import Candidate, load_known

# "The Bush administration": the leading country needs this many office holders' full names
# of that surname, and this many times the next country's.
LEADER_NAMES, LEADER_LEAD = 3, 4
# Kinds of knowledge each kind of mention may take.
KINDS_FOR = {"person": frozenset({"person"}), "org": frozenset({"party", "group"})}
# Party Facts says "party", not in or out of government: CAMEO's nearest reading of a party
# as an actor, when the data has no government spell for it, is the political opposition.
AGENT_FOR = {"PTY": "OPP"}


def candidate(name: str, kind: str, published: str | None,
              prefer_country: str | None = None) -> Candidate | None:
    """The knowledge reading of a mention's name, or ``None``."""
    allowed = KINDS_FOR.get(kind)
    if not allowed or not name or (kind == "person" and " " not in name.strip()):
        return None  # a surname alone is resolved through its full name, never on its own
    cand = load_known().resolve(name, published[:10] if published else None, prefer_country)
    if cand is None or cand.kind not in allowed:
        return None
    return cand


def is_party_name(text: str) -> bool:
    """Whether a name is a known party's ("Tories", "Liberal Democrats"), in any country."""
    return bool(load_known().lookup(text, kinds=("party",)))


def titled_surname(unit, published: str | None) -> Candidate | None:
    """A titled surname ("President Reagan", "Chancellor Kohl") held by exactly one country's
    office holders on the article's date; undated articles and untitled surnames get nothing."""
    name = (unit.name or "").strip()
    if unit.kind != "person" or not published or " " in name or not unit.titles or len(name) < 3:
        return None
    holders = load_known().office_holders(name, published[:10])
    countries = {cand.country for _, cand in holders}
    if len(countries) != 1:
        return None
    return holders[0][1]


def leader_surnames(doc, units: Iterable, led_by: frozenset[str]) -> None:
    """ "the Bush administration", "the Assad regime": a surname modifying a government noun
    (``led_by``) is a head of government's, looked up at any date (the text may look back). The
    office holders' data has namesakes everywhere (a minister Bush of the Cayman Islands), so
    the country whose holders bear the most full names takes it when it clearly leads."""
    for unit in units:
        name = (unit.name or "").strip()
        if unit.country or unit.code or unit.kind != "person" or " " in name or len(name) < 3:
            continue
        last = doc[unit.end - 1]
        if last.dep_ not in ("compound", "poss", "nmod") or last.head.lower_ not in led_by:
            continue
        holders = Counter(c for c, _ in {(cand.country, full) for full, cand
                                          in load_known().office_holders(name, "")})
        ranked = holders.most_common(2) + [("", 0)]
        if ranked[0][1] >= LEADER_NAMES and ranked[0][1] >= LEADER_LEAD * ranked[1][1]:
            unit.country, unit.country_source = ranked[0][0], "knowledge"


def apply(units: Iterable, published: str | None, prefer_country: str | None = None) -> None:
    """Give units the text left without a country their knowledge reading (in place)."""
    for unit in units:
        if unit.country is not None or unit.code or unit.head_term is not None:
            continue
        cand = candidate(unit.name, unit.kind, published, prefer_country)
        if cand is None:
            cand = titled_surname(unit, published)
        if cand is None:
            continue
        agent = AGENT_FOR.get(cand.agent, cand.agent) or None
        if cand.country == "IGO":
            unit.code, unit.agent = cand.code, "IGO"
            continue
        unit.country = cand.country
        unit.country_source = "party" if cand.kind == "party" else "knowledge"
        if unit.agent is None:
            unit.agent = agent

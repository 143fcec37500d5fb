"""The country an article is about, and the domestic actors that take it.

A story about "the government", "ministers", "MPs" or "police" rarely says whose: the reader
knows from the dateline, the headline and the countries and people the story is full of. This
module weighs that evidence into one country (or none, when it is not clear) and gives it to
actors that name no country of their own, recording ``country_source = "context"``.

Evidence and weights (:data:`WEIGHTS`): the dateline city or country, countries named in the
title, and in the body every mention of a country, of a seat of government ("Downing Street")
and of a person or organisation whose country the text or knowledge gives. A country wins when
it has at least :data:`MIN_SCORE` points, :data:`MIN_LEAD` times the runner-up's and
:data:`MIN_SHARE` of all points (or, with :data:`STRONG_MIN` points, :data:`STRONG_LEAD` times
the runner-up's).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from .knowledge import Knowledge, place_countries
from .terms import INTERNATIONAL_PREFIXES

WEIGHTS = {"dateline": 3.0, "title": 2.0, "country": 1.0, "named": 1.0}
MIN_SCORE = 2.0
MIN_LEAD = 1.5
# ... and at least this share of all the evidence: a story spread over several countries (a
# crisis between two states) has no home country for its unnamed actors.
MIN_SHARE = 0.4
# ... unless it is this many times the runner-up's (a UK story about embassies in ten countries).
STRONG_LEAD = 3.0
STRONG_MIN = 6.0
# Mentions of a country whose country came from these sources count as evidence.
EVIDENCE_SOURCES = frozenset({"text", "knowledge", "party"})
# Armed non-state actors are as often foreign as domestic: they never take the article's country.
NO_CONTEXT_AGENTS = frozenset({"UAF", "REB", "INS", "SEP", "CRM", "IMG"})
# Words saying an actor is someone else's: "other countries", "foreign governments".
FOREIGN_WORDS = frozenset({"other", "foreign", "third", "overseas", "developing", "developed", "abroad"})
# A state's own organs: what they act on, in a sentence naming no other country, is of that state.
STATE_AGENTS = frozenset({"GOV", "COP", "JUD", "LEG"})
# ... and the organs that enforce a state's law on its own officials: a judge or the police
# investigating or arresting a state's officers are, in a sentence naming no other country, that
# state's ("Judge X opened investigations against 28 Chilean officials").
LAW_AGENTS = frozenset({"COP", "JUD"})
OFFICER_AGENTS = STATE_AGENTS | {"MIL"}


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence for the article's country."""

    country: str
    weight: float
    why: str  # dateline | title | country | named


def dateline_country(dateline: str | None, kb: Knowledge) -> str | None:
    """The country of a dateline place ("WASHINGTON", "Gaza City", "FRANCE")."""
    if not dateline:
        return None
    text = dateline.strip().rstrip(",")
    for form in (text, text.title()):
        term = kb.names.get(form)
        if term is not None and term.country:
            return term.country
    return place_countries().get(text.lower())


def title_countries(title: str | None, kb: Knowledge) -> list[str]:
    """Countries named in a headline, by their names, demonyms, capitals and seats of power."""
    if not title:
        return []
    words = title.replace("'s ", " ").replace("’s ", " ").split()
    words = [w.strip(".,:;!?\"'‘’“”()") for w in words]
    found: list[str] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            phrase = " ".join(words[i:i + n])
            term = kb.names.get(phrase) or kb.names.get(phrase.title()) if phrase else None
            if term is not None and term.country and term.kind in ("country", "metonym"):
                found.append(term.country)
                i += n - 1
                break
        i += 1
    return found


def evidence(units: Iterable, dateline: str | None, title: str | None, kb: Knowledge,
             doc: Doc | None = None) -> list[Evidence]:
    """All evidence for the article's country: dateline, title, and the actors' mentions.

    Countries named in one list ("the Bahamas, East Timor, Madagascar and Swaziland") share one
    mention's weight: a list says "several places", not several times each of them."""
    out: list[Evidence] = []
    home = dateline_country(dateline, kb)
    if home:
        out.append(Evidence(home, WEIGHTS["dateline"], "dateline"))
    out += [Evidence(c, WEIGHTS["title"], "title") for c in title_countries(title, kb)]
    units = list(units)
    lists: Counter[int] = Counter()
    if doc is not None:
        lists.update(_list_head(doc, u.anchor[1] - 1) for u in units if u.kind == "country")
    for unit in units:
        if not unit.country or unit.country_source not in EVIDENCE_SOURCES:
            continue
        why = "country" if unit.kind == "country" else "named"
        share = lists[_list_head(doc, unit.anchor[1] - 1)] if doc is not None and why == "country" else 1
        out.append(Evidence(unit.country, WEIGHTS[why] / max(share, 1), why))
    return out


def _list_head(doc: Doc, i: int) -> int:
    """The first conjunct of the coordination a token belongs to (itself when none)."""
    tok = doc[i]
    for _ in range(20):
        if tok.dep_ != "conj" or tok.head is tok:
            break
        tok = tok.head
    return tok.i


def decide(items: list[Evidence]) -> str | None:
    """The article's country, or ``None`` when no country clearly leads."""
    scores: Counter[str] = Counter()
    for item in items:
        scores[item.country] += item.weight
    if not scores:
        return None
    ranked = scores.most_common(2)
    best, score = ranked[0]
    runner = ranked[1][1] if len(ranked) > 1 else 0.0
    if score < MIN_SCORE or score < MIN_LEAD * runner:
        return None
    if score < MIN_SHARE * sum(scores.values()) and (score < STRONG_LEAD * runner or score < STRONG_MIN):
        return None  # spread over many countries, none far ahead
    return best


def takes_context(unit) -> bool:
    """True for an actor that names no country and may be domestic: a role ("the government",
    "MPs", "police"), a person or an organisation. International bodies never take one."""
    if unit.country or unit.kind not in ("person", "org", "role"):
        return False
    code = unit.code or ""
    agent = unit.agent or ""
    return code[:3] not in INTERNATIONAL_PREFIXES and agent not in INTERNATIONAL_PREFIXES \
        and agent not in NO_CONTEXT_AGENTS


def acted_on_by_state(doc: Doc, units: list) -> None:
    """ "The Mozambique government accepted demands from Shona rebels", "Nicaragua's government
    ordered the opposition newspaper to close": an actor without a country that a state organ
    (:data:`STATE_AGENTS`, placed by the text) acts on, in a sentence that names no other
    country, is of that state - armed groups included. For an article without a country of its
    own (in place)."""
    at = {i: u for u in units for i in range(u.start, u.end)}
    for unit in units:
        if unit.country or unit.code or unit.kind not in ("person", "org", "role") \
                or (unit.agent or "") in INTERNATIONAL_PREFIXES \
                or any(t.lower_ in FOREIGN_WORDS for t in doc[unit.start:unit.end]):
            continue
        tok = _governing_verb(doc[unit.anchor[1] - 1])
        if tok is None or tok.i in at:
            continue
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        state = at.get(subject.i) if subject is not None else None
        if state is None or state.agent not in STATE_AGENTS or state.country_source not in EVIDENCE_SOURCES:
            continue
        sent = doc[unit.start].sent
        named = {u.country for u in units if u.country and u.country_source in EVIDENCE_SOURCES
                 and sent.start <= u.start < sent.end}
        if named == {state.country}:
            unit.country, unit.country_source = state.country, "context"


def law_on_own_officers(doc: Doc, units: list, abroad: frozenset[str] = frozenset()) -> None:
    """A judge or the police (:data:`LAW_AGENTS`) without a country, whose verb acts on a state's
    officers (:data:`OFFICER_AGENTS`, placed by the text) in a sentence that names no other
    country, are of that state: "Judge X opened fraud investigations against 28 Chilean
    government officials". Officers posted abroad (``abroad`` lemmas: "diplomats") do not
    count. For an article without a country of its own (in place)."""
    at = {i: u for u in units for i in range(u.start, u.end)}
    for unit in units:
        if unit.country or unit.agent not in LAW_AGENTS or unit.kind not in ("person", "org", "role") \
                or any(t.lower_ in FOREIGN_WORDS for t in doc[unit.start:unit.end]):
            continue
        head = doc[unit.anchor[1] - 1]
        if head.dep_ != "nsubj":
            continue
        sent = head.sent
        named = {u.country for u in units if u.country and u.country_source in EVIDENCE_SOURCES
                 and sent.start <= u.start < sent.end}
        if len(named) != 1:
            continue
        acted_on = [at[t.i] for t in doc[sent.start:sent.end]
                    if t.i in at and getattr(_governing_verb(t, nouns=True), "i", None) == head.head.i]
        if any(u.agent in OFFICER_AGENTS and u.country in named and u.country_source in EVIDENCE_SOURCES
               and doc[u.anchor[1] - 1].lemma_.lower() not in abroad for u in acted_on):
            unit.country, unit.country_source = next(iter(named)), "context"


def _governing_verb(tok, nouns: bool = False):
    """The verb whose object ``tok`` is: "ordered [the newspaper] La Prensa", "accepted demands
    from [rebels]", "sanctions on [X]" (one preposition, on the verb or on its object)."""
    if tok.dep_ == "appos":
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
        tok = tok.head.head
        if nouns and tok.dep_ in ("dobj", "nsubjpass") and tok.pos_ == "NOUN":
            tok = tok.head  # "opened investigations against [X]"
        if tok.pos_ == "VERB":
            return tok
    if tok.dep_ in ("dobj", "dative") and tok.head.pos_ == "VERB":
        return tok.head
    return None

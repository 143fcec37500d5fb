"""Identity across an article: which mentions are one actor, and the actor records.

Repeated names and surnames ("Esper") reuse a person's binding; subject pronouns ("he", "she")
go to the most recent person before them; "the minister" goes to the most recent person holding
that title; roles and countries with the same code are one actor. :func:`write` turns the
linked units into :class:`~flashpoint.records.Actor` records and token attributes.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Actor
from .terms import compose_code
from .units import Unit

SUBJECT_PRONOUNS = frozenset({"he", "she"})
OBJECT_PRONOUNS = frozenset({"him", "her"})
PLURAL_PRONOUNS = frozenset({"they", "them"})
PRONOUN_GENDER = {"he": "m", "him": "m", "she": "f", "her": "f"}
HONORIFIC_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f",
                    "dame": "f", "lady": "f", "baroness": "f"}
PRONOUN_LOOKBACK_SENTS = 3


def link(doc: Doc, units: list[Unit]) -> list[tuple[int, int, Unit]]:
    """Group units into actors: same person/org name, surname references, role codes."""
    people: dict[str, Unit] = {}
    surnames: dict[str, Unit] = {}
    actors: dict[tuple, Unit] = {}
    mentions: list[tuple[int, int, Unit]] = []
    # Full names first, so a surname used before the full name still finds its person.
    for unit in units:
        if unit.kind == "person" and " " in unit.name:
            key = unit.name.lower()
            first = people.setdefault(key, unit)
            _merge(first, unit)
            surnames.setdefault(unit.name.split()[-1].lower(), first)
    for unit in units:
        lead = unit
        if unit.kind in ("person", "org") and unit.head_term is None:
            lead = people.get(unit.name.lower()) or surnames.get(unit.name.lower()) or unit
            if lead is not unit:
                _merge(lead, unit)
        if unit.kind == "role" and _definite(doc, unit) and unit.country is None and unit.titles == []:
            holder = _title_holder(doc, unit, mentions)
            if holder is not None:
                lead = holder
        key = _actor_key(lead)
        lead = actors.setdefault(key, lead)
        if lead is not unit:
            _merge(lead, unit)
        mentions.append((unit.start, unit.end, lead))
    return mentions

def pronouns(doc: Doc, units: list[Unit], mentions: list[tuple[int, int, Unit]]) -> None:
    """Personal pronouns → the most recent fitting actor mentioned before them.

    'he'/'she' as subjects and 'him'/'her' as objects go to the latest person a few sentences
    back whose honorifics do not say the other gender ("Mr Blair" is never "she"); an object
    pronoun never goes to the subject of its own verb ("Brown told him"). 'they'/'them' go to
    the latest plural actor that was a subject (a plural role, a plural name such as "the
    Tories") in this or the previous sentence, and stay unresolved when there is none.
    """
    persons = sorted((s, e, u) for s, e, u in mentions if u.kind == "person")
    # 'they' continues a plural subject ("the Tories insisted they would..."); a bare "they
    # said" after a plural object is usually unnamed sources, not that object.
    plurals = sorted((s, e, u) for s, e, u in mentions
                     if _plural(doc, s, e, u) and doc[s:e].root.dep_.startswith("nsubj"))
    if not persons and not plurals:
        return
    gender = _genders(doc, persons)
    sents = list(doc.sents)
    sent_index = {s.start: n for n, s in enumerate(sents)}
    for tok in doc:
        word = tok.lower_
        if word in SUBJECT_PRONOUNS and tok.dep_.startswith("nsubj"):
            pool, back = persons, PRONOUN_LOOKBACK_SENTS
        elif word in OBJECT_PRONOUNS and (tok.dep_ in ("dobj", "pobj", "dative", "obj")
                                          or _infinitive_subject(tok)):
            pool, back = persons, PRONOUN_LOOKBACK_SENTS
        elif word in PLURAL_PRONOUNS and (tok.dep_.startswith("nsubj") or tok.dep_ in ("dobj", "pobj")):
            pool, back = plurals, 1
        else:
            continue
        n = sent_index.get(tok.sent.start, 0)
        floor = sents[max(0, n - back)].start
        subject = _subject_of(tok) if not tok.dep_.startswith("nsubj") else (
            _subject_of(tok.head) if _infinitive_subject(tok) else None)
        own = {id(u) for s, e, u in pool if subject is not None and s <= subject < e}
        if word in SUBJECT_PRONOUNS:
            # "He met Ali": a subject pronoun is not the object of its own verb either
            objects = _objects_of(tok.head)
            own |= {id(u) for s, e, u in mentions if any(s <= i < e for i in objects)}
        for s, e, u in reversed(pool):
            if not (floor <= s and e <= tok.i) or id(u) in own:
                continue
            if gender.get(id(u)) not in (None, PRONOUN_GENDER.get(word)):
                continue
            mentions.append((tok.i, tok.i + 1, u))
            break


def _infinitive_subject(tok) -> bool:
    """ "called for him to apologise": an object pronoun as the subject of an infinitive."""
    return tok.dep_ == "nsubj" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.head.children)


def _objects_of(verb) -> set[int]:
    """Token indices of a verb's objects: direct, dative, and prepositional."""
    out: set[int] = set()
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "obj"):
            out.add(child.i)
        elif child.dep_ == "prep":
            out.update(g.i for g in child.children if g.dep_ == "pobj")
    return out


def _subject_of(tok) -> int | None:
    """The subject token of the verb governing an object pronoun ("Brown told him" → Brown)."""
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    for child in verb.children:
        if child.dep_.startswith("nsubj"):
            return child.i
    return None


def _genders(doc: Doc, persons) -> dict[int, str]:
    """Gender said by an honorific before a person's mention ("Mr Blair", "Ms Hewitt")."""
    out: dict[int, str] = {}
    for s, _, u in persons:
        said = HONORIFIC_GENDER.get(doc[s].lower_.rstrip("."))
        if said:
            out.setdefault(id(u), said)
    return out


def _plural(doc: Doc, start: int, end: int, unit: Unit) -> bool:
    """A mention 'they' can refer to: a plural role ("ministers") or plural name ("the Tories")."""
    if unit.kind not in ("role", "org") or doc[end - 1].tag_ not in ("NNS", "NNPS"):
        return False
    return unit.kind == "role" or unit.country is not None or unit.code is not None


def _definite(doc: Doc, unit: Unit) -> bool:
    return doc[unit.start].lower_ == "the" and unit.end - unit.start == 2


def _title_holder(doc: Doc, unit: Unit, mentions) -> Unit | None:
    """'the minister' → the latest person before it whose titles name that role."""
    word = doc[unit.end - 1].lemma_.lower()
    for _, end, u in reversed(mentions):
        if end <= unit.start and u.kind == "person" and any(word in t.lower() for t in u.titles):
            return u
    return None


def _merge(lead: Unit, other: Unit) -> None:
    if lead is other:
        return
    if not lead.country and other.country:
        lead.country, lead.country_source = other.country, other.country_source
    lead.agent = lead.agent or other.agent
    lead.backer = lead.backer or other.backer
    for t in other.titles:
        if t not in lead.titles:
            lead.titles.append(t)


def _actor_key(unit: Unit) -> tuple:
    if unit.kind == "person":
        return ("person", unit.name.lower())
    if unit.kind == "org":
        return ("org", unit.name.lower())
    if unit.kind in ("country", "action"):
        return ("country", unit.country, unit.agent)
    return ("role", unit.country, unit.agent, unit.name.lower())


def write(doc: Doc, mentions: list[tuple[int, int, Unit]]) -> None:
    """Turn linked units into Actor records, mention tuples and token attributes."""
    actors: list[Actor] = []
    index: dict[int, int] = {}
    out: list[tuple[int, int, int]] = []
    for start, end, unit in sorted(mentions, key=lambda m: (m[0], m[1])):
        if id(unit) not in index:
            index[id(unit)] = len(actors)
            code = unit.code or compose_code(unit.country, unit.agent)
            kind = {"action": "country", "role": "role"}.get(unit.kind, unit.kind)
            if unit.head_term is not None and unit.head_term.kind in ("group",):
                kind = "group"
            actors.append(Actor(
                name=unit.name, code=code, country=unit.country, agent=unit.agent, kind=kind,
                titles=list(unit.titles), backer=unit.backer, mentions=[],
                country_source=unit.country_source if unit.country else None,
            ))
        idx = index[id(unit)]
        span = doc[start:end]
        actors[idx].mentions.append([span.start_char, span.end_char])
        out.append((start, end, idx))
        for tok in span:
            tok._.actor = actors[idx]
    doc._.actors = actors
    doc._.actor_mentions = out


"""Sources for events whose perpetrator the text does not name (``data/unnamed_sources.yaml``).

An event needs an actor as its source. For protests, riots, violence and arrests the reporting
convention of conflict data (ACLED) names a generic one, so that a real protest, bombing or
arrest is not lost for want of a name: unnamed protesters (CVL), an unidentified armed group
(UAF), rioters (CVL: a mob the text names but no actor codes) and the police (COP), each of the
country where the event happened when the text says where. Natural and accidental causes never
make an armed group: "floods killed 20" is not violence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Span, Token

from ..errors import KnowledgeError
from ..records import ActorRef, Location
from ..yamldata import load_yaml
from .arguments import subject_of
from .modality import speech_governor
from .words import is_word, lemma, names_any

DATA_PATH = Path(__file__).with_name("data") / "unnamed_sources.yaml"


@dataclass(frozen=True)
class UnnamedRules:
    """The generic sources and the words that allow or forbid them."""

    protest: dict[str, Any]
    force: dict[str, Any]
    crowd: dict[str, Any]
    arrest: dict[str, Any]
    announced_roots: frozenset[str]
    announced_agents: frozenset[str]
    weapon_nouns: frozenset[str]
    unknown_people: frozenset[str]
    unknown_modifiers: frozenset[str]
    disaster_words: frozenset[str]
    protest_triggers: frozenset[str]
    protest_generic: frozenset[str]
    protest_not_alone: frozenset[str]
    protest_purposes: frozenset[str]
    protest_context: frozenset[str]
    security_targets: frozenset[str]
    force_passives: frozenset[str]
    arrest_passives: frozenset[str]
    other_senses: dict[str, OtherSense]


@dataclass(frozen=True)
class OtherSense:
    """When a disaster word names a weapon or an act of force ("opened fire", "poison gas")
    rather than a natural or accidental cause."""

    verbs: frozenset[str]
    modifiers: frozenset[str]
    as_verb: bool


@lru_cache(maxsize=1)
def rules() -> UnnamedRules:
    """The shipped rules (read once)."""
    try:
        data = load_yaml(DATA_PATH.read_text(encoding="utf-8"))
        force = data["force"]
        return UnnamedRules(
            protest=data["protest"], force=force, crowd=data["crowd"], arrest=data["arrest"],
            announced_roots=_words(data["announced"]["roots"]),
            announced_agents=frozenset(str(a) for a in data["announced"]["agents"]),
            weapon_nouns=frozenset(str(w).lower() for w in force["weapon_nouns"]),
            unknown_people=_words(force["unknown_people"]),
            unknown_modifiers=_words(force["unknown_modifiers"]),
            disaster_words=frozenset(str(w).lower() for w in data["disaster_words"]),
            protest_triggers=_words(data["protest"]["triggers"]),
            protest_generic=_words(data["protest"]["generic_patterns"]),
            protest_not_alone=_words(data["protest"]["not_alone"]),
            protest_purposes=_words(data["protest"]["purpose_verbs"]),
            protest_context=_words(data["protest"]["context_words"]),
            security_targets=_words(data["protest"]["security_targets"]),
            force_passives=_words(force["passive_verbs"]),
            arrest_passives=_words(data["arrest"]["passive_verbs"]),
            other_senses={str(word).lower(): OtherSense(_words(use["verbs"]), _words(use["modifiers"]),
                                                      bool(use["as_verb"]))
                         for word, use in data["other_senses"].items()},
        )
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read {DATA_PATH}: {exc}") from exc


def _words(items) -> frozenset[str]:
    return frozenset(str(w).lower() for w in items)


def _record(entry: dict[str, Any], location: Location | None) -> ActorRef:
    country = location.country if location is not None else None
    agent = str(entry["agent"])
    return ActorRef(text=None, name=str(entry["name"]), code=(country or "") + agent,
                    country=country, agent=agent, span=None, unnamed=True)


def unnamed_source(root: str, source: Token | None, trigger: Token, sent: Span,
                   location: Location | None, pattern_id: str = "",
                   crowd: bool = False) -> ActorRef | None:
    """The generic source of an event with no actor as its source, or ``None``.

    ``source`` is the argument the parse found (a non-actor noun such as "a bomb"), or ``None``;
    ``pattern_id`` the pattern that matched the trigger; ``crowd`` whether the source names a
    crowd ("a mob").
    """
    r = rules()
    word = lemma(trigger)
    if root in r.protest["roots"]:
        if pattern_id not in r.protest_generic or word in r.protest_triggers or \
                _in_protest(trigger, sent, r):
            return _record(r.protest, location)
        return None
    if crowd and root in r.crowd["roots"]:
        return _record(r.crowd, location)
    # "five soldiers were killed", "smugglers intercepted at the border" (a reduced relative)
    passive_without_agent = source is None and (
        any(c.dep_ == "auxpass" for c in trigger.children)
        or trigger.dep_ == "acl" and trigger.tag_ == "VBN")
    if root in r.arrest["roots"] and passive_without_agent and word in r.arrest_passives:
        return _record(r.arrest, location)
    weapon = source is not None and _is_weapon(source, r)
    passive_force = passive_without_agent and root in r.force["passive_roots"] and (
        word in r.force_passives
        or any(c.dep_ == "nsubjpass" and _is_weapon(c, r) for c in trigger.children))
    if not (weapon and root in r.force["roots"] or passive_force):
        return None
    # A weapon named in the sentence is enough unless the sentence names a disaster; a
    # passive with no agent ("were killed") needs the whole story free of one.
    if names_disaster(sent if weapon else sent.doc):
        return None
    return _record(r.force, location)


def announcer(root: str, trigger: Token) -> Token | None:
    """Who announced a cooperative act the text puts in the passive with no agent ("more money
    is to be given to councils, said the housing minister"): the subject of the reporting verb,
    for the ``announced`` roots; the caller checks that it is a government's."""
    if root not in rules().announced_roots or not any(c.dep_ == "auxpass" for c in trigger.children) \
            or any(c.dep_ == "agent" for c in trigger.children):
        return None
    gov = speech_governor(trigger)
    return subject_of(gov) if gov is not None else None


def announced_by(agent: str | None) -> bool:
    """Whether a speaker of this agent announces for its government (``announced.agents``)."""
    return agent in rules().announced_agents


def _in_protest(trigger: Token, sent: Span, r: UnnamedRules) -> bool:
    """Whether a generic act ("blocked", "threw") is done in protest: a clause of demand or
    protest on the trigger ("blocked the road, demanding ...", "in protest at ..."), aimed at
    the police or security forces ("threw bottles at a police vehicle"), or with protesters or
    a protest named in its sentence."""
    for child in trigger.children:
        if child.dep_ in ("advcl", "xcomp", "conj") and is_word(child, r.protest_purposes):
            return True
        if child.dep_ != "prep":
            continue
        if any(is_word(o, r.protest_context) for o in child.children):
            return True  # "in protest at the ruling"
        if child.lower_ in ("at", "on", "toward", "towards") and names_any(child.subtree, r.security_targets):
            return True
    return names_any(sent, r.protest_context)


def names_no_one(noun: Token) -> bool:
    """Whether an event noun that took place, with no one named and nothing it was against,
    still says what happened: "demonstrations were held" does, "during a rally" does not (a
    campaign rally, a parade)."""
    return not is_word(noun, rules().protest_not_alone)


def names_disaster(tokens) -> bool:
    """Whether the tokens name a natural or accidental cause (``disaster_words``); a word that
    names a weapon or an act of force where it stands ("opened fire", "set on fire", "poison
    gas", "stormed the hotel") or is part of an organisation's name is none (``other_senses``)."""
    r = rules()
    return any(is_word(t, r.disaster_words) and not _other_sense(t, r) for t in tokens)


def _other_sense(tok: Token, r: UnnamedRules) -> bool:
    if tok.ent_type_ == "ORG":
        return True  # "a member of the Storm Corps"
    use = r.other_senses.get(lemma(tok)) or r.other_senses.get(tok.lower_)
    if use is None:
        return False
    if tok.pos_ == "VERB":
        return use.as_verb  # "fired shells"
    if any(c.dep_ in ("amod", "compound", "nmod") and is_word(c, use.modifiers) for c in tok.children):
        return True  # "heavy fire", "poison gas"
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ in ("prep", "agent"):
        verb = verb.head  # "set on fire", "came under fire"
    elif tok.dep_ not in ("dobj", "nsubjpass", "obj"):
        return False
    return verb is not tok and verb.pos_ in ("VERB", "AUX") and is_word(verb, use.verbs)


def _is_weapon(tok: Token, r: UnnamedRules) -> bool:
    """A weapon, an attack or an attacker ("a bomb", "gunmen", "unknown men")."""
    return is_word(tok, r.weapon_nouns) or is_word(tok, r.unknown_people) and any(
        c.dep_ in ("amod", "compound") and is_word(c, r.unknown_modifiers) for c in tok.children)

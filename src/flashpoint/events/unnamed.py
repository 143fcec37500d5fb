"""Sources for events whose perpetrator the text does not name (``data/unnamed_sources.yaml``).

An event needs an actor as its source. For three kinds of events the reporting convention of
conflict data (ACLED) names a generic one, so that a real protest, bombing or arrest is not lost
for want of a name: unnamed protesters (CVL), an unidentified armed group (UAF) and the police
(COP), each of the country where the event happened when the text says where. Natural and
accidental causes never make an armed group: "floods killed 20" is not violence.
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
from .words import is_word, lemma

DATA_PATH = Path(__file__).with_name("data") / "unnamed_sources.yaml"


@dataclass(frozen=True)
class UnnamedRules:
    """The generic sources and the words that allow or forbid them."""

    protest: dict[str, Any]
    force: dict[str, Any]
    arrest: dict[str, Any]
    weapon_nouns: frozenset[str]
    disaster_words: frozenset[str]
    protest_triggers: frozenset[str]
    protest_generic: frozenset[str]
    protest_not_alone: frozenset[str]
    force_passives: frozenset[str]
    arrest_passives: frozenset[str]
    weapon_uses: dict[str, WeaponUse]


@dataclass(frozen=True)
class WeaponUse:
    """When a disaster word names a weapon or an act of force ("opened fire", "poison gas")."""

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
            protest=data["protest"], force=force, arrest=data["arrest"],
            weapon_nouns=frozenset(str(w).lower() for w in force["weapon_nouns"]),
            disaster_words=frozenset(str(w).lower() for w in data["disaster_words"]),
            protest_triggers=_words(data["protest"]["triggers"]),
            protest_generic=_words(data["protest"]["generic_patterns"]),
            protest_not_alone=_words(data["protest"]["not_alone"]),
            force_passives=_words(force["passive_verbs"]),
            arrest_passives=_words(data["arrest"]["passive_verbs"]),
            weapon_uses={str(word).lower(): WeaponUse(_words(use["verbs"]), _words(use["modifiers"]),
                                                      bool(use["as_verb"]))
                         for word, use in data["weapon_uses"].items()},
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
                   location: Location | None, pattern_id: str = "") -> ActorRef | None:
    """The generic source of an event with no actor as its source, or ``None``.

    ``source`` is the argument the parse found (a non-actor noun such as "a bomb"), or ``None``;
    ``pattern_id`` the pattern that matched the trigger.
    """
    r = rules()
    word = lemma(trigger)
    if root in r.protest["roots"]:
        if pattern_id not in r.protest_generic or word in r.protest_triggers:
            return _record(r.protest, location)
        return None
    passive_without_agent = source is None and any(c.dep_ == "auxpass" for c in trigger.children)
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


def names_no_one(noun: Token) -> bool:
    """Whether an event noun that took place, with no one named and nothing it was against,
    still says what happened: "demonstrations were held" does, "during a rally" does not (a
    campaign rally, a parade)."""
    return not is_word(noun, rules().protest_not_alone)


def names_disaster(tokens) -> bool:
    """Whether the tokens name a natural or accidental cause (``disaster_words``); a word that
    names a weapon where it stands ("opened fire", "set on fire", "poison gas") is none."""
    r = rules()
    return any(is_word(t, r.disaster_words) and not _weapon_use(t, r) for t in tokens)


def _weapon_use(tok: Token, r: UnnamedRules) -> bool:
    use = r.weapon_uses.get(lemma(tok)) or r.weapon_uses.get(tok.lower_)
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
    return is_word(tok, r.weapon_nouns)

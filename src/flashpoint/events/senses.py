"""Argument requirements of event roots (``data/senses.yaml``): word senses that are no event.

"Gordon Brown has hit first-time buyers" and "the government attacked the plans" use the words
of force without any: an 18-20 event needs an armed source, force named in its clause, or a
state (a country, a government or its leader) acting on an actor, a place or a thing force is
used on - never on a topic.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Token

from ..errors import KnowledgeError
from ..yamldata import load_yaml

DATA_PATH = Path(__file__).with_name("data") / "senses.yaml"
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class ForceSense:
    """What makes a use of force an event."""

    roots: frozenset[str]
    armed_agents: frozenset[str]
    force_words: frozenset[str]
    targets: frozenset[str]


@dataclass(frozen=True)
class Combat:
    """When an assault or killing between armed sides is fighting (190)."""

    codes: frozenset[str]
    armed_targets: frozenset[str]
    military_places: frozenset[str]


@lru_cache(maxsize=1)
def combat() -> Combat:
    """The shipped combat rule (read once)."""
    try:
        data = load_yaml(DATA_PATH.read_text(encoding="utf-8"))["combat"]
        return Combat(frozenset(str(c) for c in data["codes"]),
                      frozenset(str(a).upper() for a in data["armed_targets"]),
                      frozenset(str(w).lower() for w in data["military_places"]))
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read {DATA_PATH}: {exc}") from exc


def combat_code(code: str, source: dict[str, Any] | None, target: dict[str, Any] | None,
                target_token: Token | None, trigger: Token | None = None) -> str:
    """190 for an assault or killing (18x) by an armed source on an armed side or a military
    place ("militants attacked a checkpoint"); else ``code`` unchanged."""
    rule = combat()
    if code not in rule.codes or not source:
        return code
    armed = bool(source.get("unnamed")) and source.get("agent") == "UAF" or \
        source.get("agent") in force_sense().armed_agents
    if not armed:
        return code
    if target and target.get("agent") in rule.armed_targets:
        return "190"
    hit = [target_token] if target_token is not None else []
    if trigger is not None:  # what was attacked, even when another argument became the target
        hit += [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(t.lemma_.lower() in rule.military_places or t.lower_ in rule.military_places for t in hit):
        return "190"
    return code


@lru_cache(maxsize=1)
def poll_words() -> tuple[frozenset[str], frozenset[str]]:
    """Words that cite a poll, and words that make a source a share of people."""
    try:
        data = load_yaml(DATA_PATH.read_text(encoding="utf-8"))["polls"]
        return (frozenset(str(w).lower() for w in data["words"]),
                frozenset(str(w).lower() for w in data["share_words"]))
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read {DATA_PATH}: {exc}") from exc


def is_poll_finding(sent, source_token: Token | None, source: dict[str, Any] | None) -> bool:
    """ "According to a survey, 63% of Britons oppose the war": a poll finding, not an event."""
    words, shares = poll_words()
    if not any(t.lemma_.lower() in words or t.lower_ in words for t in sent):
        return False
    if source_token is None:
        return False
    phrase = list(source_token.subtree)
    if source_token.dep_ == "pobj" and source_token.head.lower_ == "of":
        phrase.append(source_token.head.head)  # "63% of Britons", "most of the voters"
    share = any(t.ent_type_ == "PERCENT" or t.lower_ in shares or t.lemma_.lower() in shares
                for t in phrase)
    agent = (source or {}).get("agent")
    public = not (source or {}).get("unnamed") and (
        agent == "CVL" or agent is None and source_token.ent_type_ == "GPE")
    return share or public


@lru_cache(maxsize=1)
def force_sense() -> ForceSense:
    """The shipped requirements (read once)."""
    try:
        data = load_yaml(DATA_PATH.read_text(encoding="utf-8"))["force"]
        return ForceSense(frozenset(str(r) for r in data["roots"]),
                          frozenset(str(a).upper() for a in data["armed_agents"]),
                          frozenset(str(w).lower() for w in data["force_words"]),
                          frozenset(str(w).lower() for w in data["targets"]))
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read {DATA_PATH}: {exc}") from exc


def _names_disaster(sent) -> bool:
    from .unnamed import rules

    words = rules().disaster_words
    return any(t.lemma_.lower() in words or t.lower_ in words for t in sent)


def is_force_sense(root: str, trigger: Token, source: dict[str, Any],
                   target: dict[str, Any] | None, target_token: Token | None) -> bool:
    """Whether an event of ``root`` with these arguments is what its root says (always true
    outside the force roots)."""
    sense = force_sense()
    if root not in sense.roots:
        return True
    target_is_place = target_token is not None and target_token.ent_type_ in PLACE_ENTS
    target_is_thing = target_token is not None and (
        target_token.lemma_.lower() in sense.targets or target_token.lower_ in sense.targets)
    agent = source.get("agent")
    armed = bool(source.get("unnamed")) or agent in sense.armed_agents
    if armed:
        return True
    clause = list(trigger.subtree) + [trigger.head]
    named_force = any(t.lemma_.lower() in sense.force_words or t.lower_ in sense.force_words
                      for t in clause)
    if not named_force and _names_disaster(trigger.sent):
        return False  # "an earthquake on Indonesia's Java killed eight": no one used force
    state = agent == "GOV" or (agent is None and bool(source.get("country")))
    if named_force:
        return True
    if not state:
        return False
    # A state may use force on an actor, a place or a thing force is used on - not on a topic.
    return target is None or bool(target.get("code")) or target_is_place or target_is_thing

"""What political event data leaves out (``data/scope.yaml``): the news media's own business and
companies' dealings with each other.

"The minister told the BBC in an interview" is no consultation between actors and "Airbus
chose an engine" no political event: an event with a media actor on the side the rules name, or
with a business source and no state, party or people as its target, is not emitted.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Token

from ..actors import actor_or_none
from ..errors import KnowledgeError
from ..records import ActorRef
from ..yamldata import load_yaml
from .arguments import np_span
from .words import names_any

DATA_PATH = Path(__file__).with_name("data") / "scope.yaml"


@dataclass(frozen=True)
class Scope:
    """The rules of ``data/scope.yaml``."""

    media_agents: frozenset[str]
    media_target_roots: frozenset[str]
    media_source_roots: frozenset[str]
    media_words: frozenset[str]
    business_agents: frozenset[str]
    state_words: frozenset[str]


@lru_cache(maxsize=1)
def scope() -> Scope:
    """The shipped rules (the file read once)."""
    try:
        data = load_yaml(DATA_PATH.read_text(encoding="utf-8"))
        media, business = data["media"], data["business"]
        return Scope(
            media_agents=frozenset(str(a).upper() for a in media["agents"]),
            media_target_roots=frozenset(str(r) for r in media["target_roots"]),
            media_source_roots=frozenset(str(r) for r in media["source_roots"]),
            media_words=frozenset(str(w).lower() for w in media["words"]),
            business_agents=frozenset(str(a).upper() for a in business["agents"]),
            state_words=frozenset(str(w).lower() for w in business["state_words"]),
        )
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read {DATA_PATH}: {exc}") from exc


def _media(ref: ActorRef | None, tok: Token | None, rules: Scope) -> bool:
    """Whether an argument is a news outlet or journalist, one of its people or programmes
    ("NBC's Hallie Jackson", "MSNBC's Morning Joe"), or names the press's work ("a Fox
    interview")."""
    if ref is not None and ref.agent in rules.media_agents:
        return True
    if tok is None:
        return False
    for owner in (c for c in tok.children if c.dep_ in ("poss", "compound")):
        actor = actor_or_none(tok.doc, np_span(owner))
        if actor is not None and actor.agent in rules.media_agents:
            return True
    return names_any(np_span(tok), rules.media_words)


def media_business(root: str, source: ActorRef | None, target: ActorRef | None,
                   source_token: Token | None, target_token: Token | None) -> bool:
    """Whether an event of ``root`` between these arguments is the news media's own business:
    a consultation with the press, a report or a question of the press."""
    rules = scope()
    if root in rules.media_target_roots and (
            _media(source, source_token, rules) or _media(target, target_token, rules)):
        return True
    return root in rules.media_source_roots and _media(source, source_token, rules)


def between_companies(source: ActorRef | None, target: ActorRef | None, trigger: Token) -> bool:
    """Whether an event is a company's act on another company, or on nothing and no actor
    while its clause names no state ("the company pledged to cut costs")."""
    rules = scope()
    if source is None or source.agent not in rules.business_agents:
        return False
    if target is not None and target.agent in rules.business_agents:
        return True
    return (target is None or not target.code) and not names_any(trigger.subtree, rules.state_words)

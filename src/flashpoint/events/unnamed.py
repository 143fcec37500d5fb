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
from ..yamldata import load_yaml

DATA_PATH = Path(__file__).with_name("data") / "unnamed_sources.yaml"


@dataclass(frozen=True)
class UnnamedRules:
    """The generic sources and the words that allow or forbid them."""

    protest: dict[str, Any]
    force: dict[str, Any]
    arrest: dict[str, Any]
    weapon_nouns: frozenset[str]
    disaster_words: frozenset[str]


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
        )
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read {DATA_PATH}: {exc}") from exc


def _record(entry: dict[str, Any], location: dict[str, Any] | None) -> dict[str, Any]:
    country = (location or {}).get("country")
    agent = str(entry["agent"])
    return {"text": None, "name": str(entry["name"]), "code": (country or "") + agent,
            "country": country, "agent": agent, "span": None, "unnamed": True}


def unnamed_source(root: str, source: Token | None, trigger: Token, sent: Span,
                   location: dict[str, Any] | None) -> dict[str, Any] | None:
    """The generic source of an event with no actor as its source, or ``None``.

    ``source`` is the argument the parse found (a non-actor noun such as "a bomb"), or ``None``.
    """
    r = rules()
    if root in r.protest["roots"]:
        return _record(r.protest, location)
    passive_without_agent = source is None and any(c.dep_ == "auxpass" for c in trigger.children)
    if root in r.force["roots"]:
        weapon = source is not None and (source.lemma_.lower() in r.weapon_nouns
                                         or source.lower_ in r.weapon_nouns)
        # A weapon named in the sentence is enough unless the sentence names a disaster; a
        # passive with no agent ("were killed") needs the whole story free of one.
        scope = sent if weapon else sent.doc
        if any(t.lemma_.lower() in r.disaster_words or t.lower_ in r.disaster_words for t in scope):
            return None
        if weapon or passive_without_agent:
            return _record(r.force, location)
        return None
    if root in r.arrest["roots"] and passive_without_agent:
        return _record(r.arrest, location)
    return None

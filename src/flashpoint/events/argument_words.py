"""The words and dependency labels the argument readers work with: which entities and nouns
name actors, light and authoring verbs, pronouns, and the word lists of ``data/arguments.yaml``
(actor nouns, event nouns whose "of" phrase names the actor, purpose-clause targets, conditions,
verbs of a protest under way). Read by :mod:`.arguments`, :mod:`.noun_arguments` and
:mod:`.conditions`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Token

from ..errors import KnowledgeError
from ..yamldata import load_yaml
from .words import is_word

ARGUMENTS_PATH = Path(__file__).with_name("data") / "arguments.yaml"

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
# Parts of a noun's subtree that are not part of the argument's name.
_NOT_NP = frozenset({"relcl", "acl", "appos", "punct", "advcl", "cc", "conj", "prep", "parataxis", "dep"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom", "whose"})
PERSONAL_PRONOUNS = frozenset({"it", "they", "he", "she", "we", "i", "them", "him", "her", "us"})
# Pronouns that stand for a thing or a clause, never an actor ("it", "what they did").
THING_PRONOUNS = frozenset({"it", "this", "that", "which", "what"})
# Pronouns a speaker does not use of themselves.
OTHER_PRONOUNS = frozenset({"he", "she", "they"})
# Modifiers that name who acts in an event noun ("U.S. strikes", "Iranian attacks").
ACTOR_ENTS = frozenset({"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"})
# Entities that are never an event's target ("withdrew on Wednesday", "attacked 3 times").
NOT_ACTOR_ENTS = frozenset({"DATE", "TIME", "ORDINAL", "PERCENT"})
# Entities that can be an event's object ("an investigation into the $3.5 billion", "one of
# the critics") but never name an actor.
THING_ENTS = frozenset({"CARDINAL", "MONEY", "QUANTITY"})
# Verbs an event noun is the object of, whose subject is the noun's actor ("X launched attacks").
LIGHT_VERBS = frozenset(
    {"launch", "carry", "conduct", "stage", "hold", "mount", "make", "issue", "level", "file",
     "lodge", "bring", "impose", "offer", "provide", "give", "send", "announce", "begin", "start",
     "resume", "continue", "wage", "step", "escalate", "intensify", "sign", "reach", "extend",
     "deliver", "pledge", "order", "unleash", "perpetrate", "commit", "organize", "organise",
     "lead", "have", "express", "voice", "open", "initiate", "receive", "host", "slap", "place",
     "put", "seek", "propose", "plan", "threaten", "vow", "want", "approve", "authorize", "join",
     "declare", "call", "push", "press", "ask", "renew", "reiterate", "pursue", "undertake",
     "engage", "agree", "accept", "take", "head", "spearhead", "set", "end", "complete", "finish",
     "conclude"}
)

# Verbs whose subject is the author of their object: "parliament passed a resolution that
# condemns X" (the parliament condemns), unlike "violated statutes that prohibit X".
AUTHORING_VERBS = frozenset(
    {"pass", "adopt", "publish", "release", "write", "draft", "introduce", "unveil", "enact",
     "table", "submit", "present", "produce", "prepare", "circulate", "post", "grant"}
)


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, frozenset[str]]:
    try:
        data = load_yaml(ARGUMENTS_PATH.read_text(encoding="utf-8"))
        keys = ("actor_nouns", "of_actor_nouns", "purpose_target_roots", "condition_marks",
                "condition_roots", "under_way_verbs", "under_way_roots", "money_words")
        return {key: frozenset(str(w).lower() for w in data[key]) for key in keys}
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read {ARGUMENTS_PATH}: {exc}") from exc


def actor_nouns() -> frozenset[str]:
    """Common nouns that name actors (``data/arguments.yaml``)."""
    return _word_lists()["actor_nouns"]


def is_money(tok: Token) -> bool:
    """Whether ``tok`` heads an amount of money ("65 billion U.S. Dlrs"): never an actor."""
    words = _word_lists()["money_words"]
    return is_word(tok, words) and any(c.like_num or c.pos_ == "NUM" for c in tok.subtree)


def purpose_target_roots() -> frozenset[str]:
    """Roots of event nouns that take their target from a purpose clause (``data/arguments.yaml``)."""
    return _word_lists()["purpose_target_roots"]


def under_way_verbs() -> tuple[frozenset[str], frozenset[str]]:
    """Verbs whose subject event noun took place ("protests erupted", "riots broke out") and the
    roots they serve (``data/arguments.yaml``)."""
    return _word_lists()["under_way_verbs"], _word_lists()["under_way_roots"]

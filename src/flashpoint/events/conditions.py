"""The party a refusal or threat waits for: "will not end the strike until the government
pays", "threatened to quit the talks if the U.S. deploys missiles" (the markers and roots are in
``data/arguments.yaml``)."""

from __future__ import annotations

from spacy.tokens import Token

from .argument_words import NOT_ACTOR_ENTS, _word_lists
from .arguments import (
    _nearest_subject,
    agent_of,
    conjuncts,
    is_actor,
    is_passive,
)

__all__ = ["condition_party", "condition_roots"]


def condition_roots() -> frozenset[str]:
    """Roots of events whose target may be the party their condition waits for."""
    return _word_lists()["condition_roots"]


def condition_party(trigger: Token, source: Token | None) -> Token | None:
    """ "will not lift the embargo until Cuba undertakes reforms", "threatened to quit the talks
    if the U.S. deploys missiles": the actor whose act the refusal or threat waits for - the
    subject (or passive agent) of a clause marked "until", "unless" or "if" on the trigger or on
    its complement; ``None`` when that is a pronoun, not an actor, or the source itself."""
    marks = _word_lists()["condition_marks"]
    own = {t.i for t in conjuncts(source)} if source is not None else set()
    verbs = [trigger, *(c for c in trigger.children if c.dep_ in ("xcomp", "ccomp"))]
    for clause in (c for v in verbs for c in v.children if c.dep_ == "advcl"):
        if not any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children):
            continue
        party = agent_of(clause) if is_passive(clause) else _nearest_subject(clause)
        if party is not None and party.pos_ != "PRON" and party.i not in own \
                and party.ent_type_ not in NOT_ACTOR_ENTS and is_actor(party):
            return party
    return None

"""Source and target of an event noun: "Iran's attacks", "U.S. strikes on X", "talks with X",
"X launched attacks" (the subject of a light verb acts in its event-noun object)."""

from __future__ import annotations

from spacy.tokens import Token

from .argument_words import ACTOR_ENTS, LIGHT_VERBS, NOT_ACTOR_ENTS, under_way_verbs
from .arguments import (
    _actor_below,
    _child,
    _nearest_subject,
    _pobj,
    agent_of,
    is_actor,
    subject_of,
    target_of,
)
from .place import resolve_place
from .words import lemma

__all__ = ["is_held", "noun_source", "noun_target", "purpose_target", "under_way"]

# Where a purpose clause's target is looked for.
PURPOSE_TARGETS = ("dobj", "pobj:against", "pobj:from", "pobj:on", "pobj:to")


def is_held(noun: Token) -> bool:
    """Whether the text says the event noun took place: the object of a light verb ("staged a
    protest"), its passive subject ("rallies were held"), or the time of another event ("killed
    during protests")."""
    if noun.dep_ == "pobj" and noun.head.lower_ in ("during", "amid", "amidst"):
        return True  # "killed during protests", "arrested amid demonstrations"
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX") and \
        lemma(noun.head) in LIGHT_VERBS


# Subordinators that make a present-tense clause speak of any event: "when a protest breaks out".
GENERIC_MARKS = frozenset({"when", "whenever", "once", "if", "until", "before", "after"})


def under_way(noun: Token, code: str) -> Token | None:
    """The verb saying that an event noun of code ``code`` is under way or took place, when it is
    the noun's verb ("protests erupted", "riots broke out", "the strike paralysed the city"), or
    ``None``. The event's mood is that verb's ("protests could spread")."""
    verbs, roots = under_way_verbs()
    verb = noun.head
    if code[:2] not in roots or noun.dep_ != "nsubj" or verb.pos_ != "VERB":
        return None
    if verb.tag_ in ("VBZ", "VBP") and any(c.dep_ in ("mark", "advmod") and c.lower_ in GENERIC_MARKS
                                           for c in verb.children):
        return None  # "the response when a protest breaks out": any protest, none in particular
    word = lemma(verb)
    if word in verbs or any(f"{word} {lemma(c)}" in verbs for c in verb.children
                            if c.dep_ in ("prt", "dobj", "advmod")):
        return verb
    return None


def _names_a_city(modifier: Token) -> bool:
    """ "the Paris attacks", "the San Bernardino shooting": a city named as a modifier says
    where the event was, not who did it (a country's name or people do: "U.S. strikes")."""
    if modifier.dep_ != "compound" or modifier.ent_type_ != "GPE":
        return False
    place = resolve_place(" ".join(t.text for t in modifier.subtree))
    return place is not None and place.precision == "city"


def noun_source(noun: Token, patterns_lemmas: frozenset[str] = frozenset()) -> Token | None:
    """Who acts in an event noun: a possessor or actor modifier ("Iran's attacks", "U.S. strikes"),
    a "by" agent, or the subject of a light verb the noun is the object of ("X launched attacks")."""
    for child in noun.children:
        if child.dep_ == "poss" and child.ent_type_ not in NOT_ACTOR_ENTS:
            if child.pos_ == "PRON" and noun.dep_ == "dobj" and lemma(noun.head) in LIGHT_VERBS:
                break  # "the EU repeated its demand": "its" is the light verb's subject
            return child
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod") and (
            child.ent_type_ in ACTOR_ENTS or child.pos_ == "PROPN"
        ) and not _names_a_city(child):
            return child
    by = _pobj(noun, "by")
    if by is not None:
        return by
    head = noun.head
    if noun.dep_ in ("attr", "oprd") and head.pos_ in ("AUX", "VERB"):
        # "The U.S. is the largest donor to Sudan"
        return _nearest_subject(head)
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("for", "in", "into"):
        # "called for an investigation", "engaged in talks", "entered into negotiations"
        head = head.head
        if head.pos_ == "VERB" and lemma(head) in LIGHT_VERBS | {"enter", "participate"}:
            return subject_of(head)
        return None
    if noun.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        if lemma(head) in LIGHT_VERBS:
            if noun.dep_ == "nsubjpass":
                return agent_of(head)
            return subject_of(head)
    return None


def noun_target(noun: Token, preps: frozenset[str]) -> Token | None:
    """The object of an event noun ("strikes against X", "protests outside X", "talks with X")."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            obj = _child(child, {"pobj"})
            if obj is not None and obj.ent_type_ not in NOT_ACTOR_ENTS:
                if is_actor(obj):
                    return obj
                return _actor_below(obj) or obj
    # "its demand that Israel ease restrictions", "a call for Russia to withdraw": who is to act;
    # "reiterated its demand today that Israel ease ...": the clause the parser hung on the light
    # verb after its object belongs to the object
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp")]
    if noun.dep_ == "dobj" and lemma(noun.head) in LIGHT_VERBS:
        clauses += [c for c in noun.head.children if c.dep_ == "ccomp" and c.i > noun.i]
    for clause in clauses:
        if any(m.dep_ == "mark" and m.lower_ in ("that", "for") for m in clause.children):
            subj = _nearest_subject(clause)
            if subj is not None and subj.pos_ != "PRON" and is_actor(subj):
                return subj
    # "strikes on Sunday against X": the phrase can hang off an intervening date or place.
    for child in noun.children:
        if child.dep_ == "prep":
            for inner in child.subtree:
                if inner.dep_ == "prep" and inner.lower_ in preps and inner.head.ent_type_ in (
                    "DATE", "TIME", "GPE", "LOC"
                ):
                    obj = _child(inner, {"pobj"})
                    if obj is not None:
                        return obj
    # "X launched strikes on Y": the prepositional phrase attaches to the light verb.
    head = noun.head
    if noun.dep_ == "dobj" or noun.dep_ == "nsubjpass" and lemma(head) in LIGHT_VERBS:
        # "against" after an attack noun names its target whatever verb it hangs off;
        # "protests were held against X" names it on the passive light verb.
        light = lemma(head) in LIGHT_VERBS
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ in preps and (
                (light and child.lower_ != "with") or child.lower_ == "against"
            ):
                obj = _child(child, {"pobj"})
                if obj is not None and obj.ent_type_ not in NOT_ACTOR_ENTS:
                    return obj
    return None


def purpose_target(noun: Token) -> Token | None:
    """The actor the purpose of a light verb's event noun is aimed at ("staged demonstrations to
    demand reforms by X's government" -> the government), or ``None``."""
    head = noun.head
    if noun.dep_ != "dobj" or lemma(head) not in LIGHT_VERBS:
        return None
    for comp in head.children:
        if comp.dep_ in ("advcl", "xcomp") and comp.pos_ == "VERB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in comp.children
        ):
            found = target_of(comp, PURPOSE_TARGETS)
            if found is not None and is_actor(found):
                return found
    return None

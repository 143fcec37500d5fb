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

import yaml
from spacy.tokens import Span, Token

from ..actors import actor_or_none
from ..errors import KnowledgeError
from ..records import ActorRef
from ..yamldata import load_yaml
from .arguments import is_actor, np_span
from .unnamed import names_disaster
from .words import is_word, names_any

DATA_PATH = Path(__file__).with_name("data") / "senses.yaml"
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True)
class ForceSense:
    """What makes a use of force an event."""

    roots: frozenset[str]
    armed_agents: frozenset[str]
    force_words: frozenset[str]
    targets: frozenset[str]
    affected_degree: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Combat:
    """When an assault or killing between armed sides is fighting (190)."""

    codes: frozenset[str]
    armed_targets: frozenset[str]
    military_places: frozenset[str]
    civilian_words: frozenset[str]
    battles: frozenset[str]


@dataclass(frozen=True)
class Weapons:
    """Words that decide the code of a use of force: chemical agents, crowd-control means."""

    chemical_agents: frozenset[str]
    chemical_modifiers: frozenset[str]
    chemical_heads: frozenset[str]
    crowd_control: frozenset[str]
    explosives: frozenset[str] = frozenset()
    military_means: frozenset[str] = frozenset()


@dataclass(frozen=True)
class OfficialProtest:
    """When a protest is a state's formal complaint (114), not a demonstration."""

    triggers: frozenset[str]
    agents: frozenset[str]
    words: frozenset[str]
    code: str


@dataclass(frozen=True)
class CampaignRally:
    """When a rally is one person's campaign event, not a protest."""

    nouns: frozenset[str]
    possessives: frozenset[str]
    pronouns: frozenset[str]


@dataclass(frozen=True)
class Senses:
    """Everything ``data/senses.yaml`` holds."""

    force: ForceSense
    combat: Combat
    poll_words: frozenset[str]
    share_words: frozenset[str]
    weapons: Weapons
    crowds: frozenset[str]
    collectives: frozenset[str]
    unarmed_blockade: frozenset[str]
    official: OfficialProtest
    campaign: CampaignRally
    election_codes: frozenset[str]
    election_places: frozenset[str]
    own_thing_codes: frozenset[str]


def _set(values, upper: bool = False) -> frozenset[str]:
    return frozenset(str(v).upper() if upper else str(v).lower() for v in values)


@lru_cache(maxsize=1)
def senses() -> Senses:
    """The shipped requirements (the file read once)."""
    try:
        data = load_yaml(DATA_PATH.read_text(encoding="utf-8"))
        force, combat, polls, weapons = data["force"], data["combat"], data["polls"], data["weapons"]
        official, campaign = data["official_protest"], data["campaign_rally"]
        return Senses(
            force=ForceSense(frozenset(str(r) for r in force["roots"]),
                             _set(force["armed_agents"], upper=True),
                             _set(force["force_words"]), _set(force["targets"]),
                             _set(force.get("affected_degree", ()))),
            combat=Combat(frozenset(str(c) for c in combat["codes"]),
                          _set(combat["armed_targets"], upper=True),
                          _set(combat["military_places"]), _set(combat["civilian_words"]),
                          _set(combat["battles"])),
            poll_words=_set(polls["words"]), share_words=_set(polls["share_words"]),
            weapons=Weapons(*(_set(weapons[k]) for k in (
                "chemical_agents", "chemical_modifiers", "chemical_heads", "crowd_control",
                "explosives", "military_means"))),
            crowds=_set(data["crowds"]["words"]),
            collectives=_set(data["crowds"]["collectives"]),
            unarmed_blockade=_set(data["crowds"]["unarmed_blockade"]),
            official=OfficialProtest(_set(official["triggers"]), _set(official["agents"], upper=True),
                                     _set(official["words"]), str(official["code"])),
            campaign=CampaignRally(*(_set(campaign[k]) for k in ("nouns", "possessives", "pronouns"))),
            election_codes=frozenset(str(c) for c in data["election_win"]["codes"]),
            election_places=_set(data["election_win"]["places"]),
            own_thing_codes=frozenset(str(c) for c in data["own_things"]["codes"]))
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read {DATA_PATH}: {exc}") from exc


def is_crowd(source_token: Token | None) -> bool:
    """Whether the source is a crowd: protesters, rioters, a mob, "a group of protesters",
    "thousands of demonstrators"."""
    if source_token is None:
        return False
    rules = senses()
    if is_word(source_token, rules.crowds):
        return True
    if not (source_token.pos_ == "NUM" or is_word(source_token, rules.collectives)):
        return False
    return any(prep.dep_ == "prep" and prep.lower_ == "of" and any(
        o.dep_ == "pobj" and is_word(o, rules.crowds) for o in prep.children)
        for prep in source_token.children)


def _names_chemical(tokens: list[Token], weapons: Weapons) -> bool:
    for tok in tokens:
        if is_word(tok, weapons.chemical_agents):
            return True
        if is_word(tok, weapons.chemical_modifiers) and (
            is_word(tok.head, weapons.chemical_heads)
            or any(is_word(c, weapons.chemical_heads) for c in tok.children)
        ):
            return True
    return False


def _means_phrases(trigger: Token) -> list[Token]:
    """The phrases that name how an act of force was done: "killed in a bomb attack", "killed
    by a roadside bomb", "wounded with explosives"."""
    return [t for p in trigger.children if p.dep_ in ("prep", "agent") and p.lower_ in ("in", "by", "with")
            for t in p.subtree]


def _bombing(code: str, means: list[Token], sentence: Span, weapons: Weapons) -> bool:
    """An assault or killing done with a bomb, in a sentence that names no aircraft, artillery
    or missile to deliver it ("a roadside bomb killed", "killed in a bomb attack"): a bombing
    (183)."""
    return code[:2] == "18" and not code.startswith("183") and \
        any(is_word(t, weapons.explosives) for t in means) and \
        not any(is_word(t, weapons.military_means) for t in [*means, *sentence])


def weapon_code(code: str, trigger: Token, source_token: Token | None) -> str:
    """The code a use of force gets from its means and its source: 175 for crowd control (tear
    gas, rubber bullets), 2041 for a chemical agent, 183 for a bomb, 145 for a crowd's
    fighting; else ``code``."""
    rules = senses()
    if code[:2] not in rules.force.roots:
        return code
    clause = list(trigger.subtree)  # the trigger's phrase: "killed in a chemical attack"
    # as written: "tear gas", not "war-torn" (lemma "tear")
    if any(t.lower_ in rules.weapons.crowd_control for t in clause):
        return "175" if not is_crowd(source_token) else "145"
    # the means may be the subject: "a chemical attack killed 400", "poison gas killed them"
    means = list(np_span(source_token)) if source_token is not None else []
    if trigger.dep_ in ("acl", "relcl") and trigger.head.pos_ == "NOUN":
        means += list(np_span(trigger.head))  # "a chemical attack that killed 400"
    if _names_chemical(clause + means, rules.weapons):
        return "2041"
    # the means: a subject that is no actor ("a roadside bombing killed"), or a phrase of means
    thing = list(source_token.subtree) if source_token is not None and not is_actor(source_token) else []
    if _bombing(code, thing + _means_phrases(trigger), trigger.sent, rules.weapons):
        return "183"
    if is_crowd(source_token) and code[:2] == "19":
        return "145"  # a crowd fighting the police riots; its assaults and killings stay 18
    return code


def crowd_code(code: str, source_token: Token | None) -> str:
    """What a crowd's act means: rallying against someone is protest (113 -> 141), destroying
    property is rioting (171x -> 145), blocking is obstruction (172 -> 144); else ``code``.
    (Police opening fire on demonstrators stays fighting, 19, as in the CAMEO codebook; only
    crowd-control means make it 175.)"""
    if is_crowd(source_token):
        if code == "113":
            return "141"
        if code.startswith("171"):
            return "145"
        if code == "172":
            return "144"  # protesters blocking a road or a railway obstruct it: no ban
    return code


def official_code(code: str, trigger: Token, source_token: Token | None,
                  source: ActorRef | None) -> str:
    """A state's protest is a formal complaint: 141 -> 114 when the trigger is a protest verb and
    its subject names a government or a country ("Cyprus protested", not a people: "Germans
    protested") or is a noun naming states ("Western nations"); else ``code``. A protest noun
    keeps its code: "Trump supporters staged protests" (a state's is "lodged a protest")."""
    rule = senses().official
    if code[:2] != "14" or trigger.pos_ != "VERB" or not is_word(trigger, rule.triggers) \
            or source_token is None:
        return code
    named = source_token.pos_ == "PROPN" and source_token.ent_type_ != "NORP" and source is not None
    state = named and (source.agent in rule.agents or bool(source.country) and not source.agent) \
        or source_token.ent_type_ == "GPE" or is_word(source_token, rule.words)
    return rule.code if state else code


def unarmed_code(code: str, trigger: Token) -> str:
    """What a use-of-force word means when no force is used: farmers or party members who
    blockade a road obstruct it (191 -> 144, for the words in ``unarmed_blockade``); else
    ``code`` (no event: people "surrounding" someone besiege no one)."""
    if code.startswith("191") and is_word(trigger, senses().unarmed_blockade):
        return "144"
    return code


def combat_code(code: str, source: ActorRef | None, target: ActorRef | None,
                target_token: Token | None, trigger: Token | None = None) -> str:
    """190 for an assault or killing (18x) by an armed source on an armed side or a military
    place ("militants attacked a checkpoint"); else ``code`` unchanged."""
    rule = senses().combat
    if code not in rule.codes or source is None:
        return code
    armed = source.unnamed and source.agent == "UAF" or source.agent in senses().force.armed_agents
    if not armed:
        return code
    if target is not None and target.agent in rule.armed_targets:
        return "190"
    if trigger is not None and any(
        c.dep_ == "prep" and c.lower_ in ("in", "during") and names_any(c.children, rule.battles)
        for c in trigger.children
    ):
        return "190"  # "killed three villagers in a gunbattle": a killing in fighting
    hit = [target_token] if target_token is not None else []
    if trigger is not None:  # what was attacked, even when another argument became the target
        hit += [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(is_word(t, rule.military_places) and not _for_civilians(t, rule) for t in hit):
        return "190"
    return code


def _for_civilians(place: Token, rule: Combat) -> bool:
    """ "a refugee camp", "a camp for Congolese refugees": a place of civilians, not of fighters."""
    return any(is_word(t, rule.civilian_words) for t in place.subtree if t.i != place.i)


def is_poll_finding(sent, source_token: Token | None, source: ActorRef | None) -> bool:
    """ "According to a survey, 63% of Britons oppose the war": a poll finding, not an event."""
    rules = senses()
    if not names_any(sent, rules.poll_words):
        return False
    if source_token is None:
        return False
    phrase = list(source_token.subtree)
    if source_token.dep_ == "pobj" and source_token.head.lower_ == "of":
        phrase.append(source_token.head.head)  # "63% of Britons", "most of the voters"
    share = any(t.ent_type_ == "PERCENT" or is_word(t, rules.share_words) for t in phrase)
    agent = source.agent if source is not None else None
    public = not (source is not None and source.unnamed) and (
        agent == "CVL" or agent is None and source_token.ent_type_ == "GPE")
    return share or public


def is_force_sense(root: str, trigger: Token, source: ActorRef,
                   target: ActorRef | None, target_token: Token | None, crowd: bool = False) -> bool:
    """Whether an event of ``root`` with these arguments is what its root says (always true
    outside the force roots). ``crowd``: the source is a crowd ("a mob lynched a man"), which
    uses force without arms, on people."""
    sense = senses().force
    if root not in sense.roots:
        return True
    if any(c.dep_ == "advmod" and c.lower_ in sense.affected_degree for c in trigger.children):
        return False  # "Sri Lanka and India worst hit": affected, not attacked
    target_is_place = target_token is not None and target_token.ent_type_ in PLACE_ENTS
    target_is_thing = target_token is not None and is_word(target_token, sense.targets)
    agent = source.agent
    armed = source.unnamed or agent in sense.armed_agents
    if armed:
        return True
    clause = list(trigger.subtree) + [trigger.head]
    named_force = names_any(clause, sense.force_words)
    if not named_force and names_disaster(trigger.sent):
        return False  # "an earthquake on Indonesia's Java killed eight": no one used force
    state = agent == "GOV" or (agent is None and bool(source.country))
    if named_force:
        return True
    if crowd and not state:
        # A crowd's violence is on people ("lynched a man", "beat a journalist"), often ones no
        # actor codes; not on a topic, a place or what it stands for ("hurt the economy").
        return target_token is not None and is_actor(target_token) and not (
            target_is_place or target_is_thing)
    if not state:
        return False
    # A state may use force on an actor, a place or a thing force is used on - not on a topic.
    return target is None or bool(target.code) or target_is_place or target_is_thing


def _one_person(tok: Token, pronouns: frozenset[str]) -> bool:
    """Whether a token names one person: a person's name, one the resolver knows as a person,
    or "he"/"she"."""
    if tok.ent_type_ == "PERSON" or tok.lower_ in pronouns:
        return True
    actor = actor_or_none(tok.doc, tok.doc[tok.i : tok.i + 1])
    return actor is not None and actor.kind == "person"


def is_campaign_rally(code: str, noun: Token, source: Token | None) -> bool:
    """ "a Trump rally", "Sanders' rallies", "his rallies", "Sanders held a rally", "a rally for
    Ted Cruz": a protest noun named after one person, or a rally one person holds or is held
    for, is that person's campaign event, not a protest by them; "a rally against the war"
    stays a protest."""
    if code[:2] != "14":
        return False
    rule = senses().campaign
    if source is not None and source.dep_ in ("compound", "poss") and source.lower_ not in rule.possessives \
            and _one_person(source, frozenset()):
        return True
    if not is_word(noun, rule.nouns) or any(
            c.dep_ == "prep" and c.lower_ == "against" for c in noun.children):
        return False
    if source is not None and (source.lower_ in rule.possessives or _one_person(source, rule.pronouns)):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        o.dep_ == "pobj" and _one_person(o, frozenset()) for o in c.children) for c in noun.children)


def is_election_win(code: str, source_token: Token | None, source: ActorRef | None,
                    target_token: Token | None) -> bool:
    """ "Ted Cruz captured Texas": one person (no armed agent) taking a place wins a vote there;
    an army or a state seizing it ("Israel captured East Jerusalem") is a seizure."""
    rules = senses()
    if code not in rules.election_codes or source_token is None or target_token is None:
        return False
    place = target_token.ent_type_ in PLACE_ENTS or is_word(target_token, rules.election_places)
    if not place or source is not None and source.agent in rules.force.armed_agents:
        return False
    return _one_person(source_token, rules.campaign.pronouns)


def coerces_no_one(code: str, target_token: Token | None, target: ActorRef | None,
                   source: ActorRef | None) -> bool:
    """ "The senator suspended his campaign": a ban on the source's own thing (its possessor
    resolves to the source, or is "his"/"her" resolving to no other actor) with no actor as its
    target; "the US blocked its application" (Iran's) is a ban."""
    if code not in senses().own_thing_codes or target_token is None or source is None \
            or target is not None and target.code:
        return False
    for owner in (c for c in target_token.children if c.dep_ == "poss" and c.pos_ == "PRON"):
        actor = actor_or_none(owner.doc, owner.doc[owner.i : owner.i + 1])
        if actor is not None and actor.name == source.name or \
                actor is None and owner.lower_ in senses().campaign.possessives:
            return True
    return False

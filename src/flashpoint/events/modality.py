"""Negation, modality and reported speech of an event trigger, read from the dependency parse.

Cue words live in ``data/modality.yaml``. ``negated`` says the text denies the event; ``modality``
is ``actual`` unless a cue makes it ``planned``, ``threatened`` or ``hypothetical``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Token

from ..errors import KnowledgeError
from ..yamldata import load_yaml
from .argument_words import THING_PRONOUNS
from .words import is_word
from .words import lemma as _word_lemma

CUES_PATH = Path(__file__).with_name("data") / "modality.yaml"

# Links through which a governor's negation or modality reaches the trigger: control and
# raising ("did not want to attack"), an event noun as object ("plans an attack"), a gerund
# under a preposition ("accused of attacking"), and clausal complements of modal adjectives.
_GOVERNED = frozenset({"xcomp", "dobj", "pcomp", "pobj", "prep", "attr", "oprd", "nsubjpass"})
# Present-tense verb tags: a clause under a "pending" subordinator in them has not happened yet.
PRESENT_TAGS = frozenset({"VBP", "VBZ"})

__all__ = ["Cues", "cues", "for_clause", "negated", "modality", "refused", "speech_governor",
           "threatens"]


@dataclass(frozen=True)
class Cues:
    """The cue words, as sets of lower-case lemmas."""

    negation_words: frozenset[str]
    negation_governors: frozenset[str]
    planned_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    planned: frozenset[str]
    threatened: frozenset[str]
    hypothetical: frozenset[str]
    conditional: frozenset[str]
    threat_conditions: frozenset[str]
    offer_conditions: frozenset[str]
    generic_determiners: frozenset[str]
    generic_pronouns: frozenset[str]
    no_one: frozenset[str]
    speaker_pronouns: frozenset[str]
    pending: frozenset[str]
    noun_governors: dict[str, frozenset[str]]
    speech_verbs: frozenset[str]
    obligation: frozenset[str] = frozenset()
    obligation_verbs: frozenset[str] = frozenset()
    obligation_hedges: frozenset[str] = frozenset()
    obligation_advice: frozenset[str] = frozenset()
    obligation_states: frozenset[str] = frozenset()
    denials: frozenset[str] = frozenset()
    refusals: frozenset[str] = frozenset()
    unrefused: frozenset[str] = frozenset()
    perpetrate: frozenset[str] = frozenset()
    attempt: frozenset[str] = frozenset()
    attempt_roots: frozenset[str] = frozenset()
    directive: frozenset[str] = frozenset()
    predicted: frozenset[str] = frozenset()


def _set(values) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The shipped cue words, loaded once."""
    try:
        data = load_yaml(CUES_PATH.read_text(encoding="utf-8"))
        neg, mod = data["negation"], data["modality"]
        return Cues(
            negation_words=_set(neg["words"]),
            negation_governors=_set(neg["governors"]),
            planned_aux=_set(mod["planned_aux"]),
            hypothetical_aux=_set(mod["hypothetical_aux"]),
            planned=_set(mod["planned"]),
            threatened=_set(mod["threatened"]),
            hypothetical=_set(mod["hypothetical"]),
            conditional=_set(mod["conditional"]),
            threat_conditions=_set(mod.get("threat_conditions")),
            offer_conditions=_set(mod.get("offer_conditions")),
            generic_determiners=_set(mod.get("generic_determiners")),
            generic_pronouns=_set(mod.get("generic_pronouns")),
            no_one=_set(neg.get("no_one")),
            speaker_pronouns=_set(mod.get("speaker_pronouns")),
            pending=_set(mod.get("pending")),
            noun_governors={k: _set(v) for k, v in (mod.get("noun_governors") or {}).items()},
            speech_verbs=_set(data["speech_verbs"]),
            obligation=_set(data.get("obligation")),
            obligation_verbs=_set(data.get("obligation_verbs")),
            obligation_hedges=_set(data.get("obligation_hedges")),
            obligation_advice=_set(data.get("obligation_advice")),
            obligation_states=_set(data.get("obligation_states")),
            denials=_set(neg.get("denials")),
            refusals=_set(neg.get("refusals")),
            unrefused=_set(neg.get("unrefused")),
            perpetrate=_set(mod.get("perpetrate")),
            attempt=_set(mod.get("attempt")),
            attempt_roots=_set(mod.get("attempt_roots")),
            directive=_set(mod.get("directive")),
            predicted=_set(mod.get("predicted")),
        )
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read modality cues {CUES_PATH}: {exc}") from exc


def _lemma(tok: Token) -> str:
    return _word_lemma(tok)


def governors(trigger: Token, limit: int = 6) -> list[Token]:
    """The chain of tokens above ``trigger`` that share its clause (through control links)."""
    chain: list[Token] = []
    tok = trigger
    while (tok.dep_ in _GOVERNED or for_clause(tok) or _infinitive_complement(tok)) \
            and tok.head is not tok and len(chain) < limit:
        tok = tok.head
        chain.append(tok)
    return chain


def _infinitive_complement(tok: Token) -> bool:
    """ "allow the UK to deport": an infinitive with its own subject, parsed as a clausal
    complement, is controlled by its verb like an xcomp."""
    return tok.dep_ == "ccomp" and tok.tag_ in ("VB", "VBN") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _marked_clause(tok: Token, words: frozenset[str] | set[str]) -> bool:
    """An adverbial clause its subordinator marks as one of ``words`` ("if", "unless", "for")."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words for c in tok.children)


def for_clause(tok: Token) -> bool:
    """ "called for Israel to withdraw": a for-to clause completes its verb like an xcomp."""
    return _marked_clause(tok, {"for"})


def _subjunctive(tok: Token, c: Cues) -> bool:
    """ "demanded that Ginsburg resign": a bare verb under a verb of demand is what is asked."""
    return (tok.dep_ == "ccomp" and tok.tag_ == "VB" and _lemma(tok.head) in c.directive
            and not any(ch.dep_ in ("aux", "auxpass") for ch in tok.children))


def _has_negation(tok: Token, c: Cues) -> bool:
    for child in tok.children:
        if child.dep_ == "neg" or (
            child.dep_ in ("det", "advmod", "neg", "preconj") and child.lower_ in c.negation_words
        ):
            return True
    return False


def negated_by_preposition(trigger: Token) -> bool:
    """ "without providing evidence", "without attacking": the preposition negates its clause."""
    return trigger.dep_ == "pcomp" and trigger.head.lower_ in cues().negation_words


def negated_subject(trigger: Token) -> bool:
    """ "no agreements had been finalised", "No Contracting State shall expel or return": a
    subject that names no one (also for a conjunct sharing it); no one acted, and no one
    refused either."""
    verb = trigger.head if _shares_clause(trigger) else trigger
    return any(ch.dep_ in ("nsubj", "nsubjpass") and (ch.lower_ in cues().no_one or any(
        d.dep_ == "det" and d.lower_ == "no" for d in ch.children)) for ch in verb.children)


def negated(trigger: Token, pattern_lemmas: frozenset[str] = frozenset()) -> bool:
    """True when the trigger or a governor in its clause is negated ("did not want war",
    "denied attacking", "no talks")."""
    c = cues()
    if _has_negation(trigger, c) or negated_by_preposition(trigger):
        return True
    if negated_subject(trigger):
        return True
    for gov in governors(trigger):
        if _has_negation(gov, c):
            return True
        if gov.pos_ in ("VERB", "AUX") and _lemma(gov) in c.negation_governors:
            return True
    chain = governors(trigger)
    top = chain[-1] if chain else trigger
    if top.dep_ == "ccomp" and top.head.pos_ == "VERB" and _lemma(top.head) in c.denials:
        return True  # "denied that troops had fired on protesters"
    return _cleft_negated(trigger, c)


def refused(trigger: Token) -> bool:
    """ "Germany has refused to send peacekeepers": the complement of a refusal that happened
    (not itself negated, planned or imagined)."""
    head = trigger.head
    return trigger.dep_ == "xcomp" and head.pos_ == "VERB" and _lemma(head) in cues().refusals \
        and not negated(head) and modality(head) == "actual"


def denies_intent(trigger: Token) -> bool:
    """ "never intended to give me prison time": a negated intention refuses nothing."""
    return _lemma(trigger) in cues().unrefused


def _cleft_negated(trigger: Token, c: Cues) -> bool:
    """ "It wasn't the Cabinet who raided X": a relative clause on the focus of a negated cleft."""
    if trigger.dep_ != "relcl":
        return False
    focus = trigger.head
    copula = focus.head
    return focus.dep_ == "attr" and _lemma(copula) == "be" and _has_negation(copula, c) \
        and any(ch.dep_ in ("expl", "nsubj") and ch.lower_ == "it" for ch in copula.children)


def _aux_modality(tok: Token, c: Cues) -> str | None:
    for child in tok.children:
        if child.dep_ in ("aux", "auxpass") and child.tag_ == "MD" or child.lower_ in c.planned_aux:
            low = child.lower_
            if low in c.planned_aux:
                return "planned"
            if low in c.hypothetical_aux:
                return "hypothetical"
        if child.dep_ == "mark" and child.lower_ in c.conditional:
            return "hypothetical"  # also an adverbial clause marked "if"/"unless"
        if child.dep_ == "mark" and child.lower_ in c.pending and tok.tag_ in PRESENT_TAGS:
            return "hypothetical"  # "until they gain control": not yet
    return None


def attempted(trigger: Token, root: str) -> bool:
    """ "tried to storm the building": an attempt at force or protest is the act (roots in
    ``attempt_roots``), though an attempt at anything else is not."""
    c = cues()
    if root not in c.attempt_roots or trigger.dep_ != "xcomp":
        return False
    gov = trigger.head
    return _lemma(gov) in c.attempt and not _has_negation(gov, c) and _aux_modality(gov, c) is None


def threatens(trigger: Token) -> bool:
    """Whether an announced act carries a condition that makes it a threat ("will withdraw its
    force unless X holds elections")."""
    words = cues().threat_conditions
    return any(_marked_clause(c, words) for c in trigger.children)


def modality(trigger: Token) -> str:
    """``actual``, ``planned``, ``threatened`` or ``hypothetical`` for a trigger."""
    c = cues()
    chain = governors(trigger)
    top = chain[-1] if chain else trigger
    if top.dep_ in ("acl", "ccomp") and top.head.pos_ == "NOUN":
        # "signs that Russia was preparing to invade", "fears that X would attack": the noun
        # governing the whole clause sets its mood
        kind = _noun_mood(top.head, c)
        if kind:
            return kind
    if top.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in top.children):
        # "reiterated its demand today that Israel ease restrictions": a that-clause the parser
        # hung on the verb belongs to the verb's object noun before it
        kind = _object_noun_mood(top, c)
        if kind:
            return kind
    if any(_subjunctive(t, c) for t in (trigger, *chain)) or _generic_relative(top, c):
        return "hypothetical"
    purpose = _purpose_cue(chain[-1] if chain else trigger, c)
    if purpose:
        return purpose
    found = _aux_modality(trigger, c)
    if found == "hypothetical" and _reported_future(trigger, c):
        return "planned"
    if found:
        return found
    below = trigger
    for gov in governors(trigger):
        lemma = _lemma(gov)
        done = lemma in c.perpetrate and below.dep_ == "dobj"  # "committed atrocities"
        prev = below
        below = gov
        if gov.pos_ == "NOUN":
            kind = _noun_mood(gov, c)
            if kind:
                return kind
            continue
        if lemma == "be" and prev.dep_ == "xcomp" and (
                _actor_subject(gov) or any(ch.dep_ == "auxpass" for ch in prev.children)):
            # "the minister is to visit Japan", "more money is to be given": arranged, not yet
            # done (but "the boycott was to protest X" says what it was for)
            return "planned"
        if lemma in c.predicted and _own_subject(prev):
            return "hypothetical"  # "expected the embargo to be lifted": a forecast, not a plan
        if lemma in c.threatened:
            return "threatened"
        if lemma in c.planned and not done:
            return "planned"
        if lemma in c.hypothetical:
            return "hypothetical"
        found = _aux_modality(gov, c)
        if found:
            return found
    # A clause under a modal adjective: "it is unlikely anyone could overrun the embassy".
    top = governors(trigger)[-1] if governors(trigger) else trigger
    if top.dep_ in ("ccomp", "xcomp", "advcl") and top.head is not top:
        for sib in top.head.children:
            if sib.dep_ in ("acomp", "attr") and _lemma(sib) in c.hypothetical:
                return "hypothetical"
    if _shares_clause(trigger):
        # "called for him to apologise and withdraw it": a conjunct without its own subject or
        # auxiliary stands where its first conjunct stands
        return modality(trigger.head)
    return "actual"


def _actor_subject(verb: Token) -> bool:
    """Whether the verb's subject names an actor (a resolved mention or a personal pronoun)."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and (
        c._.actor is not None or c.pos_ == "PRON" and c.lower_ not in THING_PRONOUNS)
        for c in verb.children)


def _own_subject(clause: Token) -> bool:
    """Whether a complement clause names its own subject ("expects Russia to withdraw")."""
    return clause.dep_ == "ccomp" and any(ch.dep_ in ("nsubj", "nsubjpass") for ch in clause.children)


def _shares_clause(tok: Token) -> bool:
    return tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children)


def _noun_mood(noun: Token, c: Cues, as_written: bool = False) -> str | None:
    """The mood a governing noun gives the clause below it ("plans to ...", "fears that ..."),
    by its lemma (``as_written``: or its lower-case form), or ``None``."""
    for kind, words in c.noun_governors.items():
        if (is_word(noun, words) if as_written else _lemma(noun) in words):
            return kind
    return None


def _object_noun_mood(clause: Token, c: Cues, as_written: bool = False) -> str | None:
    """The mood of the first governing noun among the objects of the clause's verb that stand
    before the clause: a clause the parser hung on the verb belongs to that noun."""
    for obj in clause.head.children:
        if obj.dep_ == "dobj" and obj.i < clause.i:
            kind = _noun_mood(obj, c, as_written)
            if kind:
                return kind
    return None


def _purpose_cue(tok: Token, c: Cues) -> str | None:
    """ "have sworn to fight", "vowed to attack" parsed as a to-clause of purpose (advcl): the
    vow or plan still governs it; so does a plan named as the governing verb's object, or the
    mood of the act the clause is the purpose of."""
    if tok.dep_ != "advcl" or not any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children):
        return None
    head = _lemma(tok.head)
    if head in c.threatened:
        return "threatened"
    if head in c.planned:
        return "planned"
    # "announced plans last week to slap tariffs": the to-clause belongs to the object noun
    kind = _object_noun_mood(tok, c, as_written=True)
    if kind:
        return kind
    if tok.head.dep_ == "xcomp" and tok.head.head is not tok.head:
        # "needs to muster the votes to censure the president": the purpose of an act not (yet)
        # done is not done either
        mood = modality(tok.head)
        if mood != "actual":
            return mood
    return None


def _reported_future(trigger: Token, c: Cues) -> bool:
    # "said it would release": "would" is the future of a reported "will", not a condition.
    would = any(ch.lower_ in ("would", "'d") for ch in trigger.children if ch.dep_ == "aux")
    if not would:
        return False
    speaker = speech_governor(trigger)
    if speaker is None:
        return False
    if any(ch.dep_ == "mark" and ch.lower_ in c.conditional for ch in trigger.children):
        return False  # "unclear if he would go": the act itself is in question
    conditions = {m.lower_ for ch in trigger.children if ch.dep_ == "advcl"
                  for m in ch.children if m.dep_ == "mark" and m.lower_ in c.conditional}
    # "they said they would meet the mediator if he gave them a veto": a speaker's own act
    # offered on a condition is still an announced act (an offer, or with "unless" a threat);
    # "said the army would attack if ..." forecasts someone else's act.
    return not conditions or conditions <= c.offer_conditions and _speaker_is_subject(trigger, speaker, c)


def _generic_relative(clause: Token, c: Cues) -> bool:
    """ "any state which breaches the rules", "anyone who attacks": a relative clause on a noun
    or pronoun that names a kind tells of no act that happened."""
    if clause.dep_ != "relcl":
        return False
    head = clause.head
    return head.lower_ in c.generic_pronouns or any(
        ch.dep_ == "det" and ch.lower_ in c.generic_determiners for ch in head.children)


def _speaker_is_subject(trigger: Token, speaker: Token, c: Cues) -> bool:
    """Whether the clause's subject is a personal pronoun standing for the reporting verb's own
    subject ("X said they would ...")."""
    subjects = [ch for ch in trigger.children if ch.dep_ == "nsubj"]
    return (len(subjects) == 1 and subjects[0].lower_ in c.speaker_pronouns
            and any(ch.dep_ == "nsubj" for ch in speaker.children))


def speech_governor(trigger: Token) -> Token | None:
    """The reporting verb whose complement contains the trigger ("X said (that) Y attacked Z")."""
    c = cues()
    tok = trigger
    for _ in range(8):
        if tok.head is tok:
            return None
        dep = tok.dep_
        tok = tok.head
        if dep in ("ccomp", "parataxis", "advcl", "xcomp", "conj", "dobj", "pobj", "pcomp", "prep", "relcl", "acl", "nsubj", "nsubjpass", "attr"):
            if dep in ("ccomp", "parataxis") and _lemma(tok) in c.speech_verbs:
                return tok
            continue
        return None
    return None

"""Source and target arguments of an event trigger, read from the dependency parse.

Handles active and passive voice ("were killed by"), coordination on both sides ("the U.S. and
Israel"), control and raising ("threatened to retaliate against Iran", "urged Iran to stop"),
relative clauses and participles ("the strikes, which killed 25", "troops deployed to Kuwait"),
pronoun subjects of reported clauses ("Iran said it would retaliate" -> Iran). Event nouns
("U.S. strikes on Kataib Hezbollah", "talks with Iran") are read by :mod:`.noun_arguments`.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .argument_words import (
    _NOT_NP,
    ACTOR_ENTS,
    AUTHORING_VERBS,
    LIGHT_VERBS,
    NOT_ACTOR_ENTS,
    OTHER_PRONOUNS,
    PASSIVE_SUBJECT_DEPS,
    PERSONAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    THING_ENTS,
    THING_PRONOUNS,
    _word_lists,
    actor_nouns,
    is_money,
)
from .modality import cues, for_clause
from .repairs import shifted_object, stranded_object
from .words import lemma


def is_actor(tok: Token) -> bool:
    """True when the noun phrase headed by ``tok`` names an actor (or a place acting as one)."""
    if tok.ent_type_ in THING_ENTS or tok.ent_type_ in NOT_ACTOR_ENTS or is_money(tok):
        return False
    if tok.ent_type_ in ACTOR_ENTS or lemma(tok) in actor_nouns():
        return True
    if tok.pos_ == "PROPN" and tok.ent_type_ not in NOT_ACTOR_ENTS:
        return True
    if tok.pos_ == "PRON" and tok.lower_ not in THING_PRONOUNS:
        return True
    return any(
        c.dep_ in ("compound", "poss", "amod") and c.ent_type_ in ACTOR_ENTS for c in tok.children
    )


# Prepositions through which an abstract argument leads to an actor ("the decision by X",
# "a ceasefire in eastern Ukraine", "peacekeepers to Iraq").
_LEAD_PREPS = ("by", "of", "in", "to", "into", "with", "from", "for", "against", "on", "between")


def _actor_below(tok: Token, depth: int = 0) -> Token | None:
    if depth > 2:
        return None
    # "rejected an appeal filed by X", "quashed orders passed by Y": who made the thing
    for acl in tok.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            agent = agent_of(acl)
            # a pronoun ("held captive by them") is mostly the event's own source again
            if agent is not None and agent.pos_ != "PRON" and agent.ent_type_ not in NOT_ACTOR_ENTS \
                    and is_actor(agent):
                return agent
    preps = [c for c in tok.children if c.dep_ in ("prep", "agent") and c.lower_ in _LEAD_PREPS]
    # "of" phrases mostly name parts and contents ("a sculpture of the head of X"): last, but
    # for event nouns like "withdrawal" they name the actor ("the withdrawal of X from Y"): first
    of_first = lemma(tok) in _word_lists()["of_actor_nouns"]
    preps.sort(key=lambda c: ((c.lower_ == "of") != of_first, c.i))
    for child in preps:
        for obj in child.children:
            if obj.dep_ == "pobj" and obj.ent_type_ not in NOT_ACTOR_ENTS:
                if is_actor(obj):
                    return obj
                deeper = _actor_below(obj, depth + 1)
                if deeper is not None:
                    return deeper
    return None


def np_span(tok: Token) -> Span:
    """The noun phrase a head token names, without relative clauses, appositions, conjuncts
    and trailing prepositional phrases (other than "of ...")."""
    keep = [tok]
    stack = list(tok.children)
    while stack:
        child = stack.pop()
        if child.head == tok and child.dep_ in _NOT_NP and not (
            child.dep_ == "prep" and child.lower_ == "of"
        ):
            continue
        keep.append(child)
        stack.extend(child.children)
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    doc = tok.doc
    # A dateline glued to the phrase ("WASHINGTON - US President ..."): start after the dash.
    for i in range(max(start, 1), tok.i):
        # Only a free-standing dash: "Iranian-backed" keeps its hyphen.
        if doc[i].text in ("-", "--", "—", "–") and doc[i].whitespace_ and doc[i - 1].whitespace_:
            start = i + 1
    while start < end - 1 and doc[start].is_punct:
        start += 1
    while end - 1 > start and doc[end - 1].is_punct:
        end -= 1
    return doc[start:end]


def conjuncts(tok: Token) -> list[Token]:
    """The token and every token coordinated with it ("the U.S. and Israel" -> both)."""
    seen = [tok]
    for conj in tok.conjuncts:
        if conj not in seen and conj.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"):
            seen.append(conj)
    return sorted(seen, key=lambda t: t.i)


def _child(tok: Token, deps: frozenset[str] | set[str]) -> Token | None:
    for child in tok.children:
        if child.dep_ in deps:
            return child
    return None


def _nearest_subject(verb: Token) -> Token | None:
    # A dateline parsed as a second subject ("BERLIN -- A court ... convicted"): the subject
    # nearest the verb is the real one.
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if not subjects:
        return None
    before = [c for c in subjects if c.i < verb.i]
    return max(before, key=lambda t: t.i) if before else subjects[0]


def agent_of(tok: Token) -> Token | None:
    """The actor of a passive verb's "by" phrase ("was labelled ... by the Conservatives")."""
    agent = _child(tok, {"agent"})
    if agent is not None:
        return _child(agent, {"pobj"})
    return None


def is_passive(verb: Token) -> bool:
    """A passive verb: a passive subject or auxiliary, a past-participle acl ("missiles fired by
    X"), or a past participle with a "by" agent however the rest was parsed ("the forces,
    trained and armed by Paris")."""
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children) or (
        verb.dep_ == "acl" and verb.tag_ == "VBN"
    ) or (verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children))


def _resolve_pronoun(subj: Token, verb: Token) -> Token:
    """A pronoun subject of a reported clause stands for the reporter ("Iran said it would")."""
    if subj.lower_ not in PERSONAL_PRONOUNS:
        return subj
    c = cues()
    tok = verb
    for _ in range(4):
        if tok.dep_ in ("ccomp", "parataxis", "conj", "xcomp", "advcl") and tok.head is not tok:
            tok = tok.head
            if lemma(tok) in c.speech_verbs:
                reporter = _child(tok, SUBJECT_DEPS)
                # "..., when they blew themselves up, police said", "'he fought hard,' Trump
                # said": a reporter named after "he", "she" or "they" is someone else ("I", "we"
                # and "it" do stand for a reporter named after them)
                after = reporter is not None and reporter.i > subj.i and subj.lower_ in OTHER_PRONOUNS
                if reporter is not None and reporter.pos_ != "PRON" and not after:
                    return reporter
        else:
            break
    return subj


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The actor doing what ``verb`` says (before coordination is expanded)."""
    subj = _subject(verb, depth)
    if subj is not None and not is_actor(subj) and depth == 0:
        # "the parliament passed a resolution criticizing X": the resolution's author acts.
        holder = subj
        if holder.dep_ in ("dobj", "nsubjpass") and holder.head.pos_ == "VERB" and (
                not _relative_subject(verb) or lemma(holder.head) in LIGHT_VERBS | AUTHORING_VERBS):
            above = _subject(holder.head, 1)
            if above is not None and is_actor(above):
                return above
        if holder.dep_ == "nsubj" and holder.tag_ == "VBG":
            # "The Red Cross operating in Iraq said": a participle parsed as a gerund subject
            # speaks through its own subject, never through its places ("in Iraq")
            own = _child(holder, {"nsubj"})
            return own if own is not None and is_actor(own) else subj
        if holder.dep_ == "nsubj":
            below = _actor_below(holder)
            if below is not None:
                return below
            for acl in holder.children:
                # "the missiles fired by the Israeli military struck ...": who fired them acts
                if acl.dep_ == "acl" and is_passive(acl):
                    agent = agent_of(acl)
                    if agent is not None and is_actor(agent):
                        return agent
    return subj


def _relative_subject(verb: Token) -> bool:
    """ "statutes that prohibit X": a relative clause whose pronoun subject is its antecedent."""
    return verb.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ in RELATIVE_PRONOUNS for c in verb.children)


def _subject(verb: Token, depth: int = 0) -> Token | None:
    if depth > 4:
        return None
    if is_passive(verb):
        agent = agent_of(verb)
        if agent is not None:
            return agent
        if verb.dep_ != "acl":
            return None
    subj = _nearest_subject(verb)
    if subj is not None:
        if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            return verb.head
        if subj.lower_ in ("what", "whatever", "which", "whoever", "who"):
            return None  # a free relative or question word names no actor
        if subj.pos_ == "PRON":
            return _resolve_pronoun(subj, verb)
        return subj
    head = verb.head
    if head is verb:
        return None
    if verb.dep_ == "xcomp":
        # Object control ("urged Iran to stop") else subject control ("vowed to attack").
        obj = _child(head, {"dobj"})
        if obj is not None and head.pos_ == "VERB":
            return obj
        raised = _child(head, PASSIVE_SUBJECT_DEPS)
        if raised is not None and head.pos_ == "VERB" and raised.pos_ != "PRON":
            # the passive's subject does it: "a helicopter is said to have dropped", "Iran was
            # urged to stop"
            return raised
        return _subject(head, depth + 1)
    if verb.dep_ in ("acomp", "oprd"):
        # "X is ready to contribute": the adjective's subject is the copula's.
        return _subject(head, depth + 1)
    if verb.dep_ == "conj" and head.pos_ in ("VERB", "AUX"):
        shared = _child(head, PASSIVE_SUBJECT_DEPS) if verb.tag_ != "VBN" and agent_of(head) else None
        if shared is not None and shared.lower_ not in RELATIVE_PRONOUNS and is_actor(shared):
            # "X was indicted by the court and will resign": an active conjunct of a passive
            # shares its subject, not its agent ("was arrested by police and released" does)
            return _resolve_pronoun(shared, head) if shared.pos_ == "PRON" else shared
        return _subject(head, depth + 1)
    if verb.dep_ == "relcl":
        return head
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        return head
    if verb.dep_ == "advcl" and (
        verb.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        # "..., killing 25 people"; "called X to congratulate him" (a purpose clause)
        return _subject(head, depth + 1)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" \
            and head.lower_ in ("of", "for", "with") and head.head.pos_ == "VERB":
        # "accused Ukraine of attacking", "blamed Hamas for firing", "praised Iran for
        # releasing": the one accused, blamed or praised did it
        obj = direct_object(head.head)
        if obj is not None and is_actor(obj):
            return obj
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and head.dep_ == "prep" \
            and head.head.pos_ in ("VERB", "AUX"):
        # "withdrew without attacking X", "responded by shelling X": the clause's subject acts
        return _subject(head.head, depth + 1)
    return None


def _pobj(tok: Token, prep: str) -> Token | None:
    words = prep.split()
    for child in tok.children:
        if child.dep_ in ("prep", "agent", "dative") and child.lower_ == words[0]:
            obj = _child(child, {"pobj", "pcomp"}) or stranded_object(child)
            if obj is not None:
                return obj
    return None


def _find(verb: Token, spec: str, obj: Token | None) -> Token | None:
    kind, _, arg = spec.partition(":")
    if kind == "dobj":
        if is_passive(verb):
            passive = _child(verb, PASSIVE_SUBJECT_DEPS)
            if passive is not None:
                if passive.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                    return verb.head
                return passive
            if verb.dep_ == "acl":
                return verb.head
            return None
        return obj
    if kind == "nsubjpass":
        return _find(verb, "dobj", obj) if is_passive(verb) else None
    if kind == "dative":
        found = _child(verb, {"dative"})
        if found is not None and found.lower_ in ("to", "for"):
            return _child(found, {"pobj"})
        return found
    if kind == "pobj":
        return _pobj(verb, arg)
    if kind == "obj_pobj":
        # "launched artillery, mortar and rocket fire against X": the phrase may hang on a
        # coordinated object
        for part in conjuncts(obj) if obj is not None else ():
            found = _pobj(part, arg)
            if found is not None:
                return found
        return None
    if kind == "obj_poss":
        return _child(obj, {"poss"}) if obj is not None else None
    if kind == "obj_compound":
        if obj is None:
            return None
        for child in obj.children:
            if child.dep_ in ("compound", "amod") and child.ent_type_ in ACTOR_ENTS:
                return child
        return None
    if kind in ("ccomp_nsubj", "advcl_nsubj"):
        comp = _child(verb, {"ccomp"}) if kind == "ccomp_nsubj" else \
            next((c for c in verb.children if for_clause(c)), None)
        if comp is None or (kind == "ccomp_nsubj" and _reporting_frame(comp)):
            return None
        return _child(comp, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
    if kind.startswith(("xcomp_", "ccomp_", "advcl_")):
        comp = next((c for c in verb.children if for_clause(c)), None) if kind.startswith("advcl_") \
            else _child(verb, {kind.split("_")[0]})
        if comp is None:
            return None
        return _find(comp, kind.split("_", 1)[1] + (":" + arg if arg else ""), _child(comp, {"dobj"}))
    return None


def _reporting_frame(comp: Token) -> bool:
    """ "X demanded Y, diplomats quoted a declaration as saying": a clause after a comma that
    reports, or that follows the verb's own object, is the sentence's source, not the content
    of the demand."""
    first = min(t.i for t in comp.subtree if not t.is_punct)
    if first == 0 or comp.doc[first - 1].text != ",":
        return False
    obj = direct_object(comp.head)
    return lemma(comp) in cues().speech_verbs or (obj is not None and obj.i < first)


def _is_named(tok: Token) -> bool:
    return tok.ent_type_ in ACTOR_ENTS or tok.pos_ == "PROPN"


def own_thing(tok: Token) -> bool:
    """ "its troops", "their weapons": the actor's own means, not the one acted upon."""
    return any(
        c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her", "our", "my") for c in tok.children
    )


def _actor_in_content(noun: Token) -> Token | None:
    """ "voiced concern that conditions in China have not improved": the actor a noun's
    that-clause is about (its subject, or the actor below its subject)."""
    for clause in noun.children:
        if clause.dep_ in ("acl", "ccomp") and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            subj = _child(clause, {"nsubj", "nsubjpass"})
            if subj is None or subj.pos_ == "PRON":
                return None
            return subj if is_actor(subj) else _actor_below(subj)
    return None


def direct_object(verb: Token) -> Token | None:
    """The verb's object, or a heavy object moved after an "as" phrase (:func:`.repairs.shifted_object`)."""
    obj = _child(verb, {"dobj", "obj"})
    if obj is not None or is_passive(verb):
        return obj
    return shifted_object(verb)


def target_of(verb: Token, specs: tuple[str, ...]) -> Token | None:
    """The first argument the pattern's target specs find under ``verb``."""
    obj = direct_object(verb)
    found_any: list[Token] = []
    for spec in specs:
        found = _find(verb, spec, obj)
        if found is not None and found.i != verb.i and found.ent_type_ not in NOT_ACTOR_ENTS:
            if is_actor(found) and not own_thing(found):
                return found
            found_any.append(found)
    # Every slot holds a thing or an event: the actor may sit below it or beside it.
    for found in found_any:
        below = _actor_below(found) or _actor_in_content(found)
        if below is not None:
            return below
    below = _actor_below(verb)
    if below is not None and below.dep_ != "agent":
        return below
    comp = _child(verb, {"xcomp"})
    if comp is None:
        # A purpose clause names the beneficiary: "gave $5m to help Ethiopia".
        comp = next(
            (c for c in verb.children if c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)),
            None,
        )
    if comp is not None:
        inner = direct_object(comp)
        if inner is not None and is_actor(inner):
            if not _is_named(inner):
                # "agreed to set up a company in Berlin": a named actor outranks a common noun.
                named = _actor_below(inner) or _actor_below(comp) or _actor_in_clause(comp)
                if named is not None and _is_named(named):
                    return named
            return inner
        below = _actor_below(comp) or (_actor_below(inner) if inner is not None else None)
        if below is not None:
            return below
    if found_any:
        # Last resort before a thing: an actor in a prepositional phrase further along the
        # clause ("returned a pendant engraved with ... to Russian authorities").
        wide = _actor_in_clause(verb)
        if wide is not None:
            return wide
    return found_any[0] if found_any else None


_CLAUSE_BREAKS = frozenset({"ccomp", "relcl", "advcl", "parataxis", "conj", "csubj", "nsubj", "nsubjpass"})
_WIDE_PREPS = frozenset({"to", "against", "with", "on", "at", "into", "toward", "towards"})


def _actor_in_clause(verb: Token) -> Token | None:
    stack = [c for c in verb.children if c.i > verb.i and c.dep_ not in _CLAUSE_BREAKS]
    seen: list[Token] = []
    while stack:
        tok = stack.pop()
        seen.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in _CLAUSE_BREAKS)
    for tok in sorted(seen, key=lambda t: t.i):
        if (
            tok.dep_ == "pobj"
            and tok.head.lower_ in _WIDE_PREPS
            and tok.ent_type_ not in NOT_ACTOR_ENTS
            and is_actor(tok)
        ):
            return tok
    return None

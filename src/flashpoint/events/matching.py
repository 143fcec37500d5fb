"""Trigger matching: which words of a sentence match which event pattern, with the tokens that
hold their source and target.

Verb triggers (``data/patterns.yaml``; the most specific pattern whose dependent constraints
hold wins, a light verb takes the code of its event-noun object), noun triggers, and obligations
reported by a speaker ("X said Y must ..."). The coder (:mod:`.coder`) turns matches into events.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from . import arguments as args
from .argument_words import actor_nouns, purpose_target_roots
from .modality import cues, for_clause, speech_governor
from .noun_arguments import is_held, noun_source, noun_target, purpose_target, under_way
from .patterns import Pattern, PatternSet
from .senses import is_campaign_rally
from .words import lemma, lemma_repairs, names_any

__all__ = ["Candidates", "Match", "lemma", "noun_matches", "obligation_matches", "verb_matches"]


@dataclass
class Match:
    trigger: Token
    pattern: Pattern
    source: Token | None
    target: Token | None
    # A target repaired from a misparse is not coordinated with what the parser joined it to.
    lone_target: bool = False


def _children(tok: Token, deps: set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _small_clause(tok: Token) -> bool:
    """ "consider him a key backer": a clause complement headed by a noun or an adjective."""
    return any(c.dep_ == "ccomp" and c.pos_ in ("NOUN", "PROPN", "ADJ") for c in tok.children)


def _indirect_question(tok: Token) -> bool:
    """ "asked how it is conservative", "asked Sanders how he was feeling", "asked if he would
    run": a clause complement opened by a wh-word, "if" or "whether" asks a question."""
    return any(c.dep_ in ("ccomp", "advcl") and any(
        w.i < c.i and (w.tag_ in ("WRB", "WP", "WDT", "WP$") or w.lower_ in ("how", "if", "whether"))
        for w in c.children) for c in tok.children)


def _satisfies(tok: Token, p: Pattern) -> bool:
    """True when the trigger's dependents meet every constraint of the pattern."""
    if p.not_deps and (any(c.dep_ in p.not_deps for c in tok.children)
                       or "dobj" in p.not_deps and _object_gap(tok)
                       or "small_clause" in p.not_deps and _small_clause(tok)
                       or "question" in p.not_deps and _indirect_question(tok)
                       or "bare" in p.not_deps and not any(
                           c.dep_ in ("dobj", "xcomp", "ccomp") for c in tok.children)):
        return False
    if p.transitive and not _has_object(tok):
        return False
    if p.not_with and _near_words(tok) & p.not_with:
        return False
    if p.not_governed_by and tok.dep_ in ("dobj", "obj", "pobj") and (
            lemma(tok.head) in p.not_governed_by or tok.head.lower_ in p.not_governed_by):
        return False
    if p.not_naming and _names_object(tok):
        return False
    if p.not_in_sentence and names_any((t for t in tok.sent if t.pos_ in ("NOUN", "PROPN")),
                                       p.not_in_sentence):
        return False
    # Particles are often parsed as adverbs ("hit back at"): both count.
    if p.prt and not any(lemma(c) in p.prt or c.lower_ in p.prt for c in _children(tok, {"prt", "advmod"})):
        return False
    preps = _children(tok, {"prep", "agent", "dative"})
    # "called X on Wednesday" is not "called on X": a date does not satisfy a preposition.
    preps = [
        c for c in preps
        if not any(o.ent_type_ in ("DATE", "TIME") for o in c.children if o.dep_ == "pobj")
    ]
    # only the preposition and complement constraints read a for-to clause
    for_clauses = [c for c in tok.children if for_clause(c)] if p.prep or p.xcomp else []
    if p.prep:
        # "warned both parties against pandering": a preposition the parser hung on an actor
        # object belongs to the verb
        preps += [c for o in _children(tok, {"dobj"})
                  if o._.actor is not None or lemma(o) in actor_nouns()
                  for c in o.children if c.dep_ == "prep" and c.lower_ in p.prep]
    if p.prep and not any(c.lower_ in p.prep for c in preps) and not (
        # "called on", "called for" parsed with the preposition as a particle
        any(c.lower_ in p.prep for c in _children(tok, {"prt"}))
        # "called for Israel to withdraw": the preposition marks a for-to clause
        or ("for" in p.prep and for_clauses)
    ):
        return False
    if p.obj:
        objs = _children(tok, {"dobj", "obj", "nsubjpass"}) + _participle_head(tok) + _raised_object(tok)
        if not any(p.obj & _object_words(o) for o in objs):
            return False
    if p.xcomp:
        comps = _children(tok, {"xcomp", "ccomp"}) + for_clauses
        if not any(lemma(c) in p.xcomp for c in comps):
            return False
    if p.prep_obj:
        found = False
        for prep in preps:
            for obj in _children(prep, {"pobj", "pcomp"}):
                if lemma(obj) in p.prep_obj or obj.lower_ in p.prep_obj:
                    found = True
        if not found:
            return False
    if p.acomp and not any(
        lemma(c) in p.acomp or c.lower_ in p.acomp
        for c in tok.subtree
        if c.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "amod", "advmod")
    ):
        return False
    if p.instrument:
        words = set()
        for subj in _children(tok, {"nsubj"}):
            words |= {lemma(t) for t in subj.subtree}
        for prep in preps:
            words |= {lemma(t) for t in prep.subtree}
        if not words & p.instrument:
            return False
    if p.subject and not _subject_names(tok, p.subject):
        return False
    if p.not_subject and _subject_names(tok, p.not_subject):
        return False
    if p.mod:
        near = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")]
        # "airstrike" written "air strike" keeps "air" as a compound; hyphenated forms too.
        near += tok.doc[max(tok.i - 2, 0) : tok.i]
        # as lemmas and as written: "striking miners" (lemma "strike")
        mods = {lemma(t) for t in near} | {t.lower_ for t in near}
        if not mods & p.mod:
            return False
    return True


def _has_object(tok: Token) -> bool:
    """An object, a passive subject, a relative clause's gap, or a heavy object shifted past a
    preposition and parsed as a noun modifier ("returned to Brazil last Wednesday 21 frogs")."""
    return bool(_children(tok, {"dobj", "obj", "nsubjpass", "dative"})) or _object_gap(tok) or any(
        c.dep_ == "npadvmod" and c.pos_ in ("NOUN", "PROPN") and c.ent_type_ not in ("DATE", "TIME")
        and c.left_edge.i > 0 and not c.doc[c.left_edge.i - 1].is_punct  # not ", an issue ..."
        for c in tok.children)


def _object_gap(tok: Token) -> bool:
    """The trigger has an object it does not show: the noun a relative clause with its own
    subject hangs on ("the confidence our people have demonstrated"), or a passive subject."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
        return True  # "as was demonstrated by the Springboks"
    return tok.dep_ == "relcl" and not any(c.dep_ in ("dobj", "obj", "ccomp", "xcomp") for c in tok.children) \
        and any(c.dep_ == "nsubj" and c.lower_ not in ("who", "that", "which") for c in tok.children)


QUOTE_MARKS = frozenset({'"', "“", "”", "''", "``", "‘", "’"})


def _names_object(tok: Token) -> bool:
    """The trigger's object is given a name the parse did not mark as such: two objects
    ("calling President Barack Obama an ignorant baboon"), a quotation in or right after the
    object ("called the sale 'the swindle of the century'"), or a noun phrase right after it or
    set next to it without a comma ("called her son her hero")."""
    objs = [c for c in tok.children if c.dep_ == "dobj"]
    if len(objs) > 1:
        return True
    for obj in objs:
        phrase = list(obj.subtree)
        after = obj.doc[phrase[-1].i + 1] if phrase[-1].i + 1 < len(obj.doc) else None
        if any(a.dep_ == "appos" and a.doc[a.left_edge.i - 1].pos_ != "PUNCT" for a in obj.children):
            return True  # "called the opposition leader his enemy"; not "called Obama, the president"
        if any(t.text in QUOTE_MARKS for t in phrase) or after is not None and (
                after.text in QUOTE_MARKS or after.pos_ in ("DET", "NOUN", "PROPN", "ADJ")
                or after.tag_ == "PRP$"):
            return True
    return False


def _participle_head(tok: Token) -> list[Token]:
    """The noun a passive participle describes is its object: "poison gas used by the army",
    "a landmine planted by the group"."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        return [tok.head]
    return []


def _raised_object(tok: Token) -> list[Token]:
    """ "More money is to be given to councils": the subject of "be to" is what the passive
    under it acts on."""
    if tok.dep_ == "xcomp" and lemma(tok.head) == "be" and any(c.dep_ == "auxpass" for c in tok.children):
        return _children(tok.head, {"nsubj"})
    return []


def _subject_names(tok: Token, words: frozenset[str]) -> bool:
    """Whether the subject phrase names one of ``words`` ("opposition supporters gathered"); a
    verb without a subject of its own has the one it shares ("troops began leaving", "forces
    entered the town and set up a base", "troops who set up a base")."""
    subjects = [list(subj.subtree) for subj in _children(tok, {"nsubj"})]
    if not subjects:
        subj = args.subject_of(tok)
        subjects = [list(args.np_span(subj))] if subj is not None else []
    if any(lemma(t) in words for phrase in subjects for t in phrase):
        return True
    # "A group of strikers waited outside. They gathered at dawn": "they" continues the plural
    # subject a sentence or two before
    pronoun = next((t for phrase in subjects for t in phrase if t.lower_ == "they"), None)
    antecedent = _plural_subject_before(pronoun) if pronoun is not None else None
    return antecedent is not None and any(lemma(t) in words for t in antecedent.subtree)


# How many sentences back a "they" subject looks for the plural subject it continues.
THEY_LOOKBACK_SENTS = 2


def _plural_subject_before(pronoun: Token) -> Token | None:
    """The latest plural noun subject before ``pronoun`` in its sentence or the
    ``THEY_LOOKBACK_SENTS`` before it: "strikers", "a group of protesters"."""
    doc = pronoun.doc
    start = pronoun.sent.start
    for _ in range(THEY_LOOKBACK_SENTS):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    for tok in reversed(doc[start:pronoun.i]):
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ in ("NOUN", "PROPN") and _plural(tok):
            return tok
    return None


def _plural(noun: Token) -> bool:
    """ "protesters", or a collective of them ("a group of protesters")."""
    return noun.tag_ in ("NNS", "NNPS") or any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.tag_ in ("NNS", "NNPS") for o in c.children)
        for c in noun.children)


def _near_words(tok: Token) -> set[str]:
    """Lemmas of the trigger's object, prepositional objects, particle, modifiers and
    complements (their verb, subordinator and particle)."""
    near = [c for c in tok.children if c.dep_ in ("dobj", "obj", "prt", "compound", "amod", "nmod")]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        near.append(tok.head)  # "the emails released by the department": released emails
    near += [o for p in tok.children if p.dep_ in ("prep", "agent") for o in p.children if o.dep_ == "pobj"]
    words = {lemma(t) for t in near} | {t.lower_ for t in near}
    for t in near:
        words |= {lemma(c) for c in t.children if c.dep_ == "compound"}
        if t.dep_ in ("dobj", "obj"):
            # the object's own phrase: "regain control of the Senate"
            words |= {lemma(o) for p in t.children if p.dep_ == "prep" for o in p.children
                      if o.dep_ == "pobj"}
    for comp in tok.children:
        # the complement's verb and subordinator: "asked not to be named", "asked whether"
        if comp.dep_ in ("xcomp", "ccomp") or comp.dep_ == "advcl" and comp.i > tok.i:
            words.add(lemma(comp))
            words |= {m.lower_ for m in comp.children if m.dep_ in ("mark", "prt")}
    return words


def _object_words(obj: Token) -> set[str]:
    """Lemmas that name what an object is: its head, compounds, and the noun of a measure or
    container phrase ("a state of emergency", "rounds of rockets", "a package of aid")."""
    words = {lemma(obj), obj.lower_}
    words |= {lemma(c) for c in obj.children if c.dep_ == "compound"}
    for prep in obj.children:
        # "$5 billion in aid", "a state of emergency"
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in"):
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                # "part of a military aid program": the program is an aid program
                words.add(lemma(noun))
                words |= {lemma(c) for c in noun.children if c.dep_ == "compound"}
    return words


def _best(tok: Token, candidates: tuple[Pattern, ...]) -> Pattern | None:
    best = None
    for p in candidates:
        # More constraints win; then the higher prior; then the more specific CAMEO code.
        if _satisfies(tok, p) and (
            best is None
            or (p.specificity, p.confidence, len(p.code))
            > (best.specificity, best.confidence, len(best.code))
        ):
            best = p
    return best


def _refine(pattern: Pattern, objs: list[Token], ps: PatternSet) -> Pattern:
    """A light verb takes the code of a modified event-noun object: "launched air strikes" is
    195, not the 190 of "launched attacks"; "launched a scathing attack" is 111."""
    for obj in objs:
        noun = _best(obj, ps.for_noun(lemma(obj)))
        if (
            noun is not None
            and noun.code != pattern.code
            and (pattern.refine or (noun.specificity > 0 and noun.code[:2] == pattern.code[:2]))
        ):
            return replace(pattern, code=noun.code, id=f"{pattern.id}+{noun.id}")
    return pattern


@dataclass
class Candidates:
    """Token indices that may start a match, found from the Doc's arrays in one pass (a Token
    object per word, three times over, was most of this stage's time)."""

    verbs: list[int]
    nouns: list[int]
    predicates: list[int]  # verbs and auxiliaries, for "X said Y must ..."

    @classmethod
    def find(cls, doc: Doc, ps: PatternSet) -> Candidates:
        from spacy.attrs import LEMMA, LOWER, POS
        from spacy.parts_of_speech import AUX, NOUN, PROPN, VERB

        strings = doc.vocab.strings
        repairs = lemma_repairs()
        lowered: dict[int, str] = {}
        verbs: list[int] = []
        nouns: list[int] = []
        predicates: list[int] = []
        for i, (pos, lemma_id, lower) in enumerate(doc.to_array([POS, LEMMA, LOWER]).tolist()):
            if pos == VERB or pos == AUX:
                predicates.append(i)
            if pos != VERB and pos != NOUN and pos != PROPN:
                continue
            word = lowered.get(lemma_id)
            if word is None:
                word = lowered[lemma_id] = strings[lemma_id].lower()
            if repairs:
                word = repairs.get(strings[lower], word)
            if pos == VERB:
                if ps.for_verb(word):
                    verbs.append(i)
            elif ps.for_noun(word) or ps.for_noun(strings[lower]):
                nouns.append(i)
        return cls(verbs, nouns, predicates)


def _within(sent: Span, indices: list[int] | None) -> Iterable[Token]:
    """The sentence's tokens among ``indices`` (all its tokens when ``None``)."""
    if indices is None:
        return sent
    doc = sent.doc
    return [doc[i] for i in indices[bisect_left(indices, sent.start):bisect_left(indices, sent.end)]]


def verb_matches(sent: Span, ps: PatternSet, only: list[int] | None = None
                  ) -> tuple[list[Match], set[int]]:
    matches: list[Match] = []
    consumed: set[int] = set()
    for tok in _within(sent, only):
        if tok.pos_ != "VERB":
            continue
        pattern = _best(tok, ps.for_verb(lemma(tok)))
        if pattern is None:
            continue
        if pattern.obj or pattern.refine:
            objs = _children(tok, {"dobj", "obj"}) + (_participle_head(tok) if pattern.obj else [])
            consumed.update(o.i for o in objs)
            pattern = _refine(pattern, objs, ps)
        source = args.subject_of(tok)
        target = args.target_of(tok, pattern.target)
        if target is None and pattern.target != ps.verb_target:
            # The pattern's own slots are empty: fall back to the generic ones (the object
            # last when the pattern names it: in "rejected the accusation by X", X is the target).
            fallback = tuple(t for t in ps.verb_target if not (pattern.obj and t == "dobj"))
            if pattern.obj:
                # ... unless nothing else is there: "rejected the appeal" targets the appeal.
                fallback += ("dobj",)
            target = args.target_of(tok, fallback)
        if source is not None and target is not None and source.i == target.i:
            target = None
        matches.append(Match(tok, pattern, source, target))
    return matches, consumed


# "X said Y must/should do Z": CAMEO codes the statement as X demanding of Y.
OBLIGATION_PATTERN = Pattern(
    id="obligation", kind="verb", lemmas=frozenset(), code="100", target=(), confidence=0.5
)
# "X said Y should do Z": advice, which CAMEO codes as an appeal.
ADVICE_PATTERN = Pattern(
    id="advice", kind="verb", lemmas=frozenset(), code="020", target=(), confidence=0.5
)


def _a_state(verb: Token, states: frozenset[str]) -> bool:
    """A state asks no act ("should know", "should be in charge"), unless an act is what it
    is ready for: "must be ready to mediate", "should be careful not to interfere"."""
    return lemma(verb) in states and not any(
        c.dep_ == "xcomp" for a in verb.children if a.dep_ == "acomp" for c in a.children)


def obligation_matches(sent: Span, only: list[int] | None = None) -> list[Match]:
    cue = cues()
    words, verbs, hedges = cue.obligation, cue.obligation_verbs, cue.obligation_hedges
    matches = []
    for tok in _within(sent, only):
        if tok.pos_ not in ("VERB", "AUX"):
            continue
        modal = any(c.dep_ == "aux" and c.lower_ in words for c in tok.children)
        needs = lemma(tok) in verbs and any(
            c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in tok.children
        )
        if needs and any(a.dep_ == "aux" and a.lower_ in hedges for a in tok.children):
            needs = False  # "might have to act" weighs a possibility; it demands nothing
        if not (modal or needs) or _a_state(tok, cue.obligation_states):
            continue
        gov = speech_governor(tok)
        if gov is None:
            continue
        speaker = args.subject_of(gov)
        addressee = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        repaired = False
        if addressee is None and tok.i > sent.start:
            # The parser sometimes attaches a coordinated clause's subject to the previous
            # clause ("... on U.S. forces and Baghdad needs to ..."): a named actor right
            # before a subjectless finite verb is its subject.
            prev = tok.doc[tok.i - 1]
            if prev.pos_ == "PROPN" and prev.ent_type_ in ("GPE", "ORG", "NORP", "PERSON"):
                addressee, repaired = prev, True
        if speaker is None or addressee is None or addressee.pos_ == "PRON":
            continue
        if any(c.dep_ == "aux" and c.lower_ in words and c.i < addressee.i for c in tok.children):
            continue  # "Should Rubio win Florida, ...", "must Britain pay?": a condition, a question
        if addressee._.actor is None and not args.is_actor(addressee):
            continue  # "said arts funding should be separate": one asks things of someone
        advice = any(c.dep_ == "aux" and c.lower_ in cue.obligation_advice for c in tok.children)
        pattern = ADVICE_PATTERN if advice else OBLIGATION_PATTERN
        matches.append(Match(gov, pattern, speaker, addressee, lone_target=repaired))
    return matches


def noun_matches(sent: Span, ps: PatternSet, consumed: set[int], only: list[int] | None = None
                  ) -> list[Match]:
    matches: list[Match] = []
    for tok in _within(sent, only):
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in consumed or tok.ent_type_ in ("DATE", "TIME"):
            continue  # "in March" is a month, not a march
        if tok.dep_ == "compound" and tok.head.pos_ == "NOUN":
            continue  # "the sanctions bill", "attack helicopters": a kind of thing, not an event
        pattern = _best(tok, ps.for_noun(lemma(tok)) or ps.for_noun(tok.lower_))
        if pattern is None:
            continue
        preps = frozenset(t.split(":", 1)[1] for t in pattern.target if t.startswith("pobj:"))
        source = tok if pattern.self_source else noun_source(tok)
        if is_campaign_rally(pattern.code, tok, source):
            continue
        target = noun_target(tok, preps or ps.noun_target_preps)
        if target is None and pattern.code[:2] in purpose_target_roots():
            target = purpose_target(tok)
        if source is None and target is None and not (is_held(tok) or under_way(tok, pattern.code)):
            continue  # a bare event noun: only one the text says was held can take a source
        if source is not None and target is not None and source.i == target.i:
            target = None
        matches.append(Match(tok, pattern, source, target))
    return matches

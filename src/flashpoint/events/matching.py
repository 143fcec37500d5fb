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
from .argument_words import purpose_target_roots
from .constraints import children_with, participle_head, satisfies
from .modality import cues, speech_governor
from .noun_arguments import is_held, noun_source, noun_target, purpose_target, under_way
from .patterns import Pattern, PatternSet
from .senses import is_campaign_rally
from .words import lemma, lemma_repairs

__all__ = ["Candidates", "Match", "lemma", "noun_matches", "obligation_matches", "verb_matches"]


@dataclass
class Match:
    trigger: Token
    pattern: Pattern
    source: Token | None
    target: Token | None
    # A target repaired from a misparse is not coordinated with what the parser joined it to.
    lone_target: bool = False


def _best(tok: Token, candidates: tuple[Pattern, ...]) -> Pattern | None:
    best = None
    for p in candidates:
        # More constraints win; then the higher prior; then the more specific CAMEO code.
        if satisfies(tok, p) and (
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
            objs = children_with(tok, {"dobj", "obj"}) + (participle_head(tok) if pattern.obj else [])
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

"""Statements about another actor (CAMEO 010, 051, 111) from reporting verbs.

"The Lib Dems' sums don't add up," Paul Boateng said; "Tory spokesman David Davis said the
proposals were little more than a PR exercise": a reporting verb whose complement reports no
event of its own but names an actor other than the speaker is the speaker commenting on that
actor. The complement's judgement (``data/statements.yaml``) decides criticism (111), praise
(051) or a plain statement (010). A complement that holds an event ("X said Y attacked Z") is
left to that event, attributed to the speaker.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Span, Token

from ..errors import KnowledgeError
from ..yamldata import load_yaml
from . import arguments as args
from .argument_words import is_money
from .modality import negated
from .patterns import Pattern
from .words import is_word, lemma

DATA_PATH = Path(__file__).with_name("data") / "statements.yaml"
NEGATIONS = frozenset({"not", "n't", "never", "no"})
CORE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "poss"})
LOCATIVE = frozenset({"in", "at", "across", "around", "throughout", "from", "inside", "near", "within"})


def _pattern(id_: str, code: str, confidence: float) -> Pattern:
    return Pattern(id=id_, kind="verb", lemmas=frozenset(), code=code, target=(), confidence=confidence)


# Low priors: an event a pattern codes on the same pair is the better reading.
CRITICISM = _pattern("statement_criticism", "111", 0.4)
PRAISE = _pattern("statement_praise", "051", 0.4)
STATEMENT = _pattern("statement", "010", 0.25)


@dataclass(frozen=True)
class StatementCues:
    """Reporting verbs and the judgement words of their complements."""

    verbs: frozenset[str]
    characterise: frozenset[str]
    negative: frozenset[str]
    positive: frozenset[str]
    negated_negative: frozenset[str] = frozenset()
    adjective_only: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def statement_cues() -> StatementCues:
    """The shipped cue lists (read once)."""
    try:
        data = load_yaml(DATA_PATH.read_text(encoding="utf-8"))
        words = {k: frozenset(str(w).lower() for w in data.get(k) or ())
                 for k in ("verbs", "characterise", "negative", "positive", "negated_negative",
                           "adjective_only")}
        return StatementCues(**words)
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"cannot read {DATA_PATH}: {exc}") from exc


def _complement(verb: Token) -> Token | None:
    """The reported clause: the verb's clausal complement, or the quotation it is set into."""
    for child in verb.children:
        if child.dep_ == "ccomp":
            return child
    if verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        return verb.head  # "'... don't add up,' he said"
    return None


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in NEGATIONS and c.dep_ == "advmod"
               for c in (*tok.children, *tok.head.children))


def _describes_a_thing(tok: Token) -> bool:
    """A modifier of a noun that is neither someone's nor what the clause says of its subject:
    "trade-distorting farm subsidies" names the subsidies, it judges no one."""
    if tok.dep_ not in ("amod", "compound", "npadvmod") or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = tok.head
    if noun.dep_ in ("attr", "oprd", "acomp", "appos") or noun._.actor is not None:
        return False
    # someone's: "Trump's ignorant view", "the misguided policies of liberal politicians", what
    # the subject shows or does
    owners = [c for c in noun.children if c.dep_ == "poss"]
    if noun.dep_ == "dobj":
        owners += [c for c in noun.head.children if c.dep_ == "nsubj"]  # "had shown courageous leadership"
    owners += [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "by")
               for o in p.children if o.dep_ == "pobj"]
    return not any(o._.actor is not None or args.is_actor(o)
                   or o.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for o in owners)


def _judged(tokens: list[Token], words: frozenset[str], reported: bool = False) -> bool:
    """A judgement word that is not negated ("not wrong" judges nothing); in a reported clause,
    not a modifier naming a kind of thing."""
    adjective_only = statement_cues().adjective_only
    return any(is_word(tok, words) and not _negated(tok)
               and not (reported and _describes_a_thing(tok))
               and (tok.pos_ == "ADJ" or tok.lower_ not in adjective_only and lemma(tok) not in adjective_only)
               for tok in tokens)


def _negative(tokens: list[Token], cues: StatementCues, reported: bool = False) -> bool:
    """Negative judgement: a negative word, or a negated verb that only judges negated ("the
    sums don't add up", "it will not work")."""
    return _judged(tokens, cues.negative, reported) or any(
        t.pos_ in ("VERB", "AUX") and lemma(t) in cues.negated_negative
        and any(c.dep_ == "neg" for c in t.children) for t in tokens)


def _about(tokens: list[Token], speaker: Token, verb: Token, core_only: bool = False) -> Token | None:
    """The first actor the complement names that is not the speaker (its subject first).

    A plain statement (``core_only``) is about an actor placed in a country or a named
    international body or group, other than the speaker's own country as a whole: "no
    possibility of forming a coalition" or "people" with no country is a topic; "Canada will
    propose", said by its minister, is Canada speaking, not someone commented on."""
    speaker_actor = speaker._.actor
    speaker_code = speaker_actor.code if speaker_actor is not None else None
    speaker_country = speaker_actor.country if speaker_actor is not None else None

    def other(tok: Token) -> bool:
        # another actor, not the speaker under another name ("the U.N. agency" on the WFP)
        actor = tok._.actor
        return actor is not None and actor is not speaker_actor and bool(actor.code) \
            and actor.code != speaker_code and tok.pos_ != "PRON" and not is_money(tok) \
            and not (core_only and _generic(tok)) \
            and (not core_only or (bool(actor.country) or _international(actor.code))
                 and not (actor.kind == "country" and actor.code == speaker_country))
    subjects = [t for t in tokens if t.dep_ in ("nsubj", "nsubjpass") and t.head.i != verb.i]
    # A place the clause happens in ("policies already in action in Canada") is not commented on.
    tokens = [t for t in tokens if not (t.dep_ == "pobj" and t.head.lower_ in LOCATIVE)]
    # Plain statements (010) are about the reported clause's own subject or object only, not an
    # actor deep in a clause or phrase below them ("the issue that the home secretary is
    # dodging"); a judgement may fall on any actor the clause names.
    if core_only:
        clause = _clause_verbs(tokens)
        subjects = [t for t in subjects if t.head.i in clause]
        core = [t for t in tokens if t.dep_ in CORE_DEPS and t.head.i in clause]
    else:
        core = tokens
    for tok in subjects + core:
        if other(tok):
            return _mention_head(tok)
        for child in tok.children:
            if child.dep_ == "poss" and other(child):
                return _mention_head(child)
    return None


def _clause_verbs(tokens: list[Token]) -> set[int]:
    """The reported clause's own verbs: its root, the verbs conjoined to it and their
    complements of control ("would like to see")."""
    inside = {t.i for t in tokens}
    roots = [t for t in tokens if t.head.i not in inside or t.head is t]
    clause: set[int] = set()
    stack = roots[:1]
    while stack:
        tok = stack.pop()
        clause.add(tok.i)
        stack.extend(c for c in tok.children if c.i in inside and c.dep_ in ("conj", "xcomp", "acomp"))
    return clause


# Determiners of a noun phrase that names no one in particular.
INDEFINITE = frozenset({"a", "an", "any", "every", "each"})


def _generic(tok: Token) -> bool:
    """A bare plural of a common noun names a kind, not someone: "workers stand little chance",
    "people talk about", "certain MPs would get another chance"; so does an indefinite one ("a
    president must be ready")."""
    head = _mention_head(tok)
    named = ("ORG", "NORP", "GPE", "PERSON")
    if head.ent_type_ in named or any(c.ent_type_ in named for c in head.children):
        return False  # "Russian intelligence services", "a Turkish official"
    if any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in head.children):
        return True  # "a president must be ready", "I would like to see a Speaker"
    return head.tag_ in ("NNS", "NNPS") and not any(
        c.dep_ in ("det", "poss") and c.lower_ not in ("many", "some", "no", "all", "most")
        for c in head.children)


def _international(code: str) -> bool:
    """A named body beyond one country: an IGO ("IGOUNO") or a transnational group ("IMG…")."""
    return code[:3] in ("IGO", "IMG") and len(code) > 3


def _characterisation(verb: Token, cues: StatementCues) -> tuple[Token, Pattern, Token, Token] | None:
    """ "X called the plan a mistake": criticism (or praise) of the object's actor by X; also in
    the passive ("the posters were labelled a misjudgement by the Conservatives")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None and args.is_passive(verb):
        obj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if obj is None:
        return None
    heads = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp", "ccomp")]
    heads += [c for c in obj.children if c.dep_ in ("amod", "appos") and c.i > obj.i]
    heads += [p for p in (*verb.children, *obj.children) if p.dep_ == "prep" and p.lower_ == "as"]
    tokens = [t for h in heads for t in h.subtree]
    if not tokens:
        return None
    pattern = CRITICISM if _negative(tokens, cues) else \
        PRAISE if _judged(tokens, cues.positive) else None
    speaker = args.agent_of(verb) if obj.dep_ == "nsubjpass" else args.subject_of(verb)
    if pattern is None or speaker is None or speaker._.actor is None:
        return None
    about = _about(list(obj.subtree), speaker, verb) or obj
    return verb, pattern, speaker, about


def _mention_head(tok: Token) -> Token:
    """The syntactic head of the actor mention ``tok`` belongs to ("the" → "government")."""
    actor = tok._.actor
    for _ in range(6):
        head = tok.head
        if head is tok or head._.actor is not actor:
            break
        tok = head
    return tok


def statement_matches(sent: Span, taken: Iterable[int], predicates: Iterable[int]
                      ) -> list[tuple[Token, Pattern, Token, Token]]:
    """``(verb, pattern, speaker, about)`` for each statement about another actor in ``sent``.

    ``taken`` are the trigger indices other patterns matched in the sentence: a complement
    holding one of them reports an event, not a comment. ``predicates`` are verb indices.
    """
    cues = statement_cues()
    taken = set(taken)
    doc = sent.doc
    out = []
    for i in predicates:
        if not sent.start <= i < sent.end:
            continue
        verb = doc[i]
        if i in taken or negated(verb):
            continue
        if lemma(verb) in cues.characterise:
            found = _characterisation(verb, cues)
            if found is not None:
                out.append(found)
            continue
        if lemma(verb) not in cues.verbs:
            continue
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i in taken:
            continue  # "rejected the appeal, saying ...": the saying explains the event
        comp = _complement(verb)
        if comp is None:
            continue
        own = {t.i for t in verb.subtree} if comp.i == verb.head.i else set()
        tokens = [t for t in comp.subtree if t.i not in own]  # the quotation, not "he said"
        if any(t.i in taken for t in tokens):
            continue
        speaker = args.subject_of(verb)
        if speaker is None or speaker._.actor is None:
            continue
        about = _about(tokens, speaker, verb)
        if about is None:
            continue
        # Words inside the target's own phrase describe it ("successful asylum seekers"); they
        # are not the speaker's judgement of it.
        own_np = {t.i for t in args.np_span(about)}
        judged = [t for t in tokens if t.i not in own_np]
        pattern = CRITICISM if _negative(judged, cues, reported=True) else \
            PRAISE if _judged(judged, cues.positive, reported=True) else STATEMENT
        if pattern is STATEMENT:
            if speaker._.actor.agent == "MED":
                continue  # a reporter's account of the news is the news, not a statement in it
            about = _about(tokens, speaker, verb, core_only=True)
            if about is None:
                continue
        out.append((verb, pattern, speaker, about))
    return out

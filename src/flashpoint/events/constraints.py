"""The dependent constraints of an event pattern: whether a trigger token meets what its pattern
asks of its particles, prepositions, objects, complements and subject, and the words near it that
rule the pattern out (``not_with``, ``not_deps``, ``not_naming``, ``transitive`` ...; see the
header of ``data/patterns.yaml``). Read by :mod:`.matching`."""

from __future__ import annotations

from spacy.tokens import Token

from . import arguments as args
from .argument_words import actor_nouns
from .modality import for_clause
from .patterns import Pattern
from .words import lemma, names_any

__all__ = ["children_with", "participle_head", "satisfies"]


def children_with(tok: Token, deps: set[str]) -> list[Token]:
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


def satisfies(tok: Token, p: Pattern) -> bool:
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
    if p.prt and not any(lemma(c) in p.prt or c.lower_ in p.prt for c in children_with(tok, {"prt", "advmod"})):
        return False
    preps = children_with(tok, {"prep", "agent", "dative"})
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
        preps += [c for o in children_with(tok, {"dobj"})
                  if o._.actor is not None or lemma(o) in actor_nouns()
                  for c in o.children if c.dep_ == "prep" and c.lower_ in p.prep]
    if p.prep and not any(c.lower_ in p.prep for c in preps) and not (
        # "called on", "called for" parsed with the preposition as a particle
        any(c.lower_ in p.prep for c in children_with(tok, {"prt"}))
        # "called for Israel to withdraw": the preposition marks a for-to clause
        or ("for" in p.prep and for_clauses)
    ):
        return False
    if p.obj:
        objs = children_with(tok, {"dobj", "obj", "nsubjpass"}) + participle_head(tok) + _raised_object(tok)
        # "provided aerial photographs and other military intelligence": "X and other Y" says the
        # object is a Y
        objs += [c for o in objs for c in o.conjuncts if c.i > o.i and any(
            a.dep_ == "amod" and a.lower_ == "other" for a in c.children)]
        if not any(p.obj & _object_words(o) for o in objs):
            return False
    if p.xcomp:
        comps = children_with(tok, {"xcomp", "ccomp"}) + for_clauses
        if not any(lemma(c) in p.xcomp for c in comps):
            return False
    if p.prep_obj:
        found = False
        for prep in preps:
            for obj in children_with(prep, {"pobj", "pcomp"}):
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
        for subj in children_with(tok, {"nsubj"}):
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
    return bool(children_with(tok, {"dobj", "obj", "nsubjpass", "dative"})) or _object_gap(tok) or any(
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


def participle_head(tok: Token) -> list[Token]:
    """The noun a passive participle describes is its object: "poison gas used by the army",
    "a landmine planted by the group"."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        return [tok.head]
    return []


def _raised_object(tok: Token) -> list[Token]:
    """ "More money is to be given to councils": the subject of "be to" is what the passive
    under it acts on."""
    if tok.dep_ == "xcomp" and lemma(tok.head) == "be" and any(c.dep_ == "auxpass" for c in tok.children):
        return children_with(tok.head, {"nsubj"})
    return []


def _subject_names(tok: Token, words: frozenset[str]) -> bool:
    """Whether the subject phrase names one of ``words`` ("opposition supporters gathered"); a
    verb without a subject of its own has the one it shares ("troops began leaving", "forces
    entered the town and set up a base", "troops who set up a base")."""
    subjects = [list(subj.subtree) for subj in children_with(tok, {"nsubj"})]
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
            # the particle of what is asked or done next ("called for X to step up"), not of an
            # event of its own ("killed 23 people when they blew themselves up")
            deps = ("mark", "prt") if comp.dep_ != "advcl" or _infinitive(comp) else ("mark",)
            words |= {m.lower_ for m in comp.children if m.dep_ in deps}
    return words


def _infinitive(verb: Token) -> bool:
    """ "to step up": a to-infinitive clause (a purpose or for-to clause)."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


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

"""Repairs of misparses the argument readers meet often enough to read through: a heavy object
moved after an "as" phrase, and a preposition whose object the parser made the subject of a
clause. Read by :mod:`.arguments`."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["shifted_object", "stranded_object"]


def shifted_object(verb: Token) -> Token | None:
    """The object of an active verb moved after an "as" phrase ("denounced as an ugly crime
    Serbia's suppression of ..."), parsed as an apposition, or a second object, of the phrase
    with no comma between them; or ``None``."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "as" or prep.i < verb.i:
            continue
        pobjs = [c for c in prep.children if c.dep_ == "pobj"]
        if not pobjs:
            continue
        appos = [c for c in pobjs[0].children if c.dep_ == "appos"]
        shifted = pobjs[1] if len(pobjs) > 1 else appos[0] if appos else None
        if shifted is not None and shifted.i > pobjs[0].i and not any(
                t.is_punct for t in verb.doc[pobjs[0].i:shifted.left_edge.i]):
            return shifted
    return None


def stranded_object(prep: Token) -> Token | None:
    """ "granted asylum to five officers holed up in ...": a preposition left without an object
    because the parser made the noun after it the subject of a participle, parsed as a finite
    adverbial clause with no subordinator and no auxiliary."""
    if any(True for _ in prep.children) or prep.i + 1 >= len(prep.doc):
        return None
    clause = prep.doc[prep.i + 1].head
    while clause.dep_ != "nsubj" and clause.head is not clause and clause.i < clause.head.i:
        clause = clause.head
    verb = clause.head
    if clause.dep_ != "nsubj" or clause.left_edge.i != prep.i + 1 or verb.dep_ != "advcl" \
            or verb.tag_ not in ("VBD", "VBN", "VBG") or verb.i < clause.i:
        return None
    if any(c.dep_ in ("mark", "aux", "auxpass") or c.dep_ == "advmod" and c.i < clause.i
           for c in verb.children):
        return None
    return clause

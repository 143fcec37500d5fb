"""Actors stage: resolve who is mentioned to CAMEO-style actor codes (country + agent).

The ``flashpoint_actors`` spaCy component (:mod:`.component`) fills ``doc._.actors``
(:class:`~flashpoint.records.Actor` records) and ``doc._.actor_mentions`` (``(start_token,
end_token, actor_index)``); :func:`actor_for_span` tells the quotes and events stages which actor
a phrase refers to. Knowledge lives in data files (:mod:`.knowledge`): ``data/countries.yaml``,
``data/agents.yaml``, ``data/organisations.yaml``; PETRARCH dictionaries import via
:mod:`.dictionary`.

Adding actors (``--actors FILE.yaml`` / ``Settings.actors_files``) — one line per actor::

    actors:
      - {name: "Kataib Hezbollah", aliases: ["Kata'ib Hezbollah"], country: IRQ, agent: UAF, kind: group}
      - {name: "United Nations", aliases: ["UN", "U.N."], code: IGOUNO}
      - {name: "Jane Doe", country: FRA, agent: GOV, kind: person}

``name`` is required; ``aliases`` are other spellings (names are matched case-sensitively, and in
upper case); ``country`` is ISO 3166 alpha-3; ``agent`` a CAMEO agent code (see ``codes`` in
``data/agents.yaml``); ``code`` a full CAMEO code when it is not country+agent; ``kind`` is
``org`` (default), ``group`` or ``person``. The same file may add role words
(``agents: {MIL: ["border guard"]}``), country names (``countries: {GBR: {names: [Blighty]}}``)
and seats of government (``metonyms: [{name: "Bercy", country: FRA, agent: GOV}]``). A user's
entries win over the shipped ones; a JSON file with the same structure works too.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..records import Actor
from .component import ActorResolver, make_actor_resolver
from .knowledge import Knowledge, load_knowledge
from .terms import Term, split_code

__all__ = ["ActorResolver", "Knowledge", "Term", "actor_for_span", "actor_or_none", "load_knowledge",
           "make_actor_resolver", "split_code"]


def actor_for_span(doc: Doc, span: Span) -> Actor | None:
    """The actor a span refers to, or ``None``.

    The mention containing the span's syntactic head wins ("the U.S. embassy in Baghdad" →
    the embassy, USAGOV, not Baghdad); otherwise the overlapping mention whose tokens are
    fewest dependency hops below the head (a modifier before an object of a preposition), on a
    tie a coded one, then one compounded with the head, then a possessor, then the one
    nearest the head.
    Pronouns resolve through the mentions the component already linked to a person.
    """
    mentions = doc._.actor_mentions or []
    actors = doc._.actors or []
    if not mentions or not len(span):
        return None
    root = span.root
    for start, end, idx in mentions:
        if start <= root.i < end:
            return actors[idx]
    best: tuple[int, bool, int, int, int] | None = None
    for start, end, idx in mentions:
        if start >= span.end or end <= span.start:
            continue
        inside = range(max(start, span.start), min(end, span.end))
        depth = min(_depth_below(doc[i], root) for i in inside)
        # equally close: a coded actor, then a name compounded with the head ("Osama bin
        # Laden's al-Qaeda terror network" is al-Qaeda's), then a possessor ("a judge's Mexican
        # heritage" is the judge's), then the one nearer the head
        deps = {doc[i].dep_ for i in inside if doc[i].head.i == root.i or doc[i].head.dep_ == "compound"}
        rank = 0 if "compound" in deps else 1 if "poss" in deps else 2
        key = (depth, not actors[idx].code, rank, -start, idx)
        if best is None or key < best:
            best = key
    return actors[best[-1]] if best else None


def actor_or_none(doc: Doc, span: Span) -> Actor | None:
    """:func:`actor_for_span`, or ``None`` also when resolving fails: a failing resolver must not
    lose the event or the quote that names the actor (the quotes and events stages use this)."""
    try:
        return actor_for_span(doc, span)
    except Exception:  # noqa: BLE001 - a failing resolver must not lose the event or quote
        return None


def _depth_below(token, root) -> int:
    """Dependency hops from ``token`` up to ``root`` (large when it is not below it)."""
    hops = 0
    while token.i != root.i and hops < 50:
        if token.head.i == token.i:
            return 100 + hops
        token = token.head
        hops += 1
    return hops

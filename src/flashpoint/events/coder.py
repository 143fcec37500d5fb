"""The ``flashpoint_events`` component: CAMEO events from verb and noun triggers and their arguments.

For every sentence it matches triggers against ``data/patterns.yaml`` (the most specific pattern
wins), finds source and target from the parse (``arguments.py``), reads negation and modality
(``modality.py``), attributes events inside quotations or reported clauses to their speaker, and
adds date, place and the quantities in the event's clause. ``Event.span`` is the trigger's
character span; ``source.span``/``target.span`` are the argument noun phrases' spans.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..actors import actor_or_none
from ..records import ActorRef, Event, Location
from . import arguments as args
from .conditions import condition_party, condition_roots
from .confidence import calibrated
from .matching import Candidates, Match, lemma, noun_matches, obligation_matches, verb_matches
from .measures import own_country_target
from .modality import (
    attempted,
    denies_intent,
    modality,
    negated,
    negated_by_preposition,
    negated_subject,
    refused,
    speech_governor,
    threatens,
)
from .noun_arguments import is_held, under_way
from .patterns import PatternSet, patterns
from .place import locate
from .quantities import find_quantities, quantities_in
from .scope import between_companies, media_business
from .selection import one_per_act, without_lesser_targets
from .senses import (
    coerces_no_one,
    combat_code,
    crowd_code,
    is_crowd,
    is_election_win,
    is_force_sense,
    is_poll_finding,
    official_code,
    unarmed_code,
    weapon_code,
)
from .statements import statement_matches
from .time import resolve_date
from .unnamed import announced_by, announcer, names_no_one, unnamed_source
from .victims import placed_where_struck

__all__ = ["EventCoder", "make_event_coder", "code_doc"]

# Confidence given up when the event did not (yet) happen: the actual reading of a pair is
# preferred when both are emitted.
NON_ACTUAL_PENALTY = 0.15
# An announced act on a condition ("will withdraw unless ..."): threaten, not specified.
THREAT_CODE = "130"
# Roots whose acts coordinated actors do together ("India and Pakistan agreed to a ceasefire").
MUTUAL_ROOTS = frozenset({"03", "04", "05", "06"})
# Roots whose acts coordinated actors, with nothing else named, do to each other: cooperating,
# trading accusations, cutting ties, fighting ("police and protesters clashed"). Closing,
# protesting or demanding together is no act on each other ("embassies and high commissions
# will close").
RECIPROCAL_ROOTS = MUTUAL_ROOTS | {"11", "16", "19"}
# ... except going somewhere and receiving someone: "Obama and Biden arrived in Orlando" together
SOLO_CODES = frozenset({"042", "043"})


def _argument(doc: Doc, tok: Token | None) -> ActorRef | None:
    """The argument record: its text and span, with the actor's identity when one resolves."""
    if tok is None:
        return None
    span = args.np_span(tok)
    chars = [span.start_char, span.end_char]
    actor = actor_or_none(doc, span)
    if actor is None and tok.lower_ in FIRST_PERSON_PLURAL:
        actor = _speaker_actor(doc, tok)
    if actor is None:
        return ActorRef(text=span.text, name=span.text, span=chars)
    return ActorRef(text=span.text, name=actor.name, code=actor.code, country=actor.country,
                    agent=actor.agent, span=chars)


FIRST_PERSON_PLURAL = frozenset({"we", "us"})


# Entities that name an actor even when no code resolves: "Lagumdzija suspended aid".
NAMED_ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _is_venue(tok: Token) -> bool:
    """A place where something happens ("met in Jerusalem"), not a party to it."""
    return tok.ent_type_ in ("GPE", "LOC", "FAC") and tok.dep_ == "pobj" and \
        tok.head.lower_ in ("in", "at", "near", "outside", "inside")


def _is_place(tok: Token | None, ref: ActorRef | None) -> bool:
    """Whether an argument names a place one travels to: a place entity, or a name that resolves
    to a country alone ("Washington", "Tehran")."""
    if tok is None:
        return False
    return tok.ent_type_ in ("GPE", "LOC", "FAC") and tok.pos_ == "PROPN" or (
        ref is not None and bool(ref.code) and not ref.agent and tok.pos_ == "PROPN")


def _named(tok: Token | None) -> bool:
    """Whether an argument names an actor the resolver could not code (a named entity)."""
    return tok is not None and tok.ent_type_ in NAMED_ACTOR_ENTS


def _speaker_actor(doc: Doc, tok: Token):
    """In a quotation, "we" is the speaker's side: the speaker's actor, when it is known."""
    for quote in doc._.quotes or []:
        if quote.kind == "indirect" or not quote.speaker:
            continue
        if quote.span[0] <= tok.idx < quote.span[1]:
            name = quote.speaker.get("name")
            return next((a for a in doc._.actors or [] if a.name == name and a.code), None)
    return None


def _attribution(doc: Doc, trigger: Token) -> str | None:
    """Who says the event happened: the speaker of a quote around it, or the subject of the
    reporting verb whose complement holds it."""
    for quote in doc._.quotes or []:
        s, e = quote.span[0], quote.span[1]
        if s <= trigger.idx < e and quote.speaker:
            return quote.speaker.get("name")
    gov = speech_governor(trigger)
    if gov is not None:
        subj = args.subject_of(gov)
        if subj is not None:
            actor = actor_or_none(doc, args.np_span(subj))
            return actor.name if actor is not None else args.np_span(subj).text
    return None


def _clause(trigger: Token) -> tuple[int, int]:
    """Character extent of the trigger's clause (its subtree), for quantities."""
    sub = list(trigger.subtree)
    start = min(t.idx for t in sub)
    last = max(sub, key=lambda t: t.i)
    return start, last.idx + len(last)


def _event_id(article_id: str, span: list[int], code: str, src: ActorRef | None,
              tgt: ActorRef | None) -> str:
    src_span = src.span if src is not None else None
    tgt_span = tgt.span if tgt is not None else None
    key = f"{article_id}|{span[0]}:{span[1]}|{code}|{src_span}|{tgt_span}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _extras(doc: Doc, sent: Span, trigger: Token):
    """The event's date, location and the quantities in its clause."""
    article = doc._.article
    published = getattr(article, "published", None)
    date, precision = resolve_date(sent, published, trigger)
    location = locate(sent, article, trigger)
    start, end = _clause(trigger)
    return date, precision, location, quantities_in(doc, start, end)


def _lookup(code: str):
    from ..ontology import lookup

    return lookup(code)


@dataclass
class _DocState:
    """What the coder remembers across one document's sentences."""

    article_id: str
    # Lemma of an event word → the source record of its latest event with a resolved actor:
    # "American strikes on X ... the air strikes, which killed 25" - the strikes are American.
    acted: dict[str, ActorRef]


def _events_for(
    doc: Doc, sent: Span, match: Match, state: _DocState, ps: PatternSet
) -> list[Event]:
    trigger = match.trigger
    # "protests could spread": a noun said to be under way has its verb's mood
    verb = under_way(trigger, match.pattern.code) if match.pattern.kind == "noun" else None
    neg = negated(trigger) or verb is not None and negated(verb)
    # "will meet striking workers": the workers strike now, whatever is said of the meeting
    mod = "actual" if match.pattern.self_source else modality(verb or trigger)
    if mod == "hypothetical" and attempted(trigger, match.pattern.code[:2]):
        mod = "actual"  # "tried to storm the building": the attempt is the act
    conf = match.pattern.confidence + 0.05 * match.pattern.specificity
    if match.source is not None and match.target is not None:
        conf += 0.1
    events = []
    if mod == "planned" and not neg:
        # The statement of intent happened even though the announced action has not.
        intent = ps.intent_code(match.pattern.code)
        if intent is not None and intent[:2] != "13" and threatens(trigger):
            intent = THREAT_CODE  # "will withdraw its force unless ...": a conditional threat
        if intent is not None:
            # One predicate, one event: the statement of intent is what happened.
            return _emit(doc, sent, match, state, intent, "actual", False,
                         conf + 0.05, f"intent:{match.pattern.id}")
    # "without providing evidence" says what did not happen, not that anyone refused.
    if (neg and mod in ("actual", "planned") and not negated_by_preposition(trigger)
            and not denies_intent(trigger) and not negated_subject(trigger)) or refused(trigger):
        # "will not lift the ban", "refused to send troops": refusing to cooperate is itself an
        # event.
        refusal = ps.rejection_code(match.pattern.code)
        if refusal is not None:
            events += _emit(doc, sent, match, state, refusal, "actual", False,
                            conf, f"refusal:{match.pattern.id}")
    if mod != "actual" or neg:
        conf -= NON_ACTUAL_PENALTY
    rule = f"{match.pattern.kind}:{match.pattern.id}"
    return events + _emit(doc, sent, match, state, match.pattern.code, mod, neg, conf, rule)


def _emit(
    doc: Doc,
    sent: Span,
    match: Match,
    state: _DocState,
    code: str,
    mod: str,
    neg: bool,
    conf: float,
    rule: str,
) -> list[Event]:
    """One event per coordinated source x target pair."""
    cameo = _lookup(code)
    match = _conditioned(match, cameo.root)
    trigger = match.trigger
    conf = round(min(max(conf, 0.05), 0.99), 3)
    sources = args.conjuncts(match.source) if match.source is not None else [None]
    if match.target is None:
        targets: list[Token | None] = [None]
    else:
        targets = [match.target] if match.lone_target else args.conjuncts(match.target)
    pairs = [(s, t) for s in sources for t in targets]
    mutual = [(s, t) for s in sources for t in sources if s is not t]
    if match.target is None and len(sources) > 1 and cameo.root in RECIPROCAL_ROOTS and not (
            cameo.root not in MUTUAL_ROOTS and args.is_passive(trigger)):
        # "The U.S. and the Taliban signed a pact": coordinated actors act on each other (not in a passive)
        pairs = mutual
    elif match.pattern.code[:2] in MUTUAL_ROOTS and match.pattern.code[:3] not in SOLO_CODES:
        # Cooperation between coordinated actors is with each other, whatever else it targets.
        pairs += mutual
    span = [trigger.idx, trigger.idx + len(trigger)]
    date, precision, location, quantities = _extras(doc, sent, trigger)
    attributed = _attribution(doc, trigger)
    events = []
    seen: set[str] = set()
    for s, t in pairs:
        if s is not None and t is not None and s.i == t.i:
            continue
        place = match.pattern.needs_target == "place"
        if match.pattern.needs_target and (t is None or not place and _is_venue(t)):
            continue  # "a Fed meeting", "the cabinet met in Jerusalem": no one else is there
        src, tgt = _source(doc, s, state, cameo.root, match, sent, location), _argument(doc, t)
        tgt = own_country_target(src, tgt)  # "imposed martial law": on its own country
        tgt = placed_where_struck(sent, t, tgt, cameo.root, location)  # "killed 23 people in Tel Aviv"
        if match.pattern.needs_target == "actor" and not (tgt is not None and (tgt.code or _named(t))):
            continue  # "Republicans support deportation": a topic, no one is praised
        if place and not _is_place(t, tgt):
            continue  # "went to the polls", "the state went to Clinton": no journey to a place
        if src is None:
            continue  # an event needs an actor as its source: resolved, or at least named
        if media_business(cameo.root, src, tgt, s, t):
            continue  # "told the BBC in an interview": the press's business, no consultation
        if between_companies(src, tgt, trigger):
            continue  # "Airbus chose an engine": a company's business, no political event
        if is_poll_finding(sent, s, src):
            continue  # "a survey found 63% of Britons oppose the war": a finding, not an event
        if is_election_win(cameo.code, s, src, t) or coerces_no_one(cameo.code, t, tgt, src):
            continue  # "Ted Cruz captured Texas", "suspended his campaign": no one coerced
        acted = match.pattern.code[:2]
        if acted != cameo.root and not is_force_sense(acted, trigger, src, tgt, t, is_crowd(s)):
            continue  # "preparing for Obama's attack on the Second Amendment": no force intended
        code_now, forceless = cameo.code, False
        if not is_force_sense(cameo.root, trigger, src, tgt, t, is_crowd(s)):
            code_now = unarmed_code(code_now, trigger)  # party members blockading a hall obstruct it
            forceless = code_now == cameo.code
        # the means and the crowds decide ("fired tear gas" 175, "a chemical attack" 2041, a
        # mob's violence 145, protesters rallying against X 141);
        # "militants attacked a checkpoint": an assault between armed sides is fighting
        armed_with = weapon_code(code_now, trigger, s)
        if forceless and not (is_crowd(s) and armed_with == "145"):
            continue  # "Brown has hit first-time buyers": the words of force, without force
        if not neg:
            state.acted[lemma(trigger)] = src
        crowded = crowd_code(armed_with, s)
        means = official_code(crowded, trigger, s, src)  # a state's protest is a complaint
        fought = combat_code(means, src, tgt, t, trigger)
        why = "+combat" if fought != means else "+official" if means != crowded else \
            "+crowd" if crowded != armed_with else "+weapon" if armed_with != code_now else "+unarmed"
        pair, pair_rule = (cameo, rule) if fought == cameo.code else (_lookup(fought), rule + why)
        event_conf = calibrated(conf, src, tgt)
        event_id = _event_id(state.article_id, span, pair.code, src, tgt)
        if event_id in seen:
            continue
        seen.add(event_id)
        events.append(
            Event(
                id=event_id,
                code=pair.code,
                root=pair.root,
                name=pair.name,
                quad_class=pair.quad_class,
                goldstein=pair.goldstein,
                plover=pair.plover,
                source=src,
                target=tgt,
                sentence=sent.text,
                span=span,
                trigger=trigger.text,
                rule=pair_rule,
                confidence=event_conf,
                modality=mod,
                negated=neg,
                date=date,
                date_precision=precision,
                location=location,
                quantities=quantities,
                attributed_to=attributed,
            )
        )
    return without_lesser_targets(events, mutual=len(pairs) > len(targets) * len(sources))


def _conditioned(match: Match, root: str) -> Match:
    """A refusal or threat aimed at a thing ("will not end the strike until the government
    pays") is aimed at the actor its condition waits for, when the clause names one."""
    target = match.target
    if root not in condition_roots() or (
        target is not None and args.is_actor(target) and not args.own_thing(target)
    ):
        return match
    party = condition_party(match.trigger, match.source)
    return match if party is None else replace(match, target=party, lone_target=False)


def _source(doc: Doc, tok: Token | None, state: _DocState, root: str, match: Match, sent: Span,
            location: Location | None) -> ActorRef | None:
    """The source record of an event, or ``None`` when it has no actor as source.

    In order: the actor the argument resolves to; for an event noun with none, the actor of the
    latest earlier event of that word ("the air strikes" after "American strikes"); a named
    entity the resolver could not code; the generic source of an event whose perpetrator the
    text does not name (``unnamed.py``, always coded)."""
    src = _argument(doc, tok)
    if src is not None and not src.code and tok is not None and tok.pos_ == "NOUN":
        earlier = state.acted.get(lemma(tok))
        if earlier is not None:
            src = replace(earlier, text=src.text, span=src.span)
    if src is not None and (src.code or _named(tok)):
        return src
    if tok is None:
        speaker = announcer(root, match.trigger)
        ref = _argument(doc, speaker) if speaker is not None else None
        if ref is not None and ref.country and announced_by(ref.agent):
            return ref
    return unnamed_source(root, tok, match.trigger, sent, location, match.pattern.id, is_crowd(tok))


def _held_noun(match: Match) -> bool:
    """An event noun the text says took place ("demonstrations were held", "killed during
    protests", "protests erupted") stands without arguments: its source may be an unnamed one
    (``unnamed.py``)."""
    return match.pattern.kind == "noun" and names_no_one(match.trigger) and (
        is_held(match.trigger) or under_way(match.trigger, match.pattern.code) is not None)


def code_doc(doc: Doc, pattern_set: PatternSet | None = None) -> list[Event]:
    """Every event in a parsed Doc, in text order."""
    ps = pattern_set or patterns()
    article = doc._.article
    state = _DocState(getattr(article, "id", "") or "", {})
    events: list[Event] = []
    cands = Candidates.find(doc, ps)
    if not (cands.verbs or cands.nouns or cands.predicates):
        return events
    for sent in doc.sents:
        sent_events: list[Event] = []
        verbs, consumed = verb_matches(sent, ps, cands.verbs)
        found = (verbs + noun_matches(sent, ps, consumed, cands.nouns)
                 + obligation_matches(sent, cands.predicates))
        taken = [m.trigger.i for m in found if m.source is not None or m.target is not None]
        found += [Match(verb, pattern, speaker, about)
                  for verb, pattern, speaker, about in statement_matches(sent, taken, cands.predicates)]
        for match in found:
            if match.source is None and match.target is None and not _held_noun(match):
                continue
            sent_events.extend(_events_for(doc, sent, match, state, ps))
        events.extend(one_per_act(sent_events))
    events.sort(key=lambda e: (e.span[0], -e.confidence))
    return events


class EventCoder:
    """spaCy component: fills ``doc._.events`` and ``doc._.quantities``."""

    def __init__(self, nlp: Language, name: str, patterns_file: str | None = None):
        self.name = name
        if patterns_file:
            from .patterns import load_patterns

            self.patterns = load_patterns(patterns_file)
        else:
            self.patterns = patterns()

    def __call__(self, doc: Doc) -> Doc:
        doc._.quantities = find_quantities(doc)
        doc._.events = code_doc(doc, self.patterns)
        return doc


@Language.factory("flashpoint_events", default_config={"patterns_file": None})
def make_event_coder(nlp: Language, name: str, patterns_file: str | None = None) -> EventCoder:
    """Factory for the ``flashpoint_events`` component (``patterns_file`` replaces the shipped
    patterns)."""
    return EventCoder(nlp, name, patterns_file)

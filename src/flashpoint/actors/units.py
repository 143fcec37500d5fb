"""Actor mentions being built ("units") and the reading of their noun phrases.

A unit is one mention: its anchor (a name, a role noun, an action noun or a country), the
tokens it claims and what they say. :class:`UnitBuilder` (mixed into the resolver) builds
named and role units and reads their left modifiers, appositions and "X of Y" for country,
agent, titles and backer: "U.S. Defense Secretary Mark Esper" → USA GOV, "Tehran-backed
Kataib Hezbollah" → backer IRN.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import successors
from .knowledge import Knowledge
from .terms import INTERNATIONAL_PREFIXES, Term, compose_code

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# How a name modifies the noun phrase of another actor it gives its country or code to.
INHERIT_DEPS = frozenset({"compound", "poss", "nmod", "amod"})
# Dependencies by which a word modifies the noun phrase to its right.
MODIFIER_DEPS = frozenset({
    "compound", "amod", "nmod", "poss", "npadvmod", "det", "punct", "case", "nummod",
    "quantmod", "predet", "nn",
})
NOUN_POS = frozenset({"NOUN", "PROPN"})


@dataclass
class Match:
    start: int
    end: int
    term: Term


@dataclass
class Unit:
    """One actor mention being built: its anchor, the tokens it claims, what they say."""

    kind: str  # person | org | role | action | country
    anchor: tuple[int, int]
    start: int
    end: int
    name: str
    country: str | None = None
    agent: str | None = None
    code: str | None = None
    backer: str | None = None
    titles: list[str] = field(default_factory=list)
    head_term: Term | None = None
    actor: int | None = None
    country_source: str | None = None  # text | knowledge | party | context



class UnitBuilder:
    """Builds units from anchors and reads their noun phrases (needs ``self.kb``)."""

    kb: Knowledge

    def _named_unit(self, doc, kind, start, end, term, name_at, role_at, claimed) -> Unit:
        anchor = (start, end)
        # "the Kataib Hezbollah group", "IRGC leadership": the noun the name modifies joins it.
        root = doc[start:end].root
        while (kind == "org" and root.dep_ == "compound" and root.head.i == end
               and root.head.pos_ in NOUN_POS and end not in claimed):
            end += 1
            root = root.head
        suffix_agent = role_at[end - 1].term.agent if end > anchor[1] and end - 1 in role_at else None
        begin = self._left_region(doc, start, end, name_at, role_at, claimed, adjacent=True)
        text = doc[start:anchor[1]]
        name = term.name if term else strip_honorifics(text, self.kb)
        unit = Unit(kind, anchor, begin, end, name, head_term=term)
        if term:
            unit.country, unit.agent, unit.code = term.country, term.agent, term.code
            unit.country_source = term_source(term) if term.country else None
        # "The New York Times newspaper", "Siemens AG": the head noun or suffix says the sector.
        unit.agent = unit.agent or suffix_agent or self.kb.org_suffixes.get(doc[anchor[1] - 1].text)
        self._read_modifiers(doc, unit, name_at, role_at, titles=(kind == "person"))
        if kind == "person":
            self._appositions(doc, unit, name_at, role_at)
            if unit.country is None:
                # "King Hassan of Morocco", "Queen Beatrix of the Netherlands"
                self._of_in_country(doc, doc[start:anchor[1]].root, unit, name_at, preps=("of",))
        return unit

    def _role_unit(self, doc, m: Match, name_at, role_at, claimed) -> Unit | None:
        begin = self._left_region(doc, m.start, m.end, name_at, role_at, claimed, adjacent=False)
        kind = "action" if m.term.kind == "action" else "role"
        unit = Unit(kind, (m.start, m.end), begin, m.end, "", agent=m.term.agent, head_term=m.term)
        self._read_modifiers(doc, unit, name_at, role_at, titles=False)
        for i in range(m.start, m.end):
            # A name inside the title gives its country: "Revolutionary Guards commander".
            if i in name_at and name_at[i].term.country and unit.country is None:
                unit.country, unit.country_source = name_at[i].term.country, "text"
        if unit.country is None and kind == "role":
            head = doc[m.end - 1]
            if _own_possessive(head):
                # "Israel strengthened its forces in Lebanon": its own, wherever they are
                self._subject_country(doc, head, unit, name_at)
                self._of_in_country(doc, head, unit, name_at, preps=("of",))
            else:
                self._of_in_country(doc, head, unit, name_at, preps=("of", "in", "from"))
        if kind == "action" and unit.country is None:
            return None  # "missile attacks" alone names no actor
        if kind == "action":
            # "American strikes" is the country acting with that arm: "United States military".
            label = self.kb.agent_codes.get(unit.agent or "", unit.agent or "")
            unit.name = f"{self.kb.country_names.get(unit.country, unit.country)} {label.lower()}".strip()
        else:
            tokens = [t for t in doc[begin:m.end] if not (t.i == begin and t.dep_ == "det")]
            unit.name = "".join(t.text_with_ws for t in tokens).strip().lstrip("\"'“‘«(")
        return unit

    def _left_region(self, doc, start, end, name_at, role_at, claimed, adjacent: bool) -> int:
        """First token of the noun phrase ending at ``end`` whose modifiers lead into [start, end)."""
        sent_start = doc[start].sent.start
        begin = start
        i = start - 1
        while i >= sent_start and i not in claimed:
            t = doc[i]
            found = [m for m in (name_at.get(i), role_at.get(i)) if m is not None]
            lex = min(found, key=lambda m: m.start) if found else None  # the longer reach wins
            if lex is not None and lex.end == i + 1 and lex.start >= sent_start:
                inside = any(begin <= doc[j].head.i < end for j in range(lex.start, lex.end))
                if inside or adjacent:
                    if any(j in claimed for j in range(lex.start, lex.end)):
                        break
                    begin = i = lex.start
                    i -= 1
                    continue
            if t.dep_ in MODIFIER_DEPS and begin <= t.head.i < end:
                begin = i
            elif t.dep_ in ("case", "punct") and t.head.i < i and begin <= t.head.head.i < end:
                begin = i  # "Iran 's": the marker attaches to the possessor on its left
            elif t.dep_ in ("conj", "cc") and t.head.i < i and t.head.dep_ in MODIFIER_DEPS \
                    and end <= t.head.head.i + 1 and t.head.head.i < end:
                begin = i  # "US and British forces": coordinated modifiers, the first one wins
            else:
                break
            i -= 1
        return begin

    def _read_modifiers(self, doc, unit: Unit, name_at, role_at, titles: bool) -> None:
        """Country, agent, titles, backer and 'former' from the tokens left of the anchor."""
        seen: set[int] = set()
        agent_from_region = None
        igo = None
        for i in range(unit.start, unit.anchor[0]):
            for lex in (name_at.get(i), role_at.get(i)):
                if lex is None or id(lex) in seen:
                    continue
                seen.add(id(lex))
                term = lex.term
                if is_stance(doc, lex.start, self.kb):
                    continue  # "an anti-Syria journalist" is not Syrian, "ethnic Turks" not Turkish
                if is_backer_modifier(doc, lex.end, self.kb):
                    unit.backer = unit.backer or compose_code(term.country, None) or term.code
                    continue
                if term.country and not unit.country:
                    unit.country, unit.country_source = term.country, "text"
                international = international_code(term)
                if international and not unit.code and unit.kind != "country":
                    igo = international  # "U.N. mediator X", "NATO troops": the body's code
                if term.kind in ("agent", "org", "group", "metonym", "dictionary") and term.agent:
                    agent_from_region = term.agent  # the rightmost title is the one held
                if titles and term.kind == "agent" and is_title(doc, lex) \
                        and doc[lex.start:lex.end].text not in unit.titles:
                    unit.titles.append(doc[lex.start:lex.end].text)
            if doc[i].lower_ in self.kb.former and unit.kind == "person":
                agent_from_region = "ELI"
        if agent_from_region == "ELI" or (unit.agent is None and agent_from_region) or (
                agent_from_region and self._defers(doc, unit)):
            unit.agent = agent_from_region
        if igo and not unit.country and not unit.code:
            unit.code = igo

    def _defers(self, doc, unit: Unit) -> bool:
        """ "rebel leaders", "union officials": a role word with no sector of its own, under a
        modifier that names one."""
        return unit.kind == "role" and doc[unit.anchor[0]:unit.anchor[1]].text.lower() in self.kb.deferring_roles

    def _appositions(self, doc, unit: Unit, name_at, role_at) -> None:
        """'X, the Y of Z' and 'the Y, X': titles and country from the apposition."""
        root = doc[unit.anchor[0]:unit.anchor[1]].root
        tokens: list[Token] = [c for c in root.children if c.dep_ == "appos" and c.i > root.i]
        if root.dep_ == "appos" and root.head.i < unit.start and root.head.i in role_at:
            tokens.append(root.head)
        for tok in tokens:
            sub = list(tok.subtree)
            if len(sub) > 14:
                continue
            for t in sub:
                lex = role_at.get(t.i)
                if lex and t.i == lex.end - 1:
                    unit.agent = unit.agent or lex.term.agent
                    if lex.term.kind == "agent" and is_title(doc, lex) \
                            and doc[lex.start:lex.end].text not in unit.titles:
                        unit.titles.append(doc[lex.start:lex.end].text)
                lex = name_at.get(t.i)
                if lex and t.i == lex.end - 1 and lex.term.country and not unit.country:
                    unit.country, unit.country_source = lex.term.country, "text"
                elif lex and t.i == lex.end - 1 and not unit.country and not unit.code \
                        and international_code(lex.term):
                    unit.code = international_code(lex.term)  # "X, the UN envoy"

    def _subject_country(self, doc, head: Token, unit: Unit, name_at) -> None:
        """The country of the subject of the clause ``head`` sits in ("Israel ... its forces")."""
        verb = head
        while verb.dep_ not in ("ROOT",) and verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return
        lex = name_at.get(subject.i)
        if lex and lex.term.country and lex.term.kind in ("country", "metonym"):
            unit.country, unit.country_source = lex.term.country, "text"

    def _of_in_country(self, doc, head: Token, unit: Unit, name_at, preps=("of", "in")) -> None:
        """'the government of Iraq', 'a court in Lyon': the country of the prepositional object."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                lex = name_at.get(obj.i) or self._country_modifier(doc, obj, name_at)
                if lex and lex.term.country:
                    unit.country, unit.country_source = lex.term.country, "text"
                    return
                if obj.ent_type_ in PLACE_LABELS:
                    # The whole place name: "New York", not "York".
                    ent = next((e for e in obj.sent.ents if e.start <= obj.i < e.end), None)
                    text = ent.text if ent is not None else obj.text
                    alpha3 = successors.place_country(text, successors.published_of(doc))
                    if alpha3:
                        unit.country, unit.country_source = alpha3, "text"
                        return


    def _country_modifier(self, doc, noun: Token, name_at) -> Match | None:
        """ "doctors from two American aid groups": the country word modifying a plural noun."""
        if noun.tag_ not in ("NNS", "NNPS"):
            return None
        for child in noun.lefts:
            lex = name_at.get(child.i)
            if child.dep_ in ("amod", "compound") and lex and lex.term.kind == "country" \
                    and not is_backer_modifier(doc, lex.end, self.kb) and not is_stance(doc, lex.start, self.kb):
                return lex
        return None


def _own_possessive(head: Token) -> bool:
    """ "its forces", "their troops": the possessor is a pronoun."""
    return any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children)


def is_backer_modifier(doc: Doc, end: int, kb: Knowledge) -> bool:
    """True when the word after ``end`` makes the name a backer: 'Tehran-backed', 'Iran backed'."""
    i = end
    if i < len(doc) and doc[i].text == "-":
        i += 1
    return i < len(doc) and doc[i].lower_ in kb.backing



def is_stance(doc: Doc, start: int, kb: Knowledge) -> bool:
    """True when a stance or ethnicity word comes before the name at ``start``: 'anti-Syria',
    'pro-Russian', 'ethnic Albanians'."""
    i = start - 1
    if i >= 0 and doc[i].text == "-":
        i -= 1
    return i >= 0 and doc[i].lower_.rstrip("-") in kb.stance


def minority_groups(doc: Doc, names: list[Match], kb: Knowledge) -> list[Unit]:
    """ "Bosnian Serbs", "Kosovo Albanians": a country's demonym before the plural demonym of
    an ethnic group (``kb.minorities``) that modifies it names a group of the first country."""
    before = {m.end: m for m in names if m.term.kind == "country"}
    groups = []
    for m in names:
        first, head = before.get(m.start), doc[m.end - 1]
        if first is None or m.term.kind != "country" or head.lower_ not in kb.minorities \
                or head.tag_ not in ("NNS", "NNPS") or first.term.country in (None, m.term.country):
            continue
        if doc[first.end - 1].head.i != head.i or is_stance(doc, first.start, kb):
            continue
        groups.append(Unit("role", (first.start, m.end), first.start, m.end,
                           doc[first.start:m.end].text, country=first.term.country,
                           country_source="text"))
    return groups


def international_code(term: Term) -> str | None:
    """The code of an international body's name ("U.N." → IGOUNO), else ``None``."""
    if term.country or not term.code or term.kind not in ("org", "dictionary"):
        return None
    return term.code if term.code[:3] in INTERNATIONAL_PREFIXES else None


def is_title(doc: Doc, lex: Match) -> bool:
    """A role phrase one person can hold: singular ("refugees" near a name is not a title)."""
    return doc[lex.end - 1].tag_ not in ("NNS", "NNPS")


def honorific(token: Token, kb: Knowledge) -> bool:
    return token.lower_ in kb.honorifics or token.text.lower() in kb.honorifics


def strip_honorifics(span: Span, kb: Knowledge) -> str:
    tokens = list(span)
    while len(tokens) > 1 and (honorific(tokens[0], kb) or tokens[0].lower_ == "the"):
        tokens = tokens[1:]
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text[:-2] if text.endswith(("'s", "\u2019s")) else text  # "Marco Rubio’s" too



def term_source(term: Term) -> str:
    """Where a lexicon term's country comes from: a country's own name is the text speaking."""
    return "text" if term.kind in ("country", "metonym") else "knowledge"



def inherit_from_modifiers(doc: Doc, units: list[Unit]) -> None:
    """A role or person modified by another actor's name takes that actor's country or code.

    "Labour's election chief", "the Putin government", "NATO peacekeeping troops", "the U.N. war
    crimes court": the name before the noun phrase was claimed as its own actor, and it says
    whose the role is. Only units the text left without a country or code take it (in place).
    """
    at: dict[int, Unit] = {}
    for u in units:
        for i in range(u.start, u.end):
            at[i] = u
    for unit in units:
        if unit.kind not in ("role", "person") or unit.country or unit.code:
            continue
        j = unit.start - 1
        if j >= 0 and doc[j].dep_ == "case":
            j -= 1  # "Labour 's"
        owner = at.get(j)
        if owner is None or owner is unit or owner.kind not in ("org", "person"):
            continue
        if not any(unit.start <= doc[k].head.i < unit.end and doc[k].dep_ in INHERIT_DEPS
                   for k in range(owner.start, owner.end)):
            continue
        if owner.country:
            unit.country, unit.country_source = owner.country, owner.country_source
        elif owner.code and owner.code[:3] in INTERNATIONAL_PREFIXES:
            unit.code = owner.code

"""The ``flashpoint_actors`` spaCy component: find actor mentions and resolve them to CAMEO codes.

How a Doc is read, in order:

1. Lexicon matches: proper names (countries, capitals, seats of government, organisations,
   imported dictionary entries) and role words/titles ("Defense Secretary", "officials").
2. Anchors, each claiming the tokens of its noun phrase: named people and organisations (NER or
   lexicon), then role nouns ("the Iraqi government"), action nouns with a country ("American
   strikes"), then countries and places standing alone ("Iran", "Washington").
3. An anchor's left modifiers (found by the parse, and any adjacent lexicon match for a name)
   give its country, agent, titles and backer: "U.S. Defense Secretary Mark Esper" → USA GOV,
   "Tehran-backed Kataib Hezbollah" → backer IRN. Appositions add the same for people.
4. Identity across the article: repeated names and surnames ("Esper") reuse a person's binding;
   subject pronouns ("he", "she") go to the most recent person before them; "the minister"
   goes to the most recent person holding that title. A titled person whose country is not
   stated gets the most mentioned country of their sentence (the dateline country excluded,
   since it says where the reporter is, not who the actor is).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..records import Actor
from . import context, from_knowledge
from .knowledge import Knowledge, Term, compose_code, load_knowledge, place_countries

ENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Dependencies by which a word modifies the noun phrase to its right.
MODIFIER_DEPS = frozenset({
    "compound", "amod", "nmod", "poss", "npadvmod", "det", "punct", "case", "nummod",
    "quantmod", "predet", "nn",
})
SUBJECT_PRONOUNS = frozenset({"he", "she"})
PRONOUN_LOOKBACK_SENTS = 3
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Dependencies of a word that modifies a noun rather than acting itself.
NOT_STANDALONE = frozenset({"compound", "amod", "poss", "nmod"})


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


class ActorResolver:
    """Fills ``doc._.actors`` and ``doc._.actor_mentions`` (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, actors_files: list[str], dictionaries: list[str]):
        self.name = name
        self.kb: Knowledge = load_knowledge(tuple(actors_files), tuple(dictionaries))
        self.name_matcher = _phrase_matcher(nlp, self.kb.names, "ORTH")
        self.role_matcher = _phrase_matcher(nlp, self.kb.roles, "LOWER")
        self.dict_matcher = _phrase_matcher(nlp, self.kb.dict_names, "LOWER") if self.kb.dict_names else None

    # -- lexicon ---------------------------------------------------------------------------
    def _matches(self, doc: Doc, published: str | None) -> tuple[list[Match], list[Match]]:
        names: list[Match] = []
        for _, start, end in self.name_matcher(doc):
            term = self.kb.names.get(_key(doc[start:end], lower=False))
            if term:
                names.append(Match(start, end, term.at(published)))
        if self.dict_matcher is not None:
            for _, start, end in self.dict_matcher(doc):
                # Dictionaries are upper case: accept only capitalised text ("us" is a pronoun).
                if doc[start].is_lower:
                    continue
                term = self.kb.dict_names.get(_key(doc[start:end], lower=True))
                if term:
                    names.append(Match(start, end, term.at(published)))
        roles: list[Match] = []
        for _, start, end in self.role_matcher(doc):
            term = self.kb.roles.get(_key(doc[start:end], lower=True))
            if term:
                roles.append(Match(start, end, term))
        names = _longest(names)
        # A role word inside a proper name ("United States") is part of the name, unless the
        # role phrase contains the whole name ("Revolutionary Guards commander").
        covered = [(m.start, m.end) for m in names]
        roles = [r for r in _longest(roles)
                 if not any(s < r.end and r.start < e and not (r.start <= s and e <= r.end) for s, e in covered)]
        return names, roles

    # -- main ------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        published = getattr(article, "published", None)
        names, roles = self._matches(doc, published)
        name_at = {i: m for m in names for i in range(m.start, m.end)}
        role_at = {i: m for m in roles for i in range(m.start, m.end)}
        excluded = _excluded_names(article)
        claimed: dict[int, Unit] = {}
        units: list[Unit] = []

        def claim(unit: Unit) -> None:
            for i in range(unit.start, unit.end):
                claimed[i] = unit
            units.append(unit)

        # 1. Named people and organisations (lexicon names first, then NER).
        for m in names:
            if m.term.kind in ("org", "group", "person", "dictionary", "metonym"):
                if any(i in claimed for i in range(m.start, m.end)):
                    continue
                if any(r.start <= m.start and m.end <= r.end and r.end - r.start > m.end - m.start
                       for r in roles):
                    continue  # part of a title: "Chairman of the Joint Chiefs of Staff"
                kind = "person" if m.term.kind == "person" else "org"
                claim(self._named_unit(doc, kind, m.start, m.end, m.term, name_at, role_at, claimed))
        for ent in doc.ents:
            if any(i in claimed for i in range(ent.start, ent.end)):
                continue
            if ent.label_ == "NORP":
                modifier = ent.root.dep_ in NOT_STANDALONE or (
                    ent.root.head.pos_ in NOUN_POS and ent.root.head.i > ent.root.i)
                if modifier or not from_knowledge.is_party_name(_strip_article(ent.text)):
                    continue  # "the Tories" acts; "Tory leader X" is a modifier, read there
            elif ent.label_ not in ("PERSON", "ORG"):
                continue
            start = ent.start
            # Titles inside the entity span ("Supreme Leader X" tagged whole) belong to the region.
            while start < ent.end and (start in role_at or start in name_at or _honorific(doc[start], self.kb)
                                       or doc[start].lower_ == "the"):
                start += 1
            if start >= ent.end or any(i in name_at for i in range(start, ent.end)):
                continue
            if doc[start:ent.end].text.lower() in excluded:
                continue
            if ent.label_ == "ORG" and ent.end - 1 in role_at:
                continue  # "the Iraqi Army": a role noun phrase, handled below
            kind = "person" if ent.label_ == "PERSON" else "org"
            claim(self._named_unit(doc, kind, start, ent.end, None, name_at, role_at, claimed))

        # 2. Role nouns and action nouns heading their own noun phrase.
        for m in sorted(roles, key=lambda m: -m.end):
            last = doc[m.end - 1]
            if any(i in claimed for i in range(m.start, m.end)) or last.pos_ not in NOUN_POS:
                continue
            if last.dep_ == "compound" and last.head.i > last.i and last.head.pos_ in NOUN_POS:
                name_end = _proper_name_after(doc, m.end, claimed)
                if name_end is not None:
                    # "Education Secretary Raul Roco": a title before a name the NER missed.
                    claim(self._named_unit(doc, "person", m.end, name_end, None, name_at, role_at, claimed))
                continue  # "government building", "press briefing": a modifier, not an actor
            unit = self._role_unit(doc, m, name_at, role_at, claimed)
            if unit is not None:
                claim(unit)

        # 3. Countries, capitals and places standing alone.
        for m in names:
            if m.term.kind == "country" and not any(i in claimed for i in range(m.start, m.end)):
                if _is_backer_modifier(doc, m.end, self.kb):
                    continue
                claim(Unit("country", (m.start, m.end), m.start, m.end, m.term.name,
                           country=m.term.country, head_term=m.term, country_source="text"))
        places = None
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS or any(i in claimed for i in range(ent.start, ent.end)):
                continue
            if any(i in name_at or i in role_at for i in range(ent.start, ent.end)):
                continue
            places = places if places is not None else place_countries()
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            alpha3 = places.get(text.lower())
            if alpha3 and not _is_backer_modifier(doc, ent.end, self.kb):
                claim(Unit("country", (ent.start, ent.end), ent.start, ent.end,
                           self.kb.country_names.get(alpha3, alpha3), country=alpha3,
                           country_source="text"))

        units.sort(key=lambda u: u.start)
        from_knowledge.apply(units, published)
        home = context.decide(context.evidence(
            units, getattr(article, "dateline", None), getattr(article, "title", None), self.kb))
        if home is not None:
            from_knowledge.apply(units, published, prefer_country=home)  # "Labour" in a UK story
        self._context_countries(doc, units, article, home)
        mentions = self._link(doc, units)
        if home is not None:
            for unit in {id(u): u for _, _, u in mentions}.values():
                if context.takes_context(unit):
                    unit.country, unit.country_source = home, "context"
        self._pronouns(doc, units, mentions)
        _write(doc, mentions)
        return doc

    # -- units -----------------------------------------------------------------------------
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
        name = term.name if term else _strip_honorifics(text, self.kb)
        unit = Unit(kind, anchor, begin, end, name, head_term=term)
        if term:
            unit.country, unit.agent, unit.code = term.country, term.agent, term.code
            unit.country_source = _term_source(term) if term.country else None
        # "The New York Times newspaper", "Siemens AG": the head noun or suffix says the sector.
        unit.agent = unit.agent or suffix_agent or self.kb.org_suffixes.get(doc[anchor[1] - 1].text)
        self._read_modifiers(doc, unit, name_at, role_at, titles=(kind == "person"))
        if kind == "person":
            self._appositions(doc, unit, name_at, role_at)
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
            self._of_in_country(doc, doc[m.end - 1], unit, name_at)
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
            else:
                break
            i -= 1
        return begin

    def _read_modifiers(self, doc, unit: Unit, name_at, role_at, titles: bool) -> None:
        """Country, agent, titles, backer and 'former' from the tokens left of the anchor."""
        seen: set[int] = set()
        agent_from_region = None
        for i in range(unit.start, unit.anchor[0]):
            for lex in (name_at.get(i), role_at.get(i)):
                if lex is None or id(lex) in seen:
                    continue
                seen.add(id(lex))
                term = lex.term
                if _is_backer_modifier(doc, lex.end, self.kb):
                    unit.backer = unit.backer or compose_code(term.country, None) or term.code
                    continue
                if term.country and not unit.country:
                    unit.country, unit.country_source = term.country, "text"
                if term.kind in ("agent", "org", "group", "metonym", "dictionary") and term.agent:
                    agent_from_region = term.agent  # the rightmost title is the one held
                if titles and term.kind == "agent" and _is_title(doc, lex) \
                        and doc[lex.start:lex.end].text not in unit.titles:
                    unit.titles.append(doc[lex.start:lex.end].text)
            if doc[i].lower_ in self.kb.former and unit.kind == "person":
                agent_from_region = "ELI"
        if agent_from_region == "ELI" or (unit.agent is None and agent_from_region):
            unit.agent = agent_from_region

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
                    if lex.term.kind == "agent" and _is_title(doc, lex) \
                            and doc[lex.start:lex.end].text not in unit.titles:
                        unit.titles.append(doc[lex.start:lex.end].text)
                lex = name_at.get(t.i)
                if lex and t.i == lex.end - 1 and lex.term.country and not unit.country:
                    unit.country, unit.country_source = lex.term.country, "text"

    def _of_in_country(self, doc, head: Token, unit: Unit, name_at) -> None:
        """'the government of Iraq', 'a court in Lyon': the country of the prepositional object."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("of", "in"):
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                lex = name_at.get(obj.i)
                if lex and lex.term.country:
                    unit.country, unit.country_source = lex.term.country, "text"
                    return
                if obj.ent_type_ in PLACE_LABELS:
                    alpha3 = place_countries().get(obj.text.lower())
                    if alpha3:
                        unit.country, unit.country_source = alpha3, "text"
                        return

    # -- article context -------------------------------------------------------------------
    def _context_countries(self, doc: Doc, units: list[Unit], article, home: str | None) -> None:
        """Give titled people and backed groups without a stated country one from their context.

        A titled person takes the most mentioned country of their sentence only when the
        article as a whole has no clear country (``home``); otherwise the article's country is
        given to them after linking."""
        dateline = None
        if article is not None and getattr(article, "dateline", None):
            term = self.kb.names.get(article.dateline) or self.kb.names.get(article.dateline.title())
            dateline = term.country if term else None
        for unit in units:
            if unit.country is not None:
                continue
            if unit.kind == "person" and unit.agent is not None and home is None:
                sent = doc[unit.start].sent
                # Only countries the sentence states count (not ones this stage inferred).
                counts = Counter(
                    u.country for u in units
                    if u.kind == "country" and u.country and u.country != dateline
                    and sent.start <= u.start < sent.end
                )
                counts.update(
                    m for m in _region_backers(units, sent) if m != dateline
                )
                if counts:
                    best = max(counts.values())
                    unit.country = next(c for c, n in counts.items() if n == best)
                    unit.country_source = "context"
            elif unit.backer and unit.kind in ("role", "org"):
                # "Iranian-backed demonstrators": where they act if stated, else the backer.
                head = doc[unit.anchor[1] - 1]
                located = Unit("role", unit.anchor, unit.start, unit.end, "")
                for tok in doc[head.sent.start:head.sent.end]:
                    if tok.dep_ == "prep" and tok.lower_ == "in":
                        self._of_in_country(doc, tok.head, located, _names_index(units))
                unit.country = located.country or _backer_country(unit.backer)
                unit.country_source = "text" if unit.country else None

    # -- identity --------------------------------------------------------------------------
    def _link(self, doc: Doc, units: list[Unit]) -> list[tuple[int, int, Unit]]:
        """Group units into actors: same person/org name, surname references, role codes."""
        people: dict[str, Unit] = {}
        surnames: dict[str, Unit] = {}
        actors: dict[tuple, Unit] = {}
        mentions: list[tuple[int, int, Unit]] = []
        # Full names first, so a surname used before the full name still finds its person.
        for unit in units:
            if unit.kind == "person" and " " in unit.name:
                key = unit.name.lower()
                first = people.setdefault(key, unit)
                _merge(first, unit)
                surnames.setdefault(unit.name.split()[-1].lower(), first)
        for unit in units:
            lead = unit
            if unit.kind in ("person", "org") and unit.head_term is None:
                lead = people.get(unit.name.lower()) or surnames.get(unit.name.lower()) or unit
                if lead is not unit:
                    _merge(lead, unit)
            if unit.kind == "role" and _definite(doc, unit) and unit.country is None and unit.titles == []:
                holder = _title_holder(doc, unit, mentions)
                if holder is not None:
                    lead = holder
            key = _actor_key(lead)
            lead = actors.setdefault(key, lead)
            if lead is not unit:
                _merge(lead, unit)
            mentions.append((unit.start, unit.end, lead))
        return mentions

    def _pronouns(self, doc: Doc, units: list[Unit], mentions: list[tuple[int, int, Unit]]) -> None:
        """Subject 'he'/'she' → the most recent person mentioned before it, a few sentences back."""
        persons = sorted((s, e, u) for s, e, u in mentions if u.kind == "person")
        if not persons:
            return
        sents = list(doc.sents)
        sent_index = {s.start: n for n, s in enumerate(sents)}
        for tok in doc:
            if tok.lower_ not in SUBJECT_PRONOUNS or not tok.dep_.startswith("nsubj"):
                continue
            n = sent_index.get(tok.sent.start, 0)
            floor = sents[max(0, n - PRONOUN_LOOKBACK_SENTS)].start
            before = [p for p in persons if floor <= p[0] and p[1] <= tok.i]
            if before:
                mentions.append((tok.i, tok.i + 1, before[-1][2]))


# -- helpers -------------------------------------------------------------------------------

def _phrase_matcher(nlp: Language, table: dict[str, Term], attr: str) -> PhraseMatcher:
    matcher = PhraseMatcher(nlp.vocab, attr=attr)
    texts = list(table)
    # make_doc only: patterns need tokens, not tags (fast even for large dictionaries).
    patterns = list(nlp.tokenizer.pipe(texts, batch_size=1000))
    matcher.add("ACTOR", patterns)
    return matcher


def _key(span: Span, lower: bool) -> str:
    text = "".join(t.text_with_ws for t in span).strip()
    return " ".join(text.lower().split()) if lower else text


def _longest(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, longest first, then leftmost."""
    out: list[Match] = []
    taken: set[int] = set()
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), m.start)):
        if not any(i in taken for i in range(m.start, m.end)):
            out.append(m)
            taken.update(range(m.start, m.end))
    return sorted(out, key=lambda m: m.start)


def _is_backer_modifier(doc: Doc, end: int, kb: Knowledge) -> bool:
    """True when the word after ``end`` makes the name a backer: 'Tehran-backed', 'Iran backed'."""
    i = end
    if i < len(doc) and doc[i].text == "-":
        i += 1
    return i < len(doc) and doc[i].lower_ in kb.backing


def _proper_name_after(doc: Doc, i: int, claimed: dict[int, Unit]) -> int | None:
    """End of a run of 2-4 capitalised proper nouns starting at ``i`` (a name), else ``None``."""
    end = i
    while end < len(doc) and end - i < 4 and doc[end].pos_ == "PROPN" and doc[end].is_title \
            and end not in claimed and doc[end].ent_type_ not in ("GPE", "NORP", "DATE"):
        end += 1
    return end if end - i >= 2 else None


def _is_title(doc: Doc, lex: Match) -> bool:
    """A role phrase one person can hold: singular ("refugees" near a name is not a title)."""
    return doc[lex.end - 1].tag_ not in ("NNS", "NNPS")


def _honorific(token: Token, kb: Knowledge) -> bool:
    return token.lower_ in kb.honorifics or token.text.lower() in kb.honorifics


def _strip_honorifics(span: Span, kb: Knowledge) -> str:
    tokens = list(span)
    while len(tokens) > 1 and (_honorific(tokens[0], kb) or tokens[0].lower_ == "the"):
        tokens = tokens[1:]
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text[:-2] if text.endswith("'s") else text


def _strip_article(text: str) -> str:
    return text[4:] if text.lower().startswith("the ") else text


def _term_source(term: Term) -> str:
    """Where a lexicon term's country comes from: a country's own name is the text speaking."""
    return "text" if term.kind in ("country", "metonym") else "knowledge"


def _excluded_names(article) -> set[str]:
    """The article's own agency and byline names: the reporting outlet is not an actor."""
    out: set[str] = set()
    if article is None:
        return out
    for value in (getattr(article, "agency", None), getattr(article, "byline", None)):
        if value:
            for part in value.replace(" and ", ",").split(","):
                part = part.strip().lower()
                if part.startswith("by "):
                    part = part[3:]
                if part:
                    out.add(part)
    return out


def _region_backers(units: list[Unit], sent: Span) -> list[str]:
    return [_backer_country(u.backer) for u in units if u.backer and sent.start <= u.start < sent.end
            and _backer_country(u.backer)]


def _backer_country(code: str | None) -> str | None:
    return code[:3] if code and len(code) >= 3 else None


def _names_index(units: list[Unit]) -> dict[int, Match]:
    out: dict[int, Match] = {}
    for u in units:
        if u.kind == "country" and u.country:
            m = Match(u.start, u.end, Term("country", u.name, country=u.country))
            for i in range(u.start, u.end):
                out[i] = m
    return out


def _definite(doc: Doc, unit: Unit) -> bool:
    return doc[unit.start].lower_ == "the" and unit.end - unit.start == 2


def _title_holder(doc: Doc, unit: Unit, mentions) -> Unit | None:
    """'the minister' → the latest person before it whose titles name that role."""
    word = doc[unit.end - 1].lemma_.lower()
    for _, end, u in reversed(mentions):
        if end <= unit.start and u.kind == "person" and any(word in t.lower() for t in u.titles):
            return u
    return None


def _merge(lead: Unit, other: Unit) -> None:
    if lead is other:
        return
    if not lead.country and other.country:
        lead.country, lead.country_source = other.country, other.country_source
    lead.agent = lead.agent or other.agent
    lead.backer = lead.backer or other.backer
    for t in other.titles:
        if t not in lead.titles:
            lead.titles.append(t)


def _actor_key(unit: Unit) -> tuple:
    if unit.kind == "person":
        return ("person", unit.name.lower())
    if unit.kind == "org":
        return ("org", unit.name.lower())
    if unit.kind in ("country", "action"):
        return ("country", unit.country, unit.agent)
    return ("role", unit.country, unit.agent, unit.name.lower())


def _write(doc: Doc, mentions: list[tuple[int, int, Unit]]) -> None:
    """Turn linked units into Actor records, mention tuples and token attributes."""
    actors: list[Actor] = []
    index: dict[int, int] = {}
    out: list[tuple[int, int, int]] = []
    for start, end, unit in sorted(mentions, key=lambda m: (m[0], m[1])):
        if id(unit) not in index:
            index[id(unit)] = len(actors)
            code = unit.code or compose_code(unit.country, unit.agent)
            kind = {"action": "country", "role": "role"}.get(unit.kind, unit.kind)
            if unit.head_term is not None and unit.head_term.kind in ("group",):
                kind = "group"
            actors.append(Actor(
                name=unit.name, code=code, country=unit.country, agent=unit.agent, kind=kind,
                titles=list(unit.titles), backer=unit.backer, mentions=[],
                country_source=unit.country_source if unit.country else None,
            ))
        idx = index[id(unit)]
        span = doc[start:end]
        actors[idx].mentions.append([span.start_char, span.end_char])
        out.append((start, end, idx))
        for tok in span:
            tok._.actor = actors[idx]
    doc._.actors = actors
    doc._.actor_mentions = out


@Language.factory("flashpoint_actors", default_config={"actors_files": [], "dictionaries": []})
def make_actor_resolver(nlp: Language, name: str, actors_files: list[str], dictionaries: list[str]):
    """spaCy factory: ``nlp.add_pipe("flashpoint_actors", config={"actors_files": [...]})``."""
    return ActorResolver(nlp, name, actors_files, dictionaries)

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

Unit building and noun-phrase reading live in :mod:`.units`, identity across the article and
the actor records in :mod:`.linking`, the article's country in :mod:`.context`.
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Span

from . import context, from_knowledge, linking, successors
from .context import FOREIGN_WORDS
from .knowledge import Knowledge, load_knowledge, place_countries
from .misspelt import misspelt_countries
from .phrases import longest, phrase_key, phrase_matcher
from .terms import Term, strip_article
from .units import (
    NOUN_POS,
    PLACE_LABELS,
    Match,
    Unit,
    UnitBuilder,
    honorific,
    inherit_from_modifiers,
    is_backer_modifier,
    is_stance,
    minority_groups,
)

ENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC"})
# Dependencies of a word that modifies a noun rather than acting itself.
# Entity labels the NER gives surnames after an honorific ("Mr Straw" as PRODUCT, "Mr Camus" as
# NORP): a person all the same.
TITLED_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "FAC", "LAW", "EVENT", "LANGUAGE", "GPE", "NORP", "DATE"})
NOT_STANDALONE = frozenset({"compound", "amod", "poss", "nmod"})


class ActorResolver(UnitBuilder):
    """Fills ``doc._.actors`` and ``doc._.actor_mentions`` (see the module docstring)."""

    def __init__(self, nlp: Language, name: str, actors_files: list[str], dictionaries: list[str]):
        self.name = name
        self.kb: Knowledge = load_knowledge(tuple(actors_files), tuple(dictionaries))
        self.name_matcher = phrase_matcher(nlp, self.kb.names, "ORTH")
        self.role_matcher = phrase_matcher(nlp, self.kb.roles, "LOWER")
        self.dict_matcher = phrase_matcher(nlp, self.kb.dict_names, "LOWER") if self.kb.dict_names else None

    # -- lexicon ---------------------------------------------------------------------------
    def _matches(self, doc: Doc, published: str | None) -> tuple[list[Match], list[Match]]:
        names: list[Match] = []
        for _, start, end in self.name_matcher(doc):
            term = self.kb.names.get(phrase_key(doc[start:end], lower=False))
            if term:
                term = successors.place_term(term.at(published), doc[start:end].text, published,
                                             self.kb.country_names)  # "Juba" in 2000: Sudan
                names.append(Match(start, end, term))
        if self.dict_matcher is not None:
            for _, start, end in self.dict_matcher(doc):
                # Dictionaries are upper case: accept only capitalised text ("us" is a pronoun).
                if doc[start].is_lower:
                    continue
                term = self.kb.dict_names.get(phrase_key(doc[start:end], lower=True))
                if term:
                    names.append(Match(start, end, term.at(published)))
        roles: list[Match] = []
        for _, start, end in self.role_matcher(doc):
            term = self.kb.roles.get(phrase_key(doc[start:end], lower=True))
            if term:
                roles.append(Match(start, end, term))
        names = longest(names)
        # A role word inside a proper name ("United States") is part of the name, unless the
        # role phrase contains the whole name ("Revolutionary Guards commander").
        covered = [(m.start, m.end) for m in names]
        roles = [r for r in longest(roles)
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
                if m.term.kind == "org" and doc[m.start:m.end].text.lower() in excluded:
                    continue  # the article's own agency ("told Reuters" in a Reuters story)
                kind = "person" if m.term.kind == "person" else "org"
                claim(self._named_unit(doc, kind, m.start, m.end, m.term, name_at, role_at, claimed))
        for ent in doc.ents:
            if any(i in claimed for i in range(ent.start, ent.end)):
                continue
            titled = ent.start > 0 and honorific(doc[ent.start - 1], self.kb)
            if ent.label_ == "NORP" and not titled:
                modifier = ent.root.dep_ in NOT_STANDALONE or (
                    ent.root.head.pos_ in NOUN_POS and ent.root.head.i > ent.root.i)
                if modifier or not from_knowledge.is_party_name(strip_article(ent.text)):
                    continue  # "the Tories" acts; "Tory leader X" is a modifier, read there
            elif ent.label_ not in ("PERSON", "ORG") and not (titled and ent.label_ in TITLED_LABELS):
                continue  # but "Mr Straw" tagged PRODUCT, "Mr Saakashvili" tagged GPE are people
            start = ent.start
            # Titles inside the entity span ("Supreme Leader X" tagged whole) belong to the region.
            while start < ent.end and (start in role_at or start in name_at or honorific(doc[start], self.kb)
                                       or doc[start].lower_ == "the"):
                start += 1
            if start >= ent.end or any(i in name_at for i in range(start, ent.end)):
                continue
            if doc[start:ent.end].text.lower() in excluded:
                continue
            if ent.label_ == "ORG" and ent.end - 1 in role_at:
                continue  # "the Iraqi Army": a role noun phrase, handled below
            kind = "person" if ent.label_ == "PERSON" or titled else "org"
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

        # 3. Countries, capitals and places standing alone ("Bosnian Serbs" first: one group).
        for unit in minority_groups(doc, names, self.kb):
            if not any(i in claimed for i in range(unit.start, unit.end)):
                claim(unit)
        for m in names:
            if m.term.kind == "country" and not any(i in claimed for i in range(m.start, m.end)):
                if is_backer_modifier(doc, m.end, self.kb):
                    continue
                if is_stance(doc, m.start, self.kb):
                    # "ethnic Albanians", "the anti-Syria camp": people, of no country the name gives
                    claim(Unit("role", (m.start, m.end), m.start, m.end, doc[m.start:m.end].text))
                    continue
                people = self._people_of(doc, m, name_at)
                if people is not None:
                    claim(people)
                    continue
                claim(Unit("country", (m.start, m.end), m.start, m.end, m.term.name,
                           country=m.term.country, head_term=m.term, country_source="text"))
        for ent in doc.ents:
            if ent.label_ not in PLACE_LABELS or any(i in claimed for i in range(ent.start, ent.end)):
                continue
            if any(i in name_at or i in role_at for i in range(ent.start, ent.end)):
                continue
            first = doc[ent.start - 1] if ent.start > 0 else None
            if first is not None and ent.label_ == "GPE" and ent.end - ent.start == 1 \
                    and first.pos_ == "PROPN" and first.is_title and first.dep_ == "compound" \
                    and first.head.i == ent.start and not first.ent_type_ and first.i not in claimed \
                    and first.i not in name_at and first.i not in role_at and not honorific(first, self.kb):
                # "Kenzo Oshima": a given name before a place-like surname is a person.
                claim(self._named_unit(doc, "person", first.i, ent.end, None, name_at, role_at, claimed))
                continue
            if ent.end - ent.start == 1 and ent.text in {
                    doc[u.anchor[1] - 1].text for u in units if u.kind == "person"}:
                # "Marco Rubio ... attacks against Rubio": a person's surname the NER took for
                # a place ("Rubio" is also a town in Venezuela) is the person
                claim(self._named_unit(doc, "person", ent.start, ent.end, None, name_at, role_at, claimed))
                continue
            alpha3 = successors.place_country(ent.text, published)
            if alpha3 and not is_backer_modifier(doc, ent.end, self.kb):
                claim(Unit("country", (ent.start, ent.end), ent.start, ent.end,
                           self.kb.country_names.get(alpha3, alpha3), country=alpha3,
                           country_source="text"))

        # "Afganistan": a country name misspelt by one letter
        for i, alpha3 in misspelt_countries(doc, self.kb.names, place_countries(),
                                            self.kb.country_names, claimed):
            claim(Unit("country", (i, i + 1), i, i + 1, self.kb.country_names.get(alpha3, alpha3),
                       country=alpha3, country_source="text"))

        units.sort(key=lambda u: u.start)
        from_knowledge.apply(units, published)
        from_knowledge.leader_surnames(doc, units, self.kb.led_by)
        # "Apple CEO Tim Cook": a one-word party reading of a foreign country the text does not
        # name is dropped before anyone inherits it (again below, once the home is known)
        _drop_foreign_one_word_parties(units, None)
        inherit_from_modifiers(doc, units)
        home = context.decide(context.evidence(
            units, getattr(article, "dateline", None), getattr(article, "title", None), self.kb, doc))
        if home is not None:
            from_knowledge.apply(units, published, prefer_country=home)  # "Labour" in a UK story
            _drop_foreign_one_word_parties(units, home)
            inherit_from_modifiers(doc, units)
        _drop_foreign_one_word_parties(units, home)
        self._context_countries(doc, units, article, home)
        if home is None:
            context.acted_on_by_state(doc, units)
            context.law_on_own_officers(doc, units, self.kb.abroad)
        mentions = linking.link(doc, units)
        if home is not None:
            for unit in {id(u): u for _, _, u in mentions}.values():
                if context.takes_context(unit):
                    unit.country, unit.country_source = home, "context"
        linking.pronouns(doc, units, mentions)
        linking.write(doc, mentions)
        return doc


    def _people_of(self, doc: Doc, m: Match, name_at) -> Unit | None:
        """ "The Albanians of southern Serbia", "the Kurds of Iraq": a people named by a plural
        demonym and placed by an "of" phrase live there - a group of that country."""
        last = doc[m.end - 1]
        if last.tag_ not in ("NNPS", "NNS"):
            return None
        unit = Unit("role", (m.start, m.end), m.start, m.end, doc[m.start:m.end].text)
        self._of_in_country(doc, last, unit, name_at, preps=("of",))
        return unit if unit.country and unit.country != m.term.country else None

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
            if home is None and context.takes_context(unit) and not unit.code \
                    and not (unit.kind == "person" and unit.agent is not None) \
                    and not any(t.lower_ in FOREIGN_WORDS for t in doc[unit.start:unit.end]):
                # "Egyptian police dispersed fundamentalist demonstrators": with no country for
                # the article, a domestic actor takes the one country its sentence places others in.
                own = _sentence_countries(doc, units, doc[unit.start].sent, dateline, unit)
                if len(own) == 1:
                    unit.country, unit.country_source = next(iter(own)), "context"
                continue
            if unit.kind == "person" and unit.agent is not None and home is None:
                sent = doc[unit.start].sent
                # Only countries the sentence states count (not ones this stage inferred).
                counts = Counter(
                    u.country for u in units
                    if u.kind == "country" and u.country and u.country != dateline
                    and sent.start <= u.start < sent.end and not _counterpart(doc, u)
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



def _proper_name_after(doc: Doc, i: int, claimed: dict[int, Unit]) -> int | None:
    """End of a run of 2-4 capitalised proper nouns starting at ``i`` (a name), else ``None``."""
    end = i
    while end < len(doc) and end - i < 4 and doc[end].pos_ == "PROPN" and doc[end].is_title \
            and end not in claimed and doc[end].ent_type_ not in ("GPE", "NORP", "DATE"):
        end += 1
    return end if end - i >= 2 else None


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


def _drop_foreign_one_word_parties(units: list[Unit], home: str | None) -> None:
    """A one-word name read as a party ("Apple", "AFP") of a country that is neither the
    article's nor named in the text is a coincidence of spelling, not that party."""
    named = {u.country for u in units if u.country and u.country_source == "text"}
    for unit in units:
        if unit.country_source == "party" and " " not in unit.name.strip() \
                and unit.country != home and unit.country not in named:
            unit.country = unit.country_source = None
            unit.agent = None


# Prepositions whose object is a counterpart of the sentence's actors, not their home:
# "called for sanctions against Nigeria", "talks with Iran", "aid to Serbia".
COUNTERPART_PREPS = frozenset({"against", "with", "to", "toward", "towards", "from", "into", "over", "on", "at"})


def _sentence_countries(doc: Doc, units: list[Unit], sent: Span, dateline: str | None,
                        unit: Unit) -> set[str]:
    """Countries the sentence places its actors in: countries standing alone and the stated
    countries of other actors, leaving out the dateline's and those after a counterpart
    preposition ("sanctions against Nigeria")."""
    out: set[str] = set()
    for u in units:
        if u is unit or not u.country or u.country == dateline or not (sent.start <= u.start < sent.end):
            continue
        if u.country_source not in context.EVIDENCE_SOURCES or u.kind == "action":
            continue
        if _counterpart(doc, u):
            continue
        out.add(u.country)
    return out


def _counterpart(doc: Doc, unit: Unit) -> bool:
    """Whether a mention is the object of a counterpart preposition ("against Nigeria")."""
    head = doc[unit.anchor[1] - 1]
    if head.dep_ in ("dobj", "dative", "obj"):
        return True  # "will ask Tokyo to remove its quotas": the one acted on
    if head.dep_ != "pobj":
        return False
    return head.head.lower_ in COUNTERPART_PREPS


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



@Language.factory("flashpoint_actors", default_config={"actors_files": [], "dictionaries": []})
def make_actor_resolver(nlp: Language, name: str, actors_files: list[str], dictionaries: list[str]):
    """spaCy factory: ``nlp.add_pipe("flashpoint_actors", config={"actors_files": [...]})``."""
    return ActorResolver(nlp, name, actors_files, dictionaries)

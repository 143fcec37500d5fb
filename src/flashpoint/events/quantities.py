"""Quantities: numbers tied to what they count ("killed 25 people", "about 3,000 troops").

``find_quantities(doc)`` reads every number in a parsed Doc (digits, number words, "Thirty-one",
"1.5 million", "dozens of"), finds the noun it counts through the dependency parse, and returns
:class:`~flashpoint.records.Quantity` records with character spans into ``doc.text``. Dates,
times, percentages, money, ordinals and durations ("two days") are not quantities here: they
are the time stage's business or not counts of anything that happened. The lexicon (number
words, approximators, toll verbs, unit spellings) is ``data/quantities_lexicon.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from spacy.attrs import LOWER, ORTH, SPACY
from spacy.tokens import Doc, Token

from ..records import Quantity
from ..yamldata import load_yaml

LEXICON_PATH = Path(__file__).with_name("data") / "quantities_lexicon.yaml"

# Entity labels whose numbers are not counts of actors or objects.
SKIP_ENTITIES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "ORDINAL"})
DIGITS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$")
CACHE_KEY = ("flashpoint", "quantities")

__all__ = ["find_quantities", "quantities_in", "quantities_of", "parse_number"]


@dataclass(frozen=True)
class Lexicon:
    ones: dict[str, float]
    scales: dict[str, float]
    vague: dict[str, float]
    approximators: tuple[tuple[str, ...], ...]  # longest first
    time_units: frozenset[str]
    measure_units: frozenset[str]
    labels_before: frozenset[str]
    toll_verbs: frozenset[str]
    unit_synonyms: dict[str, str]
    irregular_plurals: dict[str, str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The quantities lexicon, loaded once."""
    data = load_yaml(LEXICON_PATH.read_text(encoding="utf-8"))
    approx = sorted((tuple(a.split()) for a in data["approximators"]), key=len, reverse=True)
    return Lexicon(
        ones={k: float(v) for k, v in data["ones"].items()},
        scales={k: float(v) for k, v in data["scales"].items()},
        vague={k: float(v) for k, v in data["vague"].items()},
        approximators=tuple(approx),
        time_units=frozenset(data["time_units"]),
        measure_units=frozenset(data.get("measure_units") or ()),
        labels_before=frozenset(data.get("labels_before") or ()),
        toll_verbs=frozenset(data["toll_verbs"]),
        unit_synonyms=dict(data["unit_synonyms"]),
        irregular_plurals=dict(data["irregular_plurals"]),
    )


def _word_parts(text: str) -> list[str]:
    return [p for p in re.split(r"[-\s]+", text.lower()) if p]


def _is_number_text(text: str, low: str, lex: Lexicon) -> bool:
    """True for digits ("3,000", "1.5") and number words ("Thirty-one", "million")."""
    if DIGITS.match(text):
        return True
    parts = _word_parts(low)
    return bool(parts) and all(p in lex.ones or p in lex.scales for p in parts)


def parse_number(words: list[str]) -> float | None:
    """Value of a number written as tokens: ``["3,000"]``, ``["Thirty", "-", "one"]``,
    ``["1.5", "million"]``, ``["two", "hundred", "and", "fifty"]``, ``["a", "dozen"]``."""
    lex = lexicon()
    total, current, seen = 0.0, 0.0, False
    for raw in words:
        for word in _word_parts(raw) if not DIGITS.match(raw) else [raw]:
            if word in ("and", "-"):
                continue
            if word in ("a", "an"):
                current += 1
            elif DIGITS.match(word):
                current += float(word.replace(",", ""))
            elif word == "dozen":
                current = (current or 1) * 12
            elif word == "half":
                current += 0.5
            elif word in lex.ones:
                current += lex.ones[word]
            elif word in lex.scales:
                scale = lex.scales[word]
                if scale >= 1000:
                    total += (current or 1) * scale
                    current = 0.0
                else:
                    current = (current or 1) * scale
            else:
                return None
            seen = True
    return total + current if seen else None


def _pluralise(lemma: str, lex: Lexicon) -> str:
    if lemma in lex.irregular_plurals:
        return lex.irregular_plurals[lemma]
    if re.search(r"(s|x|z|ch|sh)$", lemma):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", lemma):
        return lemma[:-1] + "ies"
    return lemma + "s"


def unit_of(noun: Token) -> str:
    """The canonical unit for a counted noun: lower-case plural ("troop" -> "troops")."""
    lex = lexicon()
    low = noun.lower_
    if low in lex.unit_synonyms:
        return lex.unit_synonyms[low]
    plural = low if noun.tag_ in ("NNS", "NNPS") else _pluralise(noun.lemma_.lower(), lex)
    return lex.unit_synonyms.get(plural, plural)


def _number_groups(doc: Doc, lex: Lexicon) -> list[tuple[int, int]]:
    """Maximal runs of number tokens (with the hyphens, "and" and leading "a" inside them)."""
    n = len(doc)
    if n == 0:
        return []
    # One pass over the Doc's arrays instead of a Token object per word: this runs on every
    # token of every article. Strings and the number test are looked up once per distinct word.
    rows = doc.to_array([ORTH, LOWER, SPACY]).tolist()
    strings = doc.vocab.strings
    names: dict[int, str] = {}
    numbers: dict[int, bool] = {}
    texts: list[str] = []
    lowers: list[str] = []
    numeric: list[bool] = []
    for orth, lower, _ in rows:
        text = names.get(orth)
        if text is None:
            text = names[orth] = strings[orth]
        low = names.get(lower)
        if low is None:
            low = names[lower] = strings[lower]
        hit = numbers.get(orth)
        if hit is None:
            hit = numbers[orth] = _is_number_text(text, low, lex)
        texts.append(text)
        lowers.append(low)
        numeric.append(hit)
    groups: list[tuple[int, int]] = []
    i = 0
    while i < n:
        low = lowers[i]
        starts_with_article = (
            low in ("a", "an")
            and i + 1 < n
            and (lowers[i + 1] in lex.scales or lowers[i + 1] == "dozen")
        )
        if low in lex.vague:
            groups.append((i, i + 1))
            i += 1
            continue
        if not (numeric[i] or starts_with_article):
            i += 1
            continue
        j = i + 1
        while j < n:
            text = texts[j]
            if numeric[j] and not (DIGITS.match(text) and DIGITS.match(texts[j - 1])):
                j += 1
            elif (
                text in ("-", "and")
                and j + 1 < n
                and (text != "-" or not rows[j][2])  # "-" only when written without a space
                and numeric[j + 1]
                and not DIGITS.match(texts[j + 1])
            ):
                j += 2
            else:
                break
        groups.append((i, j))
        i = j
    return groups


def _approximator_start(doc: Doc, start: int, lex: Lexicon) -> int | None:
    for phrase in lex.approximators:
        k = start - len(phrase)
        if k >= 0 and tuple(t.lower_ for t in doc[k:start]) == phrase:
            return k
    return None


def _is_label(doc: Doc, start: int, lex: Lexicon) -> bool:
    """True when the number names something ("No. 5", "number 3") rather than counting it."""
    if start == 0:
        return False
    prev = doc[start - 1]
    if prev.lower_ in lex.labels_before:
        return True
    if start >= 2 and not doc[start - 2].whitespace_:
        return (doc[start - 2].lower_ + prev.lower_) in lex.labels_before
    return False


def _counted_noun(doc: Doc, start: int, end: int) -> Token | None:
    """The noun a number group counts: its nummod head, or the pobj of "N of NOUNS"."""
    inside = range(start, end)
    for tok in doc[start:end]:
        head = tok.head
        if head.i in inside or tok.dep_ not in ("nummod", "quantmod", "compound", "amod"):
            continue
        if head.pos_ in ("NOUN",) and head.i > tok.i:
            return head
    last = doc[end - 1]
    for child in last.children:
        # "dozens of protesters", "22 of the emails" -- the "of" phrase must follow the number
        # ("Of its 76,981 voters, 30,290 are Democrats" counts Democrats, not voters).
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and objs[0].pos_ == "NOUN" and objs[0].tag_ == "NNS":
                return objs[0]
    return None


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every counted quantity in a parsed Doc, in text order (cached on the Doc)."""
    cached = doc.user_data.get(CACHE_KEY)
    if cached is not None:
        return [Quantity(**q) for q in cached]
    lex = lexicon()
    found: list[Quantity] = []
    consumed = 0  # groups absorbed by an earlier one ("tens of thousands") are skipped
    for start, end in _number_groups(doc, lex):
        if start < consumed:
            continue
        group = doc[start:end]
        if any(t.ent_type_ in SKIP_ENTITIES for t in group):
            continue
        if _is_label(doc, start, lex):
            continue
        words = [t.text for t in group]
        approximate = False
        vague = None
        if len(group) == 1 and group[0].lower_ in lex.vague:
            vague = lex.vague[group[0].lower_]
        if vague is not None:
            value: float | None = vague
            approximate = True
            # "tens of thousands", "hundreds of thousands": the vague word multiplies the scale.
            nxt = doc[end : end + 2]
            if len(nxt) == 2 and nxt[0].lower_ == "of" and nxt[1].lower_ in lex.vague:
                value = vague / 2 * lex.vague[nxt[1].lower_]
                end += 2
                group = doc[start:end]
        else:
            value = parse_number(words)
        if value is None:
            continue
        noun = _counted_noun(doc, start, end)
        if noun is None or noun.ent_type_ in ("GPE", "ORG", "NORP", "PERSON", "DATE", "TIME"):
            continue
        if noun.lemma_.lower() in lex.time_units or noun.lower_ in lex.time_units:
            continue
        if noun.lemma_.lower() in lex.measure_units or noun.lower_ in lex.measure_units:
            continue
        if value < 1 or (value == 1 and noun.i > end and doc[end].lower_ == "of"):
            continue  # "half of the respondents", "one of the suspects": shares, not counts
        if end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
            continue  # "a 25-year-old", "a one-mile march", "a 3,000-strong force": adjectives
        if value > 1 and noun.tag_ == "NN" and noun.lower_ not in lex.irregular_plurals.values():
            # "5 district", "a 25 year-old": a singular noun after a plural number is a label.
            continue
        first = start
        approx_at = _approximator_start(doc, start, lex)
        if approx_at is not None:
            approximate, first = True, approx_at
        last = noun.i
        head = noun.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            head = noun.head.head.head if noun.head.head.i in range(start, end) else noun.head
        if head.lemma_.lower() in lex.toll_verbs and head.pos_ in ("VERB", "AUX"):
            # The toll verb belongs to the quantity's text when it is next to it.
            if head.i < first and first - head.i <= 2:
                first = head.i
            elif head.i > last and head.i - last <= 3:
                last = head.i
        if last < first:
            continue
        span = doc[first : last + 1]
        consumed = max(end, noun.i + 1)
        found.append(
            Quantity(
                value=float(value),
                unit=unit_of(noun),
                text=span.text,
                span=[span.start_char, span.end_char],
                approximate=approximate,
            )
        )
    # Plain dicts in user_data: a Doc serialised with DocBin (msgpack) keeps the cache.
    doc.user_data[CACHE_KEY] = [asdict(q) for q in found]
    return found


def quantities_in(doc: Doc, start_char: int, end_char: int) -> list[Quantity]:
    """The quantities whose span lies inside ``[start_char, end_char)`` (an event's clause)."""
    return [q for q in find_quantities(doc) if q.span[0] >= start_char and q.span[1] <= end_char]


def quantities_of(trigger: Token) -> list[Quantity]:
    """The quantities in the trigger's own clause ("killed 25 people", "sent 750 troops"),
    leaving out those of embedded or coordinated clauses."""
    from .time import clause_tokens

    doc = trigger.doc
    clause = clause_tokens(trigger)
    chars = [(doc[i].idx, doc[i].idx + len(doc[i])) for i in clause]
    out = []
    for q in find_quantities(doc):
        if any(start < q.span[1] and q.span[0] < end for start, end in chars):
            # the counted noun itself must be in the clause, not just the toll verb
            noun = doc.char_span(q.span[0], q.span[1], alignment_mode="expand")
            if noun is not None and any(t.i in clause for t in noun if t.pos_ == "NOUN"):
                out.append(q)
    return out

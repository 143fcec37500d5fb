"""Country names misspelt by one letter ("Afganistan", "Ethopia", "Thaliand").

News copy has typos, and a country name typed wrong loses the actor. A capitalised word that no
table knows, that is one inserted, dropped or swapped-round letter away from exactly one
country's one-word name, is that country. Conservative on purpose: never a changed letter
("Gordon" is not "Jordan"), the first letter kept, no plural ("Canadas"), a word of
:data:`MIN_LENGTH` letters at least, never a word the model or the article gives to a person
("Cameron" is not Cameroon), nor a name the knowledge has (a place, a person, a party).
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from .known import load_known

MIN_LENGTH = 7

__all__ = ["one_edit", "misspelt_countries"]


def one_edit(word: str, name: str) -> bool:
    """Whether ``word`` is ``name`` with one letter inserted, dropped or two neighbours swapped
    round (never a letter changed), its first letter kept and no plural "s" added."""
    if not word or not name or word[0] != name[0] or word == name or word == name + "s":
        return False
    if len(word) == len(name):
        diff = [i for i in range(len(word)) if word[i] != name[i]]
        return len(diff) == 2 and diff[1] == diff[0] + 1 \
            and word[diff[0]] == name[diff[1]] and word[diff[1]] == name[diff[0]]
    if abs(len(word) - len(name)) != 1:
        return False
    short, long = (word, name) if len(word) < len(name) else (name, word)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))


@lru_cache(maxsize=4)
def _targets(names: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    return tuple((name, alpha3) for alpha3, name in names if " " not in name and len(name) >= MIN_LENGTH - 1)


def misspelt_countries(doc: Doc, known_names, places, country_names: dict[str, str],
                       claimed) -> list[tuple[int, str]]:
    """(token index, alpha-3) for each capitalised unknown word of ``doc`` that spells one
    country's name with one letter wrong (see the module docstring)."""
    targets = _targets(tuple(sorted(country_names.items())))
    people = {t.text for ent in doc.ents if ent.label_ == "PERSON" for t in ent}
    out = []
    for tok in doc:
        word = tok.text
        if len(word) < MIN_LENGTH or not word.isalpha() or not word.istitle() or tok.i in claimed \
                or word in people or word in known_names or word.lower() in places:
            continue
        if tok.ent_type_ and (tok.ent_type_ not in ("GPE", "LOC", "ORG", "NORP")
                              or tok.ent_iob_ != "B" or (tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I")):
            continue  # a word of a longer name ("Cameron Diaz")
        hits = {alpha3 for name, alpha3 in targets if one_edit(word, name)}
        if len(hits) == 1 and not load_known().lookup(word):
            out.append((tok.i, hits.pop()))
    return out

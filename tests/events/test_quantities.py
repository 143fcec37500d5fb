"""Quantities: numbers tied to the noun they count, with char spans into the text."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from flashpoint.events.quantities import (
    _number_groups,
    find_quantities,
    lexicon,
    parse_number,
    quantities_in,
    quantities_of,
)
from flashpoint.records import Article


@pytest.mark.parametrize(
    "words,value",
    [
        (["3,000"], 3000),
        (["Thirty", "-", "one"], 31),
        (["1.5", "million"], 1_500_000),
        (["two", "hundred", "and", "fifty"], 250),
        (["a", "dozen"], 12),
        (["seven"], 7),
        (["banana"], None),
    ],
)
def test_parse_number(words, value):
    assert parse_number(words) == value


def test_number_groups_from_the_token_arrays():
    # (word, trailing space): a hyphen joins number words only when written without spaces.
    tokens = [
        ("Thirty", False), ("-", False), ("one", True), ("people", True), ("and", True),
        ("twenty", True), ("-", True), ("five", True), ("cars", True), (",", True),
        ("two", True), ("hundred", True), ("and", True), ("fifty", True), ("men", True), ("3,000", True),
        ("4,000", True), ("a", True), ("dozen", True), ("dozens", True), ("of", True),
        ("A", True), ("Seven", False), (".", False),
    ]  # fmt: skip
    vocab = spacy.blank("en").vocab  # English lexical attributes (lower case), no model
    doc = Doc(vocab, words=[w for w, _ in tokens], spaces=[s for _, s in tokens])
    groups = [doc[s:e].text for s, e in _number_groups(doc, lexicon())]
    assert groups == [
        "Thirty-one",
        "twenty",
        "five",
        "two hundred and fifty",
        "3,000",
        "4,000",
        "a dozen",
        "dozens",
        "Seven",
    ]
    assert _number_groups(Doc(vocab, words=[]), lexicon()) == []


def _doc(pipeline, text):
    return pipeline.code_doc(Article(id="q", text=text, published="2020-01-02"))


def _found(pipeline, text):
    return [(q.value, q.unit, q.text, q.approximate) for q in find_quantities(_doc(pipeline, text))]


def test_toll_includes_the_verb(pipeline):
    text = "The air strikes, which killed 25 people, were condemned."
    doc = _doc(pipeline, text)
    (q,) = find_quantities(doc)
    assert (q.value, q.unit, q.text, q.approximate) == (25, "people", "killed 25 people", False)
    assert text[q.span[0] : q.span[1]] == q.text
    assert q.to_dict()["value"] == 25 and isinstance(q.to_dict()["value"], int)


def test_number_words_and_hyphens(pipeline):
    found = _found(pipeline, "Thirty-one rockets hit the base.")
    assert found == [(31, "rockets", "Thirty-one rockets", False)]


def test_approximators(pipeline):
    found = _found(
        pipeline,
        "Officials said about 3,000 additional troops could be sent, "
        "after some 14,000 troops were deployed.",
    )
    assert (3000, "troops", "about 3,000 additional troops", True) in found
    assert (14000, "troops", "some 14,000 troops", True) in found


def test_plain_count_and_us_is_never_a_unit(pipeline):
    found = _found(pipeline, "The United States sent 750 U.S. troops to Kuwait.")
    assert found == [(750, "troops", "750 U.S. troops", False)]


def test_vague_plurals_are_approximate(pipeline):
    found = _found(pipeline, "Dozens of protesters and hundreds of soldiers gathered.")
    assert (24, "protesters", "Dozens of protesters", True) in found
    assert (200, "soldiers", "hundreds of soldiers", True) in found


def test_durations_dates_and_percentages_are_not_counts(pipeline):
    text = (
        "During two days of protests in 2019, turnout fell 5 percent "
        "and the talks lasted three hours on January 3."
    )
    assert _found(pipeline, text) == []


def test_units_are_plural(pipeline):
    found = _found(pipeline, "One soldier was killed and 12 civilians were wounded.")
    units = {(v, u) for v, u, _, _ in found}
    assert units == {(1, "soldiers"), (12, "civilians")}
    assert any(t == "12 civilians were wounded" for _, _, t, _ in found)


def test_large_scale_numbers(pipeline):
    found = _found(
        pipeline, "Some 1.5 million people fled and tens of thousands of refugees returned."
    )
    assert (1_500_000, "people", "Some 1.5 million people", True) in found
    assert any(v == 20_000 and u == "refugees" and a for v, u, _, a in found)
    assert len(found) == 2  # "thousands" inside "tens of thousands" is not counted twice


def test_labels_are_not_counts(pipeline):
    assert _found(pipeline, "Voters in No. 5 district backed Resolution 2231.") == []


def test_quantities_in_a_clause(pipeline):
    text = "Rebels killed 25 people. The army sent 750 troops."
    doc = _doc(pipeline, text)
    first = quantities_in(doc, 0, text.index("."))
    assert [(q.value, q.unit) for q in first] == [(25, "people")]
    assert [(q.value, q.unit) for q in quantities_in(doc, 0, len(text))] == [
        (25, "people"),
        (750, "troops"),
    ]


def test_quantities_of_a_trigger_stay_in_its_clause(pipeline):
    doc = _doc(
        pipeline,
        "The army sent 750 troops to the border after rebels killed 25 people in the north.",
    )
    by_verb = {
        t.text: [(q.value, q.unit) for q in quantities_of(t)] for t in doc if t.pos_ == "VERB"
    }
    assert by_verb["sent"] == [(750, "troops")]
    assert by_verb["killed"] == [(25, "people")]


def test_seed_article_quantities(pipeline, seed_article):
    article = seed_article
    text = article.text
    doc = pipeline.code_doc(article)
    found = {(q.value, q.unit) for q in find_quantities(doc)}
    for expected in [
        (25, "people"),
        (31, "rockets"),
        (750, "troops"),
        (3000, "troops"),
        (14000, "troops"),
    ]:
        assert expected in found, (expected, found)
    for q in find_quantities(doc):
        assert text[q.span[0] : q.span[1]] == q.text
        assert q.unit not in ("days", "u.s.", "months")

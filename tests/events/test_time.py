"""Event time: DATE phrases resolved against the publication date, the trigger's date preferred."""

from __future__ import annotations

import pytest

from flashpoint.events.time import resolve_date, resolve_expression
from flashpoint.records import Article

PUB = "2020-01-02"  # a Thursday


@pytest.mark.parametrize(
    "phrase,expected",
    [
        ("Sunday", ("2019-12-29", "day")),
        ("on Wednesday", ("2020-01-01", "day")),
        ("Thursday", ("2020-01-02", "day")),  # the publication day itself: on or before
        ("Earlier on Thursday", ("2020-01-02", "day")),
        ("last Thursday", ("2019-12-26", "day")),
        ("next Tuesday", ("2020-01-07", "day")),
        ("yesterday", ("2020-01-01", "day")),
        ("last week", ("2019-12-23", "week")),  # Monday of the previous week
        ("this week", ("2019-12-30", "week")),
        ("three days ago", ("2019-12-30", "day")),
        ("May", ("2019-05-01", "month")),  # most recent May before publication
        ("at least October", ("2019-10-01", "month")),
        ("2016", ("2016-01-01", "year")),
        ("December 29, 2019", ("2019-12-29", "day")),
        ("Jan. 3", ("2020-01-03", "day")),  # a day without a year: the nearest occurrence
        ("Dec. 29", ("2019-12-29", "day")),
        ("this March", ("2020-03-01", "month")),
        ("a decade ago", ("2010-01-01", "year")),
        ("three years later", (None, None)),  # relative to another event, not to publication
        ("the '80s", ("1980-01-01", "decade")),
        ("7", (None, None)),  # a bare number is no date
        ("five-year", (None, None)),
        ("Thursday, Jan. 2, 2020", ("2020-01-02", "day")),
        ("the 1990s", ("1990-01-01", "decade")),
        ("two days", (None, None)),  # a duration dates nothing
        ("the coming days", (None, None)),
        ("two or three months", (None, None)),
    ],
)
def test_resolve_expression(phrase, expected):
    assert resolve_expression(phrase, PUB) == expected


def test_relative_phrases_need_a_publication_date():
    assert resolve_expression("Sunday", None) == (None, None)
    assert resolve_expression("last week", None) == (None, None)
    assert resolve_expression("December 29, 2019", None) == ("2019-12-29", "day")


def _sent(pipeline, text, published=PUB):
    doc = pipeline.code_doc(Article(id="t", text=text, published=published))
    return next(iter(doc.sents))


def _token(sent, word):
    return next(t for t in sent if t.text == word)


def test_sentence_date_is_resolved(pipeline):
    sent = _sent(pipeline, "The rebels attacked the base on Sunday, officials said.")
    assert resolve_date(sent, PUB) == ("2019-12-29", "day")


def test_month_since(pipeline):
    sent = _sent(pipeline, "Since May, the army has sent about 2,000 soldiers to the border.")
    assert resolve_date(sent, PUB) == ("2019-05-01", "month")


def test_no_date_falls_back_to_publication(pipeline):
    sent = _sent(pipeline, "The minister condemned the attack.")
    assert resolve_date(sent, PUB) == (PUB, "published")
    assert resolve_date(sent, None) == (None, None)


def test_durations_are_not_event_dates(pipeline):
    sent = _sent(pipeline, "Protesters blocked the road during two days of protests.")
    assert resolve_date(sent, PUB) == (PUB, "published")


def test_trigger_prefers_its_own_clause(pipeline):
    sent = _sent(
        pipeline,
        "Demonstrators threw stones at the police during two days of unrest, "
        "then withdrew on Wednesday after the army sent extra troops.",
    )
    assert resolve_date(sent, PUB, _token(sent, "withdrew")) == ("2020-01-01", "day")
    # Wednesday belongs to the withdrawal, not to the stone-throwing
    assert resolve_date(sent, PUB, _token(sent, "threw")) == (PUB, "published")


def test_reported_event_inherits_the_reporting_date(pipeline):
    sent = _sent(pipeline, "The ministry said on Tuesday that soldiers had arrested the mayor.")
    assert resolve_date(sent, PUB, _token(sent, "arrested")) == ("2019-12-31", "day")


def test_relative_clause_keeps_its_own_date(pipeline):
    sent = _sent(
        pipeline,
        "The strikes were a response to rocket attacks that killed a contractor last week.",
    )
    assert resolve_date(sent, PUB, _token(sent, "killed")) == ("2019-12-23", "week")


def test_resolution_is_cached():
    resolve_expression.cache_clear()
    resolve_expression("Sunday", PUB)
    resolve_expression("Sunday", PUB)
    assert resolve_expression.cache_info().hits >= 1

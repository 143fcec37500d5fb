"""Publication date: metadata first, then dateline, relative weekday, caption, text."""

from __future__ import annotations

from datetime import date

import pytest

from flashpoint.readers.dates import explicit_dates, lead_weekday, parse_date, publication_date


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-03-05T10:22:00Z", "2024-03-05"),
        ("2024-3-5", "2024-03-05"),
        ("Tue, 05 Mar 2024 10:22:00 GMT", "2024-03-05"),
        ("March 5, 2024", "2024-03-05"),
        (date(2024, 3, 5), "2024-03-05"),
        ("not a date", None),
        (None, None),
        ("2024-13-45", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_explicit_dates_in_order_of_appearance():
    text = "Talks began on 3 February 2021 and ended on March 4, 2021; the report is dated 2021-03-10."
    assert explicit_dates(text) == [date(2021, 2, 3), date(2021, 3, 4), date(2021, 3, 10)]


def test_metadata_wins():
    assert publication_date("2022-06-01", "Jan 3", ["Taken May 1, 2022."], "He said on Monday.") == (
        "2022-06-01",
        "metadata",
    )


def test_dateline_without_year_takes_the_nearest_year():
    # Anchor late in December: a January dateline belongs to the following year.
    assert publication_date(None, "Jan 3", ["Seen December 30, 2019."], "Text.") == ("2020-01-03", "dateline")
    assert publication_date(None, "Jan 3, 2018", [], "Text.") == ("2018-01-03", "dateline")
    # No year and no anchor: the date cannot be known.
    assert publication_date(None, "Jan 3", [], "Nothing dated here.") == (None, None)


def test_relative_weekday_resolved_against_the_caption():
    # December 29, 2019 was a Sunday; "on Thursday" is the next Thursday: January 2, 2020.
    captions = ["The minister speaks in Palm Beach, Florida, December 29, 2019. AGENCY/Photographer"]
    assert publication_date(None, None, captions, "The minister said on Thursday that ...") == (
        "2020-01-02",
        "relative-weekday",
    )


def test_same_weekday_as_anchor_is_that_day():
    # June 7, 2023 was a Wednesday.
    assert publication_date(None, None, [], "On Wednesday, June 7, 2023 the council voted.") == (
        "2023-06-07",
        "relative-weekday",
    )


def test_last_weekday_is_not_the_news_day():
    assert lead_weekday("Troops left last Friday and returned on Monday.") == 0
    assert lead_weekday("No weekday here.") is None


def test_caption_then_text_dates():
    assert publication_date(None, None, ["Taken July 4, 2021."], "No day named.") == ("2021-07-04", "caption")
    assert publication_date(None, None, [], "Signed on 1 May 2020 and on 9 May 2020.") == ("2020-05-09", "text")

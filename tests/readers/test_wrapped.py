"""Hard-wrapped text rejoined into paragraphs (``flashpoint.readers.wrapped``), alone and in clean()."""

from __future__ import annotations

import json

from tests.conftest import shared_path

from flashpoint.readers.clean import clean
from flashpoint.readers.wrapped import is_table_row, unwrap, wrap_profile

# Written for these tests in the style of 1980s wire copy: wrapped near 60 columns, each
# paragraph's first line indented, no blank lines.
WIRE = """\
The foreign ministers of the two neighbouring countries met
on Tuesday to discuss the disputed border crossing and agreed
to set up a joint commission before the end of the month.
    The talks, the first in almost two years, were held in the
capital and lasted four hours, officials on both sides said.
    "We have made progress on every point," one of the
ministers told reporters after the meeting.
    Diplomats said the commission would report to both
governments by June."""

EMAIL = """\
The union said its members would walk out on Monday unless the
company withdrew the plan to close two plants in the north of
the country.

Management said the closures were needed to keep the rest of
the business running and that talks could resume next week."""

TABLE = """\
The ministry published the following trade figures for the
first quarter, in millions of dollars, on Friday afternoon.
    Month        Exports     Imports
    January        1,204       1,310
    February       1,187       1,295
    It said the deficit had narrowed compared with the same
period of last year because imports of oil had fallen."""

LIST = """\
The opposition parties set out three demands in a statement
issued after their meeting in the capital on Thursday night:
- the release of all political prisoners held since March;
- free elections within six months;
- an end to the state of emergency in the southern provinces.
The government has not yet responded to the statement."""


def paragraphs(text: str) -> list[str]:
    return unwrap(text).split("\n\n")


def test_wire_copy_paragraphs_marked_by_indentation():
    out = paragraphs(WIRE)
    assert len(out) == 4
    assert out[0].startswith("The foreign ministers") and out[0].endswith("end of the month.")
    assert out[2] == '"We have made progress on every point," one of the ministers told reporters after the meeting.'
    assert all("\n" not in p and "  " not in p for p in out)


def test_blank_lines_mark_paragraphs():
    out = paragraphs(EMAIL)
    assert len(out) == 2
    assert "north of the country." in out[0] and out[1].endswith("resume next week.")


def test_table_rows_are_left_alone():
    out = paragraphs(TABLE)
    assert out[0].endswith("on Friday afternoon.")
    assert [p for p in out if is_table_row(p)] == [
        "    Month        Exports     Imports",
        "    January        1,204       1,310",
        "    February       1,187       1,295",
    ]
    assert out[-1].startswith("It said the deficit") and out[-1].endswith("oil had fallen.")


def test_list_items_stay_items():
    out = paragraphs(LIST)
    assert out[0].endswith("on Thursday night:")
    assert out[1:4] == [
        "- the release of all political prisoners held since March;",
        "- free elections within six months;",
        "- an end to the state of emergency in the southern provinces.",
    ]
    assert out[4] == "The government has not yet responded to the statement."


def test_a_line_that_left_room_for_the_next_word_ends_its_paragraph():
    text = WIRE.replace("    Diplomats said", "Diplomats said")  # no indentation this time
    out = paragraphs(text)
    assert out[-1] == "Diplomats said the commission would report to both governments by June."
    assert out[-2].endswith("after the meeting.")


def test_unwrapped_text_is_returned_unchanged():
    scraped = (
        "Protesters gathered outside the embassy on Sunday.\n"
        "Subscribe to our newsletter\n"
        "The police said about 300 people took part in the march, which ended peacefully "
        "in the early evening after speeches by several opposition leaders.\n"
        "Share this article"
    )
    assert wrap_profile(scraped.split("\n")) is None
    assert unwrap(scraped) is scraped
    assert unwrap("") == ""
    short = "One line.\nTwo lines.\nThree lines here.\nFour."
    assert unwrap(short) is short


def test_clean_rejoins_wrapped_sentences_and_keeps_the_dateline():
    text = (
        "LONDON, March 3 (Reuters) - Britain and France signed an\n"
        "agreement on Tuesday to build a tunnel under the Channel,\n"
        "the two governments said in a joint statement.\n"
        + WIRE
    )
    cleaned = clean(text, headline=False)
    assert cleaned.dateline == "LONDON" and cleaned.agency == "Reuters"
    body = cleaned.text.split("\n\n")
    # The lead's last line left room for "The": the wire copy's first paragraph starts anew.
    assert body[0] == ("Britain and France signed an agreement on Tuesday to build a tunnel under "
                       "the Channel, the two governments said in a joint statement.")
    assert body[1:] == paragraphs(WIRE)


def test_carriage_returns():
    assert paragraphs(WIRE.replace("\n", "\r\n")) == paragraphs(WIRE)


def test_coded_offsets_index_the_rejoined_text(pipeline):
    from flashpoint.readers.clean import clean_text

    article = clean_text(
        "Police arrested dozens of protesters outside the parliament\n"
        "building in the capital on Monday after the demonstrators\n"
        "threw stones at officers, the interior ministry said.\n"
        "    The ministry said 40 people had been detained and that\n"
        "the government condemned the violence in the strongest terms.",
        headline=False,
    )
    article.id = "wrapped"
    assert "\n" not in article.text.split("\n\n")[0]
    coded = next(pipeline.code([article]))
    assert coded.events
    for event in coded.events:
        start, end = event.span
        assert article.text[start:end] in event.sentence or event.sentence in article.text
        assert "\n" not in event.sentence.strip()


def sentence_broken(text: str) -> bool:
    """A paragraph break after prose that has not finished its sentence."""
    parts = text.split("\n\n")
    return any(
        not a.rstrip().endswith((".", "!", "?", '"', "'", ":", ";", ")", "”", "’"))
        and (b[:1].islower() or len(a) > 40)
        for a, b in zip(parts, parts[1:], strict=False)
    )


def test_reuters_archive_articles_have_whole_sentences():
    path = shared_path("corpora", "reuters21578_political.jsonl")
    with open(path, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    assert len(texts) > 400
    # Before this module each wrapped line stayed a paragraph of its own.
    broken_before = sum(sentence_broken("\n\n".join(t.split("\n"))) for t in texts)
    broken = [t for t in texts if sentence_broken(clean(t, headline=False).text)]
    assert broken_before > len(texts) / 2
    assert len(broken) <= 0.05 * len(texts), len(broken)

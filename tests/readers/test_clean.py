"""Cleaning rules on invented scraped texts (several agencies and dateline forms) and on the seed."""

from __future__ import annotations

import pytest
from tests.conftest import shared_path

from flashpoint.readers.clean import (
    clean,
    clean_text,
    is_boilerplate,
    is_caption,
    load_rules,
    parse_byline,
    parse_date_stamp,
    parse_dateline,
)

LEAD = (
    "Officials from both governments met for six hours on Friday and agreed to resume talks on the "
    "disputed border, the foreign ministry said in a statement released after the meeting."
)


@pytest.mark.parametrize(
    "line",
    [
        "Please enter your comment!",
        "Please enter your name here",
        "Subscribe to our newsletter",
        "Subcribe to The Valley Times Eblast",  # misspelt, as scraped sites do
        "Sign up for our daily briefing",
        "Newsleter sign-up",
        "Share this article",
        "Share on Facebook",
        "Facebook Twitter WhatsApp Email",
        "Follow us on Twitter",
        "Read more: Rebels seize second town",
        "READ MORE",
        "Related Articles",
        "Related: Parliament votes on budget",
        "We use cookies to improve your experience",
        "Advertisement",
        "Leave a Reply",
        "Copyright © 2024 The Daily Example. All rights reserved.",
        "You must be logged in to post a comment.",
        "* * *",
        "The Daily Example | World | Africa",
        "Home » News » Middle East",
        "Listen to this article",
        "Please enable JavaScript to view the comments",
        "Advertisement - scroll to continue reading",
        "4 min read",
        "(Reporting by Jane Roe; Editing by John Doe)",
        "Additional reporting by Ana Silva in Lisbon",
        "Our Standards: The Example Trust Principles.",
    ],
)
def test_boilerplate_lines_are_recognised(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "The minister said the talks would resume next week.",
        "Rebels seized the town of Kidal on Sunday, residents said.",
        "Shares in the state oil company fell 4% after the sanctions were announced.",
        # long paragraphs are never boilerplate, even when they mention a keyword
        "The ministry said that anyone who wanted to subscribe to the government's new emergency "
        "alert service could do so by sending a text message, adding that more than a million "
        "people had already signed up since the floods began last month.",
        "Police said 12 people were arrested.",
    ],
)
def test_article_lines_are_kept(line):
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "text, place, agency, date",
    [
        ("WASHINGTON (Reuters) – The Senate voted on Tuesday.", "WASHINGTON", "Reuters", None),
        ("BEIRUT, Jan 3 (AP) — Protesters gathered outside parliament.", "BEIRUT", "AP", "Jan 3"),
        ("LONDON, March 4 (AFP) - Britain summoned the ambassador.", "LONDON", "AFP", "March 4"),
        ("KABUL (Reuters) - A bomb exploded near the airport.", "KABUL", "Reuters", None),
        ("BAGHDAD — Rockets struck the Green Zone overnight.", "BAGHDAD", None, None),
        ("RIO DE JANEIRO (Reuters) - Police raided the favela.", "RIO DE JANEIRO", "Reuters", None),
        ("NAIROBI, Kenya (AP) — Lawmakers approved the bill.", "NAIROBI, Kenya", "AP", None),
        ("Washington (CNN) — The White House said on Monday.", "Washington", "CNN", None),
        ("MOSCOW, Oct. 12, 2021 (Xinhua) -- Russia said it would respond.", "MOSCOW", "Xinhua", "Oct. 12, 2021"),
    ],
)
def test_dateline_forms(text, place, agency, date):
    found = parse_dateline(text)
    assert found is not None
    assert (found.place, found.agency, found.date) == (place, agency, date)
    assert text[found.end :][0].isupper()


@pytest.mark.parametrize(
    "text",
    [
        "U.S. Defense Secretary Mark Esper said on Thursday there were indications.",
        "The Pentagon (DoD) — a huge building — is in Virginia.",  # mixed case, unknown "agency"
        "NATO said on Friday it would send more troops.",
        "Iran has rejected the accusation.",
        "BREAKING — Parliament has been dissolved.",
        "EXCLUSIVE (Reuters) - Officials said.",
    ],
)
def test_not_datelines(text):
    assert parse_dateline(text) is None


@pytest.mark.parametrize(
    "caption",
    [
        "A protester waves a flag in Beirut, Lebanon, October 19, 2019. REUTERS/Mohamed Azakir",
        "Soldiers patrol the border. REUTERS/Jane Doe/File Photo",
        "Smoke rises over the city. AFP/Getty Images",
        "Demonstrators march in Santiago (Photo: Juan Perez/AP)",
        "Photo by Maria Lopez for The Example Times",
        "File photo of the parliament building in Kyiv",
        "Police clear the square. (AP Photo/Hadi Mizban)",
        "Delegates shake hands in Doha, Qatar, May 2, 2024. AP Photo/Omar Haddad",
    ],
)
def test_caption_credits(caption):
    assert is_caption(caption)


def test_ordinary_paragraph_is_not_a_caption():
    assert not is_caption(LEAD)
    assert not is_caption("The vote was 52 to 48.")


@pytest.mark.parametrize(
    "line, name",
    [
        ("By Jane Doe", "Jane Doe"),
        ("BY Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("By Ahmed al-Masri, Reuters", "Ahmed al-Masri"),
        ("Idrees Ali", "Idrees Ali"),
        ("Maria de la Cruz", "Maria de la Cruz"),
        ("J. R. Smith", "J. R. Smith"),
    ],
)
def test_byline_forms(line, name):
    assert parse_byline(line) == name


@pytest.mark.parametrize("line", ["WASHINGTON", "The talks collapsed.", "Updated 12 March 2024", "a b"])
def test_not_bylines(line):
    assert parse_byline(line) is None


def test_invented_wire_story_is_taken_apart():
    text = (
        "Rebels seize second town in push toward capital\n\n"
        "Fighters ride through the streets of Kidal, Mali, May 21, 2024. AFP/Hamid Traore\n\n"
        "By Jane Doe\n"
        "Share this article\n\n"
        "BAMAKO, May 23 (AFP) - Rebels seized a second town in northern Mali on Thursday, "
        "residents said, as the army pulled back toward the capital.\n\n"
        "Sign up for our Africa newsletter\n\n"
        "The army said it had regrouped to protect civilians.\n\n"
        "Leave a Reply\nPlease enter your name here\n"
    )
    cleaned = clean(text)
    assert cleaned.title == "Rebels seize second town in push toward capital"
    assert cleaned.byline == "Jane Doe"
    assert (cleaned.dateline, cleaned.agency, cleaned.dateline_date) == ("BAMAKO", "AFP", "May 23")
    assert cleaned.captions == ["Fighters ride through the streets of Kidal, Mali, May 21, 2024. AFP/Hamid Traore"]
    assert cleaned.text == (
        "Rebels seized a second town in northern Mali on Thursday, residents said, as the army "
        "pulled back toward the capital.\n\nThe army said it had regrouped to protect civilians."
    )
    assert "Sign up for our Africa newsletter" in cleaned.boilerplate


@pytest.mark.parametrize(
    "line, iso",
    [
        ("Monday, April 7, 2025", "2025-04-07"),
        ("Posted on 2025-04-11", "2025-04-11"),
        ("28.04.2025", "2025-04-28"),
        ("Published: 3 March 2024 10:22 GMT", "2024-03-03"),
        ("Updated Sept. 9, 2021 at 4.30 p.m. ET", "2021-09-09"),
        ("The vote was held on March 3, 2024.", None),
        ("Talks resume 3 March 2024 in Geneva", None),
    ],
)
def test_date_stamp_lines(line, iso):
    assert parse_date_stamp(line) == iso


def test_page_furniture_above_the_lead_does_not_hide_the_dateline():
    text = (
        "Army retakes border town\n\n"
        "The Example Herald | World | AFP\n\n"
        "Tuesday, 14 May 2024\n\n"
        "Listen to this article\n\n"
        "GAO, Mali (AFP) - The army said on Tuesday it had retaken the town after two days of fighting.\n"
    )
    article = clean_text(text)
    assert article.title == "Army retakes border town"
    assert (article.dateline, article.agency) == ("GAO, Mali", "AFP")
    assert (article.published, article.date_source) == ("2024-05-14", "dateline")
    assert article.text == "The army said on Tuesday it had retaken the town after two days of fighting."


def test_dateline_on_its_own_line_and_no_headline_when_lead_comes_first():
    text = "BAGHDAD —\n\nRockets struck the Green Zone overnight, the military said.\n"
    cleaned = clean(text)
    assert cleaned.title is None
    assert cleaned.dateline == "BAGHDAD"
    assert cleaned.text == "Rockets struck the Green Zone overnight, the military said."


def test_hard_wrapped_prose_is_joined_into_paragraphs():
    text = (
        "The council met on Monday to discuss the crisis in the region and\n"
        "agreed that humanitarian access had to be restored without delay,\n"
        "diplomats said.\n\n"
        "A second meeting is planned.\n"
    )
    cleaned = clean(text, headline=False)
    assert cleaned.text.split("\n\n")[0].startswith("The council met on Monday to discuss the crisis in the region and agreed")
    assert len(cleaned.text.split("\n\n")) == 2


def test_rules_come_from_data():
    rules = load_rules(
        {
            "boilerplate": {"max_words": 5, "keywords": ["podcast"], "line_patterns": ["listen now"]},
            "captions": {"max_words": 10, "credit_patterns": ["Bild:"]},
            "byline": {
                "by_pattern": r"^Von (?P<name>.+)$",
                "name_token": "[A-Z][a-z]+",
                "name_particles": [],
                "search_paragraphs": 3,
            },
            "dateline": {"agencies": [], "search_paragraphs": 1, "pattern": r"^(?P<place>[A-Z]+)(?P<date>)?(?P<region>)?(?P<agency>)?\s*(?P<dash>-)\s+"},
        }
    )
    assert is_boilerplate("Our podcast", rules)
    assert is_boilerplate("Listen now", rules)
    assert not is_boilerplate("Subscribe", rules)
    assert is_caption("Bild: Max Muster", rules)


def test_seed_article(seed_path):
    article = clean_text(seed_path.read_text(encoding="utf-8"), source=str(seed_path))
    assert article.title == "U.S. sees signs Iran or proxies may be planning more attacks: Pentagon chief"
    assert article.byline == "Idrees Ali"
    assert article.dateline == "WASHINGTON"
    assert article.agency == "Reuters"
    assert len(article.captions) == 1 and article.captions[0].endswith("REUTERS/Tom Brenner")
    assert "REUTERS/Tom Brenner" not in article.text
    for line in ("Subcribe to The Jewish Link Eblast", "Please enter your comment!", "Please enter your name here"):
        assert line not in article.text
    assert article.published == "2020-01-02"
    assert article.date_source == "relative-weekday"
    assert article.text.startswith("U.S. Defense Secretary Mark Esper said on Thursday")
    assert "WASHINGTON" not in article.text[:40]
    assert "\n\n" in article.text and "\n\n\n" not in article.text


def test_seed_through_ingest(seed_path):
    from flashpoint.readers import ingest

    (article,) = list(ingest([str(shared_path("seed", seed_path.name))]))
    assert article.input_kind == "txt"
    assert article.language == "en"
    assert article.source == str(seed_path)
    assert article.title.startswith("U.S. sees signs Iran")
    assert article.published == "2020-01-02"

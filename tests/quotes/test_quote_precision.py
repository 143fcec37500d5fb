"""Things in quotation marks or after speech verbs that are no quotation (issue 5), one rule a
test, on invented texts with the real spaCy pipeline."""

from __future__ import annotations

from flashpoint.quotes.cues import load_cues
from flashpoint.records import Article


def quotes_of(pipeline, text: str):
    return pipeline.code_doc(Article(id="t", text=text))._.quotes


def texts(quotes, kind: str | None = None) -> list[str]:
    return [q.text for q in quotes if kind is None or q.kind == kind]


def test_caption_paragraph_with_photo_credit_holds_no_quote(pipeline):
    text = (
        "Mayor Tom Reyes said on Tuesday that the bridge would reopen in May.\n\n"
        "Mayor Tom Reyes said the repairs were on schedule. (Jane Doe/City Herald)\n\n"
        '"We are on schedule," Reyes told reporters.'
    )
    quotes = quotes_of(pipeline, text)
    caption = text.index("Mayor Tom Reyes said the repairs")
    caption_end = text.index("\n", caption)
    assert not [q for q in quotes if caption <= q.span[0] < caption_end]
    # the reporting around the caption is still found
    assert any("bridge would reopen" in q.text for q in quotes)
    assert '"We are on schedule,"' in texts(quotes, "direct")


def test_caption_credits_in_cue_data():
    cues = load_cues()
    assert cues.is_caption("Coach Ann Lee, left, said the team was thrilled. Bo Park/THE DAILY STAR.")
    assert cues.is_caption("The minister speaks in Ottawa. ( J. Smith / AP ).")
    assert not cues.is_caption("The minister said the budget would be balanced.")


def test_link_teaser_line_is_not_reporting(pipeline):
    text = (
        "READ MORE: Council says the budget will be balanced by 2030\n\n"
        "The treasurer Mia Holt said the city would borrow less next year."
    )
    quotes = quotes_of(pipeline, text)
    assert not [q for q in quotes if q.span[0] < text.index("\n")]
    assert any("borrow less" in q.text for q in quotes)
    assert load_cues().is_teaser("WATCH: Minister says talks will resume")
    assert not load_cues().is_teaser("Watchdogs said: the talks will resume")


def test_negated_speech_verb_reports_nothing(pipeline):
    text = "Governor Ellen Park has not said she would sign the bill if it reaches her desk."
    assert quotes_of(pipeline, text) == []


def test_negated_naming_verb_attributes_no_partial_quote(pipeline):
    text = 'The judge did not call the company\'s conduct "reckless" in her ruling on Monday.'
    assert texts(quotes_of(pipeline, text), "partial") == []


def test_label_after_what_someone_calls_is_not_a_quote(pipeline):
    text = 'The reform ended what the opposition calls "a tax on work" across the province.'
    assert texts(quotes_of(pipeline, text), "partial") == []


def test_title_case_programme_name_with_a_verb_is_a_title(pipeline):
    text = '"We will not wait," Senator Ruth Adler said on CBC\'s "Face the Facts."'
    quotes = quotes_of(pipeline, text)
    assert texts(quotes) == ['"We will not wait,"']


def test_partial_quote_inside_the_speakers_own_phrase_is_a_term(pipeline):
    text = (
        'Critics of what is known as the "green levy" argue it will raise prices for '
        "families in rural areas."
    )
    quotes = quotes_of(pipeline, text)
    assert '"green levy"' not in texts(quotes)


def test_investigation_is_a_source_of_facts_not_a_speaker(pipeline):
    text = "According to a police investigation, the driver was speeding when the bus crashed."
    assert quotes_of(pipeline, text) == []


def test_reported_clause_starts_right_after_the_cue_and_its_date(pipeline):
    # The parser tends to hang a long subject on "said" as its object or date modifier; the
    # reported clause still starts right after the cue (and its date).
    text = (
        "But Ms. Irene Kova said smaller farms that rely on seasonal workers — especially those "
        "near the border — are likely to suffer most."
    )
    quotes = quotes_of(pipeline, text)
    indirect = [q for q in quotes if q.kind == "indirect"]
    assert len(indirect) == 1
    assert indirect[0].text.startswith("smaller farms")
    assert indirect[0].text.endswith("suffer most")


def test_title_case_line_with_a_subject_is_still_speech(pipeline):
    # only imperative title-case phrases are titles; "We Shall Win" has a subject
    text = 'The crowd roared as the captain Nora Lind shouted "We Shall Win Tonight."'
    quotes = quotes_of(pipeline, text)
    assert '"We Shall Win Tonight."' in texts(quotes)

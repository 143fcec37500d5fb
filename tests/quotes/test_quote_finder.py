"""The quotes component on invented texts, one construction per test (real spaCy pipeline)."""

from __future__ import annotations

import pytest

from flashpoint.quotes.cues import load_cues
from flashpoint.records import Article


def quotes_of(pipeline, text: str):
    doc = pipeline.code_doc(Article(id="t", text=text))
    return doc, doc._.quotes


def only(quotes, kind: str):
    return [q for q in quotes if q.kind == kind]


def speaker(q) -> str | None:
    return q.speaker["name"] if q.speaker else None


def bare(name: str | None) -> str | None:
    """A group speaker's name without its article: the actors stage may drop "the"."""
    return name.lower().removeprefix("the ") if name else None


def test_spans_index_the_text(pipeline):
    text = 'Mayor Anna Kowalski said the bridge would reopen in May. "We are on schedule," Kowalski said.'
    doc, quotes = quotes_of(pipeline, text)
    assert quotes
    for q in quotes:
        assert text[q.span[0] : q.span[1]] == q.text
        assert q.kind in ("direct", "partial", "indirect")


def test_direct_quote_after_attribution_with_colon(pipeline):
    text = 'Health Minister Ruth Okafor said on Monday: "The clinics will stay open all winter."'
    _, quotes = quotes_of(pipeline, text)
    direct = only(quotes, "direct")
    assert len(direct) == 1
    assert direct[0].text == '"The clinics will stay open all winter."'
    assert speaker(direct[0]) == "Ruth Okafor"
    assert direct[0].cue == "said"


def test_surname_expands_to_the_full_name(pipeline):
    text = (
        "Fisheries Minister Paul Lindqvist visited the harbour on Friday.\n\n"
        "“The quotas will be cut by a third next year,” Lindqvist told reporters."
    )
    _, quotes = quotes_of(pipeline, text)
    direct = only(quotes, "direct")
    assert len(direct) == 1
    assert speaker(direct[0]) == "Paul Lindqvist"
    assert direct[0].cue == "told"


def test_inverted_attribution(pipeline):
    text = '"Nobody expected the vote to pass," said Senator Maria Duarte.'
    _, quotes = quotes_of(pipeline, text)
    assert [speaker(q) for q in only(quotes, "direct")] == ["Maria Duarte"]


def test_attribution_in_the_middle_gives_both_parts_one_speaker(pipeline):
    text = (
        "“We did not start this fight,” General Tomas Berg said, “but we are ready to end it "
        "if we have to.”"
    )
    _, quotes = quotes_of(pipeline, text)
    direct = only(quotes, "direct")
    assert len(direct) == 2
    assert {speaker(q) for q in direct} == {"Tomas Berg"}


def test_quote_over_several_sentences(pipeline):
    text = (
        "“The talks failed. Nobody came to the table. We will try again in March,” the union "
        "leader Jana Novak said."
    )
    _, quotes = quotes_of(pipeline, text)
    direct = only(quotes, "direct")
    assert len(direct) == 1
    assert direct[0].text.startswith("“The talks failed.")
    assert direct[0].text.endswith("March,”")
    assert speaker(direct[0]) == "Jana Novak"


def test_multi_paragraph_quote_is_one_quote(pipeline):
    text = (
        "Governor Elena Ruiz spoke to the assembly on Tuesday.\n\n"
        "“We have cut taxes for three years in a row.\n\n"
        "“And we will keep cutting them until the budget allows no more,” Ruiz said."
    )
    _, quotes = quotes_of(pipeline, text)
    direct = only(quotes, "direct")
    assert len(direct) == 1
    assert direct[0].text.startswith("“We have cut taxes")
    assert direct[0].text.endswith("no more,”")
    assert speaker(direct[0]) == "Elena Ruiz"


def test_pronoun_speaker_is_the_person_named_before(pipeline):
    text = (
        "Finance Minister Karl Brandt presented the budget on Wednesday.\n\n"
        "“This is a budget for families,” he said."
    )
    _, quotes = quotes_of(pipeline, text)
    assert [speaker(q) for q in only(quotes, "direct")] == ["Karl Brandt"]


def test_floating_quote_takes_the_previous_speaker(pipeline):
    text = (
        "“The river has never been this high,” Mayor Olga Petrova said on Sunday.\n\n"
        "“We are moving families out of the lowest streets tonight.”\n\n"
        "The rain is expected to stop on Tuesday."
    )
    _, quotes = quotes_of(pipeline, text)
    direct = only(quotes, "direct")
    assert len(direct) == 2
    assert direct[1].cue is None
    assert speaker(direct[1]) == "Olga Petrova"


def test_floating_quote_after_a_sentence_naming_a_person(pipeline):
    text = (
        "Engineer Samuel Adeyemi inspected the dam for two days.\n\n"
        "“The cracks are old, but they are growing.”"
    )
    _, quotes = quotes_of(pipeline, text)
    direct = only(quotes, "direct")
    assert len(direct) == 1
    assert speaker(direct[0]) == "Samuel Adeyemi"


def test_partial_quote_inside_reported_speech(pipeline):
    text = (
        'Foreign Minister Lena Vogel warned on Monday that the "rules have changed" and that '
        "her country would respond."
    )
    _, quotes = quotes_of(pipeline, text)
    partial = only(quotes, "partial")
    assert len(partial) == 1
    assert partial[0].text == '"rules have changed"'
    assert speaker(partial[0]) == "Lena Vogel"


def test_partial_quote_under_a_participle_cue(pipeline):
    text = (
        "The ministry criticized the embassy in a statement, saying its staff showed "
        "“a shocking lack of respect” for local law."
    )
    _, quotes = quotes_of(pipeline, text)
    partial = only(quotes, "partial")
    assert len(partial) == 1
    assert bare(speaker(partial[0])) == "ministry"


def test_scare_quotes_are_not_quotations(pipeline):
    text = 'The so-called "peace dividend" never reached the villages in the north.'
    _, quotes = quotes_of(pipeline, text)
    assert quotes == []


def test_indirect_speech_with_that(pipeline):
    text = "Prime Minister Sofia Marin said that the government would raise pensions next year."
    _, quotes = quotes_of(pipeline, text)
    indirect = only(quotes, "indirect")
    assert len(indirect) == 1
    assert indirect[0].text == "that the government would raise pensions next year"
    assert speaker(indirect[0]) == "Sofia Marin"
    assert indirect[0].cue == "said"


def test_indirect_speech_without_that_and_inverted(pipeline):
    text = "The army will withdraw from the border by Friday, the defence ministry said."
    _, quotes = quotes_of(pipeline, text)
    indirect = only(quotes, "indirect")
    assert len(indirect) == 1
    assert indirect[0].text == "The army will withdraw from the border by Friday"
    assert bare(speaker(indirect[0])) in ("defence ministry", "ministry")


@pytest.mark.parametrize("verb", ["warned", "insisted", "argued", "told reporters"])
def test_indirect_speech_with_other_cue_verbs(pipeline, verb):
    text = f"Opposition leader Marta Kowal {verb} the new law would hurt small farmers."
    _, quotes = quotes_of(pipeline, text)
    indirect = only(quotes, "indirect")
    assert len(indirect) == 1
    assert indirect[0].text == "the new law would hurt small farmers"
    assert speaker(indirect[0]) == "Marta Kowal"


def test_according_to(pipeline):
    text = "Twelve soldiers were wounded in the attack, according to the regional governor."
    _, quotes = quotes_of(pipeline, text)
    indirect = only(quotes, "indirect")
    assert len(indirect) == 1
    assert indirect[0].text == "Twelve soldiers were wounded in the attack"
    assert bare(speaker(indirect[0])) in ("regional governor", "governor")
    assert indirect[0].cue == "according to"


def test_questions_are_not_reported_speech(pipeline):
    text = "The spokesman declined to say whether the talks would resume."
    _, quotes = quotes_of(pipeline, text)
    assert only(quotes, "indirect") == []


def test_direct_quote_is_not_also_reported_as_indirect(pipeline):
    text = 'Coach Ivan Horvat said "we played badly and we deserved to lose."'
    _, quotes = quotes_of(pipeline, text)
    assert [q.kind for q in quotes] == ["direct"]
    assert speaker(quotes[0]) == "Ivan Horvat"


def test_dash_signature_names_the_speaker(pipeline):
    text = "“Nobody listens to the farmers in this country.” ― Maria Gonzales\n\nMore voices below."
    _, quotes = quotes_of(pipeline, text)
    assert [speaker(q) for q in quotes] == ["Maria Gonzales"]


def test_cue_lexicon_is_data():
    cues = load_cues()
    assert {"say", "tell", "warn", "accuse", "insist", "argue"} <= cues.speech
    assert ("according", "to") in cues.according
    assert "he" in cues.person_pronouns

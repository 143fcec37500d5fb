"""Quotation-mark scanning on invented texts: marks, paragraphs, nesting, apostrophes."""

from __future__ import annotations

from flashpoint.quotes.marks import find_marked, paragraphs


def _texts(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_marked(text)]


def test_curly_and_straight_marks():
    text = 'She said “we will go,” and he said "we will stay."'
    assert _texts(text) == ["“we will go,”", '"we will stay."']


def test_nested_single_quotes_stay_inside_the_double_quote():
    text = "“They called it the ‘new way’ and meant it,” he said."
    found = find_marked(text)
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == "“They called it the ‘new way’ and meant it,”"


def test_apostrophes_are_not_quote_marks_in_single_quote_style():
    text = "The minister said 'we don't accept the Shi’ite parties' claims' on Monday."
    assert _texts(text)[0].startswith("'we don't accept the Shi’ite parties'")


def test_unclosed_paragraph_continues_into_the_next_one():
    text = (
        "“First paragraph of the speech.\n\n“Second paragraph ends here,” the mayor said.\n\nNext."
    )
    found = find_marked(text)
    assert len(found) == 1
    assert text[found[0].start : found[0].end].endswith("ends here,”")
    assert found[0].start == 0


def test_unclosed_quote_stops_at_paragraph_end_when_next_paragraph_is_narrative():
    text = "“A stray opening mark never closed.\n\nThe story goes on without quotes."
    found = find_marked(text)
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == "“A stray opening mark never closed."


def test_paragraph_breaks_with_dot_lines():
    text = "One.\n .\n Two.\n\nThree."
    assert [text[a:b] for a, b in paragraphs(text)] == ["One.", "Two.", "Three."]

"""Statements about another actor: criticism, praise and plain comments from reporting verbs."""

from __future__ import annotations

import pytest

import flashpoint


def _events(text: str):
    return [e for e in flashpoint.code_text(text, date="2005-02-01").events
            if e.rule.startswith("verb:statement")]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("The French foreign minister said the German government's plan was a dangerous mistake.", "111"),
        ("The French foreign minister said the German government had shown courageous leadership.", "051"),
        ("The French foreign minister said the German government would present its budget on Monday.", "010"),
    ],
)
def test_judgement_of_the_complement_decides_the_code(text, code):
    evs = _events(text)
    assert [e.code for e in evs] == [code], evs
    assert evs[0].source["country"] == "FRA" and evs[0].target["country"] == "DEU"
    assert "government" in evs[0].target["text"]


def test_a_reported_event_is_not_also_a_statement():
    text = "The French foreign minister said German troops attacked the convoy."
    assert _events(text) == []
    assert any(e.root in ("18", "19") for e in flashpoint.code_text(text).events)


def test_a_statement_about_oneself_or_nobody_is_not_coded():
    assert _events("The French foreign minister said he was tired.") == []
    assert _events("The French foreign minister said the weather was a disaster.") == []


def test_negated_judgement_is_not_criticism():
    evs = _events("The French foreign minister said the German government was not wrong.")
    assert [e.code for e in evs] == ["010"]

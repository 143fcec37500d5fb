"""Country names misspelt by one letter."""

from __future__ import annotations

from flashpoint.actors.misspelt import one_edit
from flashpoint.records import Article


def test_one_edit_is_an_insertion_a_deletion_or_a_swap_never_a_change():
    assert one_edit("Bangaldesh", "Bangladesh")  # swapped round
    assert one_edit("Camboddia", "Cambodia")  # inserted
    assert one_edit("Venezula", "Venezuela")  # dropped
    assert not one_edit("Gordon", "Jordan")  # a changed letter
    assert not one_edit("Canadas", "Canada")  # a plural
    assert not one_edit("Romani", "Omani")  # the first letter is kept


def _codes(pipeline, text: str) -> dict[str, str | None]:
    doc = pipeline.code_doc(Article(id="m", text=text, published="2010-01-01"))
    return {doc.text[s:e]: a.code for a in doc._.actors for s, e in a.mentions}


def test_a_misspelt_country_name_is_that_country(pipeline):
    found = _codes(pipeline, "The Indian government rejected a fresh offer from Bangaldesh for talks on the river.")
    assert found.get("Bangaldesh") == "BGD"


def test_a_persons_name_near_a_country_name_is_not_a_country(pipeline):
    found = _codes(pipeline, "Senator Cameron Hollis rejected the offer on Monday, and Cameron said the talks were over.")
    assert "CMR" not in found.values()

"""Import of PETRARCH/Phoenix dictionaries (the shared copies; skipped when absent)."""

from __future__ import annotations

from datetime import date

import pytest
from tests.conftest import shared_path

from flashpoint.actors.dictionary import load_dictionary, parse_code
from flashpoint.actors.terms import DatedCode


def test_parse_code_date_restrictions():
    assert parse_code("USAGOV") == DatedCode("USAGOV")
    assert parse_code("USAGOV >090120") == DatedCode("USAGOV", start="2009-01-20")
    assert parse_code("USAELI <010120") == DatedCode("USAELI", end="2001-01-20")
    assert parse_code("AFGGOV 011113-011222") == DatedCode("AFGGOV", start="2001-11-13", end="2001-12-22")
    assert parse_code("USAELI 19060101-410120") == DatedCode("USAELI", start="1906-01-01", end="1941-01-20")
    assert parse_code("---") is None
    assert parse_code("KORGOV 2004017-20061201") is None  # malformed date: ignored, not guessed


def test_written_dictionary_blocks(tmp_path):
    path = tmp_path / "tiny.actors.txt"
    path.write_text(
        "# comment\n"
        "JANE_ROE_  # a person\n"
        "+PRESIDENT_ROE\n"
        "\t[FRAGOV 100101-151231]\n"
        "\t[FRAELI]\n"
        "RED_LEAGUE_ [FRAREB]\n"
    )
    loaded = load_dictionary(str(path))
    roe = loaded.names["president roe"]
    assert roe.at("2012-06-01").code == "FRAGOV"
    assert roe.at("2018-06-01").code == "FRAELI"
    assert loaded.names["red league"].code == "FRAREB"


def test_written_agents_file(tmp_path):
    path = tmp_path / "tiny.agents.txt"
    path.write_text("!PERSON! = MAN, WOMAN\nFISHER!PERSON! [~AGR]\nARMED_POLICE {} [~COP]\n")
    loaded = load_dictionary(str(path))
    assert loaded.agents["fisherman"] == "AGR" and loaded.agents["fisherwoman"] == "AGR"
    assert loaded.agents["armed police"] == "COP"


@pytest.mark.parametrize("name", ["Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                                  "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt"])
def test_shared_dictionaries_load(name):
    loaded = load_dictionary(str(shared_path("dictionaries", name)))
    assert loaded.entries > 0
    assert loaded.names or loaded.agents


def test_head_of_state_code_changes_with_date():
    loaded = load_dictionary(str(shared_path("dictionaries", "Phoenix.Countries.actors.txt")))
    # Any entry holding a bounded USAGOV period: inside it the code is USAGOV, well after it not.
    dated = [t for t in loaded.names.values()
             if any(c.code == "USAGOV" and c.start and c.end for c in t.dated)]
    assert dated
    term = dated[0]
    period = next(c for c in term.dated if c.code == "USAGOV" and c.start and c.end)
    start, end = date.fromisoformat(period.start), date.fromisoformat(period.end)
    assert term.at((start + (end - start) / 2).isoformat()).code == "USAGOV"
    later = f"{int(period.end[:4]) + 3}{period.end[4:]}"
    assert term.at(later).code != "USAGOV"


@pytest.mark.slow
def test_pipeline_uses_dictionary_dates():
    from flashpoint.pipeline import build_pipeline
    from flashpoint.records import Article
    from flashpoint.settings import Settings

    path = str(shared_path("dictionaries", "Phoenix.Countries.actors.txt"))
    nlp = build_pipeline(Settings(dictionaries=(path,)))
    codes = []
    for published in ("2005-06-01", "1990-06-01"):
        doc = nlp.make_doc("Hamid Karzai met tribal elders on Monday.")
        doc._.article = Article(id="k", text=doc.text, published=published)
        with nlp.select_pipes(disable=["flashpoint_quotes", "flashpoint_events"]):
            doc = nlp(doc)
        codes.append({a.name.lower(): a.code for a in doc._.actors}.get("hamid karzai"))
    assert codes[0] == "AFGGOV"
    assert codes[1] != "AFGGOV"

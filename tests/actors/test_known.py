"""The shipped open-data actor knowledge (``flashpoint.actors.known``) and its build script."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from tests.conftest import ROOT, shared_path

from flashpoint.actors.known import KINDS, Candidate, article_spellings, load_known

KNOWN_DIR = ROOT / "src" / "flashpoint" / "actors" / "data" / "known"


def test_shipped_files_load_within_limits() -> None:
    known = load_known()
    assert set(known.kinds) == set(KINDS)
    sizes = [p.stat().st_size for p in KNOWN_DIR.glob("*.tsv.gz")]
    assert max(sizes) < 2_000_000 and sum(sizes) < 8_000_000
    licences = (KNOWN_DIR / "LICENSES.md").read_text(encoding="utf-8")
    for needle in ("CC0", "Party Facts", "UCDP", "GeoNames", "Open Event Data Alliance", "CC BY 4.0"):
        assert needle in licences
    assert sum(1 for _ in known.names_of_kind("person")) > 50_000
    assert "Conservatives" in set(known.names_of_kind("party"))


def test_head_of_government_in_and_out_of_office() -> None:
    known = load_known()
    blair = known.resolve("Tony Blair", "2005-03-01")
    assert (blair.country, blair.agent) == ("GBR", "GOV")
    after = known.resolve("Tony Blair", "2012-03-01")
    assert after.country == "GBR" and after.agent != "GOV"
    assert known.resolve("Barack Obama", "2013-06-01").code == "USAGOV"
    assert known.resolve("Barack Obama", "2019-06-01").agent != "GOV"


def test_reagan_1987_from_the_phoenix_dictionary() -> None:
    reagan = load_known().resolve("Ronald Reagan", "1987-05-01")
    assert reagan.code == "USAGOV" and reagan.source == "phoenix"
    assert load_known().resolve("Ronald Reagan", "1995-05-01").agent == "ELI"


def test_headline_spelling_and_surname_alone() -> None:
    known = load_known()
    assert known.resolve("RONALD REAGAN", "1987").code == "USAGOV"
    assert known.lookup("Reagan") == []  # a surname is never an entry by itself
    assert known.lookup("ronald reagan") == []  # case-sensitive as written


def test_the_arabic_article_in_any_spelling() -> None:
    known = load_known()
    # the sources write "Bashar al-Assad" (Wikidata) and "Al Assad" (Phoenix): text may use either
    for name in ("Bashar Al Assad", "Bashar al Assad", "Bashar el-Assad"):
        assert known.resolve(name, "2005-03-01").code == "SYRGOV", name
    assert article_spellings("Alan Smith") == [] and article_spellings("Elena Rossi") == []
    assert "Hamad bin Khalifa Al Thani" in article_spellings("Hamad bin Khalifa al-Thani")


def test_ambiguous_party_name_resolves_by_article_country() -> None:
    known = load_known()
    assert len({c.country for c in known.lookup("Labour")}) > 1
    assert known.resolve("Labour", "2012-05-01") is None
    labour = known.resolve("Labour", "2012-05-01", prefer_country="GBR")
    assert labour.code == "GBROPP"
    tories = known.resolve("Conservatives", "2012-05-01", prefer_country="GBR")
    assert tories.code == "GBRGOV"


def test_undated_ambiguous_name_needs_the_article_country() -> None:
    known = load_known()
    # Without a date the latest span must not decide the country ("Labour Party" is not NZL's).
    assert known.resolve("Labour Party", None) is None
    assert known.resolve("Labour Party", None, prefer_country="GBR").country == "GBR"
    assert known.resolve("Tony Blair", None).country == "GBR"  # one country: no need


def test_groups_regions_and_igo_people() -> None:
    known = load_known()
    assert known.resolve("FARC", "2005-01-01", prefer_country="COL").code == "COLREB"
    assert known.resolve("Al Anbar", None).country == "IRQ"
    assert known.resolve("Kofi Annan", "2003-01-01").code == "IGOUNO"
    assert known.lookup("IS") == []  # two-letter words never become actors


def test_candidate_validity() -> None:
    c = Candidate("GBR", "GOV", "1997-05-02", "2007-06-27", "person", "wikidata")
    assert c.valid_on("2000-01-01") and c.valid_on("2007") and c.valid_on(None)
    assert not c.valid_on("1997-05-01") and not c.valid_on("2008-01-01")
    assert Candidate("GBR", "ELI", None, None, "person", "wikidata").valid_on("1900-01-01")


def test_loading_reads_no_table_until_a_lookup() -> None:
    """Start-up stays cheap: load_known() only lists the files; a lookup reads its kinds."""
    known = load_known(str(resources.files("flashpoint.actors").joinpath("data", "known")))
    assert all(table._lines is None for table in known._tables.values())
    known.lookup("Tony Blair", kinds=("person",))
    assert known._tables["person"]._lines is not None
    assert known._tables["region"]._lines is None


@pytest.mark.slow
@pytest.mark.shared
def test_build_is_deterministic(tmp_path: Path) -> None:
    shared = shared_path("knowledge").parent
    shared_path("dictionaries", "Phoenix.Countries.actors.txt")
    outputs = []
    for run in ("a", "b"):
        out = tmp_path / run
        subprocess.run([sys.executable, str(ROOT / "tools" / "build_knowledge.py"),
                        "--shared", str(shared), "--out", str(out)], check=True,
                       capture_output=True)
        outputs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outputs[0] == outputs[1]
    assert outputs[0].keys() == {p.name for p in KNOWN_DIR.iterdir()}


def test_titled_surname_resolves_to_the_office_holder_of_the_date():
    import flashpoint

    coded = flashpoint.code_text("MOSCOW, March 3 - President Reagan ordered a review of embassy security, "
                                 "officials said. Reagan told reporters he was angry.", date="1987-03-03")
    reagan = [a for a in coded.actors if a.name.endswith("Reagan")]
    assert reagan and reagan[0].country == "USA" and reagan[0].country_source == "knowledge"
    # Without a date there is no office holder to find: the surname alone is not looked up.
    undated = flashpoint.code_text("President Reagan ordered a review of embassy security.")
    assert all(a.country_source != "knowledge" for a in undated.actors if a.name.endswith("Reagan"))

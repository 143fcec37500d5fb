"""The CAMEO ontology: complete, consistent with the published reference files, cached."""

from __future__ import annotations

import re

import pytest
from tests.conftest import shared_path

from flashpoint import ontology
from flashpoint.errors import KnowledgeError


def _reference(name: str) -> dict[str, str]:
    path = shared_path("ontology", name)
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    return {r[0].strip(): r[1].strip() for r in rows if r and r[0].strip()}


def test_twenty_roots_in_order():
    roots = ontology.roots()
    assert [r.code for r in roots] == [f"{n:02d}" for n in range(1, 21)]
    assert all(r.root == r.code for r in roots)


def test_codes_are_strings_of_two_to_four_digits_under_their_root():
    for c in ontology.all_codes():
        assert isinstance(c.code, str) and re.fullmatch(r"\d{2,4}", c.code)
        assert c.code.startswith(c.root)
        assert c.name


@pytest.mark.parametrize(
    "root,quad",
    [("01", 1), ("04", 1), ("05", 2), ("08", 2), ("09", 3), ("13", 3), ("14", 4), ("20", 4)],
)
def test_quad_class_by_root(root, quad):
    assert all(c.quad_class == quad for c in ontology.all_codes() if c.root == root)


def test_every_code_has_a_plover_type_from_the_known_set():
    types = set(ontology.plover_types())
    assert {"ASSAULT", "THREATEN", "PROTEST", "CONCEDE", "RETREAT", "REQUEST"} <= types
    for c in ontology.all_codes():
        assert c.plover in types, c


def test_plover_follows_the_most_specific_mapping():
    assert ontology.lookup("0841").plover == "RETREAT"  # listed under 08 RETREAT
    assert ontology.lookup("081").plover == "CONCEDE"
    assert ontology.lookup("163").plover == "COERCE"  # sanctions: COERCE in the 2021 table
    assert ontology.lookup("1712").plover == "ASSAULT"
    assert ontology.lookup("138").plover == "THREATEN"
    assert ontology.lookup("0231").plover == "REQUEST"  # flashpoint's supplement for 02


def test_normalise_plover_between_versions():
    assert ontology.normalise_plover("RETREAT", to="legacy") == "YIELD"
    assert ontology.normalise_plover("CONCEDE", to="legacy") == "YIELD"
    assert ontology.normalise_plover("ASSAULT", to="legacy") == "ASSAULT"
    assert ontology.normalise_plover("yield") == "CONCEDE"
    assert ontology.normalise_plover("DEMAND") == "REQUEST"
    assert ontology.normalise_plover(None) is None


def test_unknown_code_raises_knowledge_error():
    with pytest.raises(KnowledgeError, match="unknown CAMEO event code '999'"):
        ontology.lookup("999")
    with pytest.raises(KnowledgeError):
        ontology.lookup("0")
    assert ontology.lookup(" 138 ").code == "138"  # surrounding whitespace is forgiven


def test_lookup_is_cached():
    assert ontology.lookup("190") is ontology.lookup("190")


def test_count_matches_reference_file():
    reference = _reference("CAMEO.eventcodes.txt")
    assert len(ontology.all_codes()) == len(reference)
    assert {c.code for c in ontology.all_codes()} == set(reference)


def test_goldstein_matches_reference_file():
    reference = _reference("CAMEO.goldsteinscale.txt")
    for code in ("01", "013", "0211", "138", "145", "190", "20", "0874", "1823"):
        assert ontology.lookup(code).goldstein == pytest.approx(float(reference[code]))
    # and every one of them, not just a sample; a code the table leaves out (106) takes its
    # nearest listed ancestor's weight
    def listed(code: str) -> str:
        return next(reference[k] for k in (code, code[:3], code[:2]) if k in reference)

    mismatched = [c.code for c in ontology.all_codes() if c.goldstein != float(listed(c.code))]
    assert mismatched == []
    assert [c.code for c in ontology.all_codes() if c.code not in reference] == ["106"]


def test_names_hold_no_embedded_code_and_parents_exist():
    # The upstream list once ran 106 "Demand withdrawal" into the 1056 line
    # ("...engagement106:[-5.0] Demand withdrawal") and lost 106.
    codes = {c.code for c in ontology.all_codes()}
    for c in ontology.all_codes():
        assert not re.search(r"\d{2,4}:|\[-?\d", c.name), (c.code, c.name)
        if len(c.code) == 4:
            assert c.code[:3] in codes, f"{c.code} has no 3-digit parent"
        assert c.root in codes
    assert ontology.lookup("106").name == "Demand withdrawal"
    assert ontology.lookup("106").goldstein == -5.0 and ontology.lookup("106").plover == "REQUEST"
    assert ontology.lookup("1056").name == "Demand de-escalation of military engagement"

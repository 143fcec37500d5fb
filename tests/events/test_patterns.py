"""The pattern data file: loads, covers every CAMEO root, rejects bad entries."""

from __future__ import annotations

import pytest

from flashpoint.errors import KnowledgeError
from flashpoint.events.patterns import load_patterns, patterns
from flashpoint.ontology import lookup


def test_patterns_cover_all_twenty_roots():
    ps = patterns()
    roots = {lookup(p.code).root for group in (ps.verbs, ps.nouns) for ps_ in group.values() for p in ps_}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


def test_specific_codes_exist():
    ps = patterns()
    codes = {p.code for ps_ in ps.verbs.values() for p in ps_}
    for code in ("138", "145", "112", "111", "163", "173", "0841", "057", "153", "195"):
        assert code in codes


def test_intent_codes_by_prefix():
    ps = patterns()
    assert ps.intent_code("0841") == "035"
    assert ps.intent_code("195") == "138"
    assert ps.intent_code("111") is None


def test_unknown_code_is_rejected(tmp_path):
    bad = tmp_path / "p.yaml"
    bad.write_text('verbs:\n  - {id: x, lemma: [frob], code: "999"}\n', encoding="utf-8")
    with pytest.raises(KnowledgeError):
        load_patterns(bad)


def test_user_patterns_file(tmp_path):
    own = tmp_path / "p.yaml"
    own.write_text('verbs:\n  - {id: frob, lemma: [frobnicate], code: "173"}\n', encoding="utf-8")
    ps = load_patterns(own)
    assert ps.for_verb("frobnicate")[0].code == "173"


def _coded(text: str) -> list[tuple[str, str | None, str | None]]:
    import flashpoint

    return [(e.code, e.source.country if e.source else None, e.target.text if e.target else None)
            for e in flashpoint.code_text(text, date="2019-05-01").events if e.happened]


def test_keeping_a_protest_from_taking_place_or_breaking_it_up_represses_its_holders():
    assert ("1721", "TUR", "workers") in _coded(
        "Turkish police prevented the march organised by workers in Ankara.")
    assert ("175", "EGY", "students") in _coded(
        "Egyptian police broke up a demonstration by students outside the university.")
    # calling off one's own march is no repression
    assert not any(code.startswith("17") for code, _, _ in _coded("The Kenyan strikers stopped their march."))

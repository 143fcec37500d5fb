"""The article, GSR, CASE and GLOCON scorers on small hand-made gold rows and coded records."""

from __future__ import annotations

import json

import pytest

from flashpoint.errors import GoldFormatError
from flashpoint.evaluate.articles import score_articles
from flashpoint.evaluate.case import CaseRoots, case_roots, score_case
from flashpoint.evaluate.coding import country, is_placed
from flashpoint.evaluate.glocon import score_glocon
from flashpoint.evaluate.gsr import score_gsr
from flashpoint.evaluate.runner import detect_format, kind_of_row, summary_line
from flashpoint.records import ActorRef, Article, CodedArticle, Event


def side(code: str | None, country_: str | None = None) -> ActorRef | None:
    if code is None:
        return None
    return ActorRef(text=code, name=code, code=code, country=country_ or code[:3], agent=None)


def event(root: str, source: str | None, target: str | None, **kw) -> Event:
    return Event(
        id="e", code=root + "0", root=root, name="x", quad_class=1, goldstein=0.0, plover=None,
        source=side(source), target=side(target), sentence="", span=[0, 1], trigger="t", rule="r",
        confidence=0.5, **kw,
    )


def coded(*events: Event) -> CodedArticle:
    return CodedArticle(article=Article(id="a", text="text"), events=list(events))


def test_country_rules():
    assert country("GBRGOV") == "GBR"
    assert country("IGOUNO") == "IGO"
    assert country("SUN") == country("URSGOV") == "RUS"
    assert country(None) == country("") == "-"
    assert is_placed(side("USAGOV")) and is_placed(ActorRef(code="NGOAMN", country=None))
    assert not is_placed(ActorRef(code="GOV", country=None)) and not is_placed(None)


def test_articles_sets_and_micro_average():
    rows = [
        {"id": "1", "events": [
            {"sentence": "s", "source": "GBRGOV", "target": "FRAGOV", "code": "042"},
            {"sentence": "s", "source": "GBRLEG", "target": "FRA", "code": "043"},  # same triple
            {"sentence": "s", "source": "USAGOV", "target": None, "code": "112"},
        ]},
        {"id": "2", "events": [{"sentence": "s", "source": "SUNGOV", "target": "USA", "code": "0311"}]},
    ]
    predicted = [
        coded(event("04", "GBRGOV", "FRAMIL"), event("11", "USAGOV", "GBR"),
              event("19", "USAGOV", None, modality="planned"), event("19", "USA", None, negated=True)),
        coded(event("03", "RUSGOV", "USAGOV"), event("03", "RUS", "USA")),
    ]
    s = score_articles(rows, predicted)
    # gold sets {(04,GBR,FRA), (11,USA,-)} and {(03,RUS,USA)}; actual predictions
    # {(04,GBR,FRA), (11,USA,GBR)} and {(03,RUS,USA)}: 2 shared of 3 and 3
    assert s.views["triples"] == pytest.approx({"precision": 2 / 3, "recall": 2 / 3, "f1": 2 / 3})
    assert s.views["roots"]["recall"] == 1.0
    assert s.views["country_pairs"]["precision"] == pytest.approx(2 / 3)
    assert s.actual_events == 4 and s.gold_events == 4
    assert s.both_sides_placed == 1.0
    assert s.to_dict()["triples_f1"] == pytest.approx(2 / 3)


def test_articles_rejected_article_predicts_nothing():
    rows = [{"id": "1", "events": [{"sentence": "s", "source": None, "target": None, "code": "010"}]}]
    s = score_articles(rows, [None])
    assert s.rejected == 1 and s.views["triples"]["recall"] == 0.0 and s.both_sides_placed == 0.0


def test_gsr_right_sentence_needs_root_and_countries():
    rows = [
        {"id": "a", "events": [{"roots": ["03"], "source": ["USA", "JOR"], "target": []}]},
        {"id": "b", "events": [{"roots": ["11"], "source": ["ISR"], "target": ["PSE"]}]},
        {"id": "c", "events": [{"roots": ["19", "18"], "source": ["IGOUNO"], "target": ["SRB"]}]},
    ]
    predicted = [
        coded(event("03", "JORGOV", "USAGOV"), event("04", "USA", None)),
        coded(event("12", "ISRGOV", "PSE")),  # right dyad, wrong root
        coded(event("18", "IGOEUREU", "SRB"), event("18", "IGO", "SRB", modality="threatened")),
    ]
    s = score_gsr(rows, predicted)
    assert (s.right, s.dyad_right, s.actual_events) == (2, 3, 4)
    assert s.precision == pytest.approx(2 / 4) and s.recall == pytest.approx(2 / 3)
    assert s.dyad_recall == 1.0
    assert s.by_root["11"] == {"sentences": 1, "recall": 0.0}


def test_case_fitting_roots_and_false_violence():
    mapping = CaseRoots(
        roots={"ARMED_CLASH": frozenset({"19"}), "OTHER": frozenset()},
        disaster_labels=frozenset({"NATURAL_DISASTER"}),
        violent_roots=frozenset({"18", "19", "20"}),
    )
    rows = [{"label": "ARMED_CLASH"}, {"label": "ARMED_CLASH"}, {"label": "OTHER"},
            {"label": "NATURAL_DISASTER"}, {"label": "NATURAL_DISASTER"}, {"label": "NEW_LABEL"}]
    predicted = [coded(event("19", "SYR", "TUR")), coded(event("19", "SYR", None, negated=True)),
                 coded(event("19", "SYR", None)), coded(event("18", "IDN", None)), None, None]
    s = score_case(rows, predicted, mapping)
    assert (s.scored, s.found, s.recall) == (2, 1, 0.5)
    assert (s.disasters, s.false_violence, s.false_violence_rate) == (2, 1, 0.5)
    assert s.unmapped_labels == ["NEW_LABEL"] and s.rejected == 2
    assert s.by_label["NATURAL_DISASTER"] == {"snippets": 2, "false_violence": 0.5}


def test_shipped_case_roots_cover_the_readme_examples():
    roots = case_roots().roots
    assert roots["ARMED_CLASH"] == {"19"} and roots["PEACE_PROTEST"] == {"14"}
    assert roots["ARREST"] == {"17"} and roots["DIPLO"] == {"01", "02", "03", "04", "05"}
    assert roots["AGREEMENT"] == {"03", "05", "06", "07"}
    assert all(len(r) == 2 and 1 <= int(r) <= 20 for rs in roots.values() for r in rs)


def test_glocon_protest_detection():
    rows = [{"label": 1}, {"label": 2}, {"label": 0}, {"label": 0}]
    predicted = [coded(event("14", "USACVL", None)), coded(event("14", "FRA", None, modality="planned")),
                 coded(event("14", "DEU", None)), coded(event("01", "DEU", None))]
    s = score_glocon(rows, predicted)
    assert (s.protest_documents, s.predicted, s.true_positives) == (2, 2, 1)
    assert s.precision == 0.5 and s.recall == 0.5 and s.f1 == 0.5


@pytest.mark.parametrize(
    ("row", "kind"),
    [
        ({"text": "t", "events": [{"source": {}, "target": {}, "plover": "AID"}]}, "plover"),
        ({"text": "t", "title": "T", "events": [{"sentence": "t", "code": "010"}]}, "articles"),
        ({"text": "t", "title": "T", "date": None, "events": []}, "articles"),
        ({"text": "t", "events": [{"roots": ["03"], "source": [], "target": []}]}, "gsr"),
        ({"text": "t", "quotes": []}, "quotes"),
        ({"text": "t", "label": "ARREST"}, "case"),
        ({"text": "t", "label": 0}, "glocon"),
        ({"text": "t"}, None),
    ],
)
def test_kind_of_row(row, kind):
    assert kind_of_row(row) == kind


def test_detect_format_rejects_unknown_rows(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps({"text": "t", "label": 1}) + "\n")
    assert detect_format(path) == "glocon"
    path.write_text(json.dumps({"text": "t", "stuff": 1}) + "\n")
    with pytest.raises(GoldFormatError):
        detect_format(path)


def test_summary_line_is_compact():
    line = summary_line("glocon", {"kind": "glocon", "precision": 0.5, "recall": 0.25, "f1": 1 / 3})
    assert line.split() == ["glocon", "precision=0.500", "recall=0.250", "f1=0.333"]


def test_code_rows_codes_snippets_as_body_through_ingest(pipeline, tmp_path):
    from flashpoint.evaluate.coding import code_rows
    from flashpoint.evaluate.gsr import evaluate_gsr

    # One line with no final full stop: ingest alone would take it for a headline.
    row = {"id": "s1", "date": "2001-05-02", "text": "French police arrested two Spanish fishermen in Brest",
           "events": [{"roots": ["17"], "source": ["FRA"], "target": ["ESP"]}]}
    (as_article,) = code_rows([row], pipeline, headline=True)
    (as_snippet,) = code_rows([row], pipeline, headline=False)
    assert as_article is None
    assert as_snippet.article.text == row["text"] and as_snippet.article.published == "2001-05-02"
    path = tmp_path / "gsr.jsonl"
    path.write_text(json.dumps(row) + "\n")
    scores = evaluate_gsr(path, pipeline)
    assert scores.sentences == 1 and scores.rejected == 0

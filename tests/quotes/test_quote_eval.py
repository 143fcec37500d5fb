"""The quote scorer on hand-made gold rows and predictions (no model needed)."""

from __future__ import annotations

import json

from flashpoint.evaluate.quotes import (
    counted_predictions,
    coverage,
    evaluate_quotes,
    gold_pieces,
    same_speaker,
    score_article,
)
from flashpoint.records import Quote


def test_gold_pieces_accept_pairs_and_lists():
    assert gold_pieces([3, 9]) == [(3, 9)]
    assert gold_pieces([[3, 9], [12, 20]]) == [(3, 9), (12, 20)]
    assert gold_pieces([]) == []


def test_coverage_counts_gold_characters():
    assert coverage([0, 10], [(0, 10)]) == 1.0
    assert coverage([0, 5], [(0, 10)]) == 0.5
    assert coverage([0, 5], [(0, 5), (10, 15)]) == 0.5
    assert coverage([20, 30], [(0, 10)]) == 0.0


def test_same_speaker_by_surname_and_reference():
    assert same_speaker("Mark Esper", "Esper")
    assert same_speaker("Esper", "U.S. Defense Secretary Mark Esper")
    assert same_speaker("another source", "a source")
    assert not same_speaker("Mark Milley", "Esper")
    assert not same_speaker(None, "Esper")


def test_partial_quote_inside_a_prediction_is_folded():
    outer = Quote("that the 'game has changed'", "indirect", [0, 27])
    inner = Quote("'game has changed'", "partial", [9, 27])
    alone = Quote("'buzzsaw'", "partial", [40, 49])
    assert counted_predictions([outer, inner, alone]) == [outer, alone]


def test_score_article_precision_recall_and_speaker():
    row = {
        "id": "x",
        "text": "",
        "quotes": [
            {"span": [0, 10], "speaker": "he", "speaker_ref": "Mark Esper", "direct": True},
            {"span": [20, 40], "speaker": "Milley", "direct": False},
            {"span": [[50, 55], [60, 65]], "speaker": "", "direct": False},
        ],
    }
    preds = [
        Quote("a", "direct", [0, 10], {"name": "Mark Esper", "code": None}),
        Quote("b", "indirect", [18, 32], {"name": "Esper", "code": None}),  # covers 60%: match
        Quote("c", "indirect", [70, 80], None),  # nothing there: spurious
    ]
    result = score_article(row, preds)
    t = result.tally
    assert (t.gold, t.gold_matched, t.predicted, t.predicted_matched) == (3, 2, 3, 2)
    # the third gold has no speaker: only two are judged, one right
    assert (t.speaker_total, t.speaker_correct) == (2, 1)
    assert len(result.missed) == 1 and len(result.spurious) == 1


def test_bare_pronoun_gold_without_reference_is_not_judged():
    row = {"id": "y", "text": "", "quotes": [{"span": [0, 10], "speaker": "He", "direct": True}]}
    result = score_article(row, [Quote("a", "direct", [0, 10], {"name": "Mark Esper"})])
    assert result.tally.gold_matched == 1
    assert result.tally.speaker_total == 0


def test_evaluate_quotes_on_an_invented_gold_file(tmp_path, pipeline):
    text = (
        '"We will not close the mine," Governor Elena Ruiz said on Monday.\n\n'
        "The weather was mild all week.\n\n"
        "Union leader Tom Lee said the workers would strike in June."
    )
    direct = text[: text.index(" Governor")]
    indirect = "the workers would strike in June"
    weather = "The weather was mild all week"
    row = {
        "id": "a",
        "text": text,
        "quotes": [
            {"span": [0, len(direct)], "speaker": "Ruiz", "direct": True},
            {
                "span": [text.index(indirect), text.index(indirect) + len(indirect)],
                "speaker": "Lee",
                "direct": False,
            },
            # an annotation nobody could find from the text: it must count as missed
            {
                "span": [text.index(weather), text.index(weather) + len(weather)],
                "speaker": "Ruiz",
                "direct": False,
            },
        ],
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(row) + "\n", encoding="utf-8")
    scores = evaluate_quotes(gold, pipeline)
    assert scores["articles"] == 1
    assert scores["gold_quotes"] == 3
    assert scores["precision"] == 1.0
    assert abs(scores["recall"] - 2 / 3) < 1e-9
    assert scores["speaker_accuracy"] == 1.0
    assert scores["by_kind"]["direct"]["recall"] == 1.0
    assert scores["by_kind"]["indirect"]["recall"] == 0.5

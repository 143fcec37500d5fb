"""Word salad is not prose and gives no events (issue 16, item 14)."""

from __future__ import annotations

import json
import random

import pytest
from tests.conftest import SAMPLES, shared_path

from flashpoint.errors import InputError
from flashpoint.readers import ingest
from flashpoint.readers.prose import not_prose
from flashpoint.records import Article, Rejection

PROSE = ("Police in the capital fired tear gas at thousands of protesters who marched on "
         "parliament on Tuesday to demand the resignation of the prime minister, witnesses "
         "said. The interior ministry said 40 people were arrested. ") * 8


def salads(words: list[str], rng: random.Random) -> dict[str, str]:
    vocab = sorted({w.strip('.,"“”') for w in words if w.strip('.,"“”')})
    shuffled = words[:]
    rng.shuffle(shuffled)
    return {
        "random picks of the article's words": " ".join(rng.choice(words) for _ in range(10_000)),
        "the article's words shuffled": " ".join(shuffled),
        "dictionary words without punctuation": " ".join(rng.choice(vocab) for _ in range(10_000)),
        "content words only": " ".join(w for w in vocab if len(w) > 4)[:20_000],
    }


def test_word_salad_is_rejected_at_ingest_and_gives_no_events(tmp_path, seed_path):
    from flashpoint.job import run_ingest

    words = seed_path.read_text(encoding="utf-8").split()
    lines = [{"id": name, "text": text} for name, text in salads(words, random.Random(3)).items()]
    lines.append({"id": "prose", "text": PROSE})
    path = tmp_path / "salad.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    report = run_ingest([str(path)], tmp_path / "s.duckdb")
    assert report.ingested == 1 and report.balanced
    assert len(report.rejected) == 4
    assert all(r["reason"].startswith("not prose: ") for r in report.rejected), report.rejected
    assert report.events > 0  # the real article still gives its events


def test_code_text_refuses_word_salad(seed_path):
    import flashpoint

    salad = salads(seed_path.read_text(encoding="utf-8").split(), random.Random(5))
    with pytest.raises(InputError, match="not prose"):
        flashpoint.code_text(salad["random picks of the article's words"])
    assert flashpoint.code_text(PROSE).events


def test_no_sample_article_is_taken_for_salad():
    outcomes = list(ingest([str(SAMPLES)]))
    assert not [o for o in outcomes if isinstance(o, Rejection) and o.reason.startswith("not prose")]
    assert sum(isinstance(o, Article) for o in outcomes) >= 15


@pytest.mark.shared
def test_no_news_article_of_the_shared_corpora_is_taken_for_salad():
    flagged, seen = [], 0
    for name in ("bbc.jsonl", "polnear_train.jsonl", "reuters21578_political.jsonl"):
        with open(shared_path("corpora", name), encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line)["text"]
                seen += 1
                if not_prose(text):
                    flagged.append(text[:80])
    assert seen > 3000 and flagged == []

"""Property-based fuzzing of ``flashpoint.code_text`` and the readers (issue 16, item 13).

Mutations of a real article (inserted characters of every kind, lone surrogates included,
deleted and swapped spans) under any publication date from year 1 to 9999 must come out coded,
or refused with an :class:`~flashpoint.errors.InputError` naming the reason; arbitrary bytes
under every input kind must come out as outcomes, never as an exception. Bounded: a fixed
number of examples, no deadline per example, derandomized so CI runs the same cases.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import flashpoint
from flashpoint.errors import InputError
from flashpoint.readers import ingest
from flashpoint.records import Article, Duplicate, Rejection

SEED = ("BAGHDAD (Reuters) - Iran accused Iraq on Monday of attacking its border posts last week, "
        "and the Iraqi army said it had arrested 14 smugglers near Basra. \"We will respond,\" "
        "the Iranian foreign minister said on Tuesday. The United States condemned the attack "
        "and said it would send 750 troops to the region next month.")

FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])

# Lone surrogates (category Cs) are what a JSON escape like "\udc9a" gives; spaCy cannot encode them.
chars = st.one_of(st.characters(), st.characters(categories=["Cs"]),
                  st.sampled_from(list("[]/\\\"'\n\t\r\x00\u200b\ufeff\u202e.?!-—")))


@st.composite
def mutated(draw) -> str:
    text = SEED
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "swap"]))
        if kind == "insert":
            text = text[:at] + draw(st.text(chars, min_size=1, max_size=12)) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 30)):]
        else:
            other = draw(st.integers(0, len(text)))
            a, b = sorted((at, other))
            text = text[:a] + text[b:] + text[a:b]
    return text


@FUZZ
@given(text=mutated(), day=st.one_of(
    st.none(), st.sampled_from([date(1, 1, 1), date(1, 1, 3), date(9999, 12, 31)]),
    st.dates(date(1, 1, 1), date(9999, 12, 31))))
def test_code_text_codes_or_refuses_with_a_reason(pipeline, text, day):
    try:
        record = flashpoint.code_text(text, date=day.isoformat() if day else None)
    except InputError as exc:
        assert exc.reason  # refused, with the reason said
        return
    body = record.article.text
    for event in record.events:
        start, end = event.span
        assert 0 <= start <= end <= len(body)
    for quote in record.quotes:
        assert 0 <= quote.span[0] <= quote.span[1] <= len(body)
    assert record.to_dict()["article"]["text"] == body


EXTENSIONS = [".txt", ".html", ".xml", ".jsonl", ".json", ".warc", ".txt.gz", ".jsonl.gz", ""]


@FUZZ
@given(data=st.one_of(st.binary(max_size=2000),
                      st.text(chars, max_size=600).map(lambda t: t.encode("utf-8", "surrogatepass")),
                      mutated().map(lambda t: t.encode("utf-8", "surrogatepass"))),
       extension=st.sampled_from(EXTENSIONS))
def test_readers_turn_any_bytes_into_outcomes(data, extension):
    if extension.endswith(".gz"):
        import gzip

        data = gzip.compress(data)[: max(10, len(data))]  # sometimes cut short
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "input" + extension)
        with open(path, "wb") as fh:
            fh.write(data)
        outcomes = list(ingest([path]))
    assert outcomes, "every input is accounted for"
    for outcome in outcomes:
        assert isinstance(outcome, Article | Duplicate | Rejection)
        if isinstance(outcome, Rejection):
            assert outcome.reason

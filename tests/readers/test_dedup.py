"""Exact and near-duplicate detection, seeding from stored articles."""

from __future__ import annotations

from flashpoint.readers.dedup import Deduplicator, fingerprint
from flashpoint.settings import Settings

STORY = (
    "Government forces and rebels agreed to a ceasefire on Saturday after three days of fighting "
    "around the northern city, mediators said. The truce will be monitored by observers from the "
    "regional bloc, who are expected to arrive next week. Aid agencies said thousands of families "
    "had fled the fighting and needed food, water and shelter. The rebels said they would withdraw "
    "from two villages they had captured, while the army said it would halt air strikes. Talks on "
    "a lasting settlement are due to resume in the capital at the end of the month."
)


def test_exact_duplicate_ignores_case_spacing_and_punctuation():
    assert fingerprint(STORY) == fingerprint("  " + STORY.upper().replace(",", " ") + "\n")
    dedup = Deduplicator(Settings())
    assert dedup.check("a", STORY) is None
    match = dedup.check("b", STORY.replace(". ", ".\n\n"))
    assert (match.duplicate_of, match.kind, match.similarity) == ("a", "exact", 1.0)


def test_near_duplicate_with_other_boilerplate():
    dedup = Deduplicator(Settings())
    assert dedup.check("wire", STORY) is None
    republished = STORY + " Sign up for our newsletter to get the latest updates."
    match = dedup.check("site", republished)
    assert match is not None and match.kind == "near" and match.duplicate_of == "wire"
    assert 0.8 <= match.similarity < 1.0


def test_different_story_is_not_a_duplicate():
    dedup = Deduplicator(Settings())
    dedup.check("a", STORY)
    other = (
        "The central bank raised its main interest rate by half a point on Tuesday, citing inflation "
        "that has stayed above its target for more than a year, and signalled further increases."
    )
    assert dedup.check("b", other) is None
    assert len(dedup) == 2


def test_threshold_comes_from_settings():
    edited = STORY.replace("Saturday", "Sunday").replace("northern", "southern").replace("next week", "soon")
    strict = Deduplicator(Settings(near_duplicate_threshold=0.99))
    strict.check("a", STORY)
    assert strict.check("b", edited) is None
    loose = Deduplicator(Settings(near_duplicate_threshold=0.5))
    loose.check("a", STORY)
    assert loose.check("b", edited).kind == "near"


def test_seeded_articles_count_as_seen():
    dedup = Deduplicator(Settings())
    assert dedup.seed([("stored-1", STORY), ("stored-2", "A different short text about elections.")]) == 2
    match = dedup.check("new", STORY)
    assert match.duplicate_of == "stored-1"

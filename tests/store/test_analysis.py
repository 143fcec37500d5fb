"""Analysis over a real in-memory DuckDB store: dyad series, top dyads, network, fusion, alerts."""

from __future__ import annotations

import math
from datetime import date, timedelta

import pandas as pd
import pytest
from tests.store import synthetic as syn  # noqa: E402

from flashpoint.records import Location
from flashpoint.settings import Settings
from flashpoint.store import Database, Store, derived, queries


@pytest.fixture
def make_db():
    stores = []

    def make(articles, refresh: bool = True) -> Database:
        store = Store(":memory:")
        stores.append(store)
        store.write(articles)
        if refresh:
            store.finish_run()
        return Database(store.conn)

    yield make
    for s in stores:
        s.close()


def dyad_articles():
    e = syn.event
    return [
        syn.article("d1", [e("d1-0", "190", "USA", "IRN", date="2020-01-06"),
                           e("d1-1", "112", "USA", "IRN", date="2020-01-07"),
                           e("d1-2", "195", "USA", "IRN", date="2020-01-08", negated=True),
                           e("d1-3", "195", "USA", "IRN", date="2020-01-08",
                             modality="hypothetical")]),
        syn.article("d2", [e("d2-0", "036", "IRN", "USA", date="2020-01-20"),
                           e("d2-1", "042", "IRQ", "IRN", date="2020-01-20")]),
    ]


def test_dyad_series_counts_only_what_happened_and_fills_gaps(make_db):
    db = make_db(dyad_articles())
    weekly = db.dyad("USA", "IRN", freq="week")
    assert [p.date().isoformat() for p in weekly["period"]] == [
        "2020-01-06", "2020-01-13", "2020-01-20"]
    assert list(weekly["events"]) == [2, 0, 1]
    assert list(weekly["q4"]) == [1, 0, 0]
    assert list(weekly["q1"]) == [0, 0, 1]
    assert list(weekly["goldstein_sum"]) == [-12.0, 0.0, 4.0]
    assert weekly["goldstein_mean"][0] == -6.0 and math.isnan(weekly["goldstein_mean"][1])

    directed = db.dyad("USA", "IRN", freq="week", directed=True)
    assert list(directed["events"]) == [2]
    daily = db.dyad("USA", "IRN", freq="day")
    assert len(daily) == 15 and daily["events"].sum() == 3
    assert db.dyad("USA", "CHN").empty
    with pytest.raises(ValueError):
        db.dyad("USA", "IRN", freq="month")


def test_top_dyads_actors_and_network(make_db):
    db = make_db(dyad_articles())
    top = db.top_dyads()
    assert list(zip(top["source"], top["target"], top["events"], strict=True)) == [
        ("USA", "IRN", 2), ("IRN", "USA", 1), ("IRQ", "IRN", 1)]
    actors = db.top_actors()
    assert actors.set_index("actor").loc["IRN", "events"] == 4  # 1 as source, 3 as target
    nodes, edges = db.network()
    assert set(nodes["actor"]) == {"USA", "IRN", "IRQ"}
    assert nodes.set_index("actor").loc["IRN", "in_weight"] == 3
    assert edges["weight"].sum() == 4


def fusion_articles():
    e = syn.event
    baghdad = Location(name="Baghdad", country="IRQ", lat=33.31, lon=44.36)
    near = Location(name="Baghdad airport", country="IRQ", lat=33.26, lon=44.23)
    mosul = Location(name="Mosul", country="IRQ", lat=36.34, lon=43.13)
    damascus = Location(name="Damascus", country="SYR", lat=33.51, lon=36.29)
    return [
        syn.article("fa", [e("fa-0", "195", "USA", "IRQ", "2020-01-03", location=baghdad),
                           e("fa-1", "195", "USA", "IRQ", "2020-01-03")],
                    url="https://news-a.example/1"),
        syn.article("fb", [e("fb-0", "190", "USA", "IRQ", "2020-01-04", location=near)],
                    url="https://www.news-b.example/x"),
        syn.article("fc", [e("fc-0", "195", "USA", "IRQ", "2020-01-04")],
                    url="https://news-a.example/2"),
        syn.article("fd", [e("fd-0", "195", "USA", "IRQ", "2020-01-10")],
                    url="https://news-c.example/1"),
        syn.article("fe", [e("fe-0", "195", "USA", "IRQ", "2020-01-04", location=mosul)],
                    url="https://news-c.example/2"),
        syn.article("ff", [e("ff-0", "195", "USA", "IRQ", "2020-01-04", location=damascus)],
                    url="https://news-c.example/3"),
        syn.article("fg", [e("fg-0", "195", "USA", "IRQ", "2020-01-03", negated=True),
                           e("fg-1", "112", "USA", "IRQ", "2020-01-03")],
                    url="https://news-d.example/1"),
    ]


def test_fusion_groups_mentions_of_one_real_event(make_db):
    db = make_db(fusion_articles())
    fused = db.fused_events()
    by_member = {i: row for row in fused.itertuples() for i in row.event_ids}
    strike = by_member["fa-0"]
    assert sorted(strike.event_ids) == ["fa-0", "fa-1", "fb-0", "fc-0"]
    assert (strike.num_mentions, strike.num_articles, strike.num_sources) == (4, 3, 2)
    assert strike.code == "195" and strike.root == "19"
    assert strike.location_country == "IRQ"
    # Outside the window, far away, another country: separate events.
    for other in ("fd-0", "fe-0", "ff-0"):
        assert by_member[other].event_ids == [other]
    # A negated report is not an event that happened; another root is another event.
    assert "fg-0" not in by_member
    assert by_member["fg-1"].event_ids == ["fg-1"]
    members = db.query("SELECT count(*) AS n FROM fused_members")["n"][0]
    assert members == sum(len(x) for x in fused["event_ids"])


def test_fusion_window_comes_from_settings(make_db):
    db = make_db(fusion_articles())
    fused, _ = derived.fuse_events(db.conn, Settings(fusion_window_days=10))
    ids = next(x for x in fused["event_ids"] if "fa-0" in x)
    assert "fd-0" in ids and "fe-0" not in ids


def escalation_articles():
    e = syn.event
    start = date(2020, 1, 6)
    arts = []
    for week in range(6):  # six calm weeks of visits and talks between USA and IRN
        day = (start + timedelta(weeks=week)).isoformat()
        arts.append(syn.article(f"calm{week}", [e(f"calm{week}-0", "042", "USA", "IRN", day),
                                                e(f"calm{week}-1", "036", "USA", "IRN", day)]))
    crisis = (start + timedelta(weeks=6, days=2)).isoformat()
    arts.append(syn.article("crisis", [e(f"crisis-{i}", "190", "USA", "IRN", crisis)
                                       for i in range(4)]))
    for week in range(10):  # a steady, mixed dyad: no change, no alert
        day = (start + timedelta(weeks=week)).isoformat()
        arts.append(syn.article(f"steady{week}", [e(f"steady{week}-0", "190", "ISR", "PSE", day),
                                                  e(f"steady{week}-1", "042", "ISR", "PSE", day)]))
    # Material cooperation before the first attack: not a verbal-only history.
    arts.append(syn.article("mixed", [e("mixed-0", "042", "GBR", "RUS", "2020-01-06"),
                                      e("mixed-1", "042", "GBR", "RUS", "2020-01-07"),
                                      e("mixed-2", "042", "GBR", "RUS", "2020-01-08"),
                                      e("mixed-3", "070", "GBR", "RUS", "2020-01-09"),
                                      e("mixed-4", "190", "GBR", "RUS", "2020-01-20")]))
    return arts


def test_escalation_alerts_fire_with_their_evidence(make_db):
    db = make_db(escalation_articles())
    alerts = db.alert_list()
    by_rule = {a["rule"]: a for a in alerts if a["dyad"] == ["USA", "IRN"]}
    assert set(by_rule) == {"goldstein-drop", "first-material-conflict", "conflict-spike"}
    crisis_ids = [f"crisis-{i}" for i in range(4)]
    drop = by_rule["goldstein-drop"]
    assert drop["date"] == "2020-02-17"  # the Monday of the crisis week
    assert sorted(drop["events"]) == crisis_ids
    assert drop["score"] >= 2.0 and "below its trailing baseline" in drop["explanation"]
    first = by_rule["first-material-conflict"]
    assert first["date"] == "2020-02-19" and first["score"] == 12.0
    assert sorted(first["events"]) == crisis_ids
    assert sorted(by_rule["conflict-spike"]["events"]) == crisis_ids
    # The steady dyad and the dyad with material cooperation before raise nothing.
    assert {tuple(a["dyad"]) for a in alerts} == {("USA", "IRN")}
    frame = db.alerts()
    assert list(frame.columns) == ["dyad", "date", "rule", "score", "explanation", "events"]
    assert len(frame) == 3


def test_alert_thresholds_are_parameters(make_db):
    db = make_db(escalation_articles())
    strict = derived.AlertRules(drop_sd=100.0, spike_sd=100.0, min_verbal=50)
    assert db.alert_list(strict) == []


def test_stale_database_computes_derived_results_on_the_fly(make_db):
    fresh = make_db(escalation_articles())
    stale = make_db(escalation_articles(), refresh=False)
    assert stale.stale and not fresh.stale
    assert stale.alert_list() == fresh.alert_list()
    a = stale.fused_events().drop(columns=["event_ids"])
    b = fresh.fused_events().drop(columns=["event_ids"])
    assert a["fused_id"].tolist() == b["fused_id"].tolist()
    assert a["num_mentions"].tolist() == b["num_mentions"].tolist()


def test_events_filters_and_pagination(make_db):
    db = make_db(dyad_articles())
    assert set(db.events(source="USA")["id"]) == {"d1-0", "d1-1", "d1-2", "d1-3"}
    assert set(db.events(source="USA", happened=True)["id"]) == {"d1-0", "d1-1"}
    assert set(db.events(actor="IRQ")["id"]) == {"d2-1"}
    assert set(db.events(start="2020-01-08", end="2020-01-19")["id"]) == {"d1-2", "d1-3"}
    assert set(db.events(quad_class=4, happened=True)["id"]) == {"d1-0"}
    page1 = db.events(limit=2)["id"].tolist()
    page2 = db.events(limit=2, offset=2)["id"].tolist()
    assert len(page1) == 2 and not set(page1) & set(page2)
    assert db.event("d1-0")["code"] == "190"
    assert db.event("nope") is None


def test_top_dyads_from_the_weekly_aggregate_match_the_events(make_db):
    undated = syn.article("u1", [syn.event("u1-0", "112", "USA", "IRN")], published=None)
    db = make_db([*dyad_articles(), *escalation_articles(), undated])
    exact = queries.top_dyads(db.conn, n=None)
    fast = queries.top_dyads(db.conn, n=None, from_weekly=True)
    pd.testing.assert_frame_equal(exact, fast, check_dtype=False, rtol=1e-9)
    usa_irn = exact[(exact["source"] == "USA") & (exact["target"] == "IRN")].iloc[0]
    assert usa_irn["events"] == 2 + 12 + 4 + 1  # the undated event counts, it happened


def test_alerts_paginate_newest_first(make_db):
    db = make_db(escalation_articles())
    everything = db.alert_list()
    assert db.alert_list(limit=2) == everything[:2]
    assert len(db.alerts(limit=1)) == 1

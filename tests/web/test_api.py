"""The JSON API against a real DuckDB file: filters, pagination, errors, limits."""

from __future__ import annotations

import pytest

from flashpoint.store.listings import MAX_LIMIT


def test_overview_counts(client):
    body = client.get("/api/overview").json()
    assert body["counts"]["articles"] == 10
    assert body["counts"]["events"] == 26
    # threatened and negated events are stored but do not count as happened
    assert body["counts"]["events_happened"] == 24
    top = body["top_dyads"][0]
    assert {top["source"], top["target"]} == {"KGZ", "TJK"}


def test_events_pagination_is_stable_and_complete(client):
    first = client.get("/api/events", params={"limit": 10}).json()
    assert first["total"] == 26 and len(first["events"]) == 10
    seen = []
    for offset in range(0, first["total"], 10):
        page = client.get("/api/events", params={"limit": 10, "offset": offset}).json()
        seen += [e["id"] for e in page["events"]]
    assert len(seen) == len(set(seen)) == 26
    assert client.get("/api/events", params={"offset": 100}).json()["events"] == []


@pytest.mark.parametrize("params", [{"limit": MAX_LIMIT + 1}, {"limit": 0}, {"offset": -1}])
def test_events_limits_are_enforced(client, params):
    assert client.get("/api/events", params=params).status_code == 422


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"actor": "ELN"}, 2),
        ({"country": "COL"}, 2),
        ({"source": "TJK"}, 9),
        ({"dyad": "KGZ-TJK"}, 24),
        ({"dyad": "tjk-kgz"}, 24),  # either direction, case-insensitive
        ({"root": "19"}, 5),
        ({"code": "19"}, 5),
        ({"code": "1"}, 19),  # prefix
        ({"quad_class": 4}, 5),
        ({"modality": "threatened"}, 1),
        ({"happened": "false"}, 2),
        ({"start": "2025-04-14", "end": "2025-04-14"}, 5),
        ({"start": "2025-03-01", "end": "2025-03-09"}, 5),
        ({"q": "shelled"}, 3),
        ({"dyad": "KGZ-TJK", "quad_class": 4, "happened": "true"}, 3),
    ],
)
def test_event_filters(client, params, expected):
    body = client.get("/api/events", params=params).json()
    assert body["total"] == expected, body["filters"]
    assert len(body["events"]) == expected


@pytest.mark.parametrize(
    "params",
    [{"dyad": "KGZ"}, {"quad_class": 7}, {"start": "yesterday"}, {"modality": "rumoured"},
     {"root": "x1"}, {"start": "2025-05-01", "end": "2025-04-01"}],
)
def test_bad_filters_get_clear_422(client, params):
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_event_detail_has_evidence_and_fused_mentions(client):
    event = client.get("/api/events/kg-clash-e0").json()
    assert event["trigger"] == "shelled"
    assert "shelled" in event["sentence"]
    assert event["source"]["code"] == "TJK" and event["target_key"] == "KGZ"
    assert event["article_title"] == "Shelling on the border"
    # the second outlet's report of the same shelling is fused with it
    assert event["fused"]["num_articles"] == 2
    assert [m["id"] for m in event["fused_mentions"]] == ["kg-clash-2-e0"]


@pytest.mark.parametrize("url", ["/api/events/nope", "/api/articles/nope", "/api/nothing"])
def test_unknown_ids_are_404(client, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "detail" in response.json()


def test_article_detail(client):
    body = client.get("/api/articles/kg-clash").json()
    assert body["article"]["title"] == "Shelling on the border"
    assert len(body["events"]) == 4
    text = body["article"]["text"]
    for actor in body["actors"]:
        for start, end in actor["mentions"]:
            assert text[start:end] == actor["name"]


def test_articles_listing(client):
    body = client.get("/api/articles", params={"limit": 3}).json()
    assert body["total"] == 10 and len(body["articles"]) == 3
    assert "text" not in body["articles"][0]
    assert body["articles"][0]["published"] >= body["articles"][-1]["published"]
    assert client.get("/api/articles", params={"q": "ELN"}).json()["total"] == 1


def test_dyad_series_adds_up(client):
    body = client.get("/api/dyads/KGZ/TJK").json()
    assert body["dyad"] == ["KGZ", "TJK"]
    assert sum(p["events"] for p in body["series"]) == body["happened"] == 22
    assert sum(p["q4"] for p in body["series"]) == body["material_conflict"] == 3
    daily = client.get("/api/dyads/KGZ/TJK", params={"freq": "day"}).json()["series"]
    assert len(daily) > len(body["series"])
    assert client.get("/api/dyads/KGZ/TJK", params={"freq": "year"}).status_code == 422


def test_quotes_by_speaker_and_actor(client):
    by_speaker = client.get("/api/quotes", params={"speaker": "kazakbaev"}).json()
    assert by_speaker["total"] == 6
    assert by_speaker["quotes"][0]["text"] == "we will not back down"
    assert client.get("/api/quotes", params={"actor": "KGZ"}).json()["total"] == 6
    assert client.get("/api/quotes", params={"actor": "TJK"}).json()["total"] == 0


def test_alerts_listing(client):
    body = client.get("/api/alerts").json()
    assert isinstance(body["alerts"], list)
    for alert in body["alerts"]:
        assert len(alert["dyad"]) == 2 and alert["rule"] and alert["explanation"]


def test_openapi_documents_the_api(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in ["/api/articles", "/api/articles/{article_id}", "/api/events",
                 "/api/events/{event_id}", "/api/dyads/{a}/{b}", "/api/quotes", "/api/alerts",
                 "/api/code"]:
        assert path in paths


def test_code_rejects_large_bodies(client):
    response = client.post("/api/code", json={"text": "x" * 210_000})
    assert response.status_code == 413


@pytest.mark.parametrize(
    ("body", "field"),
    [({}, "text"), ({"text": "   "}, "text"), ({"text": "Hello.", "date": "soon"}, "date"),
     ({"text": 5}, "text")],
)
def test_code_validates_its_body(client, body, field):
    response = client.post("/api/code", json=body)
    assert response.status_code == 422
    assert any(p["field"] == field for p in response.json()["detail"])


@pytest.mark.slow
def test_code_returns_the_json_contract(client):
    text = ("BISHKEK (Reuters) - Kyrgyzstan accused Tajikistan on Monday of shelling border "
            "villages, and Tajik troops arrested 14 people near the frontier.")
    response = client.post("/api/code", json={"text": text, "date": "2025-03-03"})
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"article", "actors", "events", "quotes", "quantities"}
    assert body["article"]["published"] == "2025-03-03"
    assert "Kyrgyzstan accused Tajikistan" in body["article"]["text"]
    assert any(a["country"] == "KGZ" for a in body["actors"])


@pytest.mark.parametrize(
    "body",
    [{"text": "Iran accused Iraq of attacking its border posts last week, the ministry said on "
              "Monday.", "date": "0001-01-01"},
     {"text": "Iraq said it would close the border next week, officials said on Monday.",
      "date": "9999-12-31"},
     {"text": "Iran attacked Iraq on Monday \udc9a near Basra, the minister said."}],
)
def test_code_survives_inputs_that_used_to_crash_it(client, body):
    # Issue 16 item 2: these gave 500 (OverflowError / UnicodeEncodeError).
    import json

    response = client.post("/api/code", content=json.dumps(body),
                           headers={"Content-Type": "application/json"})
    if "\udc9a" in body["text"]:  # the JSON body itself is refused as not a unicode string
        assert response.status_code == 422, response.text
        assert response.json()["detail"][0]["field"] == "text"
        return
    assert response.status_code == 200, response.text
    assert response.json()["article"]["text"].startswith(body["text"][:10])


def test_text_search_is_literal_not_a_like_pattern(client):
    # Issue 16 item 12: q=% matched everything.
    everything = client.get("/api/articles").json()["total"]
    assert everything > 0
    for wildcard in ("%", "_", "%%", "\\"):
        assert client.get("/api/articles", params={"q": wildcard}).json()["total"] == 0
        assert client.get("/api/events", params={"q": wildcard}).json()["total"] == 0
        assert client.get("/api/quotes", params={"q": wildcard}).json()["total"] == 0
        assert client.get("/api/quotes", params={"speaker": wildcard}).json()["total"] == 0
    word = client.get("/api/events").json()["events"][0]["trigger"]
    assert client.get("/api/events", params={"q": word.upper()}).json()["total"] >= 1


def test_ids_holding_slashes_can_be_viewed(tmp_path):
    # Issue 16 item 8: /articles/{id} and /api/articles/{id} gave 404 for "wire/2025/x".
    from urllib.parse import quote

    from fastapi.testclient import TestClient
    from tests.web.conftest import KGZ, TJK, _article

    from flashpoint.store import Store
    from flashpoint.web import create_app

    aid = "wire/2025/03/kg talks?x=1"
    db = tmp_path / "slash.duckdb"
    with Store(db) as store:
        store.write([_article(aid, "2025-03-03", "Slashed id", [
            ("Kyrgyzstan accused Tajikistan of moving troops.", "112", KGZ, TJK, "accused")])])
        store.finish_run()
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        for path in (quote(aid), quote(aid, safe="")):
            body = c.get(f"/api/articles/{path}")
            assert body.status_code == 200, (path, body.text)
            assert body.json()["article"]["id"] == aid
            event_id = f"{aid}-e0"
            event = c.get(f"/api/events/{quote(event_id, safe='' if '%2F' in path else '/')}")
            assert event.status_code == 200, event.text
            assert event.json()["id"] == event_id
            for page in (f"/articles/{path}", f"/events/{quote(event_id)}"):
                html = c.get(page, headers={"Accept": "text/html"})
                assert html.status_code == 200 and "Slashed id" in html.text, page
        assert c.get("/api/articles/wire/2025/none").status_code == 404

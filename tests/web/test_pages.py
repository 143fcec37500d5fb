"""Dashboard pages: rendered HTML, the same context as JSON, escaping of article text."""

from __future__ import annotations

import re

import pytest

from .conftest import SCRIPT


@pytest.mark.parametrize(
    "url",
    ["/", "/events", "/events?dyad=KGZ-TJK&quad_class=&modality=&start=&end=&q=",
     "/events/kg-clash-e0", "/articles", "/articles/kg-clash", "/quotes?speaker=Kaz",
     "/dyads/KGZ/TJK", "/dyads/KGZ/TJK?freq=day", "/code", "/api"],
)
def test_pages_render(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<nav>" in response.text


def test_same_context_as_json(client):
    as_query = client.get("/", params={"format": "json"})
    as_accept = client.get("/", headers={"Accept": "application/json"})
    assert as_query.headers["content-type"] == "application/json"
    assert as_query.json() == as_accept.json()
    assert as_query.json()["counts"]["articles"] == 10
    event = client.get("/events/kg-clash-e0?format=json").json()
    assert event["event"]["trigger"] == "shelled"
    assert "_sentence" not in event  # display-only helpers stay out of the JSON


def test_overview_shows_counts_and_dyads(client):
    html = client.get("/").text
    assert re.search(r'class="n">10<', html)
    assert 'href="/dyads/KGZ/TJK"' in html or 'href="/dyads/TJK/KGZ"' in html


def test_event_page_highlights_trigger(client):
    html = client.get("/events/kg-clash-e1").text
    assert '<span class="hl-trigger" title="trigger">shelled</span>' in html
    assert "Kyrgyzstan" in html and "Material conflict" in html


def test_article_page_marks_actors_triggers_and_quotes(client):
    html = client.get("/articles/kg0").text
    assert '<span class="hl-actor"' in html
    assert '<span class="hl-trigger"' in html
    assert '<span class="hl-quote"' in html
    assert "Ruslan Kazakbaev" in html  # quote speaker listed beside the text


def test_dyad_page_embeds_series_for_the_chart(client):
    html = client.get("/dyads/KGZ/TJK").text
    assert '<script src="/vendor/plotly.min.js"></script>' in html
    assert 'id="dyad-chart"' in html and 'id="dyad-data"' in html


def test_plotly_is_served_locally(client):
    response = client.get("/vendor/plotly.min.js")
    assert response.status_code == 200
    assert len(response.content) > 1_000_000
    assert "javascript" in response.headers["content-type"]


@pytest.mark.parametrize("url", ["/articles/xss", "/events/xss-e0", "/events?q=provocations",
                                 "/", "/articles"])
def test_article_text_is_escaped(client, url):
    html = client.get(url).text
    assert SCRIPT not in html
    assert "&lt;script&gt;" in html


def test_escaped_inside_highlighted_segments(client):
    html = client.get("/articles/xss").text
    # the actor mark right before the tag is closed before the escaped text starts
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


def test_not_found_page_is_html(client):
    response = client.get("/articles/missing")
    assert response.status_code == 404
    assert "Not found" in response.text


def test_code_form_validation_message(client):
    response = client.post("/code", data={"text": "  ", "title": "", "date": ""})
    assert response.status_code == 422
    assert "text must not be blank" in response.text


@pytest.mark.slow
def test_code_form_shows_coded_result(client):
    text = f"BISHKEK (Reuters) - Kyrgyzstan accused Tajikistan of shelling villages. {SCRIPT}"
    response = client.post("/code", data={"text": text, "title": "Test", "date": "2025-03-03"})
    assert response.status_code == 200
    assert "Result" in response.text
    assert SCRIPT not in response.text
    assert '<span class="hl-actor"' in response.text


def test_offline_api_reference_lists_every_endpoint(client):
    html = client.get("/api").text
    for path in client.get("/openapi.json").json()["paths"]:
        assert f"<code>{path}</code>" in html

"""End to end: a real uvicorn server over a database ingested from samples/, driven by headless
Chromium through Playwright — overview → dyad → event → article, and "code an article"."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="no /usr/bin/chromium (run tools/ensure_chromium.sh to install it)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory: pytest.TempPathFactory, samples_dir: Path) -> Path:
    from flashpoint.job import run_ingest

    path = tmp_path_factory.mktemp("e2e") / "samples.duckdb"
    report = run_ingest([str(samples_dir)], path)
    assert report.ingested > 0 and report.events > 0
    return path


@pytest.fixture(scope="module")
def server(samples_db: Path) -> Iterator[str]:
    port = _free_port()
    code = ("import sys; from flashpoint.web import serve; "
            "serve(sys.argv[1], port=int(sys.argv[2]), log_level='warning')")
    proc = subprocess.Popen([sys.executable, "-c", code, str(samples_db), str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(base + "/api/overview", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("the web server did not start")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=15)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("screenshots")
    yield folder
    keep = os.environ.get("FLASHPOINT_SCREENSHOTS")
    if keep:
        target = Path(keep if keep not in ("1", "true", "yes") else "out/screenshots")
        target.mkdir(parents=True, exist_ok=True)
        for shot in folder.glob("*.png"):
            shutil.copy(shot, target / shot.name)


@pytest.fixture(scope="module")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def test_browse_overview_dyad_event_article(server, browser, shots):
    page = browser.new_page(viewport={"width": 1360, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("requestfailed", lambda req: errors.append(f"failed: {req.url}"))

    page.goto(server + "/")
    assert page.locator("h1").inner_text() == "Overview"
    articles = int(page.locator(".card .n").first.inner_text())
    assert articles > 0
    page.screenshot(path=str(shots / "1-overview.png"), full_page=True)

    dyad_link = page.locator("table.dyads a").first
    dyad_text = dyad_link.inner_text()
    dyad_link.click()
    page.wait_for_selector("#dyad-chart .main-svg", timeout=15_000)  # plotly drew the chart
    assert page.locator("h1").inner_text().startswith("Dyad")
    for key in dyad_text.split(" → "):
        assert key in page.locator("h1").inner_text()
    assert page.locator("#dyad-chart .bars, #dyad-chart .scatterlayer").count() > 0
    page.screenshot(path=str(shots / "2-dyad.png"), full_page=True)

    page.locator("table.events tbody tr a[href^='/events/']").first.click()
    page.wait_for_selector("blockquote.evidence")
    trigger = page.locator("blockquote.evidence .hl-trigger")
    assert trigger.count() == 1 and trigger.inner_text().strip()
    page.screenshot(path=str(shots / "3-event.png"), full_page=True)

    page.locator("table.facts a[href^='/articles/']").click()
    page.wait_for_selector("article.text")
    assert page.locator("article.text .hl-actor").count() > 0
    assert page.locator("article.text .hl-trigger").count() > 0
    assert page.locator("aside .side-events li").count() > 0
    page.screenshot(path=str(shots / "4-article.png"), full_page=True)

    assert errors == []
    page.close()


def test_code_an_article(server, browser, shots):
    page = browser.new_page(viewport={"width": 1360, "height": 1000})
    page.goto(server + "/code")
    page.fill("input[name=title]", "Border clash")
    page.fill("input[name=date]", "2025-04-14")
    page.fill("textarea[name=text]",
              "BISHKEK (Reuters) - Kyrgyzstan accused Tajikistan on Monday of shelling border "
              "villages. \"We will defend every metre of our land,\" Foreign Minister Ruslan "
              "Kazakbaev said. <b>Not bold</b>")
    page.click("form.code-form button")
    page.wait_for_selector("article.text", timeout=60_000)
    text = page.locator("article.text").inner_text()
    assert "Kyrgyzstan accused Tajikistan" in text
    assert "<b>Not bold</b>" in text  # shown as text, not markup
    assert page.locator("article.text .hl-actor").count() > 0
    page.screenshot(path=str(shots / "5-code.png"), full_page=True)
    page.close()


def test_quotes_and_events_pages(server, browser, shots):
    page = browser.new_page(viewport={"width": 1360, "height": 900})
    page.goto(server + "/quotes")
    assert page.locator("ul.quotes li").count() > 0
    page.screenshot(path=str(shots / "6-quotes.png"), full_page=True)
    page.goto(server + "/events?quad_class=4")
    rows = page.locator("table.events tbody tr")
    assert rows.count() > 0
    assert all(c == "Material conflict" for c in page.locator("table.events .quad").all_inner_texts())
    page.screenshot(path=str(shots / "7-events.png"), full_page=False)
    page.close()

"""A real browser (Debian's Chromium driven by Playwright) against a real `corpus serve`."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags for a root, offline, headless machine (see README → Development).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(seeds_db, tmp_path):
    db = tmp_path / "corpus.db"
    shutil.copy(seeds_db, db)
    shutil.copy(ROOT / "metadata.yml", tmp_path / "metadata.yml")
    port = free_port()
    corpus = Path(sys.executable).parent / "corpus"
    proc = subprocess.Popen(
        [str(corpus), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/corpus/paragraphs.json", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(
                    "corpus serve did not start: " + proc.stdout.read().decode(errors="replace")
                )
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


def test_home_page_search_shows_a_highlighted_result(server, tmp_path):
    from playwright.sync_api import sync_playwright

    assert os.path.exists(CHROMIUM), "Debian's chromium is not installed (make chromium)"
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(server + "/")
        assert "Chinese press corpus" in page.title()
        page.click('a[href="/corpus/search"]')  # the home page's link to the search query
        page.fill("input[name=q]", "煤炭产量")
        page.press("input[name=q]", "Enter")
        page.wait_for_selector("mark")
        marks = page.locator("td mark").all_inner_texts()
        assert marks and all(m == "煤炭产量" for m in marks)
        assert "去年<mark>煤炭产量</mark>达到13.78亿吨" in page.content()
        page.screenshot(path=str(ARTIFACTS / "search-煤炭产量.png"), full_page=True)
        page.goto(server + "/corpus/paragraphs?_search=煤炭产量")
        assert page.locator("table.rows-and-columns tbody tr").count() >= 3
        page.goto(server + "/corpus/-/chart/statistic_series?subject=煤炭产量")
        assert page.locator("svg rect").count() >= 3
        page.screenshot(path=str(ARTIFACTS / "chart-煤炭产量.png"), full_page=True)
        browser.close()

"""The rendered reports in a real browser: headless Chromium (the system's, never a download).

Every request the page makes is routed through a handler that records it and lets only the
report file itself through, so a report that reached for a CDN, a font or a remote image fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.report import render_reports

from .conftest import SEED
from .test_report import HOSTILE, SEED_TITLE

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"{CHROMIUM} not found (Debian package 'chromium'; .ci/run installs it)"),
]


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("articles")
    (src / SEED.name).write_bytes(SEED.read_bytes())
    (src / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path_factory.mktemp("reports")
    assert render_reports([str(src)], output=out) == 0
    return out


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


class Visit:
    """A page opened from file:// with every other request blocked and recorded."""

    def __init__(self, browser, path: Path) -> None:
        self.url = path.resolve().as_uri()
        self.context = browser.new_context(java_script_enabled=True, offline=True)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.blocked: list[str] = []
        self.console_errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.route("**/*", self._route)
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(self.url, wait_until="load")

    def _route(self, route) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    @property
    def outside(self) -> list[str]:
        """Requests for anything but the report itself (data: URIs are part of the file)."""
        return [u for u in self.requests + self.blocked if u != self.url and not u.startswith("data:")]

    def close(self) -> None:
        self.context.close()


def test_seed_report_offline_in_chromium(browser, reports, tmp_path):
    v = Visit(browser, reports / "lukashenko-belarusian-troops.html")
    try:
        page = v.page
        page.wait_for_timeout(300)
        assert v.outside == [], f"the report loaded resources: {v.outside}"
        assert v.console_errors == [], v.console_errors
        assert page.title() == SEED_TITLE
        assert SEED_TITLE in page.inner_text("h1.pl-title")
        images = page.eval_on_selector_all(
            "img", "els => els.map(e => [e.complete, e.naturalWidth, e.alt, e.src.slice(0, 22)])")
        assert len(images) >= 4, images
        for complete, width, alt, src in images:
            assert complete and width > 0, f"chart not decoded: {alt}"
            assert src == "data:image/png;base64,"
        assert "speaks most" in page.inner_text(".pl-summary")
        page.screenshot(path=str(tmp_path / "seed-report.png"), full_page=True)
        assert (tmp_path / "seed-report.png").stat().st_size > 10_000
    finally:
        v.close()


def test_hostile_article_shows_literally(browser, reports, tmp_path):
    v = Visit(browser, reports / "hostile.html")
    try:
        page = v.page
        page.wait_for_timeout(300)
        assert v.dialogs == [], f"a dialog fired: {v.dialogs}"
        assert v.outside == [], f"the report made requests: {v.outside}"  # no <img src=x>
        text = page.inner_text("body")
        assert "<script>alert(1)</script> Harbour <img src=x onerror=alert(1)> chief resigns" in text
        assert "<b>Velmar Gazette</b>" in text and "javascript:alert(1)" in text
        assert page.eval_on_selector_all("script", "els => els.length") == 0
        assert page.eval_on_selector_all("img:not([src^='data:'])", "els => els.length") == 0
        links = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        assert not [h for h in links if h.strip().lower().startswith("javascript:")], links
        page.screenshot(path=str(tmp_path / "hostile-report.png"), full_page=True)
    finally:
        v.close()


def test_index_offline_in_chromium(browser, reports):
    v = Visit(browser, reports / "index.html")
    try:
        assert v.outside == [] and v.console_errors == [] and v.dialogs == []
        hrefs = v.page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
        assert sorted(hrefs) == ["hostile.html", "lukashenko-belarusian-troops.html"]
        assert "Lukashenko" in v.page.inner_text("table")
    finally:
        v.close()


def test_probe_catches_remote_loads_and_dialogs(browser, tmp_path):
    """The checks above can fail: a page that loads from the network and runs script is caught."""
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html><head><script src="https://cdn.example.org/require.js"></script></head>'
                   '<body><img src="https://example.org/x.png"><script>alert(1)</script></body></html>',
                   encoding="utf-8")
    v = Visit(browser, bad)
    try:
        assert "https://cdn.example.org/require.js" in v.outside and "https://example.org/x.png" in v.outside
        assert v.dialogs == ["1"]
    finally:
        v.close()

"""JupyterLab in a real browser: 02-speakers runs, its widgets render and respond, markup in an
article is shown as text and never run.

Starts ``jupyter lab`` from this environment on a temporary copy of ``notebooks/`` and ``data/`` (the
repository is never modified) and drives the system Chromium (``/usr/bin/chromium``) through
Playwright; never downloads a browser. Skipped with the reason when Chromium or Playwright is missing.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]
NOTEBOOK = "02-speakers.ipynb"

HOSTILE = """---
title: Harbour board hears security warning
published: 2024-03-01
---
Harbour board hears security warning
VELMAR, March 1 - The harbour board met on Friday to discuss its new website.
"A comment like <script>alert(1)</script> must never run," said Mara Quill, a security researcher hired by the board.
"Nor should <img src=x onerror=alert(1)> load a picture," Quill added.
The board's chairman, Tomas Brel, said the site would be checked again next week.
"""

#: JupyterLab user settings for the test: render every cell (no windowing), no news or update checks.
SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false",
                                                                         "checkForUpdates": False},
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A running JupyterLab on a copy of notebooks/ and data/; yields (base_url, token, workdir)."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not found: install Debian's chromium package (.ci/run does) to run browser tests")
    pytest.importorskip("playwright.sync_api", reason="playwright (Python package) is not installed")
    work = tmp_path_factory.mktemp("lab")
    shutil.copytree(ROOT / "notebooks", work / "notebooks", ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(ROOT / "data", work / "data")
    (work / "data" / "articles" / "hostile-markup.txt").write_text(HOSTILE, encoding="utf-8")
    nb = nbformat.read(work / "notebooks" / NOTEBOOK, as_version=4)
    params = next(c for c in nb.cells if c.cell_type == "code")
    params.source = params.source.replace("lukashenko-belarusian-troops.txt", "hostile-markup.txt")
    assert "hostile-markup.txt" in params.source
    nbformat.write(nb, work / "notebooks" / "02-hostile.ipynb")
    settings = work / "settings"
    for name, value in SETTINGS.items():
        target = settings / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(value), encoding="utf-8")

    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(work / "runtime"), "JUPYTER_CONFIG_DIR": str(work / "config"),
           "JUPYTER_PLATFORM_DIRS": "1"}
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={port}", "--ServerApp.port_retries=0",
           "--ServerApp.ip=127.0.0.1", f"--IdentityProvider.token={token}",
           f"--ServerApp.root_dir={work / 'notebooks'}", "--LabApp.expose_app_in_browser=True",
           f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={work / 'workspaces'}",
           "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
           "--LabApp.extension_manager=readonly", "--ServerApp.terminals_enabled=False"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # CI containers run as root
        cmd.append("--allow-root")
    log = open(work / "lab.log", "wb")
    proc = subprocess.Popen(cmd, cwd=work / "notebooks", env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"jupyter lab did not start:\n{(work / 'lab.log').read_text(errors='replace')[-3000:]}")
            time.sleep(0.5)
        yield base, token, work
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser(lab):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def _open_and_run(browser, lab, name: str):
    """Open a notebook in JupyterLab, run all cells, wait until they are done; returns (page, dialogs)."""
    base, token, _work = lab
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.set_default_timeout(90_000)
    # a workspace of its own, reset: no notebook left open by an earlier page is restored
    page.goto(f"{base}/lab/workspaces/{Path(name).stem}/tree/{name}?reset&token={token}")
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell")
    find = ("window.jupyterapp && Array.from(window.jupyterapp.shell.widgets('main'))"
            ".find(w => w.context && w.context.path === name)")
    page.wait_for_function(
        f"""name => {{ const w = {find};
                   const k = w && w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
                   return k && k.status === 'idle'; }}""", arg=name)
    page.evaluate(f"name => {{ window.jupyterapp.shell.activateById(({find}).id); }}", name)
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    # every code cell has an execution count once the run is over (or a cell failed)
    page.wait_for_function(
        f"""name => {{ const w = {find};
                   const cells = w.content.widgets.filter(c => c.model.type === 'code');
                   const failed = cells.some(c => c.model.outputs.toJSON().some(o => o.output_type === 'error'));
                   return cells.length > 0 && w.sessionContext.session.kernel.status === 'idle'
                          && (failed || cells.every(c => c.model.executionCount !== null)); }}""",
        arg=name, timeout=150_000)
    failed = page.evaluate(
        f"""name => ({find}).content.widgets
                 .filter(c => c.model.type === 'code')
                 .flatMap(c => c.model.outputs.toJSON())
                 .filter(o => o.output_type === 'error')
                 .map(o => o.ename + ': ' + o.evalue)""", name)
    assert failed == [], f"cells failed in {name}: {failed}"
    return page, dialogs


def test_speakers_notebook_in_jupyterlab(browser, lab, tmp_path):
    page, dialogs = _open_and_run(browser, lab, NOTEBOOK)
    speaker = page.locator(".presslens-speaker-filter select")
    quotes = page.locator(".presslens-quote-list")
    speaker.wait_for(state="visible")
    quotes.wait_for(state="visible")
    # the chart: an image in a cell's output
    chart = page.locator(".jp-OutputArea-output img").first
    chart.wait_for(state="visible")
    assert chart.evaluate("img => img.naturalWidth") > 100
    before = quotes.inner_text()
    assert "quote(s)" in before
    options = speaker.locator("option").all_inner_texts()
    assert options[0] == "(all)" and len(options) >= 2, options
    speaker.select_option(label=options[1])
    page.wait_for_function("([el, old]) => el.innerText !== old", arg=[quotes.element_handle(), before])
    after = quotes.inner_text()
    assert after != before
    assert int(after.split(" quote(s)")[0].split()[-1]) <= int(before.split(" quote(s)")[0].split()[-1])
    page.screenshot(path=str(tmp_path / "02-speakers.png"), full_page=True)
    assert (tmp_path / "02-speakers.png").stat().st_size > 10_000
    assert dialogs == []
    page.close()


def test_markup_in_an_article_is_shown_not_run(browser, lab, tmp_path):
    page, dialogs = _open_and_run(browser, lab, "02-hostile.ipynb")
    quotes = page.locator(".presslens-quote-list")
    quotes.wait_for(state="visible")
    text = quotes.inner_text()
    assert "<script>alert(1)</script>" in text
    assert "<img src=x onerror=alert(1)>" in text
    assert page.locator("img[src='x']").count() == 0
    assert page.locator(".jp-OutputArea-output script").count() == 0
    page.screenshot(path=str(tmp_path / "02-hostile.png"), full_page=True)
    assert dialogs == [], f"a dialog fired: {dialogs}"
    page.close()

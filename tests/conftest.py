"""Shared fixtures: the project root, the real site built once per session, a browser."""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]


# A diagram drawn at build time (macros/diagrams.py), as the page's HTML carries it.
DRAWN = re.compile(r'<div class="mermaid mla-drawn"[^>]*><noscript[^>]*>.*?</template></div></noscript></div>', re.S)
UNDRAWN = '<pre class="mermaid"><code>flowchart LR\n  a[Not drawn yet] --&gt; b[Drawn by Mermaid]</code></pre>'


# Every question of the page has its controls: mla.js adds them a batch a frame after the page shows (so the
# page's first task stays short), nearest the screen first.
ALL_ENHANCED = "() => [...document.querySelectorAll('.mla-q[data-qid]')].every(q => q.dataset.mlaOn)"


def enhanced(page) -> None:
    page.wait_for_function(ALL_ENHANCED, timeout=60_000)  # the print page has hundreds


def build_site(project: Path, site_dir: Path) -> Path:
    """Build a project's site in-process with its own mkdocs.yml (strict), into site_dir."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cwd = Path.cwd()
    os.chdir(project)
    try:
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
        build(config)
    finally:
        os.chdir(cwd)
    return site_dir


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real guide, built once per test session into a temporary folder."""
    return build_site(ROOT, tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def bank():
    from macros.bank import load_bank

    return load_bank(ROOT)


def copy_project(dest: Path) -> Path:
    """A copy of the project's sources, for tests that plant a fault."""
    for name in ("docs", "macros", "questions", "overrides"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Server(http.server.ThreadingHTTPServer):
    """A test server that says nothing when the browser drops a connection mid-reply (a test that leaves a page
    while Mermaid's modules or the bank are still arriving); any other error is still printed."""

    def handle_error(self, request, client_address):
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def server(site):
    """The built site served on 127.0.0.1 on a free port; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium through Playwright. A browser that cannot start fails, never skips."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is not at {CHROMIUM}: run `make test` (it installs Debian's chromium) "
                    "or set CHROMIUM=/path/to/chromium")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    """A fresh page that fails the test on any console error or request to another host."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))

    def only_local(route):
        if route.request.url.startswith(server):
            route.continue_()
        else:
            errors.append(f"request to another host: {route.request.url}")
            route.abort()

    page.route("**/*", only_local)
    page.errors = errors
    yield page
    context.close()


# ---------------------------------------------------------------- the practice site
# The guide plus a fixture bank (one question of each type on the 1.1 page) and a fixture case study
# (on the 1.2 page), built once per session for every browser test that needs each type. The scenario
# holds Markdown (rendered on every view) and raw HTML (shown as text on every view).

FIXTURES = Path(__file__).parent / "fixtures"
CASE = """\
id: cs-fixture
title: Cleaning sales data
scenario: |
  **Daily exports.** A retailer lands daily sales exports in Amazon S3 as `sales-YYYY-MM-DD.csv` files
  and cleans them before training.

  The exports hold duplicates and missing prices. <script>window.__ran = 1</script> <b>not bold</b>
questions:
  - id: fixture-case-one
    type: single
    covers: [1.2.k4]
    difficulty: 1
    services: [AWS Glue DataBrew]
    stem: Which service cleans the exports with visual recipes and no code?
    options:
      - {text: AWS Glue DataBrew, correct: true, why: DataBrew applies visual recipes without code.}
      - {text: Amazon Athena, why: Athena queries data; it does not keep cleaning recipes.}
      - {text: Amazon S3 Glacier, why: Glacier archives data; it does not clean it.}
      - {text: AWS Glue Data Quality, why: Data Quality checks rules; it does not transform rows.}
    explanation: DataBrew is the no-code cleaning tool.
    references: [https://docs.aws.amazon.com/databrew/latest/dg/what-is.html]
    verified: 2026-01-15
  - id: fixture-case-two
    type: single
    covers: [1.3.s1]
    difficulty: 2
    services: [AWS Glue Data Quality]
    stem: Which service checks that every cleaned file has prices before training?
    options:
      - {text: AWS Glue Data Quality, correct: true, why: Data Quality evaluates rules such as completeness.}
      - {text: AWS Glue DataBrew, why: DataBrew transforms rows; the rule check belongs to Data Quality.}
      - {text: Amazon S3 Glacier, why: Glacier archives data.}
      - {text: Amazon Athena, why: Athena runs queries; it keeps no rule set to run on each file.}
    explanation: Glue Data Quality runs rule sets against data.
    references: [https://docs.aws.amazon.com/glue/latest/dg/glue-data-quality.html]
    verified: 2026-01-15
"""


@pytest.fixture(scope="session")
def practice(tmp_path_factory):
    """The guide plus the fixture bank and case study, built and served: base URL, bank, site folder.

    Like `mkdocs serve`, the build's site_url is the server's own URL: Material's instant
    navigation only follows links that its sitemap lists.
    """
    from macros.bank import load_bank

    project = copy_project(tmp_path_factory.mktemp("practice"))
    shutil.copy(FIXTURES / "valid-bank.yaml", project / "questions" / "1.1-fixture.yaml")
    (project / "questions" / "case-studies" / "cs-fixture.yaml").write_text(CASE, encoding="utf-8")
    page = project / "docs" / "domain-1-data-preparation" / "1.2-transform-and-engineer-features.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n\n## Case study\n\n{{ case_studies(1) }}\n",
                    encoding="utf-8")
    site = project / "site"
    httpd = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {base}", config.read_text(encoding="utf-8")),
                      encoding="utf-8")
    build_site(project, site)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield SimpleNamespace(base=base, bank=load_bank(project), site=site)
    httpd.shutdown()

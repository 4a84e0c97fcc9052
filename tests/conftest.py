"""Shared fixtures: the project root, the real site built once per session, a browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]


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


@pytest.fixture(scope="session")
def server(site):
    """The built site served on 127.0.0.1 on a free port; yields the base URL."""
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
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


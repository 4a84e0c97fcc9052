"""The PDF workbook: the built site's print page rendered by headless Chromium.

Nothing is fetched from the network: the site is served from 127.0.0.1 and every
request to another host is refused.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import threading
from pathlib import Path

PDF_PATH = "pdf/mla-c01-study-guide.pdf"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-quic", "--disable-sync"]
FOOTER = ('<div style="width:100%;font-size:8px;color:#555;padding:0 12mm;display:flex;'
          'justify-content:space-between"><span>MLA-C01 Study Guide</span>'
          '<span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>')


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served(site: Path):
    """The built site served on 127.0.0.1 on a free port, for as long as the block runs; yields its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()


def render_pdf(site: Path, chromium: str | None = None, browser=None) -> Path:
    """Write site/pdf/mla-c01-study-guide.pdf from site/print_page/ and return its path.

    `browser` is a Playwright Chromium browser already running (the tests share theirs);
    without one, Chromium is started from `chromium` or $CHROMIUM.
    """
    site = site.resolve()
    if not (site / "print_page" / "index.html").exists():
        raise FileNotFoundError(f"{site}/print_page/index.html is missing: build the site first (make build)")
    target = site / PDF_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    with served(site) as base:
        if browser is not None:
            _print(browser, base, target)
        else:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as pw:
                own = pw.chromium.launch(executable_path=chromium or os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                         args=CHROMIUM_ARGS, headless=True)
                _print(own, base, target)
                own.close()
    return target


def _print(browser, base: str, target: Path) -> None:
    context = browser.new_context(color_scheme="light")
    page = context.new_page()
    page.add_init_script("window.MLA_EAGER = true")  # render every diagram, not only those in view
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    page.goto(f"{base}/print_page/", wait_until="load")
    # Diagrams: mla.js puts each drawing into the page (macros/diagrams.py); Material swaps a <pre class="mermaid">
    # with no drawing yet for a rendered <div class="mermaid">.
    page.wait_for_function("document.querySelectorAll('pre.mermaid, div.mla-drawn > noscript').length === 0",
                           timeout=120_000)
    page.emulate_media(media="print")
    page.pdf(path=str(target), format="A4", print_background=True, outline=True, tagged=True,
             display_header_footer=True, header_template="<span></span>", footer_template=FOOTER,
             margin={"top": "14mm", "bottom": "16mm", "left": "12mm", "right": "12mm"})
    context.close()

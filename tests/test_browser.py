"""Smoke test in Debian's Chromium: a task page loads cleanly and reveals an answer."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_task_page_reveals_an_answer(page, server, bank):
    path = bank.blueprint.task_path("1.1").removesuffix(".md") + "/"
    page.goto(f"{server}/{path}")
    first = page.locator(".mla-q").first
    reveal = first.locator(".mla-q__reveal")
    assert not reveal.is_visible()
    first.locator("summary", has_text="Show answer").click()
    assert reveal.is_visible()
    assert reveal.locator(".mla-q__key").inner_text().startswith("Answer:")
    assert page.errors == []


def test_diagrams_render_from_the_local_mermaid(page, server, site):
    pages = [p for p in site.rglob("index.html") if 'class="mermaid"' in p.read_text(encoding="utf-8")]
    assert pages, "no page has a Mermaid diagram"
    rel = pages[0].relative_to(site).parent.as_posix()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{server}/{rel}/")
    # Material swaps each <pre class="mermaid"> for a rendered <div class="mermaid"> (closed shadow root).
    page.locator("div.mermaid").first.wait_for(timeout=15000)
    assert page.locator("pre.mermaid").count() == 0
    assert any(url.endswith("assets/vendor/mermaid.min.js") for url in requests)
    assert page.errors == []

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


def test_diagrams_load_the_local_mermaid_when_they_come_into_view(page, server, bank):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{server}/{bank.blueprint.task_path('1.1').removesuffix('.md')}/")
    page.wait_for_timeout(500)
    diagram = page.locator("pre.mermaid").first
    assert diagram.evaluate("d => d.getBoundingClientRect().top > innerHeight + 800"), "pick a page whose " \
        "first diagram is below the fold"
    assert not any(url.endswith("assets/vendor/mermaid.min.js") for url in requests)
    diagram.scroll_into_view_if_needed()
    # Material swaps each <pre class="mermaid"> for a rendered <div class="mermaid"> (closed shadow root).
    page.locator("div.mermaid").first.wait_for(timeout=15000)
    assert page.locator("pre.mermaid").count() == 0
    assert any(url.endswith("assets/vendor/mermaid.min.js") for url in requests)
    assert not any("unpkg" in url or "jsdelivr" in url for url in requests)
    assert page.errors == []

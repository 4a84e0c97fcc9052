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


def test_answers_are_not_elements_until_one_is_shown(page, server, bank):
    """A chapter's answers wait as text (a <noscript> each) so that a phone does not build 2,000 elements it
    does not show; the one a reader opens becomes elements, whys and references included."""
    path = bank.blueprint.task_path("2.2").removesuffix(".md") + "/"
    page.goto(f"{server}/{path}")
    questions = page.locator(".mla-q").count()
    assert questions == len(bank.for_task("2.2"))
    assert page.locator(".mla-q__answer > noscript").count() == questions
    assert page.locator(".mla-q__reveal, .mla-q__why, .mla-q__refs").count() == 0
    page.locator(".mla-q summary").nth(3).click()
    opened = page.locator(".mla-q").nth(3)
    assert opened.locator(".mla-q__why").count() >= 4 and opened.locator(".mla-q__refs a").count() >= 1
    assert page.locator(".mla-q__reveal").count() == 1  # the twin: the check sees an answer once it is built
    assert page.locator(".mla-q__answer > noscript").count() == questions - 1
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

"""Smoke test in Debian's Chromium: a task page loads cleanly and reveals an answer."""

from __future__ import annotations

import pytest

from .conftest import DRAWN, UNDRAWN
from .test_interactive import new_page

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


SHOWN = """() => [...document.querySelectorAll('div.mermaid')].map(host => {
  const svg = host.shadowRoot && host.shadowRoot.querySelector('svg');
  return svg ? Math.round(svg.getBoundingClientRect().width) : 0;
})"""


def shown(page) -> list[int]:
    """The width of each diagram's drawing once the reader has scrolled past it (0: not drawn)."""
    for n in range(page.locator("div.mermaid").count()):
        page.locator("div.mermaid").nth(n).scroll_into_view_if_needed()
        page.wait_for_timeout(50)
    page.wait_for_timeout(200)
    return page.evaluate(SHOWN)


def undraw_first(route) -> None:
    """Serve the page with its first drawn diagram as Mermaid source, as a diagram with no drawing yet is built."""
    response = route.fetch()
    route.fulfill(response=response, body=DRAWN.sub(UNDRAWN, response.text(), count=1))


def instant_to(page, base: str, bank, task: str) -> None:
    """Follow the sidebar's link to a task's page by Material's instant navigation (the same document)."""
    target = bank.blueprint.task_path(task).removesuffix(".md") + "/"
    page.evaluate("window.__sameDocument = true")
    page.locator(f'.md-nav a[href$="{target}"]').first.click()
    page.wait_for_url(f"**/{target}")
    page.locator("h1", has_text=task).wait_for()
    assert page.evaluate("window.__sameDocument === true"), "the page was loaded, not reached by instant navigation"


@pytest.fixture
def pp(browser, practice):
    """A page on the practice site, whose site_url is its server's: Material's instant navigation works there."""
    page = new_page(browser, practice.base)
    yield page
    page.context.close()


def test_drawn_diagrams_show_without_mermaid(pp, practice):
    """The drawings are in the page: no Mermaid is fetched; a drawing far below waits as text until the reader
    comes near it; each diagram gets its SVG, on a page reached by instant navigation too (DOMParser makes
    the <noscript>'s content elements)."""
    page = pp
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{practice.base}{practice.bank.blueprint.task_path('1.1').removesuffix('.md')}/")
    page.wait_for_timeout(300)
    assert page.locator("pre.mermaid").count() == 0
    assert page.evaluate(SHOWN)[-1] == 0, "the last diagram of 1.1 should wait: it is far below the first screen"
    widths = shown(page)
    assert widths and all(w > 300 for w in widths), widths
    instant_to(page, practice.base, practice.bank, "2.3")
    widths = shown(page)
    assert len(widths) >= 2 and all(w > 300 for w in widths), widths
    assert page.locator("div.mla-drawn > noscript").count() == 0
    assert not any("assets/vendor/mermaid" in url for url in requests)
    assert page.errors == []


def test_the_drawing_check_sees_drawings_left_as_text(pp, practice):
    """The twin: without mla.js, the drawings stay text in their <noscript>, and the check says so."""
    page = pp
    page.route("**/assets/mla.js", lambda route: route.fulfill(body="", content_type="application/javascript"))
    page.goto(f"{practice.base}{practice.bank.blueprint.task_path('1.2').removesuffix('.md')}/")
    assert set(shown(page)) == {0}


def test_without_javascript_the_drawings_show(browser, server, bank):
    """The declarative shadow root in the <noscript> is the no-JS reader's drawing (and the PDF's fallback)."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{server}/{bank.blueprint.task_path('1.2').removesuffix('.md')}/")
        static = page.locator("div.mla-drawn__static")
        assert static.count() >= 1
        for n in range(static.count()):
            box = static.nth(n).bounding_box()
            assert box and box["width"] > 300 and box["height"] > 100, box
        assert page.locator("pre.mermaid").count() == 0
    finally:
        context.close()


def test_an_undrawn_diagram_loads_the_local_mermaid_when_it_comes_into_view(page, server, bank):
    """A diagram with no drawing yet (a maintainer's new one, before `make diagrams`) is drawn by Material with
    the site's own Mermaid, fetched only when the diagram nears the viewport."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    path = bank.blueprint.task_path("1.1").removesuffix(".md") + "/"
    page.route(f"**/{path}", undraw_first)
    page.goto(f"{server}/{path}")
    page.wait_for_timeout(500)
    diagram = page.locator("pre.mermaid").first
    assert diagram.evaluate("d => d.getBoundingClientRect().top > innerHeight + 800"), "pick a page whose " \
        "first diagram is below the fold"
    assert not any("assets/vendor/mermaid" in url for url in requests)
    drawn = page.locator("div.mermaid").count()
    diagram.scroll_into_view_if_needed()
    # Material swaps the <pre class="mermaid"> for a rendered <div class="mermaid"> (closed shadow root).
    page.wait_for_function(f"document.querySelectorAll('div.mermaid').length === {drawn + 1}", timeout=15000)
    assert page.locator("pre.mermaid").count() == 0
    # Over http, the ES module build and only the parts a flowchart needs; never the single-file build.
    modules = [url for url in requests if "assets/vendor/mermaid/" in url]
    assert any(url.endswith("assets/vendor/mermaid/mermaid.esm.min.mjs") for url in modules)
    assert any("flowDiagram" in url for url in modules) and not any("sequenceDiagram" in url for url in modules)
    assert not any(url.endswith("assets/vendor/mermaid.min.js") for url in requests)
    assert not any("unpkg" in url or "jsdelivr" in url for url in requests)
    assert page.errors == []


# The light/dark switch is the guide's own (overrides/partials/palette.html and javascripts/palette.html):
# Material's palette component, which restyles a whole long page when it starts, is not mounted.
WATCH_CONTENT = """
new MutationObserver((_, obs) => {
  if (document.querySelector('.md-content')) {
    window.__schemeAtContent = document.body.getAttribute('data-md-color-scheme');
    obs.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
"""


@pytest.mark.parametrize("system, scheme", [("dark", "slate"), ("light", "default")])
def test_the_system_preference_sets_the_palette_before_the_content(browser, server, system, scheme):
    context = browser.new_context(color_scheme=system)
    page = context.new_page()
    page.add_init_script(WATCH_CONTENT)
    page.goto(f"{server}/exam/")
    assert page.evaluate("window.__schemeAtContent") == scheme  # no flash of the other palette
    assert page.locator("body").get_attribute("data-md-color-scheme") == scheme
    assert page.locator('meta[name="color-scheme"]').get_attribute("content") == system
    assert page.locator("[data-md-component=palette]").count() == 0
    assert page.locator("html").get_attribute("class").split() == ["js", "js-focus-visible"]
    context.close()


def test_the_colour_switch_is_kept_across_pages(page, server):
    page.emulate_media(color_scheme="light")
    page.goto(f"{server}/exam/")
    body = page.locator("body")
    assert body.get_attribute("data-md-color-scheme") == "default"
    toggle = page.locator("form[data-mla-palette] label:visible")
    assert toggle.count() == 1 and toggle.get_attribute("title") == "Switch to dark mode"
    toggle.click()
    assert body.get_attribute("data-md-color-scheme") == "slate"
    assert page.locator('meta[name="color-scheme"]').get_attribute("content") == "dark"
    assert toggle.get_attribute("title") == "Switch to light mode"
    assert body.get_attribute("data-md-color-switching") is None
    page.reload()
    assert body.get_attribute("data-md-color-scheme") == "slate"  # the reader's choice beats the system's
    page.emulate_media(color_scheme="light")
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.locator('.md-nav--primary a.md-nav__link[href$="practice/progress/"]').first.click()  # instant navigation
    page.wait_for_url("**/practice/progress/")
    assert body.get_attribute("data-md-color-scheme") == "slate"
    page.locator("form[data-mla-palette] label:visible").click()
    assert body.get_attribute("data-md-color-scheme") == "default"
    page.locator("#__palette_0").focus()  # the keyboard: Enter on the switch flips it, as in Material
    page.keyboard.press("Enter")
    assert body.get_attribute("data-md-color-scheme") == "slate"
    assert page.errors == []

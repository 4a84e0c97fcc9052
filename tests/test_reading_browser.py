"""Reading on any screen, in Debian's Chromium (issue 15): glossary tooltips on hover, keyboard focus and
tap; diagram labels at 1280 px and 360 px, light and dark; tables and the title on a 360 px phone."""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path

import material
import pytest

from .conftest import ROOT

pytestmark = pytest.mark.browser

CHAPTER = "domain-1-data-preparation/1.1-ingest-and-store/"
PHONE = {"viewport": {"width": 360, "height": 740}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}
MIN_LABEL_PX = 11
MIN_CONTRAST = 4.5
# Material renders each diagram into a closed shadow root; opened here so the test can read the labels.
OPEN_SHADOWS = ("(() => { const a = Element.prototype.attachShadow; Element.prototype.attachShadow = "
                "function (o) { return a.call(this, Object.assign({}, o, { mode: 'open' })); }; })()")


@pytest.fixture
def phone(browser, server):
    """A 360 px touch screen that fails the test on a console error."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()


def tooltip(page) -> str | None:
    """The text of the visible glossary tooltip, or None."""
    return page.evaluate("() => { const t = document.querySelector('.mla-tip'); "
                         "return t && !t.hidden && t.offsetWidth ? t.textContent : null; }")


# ---------------------------------------------------------------- fault 1: tooltips


def test_a_term_shows_its_definition_on_hover(page, server):
    page.goto(f"{server}/{CHAPTER}")
    term = page.locator("article .mla-term").first
    definition = term.get_attribute("data-def")
    assert definition and term.get_attribute("title") is None  # no browser tooltip besides ours
    assert tooltip(page) is None
    term.hover()
    assert tooltip(page) == definition
    page.mouse.move(0, 0)
    page.wait_for_function("document.querySelector('.mla-tip').hidden")
    assert page.errors == []


def test_a_term_shows_its_definition_on_keyboard_focus(page, server):
    page.goto(f"{server}/{CHAPTER}")
    page.locator("article h1 a.headerlink").focus()
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.mla-term')"):
            break
    focused = page.evaluate("document.activeElement.dataset.def")
    assert focused, "Tab never reached a glossary term"
    assert tooltip(page) == focused
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "mla-tip"
    page.keyboard.press("Escape")
    assert tooltip(page) is None


def test_a_term_shows_its_definition_on_tap(phone, server):
    phone.goto(f"{server}/{CHAPTER}")
    term = phone.locator("article .mla-term").first
    term.scroll_into_view_if_needed()
    term.tap()
    assert tooltip(phone) == term.get_attribute("data-def")
    box = phone.locator(".mla-tip").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, "the tooltip runs off a phone's screen"
    phone.locator("article h1").tap()
    assert tooltip(phone) is None
    assert phone.errors == []


# ---------------------------------------------------------------- fault 4: diagrams

LABELS = """() => [...document.querySelectorAll('div.mermaid')].map((host, n) => {
  const root = host.shadowRoot, svg = root.querySelector('svg'), box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  const rgba = s => { const v = s.match(/[\\d.]+/g).map(Number); return v.length > 3 ? v : v.concat(1); };
  const over = (top, under) => top.slice(0, 3).map((c, i) => c * top[3] + under[i] * (1 - top[3])).concat(1);
  const lum = c => c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
    .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const page = rgba(getComputedStyle(document.body).backgroundColor);
  const texts = [...root.querySelectorAll('.nodeLabel, .edgeLabel, .cluster-label, text, tspan')]
    .filter(e => e.textContent.trim() && !e.querySelector('.nodeLabel, .edgeLabel, text, tspan'));
  return { n, scrolls: host.scrollWidth > host.clientWidth + 1, focusable: host.tabIndex === 0,
    labels: texts.map(e => {
      const style = getComputedStyle(e);
      let under = page;
      const shape = e.closest('.node, .cluster');
      const fill = shape && shape.querySelector(':scope > rect, :scope > polygon, :scope > path, :scope > circle');
      if (fill && getComputedStyle(fill).fill.startsWith('rgb')) {
        const f = rgba(getComputedStyle(fill).fill);
        under = over(f.slice(0, 3).concat(f[3] * Number(getComputedStyle(fill).fillOpacity)), page);
      }
      const bg = e.closest('.edgeLabel') && rgba(getComputedStyle(e.closest('.edgeLabel')).backgroundColor);
      if (bg && bg[3] > 0) under = over(bg, page);
      const color = rgba(e instanceof SVGElement ? style.fill : style.color);
      return { text: e.textContent.trim().slice(0, 40), px: parseFloat(style.fontSize) * scale,
               contrast: ratio(over(color, under), under) };
    }) };
})"""


def diagram_pages() -> list[str]:
    """Every page of the guide with a Mermaid diagram, as a URL path."""
    pages = []
    for md in sorted((ROOT / "docs").rglob("*.md")):
        if "```mermaid" in md.read_text(encoding="utf-8"):
            rel = md.relative_to(ROOT / "docs").as_posix().removesuffix(".md")
            pages.append(rel.removesuffix("index") if rel.endswith("index") else rel + "/")
    return pages


def diagram_problems(page, url: str, tamper: str = "") -> list[str]:
    """Labels under MIN_LABEL_PX or MIN_CONTRAST, and wide diagrams that cannot be scrolled by keyboard."""
    page.goto(url)
    count = page.locator("pre.mermaid, div.mermaid").count()  # Material swaps each pre for a div once drawn
    assert count, f"{url}: no diagram"
    # Drawings and Mermaid alike wait until the reader comes near them: pass each one
    for n in range(count):
        page.locator("pre.mermaid, div.mermaid").nth(n).scroll_into_view_if_needed()
        page.wait_for_timeout(50)
    drawn = "[...document.querySelectorAll('div.mermaid')].filter(h => h.shadowRoot).length"
    page.wait_for_function(f"{drawn} === {count}", timeout=30000)
    page.wait_for_timeout(100)  # the scroll boxes are marked in the next frame
    if tamper:
        page.evaluate(tamper)
    problems = []
    for d in page.evaluate(LABELS):
        where = f"{url} diagram {d['n'] + 1}"
        if not d["labels"]:
            problems.append(f"{where}: no labels found")
        small = [lab for lab in d["labels"] if lab["px"] < MIN_LABEL_PX]
        if small:
            problems.append(f"{where}: {len(small)} labels under {MIN_LABEL_PX} px, "
                            f"{min(lab['px'] for lab in small):.1f} px: {small[0]['text']!r}")
        faint = [lab for lab in d["labels"] if lab["contrast"] < MIN_CONTRAST]
        if faint:
            problems.append(f"{where}: {len(faint)} labels under {MIN_CONTRAST}:1, "
                            f"{min(lab['contrast'] for lab in faint):.2f}:1: {faint[0]['text']!r}")
        if d["scrolls"] and not d["focusable"]:
            problems.append(f"{where}: scrolls sideways but the keyboard cannot reach it")
        if d["scrolls"] and page.viewport_size["width"] >= 1280:
            problems.append(f"{where}: wider than the page at {page.viewport_size['width']} px (lay it out top-down)")
    return problems


# Label size depends on the width, contrast on the scheme: a desktop in light and a phone in dark cover both.
@contextlib.contextmanager
def diagram_viewer(browser, width: int, scheme: str = "light"):
    """A page at this width and colour scheme whose Mermaid shadow roots the checks can read."""
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    context.add_init_script(OPEN_SHADOWS)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.mark.parametrize(("width", "scheme"), [(1280, "light"), (360, "dark")])
def test_every_diagram_is_readable(browser, server, width, scheme):
    pages = diagram_pages()
    assert len(pages) >= 10
    with diagram_viewer(browser, width, scheme) as page:
        problems = [p for path in pages for p in diagram_problems(page, f"{server}/{path}")]
    assert problems == []


def test_the_label_check_finds_a_small_and_a_faint_label(browser, server):
    shrink_and_fade = ("() => { const root = document.querySelector('div.mermaid').shadowRoot; "
                       "Object.assign(root.querySelector('svg').style, { minWidth: '0', maxWidth: '120px' }); "
                       "root.querySelector('.nodeLabel').style.color = '#333'; }")
    with diagram_viewer(browser, 1280, "dark") as page:
        problems = diagram_problems(page, f"{server}/{diagram_pages()[0]}", shrink_and_fade)
    assert any(f"under {MIN_LABEL_PX} px" in p for p in problems), problems
    assert any(f"under {MIN_CONTRAST}:1" in p for p in problems), problems


def test_the_width_check_finds_a_diagram_wider_than_a_desktop_page(browser, server):
    widen = ("() => { const root = document.querySelector('div.mermaid').shadowRoot; "
             "Object.assign(root.querySelector('svg').style, { minWidth: '1400px', maxWidth: 'none' }); "
             "window.MLA_READING.scrollers(); }")
    with diagram_viewer(browser, 1280) as page:
        problems = diagram_problems(page, f"{server}/{diagram_pages()[0]}", widen)
    assert any("wider than the page at 1280 px" in p for p in problems), problems


# ---------------------------------------------------------------- fault 5: a 360 px phone

TABLES = """() => [...document.querySelectorAll('article table')].map(t => {
  const box = t.closest('.md-typeset__scrollwrap, .mla-scroll') || t.parentElement;
  return { head: [...t.querySelectorAll('th')].map(th => th.textContent.trim()).join(' | ').slice(0, 60),
    fits: box.scrollWidth <= box.clientWidth + 1 && t.getBoundingClientRect().right <= innerWidth + 1,
    cue: box.classList.contains('mla-overflow') && box.tabIndex === 0
      && /gradient/.test(getComputedStyle(box).backgroundImage) };
})"""

HISTORY = [{"t": 1767225600000, "q": "seed=demo", "m": "exam", "r": 40, "n": 65, "s": 760, "p": True,
            "d": [[1, 18, 12], [2, 17, 11], [3, 15, 9], [4, 15, 8]], "u": 5400000}]


def table_problems(phone, url: str) -> list[str]:
    phone.goto(url)
    phone.wait_for_timeout(200)
    found = phone.evaluate(TABLES)
    assert found, f"{url}: no table"
    return [f"{url}: {t['head']}" for t in found if not t["fits"] and not t["cue"]]


def test_tables_fit_a_phone_or_show_that_they_scroll(phone, server):
    problems = table_problems(phone, f"{server}/{CHAPTER}")
    problems += table_problems(phone, f"{server}/practice/mock-exam/")
    phone.evaluate("h => localStorage.setItem('mla-exams-v1', h)", json.dumps(HISTORY))
    phone.goto(f"{server}/practice/progress/")
    phone.locator(".mla-table--exams").wait_for()
    phone.wait_for_timeout(200)
    problems += [f"progress: {t['head']}" for t in phone.evaluate(TABLES) if not t["fits"] and not t["cue"]]
    assert problems == []
    assert phone.errors == []


def test_a_chapter_table_reads_as_cards_on_a_phone(phone, server):
    phone.goto(f"{server}/{CHAPTER}")
    cell = phone.locator("article table td[data-label]").first
    label = cell.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == json.dumps(cell.get_attribute("data-label"))
    assert cell.evaluate("td => getComputedStyle(td.closest('table')).display") == "block"
    assert phone.evaluate(TABLES)[0]["fits"]


def test_the_table_check_finds_a_table_that_is_cut_off(phone, server):
    phone.goto(f"{server}/{CHAPTER}")
    phone.add_style_tag(content="td::before { content: none !important; } article table, article tr, article td "
                                "{ display: revert !important; } article td { min-width: 12rem; }")
    assert [t for t in phone.evaluate(TABLES) if not t["fits"] and not t["cue"]]


# Each chapter table: how many of Material's scrolling wrappers hold it, and whether Material's table style
# (a border, a smaller font) applies. The build writes the wrappers and gives the table a class that keeps
# Material's script from moving it (macros/tables.py); macros/theme.py points Material's table rules at it.
MATERIAL_TABLES = """() => [...document.querySelectorAll('article table')].map(t => {
  let wraps = 0;
  for (let e = t; e; e = e.parentElement) wraps += e.classList.contains('md-typeset__scrollwrap');
  const s = getComputedStyle(t), root = parseFloat(getComputedStyle(document.documentElement).fontSize);
  return { wraps, styled: s.borderTopStyle === 'solid' && Math.abs(parseFloat(s.fontSize) - 0.64 * root) < 0.1 };
})"""


def test_chapter_tables_have_materials_look_and_are_wrapped_once(page, server):
    page.goto(f"{server}/{CHAPTER}")
    page.wait_for_load_state("load")
    tables = page.evaluate(MATERIAL_TABLES)
    assert len(tables) > 3 and all(t == {"wraps": 1, "styled": True} for t in tables), tables
    assert page.errors == []


def test_the_table_look_check_notices_materials_stylesheet_as_shipped(page, server):
    # the twin: Material's stylesheet as shipped styles class-less tables only
    shipped = next((Path(material.__file__).parent / "templates/assets/stylesheets").glob("main.*.min.css"))
    page.route("**/assets/stylesheets/main.*.min.css", lambda route: route.fulfill(path=str(shipped)))
    page.goto(f"{server}/{CHAPTER}")
    tables = page.evaluate(MATERIAL_TABLES)
    assert tables and not any(t["styled"] for t in tables)


def test_a_chapter_title_is_on_a_phone_first_screen(phone, server):
    phone.goto(f"{server}/{CHAPTER}")
    top = phone.locator("article h1").bounding_box()["y"]
    assert top < 150, f"the title starts {top:.0f} px down"
    tags = phone.locator("article .md-tags")
    assert tags.count() == 1 and tags.bounding_box()["y"] > top


def test_tags_are_still_links_to_the_services_index(page, server):
    page.goto(f"{server}/{CHAPTER}")
    links = page.locator("article .md-tags a.md-tag")
    assert links.count() >= 5
    assert re.search(r"reference/tags/#", links.first.get_attribute("href"))


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_phone_chapter_with_a_tooltip_open_has_no_axe_violations(browser, server, scheme):
    from .test_a11y import violations

    context = browser.new_context(**PHONE, color_scheme=scheme)
    context.add_init_script(OPEN_SHADOWS)
    page = context.new_page()
    try:
        page.goto(f"{server}/domain-1-data-preparation/")
        page.evaluate("document.querySelector('pre.mermaid, div.mermaid').scrollIntoView()")
        page.locator("div.mermaid.mla-overflow").first.wait_for(timeout=30000)
        term = page.locator("article .mla-term").first
        term.scroll_into_view_if_needed()
        term.tap()
        assert tooltip(page)
        assert violations(page) == []
    finally:
        context.close()


def test_the_glossary_page_has_no_axe_violations(page, server):
    from .test_a11y import violations

    page.goto(f"{server}/reference/glossary/")
    assert violations(page) == []
    assert page.errors == []

"""Accessibility: axe-core (shipped by axe-playwright-python) on the home page, a domain overview, a task page,
the services reference, the study plan, My progress, Review and the mock exam, light and dark."""

from __future__ import annotations

import json

import pytest

from .conftest import enhanced

pytestmark = pytest.mark.browser

KEY = "mla-progress-v1"
SCHEMES = ["light", "dark"]


# The whole page is checked, Material's chrome included (overrides/partials/search.html names the
# search dialog). One rule is off: with navigation.indexes, Material labels each section's <nav>
# with an icon-only label, so several navigation landmarks share a name.
THEME = {"include": [["html"]]}
OPTIONS = {"resultTypes": ["violations"], "rules": {"landmark-unique": {"enabled": False}}}


def violations(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page, THEME, OPTIONS).response["violations"]
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:5]}" for v in found]


def busiest_task(bank) -> str:
    """The task statement whose page has the most question types (then the most questions)."""
    tasks = {q.task for q in bank.questions}
    return max(sorted(tasks), key=lambda t: (len({q.type for q in bank.for_task(t)}), len(bank.for_task(t))))


def plant(page, server, bank, right: bool) -> list[str]:
    """Saved answers for a few real questions, as if the learner had answered them."""
    ids = [q.id for q in bank.all_questions()[:4]]
    now = page.evaluate("Date.now()")
    entries = {qid: {"n": 1, "r": int(right), "c": "", "t": now, "b": 1, "k": bank.by_id[qid].task} for qid in ids}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps({"v": 1, "q": entries})])
    return ids


@pytest.mark.parametrize("scheme", SCHEMES)
def test_task_page_after_checking_has_no_violations(page, server, bank, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{server}/{bank.blueprint.task_path(busiest_task(bank)).removesuffix('.md')}/")
    enhanced(page)
    questions = page.locator(".mla-q.mla-on")
    assert questions.count() >= 2
    questions.nth(0).locator("[data-mla=check]").click()  # refused: nothing chosen
    second = questions.nth(1)
    for select in second.locator("fieldset select").all():
        select.select_option(index=1)
    for box in second.locator("fieldset input").all()[:1]:
        box.check()
    second.locator(".mla-conf input[value=unsure]").check()
    second.locator("[data-mla=check]").click()
    assert violations(page) == []
    assert page.errors == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_progress_page_has_no_violations(page, server, bank, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{server}/practice/progress/")
    plant(page, server, bank, right=False)
    page.reload()
    page.locator(".mla-lead", has_text="Answered 4 of").wait_for()
    assert violations(page) == []
    assert page.errors == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_review_page_has_no_violations(page, server, bank, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{server}/practice/review/")
    ids = plant(page, server, bank, right=False)
    page.reload()
    page.locator(".mla-lead").wait_for()
    enhanced(page)
    assert page.locator(".mla-q.mla-on").count() == len(ids)
    first = page.locator(".mla-q").first
    first.locator("[data-mla=check]").click()
    assert violations(page) == []
    assert page.errors == []


@pytest.mark.parametrize("scheme", SCHEMES)
def test_mock_exam_during_and_after_has_no_violations(page, server, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{server}/practice/mock-exam/")
    page.locator(".mla-lead").wait_for()
    assert violations(page) == []
    page.goto(f"{server}/practice/mock-exam/?seed=a11y")
    page.locator("[data-mla=start]").click()
    controls = page.locator(".mla-exam .mla-q:not([hidden]) .mla-q__choice").locator("input, select")
    if controls.first.evaluate("c => c.tagName") == "SELECT":  # every step or prompt, each its own position
        for n, select in enumerate(controls.all(), 1):
            select.select_option(index=n)
    else:
        controls.first.check()
    page.locator("[data-mla=flag]").click()
    page.locator("[data-mla=next]").click()
    page.locator("[data-mla=submit]").click()
    assert page.locator(".mla-cell.mla-is-done.mla-is-flag").count() == 1
    page.mouse.move(0, 0)  # a hovered button is drawn lighter
    assert violations(page) == []
    page.locator("[data-mla=yes]").click()
    page.locator(".mla-result").wait_for()
    page.mouse.move(0, 0)  # the navigation is back after exam mode: the pointer may now hover one of its links
    assert violations(page) == []
    assert page.errors == []


def test_axe_finds_a_planted_violation(page, server):
    page.goto(f"{server}/practice/progress/")
    page.locator(".mla-lead").wait_for()
    page.evaluate("document.querySelector('.md-content').insertAdjacentHTML('beforeend', '<input type=text>')")
    assert any(v.startswith("label ") for v in violations(page))


STATIC_PAGES = ["", "domain-1-data-preparation/", "reference/services/", "study-plan/", "exam/"]


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", STATIC_PAGES)
def test_reading_pages_have_no_violations(page, server, path, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{server}/{path}")
    assert violations(page) == []
    assert page.errors == []


def test_axe_reports_a_planted_violation(page, server):
    page.goto(f"{server}/")
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=x.png>')")
    assert any(v.startswith("image-alt") for v in violations(page))


# ---------------------------------------------------------------- keyboard focus (WCAG 2.4.7)
# Each control that takes focus from the Tab key must show a solid ring of 2 px or more whose colour has
# 3:1 contrast or more against what surrounds it (WCAG 1.4.11), in light and dark.

FOCUSED = """() => {
  let e = document.activeElement;
  if (!e || !e.closest('.md-content')) return null;
  const cls = typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/)[0] : '';
  const what = e.tagName.toLowerCase() + (e.type ? '[' + e.type + ']' : '') + cls;
  if (getComputedStyle(e).opacity === '0') e = e.closest('li') || e;  // drawn beside an invisible control
  const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number), s = getComputedStyle(e);
  let b = e.parentElement;
  while (b && (rgb(getComputedStyle(b).backgroundColor)[3] === 0)) b = b.parentElement;
  return {what, style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: rgb(s.outlineColor),
          bg: rgb(getComputedStyle(b || document.body).backgroundColor)};
}"""


def contrast(fg: list[float], bg: list[float]) -> float:
    """WCAG contrast ratio of a colour (alpha blended over the background) against the background."""
    alpha = fg[3] if len(fg) > 3 else 1.0
    blended = [alpha * f + (1 - alpha) * b for f, b in zip(fg[:3], bg[:3], strict=True)]

    def luminance(rgb):
        c = [v / 255 for v in rgb]
        c = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

    hi, lo = sorted([luminance(blended), luminance(bg[:3])], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def focus_problems(page, start: str, stops: int) -> dict[str, str]:
    """Tab `stops` times from the element `start` (clicked first); each focused control that lacks a visible ring."""
    page.locator(start).first.click(position={"x": 1, "y": 1})
    problems, seen = {}, 0
    for _ in range(stops):
        page.keyboard.press("Tab")
        f = page.evaluate(FOCUSED)
        if f is None:
            continue
        seen += 1
        if f["style"] in ("none", "auto", "hidden") or f["width"] < 2:
            problems[f["what"]] = f"outline {f['style']} {f['width']}px"
        elif (ratio := contrast(f["color"], f["bg"])) < 3:
            problems[f["what"]] = f"outline contrast {ratio:.1f}:1"
    assert seen, f"nothing took focus after {start}"
    return problems


def exam_in_progress(page, server) -> None:
    page.goto(f"{server}/practice/mock-exam/?seed=focus")
    page.locator("[data-mla=start]").click()
    page.locator(".mla-exam").wait_for()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_control_shows_a_visible_focus_ring(page, server, bank, scheme):
    page.emulate_media(color_scheme=scheme)
    found = {}
    page.goto(f"{server}/{bank.blueprint.task_path(busiest_task(bank)).removesuffix('.md')}/")
    for qtype in ("single", "multiple", "ordering", "matching"):
        if page.locator(f".mla-q[data-qtype={qtype}]").count():
            found |= focus_problems(page, f".mla-q[data-qtype={qtype}] .mla-q__stem", 12)
    page.goto(f"{server}/practice/review/")
    plant(page, server, bank, right=False)
    page.reload()
    page.locator(".mla-lead").wait_for()
    found |= focus_problems(page, "article h1", 30)
    page.goto(f"{server}/practice/progress/")
    page.locator(".mla-lead").wait_for()
    found |= focus_problems(page, "#your-data", 6)
    page.goto(f"{server}/practice/mock-exam/")
    page.locator(".mla-lead").wait_for()
    found |= focus_problems(page, "[data-mla-app] h2", 14)
    exam_in_progress(page, server)
    found |= focus_problems(page, ".mla-exam", 40)
    page.goto(f"{server}/study-plan/")
    found |= focus_problems(page, ".mla-plan", 4)
    assert found == {}
    assert page.errors == []


def test_focus_check_notices_a_missing_and_a_faint_ring(page, server):
    exam_in_progress(page, server)
    assert focus_problems(page, ".mla-exam", 12) == {}
    page.add_style_tag(content=".mla-cell:focus-visible { outline: none !important; }"
                               ".mla-btn:focus-visible { outline: 3px solid #eee !important; }")
    found = focus_problems(page, ".mla-exam", 40)
    assert found.get("button[button].mla-cell", "").startswith("outline none")
    assert found.get("button[button].mla-btn", "").startswith("outline contrast")


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_chapters_code_and_tables_have_no_violations(page, server, bank, scheme):
    """Code blocks (Pygments' colours against the code background) and tables (a header for every cell), in the
    prose and in question stems, on every task statement's page: the checks above see one chapter only."""
    from axe_playwright_python.sync_playwright import Axe

    found = {}
    page.emulate_media(color_scheme=scheme)
    for task in bank.blueprint.tasks:
        page.goto(f"{server}/{bank.blueprint.task_path(task).removesuffix('.md')}/")
        assert page.locator(".md-content .highlight, .md-content table").count() > 0
        result = Axe().run(page, {"include": [[".md-content .highlight"], [".md-content table"]]}, OPTIONS)
        for v in result.response["violations"]:
            found.setdefault(str(task), []).append(f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}")
    assert found == {}
    assert page.errors == []

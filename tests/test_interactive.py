"""Practice in Debian's Chromium: checking every question type, progress in localStorage, the practice pages.

Most tests run on a copy of the guide that adds the fixture bank (one question of each type on
the 1.1 page) and a fixture case study (on the 1.2 page), so every type is there whatever the
real bank holds; the whole-site checks run on the real site.
"""

from __future__ import annotations

import html
import json
import re

import pytest

from macros.render import view

from .conftest import enhanced

TALLY = ".mla-tally:not([hidden])"  # built hidden; mla.js fills it in and shows it once the questions have controls

pytestmark = pytest.mark.browser

KEY = "mla-progress-v1"
TASK_11 = "domain-1-data-preparation/1.1-ingest-and-store/"
TASK_12 = "domain-1-data-preparation/1.2-transform-and-engineer-features/"
PROGRESS = "practice/progress/"
REVIEW = "practice/review/"


# ---------------------------------------------------------------- fixtures


def new_page(browser, base, **context):
    """A page that records console errors and any request to another host in page.errors."""
    ctx = browser.new_context(**context)
    page = ctx.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))

    def only_local(route):
        if route.request.url.startswith(base):
            route.continue_()
        else:
            page.errors.append(f"request to another host: {route.request.url}")
            route.abort()

    page.route("**/*", only_local)
    return page


@pytest.fixture
def pp(browser, practice):
    """A fresh page (empty localStorage) on the practice site."""
    page = new_page(browser, practice.base)
    page.base = practice.base
    yield page
    page.context.close()


@pytest.fixture
def fixture_bank(practice):
    return practice.bank


def missing_targets(page, hrefs) -> list[str]:
    """The links among `hrefs` (absolute URLs) whose page or element id is not on the site."""
    from urllib.parse import urldefrag

    found, missing = {}, []
    for href in sorted(hrefs):
        url, anchor = urldefrag(href)
        if url not in found:
            response = page.request.get(url)
            found[url] = response.text() if response.ok else None
        if found[url] is None or (anchor and f'id="{anchor}"' not in found[url]):
            missing.append(href)
    return missing


def store(page) -> dict:
    raw = page.evaluate(f"localStorage.getItem('{KEY}')")
    return json.loads(raw) if raw else {}


# ---------------------------------------------------------------- answering


# A chapter question's answer waits as text in a <noscript> until it is first shown (question.html).
ANSWER_KEY = ("q => { const n = q.querySelector('.mla-q__answer > noscript'), t = document.createElement('template'); "
       "t.innerHTML = n ? (n.childElementCount ? n.innerHTML : n.textContent) : ''; "
       "return (t.content.querySelector('[data-key]') || q.querySelector('[data-key]')).dataset.key; }")


def key_of(q) -> list[str]:
    return q.evaluate(ANSWER_KEY).split()


def answer(q, right: bool) -> None:
    """Fill a question's controls from its key: right, or wrong by one change."""
    qtype, key = q.get_attribute("data-qtype"), key_of(q)
    if qtype in ("single", "multiple"):
        letters = q.locator(".mla-q__choice").evaluate_all("els => els.map(e => e.dataset.letter)")
        picks = list(key) if right else [*key[:-1], next(x for x in letters if x not in key)]
        for letter in picks:
            q.locator(f'.mla-q__choice[data-letter="{letter}"] input').check()
    elif qtype == "ordering":
        positions = {letter: i + 1 for i, letter in enumerate(key)}
        if not right:
            a, b = key[0], key[1]
            positions[a], positions[b] = positions[b], positions[a]
        for letter, pos in positions.items():
            q.locator(f'.mla-q__choice[data-letter="{letter}"] select').select_option(str(pos))
    else:
        picks = list(key) if right else [key[1], *key[1:]]
        for n, letter in enumerate(picks, 1):
            q.locator(f'.mla-q__choice[data-prompt="{n}"] select').select_option(letter)


def check(q):
    q.locator("button[data-mla=check]").click()
    return q.locator(".mla-status").inner_text().strip()


def why_texts(bank, qid: str) -> dict[str, str]:
    """Letter (or prompt number) -> the why text, as the page renders it."""
    v = view(bank.by_id[qid])
    if "prompts" in v:
        return {str(p["number"]): re.sub(r"<[^>]+>", "", str(p["why"])) for p in v["prompts"]}
    return {c["letter"]: re.sub(r"<[^>]+>", "", str(c["why"])) for c in v["choices"]}


TYPES = ["fixture-single", "fixture-multiple", "fixture-ordering", "fixture-matching"]


@pytest.mark.parametrize("qid", TYPES)
def test_a_wrong_answer_is_marked_wrong_with_its_why(pp, fixture_bank, qid):
    pp.goto(pp.base + TASK_11)
    q = pp.locator(f"#q-{qid}")
    answer(q, right=False)
    assert check(q).startswith("Incorrect. Answer:")
    wrong = q.locator(".mla-q__choice.mla-is-wrong")
    assert wrong.count() >= 1
    first = wrong.first
    label = first.get_attribute("data-prompt") or first.get_attribute("data-letter")
    assert why_texts(fixture_bank, qid)[label] in first.locator(".mla-why").inner_text()
    assert q.locator(".mla-q__reveal").is_visible()
    assert q.locator(".mla-q__explanation").is_visible()
    assert q.locator(".mla-q__refs a").first.is_visible()
    assert store(pp)["q"][qid]["r"] == 0
    assert pp.errors == []


@pytest.mark.parametrize("qid", TYPES)
def test_a_right_answer_is_marked_right(pp, qid):
    pp.goto(pp.base + TASK_11)
    q = pp.locator(f"#q-{qid}")
    answer(q, right=True)
    assert check(q) == "Correct."
    assert q.locator(".mla-q__choice.mla-is-wrong").count() == 0
    if q.get_attribute("data-qtype") in ("single", "multiple"):
        marked = q.locator(".mla-q__choice.mla-is-right").evaluate_all("els => els.map(e => e.dataset.letter)")
        assert sorted(marked) == sorted(key_of(q))
    else:
        assert q.locator(".mla-q__choice.mla-is-right").count() == q.locator(".mla-q__choice").count()
    assert q.locator(".mla-q__choice .mla-why").count() == q.locator(".mla-q__choice").count()
    assert store(pp)["q"][qid]["r"] == 1
    assert pp.errors == []


def test_every_option_shows_its_why_after_checking(pp, fixture_bank):
    pp.goto(pp.base + TASK_11)
    q = pp.locator("#q-fixture-multiple")
    assert q.locator(".mla-why").count() == 0
    answer(q, right=True)
    check(q)
    for letter, text in why_texts(fixture_bank, "fixture-multiple").items():
        assert text in q.locator(f'.mla-q__choice[data-letter="{letter}"] .mla-why').inner_text()


def test_try_again_resets_the_question(pp):
    pp.goto(pp.base + TASK_11)
    q = pp.locator("#q-fixture-ordering")
    answer(q, right=False)
    check(q)
    assert q.locator("select:disabled").count() > 0
    q.locator("button[data-mla=retry]").click()
    assert q.locator(".mla-is-wrong, .mla-is-right, .mla-why").count() == 0
    assert q.locator("select:disabled").count() == 0
    assert q.locator("select").evaluate_all("els => els.map(e => e.value)") == [""] * len(key_of(q))
    assert not q.locator(".mla-q__reveal").is_visible()
    assert q.locator("button[data-mla=check]").is_visible()
    assert store(pp)["q"]["fixture-ordering"]["n"] == 1


def test_an_empty_answer_is_not_checked(pp):
    pp.goto(pp.base + TASK_11)
    for qid, message in [("fixture-single", "Choose an answer first."),
                         ("fixture-ordering", "Give every step a position first."),
                         ("fixture-matching", "Match every prompt first.")]:
        q = pp.locator(f"#q-{qid}")
        assert check(q) == message
        assert q.locator(".mla-is-wrong, .mla-is-right").count() == 0
    assert store(pp) == {}
    status = pp.locator("#q-fixture-single .mla-status")
    before = status.text_content()
    check(pp.locator("#q-fixture-single"))
    assert status.text_content() != before, "a repeated message must change, or screen readers stay silent"


def test_multiple_with_the_wrong_number_of_choices_says_so(pp):
    pp.goto(pp.base + TASK_11)
    q = pp.locator("#q-fixture-multiple")
    n = len(key_of(q))
    assert q.locator("legend").first.inner_text() == f"Select {n}."
    q.locator(f'.mla-q__choice[data-letter="{key_of(q)[0]}"] input').check()
    assert check(q) == f"Select {n}: you selected 1."
    assert store(pp) == {}
    answer(q, right=True)  # the twin: the right number is scored
    assert check(q) == "Correct."
    assert store(pp)["q"]["fixture-multiple"]["r"] == 1


def test_multiple_is_all_or_nothing(pp):
    pp.goto(pp.base + TASK_11)
    q = pp.locator("#q-fixture-multiple")
    answer(q, right=False)  # all but one right
    assert check(q).startswith("Incorrect.")
    assert q.locator(".mla-is-missed").count() == 1


def test_ordering_refuses_a_position_used_twice(pp):
    pp.goto(pp.base + TASK_11)
    q = pp.locator("#q-fixture-ordering")
    for select in q.locator("select").all():
        select.select_option("1")
    assert check(q) == "Use each position once."
    assert store(pp) == {}


def test_case_study_questions_are_scored_on_their_own(pp):
    pp.goto(pp.base + TASK_12)
    case = pp.locator('[data-case="cs-fixture"]')
    one, two = case.locator("#q-fixture-case-one"), case.locator("#q-fixture-case-two")
    answer(one, right=True)
    answer(two, right=False)
    assert check(one) == "Correct."
    assert two.locator(".mla-status").inner_text() == ""
    assert check(two).startswith("Incorrect.")
    entries = store(pp)["q"]
    assert (entries["fixture-case-one"]["r"], entries["fixture-case-two"]["r"]) == (1, 0)
    assert entries["fixture-case-one"]["k"] == "1.2"


def test_confidence_is_stored_and_an_unsure_right_answer_goes_to_review(pp):
    pp.goto(pp.base + TASK_11)
    sure, unsure = pp.locator("#q-fixture-single"), pp.locator("#q-fixture-matching")
    for q, conf in [(sure, "sure"), (unsure, "unsure")]:
        answer(q, right=True)
        q.locator(f".mla-conf input[value={conf}]").check()
        assert check(q) == "Correct."
    entries = store(pp)["q"]
    assert entries["fixture-single"]["c"] == "sure"
    assert entries["fixture-matching"]["c"] == "unsure"
    pp.goto(pp.base + REVIEW)
    pp.locator(".mla-lead").wait_for()
    assert pp.locator("#q-fixture-matching.mla-on").count() == 1
    assert pp.locator("#q-fixture-single").count() == 0


def test_keyboard_alone_answers_a_question(pp):
    pp.goto(pp.base + TASK_11)
    q = pp.locator("#q-fixture-single")
    q.locator(f'.mla-q__choice[data-letter="{key_of(q)[0]}"] input').focus()
    pp.keyboard.press("Space")
    q.locator("button[data-mla=check]").focus()
    pp.keyboard.press("Enter")
    assert q.locator(".mla-status").inner_text() == "Correct."
    assert pp.evaluate("document.activeElement.dataset.mla") == "retry"
    pp.keyboard.press("Enter")
    assert q.locator(".mla-status").inner_text() == ""
    assert pp.evaluate("document.activeElement.type") == "radio"


def test_report_link_names_the_question_and_page(pp):
    pp.goto(pp.base + TASK_11)
    repo = pp.locator("a.md-source").first.get_attribute("href").rstrip("/")
    href = pp.locator("#q-fixture-single .mla-q__report").get_attribute("href")
    assert href.startswith(repo + "/issues/new?title=")
    from urllib.parse import parse_qs, urlsplit

    query = parse_qs(urlsplit(href).query)
    assert "fixture-single" in query["title"][0]
    assert f"{pp.base}{TASK_11}#q-fixture-single" in query["body"][0]
    other = pp.locator("#q-fixture-multiple .mla-q__report").get_attribute("href")
    assert "fixture-single" not in other


# ---------------------------------------------------------------- progress


def test_reload_keeps_the_progress(pp):
    pp.goto(pp.base + TASK_11)
    total = pp.locator(".mla-q").count()
    assert "0 of" in pp.locator(TALLY).inner_text()
    for qid, right in [("fixture-single", True), ("fixture-ordering", False)]:
        q = pp.locator(f"#q-{qid}")
        answer(q, right)
        check(q)
    pp.reload()
    assert f"2 of {total} answered, 1 right" in pp.locator(TALLY).inner_text()
    assert pp.locator("#q-fixture-single .mla-last").inner_text().startswith("Last answer: right")
    assert pp.locator("#q-fixture-ordering .mla-last").inner_text().startswith("Last answer: wrong")
    assert pp.locator("#q-fixture-matching .mla-last").inner_text() == ""
    mark = pp.locator('.md-nav__link[href$="1.1-ingest-and-store/"] .mla-mark').first
    assert mark.inner_text().endswith("1/2")
    assert pp.locator('.md-nav__link[href$="1.3-data-integrity-and-preparation/"] .mla-mark').count() == 0
    assert pp.errors == []


def test_instant_navigation_initialises_the_next_chapter(pp):
    pp.goto(pp.base + TASK_11)
    pp.evaluate("window.__stillHere = true")
    pp.locator('.md-nav--primary a.md-nav__link[href$="1.2-transform-and-engineer-features/"]').first.click()
    pp.wait_for_url("**/" + TASK_12)
    pp.locator("#q-fixture-case-one.mla-on").wait_for()
    assert pp.evaluate("window.__stillHere === true"), "the page was reloaded, not swapped by instant navigation"
    enhanced(pp)
    assert pp.locator(".mla-q.mla-on").count() == pp.locator(".mla-q").count()
    assert pp.locator(".mla-bar").count() == pp.locator(".mla-q").count()  # never twice
    one = pp.locator("#q-fixture-case-one")
    answer(one, right=True)
    assert check(one) == "Correct."
    pp.go_back()
    pp.wait_for_url("**/" + TASK_11)
    pp.locator("#q-fixture-single.mla-on").wait_for()
    enhanced(pp)
    assert pp.locator(".mla-bar").count() == pp.locator(".mla-q").count()
    assert pp.errors == []


def test_a_deep_link_opens_an_initialised_question(pp):
    height = pp.viewport_size["height"]
    pp.goto(pp.base + TASK_11)
    q = pp.locator("#q-fixture-matching")
    assert q.bounding_box()["y"] > height  # the twin: without the link the question is further down
    pp.goto("about:blank")
    pp.goto(pp.base + TASK_11 + "#q-fixture-matching")
    q.locator(".mla-bar").wait_for()
    assert 0 <= q.bounding_box()["y"] < height / 2


def test_progress_page_shows_the_counts_just_made(pp):
    pp.goto(pp.base + PROGRESS)
    pp.locator(".mla-lead").wait_for()
    assert "Answered 0 of" in pp.locator(".mla-lead").inner_text()
    pp.goto(pp.base + TASK_11)
    for qid, right in [("fixture-single", True), ("fixture-matching", False)]:
        q = pp.locator(f"#q-{qid}")
        answer(q, right)
        check(q)
    pp.goto(pp.base + PROGRESS)
    pp.locator(".mla-lead").wait_for()
    assert "Answered 2 of" in pp.locator(".mla-lead").inner_text()
    assert pp.locator(".mla-weighted").inner_text() == "50 %"
    first = pp.locator(".mla-table--tasks tbody tr").first
    assert first.get_attribute("data-task") == "1.1"
    assert re.search(r"^2 of \d+$", first.locator("td").nth(1).inner_text())
    assert first.locator("td").nth(2).inner_text() == "1"
    assert first.locator("a").get_attribute("href").endswith(TASK_11)
    domain = pp.locator(".mla-table").first.locator("tbody tr").first
    assert domain.locator("td").nth(1).inner_text() == "28 %"
    assert pp.locator(".mla-nojs").count() == 0
    assert pp.errors == []


def test_progress_export_and_import_round_trip(pp, tmp_path):
    pp.goto(pp.base + TASK_11)
    for qid, right in [("fixture-single", True), ("fixture-ordering", False)]:
        q = pp.locator(f"#q-{qid}")
        answer(q, right)
        check(q)
    before = store(pp)
    exams = [{"t": 1_700_000_000_000, "m": "exam", "q": "seed=kept", "n": 65, "r": 40, "s": 680, "p": False,
              "d": [[1, 18, 11], [2, 17, 10], [3, 14, 9], [4, 16, 10]], "u": 3_600_000, "ids": ["fixture-single"]}]
    pp.evaluate("h => localStorage.setItem('mla-exams-v1', JSON.stringify(h))", exams)
    pp.goto(pp.base + PROGRESS)
    pp.locator(".mla-lead").wait_for()
    with pp.expect_download() as download:
        pp.locator("button[data-mla=export]").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    data = json.loads(exported.read_text())
    assert data["q"] == before["q"]
    assert data["exams"] == exams  # the exam history travels with the answers

    pp.once("dialog", lambda d: d.dismiss())
    pp.locator("button[data-mla=reset]").click()
    assert "Answered 2 of" in pp.locator(".mla-lead").inner_text()
    pp.once("dialog", lambda d: d.accept())
    pp.locator("button[data-mla=reset]").click()
    assert "Answered 0 of" in pp.locator(".mla-lead").inner_text()
    assert store(pp) == {}

    garbage = tmp_path / "garbage.json"
    garbage.write_text('{"v": 7}')
    pp.locator("input[data-mla=import]").set_input_files(str(garbage))
    pp.locator(".mla-status", has_text="not a progress export").wait_for()
    assert "Answered 0 of" in pp.locator(".mla-lead").inner_text()

    pp.locator("input[data-mla=import]").set_input_files(str(exported))
    pp.locator(".mla-status", has_text="Imported 2 answers and 1 exam result.").wait_for()
    assert "Answered 2 of" in pp.locator(".mla-lead").inner_text()
    assert store(pp)["q"] == before["q"]
    assert pp.locator(".mla-table--exams tbody tr").count() == 1
    pp.locator("input[data-mla=import]").set_input_files(str(exported))  # again: nothing twice
    pp.locator(".mla-status", has_text="Imported 0 answers and 0 exam results.").wait_for()
    assert pp.locator(".mla-table--exams tbody tr").count() == 1
    assert pp.errors == []


def plant(page, entries: dict) -> None:
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps({"v": 1, "q": entries})])


def test_review_page_follows_the_leitner_schedule(pp):
    pp.goto(pp.base + TASK_11)
    now = pp.evaluate("Date.now()")
    days = 864e5
    plant(pp, {
        "fixture-single": {"n": 1, "r": 0, "c": "", "t": now, "b": 1, "k": "1.1"},            # wrong: due
        "fixture-multiple": {"n": 2, "r": 1, "c": "sure", "t": now - 2 * days, "b": 2, "k": "1.1"},   # waited 1 day
        "fixture-ordering": {"n": 3, "r": 1, "c": "sure", "t": now - 2 * days, "b": 3, "k": "1.1"},   # waits 3 days
        "fixture-matching": {"n": 1, "r": 1, "c": "sure", "t": now, "b": 2, "k": "1.1"},      # just right: not due
    })
    pp.goto(pp.base + REVIEW)
    pp.locator(".mla-lead").wait_for()
    shown = pp.locator(".mla-q").evaluate_all("els => els.map(e => e.dataset.qid)")
    assert shown == ["fixture-single", "fixture-multiple"]
    q = pp.locator("#q-fixture-multiple")
    answer(q, right=True)
    assert check(q) == "Correct."
    assert store(pp)["q"]["fixture-multiple"]["b"] == 3
    q = pp.locator("#q-fixture-single")
    answer(q, right=False)
    assert check(q).startswith("Incorrect.")
    assert store(pp)["q"]["fixture-single"]["b"] == 1
    pp.reload()
    pp.locator(".mla-lead").wait_for()
    assert pp.locator(".mla-q").evaluate_all("els => els.map(e => e.dataset.qid)") == ["fixture-single"]
    assert pp.errors == []


SCENARIO = """el => ({strong: [...el.querySelectorAll('strong')].map(e => e.textContent),
  code: [...el.querySelectorAll('code')].map(e => e.textContent), html: el.querySelectorAll('script, b').length,
  text: el.textContent})"""


def scenario_problems(page, scenario) -> list[str]:
    """How a shown fixture scenario differs from its page's: Markdown rendered, raw HTML as text, no script run."""
    got, problems = scenario.evaluate(SCENARIO), []
    if got["strong"] != ["Daily exports."] or got["code"] != ["sales-YYYY-MM-DD.csv"]:
        problems.append(f"Markdown not rendered: {got['strong']}, {got['code']}")
    if "**" in got["text"] or "`" in got["text"]:
        problems.append("raw Markdown shown")
    if got["html"] or "<script>window.__ran = 1</script>" not in got["text"] or page.evaluate("window.__ran"):
        problems.append("raw HTML from YAML is not text")
    return problems


def test_scenario_check_notices_raw_markdown(pp):
    pp.goto(pp.base + TASK_12)
    scenario = pp.locator("#case-cs-fixture .mla-case__scenario")
    assert scenario_problems(pp, scenario) == []  # the page renders it right
    scenario.evaluate("el => { el.textContent = '**Daily exports.** `sales-YYYY-MM-DD.csv`'; }")
    assert scenario_problems(pp, scenario) == ["Markdown not rendered: [], []", "raw Markdown shown",
                                               "raw HTML from YAML is not text"]


def test_review_page_shows_a_case_study_question_with_its_scenario(pp):
    pp.goto(pp.base + REVIEW)
    now = pp.evaluate("Date.now()")
    plant(pp, {qid: {"n": 1, "r": 0, "c": "", "t": now, "b": 1, "k": "1.1"}
               for qid in ("fixture-case-two", "fixture-single")})
    pp.reload()
    pp.locator(".mla-lead").wait_for()
    case = pp.locator("#q-fixture-case-two")
    assert "Cleaning sales data" in case.locator(".mla-scenario summary").inner_text()
    assert scenario_problems(pp, case.locator(".mla-scenario")) == []
    assert case.locator(".mla-q__anchor").get_attribute("href").endswith(
        "domain-1-data-preparation/#q-fixture-case-two")
    assert pp.locator("#q-fixture-single .mla-scenario").count() == 0
    answer(case, right=True)
    assert check(case) == "Correct."
    assert pp.errors == []


def test_review_page_with_nothing_due_says_so(pp):
    pp.goto(pp.base + REVIEW)
    assert pp.locator(".mla-lead").inner_text().startswith("Nothing is due")
    assert pp.locator(".mla-q").count() == 0


def test_a_corrupt_store_is_reset_and_the_page_works(pp):
    pp.goto(pp.base + TASK_11)
    pp.evaluate("([k]) => { localStorage.setItem(k, '{not json'); localStorage.setItem('other', 'keep'); }", [KEY])
    pp.reload()
    enhanced(pp)
    assert pp.locator(".mla-q.mla-on").count() == pp.locator(".mla-q").count()
    assert pp.evaluate(f"localStorage.getItem('{KEY}')") is None
    assert pp.evaluate("localStorage.getItem('other')") == "keep"
    q = pp.locator("#q-fixture-single")
    answer(q, right=True)
    assert check(q) == "Correct."
    assert store(pp)["q"]["fixture-single"]["n"] == 1
    assert pp.errors == []


def test_a_valid_store_is_kept(pp):
    pp.goto(pp.base + TASK_11)
    plant(pp, {"fixture-single": {"n": 4, "r": 1, "c": "sure", "t": 1, "b": 5, "k": "1.1"}})
    pp.reload()
    assert store(pp)["q"]["fixture-single"]["n"] == 4
    assert "4 attempts" in pp.locator("#q-fixture-single .mla-last").text_content()


@pytest.mark.parametrize("fault", ["full", "disabled"])
def test_a_full_or_disabled_store_does_not_break_the_page(browser, practice, fault):
    base = practice.base
    page = new_page(browser, base)
    throw = {"full": "Storage.prototype.setItem = function () "
                     "{ throw new DOMException('full', 'QuotaExceededError'); };",
             "disabled": f"const get = Storage.prototype.getItem; Storage.prototype.getItem = function (k) "
                         f"{{ if (k === '{KEY}') throw new DOMException('denied', 'SecurityError'); "
                         f"return get.call(this, k); }};"}[fault]
    page.add_init_script(throw)
    page.goto(base + TASK_11)
    q = page.locator("#q-fixture-single")
    answer(q, right=True)
    assert check(q) == "Correct."
    assert "1 of" in page.locator(TALLY).inner_text()
    assert page.locator("#q-fixture-single .mla-last").inner_text().startswith("Last answer: right")
    assert page.errors == []
    page.context.close()


def test_without_javascript_the_reveal_still_works(browser, practice):
    page = new_page(browser, practice.base, java_script_enabled=False)
    page.goto(practice.base + TASK_11)
    q = page.locator("#q-fixture-single")
    assert q.locator(".mla-bar").count() == 0
    q.locator("summary").click()
    assert q.locator(".mla-q__reveal").is_visible()
    page.goto(practice.base + PROGRESS)
    assert page.locator(".mla-nojs").is_visible()
    page.context.close()


def test_the_chapter_fits_360_px(browser, practice):
    page = new_page(browser, practice.base, viewport={"width": 360, "height": 740})
    page.goto(practice.base + TASK_11)
    for qid in TYPES:
        q = page.locator(f"#q-{qid}")
        answer(q, right=False)
        check(q)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.context.close()


# ---------------------------------------------------------------- the whole site


def test_no_console_errors_on_any_page_of_the_site(browser, practice):
    page = new_page(browser, practice.base)
    paths = sorted(p.relative_to(practice.site).as_posix() for p in practice.site.rglob("*.html"))
    assert len(paths) >= 20
    pages_with_questions = 0
    for path in paths:
        page.goto(practice.base + path)
        if page.locator(".mla-q").count():
            enhanced(page)
            assert page.locator(".mla-q.mla-on").count() == page.locator(".mla-q").count(), path
            pages_with_questions += 1
        if page.locator("[data-mla-app]").count():
            page.locator(".mla-lead").wait_for()
        assert page.errors == [], path
    assert pages_with_questions >= 2
    page.context.close()


def test_study_plan_ticks_persist_per_plan(pp):
    pp.goto(pp.base + "study-plan/")
    six = pp.locator('.mla-plan[data-plan="6w"] input[type=checkbox]')
    four = pp.locator('.mla-plan[data-plan="4w"] input[type=checkbox]')
    assert four.count() > 10 and six.count() > 10
    assert four.first.is_enabled()
    pp.locator(".tabbed-labels label", has_text="4 weeks").click()
    four.nth(2).check(force=True)
    pp.reload()
    four = pp.locator('.mla-plan[data-plan="4w"] input[type=checkbox]')
    six = pp.locator('.mla-plan[data-plan="6w"] input[type=checkbox]')
    assert four.nth(2).is_checked()
    assert not four.nth(1).is_checked()
    assert not six.nth(2).is_checked()
    assert pp.evaluate("JSON.parse(localStorage.getItem('mla-plan-v1'))") == {"4w": [2]}
    assert pp.errors == []


# ---------------------------------------------------------------- Review: back to the chapter, a fresh order


def test_review_answers_lead_back_to_the_sections_that_teach_them(pp, practice):
    from macros import page_url_of
    from macros.sections import scan_sections, teaching

    sections = scan_sections(practice.site.parent / "docs")
    pp.goto(pp.base + REVIEW)
    plant(pp, {qid: {"n": 1, "r": 0, "c": "", "t": 1, "b": 1, "k": "1.1"}
               for qid in ("fixture-case-two", "fixture-single")})
    pp.reload()
    pp.locator(".mla-lead").wait_for()
    for qid in ("fixture-case-two", "fixture-single"):
        links = pp.locator(f"#q-{qid} .mla-q__learn a").evaluate_all("els => els.map(a => a.href)")
        want = teaching(sections, practice.bank.by_id[qid].covers)
        assert want and links == [f"{pp.base}{page_url_of(s.page, True)}#{s.anchor}" for s in want]
        assert missing_targets(pp, links) == []
    assert missing_targets(pp, [pp.base + TASK_11 + "#no-such-section", pp.base + "no-such-page/"]) == [
        pp.base + TASK_11 + "#no-such-section", pp.base + "no-such-page/"]  # the twin: the check can fail
    assert pp.errors == []


ORDER = """q => [...q.querySelectorAll('.mla-q__choice label, .mla-q__responses li')]
  .map(e => e.textContent.replace(/\\s+/g, ' ').trim().replace(/^[A-Z]\\. /, ''))"""


def chapter_order(bank, qid: str) -> list[str]:
    """A question's options (or steps, or prompts and responses) as its chapter page shows them."""
    v = view(bank.by_id[qid])
    text = lambda h: html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", str(h))).strip())  # noqa: E731
    if "prompts" in v:  # the responses come first, then the prompts to match
        return [text(r["html"]) for r in v["responses"]] + [text(p["html"]) for p in v["prompts"]]
    return [text(c["html"]) for c in v["choices"]]


def test_review_shuffles_each_attempt_and_a_reload_keeps_the_order(pp, fixture_bank):
    def orders():
        pp.reload()
        pp.locator(".mla-lead").wait_for()
        return {qid: pp.locator(f"#q-{qid}").evaluate(ORDER) for qid in TYPES}

    pp.goto(pp.base + TASK_11)
    chapter = {qid: pp.locator(f"#q-{qid}").evaluate(ORDER) for qid in TYPES}
    assert chapter == {qid: chapter_order(fixture_bank, qid) for qid in TYPES}  # chapter pages keep the build's order
    pp.goto(pp.base + REVIEW)
    plant(pp, {qid: {"n": 1, "r": 0, "c": "", "t": 1, "b": 1, "k": "1.1"} for qid in TYPES})
    first = orders()
    assert orders() == first  # a reload keeps the attempt's order
    assert all(sorted(first[qid]) == sorted(chapter[qid]) for qid in TYPES)
    assert sum(first[qid] != chapter[qid] for qid in TYPES) >= 3
    plant(pp, {qid: {"n": 2, "r": 0, "c": "", "t": 2, "b": 1, "k": "1.1"} for qid in TYPES})  # the next attempt
    second = orders()
    assert sum(second[qid] != first[qid] for qid in TYPES) >= 3
    for qid in TYPES:  # grading follows the order shown
        q = pp.locator(f"#q-{qid}")
        answer(q, right=True)
        assert check(q) == "Correct.", qid
    assert pp.errors == []


def visible(page) -> list[str]:
    return page.locator(".mla-list > .mla-q:not([hidden])").evaluate_all("els => els.map(e => e.dataset.qid)")


def test_review_filters_by_domain_and_task_and_works_one_at_a_time(pp, fixture_bank):
    other = next(q for q in fixture_bank.questions if q.domain == 2)
    pp.goto(pp.base + REVIEW)
    plant(pp, {qid: {"n": 1, "r": 0, "c": "", "t": 1, "b": 1, "k": fixture_bank.by_id[qid].task}
               for qid in [*TYPES, "fixture-case-two", other.id]})
    pp.reload()
    pp.locator(".mla-lead").wait_for()
    every = visible(pp)
    assert sorted(every) == sorted([*TYPES, "fixture-case-two", other.id])
    domain, task, one = (pp.locator(f"[data-mla-filter={k}]") for k in ("domain", "task", "one"))
    domain.select_option("2")
    assert visible(pp) == [other.id]
    assert pp.locator("[data-mla-filter=task] option[value='1.1']").is_disabled()  # tasks follow the domain
    domain.select_option("1")
    task.select_option("1.1")
    assert visible(pp) == [q for q in every if q in TYPES]
    assert pp.locator(".mla-shown").inner_text() == "Showing 4 of 6 questions due."
    one.check()
    assert len(visible(pp)) == 1 and pp.locator(".mla-shown").inner_text() == "Question 1 of 4."
    first = visible(pp)
    pp.locator("[data-mla=rnext]").click()
    assert visible(pp) != first and pp.locator(".mla-shown").inner_text() == "Question 2 of 4."
    assert pp.evaluate("document.activeElement.closest('.mla-q').dataset.qid") == visible(pp)[0]
    done = visible(pp)[0]
    q = pp.locator(f"#q-{done}")
    answer(q, right=True)  # a question worked in this view is checked as anywhere (and is no longer due)
    assert check(q) == "Correct."
    pp.locator("[data-mla=rprev]").click()
    assert visible(pp) == first
    pp.reload()  # the address keeps the filters
    pp.locator(".mla-lead").wait_for()
    assert "domain=1" in pp.url and "task=1.1" in pp.url and "one=1" in pp.url
    assert len(visible(pp)) == 1 and pp.locator("[data-mla-filter=task]").input_value() == "1.1"
    assert pp.locator(".mla-shown").inner_text() == "Question 1 of 3."
    pp.locator("[data-mla-filter=one]").uncheck()
    pp.locator("[data-mla-filter=task]").select_option("")
    pp.locator("[data-mla-filter=domain]").select_option("")
    assert sorted(visible(pp)) == sorted(set(every) - {done})
    assert pp.errors == []

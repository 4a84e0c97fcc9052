"""Mock exam and domain quiz: the seeded draw, the exam in Debian's Chromium, the results and the history.

The draw is tested through `window.MLA.draw` on the real bank.json and on synthetic banks of up to
5,000 questions made from the real ones with new ids; the exam is tested on the real site, with a
clock the test controls wherever time matters.
"""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from macros import largest_remainder

from .test_interactive import KEY, missing_targets, new_page, scenario_problems, store

pytestmark = pytest.mark.browser

EXAM = "practice/mock-exam/"
HIST = "mla-exams-v1"
TYPES = {"single", "multiple", "ordering", "matching"}
DRAW = """([b, seed, o]) => {
  const d = MLA.draw(b, seed, o);
  return {ids: d.qs.map(x => x.id), types: d.qs.map(x => x.type), domains: d.qs.map(x => x.domain),
          cases: d.qs.map(x => x.cs ? x.cs.id : null), doms: d.doms};
}"""


# ---------------------------------------------------------------- banks


@pytest.fixture(scope="module")
def real(site) -> dict:
    return json.loads((site / "assets" / "bank.json").read_text(encoding="utf-8"))


def lean(x: dict, domain: int, suffix: str) -> dict:
    return {"id": x["id"] + suffix, "type": x["type"], "domain": domain}


def synthetic(real: dict, size: int) -> dict:
    """`size` questions copied from the real ones with new ids, each copy's domains rotated by one."""
    shift = lambda d, c: (d - 1 + c) % 4 + 1  # noqa: E731
    out = {k: real[k] for k in ("exam", "domains")} | {"questions": [], "case_studies": []}
    count, c = 0, 0
    while count < size:
        for cs in real["case_studies"]:
            if count + len(cs["questions"]) <= size:
                d = shift(cs["domain"], c)
                out["case_studies"].append({"id": f"{cs['id']}-{c}", "domain": d,
                                            "questions": [lean(x, d, f"-{c}") for x in cs["questions"]]})
                count += len(cs["questions"])
        for x in real["questions"]:
            if count < size:
                out["questions"].append(lean(x, shift(x["domain"], c), f"-{c}"))
                count += 1
        c += 1
    return out


def size(b: dict) -> int:
    return len(b["questions"]) + sum(len(cs["questions"]) for cs in b["case_studies"])


def have(b: dict) -> dict[int, int]:
    counts = {d["id"]: 0 for d in b["domains"]}
    for x in b["questions"] + [x for cs in b["case_studies"] for x in cs["questions"]]:
        counts[x["domain"]] += 1
    return counts


def expected_counts(b: dict, total: int) -> dict[int, int]:
    """The rule as the issue states it: shares by weight; a short domain gives all it has, the rest share its gap."""
    ids, weights, avail = [d["id"] for d in b["domains"]], [d["weight"] for d in b["domains"]], have(b)
    take = dict(zip(ids, largest_remainder(min(total, sum(avail.values())), weights), strict=True))
    while short := sum(max(0, take[d] - avail[d]) for d in ids):
        room = [w if take[d] < avail[d] else 0 for d, w in zip(ids, weights, strict=True)]
        take = {d: min(take[d], avail[d]) + extra for d, extra in zip(ids, largest_remainder(short, room), strict=True)}
    return take


@pytest.fixture(scope="module")
def drawer(browser, server):
    """A page of the real site with mla.js loaded: draw(bank, seed, options) runs window.MLA.draw."""
    page = new_page(browser, server)
    page.goto(f"{server}/{EXAM}")
    page.locator(".mla-lead").wait_for()
    page.draw = lambda b, seed, o=None: page.evaluate(DRAW, [b, seed, o or {}])
    yield page
    page.context.close()


def whole_cases(b: dict, d: dict) -> list[str]:
    """Case studies drawn in part, or not in one run: the problems, empty when every one is whole."""
    problems = []
    for cs in b["case_studies"]:
        ids = [x["id"] for x in cs["questions"]]
        at = [i for i, qid in enumerate(d["ids"]) if qid in ids]
        if at and (len(at) != len(ids) or at != list(range(at[0], at[0] + len(ids)))):
            problems.append(cs["id"])
    return problems


def per_domain(d: dict) -> dict[int, int]:
    return {dm["id"]: d["domains"].count(dm["id"]) for dm in d["doms"]}


# ---------------------------------------------------------------- the draw


def test_js_and_python_share_out_the_same(drawer, site, real):
    weights = [d["weight"] for d in real["domains"]]
    assert largest_remainder(65, weights) == [18, 17, 14, 16]
    cases = [(n, w) for n in (1, 7, 10, 20, 30, 65, 99) for w in (weights, [1, 1, 1], [28, 22, 24], [5, 0, 3])]
    js = drawer.evaluate("cases => cases.map(([n, w]) => MLA.split(n, w))", cases)
    assert js == [largest_remainder(n, w) for n, w in cases]
    big = drawer.draw(synthetic(real, 5000), "agree")
    assert [d["aim"] for d in big["doms"]] == largest_remainder(real["exam"]["questions_total"], weights)
    table = BeautifulSoup((site / EXAM / "index.html").read_text(encoding="utf-8"), "html.parser").table
    column = [tr.find_all("td")[2].get_text(strip=True) for tr in table.tbody.find_all("tr")][:-1]
    assert column == [str(n) for n in largest_remainder(real["exam"]["questions_total"], weights)]


def test_the_real_bank_draws_a_full_exam(drawer, real):
    d = drawer.draw(real, "today")
    assert len(d["ids"]) == real["exam"]["questions_total"] == len(set(d["ids"]))
    assert per_domain(d) == expected_counts(real, 65)
    assert whole_cases(real, d) == []
    assert set(d["types"]) >= TYPES and any(d["cases"])
    assert all(dm["n"] == dm["have"] for dm in d["doms"] if dm["have"] < dm["aim"])  # a short domain gives all


@pytest.mark.parametrize("n", [500, 1000, 2000, 5000])
def test_a_large_bank_draws_by_weight(drawer, real, n):
    b = synthetic(real, n)
    assert size(b) == n
    d = drawer.draw(b, f"seed-{n}")
    assert len(d["ids"]) == 65 == len(set(d["ids"]))
    assert per_domain(d) == dict(zip([1, 2, 3, 4], largest_remainder(65, [28, 26, 22, 24]), strict=True))
    assert whole_cases(b, d) == []
    assert set(d["types"]) >= TYPES
    drawn_cases = {c for c in d["cases"] if c}
    assert drawn_cases, "case studies come first"
    for dm in d["doms"]:  # but they leave at least half of each share to single questions
        in_cases = sum(1 for c, dom in zip(d["cases"], d["domains"], strict=True) if c and dom == dm["id"])
        assert in_cases <= dm["aim"] / 2
    again, other = drawer.draw(b, f"seed-{n}"), drawer.draw(b, f"seed-{n}x")
    assert again["ids"] == d["ids"]
    assert other["ids"] != d["ids"]


def test_a_short_domain_is_filled_from_the_others_by_weight(drawer, real):
    b = synthetic(real, 5000)
    d2 = [x for x in b["questions"] if x["domain"] == 2][:2]
    b["questions"] = [x for x in b["questions"] if x["domain"] != 2] + d2
    b["case_studies"] = [cs for cs in b["case_studies"] if cs["domain"] != 2]
    d = drawer.draw(b, "short")
    extra = largest_remainder(17 - 2, [28, 22, 24])
    assert extra != largest_remainder(17 - 2, [1, 1, 1]), "a gap that equal shares would fill alike tells nothing"
    assert per_domain(d) == {1: 18 + extra[0], 2: 2, 3: 14 + extra[1], 4: 16 + extra[2]}
    assert per_domain(d) == expected_counts(b, 65)
    assert len(d["ids"]) == 65 == len(set(d["ids"]))
    assert set(x["id"] for x in d2) <= set(d["ids"])


def test_a_bank_smaller_than_the_exam_gives_every_question(drawer, real):
    b = synthetic(real, 40)
    d = drawer.draw(b, "small")
    every = {x["id"] for x in b["questions"]} | {x["id"] for cs in b["case_studies"] for x in cs["questions"]}
    assert len(d["ids"]) == 40 == len(set(d["ids"]))
    assert set(d["ids"]) == every
    assert whole_cases(b, d) == []
    assert len(drawer.draw(synthetic(real, 65), "small")["ids"]) == 65  # the twin: a bank of 65 fills the exam


def test_a_rare_type_is_always_drawn(drawer, real):
    b = synthetic(real, 1000)
    ordering = [x for x in b["questions"] if x["type"] == "ordering"]
    b["questions"] = [x for x in b["questions"] if x["type"] != "ordering"] + ordering[:1]
    b["case_studies"] = [cs for cs in b["case_studies"] if all(x["type"] != "ordering" for x in cs["questions"])]
    for s in ("r1", "r2", "r3", "r4", "r5", "r6"):
        d = drawer.draw(b, s)
        assert ordering[0]["id"] in d["ids"], s
        assert per_domain(d) == expected_counts(b, 65)
    b["questions"] = [x for x in b["questions"] if x["type"] != "ordering"]  # the twin: none to draw
    assert "ordering" not in drawer.draw(b, "r1")["types"]


def test_a_domain_quiz_draws_only_its_domains(drawer, real):
    d = drawer.draw(real, "q", {"domains": [2, 3], "count": 10})
    assert len(d["ids"]) == 10 and set(d["domains"]) <= {2, 3}
    assert per_domain(d) == dict(zip([2, 3], largest_remainder(10, [26, 22]), strict=True))
    d = drawer.draw(real, "q", {"domains": [2, 3], "count": 10_000})  # more than the domains hold: all of them
    assert len(d["ids"]) == have(real)[2] + have(real)[3]


# ---------------------------------------------------------------- the exam in the browser


# The key as this attempt shows it: the bank's key (in the chapter's order) mapped through the page's
# shuffled letters by the text of each option, step or response (no two are alike in a question).
SHOWN_KEY = r"""(q, x) => {
  const flat = s => s.replace(/\s+/g, ' ').trim(), strip = s => flat(s).replace(/^[A-Z]\. /, ''), letter = {};
  const t = h => { const d = document.createElement('div'); d.innerHTML = h; return flat(d.textContent); };
  const shown = x.choices ? '.mla-q__choice label' : '.mla-q__responses li';
  q.querySelectorAll(shown).forEach(e => { letter[strip(e.textContent)] = e.closest('li').dataset.letter; });
  const at = c => letter[t(c.html)];
  if (x.type === 'ordering') return x.choices.slice().sort((a, b) => a.position - b.position).map(at);
  if (x.choices) return x.choices.filter(c => c.correct).map(at);
  return x.prompts.map(p => at(x.responses.find(r => r.letter === p.answer)));
}"""


def shown_key(q, x: dict) -> list[str]:
    key = q.evaluate(SHOWN_KEY, x)
    assert None not in key, f"{x['id']}: an option of the bank is not on the page"
    return key


def give(q, x: dict, right: bool) -> None:
    """Answer a question from the bank's key (the page holds no key before submit): right, or wrong by one change."""
    key = shown_key(q, x)
    if x["type"] in ("single", "multiple"):
        letters = q.locator(".mla-q__choice").evaluate_all("els => els.map(e => e.dataset.letter)")
        other = next(letter for letter in letters if letter not in key)
        for letter in key if right else [*key[:-1], other]:
            q.locator(f'.mla-q__choice[data-letter="{letter}"] input').check()
    elif x["type"] == "ordering":
        order = list(key) if right else [key[1], key[0], *key[2:]]
        for pos, letter in enumerate(order, 1):
            q.locator(f'.mla-q__choice[data-letter="{letter}"] select').select_option(str(pos))
    else:
        for n, letter in enumerate(key if right else [key[1], *key[1:]], 1):
            q.locator(f'.mla-q__choice[data-prompt="{n}"] select').select_option(letter)


def questions(real: dict) -> dict[str, dict]:
    return {x["id"]: x for x in real["questions"] + [x for cs in real["case_studies"] for x in cs["questions"]]}


def shown(page) -> list[str]:
    return page.locator(".mla-exam .mla-q").evaluate_all("els => els.map(e => e.dataset.qid)")


def current(page):
    return page.locator(".mla-exam .mla-q:not([hidden])")


def start(page, base: str, query: str) -> list[str]:
    page.goto(f"{base}/{EXAM}?{query}")
    page.locator("[data-mla=start]").click()
    page.locator(".mla-exam").wait_for()
    return shown(page)


def controls(page) -> list[list[str]]:
    return page.locator(".mla-exam .mla-q").evaluate_all(
        "qs => qs.map(q => [...q.querySelectorAll('.mla-q__choice input, .mla-q__choice select')]"
        ".map(c => c.tagName === 'SELECT' ? c.value : c.checked ? c.value : ''))")


def scaled(right: int, n: int, cut: float, exam: dict) -> int:
    (lo, hi), line, p = exam["score_scale"], exam["passing_score"], right / n
    return round(lo + (line - lo) * p / cut if p < cut else line + (hi - line) * (p - cut) / (1 - cut))


def test_an_exam_from_start_to_results(page, server, real):
    ids = start(page, server, "seed=walk")
    bank, cut = questions(real), int(page.locator("[data-mla-app]").get_attribute("data-cut")) / 100
    assert len(ids) == 65 == len(set(ids))
    assert {d: [bank[i]["domain"] for i in ids].count(d) for d in (1, 2, 3, 4)} == expected_counts(real, 65)
    assert set(page.locator(".mla-exam .mla-q").evaluate_all("els => els.map(e => e.dataset.qtype)")) >= TYPES
    assert page.locator(".mla-exam .mla-scenario").count() >= 2
    assert ids == page.evaluate("async s => MLA.draw(await (await fetch('../../assets/bank.json')).json(), s)"
                                ".qs.map(x => x.id)", "walk")
    # nothing of the answer is in the page before submit
    assert page.locator(".mla-q__answer, .mla-q__why, [data-key], [data-mla=check], .mla-q__refs").count() == 0
    assert current(page).count() == 1

    plan = {}  # index -> right?
    for i in range(12):
        x = bank[ids[i]]
        plan[i] = i % 3 != 1
        give(current(page), x, plan[i])
        if i == 2:
            page.locator("[data-mla=flag]").click()
        page.locator("[data-mla=next]").click()
    page.locator(".mla-cell[data-i='20']").click()
    assert current(page).get_attribute("data-qid") == ids[20]
    before = controls(page)
    page.reload()
    page.locator(".mla-exam").wait_for()
    assert controls(page) == before
    assert current(page).get_attribute("data-qid") == ids[20]
    cell = page.locator(".mla-cell[data-i='2']")
    assert cell.get_attribute("aria-label") == "Question 3, answered, flagged"
    assert page.locator(".mla-cell[data-i='1']").get_attribute("aria-label") == "Question 2, answered"
    assert page.locator(".mla-cell[data-i='30']").get_attribute("aria-label") == "Question 31, not answered"
    assert page.locator(".mla-cell.mla-is-done").count() == 12

    page.locator("[data-mla=submit]").click()
    confirm = page.locator(".mla-confirm")
    assert "53 of 65 questions not answered, 1 flagged" in confirm.inner_text()
    page.locator("[data-mla=no]").click()
    assert confirm.is_hidden() and page.locator(".mla-exam").count() == 1  # the twin: not submitted
    page.locator("[data-mla=submit]").click()
    page.locator("[data-mla=yes]").click()
    page.locator(".mla-result").wait_for()

    right = sum(plan.values())
    assert page.locator(".mla-raw").inner_text() == f"{right} of 65"
    full = all(n >= aim for n, aim in zip(have(real).values(), largest_remainder(65, [28, 26, 22, 24]), strict=True))
    expect = scaled(right, 65, cut, real["exam"]) if full else None  # a short domain: no score (its own test)
    if full:
        assert page.locator(".mla-scaled").inner_text() == str(expect)
        assert page.locator(".mla-fail" if expect < 720 else ".mla-pass").count() == 1
    rows = page.locator(".mla-table--result tbody tr")
    assert rows.count() == 4
    for r in range(4):
        row = rows.nth(r)
        dom = int(row.get_attribute("data-domain"))
        mine = [i for i, qid in enumerate(ids) if bank[qid]["domain"] == dom]
        good = sum(1 for i in mine if plan.get(i))
        cells = row.locator("td").all_inner_texts()
        percent = int(100 * good / len(mine) + 0.5)  # as JavaScript's Math.round: halves up, not to even
        assert cells[1:4] == [str(len(mine)), str(good), f"{percent} %"]
        assert cells[4] == ("Meets competencies" if good / len(mine) >= cut else "Needs improvement")
    text, avail = page.locator(".mla-result").inner_text(), have(real)
    aims = dict(zip([1, 2, 3, 4], largest_remainder(65, [28, 26, 22, 24]), strict=True))
    notes = [f"The bank has {avail[d]} questions for domain {d}; this exam uses all of them and "
             f"{aims[d] - avail[d]} more from other domains." for d in aims if avail[d] < aims[d]]
    assert all(note in text for note in notes)
    assert ("more from other domains" in text) == bool(notes)

    # every question reviewed: the learner's answer, the key, every why, the references
    reviewed = page.locator(".mla-result .mla-q")
    assert reviewed.count() == 65
    statuses = reviewed.locator(".mla-status").all_inner_texts()
    for i, text in enumerate(statuses):
        want = "Correct." if plan.get(i) else "Incorrect." if i in plan else "Not answered."
        assert text.startswith(want), (i, text)
    assert "flagged" in statuses[2]
    assert reviewed.locator(".mla-q__refs a").count() >= 65
    assert reviewed.nth(0).locator(".mla-q__reveal").is_visible()
    assert reviewed.nth(40).locator(".mla-q__why").first.is_visible()  # unanswered: the whys as a list
    assert reviewed.evaluate_all("qs => qs.every(q => q.querySelector('.mla-q__answer').open)")
    assert reviewed.locator(".mla-scenario").count() >= 2  # case studies keep their scenario
    # every answer leads back to the sections that teach its bullets, and they are there
    learn = reviewed.evaluate_all("qs => qs.map(q => [...q.querySelectorAll('.mla-q__learn a')].map(a => a.href))")
    assert [len(links) for links in learn] == [len(bank[qid]["learn"]) for qid in ids]
    assert sum(map(bool, learn)) >= 60
    assert missing_targets(page, {href for links in learn for href in links}) == []

    # the progress store and the history
    saved = store(page)["q"]  # only what was answered: an unanswered question is not an answer
    assert set(saved) == {ids[i] for i in plan}
    assert sorted(i for i in plan if saved[ids[i]]["r"]) == sorted(i for i, ok in plan.items() if ok)
    history = json.loads(page.evaluate(f"localStorage.getItem('{HIST}')"))
    assert len(history) == 1 and history[0]["r"] == right and history[0]["s"] == expect
    page.reload()  # the results stay after a reload, and are not recorded twice
    page.locator(".mla-result").wait_for()
    assert page.locator(".mla-raw").inner_text() == f"{right} of 65"
    assert len(json.loads(page.evaluate(f"localStorage.getItem('{HIST}')"))) == 1
    assert store(page)["q"][ids[0]]["n"] == 1
    page.goto(f"{server}/practice/review/")
    page.locator(".mla-lead").wait_for()
    assert page.locator(".mla-q").count() == len(plan) - right
    page.goto(f"{server}/practice/progress/")
    row = page.locator(".mla-table--exams tbody tr")
    row.first.wait_for()
    assert row.count() == 1
    assert f"{right} of 65" in row.inner_text() and "Mock exam" in row.inner_text()
    assert row.locator("a").get_attribute("href").endswith(f"{EXAM}?seed=walk")
    page.once("dialog", lambda d: d.accept())
    page.locator("button[data-mla=reset]").click()
    page.get_by_text("No mock exam or domain quiz taken yet").wait_for()  # reset clears the history too
    assert page.evaluate(f"localStorage.getItem('{HIST}')") is None
    assert page.errors == []


def test_the_same_seed_draws_the_same_exam(browser, server):
    pages = [new_page(browser, server) for _ in range(3)]
    one, two, other = (start(p, server, f"seed={s}") for p, s in zip(pages, ["same", "same", "other"], strict=True))
    assert one == two
    assert one != other
    for p in pages:
        assert p.errors == []
        p.context.close()


def test_the_clock_warns_and_submits_at_zero(browser, server, real):
    page = new_page(browser, server)
    page.clock.install()
    ids = start(page, server, "seed=clock")
    clock, alert = page.locator(".mla-clock"), page.locator(".mla-alert")
    assert clock.inner_text() == "Time left 2:10:00"
    give(current(page), questions(real)[ids[0]], True)
    page.clock.fast_forward("01:00:00")
    page.reload()  # the deadline is stored: the countdown goes on across reloads
    # The installed clock also moves with real time, so a busy machine may show a few seconds less.
    page.get_by_text(re.compile(r"^Time left 1:(10:00|09:[45]\d)$")).wait_for()
    page.clock.fast_forward("00:59:00")
    page.get_by_text(re.compile(r"^Time left 0:(11:00|10:[2-5]\d)$")).wait_for()
    assert "mla-warn" not in clock.get_attribute("class")
    assert "submitted when the time is up" not in alert.inner_text()
    page.clock.fast_forward("00:01:00")
    page.get_by_text(re.compile(r"^Time left 0:(10:00|09:[2-5]\d)$")).wait_for()
    assert "mla-warn" in clock.get_attribute("class")
    assert alert.inner_text() == "10 minutes left. The exam is submitted when the time is up."
    assert alert.get_attribute("role") == "status"
    assert page.locator(".mla-result").count() == 0
    page.clock.fast_forward("00:10:00")
    page.locator(".mla-result").wait_for()
    lead = page.locator(".mla-result .mla-lead").first.inner_text()
    assert "Time used: 2:10:00 of 2:10:00." in lead and "submitted automatically" in lead
    assert page.locator(".mla-raw").inner_text() == "1 of 65"
    assert page.errors == []
    page.context.close()


def test_a_second_tab_takes_the_exam_over_without_losing_answers(browser, server, real):
    first = new_page(browser, server)
    ids, bank = start(first, server, "seed=tabs"), questions(real)
    give(current(first), bank[ids[0]], True)
    second = first.context.new_page()
    second.goto(f"{server}/{EXAM}?seed=tabs")
    second.locator(".mla-exam").wait_for()
    assert controls(second)[0] == controls(first)[0] != [""] * len(controls(first)[0])
    first.locator(".mla-lock").wait_for()
    assert first.locator(".mla-exam input:enabled, .mla-exam select:enabled, .mla-exam button:enabled").count() == 0
    assert second.locator(".mla-lock").is_hidden()
    second.locator("[data-mla=next]").click()
    give(current(second), bank[ids[1]], True)
    first.locator("[data-mla=take]").click()
    first.locator(".mla-exam").wait_for()
    assert first.locator(".mla-lock").is_hidden()
    assert first.locator(".mla-cell.mla-is-done").count() == 2
    second.locator(".mla-lock").wait_for()
    state = json.loads(first.evaluate("localStorage.getItem('mla-exam-v1:seed=tabs')"))
    assert set(state["a"]) == {ids[0], ids[1]}
    assert first.errors == []
    first.context.close()


def test_a_tab_that_missed_the_takeover_does_not_overwrite_it(browser, server, real):
    first = new_page(browser, server)
    # This tab never hears of the other one (as when a storage event is lost): writing must still check.
    first.add_init_script("addEventListener('storage', e => e.stopImmediatePropagation(), true)")
    ids, bank = start(first, server, "seed=deaf"), questions(real)
    give(current(first), bank[ids[0]], True)
    second = first.context.new_page()
    second.goto(f"{server}/{EXAM}?seed=deaf")
    second.locator("[data-mla=next]").click()
    give(current(second), bank[ids[1]], True)
    before = second.evaluate("localStorage.getItem('mla-exam-v1:seed=deaf')")
    assert first.locator(".mla-lock").is_hidden()
    current(first).locator(".mla-q__choice input, .mla-q__choice select").last.evaluate(
        "c => { if (c.tagName === 'SELECT') c.selectedIndex = 1; else c.checked = !c.checked;"
        " c.dispatchEvent(new Event('change', {bubbles: true})); }")  # one change: one write
    first.locator(".mla-lock").wait_for()
    assert second.evaluate("localStorage.getItem('mla-exam-v1:seed=deaf')") == before
    assert set(json.loads(before)["a"]) == {ids[0], ids[1]}
    assert first.errors == []
    first.context.close()


def test_leaving_and_coming_back_by_instant_navigation(browser, practice):
    page = new_page(browser, practice.base)
    page.clock.install()
    page.goto(practice.base + EXAM + "?seed=away")
    page.locator("[data-mla=start]").click()
    page.evaluate("window.__stillHere = true")
    assert page.locator(".md-nav--primary").is_hidden()  # exam mode: the way out is the header, and it asks
    page.once("dialog", lambda d: d.accept())
    page.locator("a.md-logo").first.click()
    page.wait_for_url(practice.base)
    # The address changes before Material swaps the page in: until then the exam's links (and its guard) remain.
    page.locator(".mla-exam").wait_for(state="detached")
    page.locator('.md-nav--primary a.md-nav__link[href$="practice/progress/"]').first.click()
    page.wait_for_url("**/practice/progress/")
    page.locator(".mla-lead").wait_for()
    page.clock.fast_forward("00:00:05")  # the exam's interval must stop, not tick against another page
    page.locator('.md-nav--primary a.md-nav__link[href$="practice/mock-exam/"]').first.click()
    page.wait_for_url("**/" + EXAM)
    resume = page.locator(".mla-note a", has_text="mock exam away")
    resume.wait_for()
    assert page.evaluate("window.__stillHere === true"), "instant navigation, not page loads"
    resume.click()
    page.locator(".mla-exam").wait_for()
    assert re.fullmatch(r"Time left 2:09:5\d", page.locator(".mla-clock").inner_text())
    page.clock.fast_forward("00:00:05")
    assert page.errors == []
    page.context.close()


def test_a_domain_quiz_from_the_form(page, server, real):
    page.goto(f"{server}/{EXAM}")
    page.locator(".mla-lead").wait_for()
    for d in ("1", "4"):
        page.locator(f"input[name=mla-d][value='{d}']").uncheck()
    page.locator("input[name=mla-n][value='10']").check()
    page.locator("input[name=mla-t]").check()
    page.locator("[data-mla=quiz]").click()
    page.locator(".mla-exam").wait_for()
    assert re.search(r"\?mode=quiz&domains=2,3&count=10&timed=1&seed=[\w-]+$", page.url)
    ids, bank = shown(page), questions(real)
    assert len(ids) == 10 and {bank[i]["domain"] for i in ids} <= {2, 3}
    assert page.locator(".mla-clock").inner_text().startswith("Time left 0:20:0")
    page.goto(f"{server}/{EXAM}?mode=quiz&domains=2&count=30&seed=untimed")
    page.locator(".mla-lead").wait_for()
    n = min(30, have(real)[2])
    note = f"The bank has {n} questions for the chosen domains, so this quiz has {n}."
    assert (note in page.locator("[data-mla-app]").inner_text()) == (n < 30)
    assert "untimed" in page.locator(".mla-lead").inner_text()
    page.locator("[data-mla=start]").click()
    assert len(shown(page)) == n
    assert page.locator(".mla-clock").is_hidden()
    page.locator("[data-mla=submit]").click()
    page.locator("[data-mla=yes]").click()
    assert page.locator(".mla-scaled").count() == 0  # a quiz has no scaled score
    assert page.locator(".mla-table--result tbody tr").count() == 1
    assert page.errors == []


def test_the_grid_works_from_the_keyboard(page, server):
    ids = start(page, server, "seed=keys")
    page.locator(".mla-cell[data-i='4']").focus()
    page.keyboard.press("Enter")
    assert current(page).get_attribute("data-qid") == ids[4]
    assert page.evaluate("document.activeElement.textContent") == "Question 5"
    assert page.locator(".mla-pos").inner_text() == "Question 5 of 65"
    page.locator("[data-mla=flag]").focus()
    page.keyboard.press("Space")
    assert page.locator("[data-mla=flag]").get_attribute("aria-pressed") == "true"
    assert page.locator(".mla-cell[data-i='4']").get_attribute("aria-label") == "Question 5, not answered, flagged"
    assert page.locator(".mla-cell[data-i='4']").get_attribute("aria-current") is not None
    assert page.locator(".mla-cell[aria-current]").count() == 1


@pytest.mark.parametrize("state", ['{not json', '{"ids": ["no-such-question"], "a": 5}', '{"ids": 7}'])
def test_a_corrupt_exam_or_history_does_not_break_the_pages(page, server, state):
    page.goto(f"{server}/{EXAM}")
    page.evaluate("([s, h]) => { localStorage.setItem('mla-exam-v1:seed=bad', s); localStorage.setItem(h, "
                  "'[{\"n\": 1, \"d\": [null]}, \"junk\", null]'); }", [state, HIST])
    page.goto(f"{server}/{EXAM}?seed=bad")
    page.locator("[data-mla=start]").click()  # offered afresh
    assert len(shown(page)) == 65
    page.goto(f"{server}/practice/progress/")
    page.get_by_text("No mock exam or domain quiz taken yet").wait_for()
    assert page.errors == []


def test_the_exam_page_is_not_in_the_search_index(site):
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    locations = [d["location"] for d in docs]
    assert not [loc for loc in locations if loc.startswith(EXAM)]
    assert [loc for loc in locations if loc.startswith("exam/")]  # the twin: the exam overview is indexed


def test_without_javascript_the_page_says_so(browser, server):
    page = new_page(browser, server, java_script_enabled=False)
    page.goto(f"{server}/{EXAM}?seed=nojs")
    assert page.locator(".mla-nojs").is_visible()
    page.context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_exam_and_results_fit_the_screen(browser, server, width):
    page = new_page(browser, server, viewport={"width": width, "height": 800})
    start(page, server, "seed=narrow")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.locator("[data-mla=submit]").click()
    page.locator("[data-mla=yes]").click()
    page.locator(".mla-result").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.errors == []
    page.context.close()


def test_results_feed_the_progress_store_alongside_earlier_answers(page, server, real):
    page.goto(f"{server}/{EXAM}")
    kept = {"kept-answer": {"n": 2, "r": 1, "c": "", "t": 1, "b": 3, "k": "1.1"}}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [KEY, json.dumps({"v": 1, "q": kept})])
    start(page, server, "seed=feed")
    page.locator("[data-mla=submit]").click()
    page.locator("[data-mla=yes]").click()
    page.locator(".mla-result").wait_for()
    saved = store(page)["q"]
    assert saved == kept  # nothing answered, so nothing recorded; earlier answers stay as they were


# ---------------------------------------------------------------- case studies, a fresh order per attempt


def quiz_holding(page, base: str, qid: str, count: int = 30) -> str:
    """The address of a domain 1 quiz whose seeded draw holds question `qid` (seeds tried in the page)."""
    page.goto(base + EXAM)
    page.locator(".mla-lead").wait_for()
    seed = page.evaluate("""async ([qid, n]) => {
      const b = await (await fetch('../../assets/bank.json')).json();
      const holds = s => MLA.draw(b, s, {domains: [1], count: n}).qs.some(x => x.id === qid);
      for (let i = 0; i < 1000; i++) if (holds('s' + i)) return 's' + i;
    }""", [qid, count])
    assert seed, f"no quiz of {count} draws {qid}"
    return f"{base}{EXAM}?mode=quiz&domains=1&count={count}&seed={seed}"


def test_a_case_study_scenario_is_rendered_and_open_on_its_first_question(browser, practice):
    page = new_page(browser, practice.base)
    page.goto(quiz_holding(page, practice.base, "fixture-case-one"))
    page.locator("[data-mla=start]").click()
    ids = shown(page)
    i = ids.index("fixture-case-one")
    assert ids[i + 1] == "fixture-case-two"
    page.locator(f".mla-cell[data-i='{i}']").click()
    first = current(page).locator(".mla-scenario")
    assert first.evaluate("d => d.open")
    assert scenario_problems(page, first) == []
    page.locator("[data-mla=next]").click()
    second = current(page).locator(".mla-scenario")
    assert second.evaluate("d => !d.open"), "the next question of the case study keeps it one click away"
    second.locator("summary").click()
    assert second.evaluate("d => d.open")
    page.locator("[data-mla=submit]").click()
    page.locator("[data-mla=yes]").click()
    page.locator(".mla-result").wait_for()
    assert scenario_problems(page, page.locator("#q-fixture-case-one .mla-scenario")) == []
    assert page.errors == []
    page.context.close()


ORDER = """qs => qs.map(q => [...q.querySelectorAll('.mla-q__choice label, .mla-q__responses li')]
  .map(e => e.textContent.replace(/\\s+/g, ' ').trim().replace(/^[A-Z]\\. /, '')))"""


def test_each_attempt_shuffles_the_options_afresh_and_grading_follows(page, server, real):
    ids, bank = start(page, server, "seed=mix"), questions(real)
    first = page.locator(".mla-exam .mla-q").evaluate_all(ORDER)
    page.reload()
    page.locator(".mla-exam").wait_for()
    assert page.locator(".mla-exam .mla-q").evaluate_all(ORDER) == first  # a reload keeps the attempt's order
    for i in range(4):
        page.locator(f".mla-cell[data-i='{i}']").click()
        give(current(page), bank[ids[i]], right=i % 2 == 0)
    page.locator("[data-mla=submit]").click()
    page.locator("[data-mla=yes]").click()
    page.locator(".mla-result").wait_for()
    statuses = page.locator(".mla-result .mla-q .mla-status").all_inner_texts()[:4]
    assert [s.split(" ")[0] for s in statuses] == ["Correct.", "Incorrect.", "Correct.", "Incorrect."]
    assert page.locator(".mla-raw").inner_text() == "2 of 65"
    page.locator("[data-mla=retake]").click()  # the same questions, a new attempt
    page.locator(".mla-exam").wait_for()
    assert shown(page) == ids
    again = page.locator(".mla-exam .mla-q").evaluate_all(ORDER)
    assert [sorted(a) for a in again] == [sorted(a) for a in first]
    assert sum(a != b for a, b in zip(first, again, strict=True)) >= 50
    assert page.errors == []


# ---------------------------------------------------------------- on a phone, exam mode

PLACED = """q => {
  const bar = document.querySelector('.mla-exam__top').getBoundingClientRect(), box = q.getBoundingClientRect();
  const head = q.querySelector('.mla-q__head').getBoundingClientRect();
  const hit = document.elementFromPoint(head.left + 8, head.top + head.height / 2);
  return {top: Math.round(box.top), bar: Math.round(bar.bottom), height: innerHeight,
          covered: !hit || !q.contains(hit), focused: q.contains(document.activeElement)};
}"""


def placement_problems(page) -> list[str]:
    """Where the question just shown is not at the top of the view below the sticky bar, uncovered, with focus."""
    got, problems = current(page).evaluate(PLACED), []
    if not got["bar"] - 1 <= got["top"] <= got["height"] / 3:
        problems.append(f"question top at {got['top']} px, the bar ends at {got['bar']} px")
    if got["covered"]:
        problems.append("the question's first line is covered")
    if not got["focused"]:
        problems.append("focus is not on the question")
    return problems


def test_on_a_phone_the_next_question_starts_in_view_and_uncovered(browser, server):
    page = new_page(browser, server, viewport={"width": 360, "height": 740}, has_touch=True)
    start(page, server, "seed=phone")
    assert placement_problems(page) == []
    page.locator("[data-mla=next]").tap()  # touch alone
    assert placement_problems(page) == []
    assert page.locator(".mla-pos").inner_text() == "Question 2 of 65"
    page.locator("[data-mla=prev]").focus()  # the keyboard alone
    page.keyboard.press("Enter")
    assert page.locator(".mla-pos").inner_text() == "Question 1 of 65"
    assert placement_problems(page) == []
    page.locator(".mla-cell[data-i='40']").tap()
    assert page.locator(".mla-pos").inner_text() == "Question 41 of 65"
    assert placement_problems(page) == []
    page.mouse.wheel(0, 600)  # scrolling down, then up, is when Material offers "Back to top"
    page.mouse.wheel(0, -300)
    page.mouse.wheel(0, -300)
    assert page.locator(".md-top").is_hidden()
    current(page).evaluate("q => window.scrollTo({top: q.getBoundingClientRect().top + scrollY + 300,"
                           " behavior: 'instant'})")
    assert placement_problems(page)[0].startswith("question top at -")  # the twin: above the view
    assert page.errors == []
    page.context.close()


def test_exam_mode_hides_the_way_out_and_asks_before_leaving(browser, server):
    page = new_page(browser, server)
    page.goto(f"{server}/{EXAM}")
    page.locator(".mla-lead").wait_for()
    leaving = ("() => { const e = new Event('beforeunload', {cancelable: true}); dispatchEvent(e);"
               " return e.defaultPrevented; }")
    way_out = "a[href*='answer-key']:visible, .md-nav--primary:visible, .md-search:visible, label[for=__search]:visible"
    assert page.locator(way_out).count() >= 3  # the twin: before an exam the site is all there
    prose = ".md-content__inner > h2, .md-content__inner > .md-typeset__scrollwrap"
    assert page.locator(prose).filter(visible=True).count() >= 2
    assert page.evaluate(leaving) is False
    start(page, server, "seed=mode")
    assert page.locator(way_out).count() == 0
    assert page.locator(prose).filter(visible=True).count() == 0
    assert page.evaluate(leaving) is True
    asked = []
    page.once("dialog", lambda d: (asked.append(d.message), d.dismiss()))
    page.locator("a.md-logo").first.click()
    assert asked and asked[0].startswith("Leave the exam?")
    assert page.locator(".mla-exam").is_visible() and "?seed=mode" in page.url
    page.reload()  # a reload resumes the exam, still in exam mode
    page.locator(".mla-exam").wait_for()
    assert page.locator(way_out).count() == 0
    page.locator("[data-mla=submit]").click()
    page.locator("[data-mla=yes]").click()
    page.locator(".mla-result").wait_for()
    assert page.locator(way_out).count() >= 3
    assert page.evaluate(leaving) is False
    assert page.errors == []
    page.context.close()


# ---------------------------------------------------------------- results: filters, tasks, the score's conditions


def test_results_filter_by_outcome_and_report_by_task_statement(page, server, real):
    ids, bank = start(page, server, "mode=quiz&domains=1,2,3,4&count=10&seed=sift"), questions(real)
    plan = {0: True, 1: False, 3: True}
    for i, right in plan.items():
        page.locator(f".mla-cell[data-i='{i}']").click()
        give(current(page), bank[ids[i]], right)
    for i in (2, 3):
        page.locator(f".mla-cell[data-i='{i}']").click()
        page.locator("[data-mla=flag]").click()
    page.locator("[data-mla=submit]").click()
    page.locator("[data-mla=yes]").click()
    page.locator(".mla-result").wait_for()
    shown_now = lambda: page.locator(".mla-list > .mla-q:not([hidden])").evaluate_all(  # noqa: E731
        "els => els.map(e => e.dataset.qid)")
    assert shown_now() == ids
    for value, label, want in [("wrong", "Wrong (1)", [1]), ("flag", "Flagged (2)", [2, 3]),
                               ("none", "Not answered (7)", [2, 4, 5, 6, 7, 8, 9]), ("all", "All (10)", range(10))]:
        radio = page.locator(f"input[data-mla-show][value={value}]")
        assert page.locator("label", has=radio).inner_text().strip() == label
        radio.check()
        assert shown_now() == [ids[i] for i in want], value
    rows = page.locator(".mla-table--result-tasks tbody tr")
    tasks = {bank[i]["task"] for i in ids}
    assert sorted(rows.evaluate_all("rs => rs.map(r => r.dataset.task)")) == sorted(tasks)
    cells = rows.evaluate_all("rs => rs.map(r => [...r.cells].map(c => c.textContent))")
    assert sum(int(c[1]) for c in cells) == 10 and sum(int(c[2]) for c in cells) == 2
    for row in page.locator(".mla-table--result tbody tr").all():  # a domain verdict needs 5 of its questions
        n = int(row.locator("td").nth(1).inner_text())
        assert (row.locator("td").nth(4).inner_text() == "Too few questions to tell (fewer than 5)") == (n < 5)
    assert page.errors == []


def test_a_mock_from_a_short_bank_gives_no_scaled_score_and_says_why(page, server, real):
    short = json.loads(json.dumps(real))
    short["questions"] = [x for x in short["questions"] if x["domain"] != 2] + \
        [x for x in short["questions"] if x["domain"] == 2][:5]
    short["case_studies"] = [c for c in short["case_studies"] if c["domain"] != 2]
    page.route("**/assets/bank.json", lambda route: route.fulfill(json=short))
    start(page, server, "seed=short")
    page.locator("[data-mla=submit]").click()
    page.locator("[data-mla=yes]").click()
    page.locator(".mla-result").wait_for()
    assert page.locator(".mla-scaled, .mla-pass, .mla-fail").count() == 0
    assert "domain 2: 5 instead of 17" in page.locator(".mla-noscore").inner_text()
    assert json.loads(page.evaluate(f"localStorage.getItem('{HIST}')"))[0]["s"] is None
    assert page.errors == []


def test_a_new_mock_prefers_questions_not_met_before(page, server, real):
    first = start(page, server, "seed=before")
    page.locator("[data-mla=submit]").click()
    page.locator("[data-mla=yes]").click()
    page.locator(".mla-result").wait_for()
    assert page.locator(".mla-new").inner_text() == "65 of 65 questions were new to you: not in an earlier mock exam."
    page.locator("[data-mla=new]").click()
    page.locator(".mla-exam").wait_for()
    second, seed = shown(page), page.url.split("seed=")[1]
    plain = page.evaluate("async s => MLA.draw(await (await fetch('../../assets/bank.json')).json(), s)"
                          ".qs.map(x => x.id)", seed)  # the same seed, drawn as if nothing were met
    met = len(set(second) & set(first))
    aims = dict(zip([1, 2, 3, 4], largest_remainder(65, [28, 26, 22, 24]), strict=True))
    if all(have(real)[d] >= 2 * aims[d] + 10 for d in aims):  # room in every domain for a second exam
        assert met == 0
    assert met <= len(set(plain) & set(first))
    page.locator("[data-mla=submit]").click()
    page.locator("[data-mla=yes]").click()
    page.locator(".mla-result").wait_for()
    assert page.locator(".mla-new").inner_text().startswith(f"{65 - met} of 65 questions were new to you")
    assert page.errors == []

"""The real site, built once per session: pages, questions, search index, bank JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.render import md_block, view
from macros.tables import TABLE_CLASS, WRAPPERS

from .checks import leaked_texts, plain, question_problems
from .conftest import ROOT, build_site, copy_project


def page_html(site: Path, src: str) -> Path:
    """Where MkDocs (directory URLs) writes the page of a docs/ source file."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / (stem + ".html")
    return site / stem / "index.html"


_SOUPS: dict[Path, BeautifulSoup] = {}


def soup(site: Path, src: str, fresh: bool = False) -> BeautifulSoup:
    """A built page, parsed once per test session and shared: a test that changes the tree asks for a fresh one."""
    path = page_html(site, src)
    if fresh:
        return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    if path not in _SOUPS:
        _SOUPS[path] = soup(site, src, fresh=True)
    return _SOUPS[path]


def nav_sources() -> list[str]:
    from mkdocs.config import load_config

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    found: list[str] = []

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):
                walk(value)
            else:
                found.append(value)

    walk(config["nav"])
    return found


def test_every_nav_page_is_built(site):
    sources = nav_sources()
    assert len(sources) >= 2 + 4 + 12
    missing = [s for s in sources if not page_html(site, s).exists()]
    assert missing == []


def test_nav_check_notices_a_missing_page(site):
    assert not page_html(site, "no-such-chapter.md").exists()


def test_every_question_appears_once_on_its_own_page(site, bank):
    bp = bank.blueprint
    pages = {t: soup(site, bp.task_path(t)) for t in bp.tasks}
    overviews = {d.id: soup(site, bp.domain_path(d.id)) for d in bp.domains}
    problems = []
    for q in bank.questions:
        problems += question_problems(pages[q.task], q.id, q.type)
    for case in bank.case_studies:
        home = overviews[case.domain]
        assert len(home.select(f'[data-case="{case.id}"]')) == 1
        for q in case.questions:
            problems += question_problems(home, q.id, q.type)
    assert problems == []


def test_no_question_is_rendered_twice_anywhere(site, bank):
    seen: dict[str, int] = {}
    for path in site.rglob("*.html"):
        if path.parts[len(site.parts)] == "print_page":  # the whole guide on one page, for the PDF
            continue
        for el in BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select("[data-qid]"):
            seen[el["data-qid"]] = seen.get(el["data-qid"], 0) + 1
    assert {q.id for q in bank.all_questions()} == set(seen)
    assert [qid for qid, n in seen.items() if n != 1] == []


def test_question_check_notices_a_question_that_is_not_there(site, bank):
    page = soup(site, bank.blueprint.task_path("1.1"))
    assert question_problems(page, "no-such-question", "single") == ["no-such-question: found 0 times"]


def test_task_pages_open_with_their_blueprint_bullets(site, bank):
    for task in bank.blueprint.tasks.values():
        page = soup(site, bank.blueprint.task_path(task.id))
        block = page.select_one(f'.mla-bullets[data-task="{task.id}"]')
        assert block is not None, task.id
        ids = [li["id"] for li in block.select("li[id]")]
        assert ids == [f"b-{b.id.replace('.', '-')}" for b in task.bullets]
        first = page.select_one("article h1").find_next_sibling()
        assert first is block, f"{task.id}: the bullets are not the first thing under the title"


def answer_texts(bank) -> list[str]:
    texts = []
    for q in bank.all_questions():
        texts.append(q.explanation)
        texts += [o.why for o in q.options or []] + [s.why for s in q.steps or []]
        texts += [p.why for p in q.pairs or []] + [e.why for e in q.extra_responses or []]
    return texts


def index_text(site: Path) -> str:
    data = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return " ".join(doc["title"] + " " + doc["text"] for doc in data["docs"])


def test_search_index_holds_no_answer_text(site, bank):
    assert leaked_texts(index_text(site), answer_texts(bank)) == []


def test_search_index_holds_the_stems(site, bank):
    stems = [q.stem for q in bank.all_questions() if len(plain(q.stem).split()) >= 12]
    assert stems
    assert len(leaked_texts(index_text(site), stems)) == len(stems)


def test_leak_check_finds_a_planted_why(bank):
    why = answer_texts(bank)[1]
    assert leaked_texts("some page text " + why, [why]) != []


def test_bank_json_matches_the_yaml(site, bank):
    data = json.loads((site / "assets" / "bank.json").read_text(encoding="utf-8"))
    by_id = {q["id"]: q for q in data["questions"]}
    by_id.update({q["id"]: q for c in data["case_studies"] for q in c["questions"]})
    assert set(by_id) == {q.id for q in bank.all_questions()}
    for q in bank.all_questions():
        j = by_id[q.id]
        assert (j["type"], j["covers"], j["difficulty"], j["task"]) == (q.type, q.covers, q.difficulty, q.task)
        assert bank_json_problems(j, q) == [], q.id
    assert [c["id"] for c in data["case_studies"]] == [c.id for c in bank.case_studies]
    for c, j in zip(bank.case_studies, data["case_studies"], strict=True):
        assert j["scenario_html"] == str(md_block(c.scenario)) and "scenario" not in j


TEXT_FIELDS = ("stem", "explanation", "options", "steps", "pairs", "extra_responses")


def bank_json_problems(j: dict, q) -> list[str]:
    """Where a question's bank.json entry differs from the HTML its page shows, or carries raw YAML text."""
    v = view(q)
    html = lambda items: [{k: str(c[k]) if k in ("html", "why") else c[k] for k in c} for c in items]  # noqa: E731
    problems = [f"raw text field {f!r}" for f in TEXT_FIELDS if f in j]
    if j.get("stem_html") != str(v["stem"]):
        problems.append("stem_html")
    if j.get("explanation_html") != str(v["explanation"]):
        problems.append("explanation_html")
    problems += [part for part in ("choices", "prompts", "responses") if part in v and j.get(part) != html(v[part])]
    return problems


def test_bank_json_check_notices_raw_text_and_a_changed_why(bank):
    from macros.export import question_json

    q = next(q for q in bank.questions if q.type == "single")
    assert bank_json_problems(question_json(q), q) == []
    raw = question_json(q) | {"stem": q.stem}
    raw["choices"] = [dict(c) for c in raw["choices"]]
    raw["choices"][0]["why"] = "<script>alert(1)</script>"  # the unescaped YAML text, not the page's HTML
    assert bank_json_problems(raw, q) == ["raw text field 'stem'", "choices"]


def test_exam_page_renders_the_blueprint_facts(site, bank):
    exam = bank.blueprint.exam
    text = " ".join(soup(site, "exam.md").select_one("article").get_text(" ").split())
    for fact in (f"{exam['questions_total']}: {exam['questions_scored']} scored and {exam['questions_unscored']} "
                 "unscored", f"{exam['duration_minutes']} minutes", f"{exam['passing_score']} passes",
                 "from 100 to 1,000"):
        assert fact in text
    for rule in exam["question_types"]:
        assert rule["rule"] in text
    for domain in bank.blueprint.domains:
        assert f"{domain.weight} %" in text


def test_exam_facts_are_not_typed_into_the_page():
    source = (ROOT / "docs" / "exam.md").read_text(encoding="utf-8")
    for typed in ("720", "130 minutes", "65", "28 %", "1 correct + 3 distractors"):
        assert typed not in source


def test_a_broken_bank_stops_the_build_before_any_page(tmp_path, caplog):
    from mkdocs.exceptions import MkDocsException

    project = copy_project(tmp_path / "project")
    bank_file = next((project / "questions").glob("1.1-*.yaml"))
    bank_file.write_text(bank_file.read_text().replace("difficulty: ", "difficulty: 7 #", 1))
    site_dir = tmp_path / "site"
    with pytest.raises(MkDocsException):
        build_site(project, site_dir)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert f"questions/{bank_file.name}:" in logged and ": difficulty: " in logged
    assert not list(site_dir.rglob("*.html"))


def test_serve_watches_the_bank_the_macros_and_the_overrides():
    from mkdocs.config import load_config

    watched = {Path(p).resolve() for p in load_config(config_file=str(ROOT / "mkdocs.yml"))["watch"]}
    assert {ROOT / "questions", ROOT / "macros", ROOT / "overrides"} <= watched


def test_under_serve_a_rebuild_imports_edited_macros_afresh():
    code = ("import os, sys, macros; macros.forget_modules(); "
            "print(sorted(n for n in sys.modules if n.split('.')[0] == 'macros'))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    kept = subprocess.run([sys.executable, "-c", "import sys, macros; print('macros.bank' in sys.modules)"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    assert kept.stdout.strip() == "True"  # the twin: without forgetting, the package stays cached


# ---------------------------------------------------------------- "Learn it": from an answer back to the chapter


def learn_problems(page: BeautifulSoup, page_url: str, item, want: list) -> list[str]:
    """How an answer's "Learn it" links differ from the sections that teach its bullets (page, anchor, title)."""
    from urllib.parse import urljoin

    from macros import page_url_of

    base = "http://site/"
    got = [urljoin(base + page_url, a["href"]) for a in item.select(".mla-q__learn a, .mla-key__learn a")]
    expect = [f"{base}{page_url_of(s.page, True)}#{s.anchor}" for s in want]
    problems = [] if got == expect else [f"links {got} instead of {expect}"]
    titles = [a.get_text(" ", strip=True) for a in item.select(".mla-q__learn a, .mla-key__learn a")]
    problems += [f"title {t!r} is not {plain(s.title)!r}"
                 for t, s in zip(titles, want, strict=False) if t != plain(s.title)]
    return problems


@pytest.fixture(scope="module")
def taught():
    from macros.sections import scan_sections

    return scan_sections(ROOT / "docs")


def test_every_answer_links_the_sections_that_teach_it(site, bank, taught):
    from macros import page_url_of
    from macros.sections import teaching

    bp, problems, linked = bank.blueprint, [], 0
    homes = {q.id: bp.task_path(q.task) for q in bank.questions}
    homes |= {q.id: bp.domain_path(c.domain) for c in bank.case_studies for q in c.questions}
    keys = {d.id: soup(site, f"{bp.domain_path(d.id).rsplit('/', 1)[0]}/answer-key.md") for d in bp.domains}
    pages = {src: soup(site, src) for src in set(homes.values())}
    for q in bank.all_questions():
        want = teaching(taught, q.covers)
        linked += bool(want)
        home, key_src = homes[q.id], f"{bp.domain_path(q.domain).rsplit('/', 1)[0]}/answer-key.md"
        if pages[home].select_one(f"#q-{q.id}") is None:
            continue  # a question missing from its page fails test_every_question_appears_once_on_its_own_page
        problems += [f"{q.id} on its page: {p}" for p in learn_problems(
            pages[home], page_url_of(home, True), pages[home].select_one(f"#q-{q.id}"), want)]
        problems += [f"{q.id} in the answer key: {p}" for p in learn_problems(
            keys[q.domain], page_url_of(key_src, True), keys[q.domain].select_one(f'[data-key-for="{q.id}"]'), want)]
    assert problems == []
    assert linked >= len(bank.all_questions()) * 0.9, "most questions' bullets are taught by a section"


def test_learn_check_notices_a_missing_and_a_wrong_link(site, bank, taught):
    from macros.sections import teaching

    q = next(q for q in bank.questions if len(teaching(taught, q.covers)) >= 2)
    src = bank.blueprint.task_path(q.task)
    page = soup(site, src, fresh=True)
    item, url = page.select_one(f"#q-{q.id}"), src.removesuffix(".md") + "/"  # a task page's URL
    want = teaching(taught, q.covers)
    assert learn_problems(page, url, item, want) == []
    links = item.select(".mla-q__learn a")
    links[0]["href"] = "#no-such-section"
    links[1].decompose()
    assert len(learn_problems(page, url, item, want)) == 1


# ---------------------------------------------------------------- study plans


def plan_weeks(plan) -> list[tuple[int, str, list[str]]]:
    """A rendered plan as (week, item text, item links) in order."""
    items, week = [], 0
    for el in plan.find_all(["p", "li"]):
        strong = el.find("strong") if el.name == "p" else None
        if strong and strong.get_text().startswith("Week "):
            week = int(strong.get_text().split()[1])
        elif el.name == "li":
            items.append((week, " ".join(el.get_text(" ").split()), [a["href"] for a in el.find_all("a")]))
    return items


def plan_problems(items: list, domains: list, weeks: int) -> list[str]:
    """What a plan lacks: the booking in week 1, each domain's quiz after its chapters and its cheat sheet,
    two or more mock exams (the last in the final week), each followed by a review of its misses in its week."""
    problems, text = [], [t for _, t, _ in items]
    if not any(w == 1 and t.startswith("Book the exam") for w, t, _ in items):
        problems.append("the exam is not booked in week 1")
    for d in domains:
        chapters = [i for i, t in enumerate(text) if t.startswith(f"Read {d}.")]
        quiz = [i for i, t in enumerate(text) if t.startswith(f"Take a domain {d} quiz")]
        if not chapters or not quiz or quiz[0] < chapters[-1]:
            problems.append(f"domain {d}: no quiz after its chapters")
        if not any(any(h.endswith("cheat-sheet/") for h in links) and f"domain {d}" in t for _, t, links in items):
            problems.append(f"domain {d}: no cheat sheet")
    mocks = [i for i, t in enumerate(text) if t.startswith("Take full mock exam")]
    if len(mocks) < 2 or items[mocks[-1]][0] != weeks:
        problems.append(f"{len(mocks)} mock exams, the last not in week {weeks}")
    for n, i in enumerate(mocks, 1):
        if not any(t.startswith(f"Review every miss of mock exam {n}") and w == items[i][0]
                   for w, t, _ in items[i + 1:]):
            problems.append(f"no time to review mock exam {n}")
    return problems


def test_study_plans_book_the_exam_quiz_each_domain_and_rehearse_twice(site, bank):
    page = soup(site, "study-plan.md")
    plans = {p["data-plan"]: p for p in page.select(".mla-plan[data-plan]")}
    assert list(plans) == ["2w", "3w", "4w", "6w", "8w"]
    domains = [d.id for d in bank.blueprint.domains]
    for name, plan in plans.items():
        items = plan_weeks(plan)
        assert max(w for w, _, _ in items) == int(name[:-1])
        assert plan_problems(items, domains, int(name[:-1])) == [], name


def test_plan_check_notices_a_quiz_before_its_chapters_and_a_missing_mock(site, bank):
    items = plan_weeks(soup(site, "study-plan.md").select_one('.mla-plan[data-plan="4w"]'))
    quiz = next(i for i, (_, t, _) in enumerate(items) if t.startswith("Take a domain 1 quiz"))
    broken = [items[quiz], *items[:quiz], *items[quiz + 1:]]
    broken = [it for it in broken if not it[1].startswith("Take full mock exam 2")]
    assert plan_problems(broken, [1, 2, 3, 4], 4) == ["domain 1: no quiz after its chapters",
                                                        "1 mock exams, the last not in week 4"]


def unwrapped_tables(page: BeautifulSoup) -> list[str]:
    """Tables not built inside Material's two scrolling wrappers with the class that keeps Material's script from
    moving them (macros/tables.py says why), questions' tables included."""
    return [" ".join(t.get_text(" ").split())[:60] for t in page.select("article table")
            if t.get("class") != [TABLE_CLASS] or t.parent.get("class") != [WRAPPERS[1]]
            or t.parent.parent.get("class") != [WRAPPERS[0]] or len(t.parent.contents) != 1]


def chapter_tables(site, bank, selector: str, problems) -> int:
    """Asserts that no chapter has `problems`; returns how many of its tables match `selector`."""
    found = 0
    for task in bank.blueprint.tasks:
        page = soup(site, bank.blueprint.task_path(task))
        found += len(page.select(selector))
        assert problems(page) == [], task
    return found


def test_every_chapter_table_is_built_inside_materials_wrappers(site, bank):
    assert chapter_tables(site, bank, f"article .{WRAPPERS[1]} > table.{TABLE_CLASS}", unwrapped_tables) > 20


def test_wrapper_check_notices_a_table_left_for_materials_script(site, bank):
    page = soup(site, bank.blueprint.task_path("1.1"), fresh=True)
    table = page.select_one(f"article table.{TABLE_CLASS}")
    table.parent.parent.replace_with(table)
    del table["class"]
    assert len(unwrapped_tables(page)) == 1


def test_the_tally_paragraph_is_built_hidden_before_the_first_question(site, bank):
    for task in bank.blueprint.tasks:
        page = soup(site, bank.blueprint.task_path(task))
        tallies = page.select("article p.mla-tally")
        assert len(tallies) == 1 and tallies[0].has_attr("hidden") and not tallies[0].get_text(strip=True), task
        first = page.select_one("article .mla-case, article .mla-q")
        assert tallies[0].find_next_sibling(True) is first, task
    assert soup(site, "index.md").select("p.mla-tally") == []  # the twin: a page with no question has none


def card_problems(page) -> list[str]:
    """Tables of three or more columns shown as cards on a phone must carry data-mla-cards (mla.css selects them
    by it); a two-column table, which fits a phone as it is, must not. A question's own tables are its renderer's."""
    problems = []
    for t in page.select(f"article table.{TABLE_CLASS}"):
        if t.find_parent(class_="mla-q"):
            continue
        wide = len(t.select("thead th")) >= 3
        if wide != t.has_attr("data-mla-cards"):
            problems.append(f"{len(t.select('thead th'))} columns, data-mla-cards {t.has_attr('data-mla-cards')}")
    return problems


def test_wide_tables_are_marked_for_cards_and_narrow_ones_are_not(site, bank):
    assert chapter_tables(site, bank, "article table[data-mla-cards]", card_problems) > 20


def test_card_check_notices_an_unmarked_table(site, bank):
    page = soup(site, bank.blueprint.task_path("1.1"), fresh=True)
    del page.select_one("article table[data-mla-cards]")["data-mla-cards"]
    assert len(card_problems(page)) == 1

"""The real site, built once per session: pages, questions, search index, bank JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from .checks import leaked_texts, plain, question_problems
from .conftest import ROOT, build_site, copy_project


def page_html(site: Path, src: str) -> Path:
    """Where MkDocs (directory URLs) writes the page of a docs/ source file."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site / (stem + ".html")
    return site / stem / "index.html"


def soup(site: Path, src: str) -> BeautifulSoup:
    return BeautifulSoup(page_html(site, src).read_text(encoding="utf-8"), "html.parser")


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
        assert j["stem"] == q.stem and j["explanation"] == q.explanation
        if q.options:
            assert [o["correct"] for o in j["options"]] == [o.correct for o in q.options]
            assert sorted(j["key"]) == sorted(c["letter"] for c in j["choices"] if c["correct"])
        if q.steps:
            assert [s["text"] for s in j["steps"]] == [s.text for s in q.steps]
        if q.pairs:
            assert [(p["prompt"], p["response"]) for p in j["pairs"]] == [(p.prompt, p.response) for p in q.pairs]
    assert [c["id"] for c in data["case_studies"]] == [c.id for c in bank.case_studies]


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

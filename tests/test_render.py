"""Rendering: a question to HTML, escaping, seeded order, the no-JS reveal."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml
from bs4 import BeautifulSoup

from macros.model import Question
from macros.render import render_question, seeded_order, view

from .checks import question_problems
from .test_model import FIXTURES


@pytest.fixture(scope="module")
def fixtures() -> dict[str, Question]:
    raw = yaml.safe_load((FIXTURES / "valid-bank.yaml").read_text())
    return {q["id"]: Question.model_validate(q, context={"today": dt.date(2026, 11, 28)}) for q in raw}


def soup_of(q: Question) -> BeautifulSoup:
    return BeautifulSoup(render_question(q), "html.parser")


def test_raw_html_in_yaml_stays_text(fixtures):
    soup = soup_of(fixtures["fixture-single"])
    assert soup.find("script") is None
    assert soup.find("img") is None
    stem = soup.select_one(".mla-q__stem").get_text()
    assert "<script>alert(1)</script>" in stem
    assert '<img src=x onerror="alert(2)">' in stem
    assert soup.select_one(".mla-q__stem strong").get_text() == "by column"  # Markdown is rendered


def test_raw_html_check_catches_a_script():
    soup = BeautifulSoup('<div class="mla-q__stem"><script>alert(1)</script></div>', "html.parser")
    assert soup.find("script") is not None


@pytest.mark.parametrize("qid,qtype", [("fixture-single", "single"), ("fixture-multiple", "multiple"),
                                        ("fixture-ordering", "ordering"), ("fixture-matching", "matching")])
def test_each_type_keeps_the_markup_contract(fixtures, qid, qtype):
    assert question_problems(soup_of(fixtures[qid]), qid, qtype) == []


def test_markup_check_fails_on_a_broken_question(fixtures):
    soup = soup_of(fixtures["fixture-single"])
    soup.select_one("label").decompose()
    soup.select_one("details")["data-search-exclude"] = None
    del soup.select_one("details")["data-search-exclude"]
    problems = question_problems(soup, "fixture-single", "single")
    assert any("has no label" in p for p in problems)
    assert any("data-search-exclude" in p for p in problems)
    assert question_problems(soup, "fixture-single", "multiple")


def test_select_n_is_derived_from_the_answer(fixtures):
    soup = soup_of(fixtures["fixture-multiple"])
    assert soup.select_one(".mla-q__instruction").get_text() == "Select 2."
    assert soup.select_one("[data-qid]")["data-select"] == "2"
    assert len(soup.select('input[type="checkbox"]')) == 5


def test_reveal_holds_key_every_why_explanation_and_references(fixtures):
    q = fixtures["fixture-single"]
    soup = soup_of(q)
    details = soup.select_one("details.mla-q__answer")
    assert details.select_one("summary").get_text() == "Show answer"
    whys = details.select(".mla-q__why")
    assert len(whys) == len(q.options)
    correct = [w["data-letter"] for w in whys if w["data-correct"] == "true"]
    assert details.select_one("[data-key]")["data-key"] == correct[0]
    assert "Columnar formats" in details.select_one(".mla-q__explanation").get_text()
    assert details.select_one(".mla-q__refs a")["href"] == q.references[0]
    # the question part itself holds no why text
    body = soup.select_one("fieldset").get_text()
    assert all(o.why not in body for o in q.options)


def test_seeded_order_is_stable_and_differs_between_ids():
    assert seeded_order("abc", 5) == seeded_order("abc", 5)
    orders = {tuple(seeded_order(f"q-{n}", 5)) for n in range(50)}
    assert len(orders) > 10


def test_ordering_steps_are_never_shown_in_the_correct_order(fixtures):
    q = fixtures["fixture-ordering"]
    for n in range(300):
        shown = [c["position"] for c in view(q.model_copy(update={"id": f"order-{n}"}))["choices"]]
        assert shown != sorted(shown)


def test_matching_responses_are_not_in_prompt_order(fixtures):
    q = fixtures["fixture-matching"]
    for n in range(300):
        v = view(q.model_copy(update={"id": f"match-{n}"}))
        answers = [p["answer"] for p in v["prompts"]]
        assert answers != list("ABCDEFG"[: len(answers)]), "responses listed in the order of their prompts"


def test_correct_letters_spread_over_positions(fixtures):
    q = fixtures["fixture-single"]
    letters = [view(q.model_copy(update={"id": f"spread-{n}"}))["key"][0] for n in range(400)]
    counts = {letter: letters.count(letter) for letter in "ABCD"}
    assert min(counts.values()) > 60, counts

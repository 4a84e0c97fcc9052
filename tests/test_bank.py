"""Rules over the whole bank that no single question can break: balance, spread, mix."""

from __future__ import annotations

from collections import Counter

import pytest

from macros.render import view

from .test_reference import CONTENT_DOMAINS


def longest_is_correct_share(questions) -> float:
    singles = [q for q in questions if q.type == "single"]
    hits = sum(max(len(o.text) for o in q.options) == len(next(o for o in q.options if o.correct).text)
               for q in singles)
    return hits / len(singles)


def letter_shares(questions) -> dict[str, float]:
    singles = [q for q in questions if q.type == "single"]
    counts = Counter(view(q)["key"][0] for q in singles)
    return {letter: counts.get(letter, 0) / len(singles) for letter in "ABCD"}


def test_correct_option_is_rarely_the_longest(bank):
    assert longest_is_correct_share(bank.all_questions()) <= 1 / 3


def test_longest_check_notices_a_habit(bank):
    habit = []
    for q in (q for q in bank.all_questions() if q.type == "single"):
        options = [o.model_copy(update={"text": o.text + " and it is the option with the most words by far"})
                   if o.correct else o for o in q.options]
        habit.append(q.model_copy(update={"options": options}))
    assert longest_is_correct_share(habit) > 1 / 3


def test_correct_letters_spread_over_positions(bank):
    shares = letter_shares(bank.all_questions())
    assert min(shares.values()) >= 0.15, shares


def test_spread_check_notices_a_fixed_letter(bank):
    always_a = [q for q in bank.all_questions() if q.type == "single" and view(q)["key"] == ["A"]]
    assert always_a
    assert letter_shares(always_a) == {"A": 1.0, "B": 0.0, "C": 0.0, "D": 0.0}


# The content issues' targets: stand-alone questions per task statement, ordering and matching
# questions per task statement, case studies per domain and questions per case study. Domain 1 was
# written to the first issue's lower targets.
TASK_MINIMUM = {"2.1": 35, "2.2": 45, "2.3": 35, "3.1": 40, "3.2": 35, "3.3": 35, "4.1": 30, "4.2": 45, "4.3": 35}
DOMAIN_TARGETS = {1: {"steps": 2, "cases": 2, "case_questions": 3}}
DEFAULT_TARGETS = {"steps": 3, "cases": 3, "case_questions": 4}


def mix_problems(questions, task: str, minimum: int = 25, kinds_minimum: int = 2) -> list[str]:
    """What a task statement's questions lack against the domain issues' targets."""
    types = Counter(q.type for q in questions)
    levels = Counter(q.difficulty for q in questions)
    n = len(questions)
    problems = []
    if n < minimum:
        problems.append(f"{task}: {n} questions, fewer than {minimum}")
    if n and types["multiple"] * 5 < n:
        problems.append(f"{task}: {types['multiple']} of {n} are multiple response, less than a fifth")
    for kind in ("ordering", "matching"):
        if types[kind] < kinds_minimum:
            problems.append(f"{task}: {types[kind]} {kind} questions, fewer than {kinds_minimum}")
    for level, target in ((1, 0.2), (2, 0.5), (3, 0.3)):
        if n and abs(levels[level] / n - target) > 0.12:
            problems.append(f"{task}: difficulty {level} is {levels[level]} of {n}, far from {target:.0%}")
    return problems


@pytest.mark.parametrize("domain", CONTENT_DOMAINS)
def test_task_statements_of_written_domains_have_the_full_mix(bank, domain):
    targets = DOMAIN_TARGETS.get(domain, DEFAULT_TARGETS)
    problems = []
    for task in bank.blueprint.domain_by_id[domain].tasks:
        problems += mix_problems(bank.for_task(task.id), task.id, TASK_MINIMUM.get(task.id, 25), targets["steps"])
    assert problems == []


def test_mix_check_notices_a_thin_task_statement(bank):
    thin = bank.for_task("1.1")[:10]
    problems = mix_problems(thin, "1.1", TASK_MINIMUM["2.2"], 3)
    assert "1.1: 10 questions, fewer than 45" in problems
    assert any("fewer than 3" in p for p in problems)


def case_problems(cases, targets) -> list[str]:
    problems = [] if len(cases) >= targets["cases"] else [f"{len(cases)} case studies, fewer than {targets['cases']}"]
    for case in cases:
        if len(case.questions) < targets["case_questions"]:
            problems.append(f"{case.id}: {len(case.questions)} questions")
        if len({q.task for q in case.questions}) < 2:
            problems.append(f"{case.id}: one task statement")
        if len(case.scenario.split()) < 150:
            problems.append(f"{case.id}: scenario under 150 words")
    return problems


@pytest.mark.parametrize("domain", CONTENT_DOMAINS)
def test_written_domains_have_their_case_studies_across_task_statements(bank, domain):
    assert case_problems(bank.cases_for_domain(domain), DOMAIN_TARGETS.get(domain, DEFAULT_TARGETS)) == []


def test_case_check_notices_too_few_and_too_small_case_studies(bank):
    case = bank.cases_for_domain(1)[0]
    small = case.model_copy(update={"questions": case.questions[:1], "scenario": "Short."})
    assert case_problems([small], DEFAULT_TARGETS) == [
        "1 case studies, fewer than 3", f"{case.id}: 1 questions", f"{case.id}: one task statement",
        f"{case.id}: scenario under 150 words"]

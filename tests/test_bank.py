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


def mix_problems(questions, task: str) -> list[str]:
    """What a task statement's questions lack against the domain issues' targets."""
    types = Counter(q.type for q in questions)
    levels = Counter(q.difficulty for q in questions)
    n = len(questions)
    problems = []
    if n < 25:
        problems.append(f"{task}: {n} questions, fewer than 25")
    if n and types["multiple"] * 5 < n:
        problems.append(f"{task}: {types['multiple']} of {n} are multiple response, less than a fifth")
    for kind in ("ordering", "matching"):
        if types[kind] < 2:
            problems.append(f"{task}: {types[kind]} {kind} questions, fewer than two")
    for level, target in ((1, 0.2), (2, 0.5), (3, 0.3)):
        if n and abs(levels[level] / n - target) > 0.12:
            problems.append(f"{task}: difficulty {level} is {levels[level]} of {n}, far from {target:.0%}")
    return problems


@pytest.mark.parametrize("domain", CONTENT_DOMAINS)
def test_task_statements_of_written_domains_have_the_full_mix(bank, domain):
    problems = []
    for task in bank.blueprint.domain_by_id[domain].tasks:
        problems += mix_problems([q for q in bank.all_questions() if q.task == task.id], task.id)
    assert problems == []


def test_mix_check_notices_a_thin_task_statement(bank):
    thin = [q for q in bank.all_questions() if q.task == "2.1"]
    problems = mix_problems(thin, "2.1")
    assert any("fewer than 25" in p for p in problems)


@pytest.mark.parametrize("domain", CONTENT_DOMAINS)
def test_written_domains_have_two_case_studies_across_task_statements(bank, domain):
    cases = bank.cases_for_domain(domain)
    assert len(cases) >= 2
    for case in cases:
        assert len(case.questions) >= 3
        assert len({q.task for q in case.questions}) >= 2
        assert len(case.scenario.split()) >= 150

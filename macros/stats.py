"""Counts over the bank: by domain, task statement, type, difficulty and blueprint bullet."""

from __future__ import annotations

from collections import Counter

from .bank import Bank
from .overlap import similar_key_groups


def stats(bank: Bank) -> dict:
    questions = bank.all_questions()
    bullets = Counter(c for q in questions for c in q.covers)
    bp = bank.blueprint
    return {
        "questions": len(questions),
        "case_studies": len(bank.case_studies),
        "by_domain": {str(d.id): sum(q.domain == d.id for q in questions) for d in bp.domains},
        "by_task": {t: sum(q.task == t for q in questions) for t in bp.tasks},
        "by_type": dict(sorted(Counter(q.type for q in questions).items())),
        "by_difficulty": {str(k): v for k, v in sorted(Counter(q.difficulty for q in questions).items())},
        "by_bullet": {b: bullets.get(b, 0) for b in bp.bullets},
        "uncovered": [b for b in bp.bullets if not bullets.get(b)],
        "similar_keys": [[q.id for q in g] for g in similar_key_groups(questions)],
    }


def format_stats(s: dict) -> str:
    lines = [f"{s['questions']} questions, {s['case_studies']} case studies", "", "by domain:"]
    lines += [f"  {k}: {v}" for k, v in s["by_domain"].items()]
    lines += ["by task statement:"] + [f"  {k}: {v}" for k, v in s["by_task"].items()]
    lines += ["by type:"] + [f"  {k}: {v}" for k, v in s["by_type"].items()]
    lines += ["by difficulty:"] + [f"  {k}: {v}" for k, v in s["by_difficulty"].items()]
    lines += ["by blueprint bullet:"] + [f"  {k}: {v}" for k, v in s["by_bullet"].items()]
    lines += [f"bullets with no question ({len(s['uncovered'])}):"]
    lines += [f"  {b}" for b in s["uncovered"]] or ["  none"]
    lines += [f"questions whose keys say nearly the same thing ({len(s['similar_keys'])} groups; "
              "a fact is the key of at most two questions):"]
    lines += [f"  {', '.join(g)}" for g in s["similar_keys"]] or ["  none"]
    return "\n".join(lines)

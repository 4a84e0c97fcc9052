"""The bank as JSON for the browser: the facts of every question plus its rendered HTML."""

from __future__ import annotations

from .bank import Bank
from .model import Question
from .render import view


def question_json(q: Question, case: str | None = None) -> dict:
    v = view(q)
    out = q.model_dump(mode="json", exclude_none=True)
    out.update(task=q.task, domain=q.domain, case=case, key=v["key"], instruction=v["instruction"],
               stem_html=str(v["stem"]), explanation_html=str(v["explanation"]))
    if "choices" in v:
        out["choices"] = [{k: str(c[k]) if k in ("html", "why") else c[k] for k in c} for c in v["choices"]]
    if "prompts" in v:
        out["prompts"] = [{k: str(p[k]) if k in ("html", "why") else p[k] for k in p} for p in v["prompts"]]
        out["responses"] = [{k: str(r[k]) if k in ("html", "why") else r[k] for k in r} for r in v["responses"]]
    return out


def bank_json(bank: Bank) -> dict:
    bp = bank.blueprint
    return {
        "version": 1,
        "exam": {k: bp.exam[k] for k in ("code", "questions_total", "questions_scored", "duration_minutes",
                                         "score_scale", "passing_score")},
        "domains": [{"id": d.id, "title": d.title, "weight": d.weight,
                     "tasks": [{"id": t.id, "title": t.title, "path": bp.task_path(t.id)} for t in d.tasks]}
                    for d in bp.domains],
        "questions": [question_json(q) for q in bank.questions],
        "case_studies": [{"id": c.id, "title": c.title, "scenario": c.scenario, "domain": c.domain,
                          "questions": [question_json(q, case=c.id) for q in c.questions]}
                         for c in bank.case_studies],
    }

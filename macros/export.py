"""The bank as JSON for the browser: the facts of every question and the HTML its pages show.

Every text field leaves here as the same rendered, escaped HTML the pages carry (raw HTML in
YAML stays text); the Markdown itself is not exported, so no view in the browser can show it raw.
"""

from __future__ import annotations

from markupsafe import escape

from .bank import Bank
from .model import Question
from .render import md_block, md_inline, view
from .sections import Section, teaching

FACTS = ("id", "type", "covers", "difficulty", "services", "references", "verified")


def learn_json(q: Question, sections: list[Section]) -> list[dict]:
    """The "Learn it" links of a question: section title as HTML, its docs/ page and anchor."""
    return [{"html": str(md_inline(s.title)), "page": s.page, "anchor": s.anchor}
            for s in teaching(sections, q.covers)]


def question_json(q: Question, case: str | None = None, sections: list[Section] | None = None) -> dict:
    v = view(q)
    out = q.model_dump(mode="json", include=set(FACTS))
    out.update(task=q.task, domain=q.domain, case=case, key=v["key"], instruction=v["instruction"],
               stem_html=str(v["stem"]), explanation_html=str(v["explanation"]),
               learn=learn_json(q, sections or []))
    for part in ("choices", "prompts", "responses"):
        if part in v:
            out[part] = [{k: str(c[k]) if k in ("html", "why") else c[k] for k in c} for c in v[part]]
    return out


def bank_json(bank: Bank, sections: list[Section] | None = None) -> dict:
    bp = bank.blueprint
    return {
        "version": 2,
        "exam": {k: bp.exam[k] for k in ("code", "questions_total", "questions_scored", "duration_minutes",
                                         "score_scale", "passing_score")},
        "domains": [{"id": d.id, "title": d.title, "weight": d.weight,
                     "tasks": [{"id": t.id, "title": t.title, "path": bp.task_path(t.id)} for t in d.tasks]}
                    for d in bp.domains],
        "questions": [question_json(q, sections=sections) for q in bank.questions],
        "case_studies": [{"id": c.id, "title_html": str(escape(c.title)), "scenario_html": str(md_block(c.scenario)),
                          "domain": c.domain,
                          "questions": [question_json(q, case=c.id, sections=sections) for q in c.questions]}
                         for c in bank.case_studies],
    }

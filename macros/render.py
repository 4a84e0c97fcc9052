"""Pure rendering: a question, a task's questions, a case study -> HTML, no MkDocs involved."""

from __future__ import annotations

import hashlib
import random
import string
from collections.abc import Callable
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

import markdown
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .model import CaseStudy, Question
from .tables import WrappedTablesExtension

LETTERS = string.ascii_uppercase
TEMPLATES = Path(__file__).parent / "templates"


def _markdown() -> markdown.Markdown:
    """Markdown for YAML text: raw HTML is never passed through, it stays text."""
    md = markdown.Markdown(extensions=["fenced_code", "tables", "sane_lists", WrappedTablesExtension()],
                           output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


_MD = _markdown()


@cache
def md_block(text: str) -> Markup:
    _MD.reset()
    return Markup(_MD.convert(text))


@cache
def md_inline(text: str) -> Markup:
    """Markdown for one line of an option: the lone paragraph's <p> is dropped."""
    html = str(md_block(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


def seeded_order(key: str, n: int, avoid_identity: bool = False) -> list[int]:
    """A shuffle of range(n) seeded by a question id, the same on every build."""
    rng = random.Random(hashlib.sha256(key.encode()).digest())
    order = list(range(n))
    rng.shuffle(order)
    if avoid_identity and n > 1 and order == sorted(order):
        order = order[1:] + order[:1]
    return order


def link_label(url: str) -> str:
    parsed = urlparse(url)
    return parsed.netloc + parsed.path.rstrip("/")


_VIEWS: dict[int, tuple[Question, dict]] = {}  # id(question) -> (question, its view); one build's worth


def view(q: Question) -> dict:
    """Everything a template or the browser needs about one question, in display order.

    A question is shown on its page, in its domain's answer key and in the bank JSON, so its
    view is built once per loaded question object (the pair keeps the object, so ids stay unique).
    """
    hit = _VIEWS.get(id(q))
    if hit is not None and hit[0] is q:
        return hit[1]
    if len(_VIEWS) > 20_000:
        _VIEWS.clear()
    _VIEWS[id(q)] = (q, _view(q))
    return _VIEWS[id(q)][1]


def _view(q: Question) -> dict:
    data: dict = {"q": q, "task": q.task, "domain": q.domain}
    if q.type in ("single", "multiple"):
        order = seeded_order(q.id, len(q.options))
        data["choices"] = [
            {"letter": LETTERS[i], "html": md_inline(q.options[k].text), "correct": q.options[k].correct,
             "why": md_inline(q.options[k].why)}
            for i, k in enumerate(order)
        ]
        data["key"] = [c["letter"] for c in data["choices"] if c["correct"]]
        data["instruction"] = "Choose one answer." if q.type == "single" else f"Select {q.select_count}."
    elif q.type == "ordering":
        order = seeded_order(q.id, len(q.steps), avoid_identity=True)
        data["choices"] = [
            {"letter": LETTERS[i], "html": md_inline(q.steps[k].text), "position": k + 1,
             "why": md_inline(q.steps[k].why)}
            for i, k in enumerate(order)
        ]
        by_position = sorted(data["choices"], key=lambda c: c["position"])
        data["key"] = [c["letter"] for c in by_position]
        data["instruction"] = f"Put the {len(q.steps)} steps in order (1 = first)."
    else:
        responses = [(p.response, p.why, i) for i, p in enumerate(q.pairs)]
        responses += [(e.text, e.why, None) for e in q.extra_responses or []]
        order = seeded_order(q.id + "/responses", len(responses), avoid_identity=True)
        data["responses"] = [
            {"letter": LETTERS[i], "html": md_inline(responses[k][0]), "pair": responses[k][2],
             "why": md_inline(responses[k][1])}
            for i, k in enumerate(order)
        ]
        letter_of_pair = {r["pair"]: r["letter"] for r in data["responses"] if r["pair"] is not None}
        data["prompts"] = [
            {"number": i + 1, "html": md_inline(p.prompt), "answer": letter_of_pair[i], "why": md_inline(p.why)}
            for i, p in enumerate(q.pairs)
        ]
        data["extras"] = [r for r in data["responses"] if r["pair"] is None]
        data["key"] = [p["answer"] for p in data["prompts"]]
        extra = " Some responses match no prompt." if q.extra_responses else ""
        data["instruction"] = f"Match each of the {len(q.pairs)} prompts to one response.{extra}"
    data["stem"] = md_block(q.stem)
    data["explanation"] = md_block(q.explanation)
    data["references"] = [{"url": r, "label": link_label(r)} for r in q.references]
    return data


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=False)
    return env


ENV = _env()


def _compact(html: str) -> str:
    """No blank lines, so Markdown keeps the whole block as one raw HTML block."""
    return "\n".join(line for line in html.splitlines() if line.strip())


def render_question(q: Question, number: int | None = None, page_url: str = "", repo_url: str = "",
                    level: int = 3, learn: Callable[[Question], list[dict]] | None = None) -> str:
    """One question. Its title is a real heading (`level`) so search results can link to it.

    `learn` gives a question's "Learn it" links ({"html", "href"}), relative to the page being rendered.
    """
    return _compact(ENV.get_template("question.html").render(v=view(q), number=number, level=level,
                                                                page_url=page_url, repo_url=repo_url,
                                                                learn=learn(q) if learn else []))


def render_questions(questions: list[Question], **kw) -> str:
    return "\n\n".join(render_question(q, number=i, **kw) for i, q in enumerate(questions, 1))


def render_case_study(case: CaseStudy, **kw) -> str:
    parts = [render_question(q, number=i, level=4, **kw) for i, q in enumerate(case.questions, 1)]
    return _compact(ENV.get_template("case_study.html").render(case=case, scenario=md_block(case.scenario),
                                                                questions=Markup("\n".join(parts))))


def render_template(name: str, **context) -> str:
    """HTML templates come out as one raw block; Markdown templates keep their blank lines."""
    text = ENV.get_template(name).render(**context)
    return _compact(text) if name.endswith(".html") else text

"""mkdocs-macros adapter: loads the bank once and exposes the rendering macros to pages.

Everything MkDocs-specific lives here; the model, loading and rendering modules
do not import MkDocs, so another generator needs only a new adapter.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import posixpath
import shutil
import string
from pathlib import Path

from .bank import BankError, load_bank
from .diagrams import DRAWINGS, DiagramsExtension
from .export import bank_json
from .glossary import GlossaryExtension, anchors, read_terms
from .minify import minify_assets
from .pdf import PDF_PATH
from .render import md_inline, render_case_study, render_question, render_questions, render_template, view
from .search import weigh
from .sections import scan_sections, teaching
from .services import load_services, service_rows
from .tables import TablesExtension
from .tally import TallyExtension
from .theme import patch_theme_css

ROOT = Path(__file__).resolve().parent.parent
BANK_JSON = "assets/bank.json"
ANKI_PATH = "anki/mla-c01.apkg"  # written by `python -m macros anki` (macros/anki.py, which needs genanki)
IFRAME_WORKER = "assets/vendor/iframe-worker.js"
ABBREVIATIONS = "docs/includes/abbreviations.md"
GLOSSARY_PAGE = "reference/glossary.md"
TYPE_NAMES = {"multiple_choice": "Multiple choice", "multiple_response": "Multiple response",
              "ordering": "Ordering", "matching": "Matching", "case_study": "Case study"}


def define_env(env) -> None:
    """Load and validate the bank; a broken bank stops the build before any page is written."""
    try:
        bank = load_bank(Path(env.project_dir))
        services = load_services(Path(env.project_dir), bank)
    except BankError as err:
        from mkdocs.exceptions import PluginError

        raise PluginError(f"The question bank does not validate ({len(err.problems)} problem(s)):\n{err}") from None
    bp = bank.blueprint
    env.variables["exam"] = bp.exam
    # Facts the print cover page reads from config.extra.
    env.conf["extra"]["exam_code"] = bp.exam["code"]
    env.conf["extra"].setdefault("build_date", dt.date.today().isoformat())
    if offline():
        # The offline plugin would load its iframe-worker shim from a CDN unless one is given.
        env.conf["extra"]["polyfills"] = [IFRAME_WORKER]
    # Glossary terms: marked at their first use in each section of every page but the glossary itself.
    terms = read_terms(Path(env.project_dir) / ABBREVIATIONS)
    env.conf["markdown_extensions"].append(
        GlossaryExtension(terms, active=lambda: env.page is None or env.page.file.src_uri != GLOSSARY_PAGE))
    env.conf["markdown_extensions"].append(TablesExtension())  # column names on cells, for phone layouts
    env.conf["markdown_extensions"].append(TallyExtension())  # the empty practice tally mla.js fills in
    # Diagrams drawn ahead of time (`make diagrams`); MLA_DIAGRAM_SOURCES: leave them as source and list them there
    diagrams = DiagramsExtension(Path(env.conf["docs_dir"]) / DRAWINGS, draw=not os.environ.get("MLA_DIAGRAM_SOURCES"))
    env.conf["markdown_extensions"].append(diagrams)
    env.variables["_diagrams"] = diagrams
    env.variables["bank_size"] = len(bank.all_questions())
    env.variables["plan_hours"] = PLAN_HOURS
    repo_url = env.conf.get("repo_url") or ""
    scored = bp.exam["questions_scored"]

    def page_src() -> str:
        return env.page.file.src_uri if env.page is not None else "index.md"

    def href(target: str) -> str:
        """A Markdown link target relative to the page being rendered (MkDocs checks it)."""
        return posixpath.relpath(target, posixpath.dirname(page_src()) or ".")

    # ---- "Learn it" links (issue 14): raw HTML, so MkDocs does not rewrite them; they are built as URLs here.
    def html_href(target: str, anchor: str) -> str:
        """An HTML link from the page being rendered to a section of a docs/ page, as the built site addresses it."""
        here = env.page.url if env.page is not None else ""
        there = page_url_of(target, env.conf["use_directory_urls"])
        if there == here:
            return f"#{anchor}"
        base = here if here.endswith("/") or not here else posixpath.dirname(here)
        rel = posixpath.relpath(there or ".", base or ".")
        return f"{rel}{'/' if there.endswith('/') or not there else ''}#{anchor}"

    def learn(q) -> list[dict]:
        return [{"html": md_inline(s.title), "href": html_href(s.page, s.anchor)} for s in teaching(sections, q.covers)]

    def kw() -> dict:
        return {"page_url": env.page.url if env.page is not None else "", "repo_url": repo_url, "learn": learn}

    def task_of(task_id) -> object:
        task_id = str(task_id)
        if task_id not in bp.tasks:
            raise ValueError(f"unknown task statement {task_id!r}; the blueprint has {', '.join(bp.tasks)}")
        return bp.tasks[task_id]

    @env.macro
    def task_bullets(task_id) -> str:
        """The task statement's knowledge and skill bullets, from the blueprint."""
        task = task_of(task_id)
        cases = sum(q.task == task.id for c in bank.case_studies for q in c.questions)
        return render_template("task_bullets.html", task=task, domain=bp.domain_by_id[task.domain],
                               count=len(bank.for_task(task.id)), cases=cases)

    @env.macro
    def teaches(*ids) -> str:
        """A small mark under a heading: the blueprint bullets this section teaches."""
        unknown = [i for i in ids if i not in bp.bullets]
        if not ids or unknown:
            raise ValueError(f"teaches(): unknown bullet id(s) {', '.join(unknown) or '(none given)'}")
        return render_template("teaches.html", ids=ids, bullets=[bp.bullets[i] for i in ids])

    @env.macro
    def question(qid: str) -> str:
        """One question by id."""
        if qid not in bank.by_id:
            raise ValueError(f"question(): no question with id {qid!r}")
        return render_question(bank.by_id[qid], **kw())

    @env.macro
    def questions(task_id) -> str:
        """Every stand-alone question of a task statement, in bank order."""
        task = task_of(task_id)
        return render_questions(bank.for_task(task.id), **kw())

    @env.macro
    def case_study(cid: str) -> str:
        if cid not in bank.case_by_id:
            raise ValueError(f"case_study(): no case study with id {cid!r}")
        return render_case_study(bank.case_by_id[cid], **kw())

    @env.macro
    def case_studies(domain) -> str:
        """Every case study whose questions belong to this domain."""
        return "\n\n".join(render_case_study(c, **kw()) for c in bank.cases_for_domain(int(domain)))

    @env.macro
    def domain_summary(domain) -> str:
        d = bp.domain_by_id[int(domain)]
        rows = [{"task": t, "href": href(bp.task_path(t.id)),
                 "count": len(bank.for_task(t.id)) + sum(q.task == t.id for c in bank.case_studies
                                                         for q in c.questions)}
                for t in d.tasks]
        return render_template("domain_summary.md", domain=d, rows=rows, scored=scored,
                               share=round(scored * d.weight / 100))

    @env.macro
    def domains_table() -> str:
        rows = [{"domain": d, "href": href(bp.domain_path(d.id)), "share": round(scored * d.weight / 100)}
                for d in bp.domains]
        return render_template("domains_table.md", rows=rows, scored=scored)

    @env.macro
    def mock_exam_counts() -> str:
        """A full mock exam's questions per domain: the exam's total shared by weight, as mla.js draws them."""
        total, weights = bp.exam["questions_total"], [d.weight for d in bp.domains]
        have = {d.id: sum(q.domain == d.id for q in bank.all_questions()) for d in bp.domains}
        rows = [{"domain": d, "href": href(bp.domain_path(d.id)), "count": n, "have": have[d.id]}
                for d, n in zip(bp.domains, largest_remainder(total, weights), strict=True)]
        return render_template("mock_exam_counts.md", rows=rows, total=total, weight=sum(weights),
                               have=sum(have.values()))

    @env.macro
    def question_types() -> str:
        """The exam's five question types, from the blueprint, with this bank's counts."""
        qs = bank.all_questions()
        here = {"multiple_choice": sum(q.type == "single" for q in qs),
                "multiple_response": sum(q.type == "multiple" for q in qs),
                "ordering": sum(q.type == "ordering" for q in qs),
                "matching": sum(q.type == "matching" for q in qs),
                "case_study": len(bank.case_studies)}
        types = [{"name": TYPE_NAMES.get(t["id"], t["id"]), "rule": t["rule"],
                  "here": f"{here.get(t['id'], 0)} {'case studies' if t['id'] == 'case_study' else 'questions'}"}
                 for t in bp.exam["question_types"]]
        return render_template("question_types.html", types=types)

    @env.macro
    def answer_key(domain) -> str:
        """Every key, why, explanation and reference of a domain, numbered as its pages number them."""
        d = bp.domain_by_id[int(domain)]
        groups = [{"title": f"{t.id} {t.title}", "label": t.id, "anchor": t.id.replace(".", "-"),
                   "items": [{"number": n, "v": view(q), "learn": learn(q)}
                             for n, q in enumerate(bank.for_task(t.id), 1)]}
                  for t in d.tasks]
        groups += [{"title": f"Case study: {c.title}", "label": "Case study", "anchor": c.id,
                    "items": [{"number": n, "v": view(q), "learn": learn(q)} for n, q in enumerate(c.questions, 1)]}
                   for c in bank.cases_for_domain(d.id)]
        return render_template("answer_key.html", domain=d, groups=groups)

    @env.macro
    def pdf_link() -> str:
        """A link to the PDF workbook, in builds that make one (`make pdf` sets MLA_PDF=1)."""
        if os.environ.get("MLA_PDF") != "1":
            return ""
        return render_template("pdf_link.md", href=href(PDF_PATH))

    @env.macro
    def anki_link() -> str:
        """A link to the Anki deck, in builds that make one (`make anki` and `make release` set MLA_ANKI=1)."""
        if os.environ.get("MLA_ANKI") != "1":
            return ""
        return render_template("anki_link.md", href=href(ANKI_PATH))

    @env.macro
    def study_plan(*weeks) -> str:
        """Week-by-week plans (one tab each) that share the chapters out by domain weight."""
        return render_template("study_plan.md", plans=[study_schedule(bank, int(n), href) for n in weeks])

    @env.macro
    def glossary() -> str:
        """The glossary page: an A-Z index, then each term under a heading of its own (its anchor and search entry)."""
        ids = anchors(terms)
        letters: dict[str, list[dict]] = {}
        for term, meaning in terms:
            first = term[0].upper()
            letters.setdefault(first if first.isalpha() else "#", []).append(
                {"term": term, "meaning": meaning, "id": ids[term]})
        return render_template("glossary.md", letters=letters, alphabet=string.ascii_uppercase)

    sections = scan_sections(Path(env.project_dir) / "docs")
    env.variables["_sections"] = sections

    @env.macro
    def services_reference() -> str:
        """Every in-scope service by category: prose, where the guide teaches it, its questions."""
        return render_template("services.md", groups=service_rows(services, bank, sections, href),
                               out_of_scope=bp.out_of_scope, max_links=8)

    @env.macro
    def coverage_matrix() -> str:
        """Each bullet: the sections that teach it and the questions that test it, gaps marked."""
        return render_template("coverage.md", domains=coverage_rows(bank, sections, href), minimum=MIN_QUESTIONS)

    env.variables["_bank"] = bank


def largest_remainder(total: int, weights: list[int]) -> list[int]:
    """`total` shared out by integer weights: floors, then one more each to the largest remainders (ties: earlier)."""
    whole = sum(weights)
    counts = [total * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


MIN_QUESTIONS = 3


def coverage_rows(bank, sections, href=lambda target: target) -> list[dict]:
    """The coverage matrix as data: per domain, per task, per bullet: sections, count, gaps."""
    counts: dict[str, int] = {}
    for q in bank.all_questions():
        for c in q.covers:
            counts[c] = counts.get(c, 0) + 1
    domains = []
    for d in bank.blueprint.domains:
        tasks, covered, total = [], 0, 0
        for t in d.tasks:
            rows = []
            for b in t.bullets:
                taught = [{"title": s.title, "href": f"{href(s.page)}#{s.anchor}"} for s in sections
                          if b.id in s.bullets]
                gaps = (["no teaching section"] if not taught else []) + (
                    [f"{counts.get(b.id, 0)} of {MIN_QUESTIONS} questions"] if counts.get(b.id, 0) < MIN_QUESTIONS
                    else [])
                rows.append({"bullet": b, "sections": taught, "count": counts.get(b.id, 0), "gaps": gaps})
                covered += not gaps
                total += 1
            tasks.append({"task": t, "rows": rows})
        domains.append({"domain": d, "tasks": tasks, "covered": covered, "total": total})
    return domains


PLAN_HOURS = 60  # total study hours a plan assumes, whatever its length


def study_schedule(bank, weeks: int, href=lambda target: target) -> dict:
    """A plan of `weeks` weeks: the exam booked in week 1, task statements in order with each week about the same
    exam weight, each domain closed by its cheat sheet and quiz, a full mock exam at the end of the chapters and
    another in the final week, each followed by time to review its misses."""
    bp, docs = bank.blueprint, Path(__file__).resolve().parent.parent / "docs"
    if weeks < 2:
        raise ValueError("a study plan needs at least two weeks (chapters, then review)")
    exam_page = href("practice/mock-exam.md")
    units = []  # (weight share of one task statement, its items)
    for d in bp.domains:
        for n, t in enumerate(d.tasks):
            count = len(bank.for_task(t.id))
            items = [f"Read [{t.id} {t.title}]({href(bp.task_path(t.id))}) (domain {d.id}, {d.weight} %)",
                     f"Answer its {count} practice question{'s' if count != 1 else ''}; re-read what you missed"]
            if n == len(d.tasks) - 1:
                cases = len(bank.cases_for_domain(d.id))
                items.append(f"Review the [domain {d.id} overview]({href(bp.domain_path(d.id))})"
                             + (f" and its {cases} case stud{'ies' if cases != 1 else 'y'}" if cases else ""))
                for page, text in ((f"{d.slug}/lab.md", "Do the [hands-on lab]({})"),
                                   (f"{d.slug}/cheat-sheet.md", f"Read the [domain {d.id} cheat sheet]({{}})")):
                    if (docs / page).exists():
                        items.append(text.format(href(page)))
                # target=_self: Material's instant navigation would drop the query that sets up the quiz
                items.append(f"Take a [domain {d.id} quiz]({exam_page}?mode=quiz&domains={d.id}&count={QUIZ_SIZE})"
                             f"{{target=_self}} of {QUIZ_SIZE} questions; follow each miss's Learn it links")
            units.append((d.weight / len(d.tasks), d.id, items))
    mock = (f"Take full [mock exam {{}}]({exam_page}) in one sitting: {bp.exam['questions_total']} questions, "
            f"{bp.exam['duration_minutes']} minutes")
    misses = "Review every miss of mock exam {}: its explanation, then the sections its Learn it links name"
    content_weeks = weeks - 1
    per_week = sum(u[0] for u in units) / content_weeks
    schedule, done = [], 0.0
    for number in range(1, content_weeks + 1):
        items, domains = [], []
        if number == 1:
            items.append(f"Book the exam for the end of week {weeks} on the "
                         "[AWS Certification](https://aws.amazon.com/certification/) site: a date keeps the plan")
        while units and (done + units[0][0] <= per_week * number + 1e-9 or number == content_weeks
                         or not items):
            weight, domain, unit_items = units.pop(0)
            done += weight
            items += unit_items
            domains.append(domain)
        if number == content_weeks:
            items += [mock.format(1), misses.format(1)]
        focus = ", ".join(f"domain {d}" for d in dict.fromkeys(domains))
        schedule.append({"number": number, "focus": focus, "items": items})
    schedule.append({"number": weeks, "focus": "rehearse and review", "items": [
        mock.format(2) + " (a new one: it prefers questions you have not met)",
        misses.format(2),
        f"Read [Exam strategy]({href('exam-strategy.md')})",
        f"Practise what is due on the [Review]({href('practice/review.md')}) page",
        f"Check your weakest task statements on [My progress]({href('practice/progress.md')})",
        "Re-read the cheat sheets and answer keys of your two weakest domains",
        "Check the ID and testing rules on the AWS Certification pages before exam day",
    ]})
    return {"weeks": weeks, "content_weeks": content_weeks, "hours": round(PLAN_HOURS / weeks),
            "schedule": schedule}


QUIZ_SIZE = 20  # one of the mock exam page's quiz lengths (docs/practice/mock-exam.md)


read_abbreviations = read_terms  # the name the tests and older code use


def page_url_of(src: str, directory_urls: bool) -> str:
    """The URL MkDocs gives the page of a docs/ source file (`a/b.md` -> `a/b/` or `a/b.html`)."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index") if directory_urls else stem + ".html"
    return stem + "/" if directory_urls else stem + ".html"


def offline() -> bool:
    """True in `make offline` builds (the same switch as the offline plugin in mkdocs.yml)."""
    return str(os.environ.get("OFFLINE", "")).lower() == "true"


def on_pre_page_macros(env) -> None:
    """Weigh the page in search by its kind (macros/search.py): teaching pages above summaries."""
    if env.page is not None:
        weigh(env.page.file.src_uri, env.page.meta)


def on_post_page_macros(env) -> None:
    """Start tagged pages with a comment line.

    mkdocs-print-site-plugin writes a page's tags on the same line as its first element and
    then cannot rename that element's id, which breaks the print page's links to the title.
    """
    if env.page is not None and env.page.meta.get("tags"):
        env.markdown = "<!-- tagged page -->\n\n" + env.markdown


def on_post_build(env) -> None:
    """Shrink the project's JS and CSS in the site, adjust Material's (macros/theme.py); write the whole bank as
    one JSON file for the browser."""
    minify_assets(Path(env.conf["site_dir"]))
    patch_theme_css(Path(env.conf["site_dir"]))
    target = Path(env.conf["site_dir"]) / BANK_JSON
    target.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(bank_json(env.variables["_bank"], env.variables["_sections"]), ensure_ascii=False,
                      separators=(",", ":"))
    target.write_text(data, encoding="utf-8")
    if offline():  # file:// pages cannot fetch() the JSON; mla.js loads this script instead
        target.with_suffix(".js").write_text(f"window.MLA_BANK = {data};\n", encoding="utf-8")
        # nor import modules: mla.js draws diagrams with the single-file Mermaid there, so the ES module copy goes
        shutil.rmtree(Path(env.conf["site_dir"]) / "assets" / "vendor" / "mermaid", ignore_errors=True)
    if os.environ.get("MLA_DIAGRAM_SOURCES"):  # the build `make diagrams` draws from
        sources = json.dumps(env.variables["_diagrams"].seen)
        Path(os.environ["MLA_DIAGRAM_SOURCES"]).write_text(sources, encoding="utf-8")
    if os.environ.get("MLA_SERVE"):
        forget_modules()


def forget_modules() -> None:
    """Under `make serve`, drop this package from Python's module cache so the next rebuild runs edited macros.

    mkdocs-macros imports the package once per process; without this an edit to macros/ needs a restart.
    """
    import sys

    for name in [n for n in sys.modules if n == __name__ or n.startswith(__name__ + ".")]:
        del sys.modules[name]

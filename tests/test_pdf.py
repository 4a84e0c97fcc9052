"""The PDF workbook: outline, chapter titles, question ids, answer keys, no answers in the workbook."""

from __future__ import annotations

import fnmatch
import re

import pytest

from .checks import plain
from .conftest import ROOT
from .test_site import nav_sources, soup

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def pdf_path(site, browser):
    from macros.pdf import render_pdf

    return render_pdf(site, browser=browser)


@pytest.fixture(scope="session")
def pdf(pdf_path):
    from pypdf import PdfReader

    return PdfReader(str(pdf_path))


@pytest.fixture(scope="session")
def pdf_text(pdf_path) -> str:
    """The PDF's text, by PDFium (pypdf's extraction takes minutes for the workbook's 1,300 pages).

    PDFium marks a word it found hyphenated at a line end with U+FFFE; it reads here as the hyphen and
    line break it was.
    """
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf_path))
    try:
        text = " ".join(doc[n].get_textpage().get_text_range() for n in range(len(doc)))
    finally:
        doc.close()
    return re.sub(r"\s+", " ", text.replace("\ufffe", "- "))


def outline_titles(pdf) -> list[str]:
    titles: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(pdf.outline)
    return titles


def squeeze(text: str) -> str:
    """Chromium drops the space where a long heading wrapped; compare titles without spaces."""
    return re.sub(r"\s+", "", text)


def test_outline_has_every_domain_and_task_statement(pdf, bank):
    titles = {squeeze(t) for t in outline_titles(pdf)}
    for domain in bank.blueprint.domains:
        assert any(t.startswith(squeeze(f"Domain {domain.id}:")) for t in titles), domain.id
        for task in domain.tasks:
            assert squeeze(f"{task.id} {task.title}") in titles
    assert squeeze("9.9 No such task statement") not in titles


def print_excluded() -> list[str]:
    """The print-site plugin's `exclude` patterns from mkdocs.yml: interactive-only pages."""
    from mkdocs.config import load_config

    return load_config(config_file=str(ROOT / "mkdocs.yml"))["plugins"]["print-site"].config["exclude"]


def test_text_holds_every_chapter_title(pdf_text, site):
    excluded = print_excluded()
    assert "practice/*" in excluded
    for src in nav_sources():
        if any(fnmatch.fnmatch(src, pattern) for pattern in excluded):
            continue
        title = soup(site, src).select_one("article h1").get_text(" ", strip=True).rstrip("¶").strip()
        assert " ".join(title.split()) in pdf_text, src


def test_interactive_pages_are_left_out(pdf_text, site):
    # Their own opening words, not their names: the home page and the cover name them (and say they are online).
    for src in ("practice/progress.md", "practice/review.md", "practice/mock-exam.md", "study-plan.md"):
        opening = " ".join(soup(site, src).select_one("article h1 ~ p").get_text(" ").split()[:10])
        assert len(opening.split()) == 10, src  # the twin: the words are on the site's page
        assert opening not in pdf_text, src


def workbook_and_keys(pdf_text: str, bank) -> list[tuple[int, str, str]]:
    """Per domain: (domain, workbook text, answer-key text), split at each domain's key heading."""
    parts = []
    rest = pdf_text.split(f"Domain {bank.blueprint.domains[0].id}: Data Preparation for ML", 1)[-1]
    for domain in bank.blueprint.domains:
        marker = f"Domain {domain.id} answer key The answers"
        assert marker in rest, f"no answer key for domain {domain.id}"
        workbook, rest = rest.split(marker, 1)
        nxt = f"Domain {domain.id + 1}:"
        key, _, rest = rest.partition(nxt) if domain.id < len(bank.blueprint.domains) else (rest, "", "")
        rest = nxt + rest
        parts.append((domain.id, workbook, key))
    return parts


def test_every_question_id_appears_in_order_in_the_answer_keys(pdf_text, bank):
    for domain, _, key in workbook_and_keys(pdf_text, bank):
        ids = [q.id for t in bank.blueprint.domain_by_id[domain].tasks for q in bank.for_task(t.id)]
        ids += [q.id for c in bank.cases_for_domain(domain) for q in c.questions]
        positions = [key.find(qid) for qid in ids]
        assert -1 not in positions, [qid for qid, pos in zip(ids, positions, strict=True) if pos < 0]
        assert positions == sorted(positions), f"domain {domain}: ids out of order"


def whys(q) -> list[str]:
    return [o.why for o in q.options or []] + [s.why for s in q.steps or []] + [p.why for p in q.pairs or []]


def first_words(text: str, n: int = 12) -> str | None:
    words = plain(text).split()
    return " ".join(words[:n]) if len(words) >= n else None


def test_no_answer_text_in_the_workbook_part(pdf_text, bank):
    for domain, workbook, key in workbook_and_keys(pdf_text, bank):
        questions = [q for q in bank.all_questions() if q.domain == domain]
        needles = [w for q in questions for w in map(first_words, [*whys(q), q.explanation]) if w]
        assert needles
        assert [n for n in needles if n in workbook] == [], f"domain {domain}: answer text in the workbook"
        # the twin: the same needles are found in that domain's answer key
        found = [n for n in needles if n in key]
        assert len(found) >= len(needles) * 0.9, f"domain {domain}: {len(found)} of {len(needles)} in the key"


def test_home_page_links_the_pdf_only_in_builds_that_make_it(site, tmp_path, monkeypatch):
    from .conftest import build_site

    assert soup(site, "index.md").select("a.mla-pdf-link") == []
    monkeypatch.setenv("MLA_PDF", "1")
    with_pdf = build_site(ROOT, tmp_path / "site")
    links = soup(with_pdf, "index.md").select("a.mla-pdf-link")
    assert [a["href"] for a in links] == ["pdf/mla-c01-study-guide.pdf"]


def test_the_answer_keys_lead_back_to_the_chapters(pdf_text, bank):
    from macros.sections import scan_sections, teaching

    sections = scan_sections(ROOT / "docs")
    for domain, workbook, key in workbook_and_keys(pdf_text, bank):
        linked = [q for q in bank.all_questions() if q.domain == domain and teaching(sections, q.covers)]
        assert key.count("Learn it:") == len(linked) > 0, f"domain {domain}"
        assert "Learn it:" not in workbook  # the twin: the chapters print their questions without answers

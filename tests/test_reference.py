"""Reference pages generated from the bank and the chapters: coverage matrix, glossary."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros import MIN_QUESTIONS, coverage_rows, read_abbreviations
from macros.bank import Bank
from macros.sections import Section, scan_sections

from .conftest import ROOT
from .test_site import soup

# Domains whose chapters have landed: every bullet needs a section and MIN_QUESTIONS questions.
CONTENT_DOMAINS = [1, 2, 3, 4]


@pytest.fixture(scope="module")
def sections() -> list[Section]:
    return scan_sections(ROOT / "docs")


def gaps(rows, domains) -> list[str]:
    return [f"{row['bullet'].id}: {'; '.join(row['gaps'])}"
            for d in rows if d["domain"].id in domains for t in d["tasks"] for row in t["rows"] if row["gaps"]]


def test_domains_with_content_have_no_coverage_gap(bank, sections):
    assert gaps(coverage_rows(bank, sections), CONTENT_DOMAINS) == []


def test_coverage_reports_a_bullet_without_section_or_questions(bank, sections):
    without_1_1_k1 = [s for s in sections if "1.1.k1" not in s.bullets]
    found = gaps(coverage_rows(bank, without_1_1_k1), [1])
    assert any(g.startswith("1.1.k1: no teaching section") for g in found)
    thin = Bank(blueprint=bank.blueprint, questions=[q for q in bank.questions if "1.1.k2" not in q.covers])
    assert f"1.1.k2: 0 of {MIN_QUESTIONS} questions" in gaps(coverage_rows(thin, sections), [1])


def test_sections_point_at_real_headings(site, sections):
    for section in sections:
        page = soup(site, section.page)
        assert page.find(id=section.anchor) is not None, f"{section.page}#{section.anchor}"


def test_section_scanner_reads_marks_and_ignores_code(tmp_path: Path):
    (tmp_path / "p.md").write_text(
        "# T\n\n## Formats\n{{ teaches(\"1.1.k1\", '1.1.s2') }}\n\nText about S3.\n\n"
        "```python\n## not a heading\n```\n\n## Formats\n{{ teaches(\"1.1.k2\") }}\n\n## Plain\n\nNo mark.\n")
    found = scan_sections(tmp_path)
    assert [(s.title, s.anchor, s.bullets) for s in found] == [
        ("Formats", "formats", ("1.1.k1", "1.1.s2")), ("Formats", "formats_1", ("1.1.k2",))]
    assert "## not a heading" in found[0].text and "No mark" not in found[1].text


def test_coverage_page_links_every_section(site, bank, sections):
    page = soup(site, "reference/coverage.md")
    links = {a["href"].split("#")[-1] for a in page.select("article table a[href]")}
    assert {s.anchor for s in sections} <= links


def test_glossary_page_lists_every_abbreviation(site):
    terms = read_abbreviations(ROOT / "docs" / "includes" / "abbreviations.md")
    page = soup(site, "reference/glossary.md")
    shown = [h.get_text(strip=True).removesuffix("¶") for h in page.select("article h3.mla-gloss__term")]
    assert shown == [t for t, _ in terms]


def test_abbreviations_become_tooltips_but_not_inside_answers(site, bank):
    page = soup(site, bank.blueprint.task_path("1.1"))
    assert page.select("article abbr.mla-term[title]"), "no tooltip on a chapter page"
    assert page.select(".mla-q__reveal abbr") == []

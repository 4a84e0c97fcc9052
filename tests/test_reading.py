"""Reading on any screen: glossary marks and the glossary page, in the built HTML (issue 15).

The browser half (tooltips on hover, focus and tap; diagrams; tables at 360 px) is in test_reading_browser.py.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from macros import read_abbreviations

from .conftest import ROOT
from .test_site import soup

CHAPTERS = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").glob("domain-*/*.md")
                  if re.match(r"\d\.\d-", p.name))

# Uses of a word that mean something else than the word's usual glossary sense: (page, the phrase the
# use sits in, the word, what a definition shown there must speak of).
AMBIGUOUS = [
    ("domain-1-data-preparation/1.1-ingest-and-store.md", "Column pruning and partition pruning", "pruning",
     r"column|partition"),
    ("domain-1-data-preparation/1.2-transform-and-engineer-features.md", "Binning (quantization)", "quantization",
     r"\bbin"),
    ("domain-1-data-preparation/1.3-data-integrity-and-preparation.md", "Half the L1 distance", "L1",
     r"distance|absolute differences"),
]


def marks(page: BeautifulSoup) -> list:
    """The glossary marks of a page's article (the build writes them as <abbr>)."""
    return page.select("article abbr")


def definition(mark) -> str:
    return mark.get("title") or mark.get("data-def") or ""


def repeats_in_a_section(page: BeautifulSoup) -> list[str]:
    """Terms marked more than once between two h1/h2 headings."""
    found, seen, section = [], set(), "(top)"
    for el in page.select_one("article").find_all(["h1", "h2", "abbr"]):
        if el.name in ("h1", "h2"):
            seen, section = set(), el.get_text(strip=True).rstrip("¶")
        elif el.get_text() in seen:
            found.append(f"{section}: {el.get_text()}")
        else:
            seen.add(el.get_text())
    return found


def wrong_senses(page: BeautifulSoup, phrase: str, word: str, sense: str) -> list[str]:
    """Marks on `word` inside the element that holds `phrase` whose definition misses `sense`."""
    holders = [el for el in page.select("article :is(p, li, td, th, h2, h3, h4)")
               if phrase in " ".join(el.get_text().split())]
    assert holders, f"the page no longer says {phrase!r}: pick another use of {word!r}"
    return [f"{phrase}: {m.get_text()} -> {definition(m)[:60]}" for el in holders for m in el.select("abbr")
            if word.lower() in m.get_text().lower() and not re.search(sense, definition(m), re.I)]


# ---------------------------------------------------------------- fault 1: marks


@pytest.mark.parametrize("src", CHAPTERS)
def test_a_term_is_marked_at_its_first_use_in_a_section(site, src):
    assert repeats_in_a_section(soup(site, src)) == []


def test_the_repeat_check_finds_a_second_mark(site):
    page = soup(site, CHAPTERS[0], fresh=True)
    first = marks(page)[0]
    first.insert_after(page.new_tag("abbr", title=definition(first), string=first.get_text()))
    assert repeats_in_a_section(page) != []


def test_chapter_pages_still_mark_terms(site):
    page = soup(site, "domain-1-data-preparation/1.1-ingest-and-store.md")
    assert len(marks(page)) >= 20
    assert all(definition(m) for m in marks(page))


@pytest.mark.parametrize(("src", "phrase", "word", "sense"), AMBIGUOUS, ids=[a[2] for a in AMBIGUOUS])
def test_a_word_with_two_meanings_gets_the_right_definition(site, src, phrase, word, sense):
    assert wrong_senses(soup(site, src), phrase, word, sense) == []


def test_the_sense_check_finds_a_wrong_definition(site):
    src, phrase, word, sense = AMBIGUOUS[0]
    page = soup(site, src, fresh=True)
    cell = next(el for el in page.select("article td") if phrase in el.get_text())
    cell.append(page.new_tag("abbr", title="Removing weights that contribute little", string=word))
    assert wrong_senses(page, phrase, word, sense) != []


def test_no_mark_inside_headings_links_code_or_answers(site):
    for src in CHAPTERS:
        page = soup(site, src)
        assert page.select("article :is(h1, h2, h3, h4, a, code, pre, summary, label) abbr") == [], src
        assert page.select(".mla-q abbr") == [], src


# ---------------------------------------------------------------- fault 2: the glossary page


def glossary_problems(page: BeautifulSoup, terms: list[tuple[str, str]]) -> list[str]:
    """Each term a heading of its own with a unique id; an A-Z index whose links reach the letters."""
    problems = []
    headings = {h.get_text(strip=True).rstrip("¶"): h.get("id") for h in page.select("article h3[id]")}
    for term, _ in terms:
        if term not in headings:
            problems.append(f"{term}: no heading of its own")
    ids = [el["id"] for el in page.select("article [id]")]
    problems += [f"id {i} used twice" for i in sorted({i for i in ids if ids.count(i) > 1})]
    index = page.select("article nav.mla-az a[href^='#']")
    if len(index) < 20:
        problems.append(f"A-Z index has {len(index)} letters")
    problems += [f"index link {a['href']} goes nowhere" for a in index if a["href"][1:] not in ids]
    return problems


def test_glossary_gives_every_term_an_anchor_and_an_a_z_index(site):
    terms = read_abbreviations(ROOT / "docs" / "includes" / "abbreviations.md")
    assert glossary_problems(soup(site, "reference/glossary.md"), terms) == []


def test_glossary_check_finds_a_term_without_anchor(site):
    page = soup(site, "reference/glossary.md")
    assert "Quantum teleporter: no heading of its own" in glossary_problems(page, [("Quantum teleporter", "x")])


# ---------------------------------------------------------------- fault 6: documentation links with titles

BARE = re.compile(r"^[\w.%-]+\.(?:html?|pdf|md)$|^(?:https?://|[\w-]+(?:/[\w.-]+)+)")


def bare_links(page: BeautifulSoup) -> list[str]:
    """Links to other hosts whose text is a file name or an address instead of a title."""
    return [f"{a.get_text()} -> {a['href']}" for a in page.select("article a[href^='https://']")
            if BARE.match(a.get_text(strip=True)) or a.get_text(strip=True) == a["href"].rstrip("/").split("/")[-1]]


def test_the_services_reference_titles_its_documentation_links(site):
    page = soup(site, "reference/services.md")
    links = page.select("article a[href^='https://docs.aws.amazon.com']")
    assert len(links) >= 100
    assert bare_links(page) == []


def test_the_title_check_finds_a_bare_file_name(site):
    page = soup(site, "reference/services.md", fresh=True)
    link = page.new_tag("a", href="https://docs.aws.amazon.com/athena/latest/ug/bucketing-vs-partitioning.html",
                        string="bucketing-vs-partitioning.html")
    page.select_one("article p").append(link)
    assert f"bucketing-vs-partitioning.html -> {link['href']}" in bare_links(page)


def test_a_documentation_title_comes_from_the_url_or_the_title_map():
    from macros.doclinks import doc_title
    from macros.services import ServiceEntry

    assert doc_title("https://docs.aws.amazon.com/athena/latest/ug/bucketing-vs-partitioning.html") == \
        "Athena User Guide: Bucketing vs partitioning"
    assert doc_title("https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_NetworkConfig.html") == \
        "SageMaker AI API Reference: NetworkConfig"
    url = "https://docs.aws.amazon.com/sns/latest/dg/welcome.html"
    entry = ServiceEntry(name="Amazon SNS", match=["SNS"], summary="s", facts=["f"], references=[url],
                         reference_titles={url: "What is Amazon SNS?"})
    assert entry.links() == [{"url": url, "title": "What is Amazon SNS?"}]
    with pytest.raises(ValueError, match="not in references"):
        ServiceEntry(name="Amazon SNS", match=["SNS"], summary="s", facts=["f"], references=[url],
                     reference_titles={"https://docs.aws.amazon.com/other.html": "Other"})

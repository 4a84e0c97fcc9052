"""Search as a reader uses it (issue 15): queries typed into Material's search box in Debian's Chromium.

A topic's teaching page must be among the first three pages listed, and a glossary term's result must
land on the term, not at the top of the glossary.
"""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.browser

D1, D2, D3, D4 = ("domain-1-data-preparation", "domain-2-model-development", "domain-3-deployment-orchestration",
                  "domain-4-monitoring-security")
# Topic -> the chapter pages that teach it (any one of them in the top three passes).
TOPICS = {
    "inference recommender": [f"{D3}/3.1-deployment-infrastructure", f"{D4}/4.2-infrastructure-and-costs"],
    "data drift": [f"{D4}/4.1-monitor-inference"],
    "class imbalance": [f"{D1}/1.3-data-integrity-and-preparation"],
    "hot shard": [f"{D1}/1.1-ingest-and-store"],
    "one-hot encoding": [f"{D1}/1.2-transform-and-engineer-features"],
    "pre-training bias metrics": [f"{D1}/1.3-data-integrity-and-preparation"],
    "post-training bias metrics": [f"{D2}/2.3-analyze-model-performance"],
    "partial dependence": [f"{D2}/2.3-analyze-model-performance"],
    "learning rate": [f"{D2}/2.2-train-and-refine"],
    "automatic model tuning": [f"{D2}/2.2-train-and-refine"],
    "catastrophic forgetting": [f"{D2}/2.2-train-and-refine"],
    "model registry": [f"{D2}/2.2-train-and-refine"],
    "multi-model endpoint": [f"{D3}/3.1-deployment-infrastructure"],
    "serverless inference": [f"{D3}/3.1-deployment-infrastructure", f"{D3}/3.2-infrastructure-as-code"],
    "target tracking scaling": [f"{D3}/3.2-infrastructure-as-code"],
    "blue/green deployment": [f"{D3}/3.3-ci-cd-pipelines", f"{D3}/3.1-deployment-infrastructure"],
    "model monitor": [f"{D4}/4.1-monitor-inference"],
    "cost allocation tags": [f"{D4}/4.2-infrastructure-and-costs"],
    "least privilege": [f"{D4}/4.3-secure-resources"],
    "feature store": [f"{D1}/1.2-transform-and-engineer-features", f"{D1}/1.1-ingest-and-store"],
}
# Glossary terms -> the anchor their glossary result must land on.
TERMS = {"SHAP": "shap", "blue/green": "blue-green", "data drift": "data-drift"}


@pytest.fixture(scope="module")
def search(browser, server):
    """A page with Material's search ready: search(query) -> result groups, each a list of link paths."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{server}/")
    box, meta = page.locator("input.md-search__input"), page.locator(".md-search-result__meta")
    box.click()

    def run(query: str) -> list[list[str]]:
        # Material searches on keyup: the whole query goes in at once, then one key press sends it.
        box.fill("")
        box.press("End")
        meta.filter(has_text="Type to start").wait_for(timeout=20000)
        box.fill(query)
        box.press("End")
        meta.filter(has_text=re.compile(r"matching document|No matching")).wait_for(timeout=20000)
        return page.evaluate("""() => [...document.querySelectorAll('.md-search-result__item')].map(li =>
            [...li.querySelectorAll('a.md-search-result__link')].map(a => {
              const u = new URL(a.href); return u.pathname + u.hash; }))""")

    yield run
    context.close()


def page_of(link: str) -> str:
    return link.split("#")[0].strip("/")


def misses(search, topics: dict[str, list[str]]) -> list[str]:
    """Topics whose teaching page is not among the first three pages listed."""
    out = []
    for query, teaching in topics.items():
        top = [page_of(group[0]) for group in search(query)[:3] if group]
        if not any(t in top for t in teaching):
            out.append(f"{query!r}: top three are {top}")
    return out


def test_the_topic_list_names_pages_that_exist():
    for pages in TOPICS.values():
        for path in pages:
            assert (ROOT / "docs" / f"{path}.md").exists(), path
    assert len(TOPICS) >= 20


def test_a_topic_finds_its_teaching_page_in_the_top_three(search):
    assert misses(search, TOPICS) == []


def test_the_ranking_check_notices_a_page_that_does_not_teach_the_topic(search):
    assert misses(search, {"learning rate": [f"{D4}/4.3-secure-resources"]}) != []


@pytest.mark.parametrize("term", TERMS)
def test_a_glossary_term_lands_on_its_entry(search, term):
    links = [link for group in search(term)[:5] for link in group]
    glossary = [link for link in links if page_of(link) == "reference/glossary"]
    assert glossary, f"{term}: the glossary is not in the first five pages"
    sections = [link for link in glossary if "#" in link]  # a group is the page, then its best sections
    assert sections and sections[0].endswith(f"#{TERMS[term]}"), f"{term}: the glossary result goes to {glossary}"

"""The offline build (`make offline`): opens from file://, searches, answers a question, calls no host."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest

from .conftest import DRAWN, ROOT, UNDRAWN, build_site

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    """The site built with OFFLINE=true, zipped and unzipped the way a reader would."""
    tmp = tmp_path_factory.mktemp("offline")
    old = os.environ.get("OFFLINE")
    os.environ["OFFLINE"] = "true"
    try:
        build_site(ROOT, tmp / "site-offline")
    finally:
        if old is None:
            del os.environ["OFFLINE"]
        else:
            os.environ["OFFLINE"] = old
    archive = tmp / "site-offline.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in (tmp / "site-offline").rglob("*"):
            zf.write(path, path.relative_to(tmp))
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(tmp / "unzipped")
    return tmp / "unzipped" / "site-offline"


@pytest.fixture
def file_page(browser):
    context = browser.new_context()
    page = context.new_page()
    page.errors = []
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "blob:"))
            else page.errors.append(f"request to another host: {r.url}"))
    yield page
    context.close()


def test_offline_build_uses_file_urls_and_the_local_shim(offline_site):
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert 'src="assets/vendor/iframe-worker.js"' in home
    assert "unpkg.com" not in home
    assert (offline_site / "search" / "search_index.js").exists()
    assert (offline_site / "domain-1-data-preparation" / "1.1-ingest-and-store.html").exists()


def test_search_works_from_file(file_page, offline_site):
    file_page.goto((offline_site / "index.html").as_uri())
    file_page.locator(".md-search__input").first.click()
    file_page.locator("input.md-search__input").type("Firehose", delay=30)
    results = file_page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert results.count() > 0
    assert "1.1 Ingest and store data" in file_page.locator(".md-search-result").inner_text()
    file_page.locator("input.md-search__input").fill("")
    file_page.locator("input.md-search__input").type("zzqxjv", delay=30)
    file_page.wait_for_timeout(500)
    assert "No matching documents" in file_page.locator(".md-search-result__meta").inner_text()
    assert file_page.errors == []


def test_a_question_can_be_answered_from_file(file_page, offline_site):
    file_page.goto((offline_site / "domain-1-data-preparation" / "1.1-ingest-and-store.html").as_uri())
    question = file_page.locator('.mla-q.mla-on[data-qtype="single"]').first
    question.locator("fieldset input[type=radio]").first.check()
    question.locator("[data-mla=check]").click()
    assert question.locator(".mla-is-right, .mla-is-wrong").count() >= 1
    assert question.locator(".mla-q__key").is_visible()
    assert file_page.errors == []


def test_progress_page_loads_the_bank_from_file(file_page, offline_site):
    assert (offline_site / "assets" / "bank.js").read_text(encoding="utf-8").startswith("window.MLA_BANK = {")
    file_page.goto((offline_site / "practice" / "progress.html").as_uri())
    file_page.locator(".mla-lead").wait_for(timeout=15000)
    assert "Answered 0 of" in file_page.locator(".mla-lead").inner_text()
    assert file_page.locator(".mla-nojs").count() == 0
    assert file_page.errors == []


def test_online_build_has_no_bank_script(site):
    assert (site / "assets" / "bank.json").exists()
    assert not (site / "assets" / "bank.js").exists()


def test_diagrams_show_from_file(file_page, offline_site, bank):
    """The drawings made at build time need no script: they show from file:// too."""
    file_page.goto((offline_site / bank.blueprint.task_path("1.2").replace(".md", ".html")).as_uri())
    for n in range(file_page.locator("div.mermaid").count()):
        file_page.locator("div.mermaid").nth(n).scroll_into_view_if_needed()
        file_page.wait_for_timeout(100)
    widths = file_page.evaluate("[...document.querySelectorAll('div.mermaid')].map(h => "
                                "h.shadowRoot ? h.shadowRoot.querySelector('svg').getBoundingClientRect().width : 0)")
    assert widths and all(w > 300 for w in widths), widths
    assert file_page.errors == []


def test_an_undrawn_diagram_is_drawn_from_file(file_page, offline_site, bank, tmp_path):
    """From file:// browsers refuse module imports: a diagram with no drawing yet is drawn by the single-file
    Mermaid, and the offline site does not carry the ES module copy."""
    assert (offline_site / "assets" / "vendor" / "mermaid.min.js").is_file()
    assert not (offline_site / "assets" / "vendor" / "mermaid").exists()
    built = offline_site / bank.blueprint.task_path("1.1").replace(".md", ".html")
    undrawn = built.with_name("undrawn-" + built.name)  # beside it, so its relative links still resolve
    undrawn.write_text(DRAWN.sub(UNDRAWN, built.read_text(encoding="utf-8"), count=1), encoding="utf-8")
    try:
        file_page.goto(undrawn.as_uri())
        drawn = file_page.locator("div.mermaid").count()
        file_page.locator("pre.mermaid").first.scroll_into_view_if_needed()
        file_page.wait_for_function(f"document.querySelectorAll('div.mermaid').length === {drawn + 1}", timeout=15000)
        assert file_page.evaluate("typeof window.mermaid.render === 'function'")
        assert file_page.errors == []
    finally:
        undrawn.unlink()

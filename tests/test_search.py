"""Search finds topics, services, glossary terms and question stems, and never answers."""

from __future__ import annotations

import html
import json
import re

import pytest

from macros import read_abbreviations
from macros.services import load_services

from .checks import plain
from .conftest import ROOT


@pytest.fixture(scope="module")
def index(site) -> list[dict]:
    """The search index's sections, each with its plain `words` worked out once."""
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    return [d | {"words": words(d)} for d in docs]


def words(doc: dict) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]))


_PAGES: dict[int, tuple[list[dict], dict[str, str]]] = {}


def page_texts(index: list[dict]) -> dict[str, str]:
    """Each page's sections in one text, joined by a character no phrase matches across (worked out once)."""
    if _PAGES.get(id(index), (None,))[0] is not index:
        pages: dict[str, list[str]] = {}
        for d in index:
            pages.setdefault(d["location"].split("#")[0], []).append(d.get("words") or words(d))
        _PAGES[id(index)] = (index, {page: "\0".join(texts) for page, texts in pages.items()})
    return _PAGES[id(index)][1]


def pages_mentioning(index: list[dict], phrase: str) -> set[str]:
    pattern = re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")
    return {page for page, text in page_texts(index).items() if pattern.search(text)}


def test_every_in_scope_service_finds_a_page(index, bank):
    missing = [e.name for e in load_services(ROOT, bank)
               if not any(pages_mentioning(index, phrase) for phrase in e.match)]
    assert missing == []


def test_every_glossary_term_finds_a_page(index):
    terms = read_abbreviations(ROOT / "docs" / "includes" / "abbreviations.md")
    assert len(terms) >= 150
    missing = [t for t, _ in terms if not pages_mentioning(index, t)]
    assert missing == []


def test_an_unknown_term_finds_nothing(index):
    assert pages_mentioning(index, "Amazon Quantum Ledger Teleporter") == set()


def test_stems_are_found_in_a_section_that_links_to_their_question(index, bank):
    problems, texts = [], [(d["location"], html.unescape(d["words"])) for d in index]
    for q in bank.all_questions():
        needle = " ".join(plain(q.stem).split()[:12])
        if len(needle.split()) < 12:
            continue
        hits = [loc for loc, text in texts if needle in text]
        if not any(loc.endswith(f"#q-{q.id}-title") for loc in hits):
            problems.append(f"{q.id}: {hits[:2]}")
    assert problems == []

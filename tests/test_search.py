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


@pytest.fixture(scope="module")
def pages(index) -> dict[str, str]:
    """Each page's sections in one text, joined by a character no phrase matches across."""
    texts: dict[str, list[str]] = {}
    for d in index:
        texts.setdefault(d["location"].split("#")[0], []).append(d["words"])
    return {page: "\0".join(parts) for page, parts in texts.items()}


def pages_mentioning(pages: dict[str, str], phrase: str) -> set[str]:
    pattern = re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")
    return {page for page, text in pages.items() if pattern.search(text)}


def test_every_in_scope_service_finds_a_page(pages, bank):
    missing = [e.name for e in load_services(ROOT, bank)
               if not any(pages_mentioning(pages, phrase) for phrase in e.match)]
    assert missing == []


def test_every_glossary_term_finds_a_page(pages):
    terms = read_abbreviations(ROOT / "docs" / "includes" / "abbreviations.md")
    assert len(terms) >= 150
    missing = [t for t, _ in terms if not pages_mentioning(pages, t)]
    assert missing == []


def test_an_unknown_term_finds_nothing(pages):
    assert pages_mentioning(pages, "Amazon Quantum Ledger Teleporter") == set()


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

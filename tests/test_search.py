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
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def words(doc: dict) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]))


def pages_mentioning(index: list[dict], phrase: str) -> set[str]:
    pattern = re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])")
    return {d["location"].split("#")[0] for d in index if pattern.search(words(d))}


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
    problems = []
    for q in bank.all_questions():
        needle = " ".join(plain(q.stem).split()[:12])
        if len(needle.split()) < 12:
            continue
        hits = [d["location"] for d in index if needle in html.unescape(words(d))]
        if not any(loc.endswith(f"#q-{q.id}-title") for loc in hits):
            problems.append(f"{q.id}: {hits[:2]}")
    assert problems == []

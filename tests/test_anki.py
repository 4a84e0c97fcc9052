"""The Anki deck (`make anki`): a zip holding a SQLite collection; a note per question and glossary term."""

from __future__ import annotations

import re
import sqlite3
import zipfile

import genanki
import pytest
from bs4 import BeautifulSoup

from macros import ANKI_PATH, read_abbreviations
from macros.anki import MODEL_ID, write_deck
from macros.sections import scan_sections, teaching

from .conftest import ROOT, build_site

SITE_URL = "https://example.org/guide/"


def notes(path) -> dict[str, dict]:
    """The package's notes by their first field (a question id or a glossary term)."""
    with zipfile.ZipFile(path) as z:
        target = path.parent / "collection.anki2"
        target.write_bytes(z.read("collection.anki2"))
    with sqlite3.connect(target) as db:
        rows = db.execute("SELECT guid, mid, tags, flds FROM notes").fetchall()
    out = {}
    for guid, mid, tags, flds in rows:
        key, front, back = flds.split("\x1f")
        out[key] = {"guid": guid, "mid": mid, "tags": set(tags.split()), "front": front, "back": back}
    return out


def raw_html(text: str) -> list[str]:
    """Tags in a card that no page would make from YAML text (raw HTML passed through)."""
    return re.findall(r"<(?:script|b|img)\b", text)


@pytest.fixture(scope="module")
def deck(practice, tmp_path_factory):
    """The deck of the practice project (the guide plus the fixture bank, whose texts hold raw HTML)."""
    return notes(write_deck(practice.site.parent, tmp_path_factory.mktemp("anki"), SITE_URL))


def test_a_note_per_question_and_per_glossary_term(deck, practice):
    bank, terms = practice.bank, read_abbreviations(practice.site.parent / "docs/includes/abbreviations.md")
    assert len(deck) == len(bank.all_questions()) + len(terms)
    for q in bank.all_questions():
        note = deck[q.id]
        assert note["guid"] == genanki.guid_for("question", q.id)  # stable: a re-import updates, not duplicates
        case = {"case-study"} if q.id in {x.id for c in bank.case_studies for x in c.questions} else set()
        assert note["tags"] == {f"domain-{q.domain}", f"task-{q.task}", f"type-{q.type}"} | case, q.id
        assert note["mid"] == MODEL_ID
    for term, _ in terms:
        assert deck[term]["tags"] == {"glossary"} and deck[term]["guid"] == genanki.guid_for("term", term)


def test_cards_carry_the_answer_and_lead_back_to_the_chapter(deck, practice):
    sections = scan_sections(practice.site.parent / "docs")
    for qid in ("fixture-single", "fixture-matching", "fixture-case-two"):
        back = BeautifulSoup(deck[qid]["back"], "html.parser")
        q = practice.bank.by_id[qid]
        assert back.select_one(".mla-anki__key").get_text().startswith("Answer:")
        assert len(back.select(".mla-anki__whys li")) >= len(q.options or q.steps or q.pairs)
        assert back.select_one(".mla-anki__explanation").get_text(strip=True)
        want = [f"{SITE_URL}{s.page.removesuffix('.md')}/#{s.anchor}" for s in teaching(sections, q.covers)]
        assert want and [a["href"] for a in back.select(".mla-anki__learn a")] == want
        assert [a["href"] for a in back.select(".mla-anki__refs a")] == list(q.references)
        assert "Show answer" not in deck[qid]["front"] and "Correct." not in deck[qid]["front"]


def test_raw_html_from_yaml_stays_text_and_markdown_is_rendered(deck):
    single, case = deck["fixture-single"]["front"], deck["fixture-case-one"]["front"]
    assert raw_html(single) == [] and "&lt;script&gt;alert(1)&lt;/script&gt;" in single
    assert raw_html(case) == [] and "&lt;script&gt;window.__ran = 1&lt;/script&gt;" in case
    assert "<strong>Daily exports.</strong>" in case and "<code>sales-YYYY-MM-DD.csv</code>" in case
    assert raw_html("<p>a <script>alert(1)</script></p>") == ["<script"]  # the twin: the check can fail


def test_a_second_build_keeps_every_note_id(deck, practice, tmp_path):
    again = notes(write_deck(practice.site.parent, tmp_path, SITE_URL))
    assert {k: n["guid"] for k, n in again.items()} == {k: n["guid"] for k, n in deck.items()}


def test_make_anki_writes_the_deck_the_home_page_links(site, tmp_path, monkeypatch):
    from macros.__main__ import main

    home = lambda s: BeautifulSoup((s / "index.html").read_text(encoding="utf-8"), "html.parser")  # noqa: E731
    assert home(site).select("a.mla-anki-link") == []  # the twin: a build without the deck does not link it
    monkeypatch.setenv("MLA_ANKI", "1")
    with_deck = build_site(ROOT, tmp_path / "site")
    links = home(with_deck).select("a.mla-anki-link")
    assert [a["href"] for a in links] == [ANKI_PATH]
    assert main(["anki", "--site", str(with_deck)]) == 0
    assert zipfile.is_zipfile(with_deck / ANKI_PATH)

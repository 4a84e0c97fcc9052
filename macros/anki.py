"""The Anki deck (`make anki`): a note per question and per glossary term, written with genanki.

Note guids come from question ids (and glossary terms), so importing a newer deck updates the
cards a learner already studies instead of adding copies. Card HTML is the pages' own (escaped).
"""

from __future__ import annotations

import time
from pathlib import Path

import genanki
from markupsafe import Markup, escape

from . import ABBREVIATIONS, ANKI_PATH, page_url_of, read_abbreviations
from .bank import Bank
from .render import md_block, md_inline, render_template, view
from .sections import Section, teaching

DECK_ID = 1_733_140_014  # fixed forever: Anki knows the deck by it
MODEL_ID = 1_733_140_015  # fixed forever: the note type; change only with its fields
GLOSSARY = "reference/glossary/"
CSS = """.card { font-family: sans-serif; font-size: 18px; text-align: left; line-height: 1.45; }
.mla-anki__instruction, .mla-anki__id { font-size: 0.85em; color: #555; }
.mla-anki__choices, .mla-anki__whys { list-style: none; padding-left: 0; }
.mla-anki__choices li, .mla-anki__whys li { margin: 0.3em 0; }
.nightMode .mla-anki__instruction, .nightMode .mla-anki__id { color: #bbb; }"""

MODEL = genanki.Model(
    MODEL_ID, "MLA-C01 study guide",
    fields=[{"name": "Id"}, {"name": "Front"}, {"name": "Back"}],
    templates=[{"name": "Card", "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}'}],
    css=CSS, sort_field_index=0,
)


def question_note(q, site_url: str, sections: list[Section], case=None) -> genanki.Note:
    """A question's note: front (scenario, stem, choices), back (key, whys, explanation, Learn it, references)."""
    v = view(q)
    learn = [{"html": md_inline(s.title), "href": f"{site_url}{page_url_of(s.page, True)}#{s.anchor}"}
             for s in teaching(sections, q.covers)]
    front = render_template("anki_front.html", v=v, case_title=case.title if case else "",
                            scenario=md_block(case.scenario) if case else "")
    back = render_template("anki_back.html", v=v, learn=learn)
    tags = [f"domain-{q.domain}", f"task-{q.task}", f"type-{q.type}"] + (["case-study"] if case else [])
    return genanki.Note(model=MODEL, fields=[q.id, front, back], tags=tags, guid=genanki.guid_for("question", q.id))


def term_note(term: str, meaning: str, site_url: str) -> genanki.Note:
    """A glossary term's note: the term, then its meaning."""
    back = render_template("anki_term.html", meaning=meaning, href=f"{site_url}{GLOSSARY}")
    return genanki.Note(model=MODEL, fields=[term, str(escape(term)), back], tags=["glossary"],
                        guid=genanki.guid_for("term", term))


def build_deck(bank: Bank, sections: list[Section], terms: list[tuple[str, str]], site_url: str) -> genanki.Deck:
    """Every question of the bank (case studies with their scenario) and every glossary term."""
    site_url = site_url.rstrip("/") + "/"
    deck = genanki.Deck(DECK_ID, f"{bank.blueprint.exam['code']} study guide",
                        description=str(Markup("Practice questions and glossary of the {} study guide: {}").format(
                            bank.blueprint.exam["code"], site_url)))
    for q in bank.questions:
        deck.add_note(question_note(q, site_url, sections))
    for case in bank.case_studies:
        for q in case.questions:
            deck.add_note(question_note(q, site_url, sections, case))
    for term, meaning in terms:
        deck.add_note(term_note(term, meaning, site_url))
    return deck


def write_deck(root: Path, site_dir: Path, site_url: str) -> Path:
    """Write site_dir/anki/mla-c01.apkg from the project at `root`; returns its path."""
    from .bank import load_bank
    from .sections import scan_sections

    bank = load_bank(root)
    deck = build_deck(bank, scan_sections(root / "docs"), read_abbreviations(root / ABBREVIATIONS), site_url)
    target = site_dir / ANKI_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    genanki.Package(deck).write_to_file(str(target), timestamp=time.time())
    return target

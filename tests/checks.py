"""HTML checks on the project's own attributes, shared by the site tests and their negative twins."""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup

from macros.render import md_block


def plain(markdown_text: str) -> str:
    """The words of a Markdown snippet as a page shows them (rendered, tags dropped)."""
    text = BeautifulSoup(str(md_block(markdown_text)), "html.parser").get_text(" ")
    return re.sub(r"\s+", " ", text).strip()


def question_problems(soup: BeautifulSoup, qid: str, qtype: str) -> list[str]:
    """What is wrong with one rendered question's markup (empty when it keeps the contract)."""
    found = soup.select(f'[data-qid="{qid}"]')
    if len(found) != 1:
        return [f"{qid}: found {len(found)} times"]
    el = found[0]
    problems = []
    if el.get("id") != f"q-{qid}":
        problems.append(f"{qid}: id is {el.get('id')!r}")
    if el.get("data-qtype") != qtype:
        problems.append(f"{qid}: data-qtype is {el.get('data-qtype')!r}")
    controls = el.select("fieldset input, fieldset select")
    if not controls:
        problems.append(f"{qid}: no form controls")
    for control in controls:
        if not control.get("id") or not el.select_one(f'label[for="{control["id"]}"]'):
            problems.append(f"{qid}: control {control.get('id')!r} has no label")
    answer = el.select_one("details > [data-key], details > noscript > [data-key]")
    if answer is None or answer.find_parent("details").get("data-search-exclude") is None:
        problems.append(f"{qid}: the answer is not inside a <details data-search-exclude>")
    return problems


def leaked_texts(index_text: str, texts: list[str], min_words: int = 12) -> list[str]:
    """Answer texts (why, explanation) whose first dozen words appear in the search index text.

    A dozen words in a row is long enough that chapter prose on the same topic does not match.
    """
    haystack = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", index_text)))
    leaks = []
    for text in texts:
        words = plain(text).split()
        if len(words) < min_words:
            continue
        needle = " ".join(words[:min_words])
        if needle in haystack:
            leaks.append(needle)
    return leaks

"""Glossary terms: read from docs/includes/abbreviations.md, marked in pages by a Markdown tree pass.

Each term is marked at its first use in a section (between h1/h2 headings), never inside headings,
links, code, summaries or labels: a page stays readable and small, and a mark never sits inside
another control. The longest term wins where terms overlap ("partition pruning" before "pruning"),
which is how a word with two meanings in the guide gets the definition of the sense used.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from pathlib import Path

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

ABBR_LINE = re.compile(r"^\*\[(?P<term>[^\]]+)\]:\s*(?P<meaning>.+)$")
SKIP = {"a", "abbr", "code", "pre", "kbd", "samp", "script", "style", "summary", "label", "button",
        "h1", "h2", "h3", "h4", "h5", "h6"}
SECTION = {"h1", "h2"}


def read_terms(path: Path) -> list[tuple[str, str]]:
    """`*[TERM]: meaning` lines, sorted case-insensitively by term; a term defined twice names its lines."""
    terms: dict[str, tuple[int, str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        match = ABBR_LINE.match(line)
        if not match:
            continue
        if match["term"] in terms:
            raise ValueError(f"{path.name}:{number}: {match['term']}: defined again (first on line "
                             f"{terms[match['term']][0]})")
        terms[match["term"]] = (number, match["meaning"])
    return sorted(((t, m) for t, (_, m) in terms.items()), key=lambda t: (t[0].lower(), t[0]))


def anchors(terms: list[tuple[str, str]]) -> dict[str, str]:
    """A unique id per term for the glossary page: its slug, "-2" after a term that slugs the same."""
    out: dict[str, str] = {}
    for term, _ in terms:
        base = re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-") or "term"
        slug, n = base, 1
        while slug in out.values():
            n += 1
            slug = f"{base}-{n}"
        out[term] = slug
    return out


class TermMarker(Treeprocessor):
    """Wraps the first use of each term in a section in <abbr class="mla-term" title="definition">."""

    def __init__(self, md: Markdown, terms: dict[str, str], active: Callable[[], bool]):
        super().__init__(md)
        self.terms = terms
        self.active = active
        # A lowercase term also matches at the start of a sentence ("Column pruning" for "column pruning").
        self.names = {t[0].upper() + t[1:]: t for t in terms if re.match(r"[a-z]{3,}\b", t)} | {t: t for t in terms}
        names = sorted(self.names, key=len, reverse=True)
        self.pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b") if names else None

    def run(self, root: etree.Element) -> None:
        if self.pattern is None or not self.active():
            return
        self.seen: set[str] = set()
        self.walk(root)

    def walk(self, el: etree.Element) -> None:
        children = list(el)  # the marks inserted below are not walked again
        if el.text:
            for n, mark in enumerate(self.split(el.text, el, "text")):
                el.insert(n, mark)
        for child in children:
            if child.tag in SECTION:
                self.seen = set()
            if child.tag not in SKIP and "mermaid" not in (child.get("class") or ""):
                self.walk(child)
            if child.tail:
                at = list(el).index(child) + 1
                for n, mark in enumerate(self.split(child.tail, child, "tail")):
                    el.insert(at + n, mark)

    def split(self, text: str, owner: etree.Element, attr: str) -> list[etree.Element]:
        """Cut the text at each first use of a term: the owner keeps the head, each mark carries its tail."""
        if isinstance(text, AtomicString):
            return []
        made: list[etree.Element] = []
        last = 0
        for match in self.pattern.finditer(text):
            term = self.names[match.group(0)]
            if term in self.seen:
                continue
            self.seen.add(term)
            mark = etree.Element("abbr", {"class": "mla-term", "title": self.terms[term]})
            mark.text = AtomicString(match.group(0))
            if made:
                made[-1].tail = text[last:match.start()]
            else:
                setattr(owner, attr, text[:match.start()])
            made.append(mark)
            last = match.end()
        if made:
            made[-1].tail = text[last:]
        return made


class GlossaryExtension(Extension):
    """Registers the term marker after inline parsing, where the abbr extension used to run."""

    def __init__(self, terms: list[tuple[str, str]], active: Callable[[], bool] = lambda: True):
        super().__init__()
        self.terms = dict(terms)
        self.active = active

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(TermMarker(md, self.terms, self.active), "mla-terms", 7)

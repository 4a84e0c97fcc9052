"""Which chapter sections teach which blueprint bullets, read from the teaches() marks in docs/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from markdown.extensions.toc import slugify

HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*(?:\{[^}]*#(?P<anchor>[\w-]+)[^}]*\})?\s*$")
TEACHES = re.compile(r"\{\{\s*teaches\((?P<args>[^)]*)\)\s*\}\}")
FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Section:
    page: str  # docs-relative path of the Markdown file
    title: str  # the heading text
    anchor: str  # the heading's id on the built page
    bullets: tuple[str, ...]
    text: str = ""  # the section's Markdown up to the next heading of its level or above


def scan_sections(docs: Path) -> list[Section]:
    """Every heading directly followed by a teaches() mark, in file and line order, with its text."""
    found: list[Section] = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if not rel.startswith("includes/"):
            found += _scan_page(rel, path.read_text(encoding="utf-8").splitlines())
    return found


def _scan_page(rel: str, lines: list[str]) -> list[Section]:
    headings: list[tuple[int, int, str, str]] = []  # (line number, level, text, anchor)
    anchors: dict[str, int] = {}
    in_fence = False
    for n, line in enumerate(lines):
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if not match:
            continue
        anchor = match["anchor"] or slugify(re.sub(r"[`*_]", "", match["text"]), "-")
        if not match["anchor"]:  # Python-Markdown numbers repeated heading ids
            count = anchors.get(anchor, 0)
            anchors[anchor] = count + 1
            anchor = anchor if count == 0 else f"{anchor}_{count}"
        headings.append((n, len(match["hashes"]), match["text"], anchor))
    sections = []
    for i, (n, level, title, anchor) in enumerate(headings):
        mark = next((TEACHES.search(line) for line in lines[n + 1:n + 3] if TEACHES.search(line)), None)
        if mark is None:
            continue
        end = next((m for m, lv, _, _ in headings[i + 1:] if lv <= level), len(lines))
        ids = tuple(re.findall(r"[\"']([^\"']+)[\"']", mark["args"]))
        sections.append(Section(rel, title, anchor, ids, "\n".join(lines[n + 1:end])))
    return sections


def teaching(sections: list[Section], bullets: list[str] | tuple[str, ...]) -> list[Section]:
    """The fewest sections that together teach these bullets ("Learn it" links), most bullets first.

    A greedy cover: a bullet taught in several places gets one link, not one per section. Bullets
    that no section teaches yet are left out; ties keep file and line order.
    """
    left, chosen = set(bullets), []
    # Only sections teaching one of the bullets can be picked (each question asks this of every section).
    pool = [(s, set(s.bullets)) for s in sections if not left.isdisjoint(s.bullets)]
    while left:
        best = max(pool, key=lambda p: len(left & p[1]), default=None)
        if best is None or not left & best[1]:
            break
        chosen.append(best[0])
        left -= best[1]
    return chosen

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


def scan_sections(docs: Path) -> list[Section]:
    """Every heading directly followed by a teaches() mark, in file and line order."""
    found: list[Section] = []
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if rel.startswith("includes/"):
            continue
        heading, anchors, in_fence = None, {}, False
        for line in path.read_text(encoding="utf-8").splitlines():
            if FENCE.match(line):
                in_fence = not in_fence
                continue
            if in_fence:
                continue
            match = HEADING.match(line)
            if match:
                text = match["text"]
                anchor = match["anchor"] or slugify(re.sub(r"[`*_]", "", text), "-")
                if not match["anchor"]:  # Python-Markdown numbers repeated heading ids
                    count = anchors.get(anchor, 0)
                    anchors[anchor] = count + 1
                    anchor = anchor if count == 0 else f"{anchor}_{count}"
                heading = (text, anchor)
                continue
            mark = TEACHES.search(line)
            if mark and heading:
                ids = tuple(re.findall(r"[\"']([^\"']+)[\"']", mark["args"]))
                found.append(Section(rel, heading[0], heading[1], ids))
    return found

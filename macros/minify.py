"""Smaller copies of the project's own JS and CSS in the built site (the sources stay readable).

The JS pass only drops comment lines and indentation, which is safe for this code base
(no multi-line strings whose lines start with a comment marker); the CSS goes through rcssmin.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin

ASSETS = ("assets/mla.js", "assets/mla-practice.js", "assets/mla-exam.js", "assets/mla.css")


def strip_js(text: str) -> str:
    """Drop whole-line comments (// and /* ... */ blocks) and leading indentation."""
    out, in_block = [], False
    for line in text.splitlines():
        stripped = line.strip()
        if in_block:
            in_block = "*/" not in stripped
            continue
        if stripped.startswith("/*"):
            in_block = "*/" not in stripped
            continue
        if not stripped or stripped.startswith("//"):
            continue
        out.append(stripped)
    return "\n".join(out) + "\n"


def minify_assets(site_dir: Path) -> None:
    for rel in ASSETS:
        path = site_dir / rel
        if not path.exists():
            continue
        text = path.read_text(encoding="utf-8")
        path.write_text(rcssmin.cssmin(text) if rel.endswith(".css") else strip_js(text), encoding="utf-8")

"""How much each kind of page weighs in the site's search: the page that teaches a topic ranks above the
pages that only mention it (cheat sheets, the services reference, the coverage matrix)."""

from __future__ import annotations

import re

# (pattern on the docs/ path, the search settings a page of that kind gets); the first match wins.
WEIGHTS: list[tuple[str, dict]] = [
    (r"^domain-\d-[^/]+/\d\.\d-[^/]+\.md$", {"boost": 2}),   # a task statement's chapter
    (r"/cheat-sheet\.md$", {"boost": 0.5}),
    (r"^reference/services\.md$", {"boost": 0.5}),
    (r"^reference/coverage\.md$", {"boost": 0.3}),
    (r"^reference/tags\.md$", {"exclude": True}),              # lists of service names and page titles only
]


def weigh(src_uri: str, meta: dict) -> None:
    """Give the page its kind's search settings, unless its front matter sets its own."""
    if "search" in meta:
        return
    for pattern, settings in WEIGHTS:
        if re.search(pattern, src_uri):
            meta["search"] = dict(settings)
            return

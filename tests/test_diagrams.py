"""Diagrams drawn at build time (macros/diagrams.py): the page carries each drawing, and the drawings kept in
docs/includes/diagrams/ are those of the guide's diagrams, made with the pinned Mermaid and Material."""

from __future__ import annotations

import html
import json
import re
import shutil

import markdown
from pymdownx.superfences import fence_code_format

from macros.diagrams import DRAWINGS, INDEX, DiagramsExtension, key, pins, problems, readable

from .conftest import ROOT

SOURCE = "flowchart LR\n  a[Raw data] --> b[Features]"
FENCE = f"Before.\n\n```mermaid\n{SOURCE}\n```\n\nAfter.\n"


def convert(folder, draw=True):
    ext = DiagramsExtension(folder, draw=draw)
    fences = [{"name": "mermaid", "class": "mermaid", "format": fence_code_format}]
    md = markdown.Markdown(extensions=[ext, "pymdownx.superfences"],
                           extension_configs={"pymdownx.superfences": {"custom_fences": fences}})
    return md.convert(FENCE), ext


def test_a_drawn_diagram_is_written_into_the_page(tmp_path):
    (tmp_path / f"{key(SOURCE)}.svg").write_text('<svg id="x"><text>Raw data</text></svg>', encoding="utf-8")
    out, ext = convert(tmp_path)
    assert (f'<div class="mermaid mla-drawn" data-diagram="{key(SOURCE)}"><noscript data-search-exclude>'
            '<div class="mla-drawn__static"><template shadowrootmode="open">') in out
    assert '<svg id="x"><text>Raw data</text></svg></template></div></noscript></div>' in out
    assert "<pre" not in out and ext.seen == {key(SOURCE): SOURCE}


def test_a_diagram_without_a_drawing_stays_mermaid_source(tmp_path):
    out, ext = convert(tmp_path)
    assert '<pre class="mermaid"><code>' in out and "mla-drawn" not in out
    assert html.unescape(re.search(r"<code>(.*?)</code>", out, re.S)[1]).strip() == SOURCE
    assert ext.seen == {key(SOURCE): SOURCE}  # `make diagrams` draws it from this list


def test_the_source_build_leaves_drawn_diagrams_as_source(tmp_path):
    (tmp_path / f"{key(SOURCE)}.svg").write_text("<svg></svg>", encoding="utf-8")
    out, _ = convert(tmp_path, draw=False)
    assert '<pre class="mermaid">' in out and "mla-drawn" not in out


def test_a_wide_drawing_keeps_three_quarters_of_its_width():
    svg = '<svg id="d" width="100%" style="max-width: 1000.5px;" viewBox="0 0 1000.5 300"></svg>'
    assert 'style="max-width: 1000.5px; min-width: 750px;"' in readable(svg)


def guide_sources(site) -> dict[str, str]:
    """Every diagram of the built guide, key -> source (the source only where it has no drawing)."""
    sources: dict[str, str] = {}
    for page in site.rglob("*.html"):
        if page.parent.name == "print_page":
            continue
        text = page.read_text(encoding="utf-8")
        for k in re.findall(r'<div class="mermaid mla-drawn" data-diagram="([0-9a-f]+)"', text):
            sources[k] = f"(drawn, {page.relative_to(site)})"
        for code in re.findall(r'<pre class="mermaid"><code>(.*?)</code></pre>', text, re.S):
            source = html.unescape(code)
            sources[key(source)] = source
    return sources


def test_every_diagram_of_the_guide_has_a_current_drawing(site):
    undrawn = [str(p.relative_to(site)) for p in site.rglob("*.html") if '<pre class="mermaid">' in
               p.read_text(encoding="utf-8")]
    assert undrawn == [], f"diagrams with no drawing on {undrawn}: run `make diagrams`"
    sources = guide_sources(site)
    assert len(sources) >= 40
    assert problems(ROOT, sources) == []


def copy_drawings(tmp_path):
    for name in ("Makefile", "requirements.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "docs" / DRAWINGS, tmp_path / "docs" / DRAWINGS)
    return tmp_path / "docs" / DRAWINGS


def test_the_drawing_check_finds_a_new_a_stale_and_an_old_drawing(site, tmp_path):
    folder = copy_drawings(tmp_path)
    sources = guide_sources(site)
    assert problems(tmp_path, sources) == []
    gone = sorted(sources)[0]
    sources.pop(gone)                      # a diagram edited away: its old drawing is left over
    sources[key(SOURCE)] = SOURCE          # a new diagram: no drawing yet
    found = problems(tmp_path, sources)
    assert any(f"diagram {key(SOURCE)} (flowchart LR / " in p and "run `make diagrams`" in p for p in found)
    assert any(f"{gone}.svg: no diagram of the guide has this source" in p for p in found)
    assert len(found) == 2
    index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
    assert index == pins(ROOT)
    (folder / INDEX).write_text(json.dumps(dict(index, mermaid="10.0.0")), encoding="utf-8")
    assert any("drawn with mermaid 10.0.0, the pin is" in p for p in problems(tmp_path, guide_sources(site)))


def test_drawings_are_in_the_page_and_not_published_as_files(site):
    assert not (site / "includes").exists()
    page = (site / "domain-2-model-development" / "2.3-analyze-model-performance" / "index.html").read_text("utf-8")
    drawn = '<template shadowrootmode="open"><style>@media print{svg{min-width:0!important}}</style><svg'
    assert page.count(drawn) >= 2


def run_together_labels(root) -> set[str]:
    """Two-line node labels as a search index would hold them if it read the drawings: the lines run together."""
    labels = set()
    for svg in (root / "docs" / DRAWINGS).glob("*.svg"):
        pairs = re.findall(r'class="nodeLabel"[^>]*><p>([^<]+)<br\s*/?>([^<]+)</p>', svg.read_text("utf-8"))
        for first, second in pairs:
            labels.add(first + second)
    return labels


def labels_in_index(index_text: str, labels: set[str]) -> list[str]:
    return sorted(label for label in labels if label in index_text)


def test_drawings_are_not_in_the_search_index(site):
    labels = run_together_labels(ROOT)
    assert len(labels) >= 20
    assert labels_in_index((site / "search" / "search_index.json").read_text(encoding="utf-8"), labels) == []


def test_the_index_check_finds_a_drawings_labels():
    labels = run_together_labels(ROOT)
    label = sorted(labels)[0]
    assert labels_in_index(f'{{"text": "<p>{label}</p>"}}', labels) == [label]

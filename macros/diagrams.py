"""Diagrams drawn ahead of time: each Mermaid diagram's SVG is kept in docs/includes/diagrams/ and written into
the page, so no reader's browser runs Mermaid for it.

Laying out a flowchart in the browser took about 1.2 s of main-thread time at Lighthouse's 4x CPU slowdown, on
every chapter with a diagram near the top (issue 15). `make diagrams` (`python -m macros diagrams`) draws every
diagram of the guide with the pinned Mermaid and Material's own Mermaid settings, in Chromium, and keeps one SVG
per diagram, named by a hash of its source. The build then writes

    <div class="mermaid mla-drawn" data-diagram="KEY"><noscript data-search-exclude><div class="mla-drawn__static">
      <template shadowrootmode="open">SVG</template></div></noscript></div>

in place of Material's `<pre class="mermaid">`. With JavaScript, the <noscript> is one text node until the
diagram nears the viewport; mla.js then puts the SVG into a shadow root of the div (so a long chapter's drawings
below the fold cost its first layout nothing, as its answers wait in a <noscript> too). Without JavaScript, the
HTML parser attaches the declarative shadow root itself. Either way the page's CSS stays out of the drawing, as
it does for Material's own, and the drawing's colours are Material's CSS variables, so it follows the light and
dark palettes. A diagram with no drawing yet (a new or edited one) stays Mermaid source and Material draws it in
the browser, as before; `tests/test_diagrams.py` fails, naming its page, until `make diagrams` has been run.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from pathlib import Path

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

DRAWINGS = Path("includes") / "diagrams"  # under docs/ (exclude_docs keeps includes/ out of the site)
INDEX = "index.json"                       # which Mermaid and Material drew them
SOURCE = re.compile(r'<pre class="mermaid"><code>(.*?)</code></pre>', re.S)
# Mermaid scales a diagram down to the column's width, so a wide one had 4 px labels. Never below 3/4 of its
# size (12 px labels): a wider diagram scrolls sideways instead (issue 15). Printed, it fits the page again.
MIN_SCALE = 0.75
PRINT_FIT = "<style>@media print{svg{min-width:0!important}}</style>"


def key(source: str) -> str:
    """The drawing's name: the start of the SHA-256 of the diagram's Mermaid source."""
    return hashlib.sha256(source.strip().encode("utf-8")).hexdigest()[:16]


def readable(svg: str) -> str:
    """Give Mermaid's SVG a minimum width of MIN_SCALE times its own."""
    return re.sub(r'^(<svg[^>]*style="max-width: )([\d.]+)px;',
                  lambda m: f"{m[1]}{m[2]}px; min-width: {round(float(m[2]) * MIN_SCALE)}px;", svg, count=1)


def host(k: str, svg: str) -> str:
    # Out of the search index: its labels run together there ("Offline evaluationmetrics vs baseline"), and the
    # prose around each diagram says what it shows. On the <noscript>: Material's search parser ends an exclusion
    # at the first closing tag of the same name, and the drawing holds many a </div>, none a </noscript>.
    return (f'<div class="mermaid mla-drawn" data-diagram="{k}"><noscript data-search-exclude>'
            f'<div class="mla-drawn__static"><template shadowrootmode="open">{PRINT_FIT}{svg}</template></div>'
            "</noscript></div>")


class Drawings(Postprocessor):
    """Swaps each `<pre class="mermaid">` that has a drawing for it; records every source it sees."""

    def __init__(self, md: Markdown, ext: DiagramsExtension):
        super().__init__(md)
        self.ext = ext

    def run(self, text: str) -> str:
        return SOURCE.sub(self.swap, text)

    def swap(self, match: re.Match) -> str:
        source = html.unescape(match[1])
        k = key(source)
        self.ext.seen[k] = source
        path = self.ext.folder / f"{k}.svg"
        if not self.ext.draw or not path.is_file():
            return match[0]
        return host(k, path.read_text(encoding="utf-8"))


class DiagramsExtension(Extension):
    """`draw=False` leaves every diagram as source (the build `make diagrams` draws from)."""

    def __init__(self, folder: Path, draw: bool = True):
        super().__init__()
        self.folder, self.draw = folder, draw
        self.seen: dict[str, str] = {}  # key -> source: every diagram of the build

    def extendMarkdown(self, md: Markdown) -> None:
        # After the raw-HTML postprocessor (30) has put superfences' <pre class="mermaid"> back into the page
        md.postprocessors.register(Drawings(md, self), "mla-diagrams", 5)


def pins(root: Path) -> dict[str, str]:
    """The pinned Mermaid (Makefile) and Material (requirements.txt) versions a drawing depends on."""
    make = (root / "Makefile").read_text(encoding="utf-8")
    reqs = (root / "requirements.txt").read_text(encoding="utf-8")
    mermaid = re.search(r"^MERMAID_VERSION\s*:?=\s*(\S+)", make, re.M)
    material = re.search(r"^mkdocs-material==(\S+)", reqs, re.M)
    return {"mermaid": mermaid[1] if mermaid else "?", "material": material[1] if material else "?"}


def problems(root: Path, sources: dict[str, str]) -> list[str]:
    """What is wrong with the drawings for the guide's diagrams `sources` (key -> source); empty when current."""
    folder = root / "docs" / DRAWINGS
    out = []
    index = folder / INDEX
    recorded = json.loads(index.read_text(encoding="utf-8")) if index.is_file() else {}
    for name, version in pins(root).items():
        if recorded.get(name) != version:
            out.append(f"{index}: drawn with {name} {recorded.get(name)}, the pin is {version}; run `make diagrams`")
    for k, source in sorted(sources.items()):
        if not (folder / f"{k}.svg").is_file():
            first = source.strip().splitlines()[:2]
            out.append(f"diagram {k} ({' / '.join(first)}): no drawing in {folder}; run `make diagrams`")
    for path in sorted(folder.glob("*.svg")):
        if path.stem not in sources:
            out.append(f"{path}: no diagram of the guide has this source any more; run `make diagrams`")
    return out


def write(root: Path, drawn: dict[str, str]) -> list[Path]:
    """Keep `drawn` (key -> SVG) as the guide's drawings, drop the others, and record the versions."""
    folder = root / "docs" / DRAWINGS
    folder.mkdir(parents=True, exist_ok=True)
    for path in folder.glob("*.svg"):
        if path.stem not in drawn:
            path.unlink()
    written = []
    for k, svg in sorted(drawn.items()):
        path = folder / f"{k}.svg"
        text = readable(svg) + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    (folder / INDEX).write_text(json.dumps(pins(root), indent=2) + "\n", encoding="utf-8")
    return written


# ---------------------------------------------------------------- drawing, in Chromium
DRAW_JS = """async ([vendor, items]) => {
  const mermaid = (await import(vendor + "mermaid/mermaid.esm.min.mjs")).default;
  mermaid.initialize(window.mermaid.config);
  const out = {};
  for (const [k, source] of items) out[k] = (await mermaid.render("mla-d-" + k, source)).svg;
  return out;
}"""


def draw_all(root: Path, chromium: str) -> tuple[list[Path], int]:
    """Build the guide with every diagram left as source, then draw each one in a page of that build."""
    import os
    import subprocess
    import sys
    import tempfile

    from playwright.sync_api import sync_playwright

    from .pdf import CHROMIUM_ARGS, served

    with tempfile.TemporaryDirectory() as tmp:
        site, record = Path(tmp) / "site", Path(tmp) / "sources.json"
        env = dict(os.environ, MLA_DIAGRAM_SOURCES=str(record), NO_MKDOCS_2_WARNING="1")
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=root, env=env, check=True)
        sources: dict[str, str] = json.loads(record.read_text(encoding="utf-8"))
        page_path = next(p for p in sorted(site.rglob("index.html")) if '<pre class="mermaid">' in p.read_text("utf-8"))
        with served(site) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="light")
            page.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
            page.goto(f"{base}/{page_path.relative_to(site).parent.as_posix()}/", wait_until="load")
            # Material passes its settings (its theme CSS among them) to mla.js's stand-in when it mounts a diagram
            page.wait_for_function("window.mermaid && window.mermaid.config", timeout=30_000)
            drawn = page.evaluate(DRAW_JS, [f"{base}/assets/vendor/", sorted(sources.items())])
            browser.close()
    return write(root, drawn), len(drawn)

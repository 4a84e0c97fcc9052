"""Table cells that carry their column's name, so mla.css can show a wide table as one card per row on a phone."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

MIN_COLUMNS = 3  # two columns fit a phone's width as they are


# Shown as cards, a table is no longer laid out as a table, and browsers then drop its semantics:
# explicit roles keep each cell tied to its column header for screen readers.
ROLES = {"table": "table", "thead": "rowgroup", "tbody": "rowgroup", "tr": "row", "th": "columnheader", "td": "cell"}


class ColumnLabels(Treeprocessor):
    """Copies each header cell's text to data-label on the cells of its column."""

    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            heads = [" ".join("".join(th.itertext()).split()) for th in table.iterfind("thead/tr/th")]
            if len(heads) < MIN_COLUMNS:
                continue
            for row in table.iterfind("tbody/tr"):
                for head, cell in zip(heads, row.iterfind("td"), strict=False):
                    cell.set("data-label", head)
            for el in table.iter():
                if el.tag in ROLES:
                    empty = el.tag == "th" and not "".join(el.itertext()).strip()  # a corner cell heads nothing
                    el.set("role", "cell" if empty else ROLES[el.tag])


class TablesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(ColumnLabels(md), "mla-table-labels", 6)

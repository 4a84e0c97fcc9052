"""Tables: cells that carry their column's name, so mla.css can show a wide table as one card per row on a phone,
and a box of their own around each (see TableBoxes)."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

MIN_COLUMNS = 3  # two columns fit a phone's width as they are
BOX = "mla-table-box"  # the class of the div around each table (TableBoxes)
# The attribute of a table shown as cards on a phone. Not a class: Material styles `table:not([class])`. Not
# `:has(td[data-label])` in mla.css either: a chapter's style recalculation then tests every element of the page.
CARDS = "data-mla-cards"


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
            table.set(CARDS, "")  # mla.css selects the table by this, not by :has(td[data-label]) (see CARDS)
            for row in table.iterfind("tbody/tr"):
                for head, cell in zip(heads, row.iterfind("td"), strict=False):
                    cell.set("data-label", head)
            for el in table.iter():
                if el.tag in ROLES:
                    empty = el.tag == "th" and not "".join(el.itertext()).strip()  # a corner cell heads nothing
                    el.set("role", "cell" if empty else ROLES[el.tag])


class TableBoxes(Treeprocessor):
    """Puts each table in a <div class="mla-table-box"> of its own.

    When its script starts, Material moves each table into two wrapping divs of its own (for scrolling). A
    table that is a direct child of the page's <article> makes the browser restyle the whole article when it
    is moved: about 0.3 s of blocking time on a long chapter at Lighthouse's 4x CPU slowdown. Moved out of a
    div of its own, only that div is restyled.
    """

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for i, child in enumerate(list(parent)):
                if child.tag == "table":
                    box = etree.Element("div", {"class": BOX})
                    box.tail, child.tail = child.tail, None
                    parent.remove(child)
                    box.append(child)
                    parent.insert(i, box)


class TablesExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(ColumnLabels(md), "mla-table-labels", 6)
        md.treeprocessors.register(TableBoxes(md), "mla-table-boxes", 5)

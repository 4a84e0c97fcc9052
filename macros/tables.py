"""Tables: cells that carry their column's name, so mla.css can show a wide table as one card per row on a phone,
and Material's scrolling wrappers written around each table at build time (see TableBoxes)."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

MIN_COLUMNS = 3  # two columns fit a phone's width as they are
WRAPPERS = ("md-typeset__scrollwrap", "md-typeset__table")  # Material's two divs around a table, outermost first
TABLE_CLASS = "mla-md-table"  # keeps Material's script off a table the build has wrapped (TableBoxes)
# The attribute of a table shown as cards on a phone. Not a class: a table's class is TABLE_CLASS. Not
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
    """Writes Material's two scrolling wrappers around each table and gives the table the class mla-md-table.

    When its script starts, Material moves every class-less table of the page into these two divs. Each move
    takes the table out of the page and puts it back, so the browser styles and lays out all its cells a second
    time, inside the long task that starts the page: on a long chapter, about 0.25 s of Lighthouse's total
    blocking time on its mobile preset (4x CPU slowdown), most of what held chapters under 90. Written by the
    build, the wrappers are there from the start; the class keeps Material's script off the table (it takes
    `table:not([class])`), and macros/theme.py points Material's table styles at the class. A table that
    already has a class is left alone: Material neither styles nor moves it.
    """

    def run(self, root: etree.Element) -> None:
        for parent in list(root.iter()):
            for i, child in enumerate(list(parent)):
                if child.tag == "table" and not child.get("class"):
                    outer = etree.Element("div", {"class": WRAPPERS[0]})
                    inner = etree.SubElement(outer, "div", {"class": WRAPPERS[1]})
                    outer.tail, child.tail = child.tail, None
                    parent.remove(child)
                    child.set("class", TABLE_CLASS)
                    inner.append(child)
                    parent.insert(i, outer)


class TablesExtension(Extension):
    """Both, for the guide's pages."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(ColumnLabels(md), "mla-table-labels", 6)
        md.treeprocessors.register(TableBoxes(md), "mla-table-boxes", 5)


class WrappedTablesExtension(Extension):
    """The wrappers alone, for the tables in questions' text (macros/render.py)."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(TableBoxes(md), "mla-table-boxes", 5)

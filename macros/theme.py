"""Material's stylesheet, adjusted in the built site where it made a long chapter slow to start on a phone.

Two changes to the copy of `assets/stylesheets/main.*.min.css` that the build writes (Material's own file
in the virtualenv is never touched). Each was measured with Lighthouse's mobile preset on the longest chapters;
bench/results.md has the figures.

1. Material styles and moves tables that have no class (`table:not([class])`). The build now writes Material's
   scrolling wrappers itself and gives each table the class mla-md-table (macros/tables.py says why), so the
   table rules are pointed at that class as well: `table:is(:not([class]),.mla-md-table)` matches a table with
   no class, as before, and a table whose class is mla-md-table, with the same specificity.
2. Three content-tab rules end in a bare `:nth-child(N)` or `:first-child` (`.tabbed-labels>:nth-child(2)`), and
   one in `+*` (`.md-typeset table:not([class])+*`, a margin after a table). A rule whose last part names no
   element or class is tried against every element of the page and marks every parent as depending on its
   children's order; the browser then restyles a whole chapter (about 24 ms on this machine, four times that
   on Lighthouse's phone) each time an element is added to or removed from the article. The tab rules are
   narrowed to what content tabs contain (`label`, `.tabbed-block`), which matches the same elements. The
   margin rule is dropped: every table the build writes is the only child of Material's wrapper, so nothing
   can follow it. (Narrowed to a list of elements instead, `+p`, `+ul` and the rest, it still made the
   browser restyle every paragraph after an insertion.)

The build fails with the stylesheet's name and the missing text when Material's CSS no longer contains what
is replaced here (a Material upgrade): update this file and measure again (`make bench`).
"""

from __future__ import annotations

from pathlib import Path

from .tables import TABLE_CLASS

CLASSLESS = "table:not([class])"
TABLES = f"table:is(:not([class]),.{TABLE_CLASS})"  # the same specificity as table:not([class])
MARGIN_RULE = ".md-typeset table:not([class])+*{margin-top:1.5em}"
REPLACEMENTS = (
    (MARGIN_RULE, ""),
    (CLASSLESS, TABLES),
    (".tabbed-labels>:", ".tabbed-labels>label:"),
    (".tabbed-content>:", ".tabbed-content>.tabbed-block:"),
)


class ThemeError(Exception):
    """Material's stylesheet is not what macros/theme.py adjusts."""


def patched(text: str, name: str) -> str:
    """Material's CSS with the REPLACEMENTS made. Text already patched comes back as it is."""
    if all(old not in text and new in text for old, new in REPLACEMENTS):
        return text
    for old, new in REPLACEMENTS:
        if old not in text:
            raise ThemeError(f"{name}: Material's stylesheet no longer contains {old!r}; "
                             "update macros/theme.py for this Material version")
        text = text.replace(old, new)
    return text


def patch_theme_css(site_dir: Path) -> None:
    sheets = sorted((site_dir / "assets" / "stylesheets").glob("main.*.min.css"))
    if len(sheets) != 1:
        raise ThemeError(f"{site_dir / 'assets' / 'stylesheets'}: expected one main.*.min.css, found {len(sheets)}")
    path = sheets[0]
    text = path.read_text(encoding="utf-8")
    new = patched(text, str(path))
    if new != text:
        path.write_text(new, encoding="utf-8")

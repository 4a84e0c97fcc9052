"""macros/theme.py: Material's stylesheet as the build adjusts it (tables the build wraps, rules narrowed)."""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from macros.theme import CLASSLESS, MARGIN_RULE, TABLES, ThemeError, patch_theme_css, patched

SHIPPED = next((Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css"))


def test_materials_table_rules_also_match_the_tables_the_build_wraps():
    text = SHIPPED.read_text(encoding="utf-8")
    out = patched(text, SHIPPED.name)
    assert CLASSLESS not in out and MARGIN_RULE not in out
    assert out.count(TABLES) == text.count(CLASSLESS) - 1  # every table rule but the dropped margin rule
    assert ".tabbed-labels>:" not in out and ".tabbed-content>:" not in out
    labels = ".tabbed-labels>label:"
    assert out.count(labels) == text.count(labels) + text.count(".tabbed-labels>:")
    assert patched(out, SHIPPED.name) == out  # a stylesheet already adjusted (a rebuild under `make serve`)


def test_a_stylesheet_without_what_is_adjusted_is_refused_with_its_name():
    with pytest.raises(ThemeError, match=r"main\.x\.min\.css: .*no longer contains '\.md-typeset table"):
        patched(".md-typeset table{border:0}", "main.x.min.css")
    half = patched(SHIPPED.read_text(encoding="utf-8"), "ok").replace(TABLES, CLASSLESS, 1)
    with pytest.raises(ThemeError, match="no longer contains"):  # half adjusted: not taken for done
        patched(half, "main.y.min.css")


def test_the_built_site_has_the_adjusted_stylesheet(site):
    built = next((site / "assets" / "stylesheets").glob("main.*.min.css"))
    assert built.name == SHIPPED.name
    assert built.read_text(encoding="utf-8") == patched(SHIPPED.read_text(encoding="utf-8"), "")


def test_a_site_without_materials_stylesheet_is_refused(tmp_path):
    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    with pytest.raises(ThemeError, match="expected one main"):
        patch_theme_css(tmp_path)

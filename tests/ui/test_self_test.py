"""``--self-test`` is honest: an error logged by a page, a missing glyph (Qt's or matplotlib's), a translation
that did not load each make it exit 1 with the reason printed; a clean run passes (ui.self_check)."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

import pytest

from ui import app as ui_app
from ui import i18n, self_check
from ui.main_window import MainWindow

NO_GLYPH = "\U0010fffd"  # a private-use character no font draws


def _self_test(db_path: Path, capsys: pytest.CaptureFixture[str], lang: str = "zh_CN") -> tuple[int, str]:
    from desktop_crm.db import close_database

    close_database()
    code = ui_app.main(["--db", str(db_path), "--self-test", "--lang", lang])
    return code, capsys.readouterr().err


def test_clean_run_passes_in_chinese(db: object, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, err = _self_test(db_path, capsys)
    assert code == 0 and "FAILED" not in err, err


def test_an_error_logged_by_a_page_fails_it(
    db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page whose chart or background job fails logs the exception (it does not raise): still a failure."""
    show_page = MainWindow.show_page

    def logging_failure(self: MainWindow, index: int) -> None:
        show_page(self, index)
        if self.pages[index].key == "dashboard":
            try:
                raise FileNotFoundError("DejaVuSans.ttf")
            except FileNotFoundError:
                logging.getLogger("ui.charts.canvas").exception("the chart could not be drawn")

    monkeypatch.setattr(MainWindow, "show_page", logging_failure)
    code, err = _self_test(db_path, capsys, "en")
    assert code == 1
    assert "self-test FAILED" in err and "the chart could not be drawn" in err and "DejaVuSans.ttf" in err


def test_a_chart_that_raises_while_rendering_fails_it(
    populated_db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The failure the frozen build once hid: the charts raised (a matplotlib font file missing from the
    bundle), the tracebacks were printed and the self-test still said "passed" and exited 0."""
    from ui.charts.canvas import chart_canvas_class

    def lost_font(self: object) -> None:
        raise FileNotFoundError("[Errno 2] No such file or directory: 'mpl-data/fonts/ttf/DejaVuSans.ttf'")

    monkeypatch.setattr(chart_canvas_class(), "draw", lost_font)
    code, err = _self_test(db_path, capsys, "en")
    assert code == 1
    assert "self-test FAILED" in err and "FileNotFoundError" in err and "DejaVuSans.ttf" in err


def test_a_matplotlib_glyph_warning_fails_it(
    db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    show_page = MainWindow.show_page

    def warning_page(self: MainWindow, index: int) -> None:
        show_page(self, index)
        if self.pages[index].key == "dashboard":
            warnings.warn(
                "Glyph 23458 (\\N{CJK UNIFIED IDEOGRAPH-5BA2}) missing from font(s) DejaVu Sans.",
                stacklevel=1,
            )

    monkeypatch.setattr(MainWindow, "show_page", warning_page)
    code, err = _self_test(db_path, capsys)
    assert code == 1 and "Glyph 23458" in err and "missing from font(s) DejaVu Sans" in err


def test_matplotlib_fonts_without_chinese_fail_it(
    db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The bundled CJK face not among the chart fonts (a lost font file, a wrong rcParams)."""
    import matplotlib

    from ui.charts.canvas import _import_matplotlib

    _import_matplotlib()
    monkeypatch.setitem(matplotlib.rcParams, "font.family", ["DejaVu Sans"])
    code, err = _self_test(db_path, capsys)
    assert code == 1 and "matplotlib has no glyph for" in err and "客" in err


def test_a_character_qt_cannot_draw_fails_it(
    db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(self_check, "PROBE_TEXT", f"客户 {NO_GLYPH}")
    code, err = _self_test(db_path, capsys, "en")
    assert code == 1 and "Qt has no glyph for" in err


def test_the_bundled_font_not_registered_fails_it(monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QFont

    monkeypatch.setattr("ui.fonts.CJK_FAMILY", "No Such Family")
    problems = self_check.missing_glyphs_qt(QFont(), "abc")
    assert problems == ["the bundled font 'No Such Family' is not registered"]


def test_a_chinese_catalogue_that_did_not_load_fails_it(
    db: object,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(i18n, "ensure_compiled", lambda languages=(): [])
    monkeypatch.setattr(ui_app, "ensure_compiled", lambda languages=(): [])
    monkeypatch.setattr(i18n, "qm_path", lambda lang: tmp_path / f"lost_{lang}.qm")
    code, err = _self_test(db_path, capsys)
    assert code == 1 and "the zh_CN translation of the application did not load" in err


def test_a_licence_file_left_out_of_the_bundle_fails_it(
    db: object,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert self_check.missing_licence_files() == []
    monkeypatch.setattr("ui.about.LGPL_FILE", tmp_path / "LGPL-3.0.txt")
    code, err = _self_test(db_path, capsys, "en")
    assert code == 1 and f"the licence file LGPL-3.0.txt is missing from {tmp_path}" in err


def test_translation_checks() -> None:
    """Without translators installed, Chinese fails on both catalogues; English needs none."""
    assert self_check.translation_problems("en", True) == []
    assert self_check.translation_problems("zh_CN", True) == [
        "the zh_CN translation does not translate '&About' (MainWindow)",
        "Qt's own zh_CN translation (qtbase_zh_CN) did not load",
    ]

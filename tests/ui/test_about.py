"""Help → About: the version (pyproject.toml's, also in a frozen build), the data folder, the licences."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_crm import version as version_module
from desktop_crm.paths import data_dir
from ui import i18n
from ui.about import AboutDialog
from ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def test_about_shows_version_data_folder_and_database(qtbot: QtBot, db_path: Path) -> None:
    dialog = AboutDialog(db_path)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "About Desktop CRM"
    assert dialog.title_label.text() == f"Desktop CRM {pyproject_version()}"
    assert dialog.folder_label.text() == f"Data folder: {data_dir()}"
    assert dialog.database_label.text() == f"Database: {db_path}"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == ["About", "Licences"]


def test_licences_list_the_bundled_parts_and_the_font_licence(qtbot: QtBot, db_path: Path) -> None:
    dialog = AboutDialog(db_path)
    qtbot.addWidget(dialog)
    text = dialog.licences.toPlainText()
    for part, licence in (
        ("Qt ", "LGPL 3.0"),
        ("Python ", "PSF License 2.0"),
        ("WenQuanYi Micro Hei", "Apache 2.0 or GPL 3+ with font exception"),
        ("matplotlib", "Matplotlib License"),
        ("NumPy", "BSD 3-Clause"),
    ):
        assert part in text and licence in text
    assert "MIT licence" in text
    # The font's licence file, in full (the installers carry it: resources/fonts).
    assert "Copyright: 2008-2009, The WenQuanYi Project Board of Trustees" in text


def test_licences_carry_the_lgpl_and_gpl_texts_for_qt_and_psycopg2(qtbot: QtBot, db_path: Path) -> None:
    """The LGPL asks for its text and the GPL's to go with the program: both shown in full."""
    dialog = AboutDialog(db_path)
    qtbot.addWidget(dialog)
    text = dialog.licences.toPlainText()
    assert (
        "psycopg2" in text and "LGPL 3.0 with an OpenSSL exception" in text and "PostgreSQL Licence" in text
    )
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "GNU GENERAL PUBLIC LICENSE" in text
    assert "0. Additional Definitions." in text  # the LGPL in full
    assert "END OF TERMS AND CONDITIONS" in text  # the GPL in full
    assert "is missing" not in text


def test_a_lost_licence_file_is_said_in_place(
    qtbot: QtBot, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("ui.about.GPL_FILE", tmp_path / "GPL-3.0.txt")
    dialog = AboutDialog(db_path)
    qtbot.addWidget(dialog)
    assert "(the licence file GPL-3.0.txt is missing)" in dialog.licences.toPlainText()


def test_about_in_chinese(qtbot: QtBot, db_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert i18n.install_translators(app, "zh_CN")
    dialog = AboutDialog(db_path)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "关于销售客户管理"
    assert dialog.tabs.tabText(1) == "许可证"
    assert dialog.folder_label.text() == f"数据文件夹：{data_dir()}"


def test_help_about_opens_the_dialog(qtbot: QtBot, modal: object, db: object, db_path: Path) -> None:
    window = MainWindow(db_path, "en")
    qtbot.addWidget(window)
    window._on_about_action_triggered()
    assert modal.seen[-1][:2] == ("AboutDialog", "About Desktop CRM")  # type: ignore[attr-defined]


def test_version_of_a_frozen_build_comes_from_its_version_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled = tmp_path / "VERSION"
    bundled.write_text("9.8.7\n", encoding="utf-8")
    monkeypatch.setattr(version_module, "VERSION_FILE", bundled)
    version_module.app_version.cache_clear()
    try:
        assert version_module.app_version() == "9.8.7"
        # Without it (a source checkout): pyproject.toml's version.
        monkeypatch.setattr(version_module, "VERSION_FILE", tmp_path / "missing")
        version_module.app_version.cache_clear()
        assert version_module.app_version() == pyproject_version()
        # Neither file: the installed metadata (never a crash).
        monkeypatch.setattr(version_module, "PYPROJECT", tmp_path / "pyproject.toml")
        version_module.app_version.cache_clear()
        assert version_module.app_version() not in ("", None)
    finally:
        version_module.app_version.cache_clear()


def test_read_pyproject_version_ignores_another_project(tmp_path: Path) -> None:
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "other"\nversion = "1.0"\n', encoding="utf-8")
    assert version_module.read_pyproject_version(other) is None
    assert version_module.read_pyproject_version(ROOT / "pyproject.toml") == pyproject_version()

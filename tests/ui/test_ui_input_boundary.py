"""Text the core cannot store, typed into a real dialog: the refusal is shown at the field in the
interface's language, and nothing is saved."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_crm.models import Client
from ui import fonts, i18n
from ui.pages.clients.editor import ClientEditorDialog

SHOTS = os.environ.get("FUZZ_SHOTS")  # a folder: save what the dialog shows, to look at


@pytest.mark.parametrize(
    ("language", "name", "expected"),
    [
        ("en", "Acme\x00Ltd", "Name contains a control character (such as NUL); remove it."),
        ("zh_CN", "Acme\x00Ltd", "名称包含控制字符（如 NUL），请删除。"),
        ("en", "Acme\x1b[31m", "Name contains a control character (such as NUL); remove it."),
    ],
)
def test_a_control_character_is_refused_at_the_name_field(
    qtbot: QtBot, qapp: QApplication, db: object, language: str, name: str, expected: str
) -> None:
    if language != "en":
        i18n.install_translators(qapp, language)
    try:
        dialog = ClientEditorDialog(None, None)
        qtbot.addWidget(dialog)
        dialog.resize(1280, 720)
        dialog.show()
        dialog.line_edits["name"].setText(name)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        box = dialog.boxes["name"]
        assert box.error == expected and box.error_label.isVisible()
        assert dialog.isVisible() and dialog.saved_client_id is None
        assert Client.select().count() == 0
        if SHOTS:
            fonts.register_qt_font(qapp)
            dialog.grab().save(str(Path(SHOTS) / f"client_editor_control_{language}.png"), "PNG")
    finally:
        if language != "en":
            i18n.remove_translators(qapp)

"""Two editor windows on the same client: the second save is refused with the coded message, the dialog
stays open with the user's input, and the first save stands."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_crm.models import Client
from desktop_crm.services import clients
from ui.pages.clients.editor import ClientEditorDialog


def test_the_second_window_is_told_and_keeps_its_input(qtbot: QtBot, db: object) -> None:
    client = clients.create_client("Acme", phone="123")
    first = ClientEditorDialog(None, client.id)
    second = ClientEditorDialog(None, client.id)
    for dialog in (first, second):
        qtbot.addWidget(dialog)
        dialog.show()
    first.line_edits["phone"].setText("456")
    qtbot.mouseClick(first.save_button, Qt.MouseButton.LeftButton)
    assert not first.isVisible()  # saved and closed

    second.notes_edit.setPlainText("Met the buyer; call back Friday.")
    second.line_edits["industry"].setText("Pumps")
    qtbot.mouseClick(second.save_button, Qt.MouseButton.LeftButton)
    assert second.isVisible()  # not saved: the dialog stays open
    assert second.general_error.isVisible()
    message = second.general_error.text()
    assert message.startswith(f"Client #{client.id} was changed by someone else since you opened it")
    assert message.endswith("your changes were not saved: reload to see theirs.")
    assert second.notes_edit.toPlainText() == "Met the buyer; call back Friday."  # the input is kept
    assert second.line_edits["industry"].text() == "Pumps"
    stored = Client.get_by_id(client.id)
    assert (stored.phone, stored.notes, stored.industry) == ("456", "", "")

"""TRANSITIONAL stand-ins for ``hub.ClientHubView`` and ``editor.ClientEditorDialog`` until they land."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget


class PendingHubView(QWidget):
    sig_back = Signal()
    sig_edit_requested = Signal(int)
    sig_delete_requested = Signal(int)
    sig_client_changed = Signal(int)

    def show_client(self, client_id: int) -> None:
        self.client_id = client_id

    def refresh(self) -> None:
        pass


class PendingEditorDialog(QDialog):
    sig_client_saved = Signal(int)
    sig_open_existing = Signal(int)

    def __init__(self, parent: QWidget | None = None, client_id: int | None = None) -> None:
        super().__init__(parent)
        self.client_id = client_id

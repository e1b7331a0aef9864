"""Saved views of the Clients list: pick, save the current one under a name, rename, delete.

A view's definition is ``{"filter": ClientFilter JSON, "columns": [...], "sort": [key, descending]}``;
it is stored through ``desktop_crm.services.views``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
)

from desktop_crm.errors import CrmError
from desktop_crm.services import views as view_service

from ... import prompts
from ...errors import error_text
from .filter_panel import BUTTON_STYLE

PAGE = "clients"


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """One line of text from the user through ``prompts.run_modal``; None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
    dialog.setTextValue(text)
    if prompts.run_modal(dialog) != QDialog.DialogCode.Accepted.value:
        return None
    return dialog.textValue().strip() or None


class SavedViewsBar(QWidget):
    """Emits ``sig_view_chosen(definition)`` when the user picks a saved view."""

    sig_view_chosen = Signal(dict)

    def __init__(self, definition: Callable[[], dict[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._definition = definition
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.combo = QComboBox(self)
        self.combo.setObjectName("savedViewsCombo")
        self.combo.setAccessibleName(self.tr("Saved view"))
        self.combo.setMinimumWidth(150)
        self.combo.activated.connect(self._on_combo_activated)
        self.menu_button = QToolButton(self)
        self.menu_button.setText(self.tr("Views"))
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setStyleSheet(BUTTON_STYLE)
        menu = QMenu(self.menu_button)
        self.menu_button.setMenu(menu)
        self.save_action = menu.addAction(self.tr("Save current view…"), self.save_current)
        self.rename_action = menu.addAction(self.tr("Rename view…"), self.rename_current)
        self.delete_action = menu.addAction(self.tr("Delete view"), self.delete_current)
        layout.addWidget(self.combo)
        layout.addWidget(self.menu_button)

    # --- public --------------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        current = select_id if select_id is not None else self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("All clients"), None)
        try:
            views = view_service.list_views(PAGE)
        except CrmError:
            views = []
        for view in views:
            self.combo.addItem(view.name, view.id)
        self.combo.setCurrentIndex(max(self.combo.findData(current), 0))
        self.combo.blockSignals(False)
        self._update_actions()

    def current_view_id(self) -> int | None:
        data = self.combo.currentData()
        return int(data) if data is not None else None

    def choose(self, view_id: int | None) -> None:
        """Pick a view as if the user did (``None``: no saved view)."""
        self.combo.setCurrentIndex(max(self.combo.findData(view_id), 0))
        self._on_combo_activated(self.combo.currentIndex())

    def save_current(self) -> None:
        current = self.combo.currentText() if self.current_view_id() is not None else ""
        name = ask_text(self, self.tr("Save view"), self.tr("Name of the view:"), current)
        if not name:
            return
        try:
            view = view_service.save_view(PAGE, name, self._definition())
        except CrmError as exc:
            prompts.show_error(self, self.tr("Save view"), error_text(exc))
            return
        self.reload(view.id)

    def rename_current(self) -> None:
        view_id = self.current_view_id()
        if view_id is None:
            return
        name = ask_text(self, self.tr("Rename view"), self.tr("New name:"), self.combo.currentText())
        if not name:
            return
        try:
            view_service.rename_view(view_id, name)
        except CrmError as exc:
            prompts.show_error(self, self.tr("Rename view"), error_text(exc))
            return
        self.reload(view_id)

    def delete_current(self) -> None:
        view_id = self.current_view_id()
        if view_id is None:
            return
        question = self.tr("Delete the saved view “{name}”?").format(name=self.combo.currentText())
        if not prompts.ask_yes_no(self, self.tr("Delete view"), question):
            return
        try:
            view_service.delete_view(view_id)
        except CrmError as exc:
            prompts.show_error(self, self.tr("Delete view"), error_text(exc))
        self.reload(None)

    # --- slots ---------------------------------------------------------------------------------
    def _update_actions(self) -> None:
        has_view = self.current_view_id() is not None
        self.rename_action.setEnabled(has_view)
        self.delete_action.setEnabled(has_view)

    def _on_combo_activated(self, _index: int) -> None:
        self._update_actions()
        view_id = self.current_view_id()
        if view_id is None:
            self.sig_view_chosen.emit({})
            return
        view = next((v for v in view_service.list_views(PAGE) if v.id == view_id), None)
        try:
            definition = json.loads(view.definition) if view is not None else {}
        except ValueError:
            definition = {}
        self.sig_view_chosen.emit(definition if isinstance(definition, dict) else {})

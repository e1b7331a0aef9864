"""Pick a client by typing: a search field over ``desktop_crm.search`` with the matches listed under it.

Two Chinese characters or a few letters are enough; Up/Down move through the matches, Enter (or a click)
picks one. Once picked the field shows the client's name; editing it again starts a new search.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop_crm.read import followups as data

MAX_MATCHES = 8


class ClientPicker(QWidget):
    """Emits ``sig_client_chosen(id)`` when a client is picked and ``sig_client_chosen(0)`` when cleared."""

    sig_client_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_id: int | None = None
        self._chosen_text = ""
        self.edit = QLineEdit(self)
        self.edit.setObjectName("clientSearch")
        self.edit.setPlaceholderText(self.tr("Type a name, short name or phone…"))
        self.edit.setClearButtonEnabled(True)
        self.edit.textEdited.connect(self._on_edit_text_edited)
        self.edit.installEventFilter(self)
        self.matches = QListWidget(self)
        self.matches.setObjectName("clientMatches")
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.matches.setUniformItemSizes(True)
        self.matches.itemClicked.connect(self._on_matches_item_clicked)
        self.matches.hide()
        self.empty_hint = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.matches)
        self.setFocusProxy(self.edit)

    # --- public --------------------------------------------------------------------------------
    def set_client(self, client_id: int | None, name: str = "") -> None:
        """Show ``client_id`` as picked (without emitting)."""
        self.client_id = client_id
        self._chosen_text = name
        self.edit.setText(name)
        self.matches.hide()

    def set_locked(self, locked: bool) -> None:
        self.edit.setReadOnly(locked)
        self.edit.setClearButtonEnabled(not locked)
        self.edit.setFocusPolicy(Qt.FocusPolicy.NoFocus if locked else Qt.FocusPolicy.StrongFocus)

    def search(self, text: str) -> None:
        """Search as if ``text`` had been typed (Chinese text in tests goes through here or setText)."""
        self.edit.setText(text)
        self._on_edit_text_edited(text)

    def match_names(self) -> list[str]:
        return [self.matches.item(row).text() for row in range(self.matches.count())]

    # --- behaviour -----------------------------------------------------------------------------
    def _show_matches(self, query: str) -> None:
        self.matches.clear()
        rows = data.search_clients(query, MAX_MATCHES) if query.strip() else []
        for cid, name, short in rows:
            text = f"{name}  ·  {short}" if short and short != name else name
            item = QListWidgetItem(text, self.matches)
            item.setData(Qt.ItemDataRole.UserRole, cid)
            item.setData(Qt.ItemDataRole.UserRole + 1, name)
        if not rows and query.strip():
            item = QListWidgetItem(self.tr("No client matches “{query}”").format(query=query), self.matches)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        self.matches.setVisible(bool(query.strip()))
        rows = min(max(self.matches.count(), 1), MAX_MATCHES)
        self.matches.setFixedHeight(rows * max(self.matches.sizeHintForRow(0), 18) + 6)
        if rows:
            self.matches.setCurrentRow(0)

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is None or item.data(Qt.ItemDataRole.UserRole) is None:
            return
        self.set_client(
            int(item.data(Qt.ItemDataRole.UserRole)), str(item.data(Qt.ItemDataRole.UserRole + 1))
        )
        self.sig_client_chosen.emit(self.client_id or 0)
        self.focusNextChild()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and self.matches.isVisible():
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if key == Qt.Key.Key_Down else -1
                row = self.matches.currentRow() + step
                if 0 <= row < self.matches.count():
                    self.matches.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
                self._pick(self.matches.currentItem())
                return True
            if key == Qt.Key.Key_Escape:
                self.matches.hide()
                return True
        return super().eventFilter(watched, event)

    # --- slots ---------------------------------------------------------------------------------
    def _on_edit_text_edited(self, text: str) -> None:
        if self.client_id is not None and text != self._chosen_text:
            self.client_id = None
            self.sig_client_chosen.emit(0)
        self._show_matches(text)

    def _on_matches_item_clicked(self, item: QListWidgetItem) -> None:
        self._pick(item)

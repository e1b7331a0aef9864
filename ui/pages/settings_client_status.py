"""Settings → Client status: whether a won opportunity or a signed contract makes the client a customer.

The rule lives in the core (``desktop_crm.services.client_status``); this section shows it and switches
it. The status stays editable by hand in the client editor either way.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QFrame, QLabel, QWidget

from desktop_crm.errors import CrmError
from desktop_crm.services.client_status import set_status_follows_deals, status_follows_deals

from ..errors import error_text
from ..widgets import section_card


class ClientStatusSettingsSection(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout, heading = section_card(self, self.tr("Client status"), spacing=10)
        layout.addWidget(heading)
        self.follow_check = QCheckBox(
            self.tr("A won opportunity or a signed contract makes the client a customer"), self
        )
        self.follow_check.setObjectName("statusFollowsDealsCheck")
        self.follow_check.toggled.connect(self._on_follow_check_toggled)
        layout.addWidget(self.follow_check)
        hint = QLabel(
            self.tr(
                "A lead, prospect, dormant or lost client becomes a customer when one of its opportunities is "
                "won or a contract is signed. You can still set the status by hand in the client editor; the "
                "rule acts again only at the next won opportunity or signed contract."
            ),
            self,
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self._updating = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        self._show_rule()
        self.status_label.clear()

    def _show_rule(self) -> None:
        self._updating = True
        try:
            self.follow_check.setChecked(status_follows_deals())
        finally:
            self._updating = False

    def _on_follow_check_toggled(self, checked: bool) -> None:
        if self._updating:
            return
        try:
            set_status_follows_deals(checked)
        except CrmError as exc:
            self.status_label.setStyleSheet("color: #b91c1c;")
            self.status_label.setText(error_text(exc))
            self._show_rule()
            return
        self.status_label.setStyleSheet("")
        self.status_label.setText(self.tr("Saved."))

"""Whom a contact referred: a short list under the contact's stance history (the contact dialog)."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop_crm.care_read import referred_by_contact

from ... import fmt


class ContactReferralsList(QWidget):
    """``load(contact_id)``: the clients the contact brought, with their first signing (or "not signed")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactReferrals")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(4)
        self.title_label = QLabel(self)
        self.body_label = QLabel(self)
        self.body_label.setWordWrap(True)
        layout.addWidget(self.title_label)
        layout.addWidget(self.body_label)

    def load(self, contact_id: int) -> None:
        rows = referred_by_contact(contact_id)
        caption = self.tr("Clients referred ({count})").format(count=fmt.number(len(rows)))
        self.title_label.setText(f"<b>{html.escape(caption)}</b>")
        if not rows:
            self.body_label.setText(self.tr("Nobody yet."))
            return
        lines = []
        for row in rows:
            state = (
                self.tr("signed {date}").format(date=fmt.short_date(row.first_signed_on))
                if row.first_signed_on
                else self.tr("not signed yet")
            )
            lines.append(f"{html.escape(row.name)} · {html.escape(state)}")
        self.body_label.setText("<br>".join(lines))

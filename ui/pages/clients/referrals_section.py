"""The client hub's Referrals tab: who referred this client (and the reward promised and given), with
Set/Edit and Remove, and the clients this client brought, itself or through its contacts (double-click
opens one)."""

from __future__ import annotations

import html

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_crm.care_read import ReferralView, ReferredClient, referral_of, referred_by_client
from desktop_crm.errors import CrmError
from desktop_crm.services.referrals import clear_referral

from ... import fmt, prompts
from ...errors import error_text
from ...exporter.widget_tables import install_table_export
from ...models import Column, TupleTableModel
from ...widgets import make_table_view, set_column_widths
from .referrals_dialog import ReferralDialog


class ReferralsSection(QWidget):
    """``load(client_id, client_name, deleted)``; emits ``sig_open_client_requested(id)`` and
    ``sig_referrals_changed()``."""

    sig_open_client_requested = Signal(int)
    sig_referrals_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client_id: int | None = None
        self.client_name = ""
        self.current: ReferralView | None = None
        card = QFrame(self)
        card.setObjectName("referrerCard")
        card.setStyleSheet(
            "QFrame#referrerCard { background: #ffffff; border: 1px solid #e3e8ef; border-radius: 8px; }"
        )
        self.referrer_label = QLabel(card)
        self.referrer_label.setObjectName("referrerText")
        self.referrer_label.setWordWrap(True)
        self.referrer_label.linkActivated.connect(self._on_referrer_label_link_activated)
        self.edit_button = QPushButton(self.tr("Set referrer…"), card)
        self.edit_button.setObjectName("editReferralButton")
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.remove_button = QPushButton(self.tr("Remove referrer"), card)
        self.remove_button.clicked.connect(self._on_remove_clicked)
        card_row = QHBoxLayout(card)
        card_row.setContentsMargins(14, 10, 14, 10)
        card_row.addWidget(self.referrer_label, 1)
        card_row.addWidget(self.edit_button)
        card_row.addWidget(self.remove_button)
        self.brought_label = QLabel(self)
        self.brought_label.setObjectName("sectionHeading")
        columns = [
            Column(self.tr("Client")),
            Column(self.tr("Referred by")),
            Column(self.tr("Created"), fmt.short_date),
            Column(self.tr("First contract"), lambda d: fmt.short_date(d) if d else self.tr("not yet")),
            Column(self.tr("Reward promised")),
            Column(self.tr("Reward given")),
        ]
        self.model = TupleTableModel(columns, parent=self)
        self.table = make_table_view(self.model, self, stretch_column=0)
        self.table.setObjectName("referredTable")
        install_table_export(
            self.table, self.tr("Export referrals"), "client-referrals", {2: "date", 3: "date"}
        )
        set_column_widths(self.table, [0, 150, 100, 110, 200, 220])
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.empty_label = QLabel(self.tr("This client has not referred anybody yet."), self)
        self.empty_label.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(card)
        layout.addWidget(self.brought_label)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.table, 1)

    # --- loading ---------------------------------------------------------------------------------
    def load(self, client_id: int, client_name: str, deleted: bool = False) -> None:
        self.show_referrals(
            client_id, client_name, deleted, referral_of(client_id), referred_by_client(client_id)
        )

    def show_referrals(
        self,
        client_id: int,
        client_name: str,
        deleted: bool,
        current: ReferralView | None,
        brought: list[ReferredClient],
    ) -> None:
        """Show who referred the client (``current``) and the clients it ``brought``."""
        self.client_id = client_id
        self.client_name = client_name
        self.current = current
        self._show_referrer(self.current)
        self.edit_button.setEnabled(not deleted)
        self.remove_button.setEnabled(not deleted and self.current is not None)
        self.model.set_rows([self._row(r) for r in brought])
        signed = sum(1 for r in brought if r.first_signed_on)
        self.brought_label.setText(
            self.tr("Clients brought by {client}: {count}, {signed} signed").format(
                client=client_name, count=fmt.number(len(brought)), signed=fmt.number(signed)
            )
        )
        self.table.setVisible(bool(brought))
        self.empty_label.setVisible(not brought)

    def count(self) -> int:
        return self.model.rowCount()

    def _reward(self, text: str, cents: int | None) -> str:
        parts = [text] if text else []
        if cents is not None:
            parts.append(fmt.money(cents))
        return " · ".join(parts)

    def _row(self, r: ReferredClient) -> tuple:
        given = self._reward(r.reward_given, r.reward_given_cents)
        if given and r.reward_given_on:
            given += f" ({fmt.short_date(r.reward_given_on)})"
        return (
            r.name,
            r.via_contact or self.tr("the client itself"),
            r.created_on,
            r.first_signed_on,
            self._reward(r.reward_promised, r.reward_promised_cents),
            given,
            r.client_id,
        )

    def _show_referrer(self, current: ReferralView | None) -> None:
        if current is None:
            self.referrer_label.setText(self.tr("Nobody is recorded as having referred this client."))
            self.edit_button.setText(self.tr("Set referrer…"))
            return
        self.edit_button.setText(self.tr("Edit referral…"))
        link = f'<a href="client:{current.referrer_owner_client_id}">{html.escape(current.referrer_name)}</a>'
        lines = [self.tr("Referred by {referrer}").format(referrer=link)]
        promised = self._reward(current.reward_promised, current.reward_promised_cents)
        given = self._reward(current.reward_given, current.reward_given_cents)
        lines.append(
            html.escape(self.tr("Reward promised: {reward}").format(reward=promised or self.tr("none")))
        )
        if given:
            when = fmt.short_date(current.reward_given_on) if current.reward_given_on else ""
            text = self.tr("Reward given: {reward}").format(reward=given) + (f" · {when}" if when else "")
            lines.append(html.escape(text))
        else:
            lines.append(html.escape(self.tr("Reward given: not yet")))
        self.referrer_label.setText("<br>".join(lines))

    # --- slots -----------------------------------------------------------------------------------
    def _on_edit_clicked(self) -> None:
        if self.client_id is None:
            return
        dialog = ReferralDialog(self.client_id, self.client_name, self.current, self)
        if prompts.run_modal(dialog) == ReferralDialog.DialogCode.Accepted.value:
            self.load(self.client_id, self.client_name)
            self.sig_referrals_changed.emit()

    def _on_remove_clicked(self) -> None:
        if self.client_id is None or self.current is None:
            return
        question = self.tr("Forget that {referrer} referred {client}?").format(
            referrer=self.current.referrer_name, client=self.client_name
        )
        if not prompts.ask_yes_no(self, self.tr("Remove referrer"), question):
            return
        try:
            clear_referral(self.client_id)
        except CrmError as exc:
            prompts.show_error(self, self.tr("Remove referrer"), error_text(exc))
            return
        self.load(self.client_id, self.client_name)
        self.sig_referrals_changed.emit()

    def _on_referrer_label_link_activated(self, link: str) -> None:
        if link.startswith("client:"):
            self.sig_open_client_requested.emit(int(link.split(":", 1)[1]))

    def _on_table_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.sig_open_client_requested.emit(self.model.row(index.row())[-1])

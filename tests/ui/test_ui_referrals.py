"""Referrals on the client page: record who referred a client (a client or a contact) with the reward,
refusals at the field, the referrer's page listing whom they brought, and the contact dialog's birthday
and referrals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop_crm import clock
from desktop_crm.models import Client, Contact, Contract
from desktop_crm.models.care import Referral
from desktop_crm.services.referrals import set_referral
from ui.pages.clients.contact_dialog import ContactDialog
from ui.pages.clients.hub import ClientHubView
from ui.pages.clients.referrals_dialog import ReferralDialog

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def clients(db: object) -> tuple[int, int, int]:
    old = Client.create(name="杭州云帆科技有限公司", status="customer")
    new = Client.create(name="苏州恒达机械有限公司")
    li = Contact.create(client=old, name="李娜")
    return old.id, new.id, li.id


def _hub(qtbot: object, client_id: int) -> ClientHubView:
    hub = ClientHubView()
    qtbot.addWidget(hub)  # type: ignore[attr-defined]
    hub.show_client(client_id)
    hub.tabs.setCurrentWidget(hub.referrals)
    return hub


def _pick(dialog: ReferralDialog, text: str, row: int = 0) -> None:
    dialog.search_edit.setText(text)
    dialog.matches.setCurrentRow(row)


def test_record_a_referrer_with_the_reward(qtbot, clients, monkeypatch) -> None:
    old, new, _li = clients
    hub = _hub(qtbot, new)
    section = hub.referrals
    assert section.referrer_label.text() == "Nobody is recorded as having referred this client."
    assert section.edit_button.text() == "Set referrer…"
    steps: list[str] = []

    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, ReferralDialog)
        dialog.accept()  # nobody chosen: refused at the field
        assert not dialog.errors["referrer"].isHidden()
        steps.append(dialog.errors["referrer"].text())
        _pick(dialog, "云帆")
        assert dialog.matches.count() == 1  # the client itself is never offered
        assert dialog.chosen_label.text() == "杭州云帆科技有限公司"
        dialog.promised_edit.setText("购物卡")
        dialog.promised_amount.setText("-5")
        dialog.accept()
        assert not dialog.errors["reward_promised_cents"].isHidden()
        dialog.promised_amount.setText("500")
        dialog.given_on.set_value(clock.today())  # a date without anything given
        dialog.accept()
        assert not dialog.errors["reward_given_on"].isHidden()
        dialog.given_on.set_value(None)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr("ui.prompts.run_modal", answer)
    qtbot.mouseClick(section.edit_button, LEFT)
    assert steps == ["Choose who referred this client: a client or one of a client's contacts."]
    referral = Referral.get()
    assert (referral.referrer_client_id, referral.reward_promised, referral.reward_promised_cents) == (
        old,
        "购物卡",
        50_000,
    )
    assert "杭州云帆科技有限公司" in section.referrer_label.text()
    assert "Reward promised: 购物卡 · 500.00" in section.referrer_label.text()
    assert section.edit_button.text() == "Edit referral…" and section.remove_button.isEnabled()
    # the referrer's name is a link to its page
    opened: list[int] = []
    section.sig_open_client_requested.disconnect()
    section.sig_open_client_requested.connect(opened.append)
    section.referrer_label.linkActivated.emit(f"client:{old}")
    assert opened == [old]


def test_the_referrers_page_lists_whom_they_brought(qtbot, clients) -> None:
    old, new, li = clients
    third = Client.create(name="宁波百川包装材料有限公司")
    set_referral(new, referrer_client_id=old, reward_promised="答谢礼品")
    set_referral(third.id, referrer_contact_id=li, reward_given="购物卡", reward_given_cents=20_000,
                 reward_given_on=clock.today() - timedelta(days=1))  # fmt: skip
    Contract.create(client=new, signed_on=clock.today(), amount_cents=100_000)
    hub = _hub(qtbot, old)
    section = hub.referrals
    assert hub.tabs.tabText(hub.tabs.indexOf(section)) == "Referrals (2)"
    rows = {section.model.index(r, 0).data(): r for r in range(section.model.rowCount())}
    assert set(rows) == {"苏州恒达机械有限公司", "宁波百川包装材料有限公司"}
    assert section.model.index(rows["宁波百川包装材料有限公司"], 1).data() == "李娜"
    assert section.model.index(rows["苏州恒达机械有限公司"], 1).data() == "the client itself"
    assert section.model.index(rows["苏州恒达机械有限公司"], 3).data() != "not yet"
    assert section.model.index(rows["宁波百川包装材料有限公司"], 3).data() == "not yet"
    assert section.model.index(rows["宁波百川包装材料有限公司"], 5).data().startswith("购物卡 · 200.00")
    assert "2, 1 signed" in section.brought_label.text()
    # double-click opens the referred client in the hub
    index = section.model.index(rows["苏州恒达机械有限公司"], 0)
    section.table.doubleClicked.emit(index)
    assert hub.client_id == new and hub.name_label.text() == "苏州恒达机械有限公司"


def test_remove_referrer_asks_first(qtbot, clients, monkeypatch) -> None:
    old, new, _li = clients
    set_referral(new, referrer_client_id=old)
    hub = _hub(qtbot, new)
    monkeypatch.setattr("ui.prompts.ask_yes_no", lambda *_a: False)
    qtbot.mouseClick(hub.referrals.remove_button, LEFT)
    assert Referral.select().count() == 1
    monkeypatch.setattr("ui.prompts.ask_yes_no", lambda *_a: True)
    qtbot.mouseClick(hub.referrals.remove_button, LEFT)
    assert Referral.select().count() == 0
    assert not hub.referrals.remove_button.isEnabled()


def test_contact_dialog_birthday_and_referrals(qtbot, clients) -> None:
    old, new, li = clients
    set_referral(new, referrer_contact_id=li)
    dialog = ContactDialog(old, li)
    qtbot.addWidget(dialog)
    assert "Clients referred (1)" in dialog.referrals.title_label.text()
    assert "苏州恒达机械有限公司 · not signed yet" in dialog.referrals.body_label.text()
    assert dialog.birthday_edit.value() is None
    dialog.birthday_edit.set_value(clock.today() + timedelta(days=3))
    dialog.accept()
    assert not dialog.errors["birthday"].isHidden()  # in the future
    assert Contact.get_by_id(li).birthday is None
    dialog.birthday_edit.set_value(date(1988, 2, 29))
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted.value
    assert Contact.get_by_id(li).birthday == date(1988, 2, 29)

"""The client page's Dossier tab: registration facts saved (the credit code checked as typed and refused
at its field), public-information notes, and the one-click actions (the system opener replaced)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QDialog

from desktop_crm.models import Client, Contact
from desktop_crm.models.care import ClientDossier, DossierNote
from ui.pages.clients import dossier_tab
from ui.pages.clients.dossier_note_dialog import DossierNoteDialog
from ui.pages.clients.hub import ClientHubView

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def client_id(db: object) -> int:
    client = Client.create(name="深圳市腾讯计算机系统有限公司", phone="0755-86013388")
    Contact.create(client=client, name="李娜", email="li.na@example.cn", phone="13800000001")
    return client.id


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []

    def fake_open(url: QUrl) -> bool:
        urls.append(url.toString(QUrl.ComponentFormattingOption.FullyDecoded))
        return True

    monkeypatch.setattr(dossier_tab, "open_url", fake_open)
    return urls


def _hub(qtbot: object, client_id: int) -> ClientHubView:
    hub = ClientHubView()
    qtbot.addWidget(hub)  # type: ignore[attr-defined]
    hub.show_client(client_id)
    hub.tabs.setCurrentWidget(hub.dossier)
    return hub


def test_registration_facts_are_saved_and_a_bad_code_is_refused_at_the_field(qtbot, client_id) -> None:
    hub = _hub(qtbot, client_id)
    tab = hub.dossier
    assert hub.tabs.tabText(hub.tabs.indexOf(tab)) == "Dossier"
    tab.code_edit.setText("91440300708461136X")  # last character wrong
    assert tab.code_state.text() == "✗ Not a valid code"
    tab.legal_edit.setText("马化腾")
    qtbot.mouseClick(tab.save_button, LEFT)
    assert not tab.errors["credit_code"].isHidden()
    assert "should end in T" in tab.errors["credit_code"].text()
    assert ClientDossier.select().count() == 0  # nothing half-saved

    tab.code_edit.setText("9144 0300 7084 6113 6t")
    assert tab.code_state.text() == "✓ Valid code"
    tab.capital_edit.setText("65,000,000")
    tab.founded_edit.set_value(__import__("datetime").date(1998, 11, 11))
    tab.headcount_combo.setCurrentIndex(tab.headcount_combo.findData("1000_plus"))
    tab.scope_edit.setPlainText("计算机软硬件的技术开发")
    qtbot.mouseClick(tab.save_button, LEFT)
    assert tab.errors["credit_code"].isHidden()
    assert tab.saved_label.text() == "Saved."
    stored = ClientDossier.get()
    assert (stored.credit_code, stored.legal_representative) == ("91440300708461136T", "马化腾")
    assert stored.registered_capital_cents == 6_500_000_000 and stored.headcount_band == "1000_plus"
    assert tab.code_edit.text() == "91440300708461136T"  # shown as stored
    assert tab.capital_edit.text() == "65,000,000.00"

    tab.capital_edit.setText("lots")
    qtbot.mouseClick(tab.save_button, LEFT)
    assert not tab.errors["registered_capital_cents"].isHidden()
    assert ClientDossier.get().registered_capital_cents == 6_500_000_000


def test_public_information_notes(qtbot, client_id, monkeypatch) -> None:
    hub = _hub(qtbot, client_id)
    tab = hub.dossier
    assert tab.notes_empty.isVisibleTo(tab) and not tab.notes_table.isVisibleTo(tab)
    answers = [("", "官网"), ("获评专精特新企业", "地方新闻")]

    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, DossierNoteDialog)
        text, source = answers.pop(0)
        dialog.text_edit.setPlainText(text)
        dialog.source_edit.setText(source)
        dialog.accept()
        if dialog.result() != QDialog.DialogCode.Accepted.value:  # refused: the user fixes it
            assert not dialog.errors["text"].isHidden()
            text, source = answers.pop(0)
            dialog.text_edit.setPlainText(text)
            dialog.source_edit.setText(source)
            dialog.accept()
        return dialog.result()

    monkeypatch.setattr("ui.prompts.run_modal", answer)
    qtbot.mouseClick(tab.add_note_button, LEFT)
    assert DossierNote.select().count() == 1
    assert tab.notes_model.rowCount() == 1
    assert tab.notes_model.index(0, 2).data() == "获评专精特新企业"
    assert tab.notes_model.index(0, 1).data() == "地方新闻"
    assert tab.notes_heading.text() == "Public information (1)"
    tab.notes_table.selectRow(0)
    assert tab.delete_note_button.isEnabled()
    monkeypatch.setattr("ui.prompts.ask_yes_no", lambda *_a: True)
    qtbot.mouseClick(tab.delete_note_button, LEFT)
    assert DossierNote.select().count() == 0 and tab.notes_model.rowCount() == 0


def test_one_click_actions_open_the_dialler_mail_search_and_registry(qtbot, client_id, opened) -> None:
    hub = _hub(qtbot, client_id)
    tab = hub.dossier
    # two numbers (the client's and the contact's): the Call button offers them in a menu
    menu = tab.call_button.menu()
    assert menu is not None and [a.text() for a in menu.actions()] == [
        "深圳市腾讯计算机系统有限公司 · 0755-86013388",
        "李娜 · 13800000001",
    ]
    menu.actions()[1].trigger()
    assert opened[-1] == "tel:13800000001"
    assert tab.mail_button.menu() is None  # one address: a click sends
    qtbot.mouseClick(tab.mail_button, LEFT)
    assert opened[-1] == "mailto:li.na@example.cn"
    qtbot.mouseClick(tab.search_button, LEFT)
    assert opened[-1] == "https://www.baidu.com/s?wd=深圳市腾讯计算机系统有限公司"
    qtbot.mouseClick(tab.registry_button, LEFT)
    assert opened[-1] == "https://www.gsxt.gov.cn/index.html"
    assert QApplication.clipboard().text() == "深圳市腾讯计算机系统有限公司"
    assert "clipboard" in tab.action_status.text()


def test_without_a_program_to_open_it_the_tab_says_so(qtbot, client_id, monkeypatch) -> None:
    monkeypatch.setattr(dossier_tab, "open_url", lambda _url: False)
    hub = _hub(qtbot, client_id)
    qtbot.mouseClick(hub.dossier.search_button, LEFT)
    assert hub.dossier.action_status.text().startswith(
        "No program on this computer opens https://www.baidu.com"
    )


def test_a_client_without_phone_or_mail_has_those_actions_off(qtbot, db) -> None:
    bare = Client.create(name="无名公司")
    hub = _hub(qtbot, bare.id)
    assert not hub.dossier.call_button.isEnabled() and not hub.dossier.mail_button.isEnabled()
    assert hub.dossier.search_button.isEnabled()

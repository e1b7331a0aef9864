"""Settings → Client status: the rule is shown and switched; a won deal then follows it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_crm.models import Client, User
from desktop_crm.services.client_status import status_follows_deals
from desktop_crm.services.deals import close_opportunity, create_opportunity
from ui.pages.settings import SettingsPage
from ui.pages.settings_client_status import ClientStatusSettingsSection


def test_the_rule_is_shown_switched_and_followed(qtbot: QtBot, db: object) -> None:
    page = SettingsPage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitUntil(lambda: page.sections_pending == 0)  # built one per turn once shown
    section = page.findChild(ClientStatusSettingsSection)
    assert section is not None and section.follow_check.isChecked()
    section.follow_check.setChecked(False)
    assert not status_follows_deals() and section.status_label.text() == "Saved."
    client = Client.create(name="Acme", owner=User.create(name="Li Lei"), status="prospect")
    close_opportunity(create_opportunity(client.id, "Line 2").id, won=True)
    assert Client.get_by_id(client.id).status == "prospect"
    section.follow_check.setChecked(True)
    assert status_follows_deals()
    close_opportunity(create_opportunity(client.id, "Line 3").id, won=True)
    assert Client.get_by_id(client.id).status == "customer"


def test_the_close_and_contract_dialogs_make_a_lead_a_customer_and_a_hand_set_status_stays(
    qtbot: QtBot, db: object
) -> None:
    """The reported case (a lead after a won, signed deal), through the dialogs a user goes through: the
    close dialog's Won makes the lead a customer (the client page's chip says so); set back by hand in the
    client editor, it stays until the next signed contract makes it a customer again."""
    from ui.pages.clients.editor import ClientEditorDialog
    from ui.pages.clients.hub import ClientHubView
    from ui.pages.deals import CloseOpportunityDialog, ContractDialog

    client = Client.create(name="Acme", owner=User.create(name="Li Lei"), status="lead")
    opportunity = create_opportunity(client.id, "Line 2", expected_amount_cents=500_000)
    close = CloseOpportunityDialog(None, opportunity.id)
    qtbot.addWidget(close)
    assert close.won_radio.isChecked()
    close.accept()
    assert close.result() == 1 and Client.get_by_id(client.id).status == "customer"
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.show()
    hub.show_client(client.id)
    qtbot.waitUntil(lambda: hub.chips.count() > 0)
    assert "Customer" in [hub.chips.itemAt(i).widget().text() for i in range(hub.chips.count())]

    editor = ClientEditorDialog(None, client.id)
    qtbot.addWidget(editor)
    status = editor.combos["status"]
    status.setCurrentIndex(status.findData("prospect"))
    editor.accept()
    assert editor.result() == 1 and Client.get_by_id(client.id).status == "prospect"  # by hand: it stays

    contract = ContractDialog(None, opportunity.id)
    qtbot.addWidget(contract)
    contract.accept()
    assert contract.result() == 1 and contract.contract_id is not None
    assert Client.get_by_id(client.id).status == "customer"  # the signed contract: a customer again

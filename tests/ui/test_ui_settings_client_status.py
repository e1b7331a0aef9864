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

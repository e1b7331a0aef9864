"""The client hub: contacts through ContactDialog, stance history, the analysis panel, read-only sections."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QDialog

from desktop_crm import clock
from desktop_crm.models import Client, Contract, Opportunity, Payment, PaymentInstalment, User
from desktop_crm.services.followups import log_follow_up_with_next_step
from desktop_crm.services.stakeholders import create_contact, stance_history
from ui.pages.clients.contact_dialog import ContactDialog
from ui.pages.clients.hub import ClientHubView


@pytest.fixture
def client_id(db: object) -> int:
    return Client.create(name="上海华东精密机械", short_name="华东精密", status="prospect", grade="A").id


def fill_and_accept(dialog: ContactDialog, **values: str) -> None:
    for key, text in values.items():
        if key in dialog.edits:
            dialog.edits[key].setText(text)
        elif key in ("role", "stance", "influence"):
            combo = {
                "role": dialog.role_combo,
                "stance": dialog.stance_combo,
                "influence": dialog.influence_combo,
            }
            combo[key].setCurrentIndex(combo[key].findData(text))
        elif key == "reason":
            dialog.reason_edit.setText(text)
    dialog.accept()


def test_add_stakeholders_through_the_dialog(qtbot, client_id, modal, monkeypatch) -> None:
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.show_client(client_id)
    assert hub.name_label.text() == "上海华东精密机械"
    people = [("张伟", "approver", "supporter"), ("李娜", "coach", "ally"), ("王强", "evaluator", "opponent")]

    def answer(dialog: QDialog) -> int:
        name, role, stance = people.pop(0)
        assert isinstance(dialog, ContactDialog)
        fill_and_accept(dialog, name=name, role=role, stance=stance, title="经理")
        return dialog.result()

    monkeypatch.setattr("ui.prompts.run_modal", answer)
    changed: list[int] = []
    hub.sig_client_changed.connect(changed.append)
    for _ in range(3):
        qtbot.mouseClick(hub.stakeholders.contacts.add_button, qtbot_button())
    model = hub.stakeholders.contacts.model
    assert sorted(model.row(r)[0] for r in range(model.rowCount())) == ["张伟", "李娜", "王强"]
    assert changed == [client_id] * 3
    assert set(hub.stakeholders.power_map.cards) == {model.contact_id(r) for r in range(3)}
    assert hub.tabs.tabText(0) == "Stakeholders (3)"


def qtbot_button():  # the left mouse button, without importing Qt in every test
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_name_is_required_and_nothing_is_saved(qtbot, client_id) -> None:
    dialog = ContactDialog(client_id)
    qtbot.addWidget(dialog)
    fill_and_accept(dialog, name="  ", title="CTO")
    assert dialog.result() != QDialog.DialogCode.Accepted.value
    assert not dialog.errors["name"].isHidden()
    assert dialog.contact_id is None
    fill_and_accept(dialog, name="Anna", email="not-an-address")
    assert not dialog.errors["email"].isHidden()
    assert dialog.contact_id is None


def test_change_stance_with_reason_grows_the_history(qtbot, client_id) -> None:
    contact = create_contact(client_id, "赵敏", role="decision_maker", stance="neutral")
    dialog = ContactDialog(client_id, contact.id)
    qtbot.addWidget(dialog)
    assert len(dialog.timeline.entries()) == 1
    assert dialog.reason_edit.isHidden()
    dialog.stance_combo.setCurrentIndex(dialog.stance_combo.findData("supporter"))
    assert not dialog.reason_edit.isHidden()
    fill_and_accept(dialog, reason="试用后认可了我们的方案")
    assert dialog.result() == QDialog.DialogCode.Accepted.value
    history = stance_history(contact.id)
    assert len(history) == 2
    assert (history[-1].changed_on, history[-1].old_stance, history[-1].new_stance, history[-1].reason) == (
        clock.today(),
        "neutral",
        "supporter",
        "试用后认可了我们的方案",
    )
    again = ContactDialog(client_id, contact.id)
    qtbot.addWidget(again)
    newest = again.timeline.entries()[0]
    assert newest == (clock.today(), "neutral", "supporter", "试用后认可了我们的方案")


def test_reports_to_cycle_is_refused_at_the_field(qtbot, client_id) -> None:
    boss = create_contact(client_id, "Boss")
    report = create_contact(client_id, "Report", reports_to_id=boss.id)
    dialog = ContactDialog(client_id, boss.id)
    qtbot.addWidget(dialog)
    dialog.boss_combo.setCurrentIndex(dialog.boss_combo.findData(report.id))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted.value
    assert not dialog.errors["reports_to_id"].isHidden()
    assert "loop" in dialog.errors["reports_to_id"].text()
    from desktop_crm.models import Contact

    assert Contact.get_by_id(boss.id).reports_to_id is None


def test_deal_roles_saved_in_one_transaction(qtbot, client_id) -> None:
    deal = Opportunity.create(client=client_id, name="二期项目", stage="proposal")
    contact = create_contact(client_id, "钱进", role="user")
    dialog = ContactDialog(client_id, contact.id)
    qtbot.addWidget(dialog)
    combo = dialog.deal_combos[deal.id]
    combo.setCurrentIndex(combo.findData("decision_maker"))
    dialog.accept()
    from desktop_crm.services.stakeholders import opportunity_roles

    assert opportunity_roles(deal.id) == {contact.id: "decision_maker"}


def test_analysis_flags_no_coach_until_a_coach_and_a_neutral_approver(qtbot, client_id, monkeypatch) -> None:
    approver = create_contact(client_id, "孙总", role="approver", stance="neutral", influence="high")
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.show_client(client_id)
    flags = hub.stakeholders.analysis.flag_texts()
    assert "Nobody is our coach/sponsor." in flags
    assert "孙总 (Approver) is Neutral." in flags

    def answer(dialog: QDialog) -> int:
        fill_and_accept(dialog, name="周助理", role="coach", stance="supporter")
        return dialog.result()

    monkeypatch.setattr("ui.prompts.run_modal", answer)
    hub.stakeholders.contacts.add_contact()
    flags = hub.stakeholders.analysis.flag_texts()
    assert "Nobody is our coach/sponsor." not in flags
    assert "孙总 (Approver) is Neutral." in flags
    assert "Top-down" in hub.stakeholders.analysis.entry_text()
    assert any("周助理" in move for move in hub.stakeholders.analysis.move_texts())
    assert approver.id in hub.stakeholders.power_map.cards


def test_delete_contact_asks_first(qtbot, client_id, modal) -> None:
    contact = create_contact(client_id, "To go")
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.show_client(client_id)
    hub.stakeholders.contacts.select(contact.id)
    qtbot.mouseClick(hub.stakeholders.contacts.delete_button, qtbot_button())
    assert hub.stakeholders.contacts.model.rowCount() == 1  # answered "No"
    modal.answer_yes()
    qtbot.mouseClick(hub.stakeholders.contacts.delete_button, qtbot_button())
    assert hub.stakeholders.contacts.model.rowCount() == 0
    assert hub.stakeholders.power_map.cards == {}


def test_header_signals_and_read_only_sections(qtbot, client_id) -> None:
    deal = Opportunity.create(
        client=client_id, name="Phase 2", stage="proposal", expected_amount_cents=800_000
    )
    contract = Contract.create(
        client=client_id, title="主合同", amount_cents=1_000_000, signed_on=date(2024, 1, 5)
    )
    PaymentInstalment.create(contract=contract, due_date=date(2024, 2, 1), amount_cents=600_000)
    Payment.create(contract=contract, amount_cents=200_000, paid_on=date(2024, 1, 20))
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.show_client(client_id)
    row = hub.contracts.model.row(0)
    assert row[2:7] == (1_000_000, 600_000, 200_000, 800_000, 400_000)
    assert hub.opportunities.model.row(0)[0] == "Phase 2"
    assert hub.follow_ups.model.rowCount() == 0
    with qtbot.waitSignal(hub.sig_edit_requested) as edit:
        qtbot.mouseClick(hub.edit_button, qtbot_button())
    assert edit.args == [client_id]
    with qtbot.waitSignal(hub.sig_delete_requested):
        qtbot.mouseClick(hub.delete_button, qtbot_button())
    with qtbot.waitSignal(hub.sig_back):
        qtbot.mouseClick(hub.back_button, qtbot_button())
    hub.opportunities.table.selectRow(0)
    qtbot.mouseClick(hub.opportunities.map_button, qtbot_button())
    assert hub.stakeholders.opportunity_id() == deal.id
    assert hub.tabs.currentWidget() is hub.stakeholders


def test_every_table_model_passes_the_model_tester(qtbot, qtmodeltester, client_id) -> None:
    create_contact(client_id, "A", role="approver", stance="ally")
    create_contact(client_id, "B", stance="opponent")
    Contract.create(client=client_id, title="C", amount_cents=100, signed_on=date(2024, 1, 1))
    Opportunity.create(client=client_id, name="D")
    me = User.create(name="王晓明", role="salesperson")
    log_follow_up_with_next_step(
        client_id,
        me.id,
        "visit",
        datetime(2024, 3, 1, 10, 0),
        datetime(2024, 3, 4, 9, 0),
        summary="拜访",
        allow_past=True,
    )
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.show_client(client_id)
    models = [
        hub.stakeholders.contacts.model,
        hub.stakeholders.matrix_model,
        hub.follow_ups.model,
        hub.opportunities.model,
        hub.contracts.model,
    ]
    for model in models:
        model.setParent(None)  # outlive the hub: the tester disconnects at teardown
        assert model.rowCount() > 0
        qtmodeltester.check(model, force_py=True)


def test_screenshots_include_the_client_page_and_power_map(populated_db, db_path, tmp_path) -> None:
    from ui import app as ui_app

    client = Client.select().order_by(Client.id).first()
    boss = create_contact(client.id, "张总", role="approver", stance="ally")
    create_contact(client.id, "李工", role="evaluator", stance="opponent", reports_to_id=boss.id)
    out = tmp_path / "shots"
    assert ui_app.main(["--db", str(db_path), "--screenshots", str(out), "--lang", "zh_CN"]) == 0
    for name in ("client_page.png", "power_map.png"):
        assert (out / name).stat().st_size > 10_000


def test_the_previous_clients_chips_are_gone_at_once(qtbot, client_id) -> None:
    """Switching clients hides the old status/grade/value chips before they are deleted: they were painted
    over the new ones until the event loop next ran (screenshots showed them overlapping)."""
    from PySide6.QtWidgets import QApplication, QLabel

    other = Client.create(name="Beta Ltd", status="customer", grade="A")
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.resize(1200, 800)
    hub.show()
    hub.show_client(client_id)
    qtbot.waitUntil(lambda: hub.chips.count() >= 3)
    old = [hub.chips.itemAt(i).widget() for i in range(hub.chips.count())]
    hub.show_client(other.id)
    qtbot.waitUntil(lambda: hub.name_label.text() == "Beta Ltd")
    QApplication.processEvents()  # no deferred deletion at this level: the old chips still exist
    assert all(isinstance(chip, QLabel) and not chip.isVisible() for chip in old)
    shown = [hub.chips.itemAt(i).widget() for i in range(hub.chips.count())]
    assert [chip.text() for chip in shown][:2] == ["Customer", "A · Big deal"]


def test_tabs_after_the_first_are_built_in_later_turns_or_when_asked_for(qtbot, client_id) -> None:
    """Opening the first client builds the Stakeholders tab only; the others follow one per turn of the
    event loop (a 300 ms freeze on the large data when all eight were built at once), in their order, and
    any of them asked for earlier is built then, with the tabs before it."""
    hub = ClientHubView()
    qtbot.addWidget(hub)
    assert hub.tabs.count() == 1
    assert hub.contracts.show_rows is not None  # asking for the fourth tab builds the three before it
    titles = [hub.tabs.tabText(i) for i in range(hub.tabs.count())]
    assert titles == ["Stakeholders", "Follow-ups", "Opportunities", "Contracts && payments"]
    qtbot.waitUntil(lambda: hub.tabs.count() == 8)
    assert hub.tabs.widget(7) is hub.dossier and hub.tabs.widget(4) is hub.service
    hub.show_client(client_id)
    assert hub.name_label.text() == "上海华东精密机械"


def test_a_client_opened_before_the_tabs_are_built_fills_every_tab(qtbot, client_id) -> None:
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.show_client(client_id)  # a small database: read and shown at once, building every tab
    assert hub.tabs.count() == 8 and hub.shown_id == client_id


def test_the_hub_is_busy_while_it_reads_fills_or_builds_its_tabs(qtbot, client_id, monkeypatch) -> None:
    """A large file: the client is read on the worker and the tabs filled a group per turn; the hub (and
    the Clients page showing it) is busy until the last, so that the window's idle-time work (the hidden
    dashboard's warm-up draws on the window's thread) waits meanwhile."""
    from ui.pages.clients.page import ClientsPage

    monkeypatch.setattr("ui.pages.clients.hub.is_large", lambda: True)
    page = ClientsPage()
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: not page.busy())
    page.open_client(client_id)
    hub = page.hub
    assert hub.busy() and page.busy()
    seen: list[tuple[bool, bool]] = []
    hub.sig_loaded.connect(lambda _id: seen.append((hub.loading, page.busy())))
    qtbot.waitUntil(lambda: hub.shown_id == client_id, timeout=20_000)
    qtbot.waitUntil(lambda: not page.busy(), timeout=20_000)
    assert hub.tabs.count() == 8 and not hub.busy()
    assert seen == [(False, False)]  # loaded with every tab built: nothing pending any more
    page.show_list()
    hub.loading = True  # a hidden hub does not hold the page busy
    assert not page.busy()
    hub.loading = False


def test_opening_the_client_shown_already_fills_its_tabs_out_of_sight(qtbot, client_id, monkeypatch) -> None:
    """Read on the worker, opening a client shows "Loading the client…" until the tabs are filled, the
    client shown before included (its tabs brought back into view were laid out and painted whole in one
    turn); a refresh of the client shown keeps its tabs in view."""
    monkeypatch.setattr("ui.pages.clients.hub.is_large", lambda: True)
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.show()
    hub.show_client(client_id)
    qtbot.waitUntil(lambda: hub.shown_id == client_id and not hub.busy(), timeout=20_000)
    assert hub.body.currentWidget() is hub.tabs
    hub.show_client(client_id)
    assert hub.body.currentWidget() is hub.loading_label and hub.is_loading()
    qtbot.waitUntil(lambda: hub.shown_id == client_id and not hub.busy(), timeout=20_000)
    assert hub.body.currentWidget() is hub.tabs
    hub.refresh()
    assert hub.body.currentWidget() is hub.tabs and hub.loading
    qtbot.waitUntil(lambda: not hub.busy(), timeout=20_000)
    assert hub.body.currentWidget() is hub.tabs and hub.shown_id == client_id

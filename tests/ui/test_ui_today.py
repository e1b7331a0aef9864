"""The Today page: sections for an injected now, complete / snooze / reschedule, refusals, neglect
thresholds from Settings, the supervisor's team filter, background loading."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop_crm.clock import FrozenClock
from desktop_crm.models import Client, Contract, NextStep, Payment, PaymentInstalment, Setting, User
from desktop_crm.read import size
from ui.pages.today import TodayPage
from ui.pages.today.dialogs import RescheduleDialog

NOW = datetime(2026, 11, 18, 10, 0)  # a Wednesday


@pytest.fixture
def agenda_db(db: object, clock: FrozenClock) -> dict[str, object]:
    clock.set(NOW)
    me = User.create(name="王晓明", role="salesperson")
    other = User.create(name="李娜", role="salesperson")
    old = datetime(2026, 1, 5)
    hx = Client.create(
        name="华夏机械", owner=me, grade="A", created_at=old, last_contact_at=datetime(2026, 11, 17)
    )
    acme = Client.create(
        name="Acme GmbH", owner=me, grade="A", created_at=old, last_contact_at=datetime(2026, 11, 1)
    )
    quiet = Client.create(name="静默科技", owner=me, grade="C", created_at=old)
    theirs = Client.create(name="远方贸易", owner=other, grade="B", created_at=old, last_contact_at=NOW)
    steps = {
        "late": NextStep.create(client=hx, user=me, due_at=datetime(2026, 11, 16, 9), title="电话确认报价单"),
        "today": NextStep.create(
            client=acme, user=me, due_at=datetime(2026, 11, 18, 15), title="Send the proposal"
        ),
        "friday": NextStep.create(client=hx, user=me, due_at=datetime(2026, 11, 20, 17), title="拜访采购部"),
        "later": NextStep.create(client=hx, user=me, due_at=datetime(2026, 11, 24, 9), title="next week"),
        "other": NextStep.create(
            client=theirs, user=other, due_at=datetime(2026, 11, 18, 11), title="theirs"
        ),
    }
    contract = Contract.create(client=hx, amount_cents=3_000_000, signed_on=date(2026, 9, 1))
    PaymentInstalment.create(contract=contract, seq=1, due_date=date(2026, 10, 1), amount_cents=1_000_000)
    PaymentInstalment.create(contract=contract, seq=2, due_date=date(2026, 11, 19), amount_cents=1_000_000)
    PaymentInstalment.create(contract=contract, seq=3, due_date=date(2026, 12, 20), amount_cents=1_000_000)
    Payment.create(contract=contract, amount_cents=400_000, paid_on=date(2026, 10, 5))
    return {"me": me, "other": other, "hx": hx, "acme": acme, "quiet": quiet, **steps}


def make_page(qtbot: QtBot) -> TodayPage:
    page = TodayPage()
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    page.refresh()
    return page


def titles(page: TodayPage) -> list[str]:
    return [page.model.item(r).title for r in range(page.model.rowCount())]


def test_sections_show_the_agenda_of_now(qtbot: QtBot, qtmodeltester, agenda_db: dict) -> None:  # noqa: ANN001
    page = make_page(qtbot)
    assert titles(page) == ["电话确认报价单", "Send the proposal", "拜访采购部"]
    model = page.model
    assert model.data(model.index(0, 0)) == "11/16/2026 9:00\u202fAM"
    assert model.data(model.index(0, 0), Qt.ItemDataRole.ForegroundRole).color().name() == "#c0392b"
    assert model.data(model.index(1, 0)) == "Today 3:00\u202fPM"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(2, 0)) == "Fri 5:00\u202fPM"
    assert "2 days overdue" in model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert page.steps_section.table.isColumnHidden(4)  # one salesperson: no owner column
    assert [c.name for c in page.neglected_model._rows] == ["Acme GmbH", "静默科技"]
    assert page.neglected_model.data(page.neglected_model.index(1, 2)) == "Never"
    assert page.neglected_model.data(page.neglected_model.index(0, 2)) == "17 days ago"
    inst = page.instalment_model
    assert [(i.due_date, i.remaining) for i in inst._rows] == [
        (date(2026, 10, 1), 600_000),
        (date(2026, 11, 19), 1_000_000),
    ]
    assert inst.data(inst.index(0, 3)) == "48 days overdue"
    assert inst.data(inst.index(1, 3)) == "In 1 day"
    cards = [c.value_label.text() for c in page.cards]
    assert cards == ["1", "1", "1", "2", "6,000"]
    assert page.subtitle_label.text() == "11/18/2026 · agenda of 王晓明"
    for m in (page.model, page.neglected_model, page.instalment_model):
        qtmodeltester.check(m)


def test_actions_need_a_selection(qtbot: QtBot, agenda_db: dict) -> None:
    page = make_page(qtbot)
    assert not page.actions.complete_button.isEnabled()
    page.steps_section.select_row(0)
    assert page.actions.complete_button.isEnabled() and page.actions.snooze_button.isEnabled()
    assert page.selected_step().title == "电话确认报价单"


def test_snooze_tomorrow_moves_the_step(qtbot: QtBot, agenda_db: dict) -> None:
    page = make_page(qtbot)
    page.steps_section.select_row(1)  # today 15:00
    with qtbot.waitSignal(page.sig_agenda_changed):
        page.actions.snooze_actions["tomorrow"].trigger()
    assert NextStep.get_by_id(agenda_db["today"].id).due_at == datetime(2026, 11, 19, 9, 0)
    assert page.due_card.value_label.text() == "0"
    assert titles(page) == ["电话确认报价单", "Send the proposal", "拜访采购部"]
    assert page.model.data(page.model.index(1, 0)) == "Thu 9:00\u202fAM"
    page.steps_section.select_row(0)
    page.actions.snooze_actions["hour"].trigger()
    assert NextStep.get_by_id(agenda_db["late"].id).due_at == datetime(2026, 11, 18, 11, 0)
    assert page.overdue_card.value_label.text() == "0"


def test_reschedule_through_the_dialog(
    qtbot: QtBot, agenda_db: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot)

    def fill(dialog: QDialog) -> int:
        assert isinstance(dialog, RescheduleDialog)
        dialog.set_due_at(datetime(2026, 11, 19, 14, 30))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr("ui.prompts.run_modal", fill)
    page.steps_section.select_row(0)
    page.actions.reschedule_button.click()
    assert NextStep.get_by_id(agenda_db["late"].id).due_at == datetime(2026, 11, 19, 14, 30)
    assert page.model.item(0).title == "Send the proposal"
    assert page.overdue_card.value_label.text() == "0"


def test_reschedule_into_the_past_is_refused_in_the_dialog(qtbot: QtBot, agenda_db: dict) -> None:
    saved: list[datetime] = []
    dialog = RescheduleDialog(
        None, "华夏机械", "电话确认报价单", datetime(2026, 11, 16, 9), NOW, saved.append
    )
    qtbot.addWidget(dialog)
    dialog.set_due_at(datetime(2026, 11, 17, 9))
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted.value
    assert not dialog.error_label.isHidden()
    assert dialog.error_label.text() == "This time is in the past. Choose a time from now on."
    assert saved == []


def test_snooze_of_a_deleted_client_says_so(qtbot: QtBot, agenda_db: dict, modal) -> None:  # noqa: ANN001
    page = make_page(qtbot)
    page.steps_section.select_row(0)
    Client.update(deleted_at=NOW).where(Client.id == agenda_db["hx"].id).execute()
    page.actions.snooze_actions["tomorrow"].trigger()
    assert modal.seen[-1] == (
        "QMessageBox",
        "Snooze next step",
        "The client of this next step has been deleted; restore the client first.",
    )
    assert titles(page) == ["Send the proposal"]  # the page reloaded


def test_complete_opens_the_follow_up_prefilled(
    qtbot: QtBot, agenda_db: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_crm.services.followups import log_follow_up_with_next_step
    from ui import actions

    calls: list[tuple[int | None, int | None]] = []

    def fake(
        parent: object, client_id: int | None = None, completes_step_id: int | None = None, **_kw: object
    ) -> int:
        calls.append((client_id, completes_step_id))
        result = log_follow_up_with_next_step(
            client_id,
            agenda_db["me"].id,
            "call",
            NOW,
            datetime(2026, 11, 25, 9),
            completes_step_id=completes_step_id,
            next_title="送样品",
        )
        return result.follow_up.id

    monkeypatch.setattr(actions, "log_follow_up", fake)
    page = make_page(qtbot)
    page.steps_section.select_row(0)
    page.actions.complete_button.click()
    assert calls == [(agenda_db["hx"].id, agenda_db["late"].id)]
    assert NextStep.get_by_id(agenda_db["late"].id).done
    assert titles(page) == ["Send the proposal", "拜访采购部"]


def test_neglect_thresholds_from_settings_change_the_list(qtbot: QtBot, agenda_db: dict) -> None:
    from ui.pages.settings_reminders import ReminderSettingsSection

    page = make_page(qtbot)
    assert page.neglected_card.value_label.text() == "2"
    section = ReminderSettingsSection()
    qtbot.addWidget(section)
    section.refresh()
    assert [section.days_spins[g].value() for g in "ABC"] == [7, 14, 30]
    section.days_spins["A"].setValue(30)
    section.days_spins["C"].setValue(365)
    assert section.save()
    assert [c.name for c in page.neglected_model._rows] == []  # the visible page reloaded
    assert section.status_label.text().startswith("Saved")


def test_supervisor_sees_the_team_and_can_narrow_to_self(qtbot: QtBot, agenda_db: dict) -> None:
    boss = User.create(name="陈主管", role="supervisor")
    Setting.create(key="current_user_id", value=str(boss.id))
    page = make_page(qtbot)
    assert page.scope_combo.isVisible() and page.scope_combo.currentData() == "team"
    assert "theirs" in titles(page)
    assert not page.steps_section.table.isColumnHidden(4)
    row = titles(page).index("theirs")
    assert page.model.data(page.model.index(row, 4)) == "李娜"
    page.scope_combo.setCurrentIndex(0)
    assert titles(page) == []
    assert page.steps_section.stack.currentWidget() is page.steps_section.empty_label


def test_large_files_load_on_the_worker(
    qtbot: QtBot, agenda_db: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(size, "BACKGROUND_CLIENTS", 1)
    page = TodayPage()
    qtbot.addWidget(page)
    sections = (page.steps_section, page.neglected_section, page.instalment_section, page.service_section)
    assert all(section.is_loading() for section in sections)  # built: nothing read yet, nothing "empty"
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        page.refresh()
        assert page.subtitle_label.text() == "Loading the agenda…"
        for section in sections:  # never "No open next steps this week. Well done." before the data
            assert section.is_loading() and section.stack.currentWidget() is not section.empty_label
            assert section.loading_label.text() == "Loading…"
        assert page.overdue_card.value_label.text() == "…"
        assert page.busy()  # the window's idle-time work waits meanwhile
    assert titles(page) == ["电话确认报价单", "Send the proposal", "拜访采购部"]
    qtbot.waitUntil(lambda: not page.busy(), timeout=20_000)  # the care lists too
    assert not any(section.is_loading() for section in sections)
    assert page.steps_section.stack.currentWidget() is page.steps_section.table
    assert page.overdue_card.value_label.text() != "…"


def test_an_empty_agenda_says_so_only_once_read(
    qtbot: QtBot, db: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    Client.create(name="Acme")  # one client, more than the threshold: read on the worker
    monkeypatch.setattr(size, "BACKGROUND_CLIENTS", 0)
    page = TodayPage()
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.sig_loaded, timeout=20_000):
        page.refresh()
        assert page.steps_section.is_loading()
    assert page.steps_section.stack.currentWidget() is page.steps_section.empty_label
    assert page.steps_section.empty_label.text() == "No open next steps this week. Well done."

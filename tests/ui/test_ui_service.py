"""Service records and complaints in the window: the client page's Service tab and its dialogs, Today's
service section, Settings → Service types, the weekly form's service items; English and Chinese."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from desktop_crm.clock import FrozenClock
from desktop_crm.models import Client, Contact, User
from desktop_crm.models.service import ServiceRecord
from desktop_crm.services import service_records as svc
from ui import fmt, i18n
from ui.pages.clients.hub import ClientHubView
from ui.pages.clients.service_dialog import ServiceRecordDialog, ServiceStatusDialog
from ui.pages.settings_service import ServiceTypesSection
from ui.pages.today import TodayPage
from ui.pages.today.dialogs import to_qdatetime

NOW = datetime(2026, 11, 18, 10, 0)  # a Wednesday
ACCEPTED = QDialog.DialogCode.Accepted.value


@pytest.fixture
def client_id(db: object, clock: FrozenClock) -> int:
    clock.set(NOW)
    me = User.create(name="王晓明", role="salesperson")
    client = Client.create(name="华夏机械", owner=me, grade="A")
    Contact.create(client=client, name="张伟")
    return client.id


@pytest.fixture
def chinese(qapp: QApplication) -> object:
    i18n.install_translators(qapp, "zh_CN")
    yield qapp
    i18n.remove_translators(qapp)


def make_hub(qtbot: QtBot, client_id: int) -> ClientHubView:
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.resize(1280, 720)
    hub.show()
    hub.show_client(client_id)
    hub.tabs.setCurrentWidget(hub.service)
    return hub


def answer_with(monkeypatch: pytest.MonkeyPatch, fill: object) -> list[QDialog]:
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        seen.append(dialog)
        fill(dialog)  # type: ignore[operator]
        return dialog.result()

    monkeypatch.setattr("ui.prompts.run_modal", run)
    return seen


def test_a_new_record_is_due_by_its_types_target_and_listed(
    qtbot: QtBot, client_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = make_hub(qtbot, client_id)
    tab = hub.service
    assert tab.model.rowCount() == 0 and hub.tabs.tabText(hub.tabs.indexOf(tab)) == "Service (0)"

    def fill(dialog: ServiceRecordDialog) -> None:
        assert dialog.kind_combo.currentData() == "complaint"  # "Log complaint…"
        assert dialog.due_at() == NOW + timedelta(hours=24)
        dialog.title_edit.setText("设备异响")
        dialog.contact_combo.setCurrentIndex(1)
        dialog.accept()

    answer_with(monkeypatch, fill)
    qtbot.mouseClick(tab.complaint_button, qtbot_left())
    assert tab.model.rowCount() == 1
    row = tab.model.item(0)
    assert (row.title, row.kind, row.contact_name, row.status) == ("设备异响", "complaint", "张伟", "open")
    assert tab.model.data(tab.model.index(0, 1)) == "Complaint"
    assert tab.model.data(tab.model.index(0, 5)) == "Open"
    assert hub.tabs.tabText(hub.tabs.indexOf(tab)) == "Service (1)"
    assert "1 open (1 complaints, 0 overdue)" in tab.summary_label.text()


def test_changing_the_type_moves_the_suggested_due_time_until_the_user_sets_one(
    qtbot: QtBot, client_id: int
) -> None:
    dialog = ServiceRecordDialog(None, client_id)
    qtbot.addWidget(dialog)
    dialog.set_kind("maintenance")
    assert dialog.due_at() == NOW + timedelta(hours=72)
    dialog.due_edit.setDateTime(to_qdatetime(NOW + timedelta(days=10)))
    dialog.set_kind("training")
    assert dialog.due_at() == NOW + timedelta(days=10)


def test_a_due_time_before_opening_is_refused_at_the_field(qtbot: QtBot, client_id: int) -> None:
    dialog = ServiceRecordDialog(None, client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("安装")
    dialog.due_edit.setDateTime(to_qdatetime(NOW - timedelta(hours=2)))
    dialog.accept()
    assert dialog.result() != ACCEPTED
    assert "before the record was opened" in dialog.error_text("due_at")
    assert ServiceRecord.select().count() == 0
    dialog.title_edit.setText("")
    dialog.due_edit.setDateTime(to_qdatetime(NOW + timedelta(hours=2)))
    dialog.accept()
    assert dialog.error_text("title") == "Title is required."
    assert ServiceRecord.select().count() == 0


def test_resolve_confirm_and_the_open_filter(
    qtbot: QtBot, client_id: int, monkeypatch: pytest.MonkeyPatch, clock: FrozenClock
) -> None:
    record = svc.create_service_record(client_id, "complaint", "发票错误")
    hub = make_hub(qtbot, client_id)
    tab = hub.service
    tab.select_row(0)
    assert tab.resolve_action.isEnabled() and not tab.confirm_action.isEnabled()
    assert not tab.reopen_action.isEnabled()
    tab.start_action.trigger()
    assert ServiceRecord.get_by_id(record.id).status == "in_progress"
    assert tab.model.data(tab.model.index(0, 5)) == "In progress"
    # resolving without a resolution text: the message at the field, nothing saved
    attempts: list[str] = []

    def resolve(dialog: ServiceStatusDialog) -> None:
        dialog.resolution_edit.setPlainText("" if not attempts else "重开发票")
        dialog.accept()
        attempts.append(dialog.error_text("resolution"))
        if dialog.result() != ACCEPTED:
            assert ServiceRecord.get_by_id(record.id).status == "in_progress"
            dialog.resolution_edit.setPlainText("重开发票")
            dialog.accept()

    answer_with(monkeypatch, resolve)
    clock.advance(days=1)
    tab.select_row(0)
    tab.resolve_action.trigger()
    assert attempts[0].startswith("Describe the resolution")
    saved = ServiceRecord.get_by_id(record.id)
    assert saved.status == "resolved" and saved.resolution == "重开发票"
    assert tab.model.rowCount() == 0  # the Open filter hides it
    tab.filter_combo.setCurrentIndex(tab.filter_combo.findData("all"))
    assert tab.model.rowCount() == 1
    tab.select_row(0)
    assert "重开发票" in tab.detail_label.text()
    # the list shows the day it was resolved; the time is in the tooltip and below the list
    resolved_cell = tab.model.index(0, 7)
    assert tab.model.data(resolved_cell) == fmt.short_date(saved.resolved_at)
    assert tab.model.data(resolved_cell, Qt.ItemDataRole.ToolTipRole) == fmt.short_datetime(saved.resolved_at)
    assert f"Resolved {fmt.short_datetime(saved.resolved_at)}" in tab.detail_label.text()
    assert tab.confirm_action.isEnabled() and tab.reopen_action.isEnabled()

    def confirm(dialog: ServiceStatusDialog) -> None:
        dialog.satisfaction_combo.setCurrentIndex(3)
        dialog.accept()

    answer_with(monkeypatch, confirm)
    tab.confirm_action.trigger()
    saved = ServiceRecord.get_by_id(record.id)
    assert (saved.status, saved.satisfaction) == ("confirmed", 4)
    assert tab.model.data(tab.model.index(0, 8)) == "★★★★"
    tab.select_row(0)
    assert not tab.status_button.isEnabled()  # a confirmed record is final


def test_delete_asks_first(qtbot: QtBot, client_id: int, modal: object) -> None:
    svc.create_service_record(client_id, "training", "培训")
    hub = make_hub(qtbot, client_id)
    tab = hub.service
    tab.select_row(0)
    tab.delete_record()  # answered "No"
    assert tab.model.rowCount() == 1
    modal.answer_yes()  # type: ignore[attr-defined]
    tab.delete_record()
    assert tab.model.rowCount() == 0
    assert ServiceRecord.get().deleted_at is not None


def test_today_lists_open_complaints_and_items_coming_due_and_resolves_them(
    qtbot: QtBot, client_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    overdue = svc.create_service_record(client_id, "complaint", "备件迟迟未到", now=NOW - timedelta(days=4))
    soon = svc.create_service_record(client_id, "maintenance", "季度保养", due_at=NOW + timedelta(days=2))
    svc.create_service_record(client_id, "training", "far away", due_at=NOW + timedelta(days=20))
    page = TodayPage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    section = page.service_section
    model = section.service_model
    assert [model.item(r).id for r in range(model.rowCount())] == [overdue.id, soon.id]
    assert section.count_label.text() == "2"
    assert model.data(model.index(0, 2)) == "华夏机械"
    assert model.data(model.index(0, 1)) == "Complaint · 备件迟迟未到"
    opened: list[tuple[int, int]] = []
    section.sig_open_record_requested.connect(lambda c, r: opened.append((c, r)))
    section.select_row(1)
    qtbot.mouseClick(section.open_button, qtbot_left())
    assert opened == [(client_id, soon.id)]

    def resolve(dialog: ServiceStatusDialog) -> None:
        dialog.resolution_edit.setPlainText("已加急发货并致歉")
        dialog.accept()

    answer_with(monkeypatch, resolve)
    section.select_row(0)
    qtbot.mouseClick(section.resolve_button, qtbot_left())
    assert ServiceRecord.get_by_id(overdue.id).status == "resolved"
    assert [model.item(r).id for r in range(model.rowCount())] == [soon.id]


def test_settings_edit_the_types(qtbot: QtBot, client_id: int) -> None:
    section = ServiceTypesSection()
    qtbot.addWidget(section)
    section.show()
    assert section.table.rowCount() == 6
    complaint_row = section.keys.index("complaint")
    assert not section.table.cellWidget(complaint_row, 2).isEnabled()
    section.table.cellWidget(section.keys.index("maintenance"), 1).setValue(48)
    qtbot.mouseClick(section.add_button, qtbot_left())
    section.table.cellWidget(6, 0).setText("远程支持")
    section.table.cellWidget(6, 1).setValue(4)
    qtbot.mouseClick(section.save_button, qtbot_left())
    assert section.status_label.text() == "Saved."
    assert svc.service_type("maintenance").response_hours == 48  # type: ignore[union-attr]
    assert [(t.name, t.response_hours) for t in svc.service_types() if not t.builtin] == [("远程支持", 4)]
    # a second type with the same name is refused; nothing saved
    qtbot.mouseClick(section.add_button, qtbot_left())
    section.table.cellWidget(7, 0).setText("远程支持")
    qtbot.mouseClick(section.save_button, qtbot_left())
    assert "already a service type" in section.status_label.text()
    assert len(svc.service_types()) == 7
    # the new type is offered on a new record, with its own target
    dialog = ServiceRecordDialog(None, client_id)
    qtbot.addWidget(dialog)
    dialog.set_kind("custom_1")
    assert dialog.kind_combo.currentText() == "远程支持 · respond within 4 h"
    assert dialog.due_at() == NOW + timedelta(hours=4)
    # shown again with nothing stored meanwhile: its rows stay (an unsaved edit too); a type stored
    # meanwhile (another window, another machine): the rows are made again from what is stored
    section.refresh()
    kept = section.table.cellWidget(0, 1)
    kept.setValue(kept.value() + 1)
    section.hide()
    section.show()
    assert (
        section.table.cellWidget(0, 1) is kept and kept.value() == svc.service_types()[0].response_hours + 1
    )
    svc.save_service_types(section.entries())  # stored elsewhere than through this section
    section.hide()
    section.table.cellWidget(0, 1).setValue(1)
    section.show()
    assert section.table.cellWidget(0, 1) is not kept


def test_the_tab_and_today_in_chinese(
    qtbot: QtBot, client_id: int, chinese: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    record = svc.create_service_record(client_id, "complaint", "设备异响", severity="urgent")
    hub = make_hub(qtbot, client_id)
    tab = hub.service
    assert hub.tabs.tabText(hub.tabs.indexOf(tab)) == "服务 (1)"
    assert [tab.model.data(tab.model.index(0, c)) for c in (1, 2, 5)] == ["投诉", "紧急", "待处理"]
    assert tab.new_button.text() == "新建服务单…"
    # a refusal in Chinese, at its field
    svc.change_service_status(record.id, "resolved", resolution="ok")
    svc.change_service_status(record.id, "confirmed", satisfaction=5)
    dialog = ServiceRecordDialog(None, client_id, record.id)
    qtbot.addWidget(dialog)
    dialog.resolution_edit.setPlainText("")
    dialog.accept()
    assert dialog.error_text("resolution").startswith("请填写解决方案")


def qtbot_left() -> object:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton

"""The Clients list driven through its real widgets: search (Chinese too), filters, sort, saved views,
remembered columns, delete + undo, trash, bulk edit + undo, the hub round trip, and the model tester."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_crm import clock
from desktop_crm.client_list import DEFAULT_COLUMNS, CustomCondition
from desktop_crm.models import Client, ClientTag, Contact, CustomFieldDef, CustomFieldValue, Tag, User
from desktop_crm.services import clients as client_service
from ui import prompts
from ui.main_window import MainWindow
from ui.pages import PAGE_KEYS
from ui.pages.clients import ClientsPage
from ui.pages.clients.bulk_edit import BulkEditDialog
from ui.pages.clients.table_model import ClientTableModel
from ui.undo import undo_stack


@pytest.fixture(autouse=True)
def _fresh_undo_stack() -> Iterator[None]:
    undo_stack().clear()
    yield
    undo_stack().clear()


@pytest.fixture
def crm(db: object) -> dict[str, object]:
    wang = User.create(name="王磊")
    chen = User.create(name="陈静")
    a = Client.create(
        name="杭州云帆科技有限公司",
        status="customer",
        grade="A",
        value_verdict="valuable",
        owner=wang,
        expected_amount_cents=500_000,
        last_contact_at=clock.now() - timedelta(days=2),
    )
    b = Client.create(
        name="Northwind Logistics",
        status="prospect",
        grade="B",
        owner=chen,
        expected_amount_cents=900,
        phone="+86 138 0013 8000",
    )
    c = Client.create(name="苏州恒达机械", status="lead", grade="C", value_verdict="not_valuable")
    vip = Tag.create(name="重点")
    ClientTag.create(client=a, tag=vip)
    Contact.create(client=c, name="王五")
    size = CustomFieldDef.create(name="员工规模", kind="number", position=0)
    CustomFieldValue.create(client=b, field=size, value_number=250)
    return {"wang": wang, "chen": chen, "a": a, "b": b, "c": c, "vip": vip, "size": size}


def make_page(qtbot: QtBot) -> ClientsPage:
    page = ClientsPage()
    qtbot.addWidget(page)
    page.resize(1070, 700)
    page.show()
    page.refresh()
    return page


def names(page: ClientsPage) -> list[str]:
    model = page.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def search(qtbot: QtBot, page: ClientsPage, text: str, expected: int) -> None:
    page.list_view.search_edit.setText(text)  # keyClicks with Chinese aborts Qt (FIELD-NOTES)
    qtbot.waitUntil(lambda: page.model.query.filter.search == text.strip(), timeout=10_000)
    assert page.model.rowCount() == expected


def test_two_character_chinese_search_finds_the_client(qtbot: QtBot, crm: dict) -> None:
    page = make_page(qtbot)
    assert page.model.rowCount() == 3
    search(qtbot, page, "王五", 1)  # a contact's 2-character name
    assert names(page) == ["苏州恒达机械"]
    assert page.list_view.count_label.text() == "1 of 3 match"
    search(qtbot, page, "云帆", 1)
    assert names(page) == ["杭州云帆科技有限公司"]
    search(qtbot, page, "13800138000", 1)  # phone digits
    assert names(page) == ["Northwind Logistics"]
    search(qtbot, page, "", 3)
    assert page.list_view.count_label.text() == "3 clients"


def test_each_filter_narrows_the_list(qtbot: QtBot, crm: dict) -> None:
    page = make_page(qtbot)
    panel = page.list_view.filter_panel

    def check(button: object, keys: list[object], expected: list[str]) -> None:
        button.set_selected(keys)
        button.sig_changed.emit()
        assert sorted(names(page)) == sorted(expected)
        button.set_selected([])
        button.sig_changed.emit()
        assert page.model.rowCount() == 3

    check(panel.status_button, ["customer", "lead"], ["杭州云帆科技有限公司", "苏州恒达机械"])
    check(panel.grade_button, ["B"], ["Northwind Logistics"])
    check(panel.verdict_button, ["not_valuable"], ["苏州恒达机械"])
    check(panel.tag_button, [crm["vip"].id], ["杭州云帆科技有限公司"])
    check(panel.owner_button, [0], ["苏州恒达机械"])  # no owner
    check(panel.owner_button, [crm["chen"].id], ["Northwind Logistics"])
    panel.stale_days.setValue(30)
    panel.stale_check.setChecked(True)
    assert sorted(names(page)) == ["Northwind Logistics", "苏州恒达机械"]
    panel.stale_check.setChecked(False)
    panel.field_combo.setCurrentIndex(panel.field_combo.findData(crm["size"].id))
    panel.op_combo.setCurrentIndex(panel.op_combo.findData("at_least"))
    panel.value_edit.setText("200")
    panel.value_edit.editingFinished.emit()
    assert names(page) == ["Northwind Logistics"]
    assert page.list_view.client_filter().custom == (CustomCondition(crm["size"].id, "at_least", 200.0),)
    panel.clear_button.click()
    assert page.model.rowCount() == 3


def test_sort_by_a_column_header(qtbot: QtBot, crm: dict) -> None:
    page = make_page(qtbot)
    view = page.list_view
    view.set_column_visible("expected_amount_cents", True)
    column = page.model.columns.index("expected_amount_cents")
    header = view.table.horizontalHeader()
    header.setSortIndicator(column, Qt.SortOrder.DescendingOrder)
    assert names(page) == ["杭州云帆科技有限公司", "Northwind Logistics", "苏州恒达机械"]
    assert page.model.data(page.model.index(0, column)) == "5,000.00"
    header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
    assert names(page)[0] == "Northwind Logistics"
    assert view.state.sort == ("name", False)


def test_saved_view_round_trip(qtbot: QtBot, crm: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    typed: list[str] = []

    def answer(dialog: QDialog) -> int:
        if isinstance(dialog, QInputDialog):
            dialog.setTextValue(typed.pop(0))
            return QDialog.DialogCode.Accepted.value
        return QMessageBox.StandardButton.Yes.value

    monkeypatch.setattr(prompts, "run_modal", answer)
    page = make_page(qtbot)
    view = page.list_view
    view.filter_panel.grade_button.set_selected(["A", "C"])
    view.apply_filter()
    search(qtbot, page, "苏州", 1)
    typed.append("我的 C 客户")
    view.views_bar.save_current()
    assert view.views_bar.combo.currentText() == "我的 C 客户"
    view.views_bar.choose(None)  # "All clients"
    assert page.model.rowCount() == 3 and view.search_edit.text() == ""
    view.views_bar.choose(view.views_bar.current_view_id() or view.views_bar.combo.itemData(1))
    assert names(page) == ["苏州恒达机械"]
    assert view.search_edit.text() == "苏州"
    assert view.filter_panel.grade_button.selected() == ["A", "C"]
    typed.append("C 类")
    view.views_bar.rename_current()
    assert [view.views_bar.combo.itemText(i) for i in range(view.views_bar.combo.count())][1:] == ["C 类"]
    view.views_bar.delete_current()
    assert view.views_bar.combo.count() == 1


def test_column_choice_is_remembered_across_pages(qtbot: QtBot, crm: dict) -> None:
    first = make_page(qtbot)
    first.list_view.set_column_visible("industry", False)
    first.list_view.set_column_visible("phone", True)
    first.list_view.set_column_visible(f"custom:{crm['size'].id}", True)
    first.list_view.table.setColumnWidth(0, 222)
    second = make_page(qtbot)
    columns = second.model.columns
    assert "industry" not in columns and "phone" in columns and f"custom:{crm['size'].id}" in columns
    assert second.list_view.table.columnWidth(0) == 222
    col = columns.index(f"custom:{crm['size'].id}")
    assert second.model.headerData(col, Qt.Orientation.Horizontal) == "员工规模"
    row = second.model.row_of(crm["b"].id)
    assert second.model.data(second.model.index(row, col)) == "250"


def test_delete_then_ctrl_z_brings_it_back(qtbot: QtBot, crm: dict, db_path: Path) -> None:
    window = MainWindow(db_path, "en")
    qtbot.addWidget(window)
    window.show()
    window.show_page(PAGE_KEYS.index("clients"))
    window.activateWindow()  # shortcuts need the active window (offscreen too)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    page = window.page("clients")
    view = page.list_view
    view.select_client(crm["b"].id)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert "Northwind Logistics" not in names(page)
    assert page.model.rowCount() == 2
    assert "Undo with Ctrl+Z" in page.subtitle_label.text()
    assert window.undo_action.isEnabled()
    qtbot.keyClick(view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Northwind Logistics" in names(page)
    assert client_service.get_client(crm["b"].id).deleted_at is None
    qtbot.keyClick(
        view.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert "Northwind Logistics" not in names(page)


def test_trash_view_restores(qtbot: QtBot, crm: dict) -> None:
    client_service.delete_client(crm["c"].id)
    page = make_page(qtbot)
    view = page.list_view
    assert page.model.rowCount() == 2
    view.trash_button.click()
    assert names(page) == ["苏州恒达机械"]
    assert "deleted_at" in page.model.columns
    assert view.restore_button.isVisible() and not view.bulk_button.isVisible()
    view.select_client(crm["c"].id)
    view.restore_button.click()
    assert page.model.rowCount() == 0
    view.trash_button.click()
    assert page.model.rowCount() == 3 and "deleted_at" not in page.model.columns
    undo_stack().undo()  # undo the restore: back in the trash
    assert page.model.rowCount() == 2


def test_bulk_edit_and_undo(qtbot: QtBot, crm: dict, monkeypatch: pytest.MonkeyPatch) -> None:
    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, BulkEditDialog)
        dialog.owner_combo.setCurrentIndex(dialog.owner_combo.findData(crm["wang"].id))
        dialog.grade_combo.setCurrentIndex(dialog.grade_combo.findData("A"))
        dialog.tag_edit.setText("华东区")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(prompts, "run_modal", answer)
    page = make_page(qtbot)
    view = page.list_view
    view.select_client(crm["b"].id)
    rows = [page.model.row_of(crm["b"].id), page.model.row_of(crm["c"].id)]
    for row in rows:
        view.table.selectionModel().select(
            page.model.index(row, 0),
            view.table.selectionModel().SelectionFlag.Select | view.table.selectionModel().SelectionFlag.Rows,
        )
    assert view.bulk_button.isEnabled()
    view.bulk_button.click()
    for key in ("b", "c"):
        client = client_service.get_client(crm[key].id)
        assert (client.owner_id, client.grade) == (crm["wang"].id, "A")
        assert "华东区" in [t.name for t in client_service.get_client_tags(client.id)]
    grade_col = page.model.columns.index("grade")
    assert page.model.data(page.model.index(rows[0], grade_col)) == "A · Big deal"
    undo_stack().undo()
    b = client_service.get_client(crm["b"].id)
    c = client_service.get_client(crm["c"].id)
    assert (b.owner_id, b.grade, c.owner_id, c.grade) == (crm["chen"].id, "B", None, "C")
    assert client_service.get_client_tags(c.id) == []
    assert set(view.selected_ids()) == {crm["b"].id, crm["c"].id}  # selection kept across the reload


def test_hub_round_trip_keeps_scroll_and_selection(qtbot: QtBot, db: object) -> None:
    Client.insert_many([{"name": f"Client {i:04d}"} for i in range(400)]).execute()
    page = make_page(qtbot)
    view = page.list_view
    target = page.model.client_id(300)
    view.select_client(target)
    scroll = view.table.verticalScrollBar().value()
    assert scroll > 0
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.hub_scroll
    page.hub.sig_back.emit()
    assert page.stack.currentWidget() is view
    assert view.selected_ids() == [target]
    assert view.table.verticalScrollBar().value() == scroll


def test_new_client_and_edit_open_the_editor(qtbot: QtBot, crm: dict, modal: object) -> None:
    page = make_page(qtbot)
    page.list_view.new_button.click()
    page.hub.sig_edit_requested.emit(crm["a"].id)
    assert [cls for cls, _title, _text in modal.seen] == ["ClientEditorDialog", "ClientEditorDialog"]


def test_long_and_emoji_names_display(qtbot: QtBot, db: object) -> None:
    long_name = "长" * 10_000
    Client.create(name=long_name[:200])  # the column holds 200; the model must not choke on more
    Client.insert(name="😀 Emoji 客户 🚀", status="lead").execute()
    Client.insert(name=long_name, status="lead").execute()
    page = make_page(qtbot)
    shown = names(page)
    assert "😀 Emoji 客户 🚀" in shown
    assert long_name in shown
    row = page.model.row_of(Client.get(Client.name == long_name).id)
    assert len(page.model.data(page.model.index(row, 0), Qt.ItemDataRole.ToolTipRole)) == 500
    assert page.list_view.table.rowHeight(row) == page.list_view.table.rowHeight(0)
    page.grab()


def test_model_passes_the_model_tester(qtbot: QtBot, crm: dict, qtmodeltester: object) -> None:
    from desktop_crm.client_list import ClientFilter

    model = ClientTableModel(
        [*DEFAULT_COLUMNS, "tags", "contacts", f"custom:{crm['size'].id}"], {"name": "Name"}
    )
    model.reload()
    assert model.rowCount() == 3
    qtmodeltester.check(model, force_py=True)
    model.set_sort("expected_amount_cents", True)
    model.set_filter(ClientFilter(search="王五"))
    assert model.rowCount() == 1
    client_service.delete_client(crm["a"].id)
    model.set_filter(ClientFilter(trash=True))
    assert model.rowCount() == 1
    model.set_filter(ClientFilter())
    assert model.rowCount() == 3  # filter changes reuse the ids; a data change needs reload()
    model.reload()
    assert model.rowCount() == 2
    qtmodeltester.check(model, force_py=True)

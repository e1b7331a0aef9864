"""Export from the window: the Clients list as filtered, sorted and shown; the export dialog's checks;
File → Export of records (Chinese headers, GBK) and of next steps (.ics); failures shown, nothing written."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_crm import clock
from desktop_crm.models import Client, Contact, NextStep, User
from ui import prompts
from ui.exporter import ExportDialog, export_next_steps, export_records
from ui.pages.clients import ClientsPage


@pytest.fixture
def crm(db: object) -> dict[str, object]:
    wang = User.create(name="王磊")
    a = Client.create(
        name="杭州云帆科技有限公司", status="customer", grade="A", owner=wang, expected_amount_cents=500_000
    )
    b = Client.create(name="Northwind Logistics", status="prospect", grade="B", phone="+86 138 0013 8000")
    c = Client.create(name="苏州恒达机械", status="lead", grade="C")
    Contact.create(client=a, name="张三", phone="=1+2")
    NextStep.create(client=b, user=wang, bucket="exact", due_at=clock.now() + timedelta(days=1), title="回访")
    return {"a": a, "b": b, "c": c, "wang": wang}


class FakeModal:
    """Answers the export dialog with a file (and format/encoding), records every message box."""

    def __init__(self, path: Path, fmt: str = "csv", encoding: str = "utf-8-sig", lang: str = "en") -> None:
        self.path, self.fmt, self.encoding, self.lang = path, fmt, encoding, lang
        self.messages: list[tuple[str, str]] = []
        self.errors_at_field: list[str] = []

    def __call__(self, dialog: QDialog) -> int:
        if isinstance(dialog, ExportDialog):
            dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(self.fmt))
            dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData(self.encoding))
            dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData(self.lang))
            dialog.path_edit.setText(str(self.path))
            dialog._on_buttons_accepted()
            if not dialog.path_error.isHidden():
                self.errors_at_field.append(dialog.path_error.text())
            return dialog.result()
        if isinstance(dialog, QMessageBox):
            self.messages.append((dialog.windowTitle(), dialog.text()))
            return QMessageBox.StandardButton.Ok.value
        return 0


def make_parent(qtbot: QtBot) -> QWidget:
    parent = QWidget()
    qtbot.addWidget(parent)
    return parent


def make_page(qtbot: QtBot) -> ClientsPage:
    page = ClientsPage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    return page


def test_clients_list_exports_its_rows_sort_and_columns(
    qtbot: QtBot, crm: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot)
    view = page.list_view
    view.set_column_visible("phone", True)
    view.filter_panel.grade_button.set_selected(["A", "B"])
    view.filter_panel.grade_button.sig_changed.emit()
    view._on_header_sort_changed(0, view.table.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    shown = [view.model.data(view.model.index(r, 0)) for r in range(view.model.rowCount())]
    assert len(shown) == 2
    headers = [
        view.model.headerData(c, view.table.horizontalHeader().orientation())
        for c in range(view.model.columnCount())
    ]
    fake = FakeModal(tmp_path / "list.xlsx", fmt="xlsx")
    monkeypatch.setattr(prompts, "run_modal", fake)
    view.export_button.click()
    qtbot.waitUntil(lambda: bool(fake.messages), timeout=20_000)
    assert fake.messages[0][1].startswith("Exported 2 rows to")
    sheet = openpyxl.load_workbook(tmp_path / "list.xlsx").active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == headers
    assert [r[0] for r in rows[1:]] == shown  # same rows, same order
    status = headers.index("Status")
    assert {r[status] for r in rows[1:]} == {"Customer", "Prospect"}  # labels as the list shows them
    phone = headers.index("Phone")
    assert "'+86 138 0013 8000" in [r[phone] for r in rows[1:]]
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_export_dialog_refuses_a_missing_folder_at_the_field(
    qtbot: QtBot, crm: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = FakeModal(tmp_path / "nowhere" / "x.csv")
    monkeypatch.setattr(prompts, "run_modal", fake)
    assert export_records(None, "clients") is None
    assert fake.errors_at_field and "does not exist" in fake.errors_at_field[0]
    assert not (tmp_path / "nowhere").exists()


def test_file_menu_exports_contacts_in_gbk_with_chinese_headers(
    qtbot: QtBot, crm: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "contacts.csv"
    fake = FakeModal(path, encoding="gbk", lang="zh_CN")
    monkeypatch.setattr(prompts, "run_modal", fake)
    parent = make_parent(qtbot)
    job = export_records(parent, "contacts")
    assert job is not None
    qtbot.waitUntil(lambda: bool(fake.messages), timeout=20_000)
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("gbk"), newline="")))
    assert rows[0][:2] == ["客户名称", "姓名"]
    assert rows[1][:2] == ["杭州云帆科技有限公司", "张三"]
    assert "'=1+2" in rows[1]


def test_an_unencodable_character_is_shown_and_nothing_written(
    qtbot: QtBot, crm: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    Client.create(name="吉祥 𠮷 公司")
    path = tmp_path / "clients.csv"
    fake = FakeModal(path, encoding="gbk")
    monkeypatch.setattr(prompts, "run_modal", fake)
    parent = make_parent(qtbot)
    export_records(parent, "clients")
    qtbot.waitUntil(lambda: bool(fake.messages), timeout=20_000)
    title, text = fake.messages[0]
    assert "𠮷" in text and "GBK".lower() in text.lower() and "Row" in text
    assert not path.exists() and list(tmp_path.glob("*.tmp")) == []


def test_next_steps_to_ics(qtbot: QtBot, crm: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "steps.ics"
    fake = FakeModal(path)
    monkeypatch.setattr(prompts, "run_modal", fake)
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_a: str(path))
    parent = make_parent(qtbot)
    export_next_steps(parent)
    qtbot.waitUntil(lambda: bool(fake.messages), timeout=20_000)
    assert "1 open next steps" in fake.messages[0][1]
    text = path.read_bytes().decode("utf-8")
    assert "SUMMARY:Northwind Logistics: 回访\r\n" in text


def test_file_menu_has_the_export_entries(qtbot: QtBot, crm: dict, db_path: Path) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(db_path, "en")
    qtbot.addWidget(window)
    texts = [a.text().replace("&", "") for a in window.export_menu.actions() if a.text()]
    assert texts[:7] == [
        "Clients…",
        "Contacts…",
        "Follow-ups…",
        "Opportunities…",
        "Contracts…",
        "Payment plans…",
        "Payments…",
    ]
    assert all(a.isEnabled() for a in window.export_menu.actions())


def test_dashboard_tables_export_numbers_and_dates(
    qtbot: QtBot, crm: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from PySide6.QtCore import QSortFilterProxyModel

    from desktop_crm.dashboard import DrillRow, PersonRow
    from desktop_crm.drill import DrillListing
    from ui.exporter import export_table
    from ui.exporter.tables import person_summary_table
    from ui.pages.dashboard.drill import DrillDownDialog
    from ui.pages.dashboard.summary import COLUMNS, SORT_ROLE, PersonSummaryModel

    model = PersonSummaryModel()
    people = [
        PersonRow(1, "王磊", 123_450, 0, 3, 10, 1, 4, 0, 2, 1, 0, 0, 0, 0.25, None, 1, False),
        PersonRow(2, "=陈静", -500, 7, 9, 0, 0, 9, 0, 0, 0, 0, 1, 0, None, 80.0, 2, True),
    ]
    model.set_rows(people)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(0, Qt.SortOrder.DescendingOrder)  # the view shows rank 2 first
    columns, rows = person_summary_table(proxy, model, COLUMNS)
    path = tmp_path / "people.xlsx"
    fake = FakeModal(path, fmt="xlsx")
    monkeypatch.setattr(prompts, "run_modal", fake)
    parent = make_parent(qtbot)
    export_table(parent, "People", "people", columns, rows)
    qtbot.waitUntil(lambda: bool(fake.messages), timeout=20_000)
    sheet = openpyxl.load_workbook(path).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["Rank", "Salesperson", columns[2].header]
    assert values[1][:3] == [2, "'=陈静", -5]
    assert values[2][:3] == [1, "王磊", 1234.5]

    class Listing(DrillListing):
        def _fetch(self, start: int, stop: int) -> list[DrillRow | None]:
            return [
                DrillRow("payment", i, None, f"客户{i}", date(2026, 3, 9), 100 * i, "note")
                for i in range(start, stop)
            ][: stop - start]

    dialog = DrillDownDialog("Collected", Listing("collected", 1200), parent)  # closed with its parent
    path = tmp_path / "records.csv"
    fake2 = FakeModal(path)
    monkeypatch.setattr(prompts, "run_modal", fake2)
    dialog.export_button.click()
    qtbot.waitUntil(lambda: bool(fake2.messages), timeout=20_000)
    rows_back = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))
    assert len(rows_back) == 1201
    assert rows_back[2] == ["2026-03-09", "客户1", "Payment", "1.00", "note"]

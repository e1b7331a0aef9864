"""Every list on the client page exports what it shows (right click → "Export this table…"): its visible
columns and rows, money as numbers, dates as dates, in the chosen format and encoding; a table's own
context menu and actions are kept."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableView, QWidget
from pytestqt.qtbot import QtBot
from test_ui_export import FakeModal

from desktop_crm import clock
from desktop_crm.models import Client, Contact, Contract, FollowUp, Payment, User
from desktop_crm.models.attachments import Attachment
from desktop_crm.models.care import DossierNote, Referral
from ui import prompts
from ui.exporter.widget_tables import install_table_export
from ui.models import Column, TupleTableModel
from ui.pages.clients.hub import ClientHubView


@pytest.fixture
def crm(db: object) -> dict[str, Any]:
    wang = User.create(name="王晓明")
    client = Client.create(name="上海华东精密机械", owner=wang)
    other = Client.create(name="=北京中科信息")
    Contact.create(client=client, name="张三", title="采购经理", role="decision_maker", stance="supporter")
    Contact.create(client=client, name="李四", title="=总工")
    contract = Contract.create(
        client=client, number="HT-1", amount_cents=123_456_00, signed_on=clock.today() - timedelta(days=3)
    )
    Payment.create(contract=contract, amount_cents=23_456_00, paid_on=clock.today() - timedelta(days=1))
    FollowUp.create(client=client, user=wang, channel="visit", happened_at=datetime(2026, 3, 9, 14, 30))
    DossierNote.create(client=client, noted_on=date(2026, 2, 1), source="天眼查", text="增资 5000 万")
    Referral.create(client=other, referrer_client=client, reward_promised="购物卡")
    common = {"size_bytes": 2048, "sha256": "ab" * 32, "kind": "pdf", "added_by": wang}
    Attachment.create(
        client=client, owner_kind="client", owner_uuid=client.uuid, file_name="执照.pdf", **common
    )
    return {"client": client.id}


def _hub(qtbot: QtBot, client_id: int) -> ClientHubView:
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.resize(1280, 720)
    hub.show()
    hub.show_client(client_id)
    qtbot.waitUntil(lambda: hub.shown_id == client_id, timeout=20_000)
    return hub


def _action(table: QWidget) -> QAction:
    found = [a for a in table.actions() if a.objectName() == "exportTableAction"]
    assert len(found) == 1
    return found[0]


def _export(
    qtbot: QtBot, table: QWidget, path: Path, monkeypatch: pytest.MonkeyPatch, **kw: str
) -> FakeModal:
    fake = FakeModal(path, **kw)
    monkeypatch.setattr(prompts, "run_modal", fake)
    _action(table).trigger()
    qtbot.waitUntil(lambda: bool(fake.messages), timeout=20_000)
    return fake


def _csv(path: Path, encoding: str = "utf-8-sig") -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode(encoding), newline="")))


def test_every_client_tab_list_has_the_export_action(qtbot: QtBot, crm: dict) -> None:
    hub = _hub(qtbot, crm["client"])
    tables = [
        hub.stakeholders.contacts.table,
        hub.follow_ups.table,
        hub.follow_ups.timeline,
        hub.opportunities.table,
        hub.contracts.table,
        hub.contracts.instalments,
        hub.contracts.payments,
        hub.service.table,
        hub.attachments.table,
        hub.referrals.table,
        hub.dossier.notes_table,
        hub.stakeholders.matrix_view,
    ]
    for table in tables:
        assert _action(table).text() == "Export this table…"
        assert table.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu


def test_three_tabs_export_what_they_show(
    qtbot: QtBot, crm: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = _hub(qtbot, crm["client"])
    # Stakeholders: the contacts table, in GBK, as shown (translated labels, the formula neutralised)
    path = tmp_path / "contacts.csv"
    fake = _export(qtbot, hub.stakeholders.contacts.table, path, monkeypatch, encoding="gbk")
    assert "Exported 2 rows" in fake.messages[0][1]
    rows = _csv(path, "gbk")
    model = hub.stakeholders.contacts.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert rows[0] == headers
    by_name = {row[0]: row for row in rows[1:]}
    assert by_name["张三"][1] == "采购经理" and by_name["李四"][1] == "'=总工"
    assert by_name["张三"][2] == model.data(model.index(0 if rows[1][0] == "张三" else 1, 2))

    # Contracts & payments: money stays a number in XLSX, dates are dates
    path = tmp_path / "contracts.xlsx"
    _export(qtbot, hub.contracts.table, path, monkeypatch, fmt="xlsx")
    sheet = openpyxl.load_workbook(path).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:3] == ["Contract", "Signed on", "Amount"]
    assert (
        values[1][0] == "HT-1"
        and values[1][2] == 123456
        and sheet.cell(2, 3).number_format.startswith("#,##0.00")
    )
    assert values[1][1].date() == clock.today() - timedelta(days=3)

    # Dossier: the notes table
    path = tmp_path / "notes.csv"
    _export(qtbot, hub.dossier.notes_table, path, monkeypatch)
    assert _csv(path) == [["Date", "Source", "Note"], ["2026-02-01", "天眼查", "增资 5000 万"]]

    # Attachments: a hidden column is left out; the size is a number of bytes
    hub.attachments.table.setColumnHidden(5, True)
    path = tmp_path / "attachments.csv"
    _export(qtbot, hub.attachments.table, path, monkeypatch)
    rows = _csv(path)
    assert rows[0] == ["Name", "Type", "Size", "Attached to", "Added"]
    assert rows[1][0] == "执照.pdf" and rows[1][2] == "2048"

    # Referrals: whom this client brought
    path = tmp_path / "referrals.csv"
    _export(qtbot, hub.referrals.table, path, monkeypatch)
    rows = _csv(path)
    assert rows[1][0] == "'=北京中科信息" and "购物卡" in rows[1]

    # Follow-ups: the timeline's right click exports the rows of the table
    path = tmp_path / "follow-ups.csv"
    _export(qtbot, hub.follow_ups.timeline, path, monkeypatch)
    rows = _csv(path)
    assert rows[0][0] == "When" and rows[1][0] == "2026-03-09 14:30"


def test_role_stance_matrix_exports_its_roles_and_people(
    qtbot: QtBot, crm: dict, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = _hub(qtbot, crm["client"])
    view = hub.stakeholders.matrix_view
    model = view.model()
    path = tmp_path / "matrix.csv"
    _export(qtbot, view, path, monkeypatch)
    rows = _csv(path)
    stances = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert rows[0] == ["Role", *stances]  # the row labels come first, under their own title
    roles = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    assert [row[0] for row in rows[1:]] == roles
    by_role = {row[0]: row[1:] for row in rows[1:]}
    assert by_role["Decision maker"][stances.index("Supporter")] == "张三"
    assert by_role["No role"][stances.index("Neutral")] == "李四"


class _Menu(QTableView):
    """A table with its own context menu (as the Clients list's header has)."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._on_menu)

    def _on_menu(self, _pos: object) -> None:
        self.asked += 1


def test_existing_context_menus_and_actions_are_kept(qtbot: QtBot, db: object) -> None:
    model: QAbstractTableModel = TupleTableModel([Column("A")], [("x",)])
    custom = _Menu()
    qtbot.addWidget(custom)
    custom.setModel(model)
    action = install_table_export(custom, "T", "t")
    assert custom.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    assert action in custom.actions()
    custom.customContextMenuRequested.emit(custom.rect().center())
    assert custom.asked == 1
    kept = QTableView()
    qtbot.addWidget(kept)
    kept.setModel(model)
    install_table_export(kept, "T", "t", keep_context_menu=True)
    assert kept.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu
    plain = QTableView()
    qtbot.addWidget(plain)
    plain.setModel(model)
    old = QAction("Open", plain)
    plain.addAction(old)
    install_table_export(plain, "T", "t")
    assert [a.text() for a in plain.actions()] == ["Open", "Export this table…"]
    assert plain.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu

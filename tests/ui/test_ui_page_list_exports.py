"""The lists of the Goals and Handbook pages and of Settings (custom fields, backups) export what they
show through the shared "Export this table…" action: the goal tree with its nesting as a Level column and
its targets as numbers in the unit shown, the handbook's questions the search leaves, the custom fields,
the backup list with typed times and sizes."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from desktop_crm.clock import FrozenClock
from desktop_crm.models import Setting, User
from ui import prompts
from ui.exporter import ExportDialog
from ui.exporter.widget_tables import EXPORT_ROLE, install_table_export, tree_table


class Answer:
    """Answers the export dialog with ``path`` in ``fmt`` and records the message boxes."""

    def __init__(self, path: Path, fmt: str = "xlsx") -> None:
        self.path, self.fmt = path, fmt
        self.messages: list[str] = []

    def __call__(self, dialog: QDialog) -> int:
        if isinstance(dialog, ExportDialog):
            dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(self.fmt))
            dialog.path_edit.setText(str(self.path))
            dialog._on_buttons_accepted()
            return dialog.result()
        if isinstance(dialog, QMessageBox):
            self.messages.append(dialog.text())
        return 0


def _export(qtbot: QtBot, action: QAction, path: Path, monkeypatch: pytest.MonkeyPatch) -> list[list[object]]:
    answer = Answer(path)
    monkeypatch.setattr(prompts, "run_modal", answer)
    action.trigger()
    qtbot.waitUntil(lambda: bool(answer.messages), timeout=20_000)
    assert "Exported" in answer.messages[0], answer.messages
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_a_tree_exports_its_rows_in_order_with_their_level_hidden_rows_left_out(qtbot: QtBot) -> None:
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    tree.setHeaderLabels(["Name", "Amount", "Secret"])
    tree.setColumnHidden(2, True)
    first = QTreeWidgetItem(["=甲", "1,200", "x"])
    first.setData(1, EXPORT_ROLE, 1200)
    child = QTreeWidgetItem(["乙", "", "x"])
    child.addChild(QTreeWidgetItem(["丙", "3", "x"]))
    first.addChild(child)
    hidden = QTreeWidgetItem(["隐藏", "9", "x"])
    hidden.addChild(QTreeWidgetItem(["隐藏的子项", "9", "x"]))
    tree.addTopLevelItems([first, hidden, QTreeWidgetItem(["丁", "", "x"])])
    hidden.setHidden(True)
    first.setExpanded(False)  # collapsed rows are exported too
    columns, rows = tree_table(tree)
    assert [(c.header, c.kind) for c in columns] == [("Level", "int"), ("Name", "text"), ("Amount", "text")]
    assert rows == [(1, "=甲", 1200), (2, "乙", ""), (3, "丙", "3"), (1, "丁", "")]
    flat = QTreeWidget()
    qtbot.addWidget(flat)
    flat.setHeaderLabels(["Question"])
    flat.addTopLevelItems([QTreeWidgetItem(["一"]), QTreeWidgetItem(["二"])])
    columns, rows = tree_table(flat)
    assert [c.header for c in columns] == ["Question"] and rows == [("一",), ("二",)]  # no Level when flat


def test_a_tree_with_its_own_menu_keeps_it(qtbot: QtBot) -> None:
    tree = QTreeWidget()
    qtbot.addWidget(tree)
    tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    action = install_table_export(tree, "Export", "tree")
    assert tree.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    assert action in tree.actions()


@pytest.fixture
def seller(db: object, clock: FrozenClock) -> User:
    clock.set(datetime(2026, 3, 16, 10, 0))
    boss = User.create(name="陈主管", role="supervisor")
    me = User.create(name="王晓明", role="salesperson", supervisor=boss)
    Setting.create(key="current_user_id", value=str(me.id))
    return me


def test_goal_tree_exports_every_line_with_levels_and_numbers(
    qtbot: QtBot, seller: User, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_crm.services import goals as svc
    from ui.pages.goals import GoalsPage

    year = svc.create_goal("year", "=2026 年度目标", "2026-01-01", "2027-01-01", user_id=seller.id)
    svc.add_target(year, "", 120_000_000, metric="signed_amount_cents")
    svc.add_target(year, "", 0.25, metric="conversion_rate")
    march = svc.create_goal("month", "三月", "2026-03-01", "2026-04-01", parent_id=year)
    svc.add_target(march, "", 40, metric="new_clients")
    visit = svc.add_action(march, "拜访十家老客户", "routine", date(2026, 3, 20))
    svc.set_action_done(visit.id, True)
    page = GoalsPage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    qtbot.waitUntil(lambda: page.tree.topLevelItemCount() == 1, timeout=20_000)
    page.tree.collapseAll()
    assert page.export_action in page.context_menu().actions()  # at the end of the tree's own menu
    rows = _export(qtbot, page.export_action, tmp_path / "goals.xlsx", monkeypatch)
    assert rows[0] == ["Level", "Goal", "Period", "Target", "Actual", "Completion", "Gap", "On pace"]
    lines = {str(row[1]): row for row in rows[1:]}
    assert [row[0] for row in rows[1:]] == [1, 2, 2, 2, 3, 3]
    assert str(rows[1][1]).startswith("Year · =2026 年度目标")
    signed = next(row for name, row in lines.items() if "Signed amount" in name)
    assert (signed[0], signed[3], signed[4]) == (2, 1_200_000, 0)  # yuan, a number
    rate = next(row for name, row in lines.items() if "onversion" in name)
    assert rate[3] == 25  # a rate in percent, as shown
    new_clients = next(row for name, row in lines.items() if "ew clients" in name)
    assert (new_clients[0], new_clients[3]) == (3, 40)
    assert (rows[1][5], signed[5], rate[5]) == (0, 0, None)  # completion a number; none without data
    action = next(name for name in lines if "拜访十家老客户" in name)
    assert action.endswith("· done") and lines[action][0] == 3


def test_handbook_exports_the_questions_the_search_leaves(
    qtbot: QtBot, db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_crm.services.handbook import add_entry
    from ui.pages.handbook import HandbookPage

    add_entry("新客户怎么算？", "首次建档的客户。", kpi_key="new_clients")
    add_entry("=周报怎么打分？", "按权重。", kpi_key="rule:weekly_score")
    add_entry("谁是业务员？", "负责客户的人。", kpi_key="role:salesperson")
    page = HandbookPage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    page.search_edit.setText("怎么")
    assert page.list.topLevelItemCount() == 2
    assert page.list.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    rows = _export(qtbot, page.export_action, tmp_path / "handbook.xlsx", monkeypatch)
    shown = [[page.list.topLevelItem(i).text(c) for c in range(2)] for i in range(2)]  # type: ignore[union-attr]
    assert rows[0] == ["Question", "Topic"]
    assert rows[1:] == [[("'" + q if q.startswith("=") else q), t] for q, t in shown]


def test_custom_fields_export_their_definitions(
    qtbot: QtBot, db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_crm.services.custom_fields import define_custom_field
    from ui.pages.custom_fields import CustomFieldsSection

    define_custom_field("年采购额（万元）", "number")
    define_custom_field("采购周期", "choice", ["月度", "季度"])
    section = CustomFieldsSection()
    qtbot.addWidget(section)
    section.show()
    section.refresh()
    rows = _export(qtbot, section.export_action, tmp_path / "fields.xlsx", monkeypatch)
    assert rows[0] == ["Name", "Kind", "Choices", "Visibility"]
    assert [row[0] for row in rows[1:]] == ["年采购额（万元）", "采购周期"]
    assert rows[2][2] == "月度 · 季度" and rows[2][3] == "Shown"


def test_backup_list_exports_typed_times_and_sizes(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_crm.backup import create_backup, list_backups
    from ui.pages.settings_backups import BackupSettingsSection

    create_backup(db_path, tag="manual")
    info = list_backups(db_path)[0]
    section = BackupSettingsSection()
    qtbot.addWidget(section)
    section.show()
    section.refresh()
    qtbot.waitUntil(lambda: section.loaded, timeout=20_000)
    assert section.table.rowCount() == 1
    rows = _export(qtbot, section.export_action, tmp_path / "backups.xlsx", monkeypatch)
    assert rows[0] == ["Made", "Kind", "Size", "Schema"]
    made, kind, size, _schema = rows[1]
    assert made == info.created.replace(second=0, microsecond=0) and kind == "Manual"
    assert size == info.size_bytes

"""Export from the other views: the pipeline with its filter (every open opportunity, not only the cards
shown), the weekly form's tables (money as numbers), Settings → Team (names without decoration)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_crm import clock, team
from desktop_crm.models import Client, Contract, Opportunity, Payment, PaymentInstalment, User
from ui import prompts
from ui.exporter import ExportDialog


class Answer:
    """Answers the export dialog with ``path`` as XLSX and records the message boxes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.messages: list[str] = []

    def __call__(self, dialog: QDialog) -> int:
        if isinstance(dialog, ExportDialog):
            dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
            dialog.path_edit.setText(str(self.path))
            dialog._on_buttons_accepted()
            return dialog.result()
        if isinstance(dialog, QMessageBox):
            self.messages.append(dialog.text())
        return 0


def _rows(path: Path) -> list[list[object]]:
    sheet = openpyxl.load_workbook(path).active
    return [[c.value for c in row] for row in sheet.iter_rows()]


def test_pipeline_exports_every_open_opportunity_of_its_filter(
    qtbot: QtBot, db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.pages.pipeline import PipelinePage
    from ui.pages.pipeline.page import COLUMN_LIMIT

    wang, chen = User.create(name="王磊"), User.create(name="陈静")
    client = Client.create(name="杭州云帆科技有限公司", owner=wang)
    for i in range(COLUMN_LIMIT + 5):  # more than a column shows
        Opportunity.create(
            client=client, owner=wang, name=f"项目{i:02d}", stage="needs", expected_amount_cents=100_00 + i
        )
    Opportunity.create(
        client=client,
        owner=wang,
        name="=大单",
        stage="proposal",
        expected_amount_cents=1_000_00,
        probability=50,
    )
    Opportunity.create(
        client=client, owner=chen, name="陈的商机", stage="proposal", expected_amount_cents=5_00
    )
    Opportunity.create(client=client, owner=wang, name="赢了", stage="won", expected_amount_cents=9_00)
    page = PipelinePage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    page.owner_combo.setCurrentIndex(page.owner_combo.findData(wang.id))
    answer = Answer(tmp_path / "pipeline.xlsx")
    monkeypatch.setattr(prompts, "run_modal", answer)
    page.export_button.click()
    qtbot.waitUntil(lambda: bool(answer.messages), timeout=20_000)
    assert answer.messages[0].startswith(f"Exported {COLUMN_LIMIT + 6} rows")
    rows = _rows(tmp_path / "pipeline.xlsx")
    assert rows[0] == [
        "Stage",
        "Client",
        "Opportunity",
        "Owner",
        "Expected amount",
        "Probability (%)",
        "Weighted amount",
        "Expected close",
    ]
    assert {r[3] for r in rows[1:]} == {"王磊"}  # the owner filter
    assert [r[0] for r in rows[1:]].count("Needs analysis") == COLUMN_LIMIT + 5
    big = next(r for r in rows[1:] if r[2] == "'=大单")  # neutralised, never a formula
    assert big[0] == "Proposal" and big[4] == 1000 and big[5] == 50 and big[6] == 500


def test_weekly_form_tables_export_money_as_numbers(
    qtbot: QtBot, db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.pages.weekly import WeeklyPage

    today = clock.today()
    monday = today - timedelta(days=today.weekday())
    me = User.create(name="王晓明")
    acme = Client.create(name="上海华东精密机械", owner=me)
    contract = Contract.create(
        client=acme, title="一期", amount_cents=90_000_00, signed_on=monday - timedelta(days=20)
    )
    PaymentInstalment.create(contract=contract, due_date=monday + timedelta(days=2), amount_cents=30_000_00)
    Payment.create(contract=contract, paid_on=monday - timedelta(days=3), amount_cents=12_000_00)
    team.switch_user(me.id)
    page = WeeklyPage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    table = page.editor.last_collections_table
    actions = [a for a in table.actions() if a.objectName() == "exportTableAction"]
    assert [a.text() for a in actions] == ["Export this table…"]
    answer = Answer(tmp_path / "last.xlsx")
    monkeypatch.setattr(prompts, "run_modal", answer)
    actions[0].trigger()
    qtbot.waitUntil(lambda: bool(answer.messages), timeout=20_000)
    rows = _rows(tmp_path / "last.xlsx")
    assert rows[0] == ["Client", "Planned", "Received"]
    assert rows[1] == ["上海华东精密机械", 0, 12000] and rows[-1][0] == "Total"
    plan = [a for a in page.editor.collections_table.actions() if a.objectName() == "exportTableAction"]
    answer.path = tmp_path / "plan.xlsx"
    plan[0].trigger()
    qtbot.waitUntil(lambda: len(answer.messages) == 2, timeout=20_000)
    assert _rows(tmp_path / "plan.xlsx")[1][3] == 30000


def test_team_list_exports_names_roles_and_state(
    qtbot: QtBot, db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.pages.settings_team import TeamSection

    boss = User.create(name="刘振华", role="supervisor")
    User.create(name="王磊", supervisor=boss)
    User.create(name="陈静", active=False, supervisor=boss)
    team.switch_user(boss.id)
    section = TeamSection()
    qtbot.addWidget(section)
    section.show()
    section.refresh()
    assert section.table.item(0, 0).text() != "刘振华"  # the table shows "(working now)"
    answer = Answer(tmp_path / "team.xlsx")
    monkeypatch.setattr(prompts, "run_modal", answer)
    section.export_button.click()
    qtbot.waitUntil(lambda: bool(answer.messages), timeout=20_000)
    rows = _rows(tmp_path / "team.xlsx")
    assert rows[0] == ["Name", "Role", "Reports to", "Active", "PIN"]
    assert sorted(r[0] for r in rows[1:]) == sorted(["刘振华", "王磊", "陈静"])
    assert ["陈静", "Salesperson", "刘振华", "No", "No"] in rows


def test_todays_lists_export_the_rows_they_show(
    qtbot: QtBot, populated_db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.pages.today.page import TodayPage

    page = TodayPage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    section = page.steps_section
    qtbot.waitUntil(lambda: section.table.model().rowCount() > 0, timeout=20_000)
    model = section.table.model()
    visible = [c for c in range(model.columnCount()) if not section.table.isColumnHidden(c)]
    shown = [[str(model.data(model.index(r, c)) or "") for c in visible] for r in range(model.rowCount())]
    answer = Answer(tmp_path / "steps.xlsx")
    monkeypatch.setattr(prompts, "run_modal", answer)
    section.export_action.trigger()
    qtbot.waitUntil(lambda: bool(answer.messages), timeout=20_000)
    rows = _rows(tmp_path / "steps.xlsx")
    headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in visible]
    assert rows[0] == headers  # the visible columns only (a hidden one is not shown)
    assert [[("" if v is None else str(v)) for v in row] for row in rows[1:]] == shown

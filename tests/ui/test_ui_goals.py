"""The Goals page driven through its real widgets: build a year goal, split its target into months and a
month into weeks, record a contract and a payment, and see the actuals and the pace change."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop_crm.clock import FrozenClock
from desktop_crm.models import Goal, GoalTarget, Setting, User
from desktop_crm.services import clients, deals, payments
from ui import fmt, prompts
from ui.pages.goals import GoalsPage
from ui.pages.goals import dialogs as goal_dialogs
from ui.pages.goals.page import COL_ACTUAL, COL_COMPLETION, COL_GAP, COL_GOAL, COL_PACE, COL_TARGET


@pytest.fixture
def seller(db: object, clock: FrozenClock) -> User:
    clock.set(datetime(2026, 3, 16, 10, 0))
    boss = User.create(name="陈主管", role="supervisor")
    me = User.create(name="王晓明", role="salesperson", supervisor=boss)
    Setting.create(key="current_user_id", value=str(me.id))
    return me


def drive(monkeypatch: pytest.MonkeyPatch, fill: Callable[[QDialog], None]) -> list[QDialog]:
    """Answer the next dialogs by ``fill`` (which fills the fields and presses OK)."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        seen.append(dialog)
        fill(dialog)
        return dialog.result()

    monkeypatch.setattr(prompts, "run_modal", run)
    return seen


def make_page(qtbot: QtBot) -> GoalsPage:
    page = GoalsPage()
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.refresh()
    return page


def select(page: GoalsPage, kind: str, record_id: int) -> None:
    item = page.item_for(kind, record_id)
    assert item is not None, (kind, record_id)
    page.tree.setCurrentItem(item)


def test_build_split_record_and_see_progress(
    qtbot: QtBot, seller: User, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = make_page(qtbot)
    assert page.person_combo.currentText() == "王晓明"
    assert page.tree.topLevelItemCount() == 0

    def new_year(dialog: QDialog) -> None:
        assert isinstance(dialog, goal_dialogs.GoalDialog)
        assert dialog.kind_combo.currentData() == "year"
        assert dialog.start_edit.day() == date(2026, 1, 1) and dialog.last_edit.day() == date(2026, 12, 31)
        dialog.title_edit.setText("2026 年度目标")
        dialog.accept()  # saved; the SMART warnings keep it open
        assert dialog.warning_label.isVisibleTo(dialog)
        assert "Not measurable" in dialog.warning_label.text()
        dialog.accept()  # Close

    seen = drive(monkeypatch, new_year)
    page.new_goal()
    assert len(seen) == 1
    year = Goal.get(Goal.title == "2026 年度目标")
    assert year.user_id == seller.id
    item = page.tree.topLevelItem(0)
    assert item.text(COL_GOAL).startswith("Year · 2026 年度目标")

    select(page, "goal", year.id)

    def add_signed(dialog: QDialog) -> None:
        assert isinstance(dialog, goal_dialogs.TargetDialog)
        dialog.metric_combo.setCurrentIndex(dialog.metric_combo.findData("signed_amount_cents"))
        dialog.value_edit.money.setText("1,200,000")  # currency units, typed
        dialog.accept()
        if dialog.saved and dialog.isVisible():
            dialog.accept()

    drive(monkeypatch, add_signed)
    page.add_target()
    target = GoalTarget.get(GoalTarget.goal == year)
    assert (target.metric, target.target_value) == ("signed_amount_cents", 120_000_000)
    target_item = page.item_for("target", target.id)
    assert target_item is not None and target_item.text(COL_TARGET) == fmt.money(120_000_000, 0)
    assert target_item.text(COL_ACTUAL) == fmt.money(0, 0)

    select(page, "target", target.id)

    def split_months(dialog: QDialog) -> None:
        assert isinstance(dialog, goal_dialogs.SplitDialog)
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("month"))
        assert "12" in dialog.preview.text()
        dialog.accept()
        if dialog.isVisible():
            dialog.accept()

    drive(monkeypatch, split_months)
    page.split_selected()
    months = list(Goal.select().where(Goal.parent == year).order_by(Goal.period_start))
    assert [m.kind for m in months] == ["month"] * 12
    month_targets = [GoalTarget.get(GoalTarget.goal == m) for m in months]
    assert sum(t.target_value for t in month_targets) == 120_000_000
    march, march_target = months[2], month_targets[2]
    assert march_target.target_value == 10_000_000

    select(page, "target", march_target.id)

    def split_weeks(dialog: QDialog) -> None:
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("week"))
        dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("days"))
        dialog.accept()
        if dialog.isVisible():
            dialog.accept()

    drive(monkeypatch, split_weeks)
    page.split_selected()
    weeks = list(Goal.select().where(Goal.parent == march).order_by(Goal.period_start))
    assert len(weeks) == 6  # Sun 1 March, four whole weeks, Mon 30 - Tue 31
    assert sum(GoalTarget.get(GoalTarget.goal == w).target_value for w in weeks) == 10_000_000

    march_item = page.item_for("target", march_target.id)
    assert march_item is not None
    assert march_item.text(COL_PACE) == "Far behind"  # half of March gone, nothing signed
    assert march_item.text(COL_COMPLETION) == "0%"

    # Record a signed contract and a payment for this salesperson in March.
    client = clients.create_client("上海华东精密机械", owner_id=seller.id)
    opportunity = deals.create_opportunity(client.id, "Phase 1", expected_amount_cents=8_000_000)
    deals.close_opportunity(opportunity.id, True, "2026-03-10")
    contract = deals.create_contract(client.id, 8_000_000, "2026-03-10", opportunity.id)
    payments.record_payment(contract.id, 3_000_000, "2026-03-12")

    page.refresh()
    march_item = page.item_for("target", march_target.id)
    assert march_item is not None
    assert march_item.text(COL_ACTUAL) == fmt.money(8_000_000, 0)
    assert march_item.text(COL_COMPLETION) == "80%"
    assert march_item.text(COL_GAP) == fmt.money(2_000_000, 0)
    assert march_item.text(COL_PACE) == "On pace"  # 80 % reached, 16 of 31 days gone
    year_item = page.item_for("target", target.id)
    assert year_item is not None and year_item.text(COL_ACTUAL) == fmt.money(8_000_000, 0)
    week_of_tenth = next(w for w in weeks if w.period_start <= date(2026, 3, 10) < w.period_end)
    week_target = GoalTarget.get(GoalTarget.goal == week_of_tenth)
    week_item = page.item_for("target", week_target.id)
    assert week_item is not None and week_item.text(COL_ACTUAL) == fmt.money(8_000_000, 0)
    assert week_item.text(COL_PACE) == "Reached"


def test_action_done_delete_and_refusals(
    qtbot: QtBot, seller: User, monkeypatch: pytest.MonkeyPatch, modal
) -> None:
    from desktop_crm.services import goals as svc

    year = svc.create_goal("year", "2026", "2026-01-01", "2027-01-01", user_id=seller)
    action = svc.add_action(year, "Visit the fair", "market_activity")
    page = make_page(qtbot)
    item = page.item_for("action", action.id)
    assert item is not None and "Market activity" in item.text(COL_GOAL)
    item.setCheckState(COL_GOAL, Qt.CheckState.Checked)
    qtbot.waitUntil(lambda: svc.GoalAction.get_by_id(action.id).done)
    qtbot.waitUntil(lambda: page.item_for("action", action.id) is not item)
    item = page.item_for("action", action.id)
    assert item is not None and item.checkState(COL_GOAL) == Qt.CheckState.Checked

    select(page, "goal", year.id)

    def bad_sub(dialog: QDialog) -> None:
        dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("month"))
        dialog.title_edit.setText("Jan 2027")
        dialog.start_edit.set_date(date(2027, 1, 1))
        dialog.last_edit.set_date(date(2027, 1, 31))
        dialog.accept()
        assert not dialog.saved
        assert "parent goal's period" in dialog.error_text("period_start")

    drive(monkeypatch, bad_sub)
    page.new_sub_goal()
    assert Goal.select().count() == 1

    monkeypatch.setattr(prompts, "run_modal", modal)
    modal.answer_yes()
    select(page, "goal", year.id)
    page.delete_selected()
    assert Goal.select().count() == 0
    assert page.tree.topLevelItemCount() == 0


def test_propose_and_supervisor_accepts(qtbot: QtBot, seller: User, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_crm.services import goals as svc

    boss = User.get(User.role == "supervisor")
    year = svc.create_goal("year", "2026", "2026-01-01", "2027-01-01", user_id=seller, by=boss.id)
    target = svc.add_target(year, "", 50, metric="new_clients", by=boss.id)
    page = make_page(qtbot)
    item = page.item_for("target", target.id)
    assert item is not None and "Assigned" in item.text(COL_GOAL)
    select(page, "target", target.id)
    menu = page.context_menu()
    assert page.propose_action in menu.actions() and page.accept_action not in menu.actions()

    def propose(dialog: QDialog) -> None:
        dialog.value_edit.spin.setValue(40)
        dialog.reason_edit.setPlainText("两个大客户推迟到明年")
        dialog.accept()

    drive(monkeypatch, propose)
    page.propose_selected()
    item = page.item_for("target", target.id)
    assert item is not None and "Proposed" in item.text(COL_GOAL)
    select(page, "target", target.id)
    assert "两个大客户推迟到明年" in page.details.text()

    Setting.update(value=str(boss.id)).where(Setting.key == "current_user_id").execute()
    page.refresh()
    page.person_combo.setCurrentIndex(page.person_combo.findData(seller.id))
    select(page, "target", target.id)
    assert page.accept_action in page.context_menu().actions()
    page.accept_selected()
    assert GoalTarget.get_by_id(target.id).target_value == 40
    item = page.item_for("target", target.id)
    assert item is not None and "Proposed" not in item.text(COL_GOAL)
    assert item.text(COL_TARGET) == "40"

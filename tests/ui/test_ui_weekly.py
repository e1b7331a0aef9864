"""The weekly form page driven like a user: the auto-filled lines equal the database, plan a day, write the
summary, submit (locked, with the reason), switch to the supervisor with the PIN, annotate a line, score
(out of range refused at the field), see the monthly behaviour score; the PDF in both languages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop_crm import clock, team
from desktop_crm.models import Client, Contract, FollowUp, Payment, PaymentInstalment, User, WeeklyForm
from desktop_crm.services.users import set_pin
from desktop_crm.weekly_form import week_of, weekly_form_view
from desktop_crm.weekly_overview import last_months
from ui import i18n, prompts
from ui.pages.weekly import WeeklyPage
from ui.pages.weekly.dialogs import AnnotateDialog, PlanItemDialog, ScoreDialog
from ui.pages.weekly.pdf import write_pdf


@pytest.fixture
def people(db: object) -> tuple[User, User]:
    today = clock.today()
    monday = today - timedelta(days=today.weekday())
    boss = User.create(name="陈主管", role="supervisor")
    me = User.create(name="王晓明", supervisor=boss)
    acme = Client.create(name="上海华东精密机械", owner=me)
    contract = Contract.create(
        client=acme, title="一期", amount_cents=90_000_00, signed_on=monday - timedelta(days=20)
    )
    PaymentInstalment.create(contract=contract, due_date=monday + timedelta(days=2), amount_cents=30_000_00)
    Payment.create(contract=contract, paid_on=monday - timedelta(days=3), amount_cents=12_000_00)
    at = datetime(monday.year, monday.month, monday.day, 10) - timedelta(days=5)
    FollowUp.create(client=acme, user=me, channel="visit", happened_at=at)
    team.switch_user(boss.id)
    set_pin(boss.id, "2468")  # the supervisor protects the role with a PIN
    team.switch_user(me.id)
    return me, boss


def _answer_with(monkeypatch: pytest.MonkeyPatch, fill: Callable[[QDialog], None]) -> list[QDialog]:
    """The next dialogs are filled by ``fill`` and confirmed with OK (the dialog's own accept)."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(prompts, "run_modal", run)
    return seen


def test_fill_submit_review_and_score(
    qtbot: QtBot, people: tuple[User, User], monkeypatch: pytest.MonkeyPatch, modal: object
) -> None:
    me, boss = people
    page = WeeklyPage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    page.refresh()
    year, week = week_of(clock.today())
    assert page.person_combo.currentText() == "王晓明"
    assert page.status_label.text() == "Missing"
    # Auto-filled: the instalment due this week, last week's payment, the KPI facts.
    table = page.editor.collections_table
    assert table.rowCount() == 1 and table.item(0, 0).text() == "上海华东精密机械"
    assert table.item(0, 3).text() == "30,000.00"
    last = page.editor.last_collections_table
    assert last.item(0, 0).text() == "上海华东精密机械" and last.item(0, 2).text() == "12,000.00"
    view = weekly_form_view(me.id, year, week)
    assert page.view is not None and page.view.facts == view.facts
    assert page.editor.assessment_empty.isVisible()

    def plan(dialog: QDialog) -> None:
        assert isinstance(dialog, PlanItemDialog)
        dialog.day_combo.setCurrentIndex(5)
        dialog.text_edit.setText("拜访华东精密，确认二期需求")
        dialog.client_combo.setCurrentIndex(dialog.client_combo.findText("上海华东精密机械"))

    _answer_with(monkeypatch, plan)
    page.editor.add_plan_button.click()
    plan_table = page.editor.plan_table
    assert plan_table.rowCount() == 1
    assert [plan_table.item(0, c).text() for c in range(3)] == [
        "Saturday",
        "拜访华东精密，确认二期需求",
        "上海华东精密机械",
    ]
    page.editor.summary_edit.setPlainText("重点推进华东精密二期")
    page.editor.save_summary_button.click()
    assert WeeklyForm.get().summary == "重点推进华东精密二期"

    monkeypatch.setattr(prompts, "ask_yes_no", lambda *_args: True)
    page.submit_button.click()
    assert page.status_label.text() == "Submitted"
    assert page.editor.lock_label.isVisible()
    assert "ask 陈主管 to return it" in page.editor.lock_label.text()
    assert not page.editor.add_plan_button.isEnabled() and page.editor.summary_edit.isReadOnly()
    assert not page.annotate_button.isVisible()

    with pytest.raises(Exception, match="PIN"):
        team.switch_user(boss.id, "0000")
    team.switch_user(boss.id, "2468")
    page.refresh()
    page.person_combo.setCurrentIndex(page.person_combo.findData(me.id))
    assert page.annotate_button.isVisible() and page.score_button.isEnabled()
    item_id = page.view.plan[0].item_id if page.view else 0

    def annotate(dialog: QDialog) -> None:
        assert isinstance(dialog, AnnotateDialog)
        dialog.line_combo.setCurrentIndex(dialog.line_combo.findData(f"plan:{item_id}"))
        dialog.body_edit.setPlainText("周六拜访要约到决策者")

    _answer_with(monkeypatch, annotate)
    page.annotate_button.click()
    assert "周六拜访要约到决策者" in page.editor.review_label.text()
    assert "Plan: 拜访华东精密，确认二期需求" in page.editor.review_label.text()

    refused: list[str] = []

    def score(dialog: QDialog) -> None:
        assert isinstance(dialog, ScoreDialog)
        dialog.total_edit.setText("120")
        ScoreDialog.accept(dialog)
        refused.append(dialog.error_label.text())
        assert dialog.result() != QDialog.DialogCode.Accepted.value
        dialog.total_edit.setText("85")

    _answer_with(monkeypatch, score)
    page.score_button.click()
    assert refused == ["Score must be between 0 and 100."]
    assert page.status_label.text() == "Scored"
    assert "Score 85.0 / 100 by 陈主管" in page.editor.review_label.text()

    page.team_button.click()
    rows = page.team_view.status_table
    assert rows.rowCount() == 1 and rows.item(0, 1).text() == "Scored" and rows.item(0, 2).text() == "85.0"
    thursday = page.view.start + timedelta(days=3) if page.view else clock.today()
    months = last_months(clock.today(), 6)
    behaviour = page.team_view.behaviour_table
    for column, month in enumerate(months, start=1):
        expected = "85.0" if month.contains(thursday) else "–"
        assert behaviour.item(0, column).text() == expected


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_pdf_in_both_languages(
    qtbot: QtBot, people: tuple[User, User], tmp_path: Path, lang: str, qapp: object
) -> None:
    me, _boss = people
    i18n.install_translators(qapp, lang)  # type: ignore[arg-type]
    year, week = week_of(clock.today())
    path = write_pdf(weekly_form_view(me.id, year, week), tmp_path / "form.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and b"WenQuanYi" in data.replace(b"#20", b" ")
    assert not list(tmp_path.glob(".*.tmp"))

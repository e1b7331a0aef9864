"""Issue 4 end to end, through the real dialogs and pages:

1. log a follow-up with "tomorrow" → the Today page shows the step tomorrow → complete it from the
   Today page → the prefilled follow-up dialog sets the next step → the client's timeline shows the chain;
2. win an opportunity → create the contract and a 3-instalment plan → record a partial payment from
   the Today page → once the instalments fall due, the agenda shows the overdue remainder.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop_crm.clock import FrozenClock
from desktop_crm.models import Client, FollowUp, NextStep, PaymentInstalment, User
from desktop_crm.services.deals import create_opportunity
from ui import actions, prompts
from ui.pages.clients.followups_section import FollowUpsSection
from ui.pages.deals.close_dialog import CloseOpportunityDialog
from ui.pages.deals.contract_dialog import ContractDialog
from ui.pages.deals.payment_dialog import PaymentDialog
from ui.pages.deals.plan_dialog import PaymentPlanDialog
from ui.pages.followups.dialog import FollowUpDialog
from ui.pages.today import TodayPage


@pytest.fixture
def client(db: object) -> Client:
    me = User.create(name="王晓明", role="salesperson")
    return Client.create(name="华夏精密机械", owner=me, grade="A")


def run_with(monkeypatch: pytest.MonkeyPatch, fill) -> list[QDialog]:  # noqa: ANN001
    """Answer the next modal dialogs with ``fill(dialog)`` then OK; returns the dialogs seen."""
    seen: list[QDialog] = []

    def modal(dialog: QDialog) -> int:
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(prompts, "run_modal", modal)
    return seen


def today_page(qtbot: QtBot) -> TodayPage:
    page = TodayPage()
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def test_follow_up_chain(
    qtbot: QtBot, client: Client, monkeypatch: pytest.MonkeyPatch, clock: FrozenClock
) -> None:
    # 1. Log a follow-up whose next step is "tomorrow".
    def first(dialog: QDialog) -> None:
        assert isinstance(dialog, FollowUpDialog)
        dialog.summary_edit.setPlainText("初次电话，客户想看样品")
        dialog.next_step.set_bucket("tomorrow")
        dialog.next_step.title_edit.setText("寄送样品")

    run_with(monkeypatch, first)
    first_id = actions.log_follow_up(None, client.id)
    assert first_id is not None
    step = NextStep.get(NextStep.source_follow_up == first_id)
    assert (step.bucket, step.title) == ("tomorrow", "寄送样品")
    assert step.due_at.date() > clock.today() and step.due_at.hour == 9

    # 2. On the morning the step falls due, the Today page lists it under today.
    clock.set(step.due_at.replace(hour=8))
    page = today_page(qtbot)
    assert [s.title for s in page.result.agenda.today] == ["寄送样品"]
    assert page.due_card.value_label.text() == "1"
    assert page.model.data(page.model.index(0, 0)).startswith("Today ")

    # 3. Complete it from the Today page: the dialog opens prefilled and sets the next step.
    def complete(dialog: QDialog) -> None:
        assert isinstance(dialog, FollowUpDialog)
        assert dialog.windowTitle() == "Complete the next step"
        assert dialog.client_id() == client.id and dialog.completes_step_id == step.id
        dialog.summary_edit.setPlainText("样品已寄出，约下周演示")
        dialog.next_step.set_bucket("next_week")
        dialog.next_step.title_edit.setText("上门演示")

    seen = run_with(monkeypatch, complete)
    page.steps_section.select_row(0)
    with qtbot.waitSignal(page.sig_agenda_changed):
        page.actions.complete_button.click()
    assert len(seen) == 1
    step = NextStep.get_by_id(step.id)
    second = FollowUp.get(FollowUp.summary == "样品已寄出，约下周演示")
    assert step.done and step.completed_by_id == second.id
    follow_on = NextStep.get(NextStep.source_follow_up == second.id)
    assert (follow_on.title, follow_on.bucket, follow_on.done) == ("上门演示", "next_week", False)
    agenda = page.result.agenda
    shown = [s.id for s in (*agenda.overdue, *agenda.today, *agenda.this_week)]
    assert step.id not in shown  # done: gone from the agenda (the follow-on may be due the same day)

    # 4. The client's timeline shows the chain: follow-up → step → answered by → next step.
    section = FollowUpsSection()
    qtbot.addWidget(section)
    section.load(client.id)
    text = "\n".join(section.timeline.texts())
    for expected in ("初次电话，客户想看样品", "寄送样品", "样品已寄出，约下周演示", "上门演示"):
        assert expected in text
    assert "Completes “寄送样品”" in text


def test_payment_plan_to_overdue_remainder(
    qtbot: QtBot, client: Client, monkeypatch: pytest.MonkeyPatch, clock: FrozenClock
) -> None:
    opportunity = create_opportunity(
        client.id, "二期产线改造", stage="negotiation", expected_amount_cents=3_000_000
    )
    day = clock.today()

    # Win it, create the contract, plan three monthly instalments from today.
    def close(dialog: QDialog) -> None:
        assert isinstance(dialog, CloseOpportunityDialog)
        dialog.won_radio.setChecked(True)

    run_with(monkeypatch, close)
    assert (
        prompts.run_modal(CloseOpportunityDialog(None, opportunity.id)) == QDialog.DialogCode.Accepted.value
    )

    contract_dialog = ContractDialog(None, opportunity.id)
    contract_dialog.amount_edit.set_cents(3_000_000)
    contract_dialog.accept()
    assert contract_dialog.result() == QDialog.DialogCode.Accepted.value
    contract_id = contract_dialog.contract_id

    plan = PaymentPlanDialog(None, contract_id)
    plan.split(3, day)
    plan.accept()
    assert plan.result() == QDialog.DialogCode.Accepted.value
    instalments = list(
        PaymentInstalment.select()
        .where(PaymentInstalment.contract == contract_id)
        .order_by(PaymentInstalment.due_date)
    )
    assert [i.amount_cents for i in instalments] == [1_000_000] * 3

    # Today the first instalment is due: record part of it from the Today page.
    page = today_page(qtbot)
    rows = page.instalment_model._rows
    assert [(r.due_date, r.remaining, r.overdue) for r in rows] == [(day, 1_000_000, False)]

    def pay(dialog: QDialog) -> None:
        assert isinstance(dialog, PaymentDialog)
        assert dialog.instalment_combo.currentData() == instalments[0].id
        dialog.amount_edit.set_cents(400_000)

    seen = run_with(monkeypatch, pay)
    page.instalment_section.select_row(0)
    page.actions.payment_button.click()
    assert len(seen) == 1
    assert [(r.due_date, r.remaining) for r in page.instalment_model._rows] == [(day, 600_000)]

    # Forty days later the remainder of the first and the whole second instalment are overdue.
    later = datetime.combine(day + timedelta(days=40), datetime.min.time()).replace(hour=9)
    clock.set(later)
    page.refresh()
    overdue = page.result.agenda.instalments_overdue
    assert [(i.due_date, i.remaining) for i in overdue] == [
        (instalments[0].due_date, 600_000),
        (instalments[1].due_date, 1_000_000),
    ]
    assert page.receivable_card.value_label.text() == "16,000"
    assert page.instalment_model.data(page.instalment_model.index(0, 3)) == "40 days overdue"

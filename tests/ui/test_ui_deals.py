"""The deal dialogs and the hub's deal sections, driven as a user would: create an opportunity with a
stakeholder role, close it won, create its contract, a 3-instalment plan, a partial payment, an overpayment."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop_crm import clock
from desktop_crm.models import Client, Contract, Opportunity, Payment, PaymentInstalment, User, now
from desktop_crm.services.deals import close_opportunity, create_contract, create_opportunity
from desktop_crm.services.stakeholders import create_contact, opportunity_roles
from ui import prompts
from ui.pages.clients.hub import ClientHubView
from ui.pages.deals import (
    CloseOpportunityDialog,
    ContractDialog,
    OpportunityDialog,
    PaymentDialog,
    PaymentPlanDialog,
)
from ui.pages.deals.plan_dialog import add_months, split_evenly

ACCEPTED = QDialog.DialogCode.Accepted.value


@pytest.fixture
def client_id(db: object) -> int:
    owner = User.create(name="王晓明", role="salesperson")
    return Client.create(name="上海华东精密机械", owner=owner).id


@pytest.fixture
def won_id(client_id: int) -> int:
    opp = create_opportunity(client_id, "二期扩容", expected_amount_cents=3_000_000)
    return close_opportunity(opp, True).id


def test_new_opportunity_with_a_stakeholder_role(qtbot, client_id) -> None:
    boss = create_contact(client_id, "张总")
    create_contact(client_id, "李工")
    dialog = OpportunityDialog(None, client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.accept()  # no name
    assert dialog.error_text("name") and Opportunity.select().count() == 0
    dialog.name_edit.setText("ERP 项目")
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("proposal"))
    assert dialog.probability_spin.value() == 50
    dialog.amount_edit.setText("12,345.67")
    dialog.set_role(boss.id, "decision_maker")
    dialog.accept()
    assert dialog.result() == ACCEPTED
    opp = Opportunity.get_by_id(dialog.opportunity_id)
    assert (opp.stage, opp.probability, opp.expected_amount_cents) == ("proposal", 50, 1_234_567)
    assert opportunity_roles(opp.id) == {boss.id: "decision_maker"}
    edit = OpportunityDialog(None, opportunity_id=opp.id)
    qtbot.addWidget(edit)
    assert edit.roles()[boss.id] == "decision_maker"
    edit.set_role(boss.id, None)
    edit.accept()
    assert opportunity_roles(opp.id) == {}


def test_stored_stage_probability_prefills_the_dialog(qtbot, client_id) -> None:
    from desktop_crm.services.stages import set_stage_probabilities

    set_stage_probabilities({"negotiation": 85})
    dialog = OpportunityDialog(None, client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData("negotiation"))
    assert dialog.probability_spin.value() == 85


def test_deleted_client_refused_nothing_saved(qtbot, client_id) -> None:
    dialog = OpportunityDialog(None, client_id=client_id)
    qtbot.addWidget(dialog)
    Client.update(deleted_at=now()).where(Client.id == client_id).execute()
    dialog.name_edit.setText("Late")
    dialog.accept()
    assert "has been deleted" in dialog.error_text("client_id")
    assert dialog.result() != ACCEPTED and Opportunity.select().count() == 0


def test_close_lost_through_the_dialog(qtbot, client_id) -> None:
    opp = create_opportunity(client_id, "Phase 3")
    dialog = CloseOpportunityDialog(None, opp.id, won=False)
    qtbot.addWidget(dialog)
    dialog.reason_edit.setPlainText("价格")
    dialog.competitor_edit.setText("Initech")
    dialog.accept()
    fresh = Opportunity.get_by_id(opp.id)
    assert (fresh.stage, fresh.close_reason, fresh.competitor) == ("lost", "价格", "Initech")


def test_contract_only_from_a_won_opportunity(qtbot, client_id, won_id) -> None:
    open_opp = create_opportunity(client_id, "Open")
    refused = ContractDialog(None, open_opp.id)
    qtbot.addWidget(refused)
    refused.accept()
    assert "won opportunity" in refused.error_text("opportunity_id")
    assert Contract.select().count() == 0
    dialog = ContractDialog(None, won_id)
    qtbot.addWidget(dialog)
    assert dialog.amount_edit.cents() == 3_000_000 and dialog.title_edit.text() == "二期扩容"
    dialog.accept()
    contract = Contract.get_by_id(dialog.contract_id)
    assert (contract.opportunity.id, contract.amount_cents) == (won_id, 3_000_000)


def test_three_instalment_plan_split_evenly_and_overlap_refused(qtbot, client_id, won_id) -> None:
    contract = create_contract(client_id, 1_000_000, date(2026, 1, 5), won_id)
    assert split_evenly(1_000_000, 3) == [333_334, 333_333, 333_333]
    dialog = PaymentPlanDialog(None, contract.id)
    qtbot.addWidget(dialog)
    dialog.split(3, date(2026, 2, 10))
    assert dialog.plan() == [
        (date(2026, 2, 10), 333_334),
        (date(2026, 3, 10), 333_333),
        (date(2026, 4, 10), 333_333),
    ]
    assert dialog.total_text() == "Planned 10,000.00 of 10,000.00"
    dialog.table.cellWidget(2, 0).set_date(date(2026, 3, 10))  # overlaps the second
    dialog.accept()
    assert "same day" in dialog.error_text("due_date")
    assert PaymentInstalment.select().count() == 0
    dialog.table.cellWidget(2, 0).set_date(date(2026, 4, 10))
    dialog.accept()
    assert dialog.result() == ACCEPTED and PaymentInstalment.select().count() == 3


def test_partial_payment_then_hub_shows_the_overdue_remainder(qtbot, client_id, won_id) -> None:
    contract = create_contract(client_id, 900_000, clock.today() - timedelta(days=90), won_id)
    # Monthly instalments from a month and ten days ago: the first two are overdue, the third lies ahead,
    # whatever today is (month lengths differ, so "60 days ago" is not "two months ago").
    start = add_months(clock.today(), -1) - timedelta(days=10)
    dialog = PaymentPlanDialog(None, contract.id)
    qtbot.addWidget(dialog)
    dialog.split(3, start)
    dialog.accept()
    first = PaymentInstalment.get(PaymentInstalment.contract == contract.id, PaymentInstalment.seq == 1)
    pay = PaymentDialog(None, contract.id, first.id)
    qtbot.addWidget(pay)
    assert pay.amount_edit.cents() == 300_000 and "3,000.00 on this instalment" in pay.owed_label.text()
    pay.amount_edit.set_cents(100_000)
    pay.accept()
    assert Payment.get_by_id(pay.payment_id).instalment.id == first.id
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.show_client(client_id)
    assert hub.contracts.model.row(0)[2:7] == (900_000, 900_000, 100_000, 800_000, 500_000)
    statuses = [hub.contracts.instalment_model.row(r)[4:6] for r in range(3)]
    assert statuses == [(200_000, "overdue"), (300_000, "overdue"), (300_000, "due")]
    assert "overdue 5,000.00" in hub.contracts.detail_label.text()


def test_overpayment_asks_and_saves_only_after_confirmation(qtbot, client_id, won_id, modal) -> None:
    contract = create_contract(client_id, 100_000, date(2026, 1, 5), won_id)
    dialog = PaymentDialog(None, contract.id)
    qtbot.addWidget(dialog)
    dialog.amount_edit.set_cents(150_000)
    dialog.accept()  # the recorder answers "No"
    assert modal.titles == ["Record an overpayment?"]
    assert dialog.error_text("amount_cents") and Payment.select().count() == 0
    modal.answer_yes()
    dialog.accept()
    assert dialog.result() == ACCEPTED
    assert [p.amount_cents for p in Payment.select()] == [150_000]


def test_hub_buttons_open_the_dialogs(qtbot, client_id, won_id, monkeypatch) -> None:
    opened: list[str] = []

    def fake_run(dialog: QDialog) -> int:
        opened.append(type(dialog).__name__)
        if isinstance(dialog, ContractDialog):
            dialog.accept()
            return ACCEPTED
        return 0 if not isinstance(dialog, QMessageBox) else QMessageBox.StandardButton.No.value

    monkeypatch.setattr(prompts, "run_modal", fake_run)
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.show_client(client_id)
    section = hub.opportunities
    section.select(won_id)
    assert section.contract_button.isEnabled() and not section.close_button.isEnabled()
    section.contract_button.click()
    assert opened == ["ContractDialog"] and Contract.select().count() == 1
    section.select(won_id)
    assert not section.contract_button.isEnabled()  # already has its contract
    assert hub.contracts.model.rowCount() == 1 and hub.contracts.pay_button.isEnabled()
    hub.contracts.plan_button.click()
    hub.contracts.pay_button.click()
    section.new_button.click()
    assert opened[1:] == ["PaymentPlanDialog", "PaymentDialog", "OpportunityDialog"]


def test_deal_table_models_pass_the_model_tester(qtbot, qtmodeltester, client_id, won_id) -> None:
    contract = create_contract(client_id, 900_000, date(2026, 1, 5), won_id)
    PaymentInstalment.create(contract=contract, due_date=date(2026, 2, 1), amount_cents=300_000)
    Payment.create(contract=contract, amount_cents=100_000, paid_on=date(2026, 2, 1))
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.show_client(client_id)
    for model in (hub.contracts.instalment_model, hub.contracts.payment_model):
        model.setParent(None)
        assert model.rowCount() == 1
        qtmodeltester.check(model, force_py=True)


def test_log_follow_up_on_a_deal_from_the_hub_and_the_pipeline(qtbot, client_id, won_id, monkeypatch) -> None:
    from desktop_crm.pipeline import PipelineCard
    from ui import actions
    from ui.pages.pipeline.page import PipelinePage

    calls: list[tuple[int | None, int | None]] = []

    def fake_log(parent, client=None, contact_ids=(), opportunity_id=None, completes_step_id=None):
        calls.append((client, opportunity_id))
        return 1

    monkeypatch.setattr(actions, "log_follow_up", fake_log)
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.show_client(client_id)
    section = hub.opportunities
    assert not section.follow_up_button.isEnabled()  # nothing selected yet
    section.select(won_id)
    section.follow_up_button.click()
    open_deal = create_opportunity(client_id, "三期", expected_amount_cents=1_000_000)
    page = PipelinePage()
    qtbot.addWidget(page)
    page.refresh()
    card = PipelineCard(
        open_deal.id, client_id, "上海华东精密机械", "三期", 1_000_000, 10, None, "", "initial"
    )
    labels = [a.text() for a in page.card_menu(card).actions()]
    assert "Log follow-up…" in labels
    page.log_follow_up(card)
    assert calls == [(client_id, won_id), (client_id, open_deal.id)]

"""The Pipeline page: column totals, owner/date filters, top-N with "more…", moving and closing from a card,
the stage probabilities in Settings."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QDialog

from desktop_crm import clock
from desktop_crm.models import Client, Opportunity, User, now
from desktop_crm.services.stages import stage_probabilities
from ui import prompts
from ui.pages.deals import CloseOpportunityDialog
from ui.pages.pipeline import PipelinePage
from ui.pages.pipeline import page as pipeline_page
from ui.pages.settings_stages import StageProbabilitiesSection


@pytest.fixture
def board(db: object) -> dict[str, object]:
    li, wang = User.create(name="Li"), User.create(name="Wang")
    acme, gone = Client.create(name="Acme"), Client.create(name="Gone", deleted_at=now())
    past = clock.today() - timedelta(days=3)
    Opportunity.create(client=acme, owner=li, name="A", stage="initial", probability=10,
                       expected_amount_cents=100_000, expected_close_date=past)  # fmt: skip
    Opportunity.create(client=acme, owner=wang, name="B", stage="initial", probability=20,
                       expected_amount_cents=300_000, expected_close_date=clock.today() + timedelta(days=400))  # fmt: skip
    Opportunity.create(client=acme, owner=li, name="C", stage="negotiation", probability=70,
                       expected_amount_cents=200_000)  # fmt: skip
    Opportunity.create(client=gone, owner=li, name="X", stage="initial", expected_amount_cents=9_999_900)
    Opportunity.create(client=acme, owner=li, name="W", stage="won", probability=100,
                       expected_amount_cents=500_000, closed_on=clock.today())  # fmt: skip
    return {"li": li, "wang": wang, "acme": acme}


def make_page(qtbot) -> PipelinePage:
    page = PipelinePage()
    qtbot.addWidget(page)
    page.refresh()
    return page


def test_columns_show_counts_amounts_and_weighted(qtbot, board) -> None:
    page = make_page(qtbot)
    initial = page.columns["initial"]
    assert initial.title_label.text() == "Initial contact · 10%"
    assert initial.count_label.text() == "2 opportunities"
    assert initial.amount_label.text() == "4,000"
    assert initial.weighted_label.text() == "Weighted 700"  # 1,000×10% + 3,000×20%
    assert [initial.model.card(r).name for r in range(initial.model.rowCount())] == ["B", "A"]
    assert page.open_card.value_label.text() == "3"  # the deleted client's deal is not counted
    assert page.weighted_card.value_label.text() == "2,100"
    assert page.won_card.value_label.text() == "5,000" and page.won_card.caption_label.text() == "Won (1)"


def test_owner_and_date_filters(qtbot, board) -> None:
    page = make_page(qtbot)
    page.owner_combo.setCurrentIndex(page.owner_combo.findData(board["wang"].id))
    assert page.open_card.value_label.text() == "1"
    page.owner_combo.setCurrentIndex(0)
    page.period_combo.setCurrentIndex(page.period_combo.findData("custom"))
    assert page.from_edit.isVisibleTo(page)
    page.from_edit.set_date(clock.today() - timedelta(days=10))
    page.to_edit.set_date(clock.today())
    assert page.columns["initial"].count_label.text() == "1 opportunities"
    assert page.open_card.value_label.text() == "1"


def test_top_n_with_more(qtbot, board, monkeypatch) -> None:
    monkeypatch.setattr(pipeline_page, "COLUMN_LIMIT", 1)
    page = make_page(qtbot)
    initial = page.columns["initial"]
    assert initial.model.rowCount() == 1
    assert initial.more_label.text().startswith("1 more…")
    assert initial.amount_label.text() == "4,000"  # totals still count everything


def test_move_and_close_from_a_card(qtbot, board, monkeypatch) -> None:
    page = make_page(qtbot)
    card = page.columns["initial"].model.card(0)
    page.move_to(card, "proposal")
    assert Opportunity.get_by_id(card.id).probability == stage_probabilities()["proposal"]
    assert page.columns["proposal"].model.rowCount() == 1
    menu = page.card_menu(page.columns["proposal"].model.card(0))
    assert [a.text() for a in menu.actions() if a.text()][:2] == ["Edit…", "Move to"]

    def win(dialog: QDialog) -> int:
        assert isinstance(dialog, CloseOpportunityDialog)
        dialog.reason_edit.setPlainText("Best offer")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(prompts, "run_modal", win)
    page.close_deal(page.columns["proposal"].model.card(0), True)
    assert Opportunity.get_by_id(card.id).stage == "won"
    assert page.columns["proposal"].model.rowCount() == 0
    assert page.won_card.caption_label.text() == "Won (2)"


def test_column_model_passes_the_model_tester(qtbot, qtmodeltester, board) -> None:
    page = make_page(qtbot)
    model = page.columns["initial"].model
    model.setParent(None)
    qtmodeltester.check(model, force_py=True)


def test_settings_stage_probabilities(qtbot, db) -> None:
    section = StageProbabilitiesSection()
    qtbot.addWidget(section)
    section.refresh()
    assert section.spins["needs"].value() == 30
    section.spins["needs"].setValue(35)
    section.save_button.click()
    assert stage_probabilities()["needs"] == 35 and section.status_label.text() == "Saved."
    section.reset_button.click()
    assert stage_probabilities()["needs"] == 30 and section.spins["needs"].value() == 30

"""Undo for edits, not only deletes (issue 13 item 9): a client edit, a stage move on the Pipeline board
and a recorded payment are each named in the Edit menu and undone (and redone) from there."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from desktop_crm import clock
from desktop_crm.models import Client, Opportunity, Payment, User
from desktop_crm.services import clients, custom_fields
from desktop_crm.services.client_form import load_client_form
from desktop_crm.services.deals import close_opportunity, create_contract, create_opportunity
from desktop_crm.services.payments import contract_balance
from ui.main_window import MainWindow
from ui.pages.clients.editor import ClientEditorDialog
from ui.pages.clients.hub import ClientHubView
from ui.pages.deals import PaymentDialog
from ui.pages.pipeline import PipelinePage
from ui.undo import undo_stack


@pytest.fixture
def window(qtbot: QtBot, db: object, db_path: Path) -> Iterator[MainWindow]:
    main = MainWindow(db_path, "en")
    qtbot.addWidget(main)
    yield main
    undo_stack().clear()  # the stack outlives the window: no command may point at its actions


def edit_menu_texts(window: MainWindow) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    return [a.text().replace("&", "") for a in menu.actions() if isinstance(a, QAction) and a.text()]


def test_edit_a_client_then_edit_undo_restores_every_field(qtbot: QtBot, window: MainWindow) -> None:
    owner = User.create(name="王晓明", role="salesperson")
    other = User.create(name="Li Lei", role="salesperson")
    budget = custom_fields.define_custom_field("Budget", "number")
    client = clients.create_client(
        "Acme", phone="010-1234", grade="B", owner_id=owner.id, tag_names=["VIP"], notes="first"
    )
    custom_fields.set_custom_value(client.id, budget.id, 5)
    clients.add_milestone(client.id, "Pilot", clock.today() + timedelta(days=30))
    before = load_client_form(client.id)

    dialog = ClientEditorDialog(None, client.id)
    qtbot.addWidget(dialog)
    dialog.line_edits["name"].setText("Acme Ltd")
    dialog.line_edits["phone"].setText("021-9999")
    dialog.notes_edit.setPlainText("second")
    dialog.combos["grade"].setCurrentIndex(dialog.combos["grade"].findData("A"))
    dialog.owner_combo.setCurrentIndex(dialog.owner_combo.findData(other.id))
    dialog.accept()
    assert dialog.result() == 1
    edited = load_client_form(client.id)
    assert edited.fields["name"] == "Acme Ltd" and edited.fields["owner_id"] == other.id

    assert "Undo Edit client Acme Ltd" in edit_menu_texts(window)
    window.undo_action.trigger()
    again = load_client_form(client.id)
    assert again.fields == before.fields
    assert again.tag_names == ["VIP"] and again.custom_values == {"Budget": 5}
    assert [m.title for m in again.milestones] == ["Pilot"]
    assert "Redo Edit client Acme Ltd" in edit_menu_texts(window)
    window.redo_action.trigger()
    assert Client.get_by_id(client.id).name == "Acme Ltd"


def test_move_a_stage_then_undo_moves_it_back(qtbot: QtBot, window: MainWindow) -> None:
    acme = Client.create(name="Acme")
    opp = create_opportunity(acme.id, "ERP rollout", stage="initial", probability=15)
    page = PipelinePage()
    qtbot.addWidget(page)
    page.refresh()
    card = page.columns["initial"].model.card(0)
    page.move_to(card, "negotiation")
    assert Opportunity.get_by_id(opp.id).stage == "negotiation"
    assert "Undo Move ERP rollout to Negotiation" in edit_menu_texts(window)
    window.undo_action.trigger()
    moved_back = Opportunity.get_by_id(opp.id)
    assert (moved_back.stage, moved_back.probability) == ("initial", 15)
    page.refresh()
    assert page.columns["initial"].model.rowCount() == 1
    assert page.columns["negotiation"].model.rowCount() == 0
    window.redo_action.trigger()
    assert Opportunity.get_by_id(opp.id).stage == "negotiation"


def test_record_a_payment_then_undo_removes_it(qtbot: QtBot, window: MainWindow) -> None:
    acme = Client.create(name="上海华东精密机械")
    won = close_opportunity(create_opportunity(acme.id, "二期扩容", expected_amount_cents=2_000_000), True)
    contract = create_contract(acme.id, 2_000_000, clock.today() - timedelta(days=30), won.id)
    dialog = PaymentDialog(None, contract.id)
    qtbot.addWidget(dialog)
    dialog.amount_edit.set_cents(870_000)
    dialog.accept()
    assert contract_balance(contract.id).paid == 870_000

    assert "Undo Record payment 8,700.00" in edit_menu_texts(window)
    window.undo_action.trigger()
    assert Payment.select().count() == 0
    assert contract_balance(contract.id).paid == 0
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.show_client(acme.id)
    qtbot.waitUntil(lambda: hub.contracts.model.rowCount() == 1, timeout=5000)
    assert hub.contracts.model.row(0)[4] == 0  # collected: back to nothing

    window.redo_action.trigger()
    assert [p.amount_cents for p in Payment.select()] == [870_000]
    window.undo_action.trigger()
    assert Payment.select().count() == 0


def test_an_undo_that_fails_says_why_on_any_page(qtbot: QtBot, window: MainWindow, modal) -> None:  # noqa: ANN001
    acme = Client.create(name="Acme")
    opp = create_opportunity(acme.id, "ERP rollout", stage="initial", probability=15)
    window.show()
    page = window.page("pipeline")
    assert isinstance(page, PipelinePage)
    window.show_page(window.pages.index(page))
    page.refresh()
    page.move_to(page.columns["initial"].model.card(0), "negotiation")
    Opportunity.delete_by_id(opp.id)  # gone meanwhile (another window, the command line)
    window.undo_action.trigger()
    assert modal.titles == ["Cannot undo"]  # on the Pipeline page, not only on Clients
    assert "Undo Move ERP rollout to Negotiation" in edit_menu_texts(window)  # still there to retry


@pytest.mark.parametrize(
    ("lang", "country", "expected"),
    [
        ("en", "de", "Undo Record payment 8.700,00"),  # English words, German figures
        ("zh_CN", "zh", "撤销(U) 记录回款 8,700.00"),
    ],
)
def test_the_payment_undo_names_the_amount_in_the_users_language_and_locale(
    qtbot: QtBot, db: object, db_path: Path, lang: str, country: str, expected: str
) -> None:
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from ui import i18n

    if lang != "en":
        assert i18n.install_translators(QApplication.instance(), lang)  # type: ignore[arg-type]
    QLocale.setDefault(QLocale(country))
    main = MainWindow(db_path, lang)
    qtbot.addWidget(main)
    acme = Client.create(name="Acme")
    won = close_opportunity(create_opportunity(acme.id, "Line 2", expected_amount_cents=2_000_000), True)
    contract = create_contract(acme.id, 2_000_000, clock.today() - timedelta(days=30), won.id)
    dialog = PaymentDialog(None, contract.id)
    qtbot.addWidget(dialog)
    dialog.amount_edit.set_cents(870_000)
    dialog.accept()
    assert [p.amount_cents for p in Payment.select()] == [870_000]
    assert main.undo_action.text().replace("&", "") == expected
    undo_stack().clear()


@pytest.mark.parametrize(
    ("lang", "title", "said"),
    [
        ("en", "Cannot undo", "was changed by someone else after your change"),
        ("zh_CN", "无法撤销", "在您修改之后已被他人修改"),
    ],
)
def test_an_undo_after_a_colleague_s_save_is_refused_and_says_why(
    qtbot: QtBot,
    db: object,
    db_path: Path,
    modal,
    lang: str,
    title: str,
    said: str,  # noqa: ANN001
) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop_crm.db import open_database
    from desktop_crm.models import database
    from desktop_crm.services.client_form import ClientInput, edit_client
    from ui import i18n

    if lang != "en":
        assert i18n.install_translators(QApplication.instance(), lang)  # type: ignore[arg-type]
    main = MainWindow(db_path, lang)
    qtbot.addWidget(main)
    main.show()
    client = clients.create_client("Acme", phone="010-1234")
    dialog = ClientEditorDialog(None, client.id)
    qtbot.addWidget(dialog)
    dialog.line_edits["phone"].setText("021-9999")
    dialog.accept()
    assert dialog.result() == 1
    # a colleague (another connection to the same database) saves the client after this edit
    mine = database.obj
    open_database(db_path)
    try:
        theirs = load_client_form(client.id)
        edit_client(
            client.id, ClientInput(fields={**theirs.fields, "notes": "theirs"}, loaded_at=theirs.updated_at)
        )
    finally:
        database.obj.close()
        database.initialize(mine)
    undo_text = main.undo_action.text()
    main.undo_action.trigger()
    assert [t for t in modal.titles] == [title]
    assert said in modal.seen[0][2] and "Acme" not in modal.seen[0][2]  # names the record by its number
    stored = Client.get_by_id(client.id)
    assert (stored.phone, stored.notes) == ("021-9999", "theirs")  # nothing overwritten
    assert main.undo_action.text() == undo_text  # the step stays, to be tried again after a reload

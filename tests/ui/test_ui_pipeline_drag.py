"""Pipeline by drag and drop (issue 13 item 2): a card dragged from one stage column to another moves the
opportunity through the same service as "Move to", named in the Edit menu's Undo; the target column is
highlighted while a card is over it; the column it came from, text from elsewhere and a card of another
board are refused; a refused move shows the message and changes nothing; Ctrl+Shift+Right/Left steps a
card to the next/previous stage.

QDrag.exec runs a nested event loop, so the drop side is driven with real QDragEnterEvent / QDragMoveEvent /
QDropEvent sent to the target column's viewport, and the drag side by pressing and dragging on a card with
QDrag.exec replaced (it records the drag instead of running it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QDrag, QDragEnterEvent, QDragLeaveEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop_crm.models import Client
from desktop_crm.read.deals import opportunity
from desktop_crm.services.deals import close_opportunity, create_opportunity, delete_opportunity
from desktop_crm.services.stages import stage_probabilities
from ui import prompts
from ui.main_window import MainWindow
from ui.pages.deals import CloseOpportunityDialog
from ui.pages.pipeline import PipelinePage
from ui.pages.pipeline.board import MIME_TYPE, CardDrag, StageColumn, drag_mime, read_drag
from ui.undo import undo_stack

MOVE = Qt.DropAction.MoveAction
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(qtbot: QtBot, db: object, db_path: Path) -> Iterator[MainWindow]:
    main = MainWindow(db_path, "en")
    qtbot.addWidget(main)
    yield main
    undo_stack().clear()  # the stack outlives the window


@pytest.fixture
def page(qtbot: QtBot, window: MainWindow) -> PipelinePage:
    acme = Client.create(name="Acme")
    create_opportunity(acme.id, "ERP rollout", stage="initial", probability=15, expected_amount_cents=900_000)
    create_opportunity(acme.id, "Training", stage="initial", probability=10, expected_amount_cents=100_000)
    create_opportunity(acme.id, "Support", stage="negotiation", expected_amount_cents=300_000)
    board = PipelinePage()
    qtbot.addWidget(board)
    board.resize(1280, 720)
    board.show()
    board.refresh()
    return board


def edit_menu_texts(window: MainWindow) -> list[str]:
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    return [a.text().replace("&", "") for a in menu.actions() if isinstance(a, QAction) and a.text()]


def names(column: StageColumn) -> list[str]:
    return [column.model.card(row).name for row in range(column.model.rowCount())]


def card_id(page: PipelinePage, name: str) -> int:
    for column in page.columns.values():
        for row in range(column.model.rowCount()):
            if column.model.card(row).name == name:
                return column.model.card(row).id
    raise AssertionError(name)


def our_mime(page: PipelinePage, stage: str, *names_: str) -> QMimeData:
    return drag_mime(CardDrag(page.drag_token, stage, tuple(card_id(page, n) for n in names_)))


def send(target: StageColumn | QWidget, kind: str, mime: QMimeData | None = None) -> Any:
    """Send one real drag event to a column's card list (its viewport) or to another widget, as Qt does
    during a drag. As in a real drag, Qt delivers a move, leave or drop only to the widget that accepted
    the enter (none when it was refused); the caller holds ``mime`` (the event does not keep it alive)."""
    widget = target.view.viewport() if isinstance(target, StageColumn) else target
    centre = widget.rect().center()
    event: Any
    if kind == "enter":
        event = QDragEnterEvent(centre, MOVE, mime, LEFT, NONE)
    elif kind == "move":
        event = QDragMoveEvent(centre, MOVE, mime, LEFT, NONE)
    elif kind == "leave":
        event = QDragLeaveEvent()
    else:
        event = QDropEvent(QPointF(centre), MOVE, mime, LEFT, NONE)
    QApplication.sendEvent(widget, event)
    return event


def drop(target: StageColumn | QWidget, mime: QMimeData) -> tuple[bool, bool, bool]:
    """Enter, move and drop; whether each was accepted."""
    enter = send(target, "enter", mime)
    move = send(target, "move", mime) if enter.isAccepted() else enter
    done = send(target, "drop", mime)
    return enter.isAccepted(), move.isAccepted(), done.isAccepted()


def test_pressing_and_dragging_a_card_starts_a_drag_with_its_id(
    qtbot: QtBot, page: PipelinePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[tuple[QMimeData, bool]] = []

    def fake_exec(drag: QDrag, *_args: object) -> Qt.DropAction:
        started.append((drag.mimeData(), not drag.pixmap().isNull()))
        return Qt.DropAction.IgnoreAction  # as Esc does: nothing moves

    monkeypatch.setattr(QDrag, "exec", fake_exec)
    column = page.columns["initial"]
    view = column.view
    rect = view.visualRect(column.model.index(names(column).index("Training")))
    qtbot.mousePress(view.viewport(), LEFT, NONE, rect.center())
    distance = QApplication.startDragDistance() + 10
    for step in (2, distance // 2, distance):
        qtbot.mouseMove(view.viewport(), rect.center() + QPoint(step, step))
    qtbot.mouseRelease(view.viewport(), LEFT, NONE, rect.center() + QPoint(distance, distance))

    assert len(started) == 1
    mime, has_pixmap = started[0]
    assert mime.formats() == [MIME_TYPE]  # nothing a text field elsewhere would take
    assert read_drag(mime) == CardDrag(page.drag_token, "initial", (card_id(page, "Training"),))
    assert has_pixmap
    assert opportunity(card_id(page, "Training")).stage == "initial"  # a cancelled drag moves nothing


def test_drop_on_another_column_moves_it_and_edit_undo_moves_it_back(
    qtbot: QtBot, page: PipelinePage, window: MainWindow
) -> None:
    erp = card_id(page, "ERP rollout")
    target = page.columns["proposal"]
    mime = our_mime(page, "initial", "ERP rollout")
    enter = send(target, "enter", mime)
    assert enter.isAccepted() and enter.dropAction() == MOVE
    assert target.drop_target and not page.columns["needs"].drop_target  # highlighted while over it
    assert send(target, "move", mime).isAccepted()
    assert send(target, "drop", mime).isAccepted()
    assert not target.drop_target

    qtbot.waitUntil(lambda: opportunity(erp).stage == "proposal", timeout=3000)
    assert opportunity(erp).probability == stage_probabilities()["proposal"]
    qtbot.waitUntil(lambda: names(target) == ["ERP rollout"], timeout=3000)
    assert names(page.columns["initial"]) == ["Training"]
    assert target.selected_card() is not None and target.selected_card().id == erp  # type: ignore[union-attr]
    assert "Undo Move ERP rollout to Proposal" in edit_menu_texts(window)

    window.undo_action.trigger()
    assert (opportunity(erp).stage, opportunity(erp).probability) == ("initial", 15)
    qtbot.waitUntil(lambda: names(page.columns["initial"]) == ["ERP rollout", "Training"], timeout=3000)
    assert "Redo Move ERP rollout to Proposal" in edit_menu_texts(window)
    window.redo_action.trigger()
    assert opportunity(erp).stage == "proposal"


def test_a_drop_on_the_column_it_came_from_does_nothing(qtbot: QtBot, page: PipelinePage) -> None:
    erp = card_id(page, "ERP rollout")
    source = page.columns["initial"]
    assert drop(source, our_mime(page, "initial", "ERP rollout")) == (False, False, False)
    assert not source.drop_target  # no highlight: the forbidden cursor
    mime = our_mime(page, "initial", "ERP rollout")
    assert send(page.columns["needs"], "enter", mime).isAccepted()  # elsewhere it is taken
    send(page.columns["needs"], "leave")
    QApplication.processEvents()
    assert opportunity(erp).stage == "initial"
    assert undo_stack().count() == 0


def test_foreign_data_is_refused(qtbot: QtBot, page: PipelinePage) -> None:
    erp = card_id(page, "ERP rollout")
    target = page.columns["needs"]
    text = QMimeData()
    text.setText(str(erp))
    other_window = drag_mime(CardDrag("another-board", "initial", (erp,)))
    broken = QMimeData()
    broken.setData(MIME_TYPE, QByteArray(b'{"board": "x", "ids": "1"'))
    not_ids = drag_mime(CardDrag(page.drag_token, "initial", (erp,)))
    not_ids.setData(
        MIME_TYPE,
        QByteArray(f'{{"board": "{page.drag_token}", "stage": "initial", "ids": ["{erp}"]}}'.encode()),
    )
    for mime in (text, other_window, broken, not_ids):
        assert drop(target, mime) == (False, False, False)
        assert not target.drop_target
        direct = QDropEvent(QPointF(5, 5), MOVE, mime, LEFT, NONE)  # even handed to it directly
        direct.accept()
        target.dropEvent(direct)
        assert not direct.isAccepted()
    QApplication.processEvents()
    assert opportunity(erp).stage == "initial" and names(target) == []
    assert drop(target, our_mime(page, "initial", "ERP rollout"))[2]  # the board's own drag is taken
    qtbot.waitUntil(lambda: opportunity(erp).stage == "needs", timeout=3000)


def test_drag_leave_removes_the_highlight(qtbot: QtBot, page: PipelinePage) -> None:
    target = page.columns["negotiation"]
    assert send(target, "enter", our_mime(page, "initial", "Training")).isAccepted()
    assert target.drop_target
    assert "dashed" in target.styleSheet()
    send(target, "leave")  # the pointer left, or Esc cancelled the drag
    assert not target.drop_target and "dashed" not in target.styleSheet()


@pytest.mark.parametrize("meanwhile", ["deleted", "closed"])
def test_a_refused_move_shows_the_message_and_changes_nothing(
    qtbot: QtBot, page: PipelinePage, window: MainWindow, modal: Any, meanwhile: str
) -> None:
    erp = card_id(page, "ERP rollout")
    mime = our_mime(page, "initial", "ERP rollout")
    if meanwhile == "deleted":
        delete_opportunity(erp)
        expected = "has been deleted"
    else:
        close_opportunity(erp, True)
        expected = "this opportunity is closed"
    assert drop(page.columns["proposal"], mime) == (True, True, True)
    qtbot.waitUntil(lambda: bool(modal.seen), timeout=3000)
    cls, title, message = modal.seen[0]
    assert (cls, title) == ("QMessageBox", "Cannot move the opportunity")
    assert expected in message.lower()
    assert undo_stack().count() == 0 and not any(t.startswith("Undo Move") for t in edit_menu_texts(window))
    if meanwhile == "closed":
        assert opportunity(erp).stage == "won"
    qtbot.waitUntil(lambda: names(page.columns["initial"]) == ["Training"], timeout=3000)
    assert names(page.columns["proposal"]) == []


def test_ctrl_shift_arrows_step_the_selected_card(
    qtbot: QtBot, page: PipelinePage, window: MainWindow
) -> None:
    training = card_id(page, "Training")
    column = page.columns["initial"]
    column.view.setCurrentIndex(column.model.index(names(column).index("Training")))
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(column.view, Qt.Key.Key_Right)  # a plain arrow only moves the selection
    qtbot.keyClick(column.view, Qt.Key.Key_Left, ctrl_shift)  # before the first stage: nothing
    assert opportunity(training).stage == "initial"
    qtbot.keyClick(column.view, Qt.Key.Key_Right, ctrl_shift)
    assert opportunity(training).stage == "needs"
    needs = page.columns["needs"]
    qtbot.waitUntil(lambda: names(needs) == ["Training"], timeout=3000)
    assert needs.selected_card() is not None and needs.selected_card().id == training  # type: ignore[union-attr]
    assert "Undo Move Training to Needs analysis" in edit_menu_texts(window)
    qtbot.keyClick(needs.view, Qt.Key.Key_Right, ctrl_shift)
    assert opportunity(training).stage == "proposal"
    window.undo_action.trigger()
    assert opportunity(training).stage == "needs"


def test_several_selected_cards_move_together_in_one_undo_step(
    qtbot: QtBot, page: PipelinePage, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    erp, training = card_id(page, "ERP rollout"), card_id(page, "Training")
    column = page.columns["initial"]
    view = column.view
    for name, modifier in (("ERP rollout", NONE), ("Training", Qt.KeyboardModifier.ControlModifier)):
        rect = view.visualRect(column.model.index(names(column).index(name)))
        qtbot.mouseClick(view.viewport(), LEFT, modifier, rect.center())
    started: list[QMimeData] = []
    monkeypatch.setattr(QDrag, "exec", lambda drag, *_a: started.append(drag.mimeData()) or MOVE)
    view.startDrag(MOVE)
    assert read_drag(started[0]) == CardDrag(page.drag_token, "initial", (erp, training))
    assert not column.drag_pixmap().isNull()

    assert drop(page.columns["proposal"], started[0]) == (True, True, True)
    qtbot.waitUntil(lambda: names(page.columns["proposal"]) == ["ERP rollout", "Training"], timeout=3000)
    assert opportunity(erp).stage == opportunity(training).stage == "proposal"
    assert len(page.columns["proposal"].view.selectionModel().selectedIndexes()) == 2
    assert "Undo Move 2 opportunities to Proposal" in edit_menu_texts(window)
    assert undo_stack().count() == 1
    window.undo_action.trigger()
    assert (opportunity(erp).stage, opportunity(erp).probability) == ("initial", 15)
    assert (opportunity(training).stage, opportunity(training).probability) == ("initial", 10)
    window.redo_action.trigger()
    assert opportunity(erp).stage == opportunity(training).stage == "proposal"


def test_several_cards_move_all_or_none(qtbot: QtBot, page: PipelinePage, modal: Any) -> None:
    erp, training = card_id(page, "ERP rollout"), card_id(page, "Training")
    mime = our_mime(page, "initial", "ERP rollout", "Training")
    delete_opportunity(training)  # deleted meanwhile (another window)
    assert drop(page.columns["needs"], mime)[2]
    qtbot.waitUntil(lambda: bool(modal.seen), timeout=3000)
    assert "has been deleted" in modal.seen[0][2]
    assert opportunity(erp).stage == "initial"  # not half-moved
    assert undo_stack().count() == 0


def test_the_keyboard_alternative_stays_right_click_move_to(
    qtbot: QtBot, page: PipelinePage, window: MainWindow
) -> None:
    erp = card_id(page, "ERP rollout")
    column = page.columns["initial"]
    menu = page.card_menu(column.model.card(names(column).index("ERP rollout")))
    move_menu = next(a.menu() for a in menu.actions() if a.text() == "Move to")
    targets = {a.text(): a for a in move_menu.actions()}
    assert not targets["Initial contact"].isEnabled()
    targets["Proposal"].trigger()
    assert opportunity(erp).stage == "proposal"
    qtbot.waitUntil(lambda: names(page.columns["proposal"]) == ["ERP rollout"], timeout=3000)
    assert "Undo Move ERP rollout to Proposal" in edit_menu_texts(window)


def test_a_card_dropped_on_won_asks_to_close_it(
    qtbot: QtBot, page: PipelinePage, monkeypatch: pytest.MonkeyPatch
) -> None:
    erp = card_id(page, "ERP rollout")
    asked: list[bool] = []

    def win(dialog: QDialog) -> int:
        assert isinstance(dialog, CloseOpportunityDialog)
        asked.append(dialog.won_radio.isChecked())
        dialog.reason_edit.setPlainText("Best offer")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(prompts, "run_modal", win)
    won_card = page.won_card
    mime = our_mime(page, "initial", "ERP rollout")  # held here: an event does not keep its data alive
    assert send(won_card, "enter", mime).isAccepted()
    assert won_card.drop_target and "dashed" in won_card.styleSheet()
    send(won_card, "leave")
    assert not won_card.drop_target and won_card.styleSheet() == ""
    several = our_mime(page, "initial", "ERP rollout", "Training")  # each close has its own reason
    other_board = drag_mime(CardDrag("x", "initial", (erp,)))
    for refused in (several, other_board):
        assert drop(won_card, refused) == (False, False, False)
    QApplication.processEvents()
    assert asked == [] and opportunity(erp).stage == "initial"

    assert drop(won_card, mime) == (True, True, True)
    qtbot.waitUntil(lambda: opportunity(erp).stage == "won", timeout=3000)
    assert asked == [True] and opportunity(erp).close_reason == "Best offer"
    qtbot.waitUntil(lambda: names(page.columns["initial"]) == ["Training"], timeout=3000)
    assert won_card.caption_label.text() == "Won (1)"


def test_a_card_dropped_on_lost_opens_the_dialog_as_lost(
    qtbot: QtBot, page: PipelinePage, modal: Any
) -> None:
    mime = our_mime(page, "negotiation", "Support")
    assert drop(page.lost_card, mime) == (True, True, True)
    qtbot.waitUntil(lambda: bool(modal.seen), timeout=3000)
    assert modal.seen[0][:2] == ("CloseOpportunityDialog", "Close opportunity")
    assert opportunity(card_id(page, "Support")).stage == "negotiation"  # cancelled: nothing changes

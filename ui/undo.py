"""The application's one undo stack and the undoable commands: clients moved to the trash, restored
and bulk-edited, a client's edit, an opportunity's stage move and a payment recorded (until the next
restart: the stack lives in memory).

An edit's command keeps the version (``updated_at``) each of its steps left the record at, and passes it
to the next step: when someone else (another window, a colleague on the team database) has saved the
record since, the service refuses the undo or redo (``record.changed_after_yours``) instead of silently
overwriting their change, and the failure is shown like any other.

Each step of a command (do, undo, redo) is ONE service call, which is its own transaction: the
interface opens none. A command is applied once by the caller through :meth:`ClientCommand.apply` (a
service error is raised there, before anything lands on the stack), or was already done by the dialog's
own service call and is pushed with :func:`push_done`; later undo/redo steps call the services again and
report failures and changes through :data:`notifier`. The Edit menu's Undo/Redo go through
:func:`undo_step` / :func:`redo_step`, which move the stack only when the file changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from desktop_crm.errors import CrmError

from .errors import error_text

if TYPE_CHECKING:  # the services are imported when a command runs, not with the window (start-up)
    from desktop_crm.services import client_batches
    from desktop_crm.services.client_form import ClientEdit
    from desktop_crm.services.deal_forms import StageMove

_stack: QUndoStack | None = None
_notifier: UndoNotifier | None = None


class UndoNotifier(QObject):
    """Tells the pages that undo/redo changed clients, or failed."""

    sig_clients_changed = Signal()
    sig_failed = Signal(str)


def undo_stack() -> QUndoStack:
    """The application's undo stack (created on first use, owned by the application)."""
    global _stack
    if _stack is None or not shiboken6.isValid(_stack):
        _stack = QUndoStack(QCoreApplication.instance())
        _stack.setUndoLimit(100)
    return _stack


def notifier() -> UndoNotifier:
    global _notifier
    if _notifier is None or not shiboken6.isValid(_notifier):
        _notifier = UndoNotifier(QCoreApplication.instance())
    return _notifier


class ClientCommand(QUndoCommand):
    """Base: ``_do`` and ``_undo`` each make one service call (a transaction of its own).

    The stack stays in step with the file: a step whose transaction fails changed nothing in the file,
    so it must not move the stack either. :func:`undo_step` / :func:`redo_step` (the Edit menu) run the
    step first and move the stack only when it succeeded; a failure is reported and the command stays
    where it was, ready to be tried again. (A direct ``QUndoStack.undo()`` whose step fails drops the
    command instead: the file keeps its effect and the stack no longer claims it can be undone.)
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._done_already = False  # the next redo()/undo() call finds its work done

    def _do(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError

    def apply(self) -> None:
        """Run the command now; raises the service's CrmError (then do not push it)."""
        self._do()
        self._done_already = True  # pushed right after apply(): the first redo() has nothing to do

    def run_step(self, step: Any) -> bool:
        """Run ``step`` (one service call); report a failure (False) instead of raising."""
        try:
            step()
        except CrmError as exc:
            notifier().sig_failed.emit(error_text(exc))
            return False
        finally:
            notifier().sig_clients_changed.emit()
        return True

    def redo(self) -> None:
        if self._done_already:
            self._done_already = False
            return
        if not self.run_step(self._do):
            self.setObsolete(True)

    def undo(self) -> None:
        if self._done_already:
            self._done_already = False
            return
        if not self.run_step(self._undo):
            self.setObsolete(True)


def push_done(command: ClientCommand) -> None:
    """Push a command whose work the caller has just done through the service itself."""
    command._done_already = True
    undo_stack().push(command)


def undo_step() -> bool:
    """Undo the last command: its work first, then the stack's index, only if the work succeeded."""
    stack = undo_stack()
    if not stack.canUndo():
        return False
    command = stack.command(stack.index() - 1)
    if isinstance(command, ClientCommand):
        if not command.run_step(command._undo):
            return False
        command._done_already = True
    stack.undo()
    return True


def redo_step() -> bool:
    """Redo the next command: its work first, then the stack's index, only if the work succeeded."""
    stack = undo_stack()
    if not stack.canRedo():
        return False
    command = stack.command(stack.index())
    if isinstance(command, ClientCommand):
        if not command.run_step(command._do):
            return False
        command._done_already = True
    stack.redo()
    return True


def bind_actions(undo_action: QAction, redo_action: QAction) -> None:
    """Make the stack's own Undo/Redo actions go through :func:`undo_step` / :func:`redo_step`."""
    undo_action.triggered.disconnect()
    redo_action.triggered.disconnect()
    undo_action.triggered.connect(lambda _checked=False: undo_step())
    redo_action.triggered.connect(lambda _checked=False: redo_step())


class DeleteClientsCommand(ClientCommand):
    """Soft-delete clients; undo restores them."""

    def __init__(self, client_ids: Iterable[int], text: str) -> None:
        super().__init__(text)
        self.client_ids = list(client_ids)

    def _do(self) -> None:
        from desktop_crm.services import client_batches

        client_batches.delete_clients(self.client_ids)

    def _undo(self) -> None:
        from desktop_crm.services import client_batches

        client_batches.restore_clients(self.client_ids)


class RestoreClientsCommand(DeleteClientsCommand):
    """Restore clients from the trash; undo deletes them again."""

    def _do(self) -> None:
        super()._undo()

    def _undo(self) -> None:
        super()._do()


@dataclass(frozen=True)
class BulkChange:
    """What a bulk edit sets: ``owner_id`` None means "no owner"; ``change_owner`` False keeps owners."""

    change_owner: bool = False
    owner_id: int | None = None
    grade: str | None = None
    add_tag: str | None = None

    @property
    def is_empty(self) -> bool:
        return not self.change_owner and self.grade is None and not self.add_tag


class BulkEditCommand(ClientCommand):
    """Set owner and/or grade and/or add a category on many clients; undo puts the old values back."""

    def __init__(self, client_ids: Iterable[int], change: BulkChange, text: str) -> None:
        super().__init__(text)
        self.client_ids = list(client_ids)
        self.change = change
        self._before: dict[int, client_batches.ClientValues] = {}
        self._undone_at: dict[int, Any] | None = None  # each client's version after the undo (redo checks)

    def _do(self) -> None:
        from desktop_crm.services import client_batches

        change = self.change
        self._before = client_batches.bulk_edit_clients(
            self.client_ids,
            change_owner=change.change_owner,
            owner_id=change.owner_id,
            grade=change.grade,
            add_tag=change.add_tag,
            left_at=self._undone_at,
        )

    def _undo(self) -> None:
        from desktop_crm.services import client_batches

        self._undone_at = client_batches.restore_bulk_edit(
            self._before, owner=self.change.change_owner, tags=bool(self.change.add_tag), check=True
        )


class EditClientCommand(ClientCommand):
    """A client's edit in the editor (done by ``edit_client``, pushed with :func:`push_done`); undo puts
    every field back as it was, redo as it was after the edit."""

    def __init__(self, edit: ClientEdit, text: str) -> None:
        super().__init__(text)
        self.edit = edit
        self.version = edit.after.updated_at  # the client as this edit left it

    def _do(self) -> None:
        from desktop_crm.services.client_form import restore_client_fields

        self.version = restore_client_fields(self.edit.client_id, self.edit.after, left_at=self.version)

    def _undo(self) -> None:
        from desktop_crm.services.client_form import restore_client_fields

        self.version = restore_client_fields(self.edit.client_id, self.edit.before, left_at=self.version)


class MoveStageCommand(ClientCommand):
    """An opportunity's stage move; undo moves it back (with the probability it had)."""

    def __init__(self, move: StageMove, text: str) -> None:
        super().__init__(text)
        self.move = move
        self.version = move.version  # the opportunity as this move left it

    def _do(self) -> None:
        from desktop_crm.services.deal_forms import move_opportunity_stage

        move = self.move
        done = move_opportunity_stage(
            move.opportunity_id, move.to_stage, move.to_probability, left_at=self.version
        )
        self.version = done.version

    def _undo(self) -> None:
        from desktop_crm.services.deal_forms import move_opportunity_stage

        move = self.move
        done = move_opportunity_stage(
            move.opportunity_id, move.from_stage, move.from_probability, left_at=self.version
        )
        self.version = done.version


class MoveStagesCommand(ClientCommand):
    """Several opportunities moved together (cards dropped on a Pipeline column): one step, one
    transaction each way; undo puts each back with the probability it had."""

    def __init__(self, moves: Iterable[StageMove], text: str) -> None:
        super().__init__(text)
        self.moves = list(moves)
        self.versions = {move.opportunity_id: move.version for move in self.moves}  # as the moves left them

    def _do(self) -> None:
        from desktop_crm.services.deal_forms import apply_stage_moves

        done = apply_stage_moves(self.moves, left_at=self.versions)
        self.versions = {move.opportunity_id: move.version for move in done}

    def _undo(self) -> None:
        from desktop_crm.services.deal_forms import apply_stage_moves

        done = apply_stage_moves([move.reversed() for move in self.moves], left_at=self.versions)
        self.versions = {move.opportunity_id: move.version for move in done}


@dataclass(frozen=True)
class RecordedPayment:
    """A payment as the dialog recorded it (an overpayment was confirmed there)."""

    payment_id: int
    contract_id: int
    amount_cents: int
    paid_on: date
    instalment_id: int | None
    method: str
    note: str
    version: Any = None  # the payment's updated_at as recorded (the undo deletes it only unchanged)


class RecordPaymentCommand(ClientCommand):
    """A payment recorded; undo deletes it (the contract's collected figure goes back), redo records it
    again."""

    def __init__(self, payment: RecordedPayment, text: str) -> None:
        super().__init__(text)
        self.payment = payment
        self.payment_id = payment.payment_id
        self.version = payment.version

    def _do(self) -> None:
        from desktop_crm.services.payments import record_payment

        p = self.payment
        again = record_payment(
            p.contract_id,
            p.amount_cents,
            p.paid_on,
            instalment_id=p.instalment_id,
            method=p.method,
            note=p.note,
            allow_overpay=True,
        )
        self.payment_id = int(again.id)
        self.version = again.updated_at

    def _undo(self) -> None:
        from desktop_crm.services.payments import delete_payment

        delete_payment(self.payment_id, left_at=self.version)

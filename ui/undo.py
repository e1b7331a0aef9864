"""The application's one undo stack and the undoable client commands.

A command is applied once by the caller through :meth:`ClientCommand.apply` (a service error is
raised there, before anything lands on the stack), then pushed; later undo/redo steps run the
services again and report failures and changes through :data:`notifier`. The Edit menu's Undo/Redo
go through :func:`undo_step` / :func:`redo_step`, which move the stack only when the file changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from desktop_crm.errors import CrmError
from desktop_crm.services import clients as client_service
from desktop_crm.write_guard import run_in_write_transaction

from .errors import error_text

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
    """Base: ``_do`` and ``_undo`` each run in one write transaction (``write_guard``).

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
        run_in_write_transaction(self._do)
        self._done_already = True  # pushed right after apply(): the first redo() has nothing to do

    def run_step(self, step: Any) -> bool:
        """Run ``step`` in one write transaction; report a failure (False) instead of raising."""
        try:
            run_in_write_transaction(step)
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
        for client_id in self.client_ids:
            client_service.delete_client(client_id)

    def _undo(self) -> None:
        for client_id in self.client_ids:
            client_service.restore_client(client_id)


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
        self._before: dict[int, tuple[int | None, str, list[str]]] = {}

    def _do(self) -> None:
        self._before = {}
        for client_id in self.client_ids:
            client = client_service.get_client(client_id)
            tags = [t.name for t in client_service.get_client_tags(client_id)]
            self._before[client_id] = (client.owner_id, client.grade, tags)  # type: ignore[attr-defined]
        kwargs: dict[str, Any] = {"grade": self.change.grade, "add_tag": self.change.add_tag or None}
        if self.change.change_owner:
            kwargs["owner_id"] = self.change.owner_id
        client_service.bulk_update_clients(self.client_ids, **kwargs)

    def _undo(self) -> None:
        for client_id, (owner_id, grade, tags) in self._before.items():
            changes: dict[str, Any] = {"grade": grade}
            if self.change.change_owner:
                changes["owner_id"] = owner_id
            if self.change.add_tag:
                changes["tag_names"] = tags
            client_service.update_client(client_id, **changes)

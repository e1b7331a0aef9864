"""Actions every view shares. ``log_follow_up`` opens the follow-up dialog from anywhere (client hub,
contacts, opportunities, the Today page, the global shortcut) and returns the new follow-up's id."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QDialog, QWidget

from . import prompts

LOG_FOLLOW_UP_SHORTCUT = "Ctrl+L"


def log_follow_up(
    parent: QWidget | None,
    client_id: int | None = None,
    contact_ids: Iterable[int] = (),
    opportunity_id: int | None = None,
    completes_step_id: int | None = None,
) -> int | None:
    """Log a follow-up (and its next step); with ``completes_step_id`` it completes that step.

    Returns the new follow-up's id, or None when the user cancelled.
    """
    from .pages.followups.dialog import FollowUpDialog

    dialog = FollowUpDialog(
        parent,
        client_id=client_id,
        contact_ids=tuple(contact_ids),
        opportunity_id=opportunity_id,
        completes_step_id=completes_step_id,
    )
    if prompts.run_modal(dialog) != QDialog.DialogCode.Accepted.value:
        return None
    return dialog.follow_up_id

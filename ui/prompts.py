"""Every modal dialog of the application runs through :func:`run_modal`.

Tests replace ``run_modal`` (see ``tests/ui/conftest.py``) so that no test ever blocks on a real
modal ``exec()``. The helpers below build the dialog, hand it to ``run_modal`` and read the answer.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget


def run_modal(dialog: QDialog) -> int:
    """Run ``dialog`` modally and return its result code (the one seam tests patch)."""
    from .a11y import prepare
    from .app_filters import install_application_filters

    install_application_filters()  # a dialog before the window's first paint: the filters now
    prepare(dialog)  # accessible names, Tab in reading order
    return int(dialog.exec())


def ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return run_modal(box) == QMessageBox.StandardButton.Yes.value


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    run_modal(box)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    run_modal(box)


def ask_database_path(parent: QWidget | None, title: str, directory: str, *, new: bool) -> str | None:
    """Ask for a database file to create (``new``) or open; ``None`` when cancelled."""
    dialog = QFileDialog(
        parent,
        title,
        directory,
        QCoreApplication.translate("Prompts", "CRM database (*.sqlite3 *.db);;All files (*)"),
    )
    if new:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("sqlite3")
    else:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if run_modal(dialog) != QDialog.DialogCode.Accepted.value:
        return None
    files = dialog.selectedFiles()
    return files[0] if files else None


def ask_choice(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: list[tuple[QMessageBox.StandardButton, str]],
    default: QMessageBox.StandardButton | None = None,
) -> QMessageBox.StandardButton | None:
    """Ask a question with a few labelled answers; returns the one chosen (None when dismissed).

    Each answer is a standard button given its own text, so the result code stays a plain
    ``StandardButton`` value that tests can queue (e.g. ``QMessageBox.StandardButton.Open.value``).
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    flags = QMessageBox.StandardButton.NoButton
    for button, _label in buttons:
        flags |= button
    box.setStandardButtons(flags)
    for button, label in buttons:
        box.button(button).setText(label)
    if default is not None:
        box.setDefaultButton(default)
    answer = run_modal(box)
    return next((button for button, _label in buttons if button.value == answer), None)


def ask_save_path(parent: QWidget | None, title: str, suggested: str, file_filter: str) -> str | None:
    """Ask where to save a file (e.g. an exported PDF); ``None`` when cancelled."""
    dialog = QFileDialog(parent, title, suggested, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    suffix = file_filter.rpartition("*.")[2].rstrip(")").strip()
    if suffix:
        dialog.setDefaultSuffix(suffix)
    if run_modal(dialog) != QDialog.DialogCode.Accepted.value:
        return None
    files = dialog.selectedFiles()
    return files[0] if files else None


def ask_open_path(parent: QWidget | None, title: str, directory: str, file_filter: str) -> str | None:
    """Ask for an existing file to read (e.g. a backup to restore); ``None`` when cancelled."""
    dialog = QFileDialog(parent, title, directory, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    if run_modal(dialog) != QDialog.DialogCode.Accepted.value:
        return None
    files = dialog.selectedFiles()
    return files[0] if files else None

"""Offline sync in the window (issue 16): File → Sync now (Ctrl+Shift+Y), Sync folder…, Export changes…,
Import changes…, Sync conflicts…, and the shared folder watched while the window is open.

Every call of the core (``desktop_crm.sync``) runs on the database worker (``ui.tasks``): while it runs the
status bar says so (a busy bar and a message) and the sync entries wait; the outcome comes back by signal.
After an import the pages refresh by themselves (the core's change notifications).

On a team database the entries stay in the menu, disabled, their tooltip saying that sync is for a database
file: the team database is the hub the files sync with, not a file that syncs.

Watching (``start_watching``, switched on by the application, left off in tests and headless runs): once a
folder is remembered, a ``QFileSystemWatcher`` follows it; 3 seconds after the last change, on the worker, the
other computers' change files are compared with what they were at the last look. Our own write changes
nothing there. A changed file is imported; only when it brought something (a record applied or a conflict)
does a full sync follow, which writes this computer's file. Two watching computers would otherwise answer
each other's rewrites for ever: each sync rewrites its own file, even with nothing new in it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QLocale, QObject, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressBar, QWidget

from desktop_crm import clock
from desktop_crm.errors import CrmError
from desktop_crm.sync.exchange import SUFFIX, ImportSummary, export_changes, file_connection, import_changes
from desktop_crm.sync.folder import FILE_PROBLEMS, FolderSync, remembered_folder, sync_folder
from desktop_crm.sync.log import replica_id

from . import prompts
from .sync_dialogs import ConflictsDialog, SyncResult, result_box, show_error, show_result, widen
from .sync_text import conflict_count
from .tasks import Job, default_worker, deliver
from .team_database import is_team

if TYPE_CHECKING:
    from .main_window import MainWindow

SYNC_SHORTCUT = "Ctrl+Shift+Y"
WATCH_DELAY_MS = 3000  # after the folder's last change
Snapshot = dict[str, tuple[int, int]]  # file name -> (modified ns, size)


@dataclass
class Outcome:
    """What a job in the folder brings back: the result (None: nothing to do, or no folder chosen yet), the
    other computers' files as they were after it, and this computer's file name."""

    folder: str | None
    result: SyncResult | None
    others: Snapshot = field(default_factory=dict)
    own: str | None = None


def _snapshot(folder: str, own: str | None) -> Snapshot:
    found: Snapshot = {}
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        if entry.name.endswith(SUFFIX) and entry.name != own:
            try:
                stat = entry.stat()
            except OSError:
                continue
            found[entry.name] = (stat.st_mtime_ns, stat.st_size)
    return found


def _own_file() -> str:
    return f"{replica_id(file_connection())}{SUFFIX}"


def _after(result: FolderSync) -> Outcome:
    """(worker) This computer's file is named even when the sync left it as it was (nothing to send)."""
    own = Path(result.exported.path).name if result.exported is not None else _own_file()
    return Outcome(result.folder, result, _snapshot(result.folder, own), own)


def sync_job(folder: str | None) -> Outcome:
    """Sync now (worker): with ``folder``, or the remembered one; no result when none is remembered."""
    chosen = folder or remembered_folder()
    if chosen is None:
        return Outcome(None, None)
    return _after(sync_folder(chosen))


def watch_job(folder: str | None, known: Snapshot | None, own: str | None) -> Outcome:
    """A look at the folder (worker): import the other computers' changed files; a full sync when they
    brought something."""
    chosen = folder or remembered_folder()
    if chosen is None:
        return Outcome(None, None)
    own = own or _own_file()
    now = _snapshot(chosen, own)
    changed = [name for name, stat in sorted(now.items()) if (known or {}).get(name) != stat]
    if not changed:
        return Outcome(chosen, None, now, own)
    imported: list[ImportSummary] = []
    problems: list[tuple[str, CrmError]] = []
    for name in changed:
        try:
            imported.append(import_changes(Path(chosen) / name))
        except FileNotFoundError:  # being replaced right now: the next look sees it
            continue
        except CrmError as exc:
            if exc.code not in FILE_PROBLEMS:
                raise
            problems.append((name, exc))
    if any(s.applied or s.conflicts for s in imported):
        synced = sync_folder(chosen)
        synced.imported[:0] = imported
        synced.problems[:0] = problems
        return _after(synced)
    return Outcome(
        chosen, FolderSync(chosen, imported=imported, problems=problems), _snapshot(chosen, own), own
    )


def ask_folder(parent: QWidget | None, title: str, directory: str) -> str | None:
    """Ask for a folder; ``None`` when cancelled.

    Where Qt draws the dialog itself (no native one: Linux without a desktop's file dialog), its labels are
    given in the interface language (Qt's Chinese lacks "Look in:"), the file type row that only says
    "Directories" is hidden, and its list of places is kept out of the window's dark sidebar style (both are
    named "sidebar")."""
    dialog = QFileDialog(parent, title, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    dialog.setLabelText(
        QFileDialog.DialogLabel.LookIn, QCoreApplication.translate("SyncFolderDialog", "Look in:")
    )
    dialog.setLabelText(
        QFileDialog.DialogLabel.FileName, QCoreApplication.translate("SyncFolderDialog", "Folder:")
    )
    for name in ("fileTypeCombo", "fileTypeLabel"):
        widget = dialog.findChild(QWidget, name)
        if widget is not None:
            widget.hide()
    places = dialog.findChild(QWidget, "sidebar")
    if places is not None:
        places.setObjectName("fileDialogPlaces")
        places.style().unpolish(places)  # the style sheet's rules matched again, under the new name
        places.style().polish(places)
    dialog.resize(760, 460)
    if prompts.run_modal(dialog) != QDialog.DialogCode.Accepted.value:
        return None
    files = dialog.selectedFiles()
    return files[0] if files else None


class SyncController(QObject):
    """The window's sync entries and folder watch. ``sig_synced(result)`` after each sync, import or export
    that did something (a ``FolderSync``, ``ImportSummary`` or ``ExportSummary``)."""

    sig_synced = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.folder: str | None = None  # the remembered folder, once known
        self.job: Job | None = None  # the sync, import or export running
        self.watching = False
        self.last_result: SyncResult | None = None
        self.conflicts_dialog: ConflictsDialog | None = None
        self.notice: QMessageBox | None = None  # the automatic sync's notice of conflicts
        self._others: Snapshot | None = None
        self._own: str | None = None
        self._look_again = False
        self._progress: QProgressBar | None = None
        self.sync_action = self._action(self.tr("S&ync now"), self.sync_now)
        self.sync_action.setShortcut(QKeySequence(SYNC_SHORTCUT))
        self.folder_action = self._action(self.tr("Sync fo&lder…"), self.change_folder)
        self.export_action = self._action(self.tr("Export c&hanges…"), self.export_to_file)
        self.import_action = self._action(self.tr("Import chan&ges…"), self.import_from_file)
        self.conflicts_action = self._action(self.tr("Sync con&flicts…"), self.show_conflicts)
        self.actions = [
            self.sync_action,
            self.folder_action,
            self.export_action,
            self.import_action,
            self.conflicts_action,
        ]
        self.watcher = QFileSystemWatcher(self)
        self.watcher.directoryChanged.connect(self._on_watcher_changed)
        self.watcher.fileChanged.connect(self._on_watcher_changed)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(WATCH_DELAY_MS)
        self.timer.timeout.connect(self._on_timer_timeout)
        window.sig_database_opened.connect(self._on_window_database_opened)
        self.update_actions()

    def _action(self, text: str, slot: Any) -> QAction:
        action = QAction(text, self.window)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    # --- state ---------------------------------------------------------------------------------
    def on_team(self) -> bool:
        return is_team(self.window.db_path)

    def update_actions(self) -> None:
        """Disabled on a team database (the tooltip says why) and while a sync runs."""
        team = self.on_team()
        tips = {
            self.sync_action: self.tr("Exchange changes with the other computers through the shared folder"),
            self.folder_action: self.tr("Choose the shared folder every computer syncs with"),
            self.export_action: self.tr("Write this file's changes to a change file for another computer"),
            self.import_action: self.tr("Merge a change file written by another computer"),
            self.conflicts_action: self.tr("The changes two computers made to the same field"),
        }
        for action, tip in tips.items():
            busy = self.job is not None and action is not self.conflicts_action
            action.setEnabled(not team and not busy)
            action.setToolTip(
                self.tr(
                    "Sync is for a database file: on a team database every computer already works on the same "
                    "data."
                )
                if team
                else tip
            )

    def start_watching(self) -> None:
        """Follow the remembered folder while the window is open (a first look now)."""
        self.watching = True
        if not self.on_team():
            self._look()

    def _watch(self, outcome: Outcome) -> None:
        if outcome.folder is None:
            return
        self.folder = outcome.folder
        self._others = outcome.others
        self._own = outcome.own or self._own
        if not self.watching:
            return
        wanted = {outcome.folder, *(str(Path(outcome.folder) / name) for name in outcome.others)}
        current = set(self.watcher.directories()) | set(self.watcher.files())
        if current - wanted:
            self.watcher.removePaths(sorted(current - wanted))
        if wanted - current:
            self.watcher.addPaths(sorted(wanted - current))

    def _busy(self, text: str) -> None:
        if self._progress is None:
            self._progress = QProgressBar(self.window.statusBar())
            self._progress.setObjectName("syncProgress")
            self._progress.setRange(0, 0)
            self._progress.setMaximumWidth(120)
            self._progress.setTextVisible(False)
            self.window.statusBar().addPermanentWidget(self._progress)
        self._progress.show()
        self.window.statusBar().showMessage(text)

    def _run(self, fn: Any, text: str, finished: Any, failed: Any) -> Job | None:
        if self.job is not None:
            self.window.statusBar().showMessage(self.tr("A sync is already running."), 5000)
            return None
        self._busy(text)
        job = default_worker().submit(lambda _progress: fn())
        self.job = job
        self.update_actions()
        deliver(job, self, finished, failed)
        job.sig_cancelled.connect(self._on_job_cancelled)
        return job

    def _done(self) -> None:
        self.job = None
        if self._progress is not None:
            self._progress.hide()
        self.update_actions()
        if self._look_again:
            self._look_again = False
            self.timer.start()

    def _synced_at(self, folder: str) -> None:
        now = clock.now()
        time = QLocale().toString(QTime(now.hour, now.minute), QLocale.FormatType.ShortFormat)
        self.window.statusBar().showMessage(
            self.tr("Synced with {folder} at {time}").format(folder=folder, time=time)
        )

    # --- File menu -----------------------------------------------------------------------------
    def sync_now(self, folder: str | None = None) -> Job | None:
        """Sync with ``folder`` or the remembered one; the first time, the folder is asked first."""
        if self.on_team():
            return None
        where = folder or self.folder
        shown = where or self.tr("the shared folder")
        return self._run(
            lambda: sync_job(where),
            self.tr("Syncing with {folder}…").format(folder=shown),
            self._on_sync_finished,
            lambda message: self._on_manual_failed(self.tr("Sync"), message),
        )

    def change_folder(self) -> Job | None:
        """File → Sync folder…: choose the shared folder, and sync with it."""
        chosen = ask_folder(
            self.window, self.tr("Choose the shared folder"), self.folder or self.window.file_folder()
        )
        return self.sync_now(chosen) if chosen else None

    def _first_folder(self) -> Job | None:
        text = self.tr(
            "Choose the shared folder: a network drive, a synced cloud folder or a USB stick; every computer "
            "syncs with the same folder."
        )
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Sync"), text, parent=self.window)
        box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Open).setText(self.tr("Choose the folder…"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.Open)
        widen(box)  # a narrow box broke the Chinese sentence inside a word
        if prompts.run_modal(box) != QMessageBox.StandardButton.Open.value:
            return None
        return self.change_folder()

    def export_to_file(self) -> Job | None:
        """File → Export changes…: this file's changes to a change file the user names."""
        if self.on_team():
            return None
        stem = Path(self.window.db_path).stem
        suggested = (
            Path(self.folder or self.window.file_folder()) / f"{stem}-{clock.today().isoformat()}{SUFFIX}"
        )
        target = prompts.ask_save_path(
            self.window, self.tr("Export changes"), str(suggested), self.tr("Change files (*.crmchanges)")
        )
        if not target:
            return None
        return self._run(
            lambda: export_changes(target),
            self.tr("Writing the changes to {path}…").format(path=target),
            lambda summary: self._on_file_finished(self.tr("Export changes"), summary),
            lambda message: self._on_manual_failed(self.tr("Export changes"), message),
        )

    def import_from_file(self) -> Job | None:
        """File → Import changes…: merge another computer's change file."""
        if self.on_team():
            return None
        source = prompts.ask_open_path(
            self.window,
            self.tr("Import changes"),
            self.folder or self.window.file_folder(),
            self.tr("Change files (*.crmchanges);;All files (*)"),
        )
        if not source:
            return None
        return self._run(
            lambda: import_changes(source),
            self.tr("Importing the changes of {path}…").format(path=source),
            lambda summary: self._on_file_finished(self.tr("Import changes"), summary),
            lambda message: self._on_manual_failed(self.tr("Import changes"), message),
        )

    def show_conflicts(self) -> ConflictsDialog:
        """File → Sync conflicts…: the list (non-modal: the records stay in reach while deciding)."""
        dialog = self.conflicts_dialog
        if dialog is None:
            dialog = ConflictsDialog(self.window)
            dialog.finished.connect(self._on_conflicts_dialog_finished)
            self.conflicts_dialog = dialog
        else:
            dialog.reload()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    # --- watching --------------------------------------------------------------------------------
    def _look(self) -> Job | None:
        if self.job is not None:
            self._look_again = True
            return None
        folder, known, own = self.folder, self._others, self._own
        self.job = default_worker().submit(lambda _progress: watch_job(folder, known, own))
        deliver(self.job, self, self._on_look_finished, self._on_look_failed)
        self.job.sig_cancelled.connect(self._on_job_cancelled)
        return self.job

    # --- slots ---------------------------------------------------------------------------------
    def _on_watcher_changed(self, _path: str) -> None:
        if self.watching and not self.on_team():
            self.timer.start()  # restarted by every change: 3 s after the last one

    def _on_timer_timeout(self) -> None:
        if self.watching and not self.on_team():
            self._look()

    def _on_look_finished(self, outcome: Outcome) -> None:
        if outcome.result is not None and self._progress is not None:
            self._progress.hide()
        self._done()
        self._watch(outcome)
        result = outcome.result
        brought = isinstance(result, FolderSync) and any(s.applied or s.conflicts for s in result.imported)
        if not isinstance(result, FolderSync) or (
            result.exported is None and not result.problems and not brought
        ):
            return  # nothing new in the folder: silent
        self.last_result = result
        self._synced_at(result.folder)
        self.sig_synced.emit(result)
        if conflict_count(result):
            self._show_notice(result)

    def _show_notice(self, result: FolderSync) -> None:
        if self.notice is not None:
            self.notice.close()
        box = result_box(self.window, self.tr("Sync"), result, modal=False)
        box.buttonClicked.connect(
            lambda button: (
                self.show_conflicts()
                if box.standardButton(button) == QMessageBox.StandardButton.Open
                else None
            )
        )
        box.destroyed.connect(self._on_notice_destroyed)
        self.notice = box
        box.show()

    def _on_notice_destroyed(self, *_args: object) -> None:
        self.notice = None

    def _on_look_failed(self, message: str) -> None:
        self._done()
        self.window.statusBar().showMessage(
            self.tr("The automatic sync failed: {error}").format(error=message)
        )

    def _on_sync_finished(self, outcome: Outcome) -> None:
        self._done()
        if outcome.result is None:  # no folder chosen yet
            self._first_folder()
            return
        self._watch(outcome)
        result = outcome.result
        self.last_result = result
        if isinstance(result, FolderSync):
            self._synced_at(result.folder)
        self.sig_synced.emit(result)
        if show_result(self.window, self.tr("Sync"), result):
            self.show_conflicts()

    def _on_file_finished(self, title: str, summary: SyncResult) -> None:
        self._done()
        self.last_result = summary
        self.window.statusBar().showMessage(title, 5000)
        self.sig_synced.emit(summary)
        if show_result(self.window, title, summary):
            self.show_conflicts()

    def _on_manual_failed(self, title: str, message: str) -> None:
        self._done()
        self.window.statusBar().clearMessage()
        show_error(self.window, title, message)

    def _on_job_cancelled(self) -> None:
        if shiboken_valid(self):
            self._done()

    def _on_conflicts_dialog_finished(self, _result: int) -> None:
        if self.conflicts_dialog is not None:
            self.conflicts_dialog.deleteLater()
        self.conflicts_dialog = None

    def _on_window_database_opened(self, _path: str) -> None:
        """Another file (or a team database): its own folder, its own conflicts."""
        self.folder, self._others, self._own = None, None, None
        paths = self.watcher.directories() + self.watcher.files()
        if paths:
            self.watcher.removePaths(paths)
        if self.conflicts_dialog is not None:
            self.conflicts_dialog.close()
        self.update_actions()
        if self.watching and not self.on_team():
            self._look()


def shiboken_valid(obj: QObject) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(obj))

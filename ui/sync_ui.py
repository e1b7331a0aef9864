"""Offline sync in the window (issue 16): File → Sync now (Ctrl+Shift+Y), Sync folder…, Sync with team
database…, Export changes…, Import changes…, Sync conflicts…, the shared folder watched while the window is
open, and the team database synced every few minutes when it is the file's partner.

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

The team database (``desktop_crm.sync.hub``): File → Sync with team database… asks its address
(:class:`ui.sync_dialogs.TeamSyncDialog`) and syncs; when the server asks for a password (or refuses the
one given) the password is asked once and the sync tried again; a password that worked is kept in this
process's memory only (``ui.team_database.remember_password``). Sync now syncs with the partner of the
file's last sync: the team database when ``remembered_team()`` names one, else the folder. While the window
is open on such a file (``start_watching``), a sync is tried shortly after the start and every 5 minutes, on
the worker, never while another sync runs (once its address is known, the server's port is knocked at
first on a thread of its own, so a server that does not answer never holds the database worker): an
unreachable server only says so in the status bar (the laptop works offline), a sync that brought conflicts
shows the notice.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QLocale, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressBar, QWidget

from desktop_crm import clock
from desktop_crm.errors import CrmError
from desktop_crm.sync.exchange import SUFFIX, ImportSummary, export_changes, file_connection, import_changes
from desktop_crm.sync.folder import FILE_PROBLEMS, FolderSync, remembered_folder, sync_folder
from desktop_crm.sync.hub import TeamSync, remembered_team, sync_team
from desktop_crm.sync.log import replica_id

from . import prompts
from .errors import error_text
from .sync_dialogs import (
    ConflictsDialog,
    SyncResult,
    TeamSyncDialog,
    result_box,
    show_error,
    show_result,
    widen,
)
from .sync_text import conflict_count
from .tasks import Job, default_worker, deliver
from .team_database import ask_password, is_team, known_password, remember_password, url_parts

if TYPE_CHECKING:
    from .main_window import MainWindow

SYNC_SHORTCUT = "Ctrl+Shift+Y"
WATCH_DELAY_MS = 3000  # after the folder's last change
TEAM_FIRST_MS = 15_000  # the first automatic sync with the team database, after the window opened
TEAM_EVERY_MS = 5 * 60_000  # then every 5 minutes
TEAM_RETRY_MS = 3000  # a sync was running when it was due: tried again after it
PROBE_SECONDS = 3.0  # the automatic sync first knocks at the server's port, off the database worker
ASK_PASSWORD = frozenset({"team.password_required", "team.auth_failed"})
# the server cannot be reached, or not without the password nobody is there to type: the laptop works
# offline, the automatic sync says so in the status bar only
OFFLINE = frozenset({"team.unreachable", "team.driver_missing", *ASK_PASSWORD})
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


@dataclass
class TeamOutcome:
    """What a sync with the team database brings back: its address (None: the file's last partner is not
    a team database), the result, or the coded error that stopped it (told by the window, not raised: a
    password asked, an unreachable server kept quiet), and the password it used."""

    team: str | None
    result: TeamSync | None = None
    error: CrmError | None = None
    password: str | None = None


def team_job(team: str, password: str | None) -> TeamOutcome:
    """A sync with the team database (worker)."""
    try:
        return TeamOutcome(team, sync_team(team, password=password), password=password)
    except CrmError as error:
        return TeamOutcome(team, error=error, password=password)


def now_job(folder: str | None, known: str | None) -> Outcome | TeamOutcome:
    """Sync now (worker): with ``folder`` when one was just chosen; else with the partner of the file's
    last sync, the team database (with the password typed for it in this run, if any) or the folder
    (``known``: the one the window remembers, else the file's)."""
    if folder is None:
        team = remembered_team()
        if team is not None:
            return team_job(team, known_password(team))
    return sync_job(folder or known)


def reachable(team: str) -> bool:
    """Whether the team database's server answers on its port within ``PROBE_SECONDS`` (on a plain
    thread: a server that does not answer at all would hold the database worker, and every page's reads
    behind it, for the driver's connect timeout). A Unix socket's directory is not probed."""
    host, port, _database, _user = url_parts(team)
    if host.startswith("/"):
        return True
    try:
        with socket.create_connection((host, port), timeout=PROBE_SECONDS):
            return True
    except OSError:
        return False


def auto_team_job() -> TeamOutcome:
    """The automatic sync (worker): with the team database when it is the file's last partner."""
    team = remembered_team()
    if team is None:
        return TeamOutcome(None)
    return team_job(team, known_password(team))


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
    # (a ``TeamSync`` too)
    _sig_probed = Signal(str, bool)  # (team, reachable), from the probe's thread

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.folder: str | None = None  # the remembered folder, once known
        self.team: str | None = None  # the team database of the file's last sync, once known
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
        self.team_action = self._action(self.tr("Sync &with team database…"), self.sync_with_team)
        self.export_action = self._action(self.tr("Export c&hanges…"), self.export_to_file)
        self.import_action = self._action(self.tr("Import chan&ges…"), self.import_from_file)
        self.conflicts_action = self._action(self.tr("Sync con&flicts…"), self.show_conflicts)
        self.actions = [
            self.sync_action,
            self.folder_action,
            self.team_action,
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
        self.team_timer = QTimer(self)  # the automatic sync with the team database
        self.team_timer.setSingleShot(True)
        self.team_timer.timeout.connect(self._on_team_timer_timeout)
        self._team_again = False
        self._probing = False
        self._sig_probed.connect(self._on_probed, Qt.ConnectionType.QueuedConnection)
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
            self.sync_action: self.tr(
                "Exchange changes with the partner of the last sync: the team database or the shared folder"
            ),
            self.folder_action: self.tr("Choose the shared folder every computer syncs with"),
            self.team_action: self.tr(
                "Send this computer's changes to the team database and bring the team's changes here"
            ),
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
        """Follow the remembered folder while the window is open (a first look now), and sync with the
        team database shortly after and every 5 minutes when it is the file's partner."""
        self.watching = True
        self.team_timer.start(TEAM_FIRST_MS)
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
        if self._team_again:
            self._team_again = False
            self.team_timer.start(TEAM_RETRY_MS)

    def _synced_at(self, folder: str) -> None:
        now = clock.now()
        time = QLocale().toString(QTime(now.hour, now.minute), QLocale.FormatType.ShortFormat)
        self.window.statusBar().showMessage(
            self.tr("Synced with {folder} at {time}").format(folder=folder, time=time)
        )

    def _team_synced_at(self, team: str) -> None:
        now = clock.now()
        time = QLocale().toString(QTime(now.hour, now.minute), QLocale.FormatType.ShortFormat)
        self.window.statusBar().showMessage(
            self.tr("Synced with the team database {team} at {time}").format(team=team, time=time)
        )

    # --- File menu -----------------------------------------------------------------------------
    def sync_now(self, folder: str | None = None) -> Job | None:
        """Sync with ``folder`` (just chosen), else with the partner of the file's last sync: the team
        database or the remembered folder; the first time, the folder is asked first."""
        if self.on_team():
            return None
        known = self.folder
        if folder is None and self.team is not None:
            text = self.tr("Syncing with the team database {team}…").format(team=self.team)
        else:
            text = self.tr("Syncing with {folder}…").format(
                folder=folder or known or self.tr("the shared folder")
            )
        return self._run(
            lambda: now_job(folder, known),
            text,
            self._on_sync_finished,
            lambda message: self._on_manual_failed(self.tr("Sync"), message),
        )

    def sync_with_team(self) -> Job | None:
        """File → Sync with team database…: its address asked (the last one filled in), then a sync."""
        if self.on_team():
            return None
        dialog = TeamSyncDialog(self.window, self.team or self.window.settings.last_team_url)
        if prompts.run_modal(dialog) != QDialog.DialogCode.Accepted.value:
            return None
        team = dialog.url()
        return self.run_team_sync(team, dialog.password() or known_password(team))

    def run_team_sync(self, team: str, password: str | None = None, *, asked: bool = False) -> Job | None:
        """Sync with the team database ``team`` (a password asked once when the server wants one)."""
        if self.on_team():
            return None
        return self._run(
            lambda: team_job(team, password),
            self.tr("Syncing with the team database {team}…").format(team=team),
            lambda outcome: self._on_team_finished(outcome, asked),
            lambda message: self._on_manual_failed(self.tr("Sync with team database"), message),
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
        box.setStandardButtons(
            QMessageBox.StandardButton.Open
            | QMessageBox.StandardButton.Yes
            | QMessageBox.StandardButton.Cancel
        )
        box.button(QMessageBox.StandardButton.Open).setText(self.tr("Choose the folder…"))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Sync with team database…"))
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.Open)
        widen(box)  # a narrow box broke the Chinese sentence inside a word
        answer = prompts.run_modal(box)
        if answer == QMessageBox.StandardButton.Yes.value:  # a team database instead of a folder
            return self.sync_with_team()
        if answer != QMessageBox.StandardButton.Open.value:
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

    def sync_team_automatically(self) -> Job | None:
        """The automatic sync with the team database (when it is the file's last partner), on the worker;
        put off while another sync runs. Once the team database is known, its server's port is knocked at
        first, on a thread of its own: an unreachable server never holds the database worker."""
        if self.on_team() or self._probing:
            return None
        if self.job is not None:
            self._team_again = True
            return None
        if self.team is not None:
            self._probing = True
            threading.Thread(target=self._probe, args=(self.team,), name="team-probe", daemon=True).start()
            return None
        return self._submit_auto()

    def _probe(self, team: str) -> None:
        """(probe thread)"""
        answered = reachable(team)
        with contextlib.suppress(RuntimeError):  # the window closed meanwhile
            self._sig_probed.emit(team, answered)

    def _on_probed(self, team: str, answered: bool) -> None:
        self._probing = False
        if self.on_team() or team != self.team:
            return  # another database opened meanwhile
        if not answered:
            self.window.statusBar().showMessage(self.tr("Team database not reachable — working offline"))
            return
        if self.job is not None:
            self._team_again = True
            return
        self._submit_auto()

    def _submit_auto(self) -> Job:
        self.job = default_worker().submit(lambda _progress: auto_team_job())
        deliver(self.job, self, self._on_auto_team_finished, self._on_auto_team_failed)
        self.job.sig_cancelled.connect(self._on_job_cancelled)
        return self.job

    # --- slots ---------------------------------------------------------------------------------
    def _on_team_timer_timeout(self) -> None:
        if self.watching:
            self.team_timer.start(TEAM_EVERY_MS)
            self.sync_team_automatically()

    def _on_auto_team_finished(self, outcome: TeamOutcome) -> None:
        self._done()
        if outcome.team is None:
            self.team = None  # the file's partner is a folder (or none yet)
            return
        self.team = outcome.team
        if outcome.error is not None:
            self.window.statusBar().showMessage(
                self.tr("Team database not reachable — working offline")
                if outcome.error.code in OFFLINE
                else self.tr("The automatic sync failed: {error}").format(error=error_text(outcome.error))
            )
            return
        result = outcome.result
        if result is None:
            return
        self.last_result = result
        self._team_synced_at(result.team)
        self.sig_synced.emit(result)
        if conflict_count(result):  # conflicts this sync brought
            self._show_notice(result)

    def _on_auto_team_failed(self, message: str) -> None:
        self._done()
        self.window.statusBar().showMessage(
            self.tr("The automatic sync failed: {error}").format(error=message)
        )

    def _on_team_finished(self, outcome: TeamOutcome, asked: bool) -> None:
        """A sync with the team database asked for: its result box; a password asked once when the server
        wants one (or refused the one given), then tried again; any other error told."""
        self._done()
        team = outcome.team or ""
        error = outcome.error
        if error is not None:
            self.window.statusBar().clearMessage()
            if error.code in ASK_PASSWORD and not asked:
                typed = ask_password(self.window, team)
                if typed is not None:
                    self.run_team_sync(team, typed, asked=True)
                return
            show_error(self.window, self.tr("Sync with team database"), error_text(error))
            return
        result = outcome.result
        if result is None:
            return
        if outcome.password is not None:
            remember_password(team, outcome.password)  # this run only, never written
        self.team = team
        self.last_result = result
        self._team_synced_at(result.team)
        self.sig_synced.emit(result)
        if show_result(self.window, self.tr("Sync with team database"), result):
            self.show_conflicts()

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

    def _show_notice(self, result: FolderSync | TeamSync) -> None:
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

    def _on_sync_finished(self, outcome: Outcome | TeamOutcome) -> None:
        if isinstance(outcome, TeamOutcome):  # the file's partner is the team database
            self._on_team_finished(outcome, False)
            return
        self._done()
        if outcome.result is None:  # no folder chosen yet
            self._first_folder()
            return
        self._watch(outcome)
        result = outcome.result
        self.last_result = result
        if isinstance(result, FolderSync):
            self.team = None  # the folder is the partner of Sync now again
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
        self.team = None
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

"""Backups in the window: automatic ones (on close, once a day while open), File → Backup…,
File → Restore from backup…, and "Back up now" for Settings → Backups.

Every copy runs on the database worker (``ui.tasks``) through ``desktop_crm.backup``; the window never
waits on it. The automatic backup of the day shows its progress in the status bar. The backup on close
runs on the worker too, with a progress dialog (and Cancel) while the window waits to close: the window
stays responsive, and a large file is never copied behind a frozen window. A restore copies and checks the
chosen file on the worker, then, with the database closed for a moment, puts it in place and reopens
it (``desktop_crm.restore``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressBar, QWidget

from desktop_crm import clock
from desktop_crm.errors import CrmError

from . import prompts
from .errors import error_text
from .tasks import Job, default_worker, run_with_progress

if TYPE_CHECKING:
    from desktop_crm.backup import BackupInfo

    from .main_window import MainWindow

DAILY_CHECK_MS = 30 * 60 * 1000  # how often the window looks whether today's backup is due
FIRST_CHECK_MS = 60 * 1000  # the first look, once the window has settled


def size_text(size: int) -> str:
    """A file size in the interface language (``QLocale``)."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


class _PassphraseNeeded:
    """A restore's outcome: the chosen backup is encrypted under a passphrase not known yet."""

    def __init__(self, path: str) -> None:
        self.path = path


class BackupController(QObject):
    """The window's backups. ``sig_backups_changed`` after every backup or restore (lists refresh)."""

    sig_backups_changed = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.automatic = False  # the application switches it on; tests and headless runs leave it off
        self.close_job: Job | None = None
        self.daily_job: Job | None = None
        self.last_result: BackupInfo | None = None
        self._may_close = False
        self._restore_source: Path | str = ""
        self._timer = QTimer(self)
        self._timer.setInterval(DAILY_CHECK_MS)
        self._timer.timeout.connect(self.backup_if_due)
        self.progress_bar = QProgressBar(window.statusBar())
        self.progress_bar.setObjectName("backupProgress")
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.hide()
        window.statusBar().addPermanentWidget(self.progress_bar)

    @property
    def db_path(self) -> Path:
        return Path(self.window.db_path)

    def on_team(self) -> bool:
        """A team database (no file here): its server's tools back it up."""
        from .team_database import is_team

        return is_team(self.window.db_path)

    def _say_team_backups_elsewhere(self) -> None:
        prompts.show_info(
            self.window,
            self.tr("Team database"),
            error_text(CrmError("team.backups_elsewhere")),
        )

    def start_automatic(self) -> None:
        """Back up once a day while the window is open and when it closes."""
        self.automatic = True
        self._timer.start()
        QTimer.singleShot(FIRST_CHECK_MS, self, self.backup_if_due)

    # --- automatic -----------------------------------------------------------------------------
    def _automatic_allowed(self) -> bool:
        """Automatic backups are for a file open for writing (a read-only one is left alone)."""
        from desktop_crm.models import database

        read_only = bool(getattr(database.obj, "crm_read_only", False))
        return self.automatic and not read_only and not self.on_team() and self.db_path.is_file()

    def backup_if_due(self) -> Job | None:
        """Today's automatic backup, on the worker, if there is none yet (progress in the status bar)."""
        if not self._automatic_allowed() or self.daily_job is not None:
            return None
        from desktop_crm.backup import backup_due, create_backup  # not before the window's first paint

        if not backup_due(self.db_path):
            return None
        path = self.db_path
        job = default_worker().submit(lambda progress: create_backup(path, progress=progress))
        job.sig_progress.connect(self._on_daily_job_progress)
        job.sig_finished.connect(self._on_daily_job_finished)
        job.sig_failed.connect(self._on_daily_job_failed)
        job.sig_cancelled.connect(self._on_daily_job_cancelled)
        self.daily_job = job
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        return job

    def allow_close(self, event: QCloseEvent) -> bool:
        """From the window's ``closeEvent``: False (event ignored) while the closing backup runs."""
        if self._may_close or not self._automatic_allowed():
            return True
        event.ignore()
        if self.close_job is None:
            from desktop_crm.backup import create_backup

            path = self.db_path
            job = run_with_progress(
                self.window,
                self.tr("Backing up before closing…"),
                lambda progress: create_backup(path, progress=progress),
            )
            job.sig_finished.connect(self._on_close_job_done)
            job.sig_cancelled.connect(self._on_close_job_done)
            job.sig_failed.connect(self._on_close_job_failed)
            self.close_job = job
        return False

    # --- File menu and Settings ----------------------------------------------------------------
    def back_up_now(self, parent: QWidget | None = None) -> Job:
        """A manual backup into the backup folder (Settings → Backups → Back up now)."""
        from desktop_crm.backup import create_backup

        path = self.db_path
        return self._run(
            parent,
            self.tr("Backing up…"),
            lambda progress: create_backup(path, tag="manual", progress=progress),
        )

    def backup_to_file(self) -> Job | None:
        """File → Backup…: a verified copy at a file the user chooses."""
        if self.on_team():
            self._say_team_backups_elsewhere()
            return None
        suggested = self.db_path.parent / f"{self.db_path.stem}-{clock.today().isoformat()}.sqlite3"
        target = prompts.ask_save_path(
            self.window, self.tr("Back up the database"), str(suggested), self.tr("CRM database (*.sqlite3)")
        )
        if not target:
            return None
        from desktop_crm.backup import create_backup

        source = self.db_path
        return self._run(
            self.window,
            self.tr("Backing up…"),
            lambda progress: create_backup(source, target, progress=progress),
        )

    def restore(self) -> Job | None:
        """File → Restore from backup…: choose a backup (or another file), confirm, restore."""
        if self.on_team():
            self._say_team_backups_elsewhere()
            return None
        from desktop_crm.backup import list_backups

        from .backup_dialogs import RestoreDialog

        dialog = RestoreDialog(self.window, list_backups(self.db_path))
        if prompts.run_modal(dialog) != RestoreDialog.DialogCode.Accepted.value:
            return None
        chosen = dialog.chosen_path()
        if chosen is None:
            return None
        question = self.tr(
            "Replace the open database with {path}?\n\nThe current file is kept as a backup first, so this "
            "can be undone by restoring that backup."
        ).format(path=str(chosen))
        if not prompts.ask_yes_no(self.window, self.tr("Restore from backup"), question):
            return None
        return self.restore_from(chosen)

    def restore_from(self, source: Path | str) -> Job:
        """Check and copy ``source`` on the worker, then put it in place and reopen the database."""
        from desktop_crm.restore import prepare_restore

        db = self.db_path

        def work(progress: Any) -> Any:
            try:
                return prepare_restore(db, Path(source), progress)
            except CrmError as exc:  # an encrypted backup under another passphrase: asked, then again
                if exc.code == "db.passphrase_needed":
                    return _PassphraseNeeded(str(exc.params.get("path") or source))
                raise

        job = run_with_progress(self.window, self.tr("Restoring from backup…"), work)
        self._restore_source = source
        job.sig_finished.connect(self._on_restore_job_finished)
        job.sig_failed.connect(self._on_restore_job_failed)
        return job

    # --- helpers -------------------------------------------------------------------------------
    def _run(self, parent: QWidget | None, title: str, fn: Any) -> Job:
        job = run_with_progress(parent or self.window, title, fn)
        job.sig_finished.connect(self._on_manual_job_finished)
        job.sig_failed.connect(self._on_manual_job_failed)
        return job

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15_000)

    # --- slots ---------------------------------------------------------------------------------
    def _on_daily_job_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))

    def _on_daily_job_finished(self, info: BackupInfo) -> None:
        self.daily_job = None
        self.progress_bar.hide()
        self.last_result = info
        self._status(self.tr("Automatic backup saved: {name}").format(name=info.path.name))
        self.sig_backups_changed.emit()

    def _on_daily_job_failed(self, message: str) -> None:
        self.daily_job = None
        self.progress_bar.hide()
        self._status(self.tr("The automatic backup failed: {error}").format(error=message))

    def _on_daily_job_cancelled(self) -> None:
        self.daily_job = None
        self.progress_bar.hide()

    def _on_close_job_done(self, *_args: object) -> None:
        self._may_close = True
        self.close_job = None
        self.window.close()

    def _on_close_job_failed(self, message: str) -> None:
        prompts.show_error(
            self.window,
            self.tr("Backup"),
            self.tr("The backup on closing failed: {error}\n\nYour data is unchanged.").format(error=message),
        )
        self._on_close_job_done()

    def _on_manual_job_finished(self, info: BackupInfo) -> None:
        self.last_result = info
        self._status(
            self.tr("Backed up to {path} ({size}, checked)").format(
                path=str(info.path), size=size_text(info.size_bytes)
            )
        )
        self.sig_backups_changed.emit()

    def _on_manual_job_failed(self, message: str) -> None:
        prompts.show_error(self.window, self.tr("Backup"), message)

    def _on_restore_job_finished(self, prepared: Any) -> None:
        if isinstance(prepared, _PassphraseNeeded):
            from .encryption_ui import PassphraseDialog

            dialog = PassphraseDialog(self.window, "open", prepared.path)
            if prompts.run_modal(dialog) == PassphraseDialog.DialogCode.Accepted.value:
                self.restore_from(self._restore_source)  # unlocked: the same restore again
            return
        from desktop_crm.db import close_database
        from desktop_crm.restore import finish_restore

        close_database()
        try:
            finish_restore(prepared)
        except (CrmError, OSError) as exc:
            self.window.switch_database(self.db_path)
            prompts.show_error(self.window, self.tr("Restore from backup"), error_text(exc))
            return
        finally:
            self.sig_backups_changed.emit()
        if not self.window.switch_database(self.db_path):
            return
        kept = prepared.kept
        text = self.tr("The database was restored from {source}.").format(source=str(prepared.source))
        if kept is not None:
            text += "\n\n" + self.tr("The previous file was kept as {path}.").format(path=str(kept.path))
        prompts.show_info(self.window, self.tr("Restore from backup"), text)

    def _on_restore_job_failed(self, message: str) -> None:
        prompts.show_error(self.window, self.tr("Restore from backup"), message)

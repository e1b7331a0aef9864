"""The controller above the main window: builds it, rebuilds it when the language changes, and
offers demo data for a newly created database."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from desktop_crm.errors import CrmError

from . import prompts
from .app_filters import install_application_filters
from .file_status import attach as attach_file_status
from .i18n import install_translators
from .main_window import MainWindow
from .settings import AppSettings
from .tasks import Job, default_worker, run_with_progress
from .team_database import is_team, target_of
from .working_as import ask_first_user

# The database worker waits for the window's first paint before its first read, this long at most (a window
# started minimised is not painted).
WORKER_START_AT_MOST_MS = 1000


def generate_demo_job(db_path: Path) -> object:
    """A background job filling the open database (``db_path``) with the small demo data set.

    The job hands the GUI's peewee database to the generator, which then uses the worker
    thread's own connection and leaves the models bound as they are.
    """

    def job(progress: object) -> object:
        try:
            from desktop_crm.demo import generate_demo
        except ImportError as exc:
            raise CrmError("demo.not_available") from exc
        from desktop_crm.models import database

        target = database.obj if database.obj is not None else db_path
        return generate_demo(target, "small", progress=progress)

    return job


def remember_database(settings: AppSettings, target: Path | str) -> None:
    """The database opened last, for the next start: the file's absolute path, or the team database's
    address (without password; also where File → Connect to team database… starts next time)."""
    if is_team(target):
        settings.last_database = str(target)
        settings.last_team_url = str(target)
    else:
        settings.last_database = str(Path(target).resolve())


class Shell(QObject):
    """Owns the main window of one application run."""

    def __init__(
        self, app: QApplication, db_path: Path, lang: str, settings: AppSettings | None = None
    ) -> None:
        super().__init__()
        self.app = app
        self.db_path: Path | str = target_of(db_path)  # a file, or a team database's URL
        self.lang = lang
        self.settings = settings or AppSettings()
        self.window: MainWindow | None = None
        self.demo_job: Job | None = None
        self._created_path = ""

    def create_window(self) -> MainWindow:
        window = MainWindow(self.db_path, self.lang, self.settings)
        attach_file_status(window)  # read-only / open elsewhere / checking / damaged: banner + status bar
        window.sig_language_changed.connect(self._on_window_language_changed)
        window.sig_database_created.connect(self._on_window_database_created)
        window.sig_database_opened.connect(self._on_window_database_opened)
        window.update_status()
        window.backups.start_automatic()  # daily while open and on close (ui.backup_ui)
        return window

    def start(
        self, *, first_launch: bool = False, on_first_paint: Callable[[], None] | None = None
    ) -> MainWindow:
        """Build and show the window (only its first page is built before the first paint; the others
        are imported in the background once it is idle, and built when first shown).
        ``on_first_paint`` (``--quit-after-first-paint``): called right after the first paint instead of
        the usual start (asking nothing, building nothing more). The database worker starts reading
        once the window is painted (``DatabaseWorker.defer_start``)."""
        worker = default_worker()
        worker.defer_start(WORKER_START_AT_MOST_MS)
        self.window = self.create_window()
        self.window.after_first_paint(worker.release_start)
        if on_first_paint is not None:
            self.window.after_first_paint(on_first_paint)
            self.window.show()
            return self.window
        self.window.after_first_paint(lambda: install_application_filters(self.app))
        self.watch_sync_once_painted(self.window)
        self.window.start_idle_building()
        self.window.show()
        if first_launch:
            self.offer_demo_data(self.db_path)
        else:
            ask_first_user(self.window)  # a database without anybody in it: ask who is working
        return self.window

    @staticmethod
    def watch_sync_once_painted(window: MainWindow) -> None:
        """Once ``window`` is painted: the File menu's sync entries made, the shared folder watched once one is
        chosen (``ui.sync_ui``; its modules are not imported before the first paint)."""
        window.after_first_paint(lambda: window.sync.start_watching())

    def offer_demo_data(self, db_path: Path) -> Job | None:
        """Ask whether to fill the new, empty database with demo data; generate it in the background."""
        window = self.window
        if not prompts.ask_yes_no(
            window,
            self.tr("Welcome"),
            self.tr(
                "This database is new and empty.\n\nStart with demo data? You can explore every page "
                "with realistic clients, follow-ups and goals, then create a new database for real work."
            ),
        ):
            ask_first_user(window)  # no demo team: ask who is working instead of "(no user yet)"
            return None
        job = run_with_progress(window, self.tr("Generating demo data…"), generate_demo_job(Path(db_path)))
        job.sig_finished.connect(self._on_demo_job_finished)
        job.sig_failed.connect(self._on_demo_job_failed)
        self.demo_job = job
        return job

    # --- slots ---------------------------------------------------------------------------------
    def _on_demo_job_finished(self, _result: object) -> None:
        if self.window is not None:
            self.window.refresh_all()

    def _on_demo_job_failed(self, message: str) -> None:
        prompts.show_error(self.window, self.tr("Demo data"), message)
        if self.window is not None:
            self.window.refresh_all()

    def _on_window_database_created(self, path: str) -> None:
        self._created_path = path
        self.offer_demo_data(Path(path))

    def _on_window_database_opened(self, path: str) -> None:
        self.db_path = target_of(path)
        remember_database(self.settings, self.db_path)
        # A new file is announced right after this (it offers demo data first); an existing file
        # without anybody in it asks who is working once the switch is complete.
        self._created_path = ""
        QTimer.singleShot(0, lambda: self._on_opened_database_settled(path))

    def _on_opened_database_settled(self, path: str) -> None:
        if self._created_path != path and self.window is not None:
            ask_first_user(self.window)

    def _on_window_language_changed(self, lang: str) -> None:
        """Switch translators and rebuild the window in the new language (same page, same geometry)."""
        old = self.window
        self.lang = lang
        install_translators(self.app, lang)
        self.window = self.create_window()
        self.watch_sync_once_painted(self.window)
        self.window.start_idle_building()
        self.window.show()
        if old is not None:
            old.hide()
            old.deleteLater()

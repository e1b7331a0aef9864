"""The main window: a sidebar to the pages, menus, a status bar. Navigation and wiring only."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, overload

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_crm import pacing
from desktop_crm.read import counts as page_data

from . import actions, app_filters, prompts
from .actions import LOG_FOLLOW_UP_SHORTCUT
from .backup_ui import BackupController
from .changes import ChangeSet, Freshness, bus
from .handbook_link import handbook_links
from .pages import PAGE_KEYS, PAGES, Page, preload_modules
from .settings import AppSettings
from .tasks import default_worker
from .team_database import TeamConnectDialog, is_team, remember_password, shown, target_of
from .working_as import WorkingAsSwitch

if TYPE_CHECKING:
    from .sync_ui import SyncController

DEFAULT_SIZE = QSize(1280, 800)
log = logging.getLogger(__name__)

IDLE_BUILD_DELAY_MS = 400  # after the first paint: the modules of the other pages imported in the background
PRELOAD_RETRY_MS = 200  # … or, while the page shown is busy (Page.busy), this much later
IDLE_PAGE_BUILD_MS = 3000  # after the first paint: the pages built when idle (PageSpec.build_when_idle)
# matplotlib's idle-time import goes on with its next step once no page was opened for this long (a step
# imported while a page is built took turns at the interpreter lock with it: 100-200 ms stalls opening
# Clients on the large demo), and waits no longer than QUIET_WAIT_MAX_S in all
QUIET_S = 0.8
QUIET_WAIT_MAX_S = 15.0
# … and a page still busy (reading, drawing) or the worker reading counts as the user's activity too: the
# window looks this often while that import runs (Pipeline's first visit right after Clients' long read,
# with a step of the import beside it, stalled 75-120 ms)
BUSY_POLL_MS = 100
# Imported in the background with the pages (the client page opened from the list, Today or the dashboard).
IDLE_PRELOAD_EXTRA = (
    "ui.pages.clients.hub",
    "ui.pages.today.dialogs",  # … and what Today imports on use (snooze, reschedule)
    "desktop_crm.services.next_steps",
)


class _Activity:
    """When the user last opened a page, or the page shown or the worker was last seen busy
    (``time.monotonic``): written on the window's thread, read by the idle-time importer's thread (a float
    attribute of a plain object, no Qt object touched there)."""

    def __init__(self) -> None:
        self.last = float("-inf")
        self.waited = 0.0

    def wait_until_quiet(self) -> None:
        """On the importing thread, between two steps: sleep while a page was opened in the last
        ``QUIET_S`` (``QUIET_WAIT_MAX_S`` at most over all the steps; a chart waiting ends it)."""
        from .charts import canvas

        while (
            self.waited < QUIET_WAIT_MAX_S and time.monotonic() - self.last < QUIET_S and not canvas.wanted()
        ):
            time.sleep(0.02)
            self.waited += 0.02


class PageList(Sequence[Page]):
    """``window.pages``: every page in navigation order, each built on first access (``window.page(key)``).
    ``index(page)`` and ``len()`` build nothing; iterating builds every page."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def __len__(self) -> int:
        return len(PAGES)

    @overload
    def __getitem__(self, index: int) -> Page: ...

    @overload
    def __getitem__(self, index: slice) -> list[Page]: ...

    def __getitem__(self, index: int | slice) -> Page | list[Page]:
        if isinstance(index, slice):
            return [self._window.page_at(i) for i in range(len(PAGES))[index]]
        return self._window.page_at(range(len(PAGES))[index])

    def __iter__(self) -> Iterator[Page]:
        return (self._window.page_at(i) for i in range(len(PAGES)))

    def index(self, page: object, start: int = 0, stop: int | None = None) -> int:
        key = getattr(page, "key", None)
        if key not in PAGE_KEYS:
            raise ValueError(f"{page!r} is not a page of this window")
        return PAGE_KEYS.index(key)


class MainWindow(QMainWindow):
    """Emits ``sig_language_changed`` (the controller rebuilds the window in the new language) and
    ``sig_database_created`` (the controller offers demo data for the new file)."""

    sig_language_changed = Signal(str)
    sig_database_opened = Signal(str)
    sig_database_created = Signal(str)

    def __init__(self, db_path: Path | str, lang: str, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.settings = settings or AppSettings()
        self.db_path: Path | str = target_of(db_path)  # a file, or a team database's URL (no password)
        self.lang = lang
        self.pages = PageList(self)
        self._built: dict[int, Page] = {}
        self._shown_once: set[int] = set()  # pages shown at least once (the first showing polishes them)
        self._activity = _Activity()  # when a page was last opened (the idle-time import waits for quiet)
        self.remember_state = True  # False for the headless modes: leave the user's settings alone
        self._stale: set[int] = set()
        self._build_central()
        self._build_menus()
        self._build_status_bar()
        self.backups = BackupController(self)  # automatic backups, File → Backup…/Restore…
        self.working_as = WorkingAsSwitch(self)  # the Team menu and the "Working as" status button
        self._build_reminders()
        self._build_dashboard_links()
        self._restore_state()
        self.start_idle_building()  # once painted and idle: the other pages' modules, matplotlib

    # --- construction --------------------------------------------------------------------------
    def _build_central(self) -> None:
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        sidebar = QWidget(central)
        sidebar.setObjectName("sidebar")
        sidebar.setFixedWidth(210)
        side_layout = QVBoxLayout(sidebar)
        side_layout.setContentsMargins(12, 18, 12, 12)
        side_layout.setSpacing(12)
        brand = QLabel(self.tr("Desktop CRM"), sidebar)
        brand.setObjectName("brand")
        side_layout.addWidget(brand)
        self.nav = QListWidget(sidebar)
        self.nav.setObjectName("navList")
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.nav.setUniformItemSizes(True)
        side_layout.addWidget(self.nav, 1)
        self.stack = QStackedWidget(central)
        self.stack.setObjectName("pageStack")
        # Only the first page shown is built before the first paint: the others wait in the stack as
        # empty placeholders until their first visit (their modules imported in the background once the
        # window is idle: ``start_idle_building``).
        for spec in PAGES:
            self.stack.addWidget(QWidget(self.stack))
            item = QListWidgetItem(spec.title())
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setSizeHint(QSize(0, 40))
            self.nav.addItem(item)
        self._stale = set(range(len(PAGES)))
        self.nav.currentRowChanged.connect(self._on_nav_row_changed)
        layout.addWidget(sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.setWindowTitle(self.tr("Desktop CRM"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_action = file_menu.addAction(self.tr("&New database…"), self._on_new_action_triggered)
        self.open_action = file_menu.addAction(self.tr("&Open database…"), self._on_open_action_triggered)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.team_action = file_menu.addAction(
            self.tr("&Connect to team database…"), self._on_team_action_triggered
        )
        self.backup_action = file_menu.addAction(self.tr("&Backup…"), self._on_backup_action_triggered)
        self.restore_action = file_menu.addAction(
            self.tr("&Restore from backup…"), self._on_restore_action_triggered
        )
        from .encryption_ui import EncryptionController

        # Encrypt database… on a plain file; Change passphrase… / Remove encryption… on an encrypted one
        self.encryption = EncryptionController(self)
        file_menu.insertAction(self.open_action, self.encryption.new_action)
        file_menu.addActions(self.encryption.actions)
        file_menu.addSeparator()
        # Sync now, folder, change files, conflicts (ui.sync_ui): their actions go before this separator
        # when ``sync`` is first used (the shell does once the window is painted)
        self._file_menu = file_menu
        self._sync: SyncController | None = None
        self._sync_place = file_menu.addSeparator()
        file_menu.setToolTipsVisible(True)  # on a team database, why sync is disabled
        self.import_action = file_menu.addAction(self.tr("&Import…"), self._on_import_action_triggered)
        self.import_template_action = file_menu.addAction(
            self.tr("Import &template…"), self._on_import_template_action_triggered
        )
        self.export_menu = file_menu.addMenu(self.tr("&Export"))
        self.export_menu.setObjectName("exportMenu")
        export_names = (
            ("clients", self.tr("&Clients…")),
            ("contacts", self.tr("C&ontacts…")),
            ("follow-ups", self.tr("&Follow-ups…")),
            ("opportunities", self.tr("O&pportunities…")),
            ("contracts", self.tr("Con&tracts…")),
            ("payment-plans", self.tr("Payment p&lans…")),
            ("payments", self.tr("&Payments…")),
            ("service-records", self.tr("&Service records…")),
            ("referrals", self.tr("&Referrals…")),
            ("dossier-notes", self.tr("&Dossier notes…")),
            ("attachments", self.tr("&Attachment list…")),
        )
        for kind, text in export_names:
            self.export_menu.addAction(text, lambda k=kind: self._on_export_action_triggered(k))
        self.export_menu.addSeparator()
        self.export_menu.addAction(
            self.tr("&Next steps to a calendar (.ics)…"), self._on_export_next_steps_action_triggered
        )
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"), self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self._build_edit_menu()

        view_menu = bar.addMenu(self.tr("&View"))
        self.page_actions: list[QAction] = []
        for index, spec in enumerate(PAGES):
            action = view_menu.addAction(spec.title())
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.show_page(i))
            self.page_actions.append(action)
        view_menu.addSeparator()
        refresh = view_menu.addAction(self.tr("&Refresh"), self.refresh_all)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        theme_menu = view_menu.addMenu(self.tr("&Theme"))
        theme_group = QActionGroup(self)
        theme_group.setExclusive(True)
        self.theme_actions: dict[str, QAction] = {}
        for name, text in (("light", self.tr("&Light")), ("dark", self.tr("&Dark"))):
            action = theme_menu.addAction(text)
            action.setCheckable(True)
            action.setChecked(name == self.settings.theme)
            action.triggered.connect(lambda _checked=False, n=name: self.change_theme(n))
            theme_group.addAction(action)
            self.theme_actions[name] = action

        language_menu = bar.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        for code, name in (("en", "English"), ("zh_CN", "中文")):
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == self.lang)
            action.triggered.connect(lambda _checked=False, c=code: self.change_language(c))
            group.addAction(action)
            self.language_actions[code] = action

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.tr("Performance &handbook"), self._on_handbook_action_triggered)
        about = help_menu.addAction(self.tr("&About"), self._on_about_action_triggered)
        about.setMenuRole(QAction.MenuRole.AboutRole)

    @property
    def sync(self) -> SyncController:
        """The File menu's sync entries and the watching of the shared folder (``ui.sync_ui``), made on first
        use: the sync modules (``desktop_crm.sync``) are not imported before the window is painted."""
        if self._sync is None:
            from .sync_ui import SyncController

            self._sync = SyncController(self)
            self._file_menu.insertActions(self._sync_place, self._sync.actions)
        return self._sync

    def _build_edit_menu(self) -> None:
        from .undo import bind_actions as bind_undo_actions
        from .undo import undo_stack

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        stack = undo_stack()
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts(
            [QKeySequence("Ctrl+Shift+Z"), QKeySequence(QKeySequence.StandardKey.Redo)]
        )
        bind_undo_actions(self.undo_action, self.redo_action)  # the stack moves only when the file did
        from .undo import notifier as undo_notifier

        undo_notifier().sig_failed.connect(self._on_undo_failed)  # whichever page is shown
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.new_client_action = edit_menu.addAction(
            self.tr("New &client…"), self._on_new_client_action_triggered
        )
        self.new_client_action.setShortcut(QKeySequence("Ctrl+N"))
        self.log_follow_up_action = edit_menu.addAction(
            self.tr("Log &follow-up…"), self._on_log_follow_up_action_triggered
        )
        self.log_follow_up_action.setShortcut(QKeySequence(LOG_FOLLOW_UP_SHORTCUT))
        self.sig_database_opened.connect(self._on_database_opened_clear_undo)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        from .elided import ElidedLabel

        self.path_label = ElidedLabel(bar)  # elided in the middle: the file's name stays in view
        # A long database path must not widen the window: the label gives way, the tooltip keeps it all.
        self.path_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count_label = QLabel(bar)
        self.schema_label = QLabel(bar)
        # Reminders get their own button: a temporary status message would be drawn over the path. It
        # names the step and its client, stays until clicked or until no reminded step is due, and opens it.
        from .reminders import ReminderButton

        self.reminder_label = ReminderButton(bar)
        self.reminder_label.setAccessibleName(self.tr("Open the next step due"))
        self.reminder_label.clicked.connect(self._on_reminder_label_clicked)
        self.reminder_label.hide()
        bar.addWidget(self.reminder_label)
        bar.addWidget(self.path_label, 1)
        self.encryption_label = QLabel(self.tr("Encrypted"), bar)
        self.encryption_label.setObjectName("encryptionLabel")
        self.encryption_label.setToolTip(
            self.tr("The database file and its backups are encrypted: they open only with the passphrase.")
        )
        self.encryption_label.hide()
        bar.addPermanentWidget(self.encryption_label)
        bar.addPermanentWidget(self.count_label)
        bar.addPermanentWidget(self.schema_label)
        # The client count (and who is working) follow every committed change (ui.changes).
        self.status_freshness = Freshness(
            self.count_label, {"client", "user"}, lambda _c: self.update_status(), even_hidden=True
        )
        bus().sig_changed.connect(self._on_bus_changed_status)  # ends with the window

    def _on_bus_changed_status(self, change_set: ChangeSet) -> None:
        self.status_freshness.on_changed(change_set)

    def _build_reminders(self) -> None:
        """The Today badge and the tray reminders; Today's "open client" goes to the Clients page."""
        from .reminders import ReminderService

        self.reminders = ReminderService(self)
        self.reminders.sig_badge_changed.connect(self._on_reminders_badge_changed)
        self.reminders.sig_pending_changed.connect(self._on_reminders_pending_changed)
        self.reminders.sig_open_requested.connect(self._on_reminders_open_requested)
        handbook_links().sig_open_requested.connect(self._on_handbook_links_open_requested)
        self.reminders.start()

    def _build_dashboard_links(self) -> None:
        """Nothing to build now: the dashboard is wired when it is built (``_wire_page``)."""

    def _wire_page(self, page: Page) -> None:
        """Connect a page just built to the window: Today's and the dashboard's links, the Settings
        page's language choice, the theme."""
        from .theme import current_theme

        if page.key == "today":
            page.sig_open_client_requested.connect(self._on_today_open_client_requested)  # type: ignore[attr-defined]
            page.service_section.sig_open_record_requested.connect(  # type: ignore[attr-defined]
                self._on_today_open_service_record_requested
            )
        elif page.key == "dashboard":
            # The dashboard opens a client (drill-down), a person's weekly forms or goals.
            page.sig_open_client_requested.connect(self._on_today_open_client_requested)  # type: ignore[attr-defined]
            page.sig_open_weekly_requested.connect(self._on_dashboard_open_weekly_requested)  # type: ignore[attr-defined]
            page.sig_open_goals_requested.connect(self._on_dashboard_open_goals_requested)  # type: ignore[attr-defined]
            page.set_theme(current_theme())  # type: ignore[attr-defined]
        elif page.key == "settings":
            page.set_current_language(self.lang)  # type: ignore[attr-defined]
            page.sig_language_chosen.connect(self._on_settings_language_chosen)  # type: ignore[attr-defined]

    def _restore_state(self) -> None:
        if not self.restoreGeometry(self.settings.geometry):
            self.resize(DEFAULT_SIZE)
        last = self.settings.last_page
        self.show_page(PAGE_KEYS.index(last) if last in PAGE_KEYS else 0)

    # --- public --------------------------------------------------------------------------------
    @property
    def current_page(self) -> Page:
        return self.page_at(self.stack.currentIndex())

    def page(self, key: str) -> Page:
        """The page ``key``, built now if it was not yet (imports its module on first use)."""
        return self.page_at(PAGE_KEYS.index(key))

    def page_at(self, index: int) -> Page:
        """The page at ``index`` in navigation order, built on first access in place of its placeholder."""
        page = self._built.get(index)
        if page is not None:
            return page
        cls = PAGES[index].load()
        page = app_filters.built_suspended(lambda: cls(self.stack))
        self._built[index] = page
        placeholder = self.stack.widget(index)
        was_current = self.stack.currentIndex() == index
        self.stack.insertWidget(index, page)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        if was_current:
            self.stack.setCurrentIndex(index)
        self._wire_page(page)
        return page

    def built_pages(self) -> list[Page]:
        """The pages built so far (building none)."""
        return [self._built[i] for i in sorted(self._built)]

    def is_built(self, key: str) -> bool:
        return PAGE_KEYS.index(key) in self._built

    def start_idle_building(self, delay_ms: int = IDLE_BUILD_DELAY_MS) -> None:
        """After the first paint, import the modules of the pages not visited yet on a background thread
        (pure Python: the GUI thread keeps running), so that a first visit only builds its page, then
        matplotlib (the dashboard's charts). The pages themselves are built on their first visit, except
        those marked ``build_when_idle`` (the dashboard, 27 ms to build, whose hidden warm-up then
        prepares its first visit), built once the window has idled ``IDLE_PAGE_BUILD_MS``. Called by the
        window itself; a second call does nothing."""
        if hasattr(self, "_preloaded"):
            return
        self._idle_delay = delay_ms
        self._preloaded: set[str] = set()
        self._after_first_paint(lambda: QTimer.singleShot(self._idle_delay, self, self._start_preload))

    def _start_preload(self) -> None:
        """One importing thread at a time: the page modules, then matplotlib (the dashboard's charts wait
        for it, never import it themselves), and not while the page shown is busy. Two importers at once,
        or one beside the dashboard drawing its first charts, took turns at the interpreter lock with the
        window's thread and held it off for 60-140 ms at a time (measured starting on the dashboard, whose
        charts start matplotlib's import at the first paint: the pages' modules wait for it)."""
        if self.shown_page_busy():  # its charts first: they need the interpreter now
            QTimer.singleShot(PRELOAD_RETRY_MS, self, self._start_preload)
            return
        from .charts import canvas
        from .charts.mplconfig import ensure_mplconfigdir

        names = [spec.module_name for i, spec in enumerate(PAGES) if i not in self._built]
        done = self._preloaded

        def run() -> None:
            canvas.join_page_importer()
            preload_modules([*names, *IDLE_PRELOAD_EXTRA], done)
            canvas.join_page_importer()  # a page may have started it meanwhile: one importer at a time
            try:
                canvas._import_matplotlib(self._activity.wait_until_quiet)
            except Exception:  # pragma: no cover - a chart's canvas imports it again and reports
                log.exception("matplotlib could not be imported in the background")

        ensure_mplconfigdir()  # reads Qt's paths: on this thread
        importer = threading.Thread(target=run, name="page-preload", daemon=True)
        importer.start()
        self._watch_busy(importer)
        QTimer.singleShot(IDLE_PAGE_BUILD_MS, self, self._build_idle_pages)

    def _watch_busy(self, importer: threading.Thread) -> None:
        """While ``importer`` runs: every ``BUSY_POLL_MS``, a page shown busy or the worker reading marks
        the activity (``_Activity``), as opening a page does."""
        if not importer.is_alive():
            return
        if self.shown_page_busy() or default_worker().busy():
            self._activity.last = time.monotonic()
        QTimer.singleShot(BUSY_POLL_MS, self, lambda: self._watch_busy(importer))

    def _build_idle_pages(self) -> None:
        """Build the next page marked ``build_when_idle`` (one per call, each building in a turn of its
        own), once the modules are imported and while the page shown is not busy nor the worker reading."""
        waiting = [i for i, spec in enumerate(PAGES) if spec.build_when_idle and i not in self._built]
        if not waiting:
            return
        if (
            not self.idle_preload_done()
            or self.shown_page_busy()
            or default_worker().busy()
            or time.monotonic() - self._activity.last < QUIET_S  # the user is opening pages
        ):
            QTimer.singleShot(PRELOAD_RETRY_MS, self, self._build_idle_pages)
            return
        self.page_at(waiting[0])
        if len(waiting) > 1:
            QTimer.singleShot(PRELOAD_RETRY_MS, self, self._build_idle_pages)

    def shown_page_busy(self) -> bool:
        """Whether the page shown is reading or drawing (``Page.busy``): idle-time work waits meanwhile."""
        page = self._built.get(self.stack.currentIndex())
        return page is not None and page.busy()

    def idle_preload_done(self) -> bool:
        """Every page module imported by the idle-time preload (``start_idle_building``)."""
        names = {spec.module_name for spec in PAGES} | set(IDLE_PRELOAD_EXTRA)
        return names <= getattr(self, "_preloaded", set()) | {
            spec.module_name for i, spec in enumerate(PAGES) if i in self._built
        }

    def after_first_paint(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` right after this window's first paint (``ui.shell``: what can wait for it)."""
        self._after_first_paint(callback)

    def _after_first_paint(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once, right after the window's first paint (at once if it was painted).
        A paintEvent override rather than an event filter: a filter object owned by the window still
        receives events while the window is being destroyed, after its Python side is gone."""
        if getattr(self, "_painted_once", False):
            QTimer.singleShot(0, self, callback)
            return
        if not hasattr(self, "_first_paint_callbacks"):
            self._first_paint_callbacks: list[Callable[[], None]] = []
        self._first_paint_callbacks.append(callback)

    def event(self, event: QEvent) -> bool:
        """A repaint of the window (``UpdateRequest``: every widget waiting to be painted, painted now)
        holds the threads that pace themselves (the worker's long reads, the idle-time imports) until
        it is over (``desktop_crm.pacing.hold``): its many calls into Python then never wait for them."""
        if event.type() != QEvent.Type.UpdateRequest:
            return super().event(event)
        pacing.hold(True)
        try:
            return super().event(event)
        finally:
            pacing.hold(False)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if not getattr(self, "_painted_once", False):
            self._painted_once = True
            for callback in getattr(self, "_first_paint_callbacks", []):
                QTimer.singleShot(0, self, callback)  # dropped if the window is deleted first
            self._first_paint_callbacks = []

    def show_page(self, index: int) -> None:
        self.nav.setCurrentRow(index)
        self._on_nav_row_changed(index)

    def refresh_all(self) -> None:
        """Mark every page stale and refresh the visible one (after the data changed)."""
        self._stale = set(range(len(PAGES)))
        self._on_nav_row_changed(self.stack.currentIndex())
        self.update_status()
        self.reminders.check()

    def update_status(self) -> None:
        from desktop_crm.engine import stored_schema_version

        if is_team(self.db_path):
            where = shown(self.db_path)
            self.path_label.set_full_text(self.tr("Team database: {url}").format(url=where))
            self.setWindowTitle(self.tr("Desktop CRM — {database}").format(database=where))
        else:
            self.path_label.set_full_text(self.tr("Database: {path}").format(path=str(self.db_path)))
            self.setWindowTitle(self.tr("Desktop CRM"))
        self.encryption.update_actions()
        self.encryption_label.setVisible(self.encryption.encrypted())
        self.count_label.setText(self.tr("{count} clients").format(count=page_data.client_count()))
        version = stored_schema_version()
        self.schema_label.setText(self.tr("Schema v{version}").format(version=version))
        self.working_as.update_label()

    def save_state(self) -> None:
        if not self.remember_state:
            return
        self.settings.geometry = self.saveGeometry()
        self.settings.last_page = self.current_page.key
        self.settings.sync()

    def change_language(self, lang: str) -> None:
        """Remember ``lang``; the controller listening to ``sig_language_changed`` rebuilds the window."""
        if lang == self.lang:
            return
        self.settings.language = lang
        self.save_state()
        self.sig_language_changed.emit(lang)

    def switch_database(self, path: str | Path, *, created: bool = False) -> bool:
        """Open ``path`` in place of the current database; False (after telling the user) on failure."""
        from desktop_crm.models import database

        from .file_status import OpenFlow, start_integrity_check

        previous = database.obj
        # The lock, read-only files, a damaged file's backup, another file chosen instead: file_status.
        opened_path = OpenFlow(self).open(path)
        if opened_path is None:
            return False
        path, opened = opened_path, database.obj
        if previous is not None and previous is not opened:
            previous.close()
        if not created:
            start_integrity_check(opened_path)
        self.db_path = target_of(path)
        self.reminders.reset()
        self.refresh_all()
        self.sig_database_opened.emit(str(path))
        if created:
            self.sig_database_created.emit(str(path))
        return True

    # --- Qt overrides --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.backups.allow_close(event):  # the closing backup runs first, on the worker
            return
        self.reminders.stop()
        self.save_state()
        super().closeEvent(event)

    # --- slots ---------------------------------------------------------------------------------
    def _on_nav_row_changed(self, row: int) -> None:
        if not 0 <= row < len(PAGES):
            return
        page = self.page_at(row)
        # a page's first showing polishes every widget: an event each, through both filters' Python
        quietly = app_filters.suspended([page]) if row not in self._shown_once else nullcontext()
        self._shown_once.add(row)
        if self.stack.currentIndex() != row:
            self._activity.last = time.monotonic()
            with quietly:
                self.stack.setCurrentIndex(row)
        if row in self._stale:
            self._stale.discard(row)
            page.refresh()

    def _on_reminders_badge_changed(self, count: int) -> None:
        index = PAGE_KEYS.index("today")
        title = PAGES[index].title()
        text = self.tr("{title} ({count})").format(title=title, count=count) if count else title
        self.nav.item(index).setText(text)

    def _on_reminders_pending_changed(self, steps: list) -> None:
        if not steps:
            self.reminder_label.hide()
            return
        self.reminder_label.set_reminder(
            self.reminders.status_text(steps), self.reminders.status_tooltip(steps)
        )
        self.reminder_label.show()

    def _on_reminder_label_clicked(self) -> None:
        """Open the first step reminded on Today (selected, its actions ready); the others are listed
        there too. The reminder is answered: the button goes."""
        steps = list(self.reminders.pending)
        self.reminders.dismiss()
        page = self.page("today")
        self.show_page(self.pages.index(page))
        if steps:
            page.open_step(steps[0].id, steps[0].client_id)  # type: ignore[attr-defined]

    def _on_reminders_open_requested(self) -> None:
        self.showNormal()
        self.raise_()
        self.activateWindow()
        self._on_reminder_label_clicked()

    def _on_today_open_client_requested(self, client_id: int) -> None:
        page = self.page("clients")
        self.show_page(self.pages.index(page))
        page.open_client(client_id)  # type: ignore[attr-defined]

    def _on_today_open_service_record_requested(self, client_id: int, record_id: int) -> None:
        self._on_today_open_client_requested(client_id)
        self.page("clients").hub.show_service_record(record_id)  # type: ignore[attr-defined]

    def _on_dashboard_open_weekly_requested(self, user_id: int) -> None:
        page = self.page("weekly")
        self.show_page(self.pages.index(page))
        page.open_form_of(user_id)  # type: ignore[attr-defined]

    def _on_dashboard_open_goals_requested(self, user_id: int) -> None:
        page = self.page("goals")
        self.show_page(self.pages.index(page))
        page.show_person(user_id)  # type: ignore[attr-defined]

    def change_theme(self, name: str) -> None:
        """Light or dark: the whole window and the charts follow; remembered in the settings."""
        from PySide6.QtWidgets import QApplication

        from .theme import apply_theme

        if self.remember_state:
            self.settings.theme = name
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, name)
        for page_name, action in self.theme_actions.items():
            action.setChecked(page_name == name)
        for page in self.built_pages():  # a page built later takes the theme then (``_wire_page``)
            if hasattr(page, "set_theme"):
                page.set_theme(name)

    def _on_new_client_action_triggered(self) -> None:
        page = self.page("clients")
        self.show_page(self.pages.index(page))
        page.new_client()  # type: ignore[attr-defined]

    def _on_log_follow_up_action_triggered(self) -> None:
        """Log a follow-up from anywhere; about the client on screen when a client hub is shown."""
        hub = getattr(self.current_page, "_hub", None)
        client_id = hub.client_id if hub is not None and hub.isVisible() else None
        if actions.log_follow_up(self, client_id) is not None:
            self.refresh_all()

    def _on_database_opened_clear_undo(self, _path: str) -> None:
        from .undo import undo_stack

        undo_stack().clear()

    def _on_settings_language_chosen(self, lang: str) -> None:
        self.change_language(lang)

    def _on_new_action_triggered(self) -> None:
        path = prompts.ask_database_path(self, self.tr("New database"), self.file_folder(), new=True)
        if not path:
            return
        if Path(path).exists():
            prompts.show_error(
                self,
                self.tr("New database"),
                self.tr("{path} already exists. Use Open database to open it.").format(path=path),
            )
            return
        self.switch_database(path, created=True)

    def _on_open_action_triggered(self) -> None:
        path = prompts.ask_database_path(self, self.tr("Open database"), self.file_folder(), new=False)
        if path:
            self.switch_database(path)

    def file_folder(self) -> str:
        """Where the file dialogs start: the open file's folder (the default one on a team database)."""
        if is_team(self.db_path):
            from desktop_crm.paths import default_db_path

            return str(default_db_path().parent)
        return str(Path(self.db_path).parent)

    def _on_team_action_triggered(self) -> None:
        """File → Connect to team database…: the address (and a password, kept in memory only)."""
        last = shown(self.db_path) if is_team(self.db_path) else self.settings.last_team_url
        dialog = TeamConnectDialog(self, last)
        if prompts.run_modal(dialog) != TeamConnectDialog.DialogCode.Accepted.value:
            return
        url = dialog.url()
        password = dialog.password()
        if password is not None:
            remember_password(url, password)
        self.switch_database(url)

    def _on_backup_action_triggered(self) -> None:
        self.backups.backup_to_file()

    def _on_restore_action_triggered(self) -> None:
        self.backups.restore()

    def open_import_wizard(self, kind: str = "clients") -> None:
        """File → Import…: the import wizard; the pages refresh after a committed import."""
        from .importer import ImportWizard

        wizard = ImportWizard(self, kind)
        wizard.sig_imported.connect(self._on_import_wizard_imported)
        prompts.run_modal(wizard)
        wizard.deleteLater()  # a child of the window: do not keep the file's rows

    def _on_import_action_triggered(self) -> None:
        self.open_import_wizard()

    def _on_export_action_triggered(self, kind: str) -> None:
        from .exporter import export_records

        export_records(self, kind)

    def _on_export_next_steps_action_triggered(self) -> None:
        from .exporter import export_next_steps

        export_next_steps(self)

    def _on_import_template_action_triggered(self) -> None:
        from .importer import save_template

        save_template(self)

    def _on_import_wizard_imported(self, _result: object) -> None:
        self.refresh_all()

    def _on_undo_failed(self, message: str) -> None:
        if self.isVisible():
            prompts.show_error(self, self.tr("Cannot undo"), message)

    def _on_about_action_triggered(self) -> None:
        from .about import AboutDialog  # version, data folder, licences of the bundled parts

        prompts.run_modal(AboutDialog(self.db_path, self))

    def _on_handbook_action_triggered(self) -> None:
        self.show_page(self.pages.index(self.page("handbook")))

    def _on_handbook_links_open_requested(self, key: str) -> None:
        """A KPI link anywhere: the handbook page at that topic's entry (or a notice that none exists)."""
        page = self.page("handbook")
        self.show_page(self.pages.index(page))
        page.show_key(key)  # type: ignore[attr-defined]

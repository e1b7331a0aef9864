"""Start the GUI: ``main(argv) -> exit code``.

Options (the CLI passes them through when no subcommand is given)::

    --db PATH          the database file (default: the one opened last, else
                       desktop_crm.paths.default_db_path()); a missing
                       file is created, and the user is offered demo data
    --db postgresql://user@host:port/db
                       a team database (ui.team_database): no file lock, backups or file
                       check; a password in the URL or typed when asked stays in memory
    --lang en|zh_CN    the interface language (default: the remembered choice, else the system locale);
                       a language given here is remembered for the next start
    --self-test        open every page on the database, process events, refresh each page; exit 0 when
                       all built and refreshed without an exception, else print the problems to stderr
                       and exit 1 (no window is left open, no dialog is shown)
    --screenshots DIR  render every page at 1280×800 to DIR/<page>.png and exit 0. With --lang, only
                       that language, straight into DIR; without --lang, both languages, into
                       DIR/en/ and DIR/zh_CN/
    --passphrase-file FILE
                       an encrypted database's passphrase: the first line of FILE (without it: the system
                       keychain's, else the passphrase dialog; a wrong one there is asked again)
    --quit-after-first-paint
                       start as usual and exit 0 right after the main window's first paint (no
                       first-run questions, no integrity check): start-up measured from outside

Languages switch live: choosing one in the Language menu or on the Settings page swaps the
translators and rebuilds the main window (same page, same geometry); the choice is remembered.
Database errors are shown in a message box (or printed in the headless modes) and give exit code 1.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QMessageLogContext,
    QSettings,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication

from . import prompts
from .app_filters import install_application_filters
from .charts.mplconfig import ensure_mplconfigdir
from .fonts import register_qt_font
from .gui_gc import freeze_startup, install_gui_thread_collector
from .i18n import ensure_compiled, install_translators, remove_translators, resolve_language
from .settings import APPLICATION_NAME, LANGUAGES, ORGANIZATION_NAME, AppSettings

log = logging.getLogger("ui")

GIL_SWITCH_INTERVAL = 0.001  # seconds (create_application)

STYLESHEET = Path(__file__).resolve().parent.parent / "resources" / "styles" / "app.qss"
ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"  # packaging/icons/make_icons.py


def parse_args(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    from desktop_crm.paths import default_db_path

    parser = argparse.ArgumentParser(
        prog="desktop-crm", description="Offline desktop CRM for B2B salespeople."
    )
    parser.add_argument(
        "--db",
        type=database_argument,
        default=None,
        help=f"database file or team database URL postgresql://user@host:port/db (default: the last one "
        f"opened, else {default_db_path()})",
    )
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help="an encrypted database's passphrase: the first line of FILE (else the keychain, else asked)",
    )
    parser.add_argument("--lang", choices=LANGUAGES, help="interface language (default: system locale)")
    parser.add_argument("--self-test", action="store_true", help="open every page, exit 0 if all work")
    parser.add_argument("--screenshots", type=Path, metavar="DIR", help="render every page to DIR and exit")
    parser.add_argument(
        "--quit-after-first-paint",
        action="store_true",
        help="exit 0 right after the main window's first paint (to measure the start)",
    )
    args, rest = parser.parse_known_args(argv)
    return args, rest


def database_argument(value: str) -> Path | str:
    """``--db``: a team database's URL stays a URL (without its password, kept in memory); anything
    else is a file's path."""
    from .team_database import target_of

    return target_of(value)


def choose_database(requested: Path | str | None, settings: AppSettings) -> Path | str:
    """``--db`` if given, else the database opened last (a file that still exists, or a team
    database's URL), else the default file."""
    from desktop_crm.paths import default_db_path

    from .team_database import is_team

    if requested is not None:
        return requested
    last = settings.last_database
    if last and is_team(last):
        return last
    if last and Path(last).exists():
        return Path(last)
    return default_db_path()


def configure_application(app: QCoreApplication) -> None:
    from desktop_crm.paths import portable_home

    QCoreApplication.setOrganizationName(ORGANIZATION_NAME)
    QCoreApplication.setApplicationName(APPLICATION_NAME)
    home = portable_home()
    if home is not None:  # a portable installation leaves nothing on the machine: settings in its folder
        # Every QSettings of the process: ours (IniFormat), a plain QSettings() (the default format) and
        # Qt's own (its file dialog's QtProject settings, NativeFormat: a file on Linux).
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(home / "settings"))
    app.setApplicationDisplayName("Desktop CRM")
    if isinstance(app, QApplication):
        set_window_icon(app)


def set_window_icon(app: QApplication) -> None:
    """The application's icon (every window's, the task bar's): the PNG renderings of its drawing."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for png in sorted(ICONS.glob("desktop-crm-*.png")):
        icon.addFile(str(png))
    if not icon.isNull():
        app.setWindowIcon(icon)
    app.setDesktopFileName("desktop-crm")  # Wayland: the installed desktop-crm.desktop (its name, icon)


class _LogFileHandler(logging.Handler):
    """``desktop-crm.log`` in the data folder, rotated at 1 MB (three kept), opened at the first record:
    ``logging.handlers`` (sockets, pickle, queues: ~10 ms) is imported only when something is logged,
    not at every start. A folder that cannot be written sends the records to stderr instead."""

    def __init__(self) -> None:
        super().__init__()
        self._target: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._target is None:
            self._target = _open_log_file()
            self._target.setFormatter(self.formatter)
        self._target.emit(record)

    def close(self) -> None:
        if self._target is not None:
            self._target.close()
        super().close()


def _open_log_file() -> logging.Handler:
    import logging.handlers

    from desktop_crm.paths import data_dir

    try:
        data_dir().mkdir(parents=True, exist_ok=True)
        return logging.handlers.RotatingFileHandler(
            data_dir() / "desktop-crm.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return logging.StreamHandler(sys.stderr)


def configure_logging() -> None:
    root = logging.getLogger()
    if any(getattr(h, "_desktop_crm", False) for h in root.handlers):
        return
    handler = _LogFileHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._desktop_crm = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)


def _gui_excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    """Log the traceback; show the user a message, never the traceback."""
    log.error("unhandled exception", exc_info=(kind, value, tb))
    if issubclass(kind, KeyboardInterrupt):
        return
    try:
        window = QApplication.activeWindow()
        from desktop_crm.storage_errors import storage_error

        from .errors import error_text

        mapped = storage_error(value) if isinstance(value, Exception) else None
        if mapped is not None:  # a full disk, a lock, a read-only file: the real cause, in one sentence
            title = (
                QCoreApplication.translate("App", "The file is damaged")
                if mapped.code.startswith("db.damaged")
                else QCoreApplication.translate("App", "Not saved")
            )
            prompts.show_error(window, title, error_text(mapped))
            return
        from desktop_crm.errors import CrmError

        if isinstance(value, CrmError):  # a domain error nobody caught: its sentence, translated by code
            prompts.show_error(window, QCoreApplication.translate("App", "Not saved"), error_text(value))
            return
        message = QCoreApplication.translate(
            "App", "Something went wrong: {error}\n\nThe details were written to the log file."
        ).format(error=str(value).splitlines()[0] if str(value) else kind.__name__)
        prompts.show_error(window, QCoreApplication.translate("App", "Unexpected error"), message)
    except Exception:  # never let the hook itself raise
        traceback.print_exception(kind, value, tb)


def install_excepthook() -> None:
    sys.excepthook = _gui_excepthook


def apply_style(app: QApplication) -> None:
    """The remembered theme (View → Theme): style sheet and palette (``ui.theme``)."""
    from .theme import apply_theme

    apply_theme(app, AppSettings().theme)


def create_application(argv: list[str], *, defer_filters: bool = False) -> QApplication:
    """The application, configured and styled. ``defer_filters``: the application-wide event filters
    (``ui.app_filters``) are left to the window's first paint (the window's start), else installed now."""
    existing = QApplication.instance()
    app = (
        existing
        if isinstance(existing, QApplication)
        else QApplication([sys.argv[0] if sys.argv else "desktop-crm", *argv])
    )
    configure_application(app)
    # The window's thread takes the interpreter lock back within 1 ms (5 ms by default) from a thread
    # that runs Python meanwhile (the database worker, the idle-time imports): each of its calls into
    # Qt and back waited up to the whole interval while those ran (first visit of the dashboard: the
    # longest stall 64-80 ms, 52 ms with 1 ms).
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)
    ensure_mplconfigdir()  # before matplotlib is ever imported
    register_qt_font(app)
    apply_style(app)
    if not defer_filters:
        install_application_filters(app)  # the wheel guard, combo lists and cut cells' tips
    install_gui_thread_collector(app)  # cycles holding Qt objects are freed on the GUI thread only
    return app


def open_database_or_report(path: Path | str, *, headless: bool) -> Path | str | None:
    """Open ``path`` through ``ui.file_status.OpenFlow`` (the one-window lock, read-only files, damaged
    files offered their backup, ...); returns the path opened (the user may have chosen another file),
    or None after telling the user why not (dialog, or stderr when headless)."""
    from .file_status import OpenFlow
    from .team_database import target_of

    opened = OpenFlow(None).open(path, headless=headless)
    return target_of(opened) if opened is not None else None


def main(argv: list[str] | None = None) -> int:
    args, rest = parse_args(list(sys.argv[1:] if argv is None else argv))
    headless = bool(args.self_test or args.screenshots)
    if headless and QApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # these modes need no screen
        os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    app = create_application(rest, defer_filters=not headless)  # installed after the first paint
    configure_logging()
    settings = AppSettings()
    args.db = choose_database(args.db, settings)
    ensure_compiled()
    if args.passphrase_file is not None and not _give_passphrase(args.passphrase_file, args.db):
        return 1
    if headless:
        return _run_headless(app, args, settings)
    install_excepthook()
    lang = resolve_language(args.lang, settings.language)
    if args.lang:
        settings.language = args.lang
    install_translators(app, lang)
    from .team_database import is_team

    team = is_team(args.db)  # a team database: no file to create, lock, back up or check
    first_launch = not team and not Path(args.db).exists()
    opened = open_database_or_report(args.db, headless=False)
    if opened is None:
        return 1
    args.db = opened
    from .file_status import install_busy_retry, release_lock, start_integrity_check

    install_busy_retry()  # a lock held elsewhere beyond the timeout: Retry / Cancel
    from .shell import Shell, remember_database

    remember_database(settings, args.db)

    shell = Shell(app, args.db, lang, settings)
    if args.quit_after_first_paint:  # a measurement: leave right after the paint, waiting for nothing
        shell.start(on_first_paint=lambda: _leave_now(0))
    else:
        window = shell.start(first_launch=first_launch)
        # the start's objects out of the collector's sight once painted (ui.gui_gc)
        window.after_first_paint(freeze_startup)
        if not first_launch and not team:
            start_integrity_check()  # after the window shows, on a thread of its own
    code = int(app.exec())
    _stop_worker()
    release_lock()
    return code


def _give_passphrase(source: Path, db: Path | str) -> bool:
    """``--passphrase-file``: the database's passphrase for the window (tried before the keychain and
    the dialog); False after saying on stderr why the file cannot be read."""
    from desktop_crm.errors import CrmError

    from .encryption_ui import give_passphrase, read_passphrase_file
    from .errors import error_text
    from .team_database import is_team

    try:
        passphrase = read_passphrase_file(source)
    except CrmError as exc:
        print(f"desktop-crm: {error_text(exc)}", file=sys.stderr)
        return False
    if not is_team(db):
        give_passphrase(db, passphrase)
    return True


def _leave_now(code: int) -> None:
    """End the process at once (``--quit-after-first-paint``, from the first paint's callback): the worker
    may be in the middle of the first page's query, which waiting for (as quitting the event loop does,
    through ``aboutToQuit``) would add to the measured start; nothing was written."""
    from .file_status import release_lock

    release_lock()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _stop_worker() -> None:
    """Wait for the database worker's current job before the interpreter tears Qt down (a running
    QThread destroyed at exit aborts the process)."""
    from .tasks import stop_default_worker

    stop_default_worker()


def _quiet_offscreen_messages(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Headless runs: drop the offscreen plugin's harmless chatter, pass everything else on."""
    if "propagateSizeHints" in message:
        return
    sys.stderr.write(message + "\n")


def _run_headless(app: QApplication, args: argparse.Namespace, settings: AppSettings) -> int:
    from . import headless

    qInstallMessageHandler(_quiet_offscreen_messages)

    previous_locale = QLocale()
    try:
        if open_database_or_report(args.db, headless=True) is None:
            return 1
        if args.self_test:
            lang = resolve_language(args.lang, settings.language)
            loaded = install_translators(app, lang)
            return headless.run_self_test(args.db, lang, settings, translation_loaded=loaded)
        languages = [args.lang] if args.lang else list(LANGUAGES)
        return headless.render_screenshots(
            app, args.db, Path(args.screenshots), languages, nested=not args.lang
        )
    finally:
        _stop_worker()
        qInstallMessageHandler(None)
        remove_translators(app)
        QLocale.setDefault(previous_locale)
        from desktop_crm.db import close_database

        close_database()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

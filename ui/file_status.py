"""Opening a database file in the window, and telling the user what state the file is in.

- :class:`OpenFlow` opens a file the way the window needs it: the one-window lock (``file_lock``; a
  file open elsewhere offers *Open read-only* / *Open anyway*), a zero-length file offered as a new
  database, a damaged or non-database file offered the restore of its latest backup (or another file),
  and every other refusal as one translated sentence.
- :class:`FileBanner` (a bar under the menus) and a status-bar label show the file's state: read-only,
  open in another window too, being checked, damaged.
- :func:`start_integrity_check` runs SQLite's ``quick_check`` on a thread of its own right after the
  window shows (never delaying the first paint, even on a 1 GB file, never queueing behind the pages'
  work); writes wait until it passes (the banner says so), and a failure turns the file read-only.
- :func:`install_busy_retry`: a lock held by another program beyond the busy timeout asks *Retry* /
  *Cancel* instead of failing the action.
"""

from __future__ import annotations

import contextlib
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSizePolicy, QToolBar, QWidget

from desktop_crm import file_lock, write_guard
from desktop_crm.errors import CrmError
from desktop_crm.storage_errors import DatabaseBusyError

from . import prompts
from .errors import error_text
from .team_database import is_team, open_team_or_error, target_of

DAMAGED_CODES = ("db.damaged", "db.not_a_database_file", "db.damaged_in_use")


@dataclass
class FileState:
    """What the window knows about the open file."""

    path: str = ""
    read_only: bool = False
    reason: str = ""  # "", "file" (cannot be written), "elsewhere", "damaged"
    shared_with: str = ""  # opened anyway although another window holds it: who
    checking: bool = False


class FileStatusNotifier(QObject):
    """Announces changes of the file's state (the banner and the status label follow it)."""

    sig_changed = Signal()
    sig_check_finished = Signal(str, str)  # path, problem ("" when sound)


_state = FileState()
_lock: file_lock.InstanceLock | None = None
_notifier: FileStatusNotifier | None = None


def state() -> FileState:
    return _state


def notifier() -> FileStatusNotifier:
    global _notifier
    if _notifier is None:
        _notifier = FileStatusNotifier()
        _notifier.sig_check_finished.connect(_on_check_finished)
    return _notifier


def release_lock() -> None:
    global _lock
    if _lock is not None:
        _lock.release()
        _lock = None


def _set_state(new: FileState, lock: file_lock.InstanceLock | None) -> None:
    global _state, _lock
    if _lock is not None and _lock is not lock:
        _lock.release()
    _state, _lock = new, lock
    notifier().sig_changed.emit()


class OpenFlow(QObject):
    """Open ``path`` for the window, asking the user where a decision is needed."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__()
        self.parent_widget = parent

    def open(self, path: str | os.PathLike[str], *, headless: bool = False) -> str | None:
        """Open ``path`` (or the file the user chose instead); returns the path opened, or None."""
        from desktop_crm.db import open_database

        path = os.fspath(path)
        if is_team(path):  # a team database: no file, so no lock, no damaged-file recovery
            return self._open_team(path, headless)
        lock: file_lock.InstanceLock | None = None
        read_only = False
        shared_with = ""
        if _lock is not None and _lock.db_path == Path(path).resolve():
            lock = _lock  # this window already holds it
        elif not headless:
            try:
                lock = file_lock.acquire(path)
            except file_lock.LockedElsewhere as taken:
                answer = self._ask_open_elsewhere(path, taken.owner)
                if answer is None:
                    return None
                read_only = answer == "read_only"
                shared_with = "" if read_only else taken.owner.describe()
        allow_empty = False
        for _attempt in range(3):
            try:
                db = open_database(path, read_only=read_only, allow_empty=allow_empty)
            except CrmError as exc:
                code = getattr(exc, "code", "")
                if code == "db.empty_file" and not headless and self._ask_start_empty(path):
                    allow_empty = True
                    continue
                if code == "db.passphrase_needed":  # encrypted: the given, saved or typed passphrase
                    from .encryption_ui import unlock_for_open

                    if unlock_for_open(self.parent_widget, path, headless=headless):
                        continue
                    if lock is not None and lock is not _lock:
                        lock.release()
                    return None  # cancelled, as a cancelled file dialog (headless: said on stderr)
                if lock is not None and lock is not _lock:
                    lock.release()
                if code in DAMAGED_CODES and not headless:
                    return self._offer_recovery(path, exc)
                self._show_refusal(exc, headless)
                return None
            except OSError as exc:
                if lock is not None and lock is not _lock:
                    lock.release()
                self._show_refusal(exc, headless)
                return None
            break
        else:
            return None
        if lock is None and not headless and not read_only:  # a new file in a new folder: lock it now
            with contextlib.suppress(file_lock.LockedElsewhere):
                lock = file_lock.acquire(path)
        db_read_only = bool(getattr(db, "crm_read_only", False))
        reason = "elsewhere" if read_only else "file" if db_read_only else ""
        _set_state(FileState(path, db_read_only, reason, shared_with), lock)
        return path

    def _open_team(self, url: str, headless: bool) -> str | None:
        """Open the team database at ``url``; returns its address without password (what the window
        shows and remembers), or None after saying why not (a cancelled password question: silently)."""
        target = str(target_of(url))
        opened, error = open_team_or_error(self.parent_widget, target, headless=headless)
        if opened is None:
            if error is not None:
                self._show_refusal(error, headless)
            return None
        _set_state(FileState(opened), None)  # the file opened before (if any) is let go
        return opened

    # --- questions ---------------------------------------------------------------------------
    def _ask_open_elsewhere(self, path: str, owner: file_lock.LockOwner) -> str | None:
        answer = prompts.ask_choice(
            self.parent_widget,
            self.tr("Open elsewhere"),
            self.tr(
                "{path} is already open in another window ({owner}).\n\nOpen it read-only here, or open "
                "it anyway? Both windows can save; each sees the other's changes after a refresh."
            ).format(path=path, owner=owner.describe()),
            [
                (QMessageBox.StandardButton.Open, self.tr("Open read-only")),
                (QMessageBox.StandardButton.Ignore, self.tr("Open anyway")),
                (QMessageBox.StandardButton.Cancel, self.tr("Cancel")),
            ],
            default=QMessageBox.StandardButton.Open,
        )
        if answer == QMessageBox.StandardButton.Open:
            return "read_only"
        if answer == QMessageBox.StandardButton.Ignore:
            return "anyway"
        return None

    def _ask_start_empty(self, path: str) -> bool:
        return prompts.ask_yes_no(
            self.parent_widget,
            self.tr("Empty file"),
            self.tr("{path} is empty (0 bytes).\n\nStart a new, empty database in this file?").format(
                path=path
            ),
        )

    def _show_refusal(self, exc: BaseException, headless: bool) -> None:
        import sys

        title = self.tr("Cannot open the database")
        text = error_text(exc) if isinstance(exc, CrmError) else (getattr(exc, "strerror", None) or str(exc))
        if headless:
            print(f"desktop-crm: {title}: {text}", file=sys.stderr)
        else:
            prompts.show_error(self.parent_widget, title, text)

    def _offer_recovery(self, path: str, exc: CrmError) -> str | None:
        """A damaged file: restore its latest backup, or choose another file."""
        latest = latest_backup(path)
        buttons = []
        text = error_text(exc)
        if latest is not None:
            from .fmt import short_datetime

            text += "\n\n" + self.tr(
                "The latest backup is from {when}. Restore it? The damaged file is kept."
            ).format(when=short_datetime(latest.created))
            buttons.append((QMessageBox.StandardButton.RestoreDefaults, self.tr("Restore the backup")))
        buttons += [
            (QMessageBox.StandardButton.Open, self.tr("Open another file…")),
            (QMessageBox.StandardButton.Cancel, self.tr("Cancel")),
        ]
        answer = prompts.ask_choice(self.parent_widget, self.tr("Cannot open the database"), text, buttons)
        if answer == QMessageBox.StandardButton.RestoreDefaults and latest is not None:
            try:
                from desktop_crm.restore import restore_backup

                restore_backup(path, latest.path)
            except CrmError as failed:
                prompts.show_error(self.parent_widget, self.tr("Restore"), error_text(failed))
                return None
            return self.open(path)
        if answer == QMessageBox.StandardButton.Open:
            other = prompts.ask_database_path(
                self.parent_widget, self.tr("Open database"), str(Path(path).parent), new=False
            )
            return self.open(other) if other else None
        return None


def latest_backup(path: str) -> object | None:
    """The newest backup of ``path`` that can be restored (a kept damaged file cannot), or None."""
    from desktop_crm.backup import latest_restorable

    try:
        return latest_restorable(path)
    except (OSError, CrmError):
        return None


# --- the banner and the status label -----------------------------------------------------------------
class FileBanner(QToolBar):
    """A bar under the menus saying what state the file is in (hidden when all is normal)."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("fileBanner")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)
        self.label = QLabel(self)
        self.label.setObjectName("fileBannerText")
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.label.setContentsMargins(10, 6, 10, 6)
        self.addWidget(self.label)
        self.status_label = QLabel(window.statusBar())
        self.status_label.setObjectName("fileStatusLabel")
        self.status_label.setStyleSheet("color: #b4471f; font-weight: 600;")
        window.statusBar().addPermanentWidget(self.status_label)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)
        notifier().sig_changed.connect(self.update_text)
        self.update_text()

    def update_text(self) -> None:
        current = state()
        refusal = write_guard.write_refusal()
        text, short, colour = "", "", "#fff4e5"
        if refusal == "damaged" or current.reason == "damaged":
            text = self.tr(
                "This file is damaged: it is open read-only so that nothing more is lost. Restore the latest "
                "backup."
            )
            short, colour = self.tr("Damaged"), "#fde8e8"
        elif current.read_only and current.reason == "elsewhere":
            text = self.tr("Read-only: this file is open in another window. Changes cannot be saved here.")
            short = self.tr("Read-only")
        elif current.read_only:
            text = self.tr(
                "Read-only: this file or its folder cannot be written. You can look at everything, but "
                "changes cannot be saved."
            )
            short = self.tr("Read-only")
        elif current.checking:
            text = self.tr("Checking the file for damage… Changes are possible in a moment.")
            short, colour = self.tr("Checking…"), "#eef4ff"
        elif current.shared_with:
            text = self.tr(
                "This file is also open in another window ({owner}). Both can save; refresh (F5) to see "
                "the other window's changes."
            ).format(owner=current.shared_with)
        self.label.setText(text)
        self.setStyleSheet(f"QToolBar#fileBanner {{ background: {colour}; border: 0; }}")
        self.status_label.setText(short)
        self.status_label.setVisible(bool(short))
        self.setVisible(bool(text))


def attach(window: QMainWindow) -> FileBanner:
    """Give ``window`` the banner and the status label (once)."""
    existing = window.findChild(FileBanner)
    return existing if isinstance(existing, FileBanner) else FileBanner(window)


# --- the integrity check after the window shows --------------------------------------------------------
def start_integrity_check(path: str | None = None) -> threading.Thread | None:
    """Run ``quick_check`` on a thread of its own; writes wait for it (``write_guard``)."""
    from desktop_crm.open_check import quick_check

    current = state()
    target = path or current.path
    if not target or target == ":memory:" or is_team(target) or not Path(target).is_file():
        return None  # a team database is checked by its server
    if write_guard.write_refusal() is None:
        write_guard.set_write_refusal("checking")
    current.checking = True
    notifier().sig_changed.emit()
    signal = notifier().sig_check_finished

    def work() -> None:
        problem = quick_check(target)
        signal.emit(target, problem or "")

    thread = threading.Thread(target=work, name="quick_check", daemon=True)
    thread.start()
    return thread


def _on_check_finished(path: str, problem: str) -> None:
    current = state()
    if path != current.path:
        return  # another file was opened meanwhile
    current.checking = False
    if problem:
        current.reason = "damaged"
        current.read_only = True
        write_guard.set_write_refusal("damaged")
    elif write_guard.write_refusal() == "checking":
        write_guard.set_write_refusal("read_only" if current.read_only else None)
    notifier().sig_changed.emit()
    if problem:
        _DamageReport().show(path, problem)


class _DamageReport(QObject):
    def show(self, path: str, problem: str) -> None:
        from PySide6.QtWidgets import QApplication

        latest = latest_backup(path)
        text = self.tr(
            "{path} is damaged (SQLite's check: {problem}). It stays open read-only so that nothing more is "
            "lost."
        ).format(path=path, problem=problem)
        if latest is not None:
            from .fmt import short_datetime

            text += "\n\n" + self.tr(
                "The latest backup is from {when}: restore it with File → Restore from backup… (the damaged file is kept)."
            ).format(when=short_datetime(latest.created))  # type: ignore[attr-defined]
        prompts.show_error(QApplication.activeWindow(), self.tr("The file is damaged"), text)


# --- busy: Retry ------------------------------------------------------------------------------------
class BusyPrompt(QObject):
    def ask(self, error: DatabaseBusyError) -> bool:
        from PySide6.QtWidgets import QApplication

        answer = prompts.ask_choice(
            QApplication.activeWindow(),
            self.tr("Database busy"),
            error_text(error),
            [
                (QMessageBox.StandardButton.Retry, self.tr("Retry")),
                (QMessageBox.StandardButton.Cancel, self.tr("Cancel")),
            ],
            default=QMessageBox.StandardButton.Retry,
        )
        return answer == QMessageBox.StandardButton.Retry


_busy_prompt: BusyPrompt | None = None


def install_busy_retry() -> None:
    """From now on a lock outlasting the timeout asks Retry/Cancel (on the GUI thread only)."""
    global _busy_prompt
    _busy_prompt = BusyPrompt()
    write_guard.set_busy_handler(_busy_prompt.ask)


def uninstall_busy_retry() -> None:
    write_guard.set_busy_handler(None)

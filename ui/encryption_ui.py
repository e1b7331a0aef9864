"""Encryption at rest in the window (issue 17): the passphrase dialog, File → Encrypt database…,
Change passphrase…, Remove encryption…, File → New encrypted database…, and the note that exports
are not encrypted.

The key derivation (``desktop_crm.encryption.unlock`` / ``prepare_new``: 0.2–0.7 s) never runs on the
GUI thread: :func:`run_in_thread` runs it on a thread of its own while the dialog shows a busy bar (its
fields disabled), and delivers the outcome back on the GUI thread. A wrong passphrase is said in the
dialog, which stays open and asks again. The conversions (``encrypt_file``, ``decrypt_file``,
``change_passphrase``) work on a closed file: the window closes its database (as a restore does), runs
the conversion on the database worker with a progress dialog, and reopens the file.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from desktop_crm import encryption, keychain
from desktop_crm.errors import CrmError

from . import prompts
from .errors import error_text

if TYPE_CHECKING:
    from desktop_crm import encryption_convert

    from .main_window import MainWindow

# Passphrases given on the command line (``--passphrase-file``), by the file's resolved path.
_given: dict[str, str] = {}


def _convert() -> ModuleType:
    """``desktop_crm.encryption_convert``, imported on the first conversion (not before the window is
    painted)."""
    from desktop_crm import encryption_convert

    return encryption_convert


def _key(path: str | os.PathLike[str]) -> str:
    return str(Path(path).resolve())


def give_passphrase(path: str | os.PathLike[str], passphrase: str) -> None:
    """The passphrase of ``path`` from the command line: tried before the keychain and the dialog."""
    _given[_key(path)] = passphrase


def read_passphrase_file(path: str | os.PathLike[str]) -> str:
    """The first line of ``path`` (``--passphrase-file``); ``cli.passphrase_file`` when unreadable."""
    try:
        text = Path(path).read_bytes().decode("utf-8")
    except OSError as exc:
        raise CrmError("cli.passphrase_file", path=str(path), reason=exc.strerror or str(exc)) from exc
    except UnicodeDecodeError:
        raise CrmError("cli.passphrase_file", path=str(path), reason="it is not UTF-8 text") from None
    line = text.splitlines()[0] if text else ""
    if not line:
        raise CrmError("cli.passphrase_file", path=str(path), reason="its first line is empty")
    return line


def is_encrypted_database(path: str | os.PathLike[str] | None) -> bool:
    """Whether the window's database ``path`` is an encrypted file (a team database never is)."""
    from .team_database import is_team

    if path is None or is_team(path):
        return False
    return encryption.is_encrypted(path)


# --- a call on a thread of its own ------------------------------------------------------------
class _Call(QObject):
    """Runs ``fn`` on a Python thread; ``on_done(result, error)`` is called on the GUI thread."""

    _sig_done = Signal(object, object)

    def __init__(self, fn: Callable[[], Any], on_done: Callable[[Any, BaseException | None], None]) -> None:
        super().__init__()
        self.fn = fn
        self.on_done = on_done
        self.finished = False
        self._sig_done.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def start(self) -> None:
        _calls.add(self)
        threading.Thread(target=self._run, name="desktop-crm-unlock", daemon=True).start()

    def _run(self) -> None:
        try:
            result, error = self.fn(), None
        except BaseException as exc:  # delivered to the GUI thread, never lost
            result, error = None, exc
        self._sig_done.emit(result, error)

    @Slot(object, object)
    def _deliver(self, result: Any, error: BaseException | None) -> None:
        self.finished = True
        _calls.discard(self)
        self.on_done(result, error)


_calls: set[_Call] = set()


def run_in_thread(fn: Callable[[], Any], on_done: Callable[[Any, BaseException | None], None]) -> _Call:
    """Run the slow ``fn`` (a key derivation) off the GUI thread; ``on_done`` on the GUI thread."""
    call = _Call(fn, on_done)
    call.start()
    return call


def wait_busy(parent: QWidget | None, title: str, fn: Callable[[], Any]) -> Any:
    """Run ``fn`` on its own thread while a busy dialog shows (no frozen window); its result, or its
    exception raised here. For the start-up's passphrase from the keychain or the command line."""
    loop = QEventLoop()
    outcome: list[Any] = []

    def done(result: Any, error: BaseException | None) -> None:
        outcome[:] = [result, error]
        loop.quit()

    dialog = QProgressDialog(title, "", 0, 0, parent)
    dialog.setObjectName("unlockBusy")
    dialog.setWindowTitle(QCoreApplication.translate("Encryption", "Encrypted database"))
    dialog.setCancelButton(None)  # type: ignore[arg-type]
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(380)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.show()
    run_in_thread(fn, done)
    if not outcome:
        loop.exec()
    dialog.hide()
    dialog.deleteLater()
    result, error = outcome
    if error is not None:
        raise error
    return result


# --- the passphrase dialog ----------------------------------------------------------------------
class PassphraseDialog(QDialog):
    """Ask a passphrase. ``mode``:

    - ``"open"``: the passphrase of an encrypted file; OK unlocks it (on a thread), a wrong one is said
      here and asked again;
    - ``"encrypt"``: a new passphrase for the open database (twice), with what encryption covers;
    - ``"change"``: the current passphrase (checked on a thread) and a new one (twice);
    - ``"new"``: a new passphrase (twice) for a new database; OK prepares it (on a thread).
    """

    def __init__(self, parent: QWidget | None, mode: str, path: str | os.PathLike[str]) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.mode = mode
        self.path = os.fspath(path)
        self.busy = False
        self.call: _Call | None = None
        name = Path(self.path).name
        titles = {
            "open": self.tr("Encrypted database"),
            "encrypt": self.tr("Encrypt database"),
            "change": self.tr("Change passphrase"),
            "new": self.tr("New encrypted database"),
        }
        self.setWindowTitle(titles[mode])
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = {
            "open": self.tr(
                "{name} is encrypted (or is not a database file). Enter its passphrase to open it."
            ),
            "encrypt": self.tr("Encrypt {name} with a passphrase: without it, nobody can read the file."),
            "change": self.tr("Change the passphrase of {name}."),
            "new": self.tr("The new database {name} will be encrypted with this passphrase."),
        }[mode].format(name=name)
        self.intro_label = QLabel(intro, self)
        self.intro_label.setWordWrap(True)
        self.intro_label.setToolTip(self.path)
        layout.addWidget(self.intro_label)
        form = QFormLayout()
        self.current_edit = self._password_edit("currentPassphrase")
        self.passphrase_edit = self._password_edit("passphrase")
        self.repeat_edit = self._password_edit("repeatPassphrase")
        if mode == "change":
            form.addRow(self.tr("Current passphrase:"), self.current_edit)
            form.addRow(self.tr("New passphrase:"), self.passphrase_edit)
        else:
            self.current_edit.hide()
            form.addRow(self.tr("Passphrase:"), self.passphrase_edit)
        if mode == "open":
            self.repeat_edit.hide()
        else:
            form.addRow(self.tr("Repeat:"), self.repeat_edit)
        layout.addLayout(form)
        self.rule_label = QLabel(
            self.tr(
                "At least {minimum} characters, without a space at the start or end. A long sentence is "
                "easier to remember and harder to guess."
            ).format(minimum=encryption.MIN_PASSPHRASE_CHARS),
            self,
        )
        self.rule_label.setObjectName("hint")
        self.rule_label.setWordWrap(True)
        self.rule_label.setVisible(mode != "open")
        layout.addWidget(self.rule_label)
        notes = []
        if mode == "encrypt":
            notes.append(
                self.tr(
                    "The backups in the backups folder are encrypted too. Exported files and the attached "
                    "documents' files stay as they are, not encrypted."
                )
            )
        if mode != "open":
            notes.append(
                self.tr(
                    "A forgotten passphrase cannot be recovered: keep it safe, without it the data is lost."
                )
            )
        self.note_label = QLabel("\n".join(notes), self)
        self.note_label.setWordWrap(True)
        self.note_label.setVisible(bool(notes))
        layout.addWidget(self.note_label)
        self.remember_check = QCheckBox(self.tr("Remember in the system keychain"), self)
        self.remember_check.setObjectName("rememberPassphrase")
        self.remember_check.setVisible(keychain.available())
        layout.addWidget(self.remember_check)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        layout.addWidget(self.error_label)
        self.busy_label = QLabel(self.tr("Checking the passphrase…"), self)
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setObjectName("unlockProgress")
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setTextVisible(False)
        self.busy_label.hide()
        self.busy_bar.hide()
        layout.addWidget(self.busy_label)
        layout.addWidget(self.busy_bar)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok_text = {
            "open": self.tr("Open"),
            "encrypt": self.tr("Encrypt"),
            "change": self.tr("Change passphrase"),
            "new": self.tr("Create"),
        }[mode]
        self.ok_button.setText(ok_text)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.current_edit if mode == "change" else self.passphrase_edit).setFocus()

    def _password_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        edit.setMinimumWidth(260)
        return edit

    @property
    def ok_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    # --- answers -----------------------------------------------------------------------------
    def passphrase(self) -> str:
        return self.passphrase_edit.text()

    def repeated(self) -> str:
        return self.repeat_edit.text()

    def remember(self) -> bool:
        return not self.remember_check.isHidden() and self.remember_check.isChecked()

    # --- submitting --------------------------------------------------------------------------
    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def submit(self) -> None:
        """OK: check the entries; the slow part (unlock, prepare_new) on a thread, then accept."""
        if self.busy:
            return
        self.error_label.hide()
        if self.mode == "change" and not self.current_edit.text():
            self.show_error(error_text(CrmError("encryption.passphrase_empty")))
            self.current_edit.setFocus()
            return
        if self.mode != "open":
            try:
                encryption.check_new_passphrase(self.passphrase(), self.repeated())
            except CrmError as exc:
                self.show_error(error_text(exc))
                field = (
                    self.repeat_edit if exc.code == "encryption.passphrase_mismatch" else self.passphrase_edit
                )
                field.setFocus()
                field.selectAll()
                return
        elif not self.passphrase():
            self.show_error(error_text(CrmError("encryption.passphrase_empty")))
            return
        path, passphrase, repeated, current = (
            self.path,
            self.passphrase(),
            self.repeated(),
            self.current_edit.text(),
        )
        work: Callable[[], Any] | None = {
            "open": lambda: encryption.unlock(path, passphrase),
            "change": lambda: encryption.unlock(path, current),
            "new": lambda: encryption.prepare_new(path, passphrase, repeated),
            "encrypt": None,
        }[self.mode]
        if work is None:
            self.accept()
            return
        self._set_busy(True)
        self.call = run_in_thread(work, self._on_work_done)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (
            self.current_edit,
            self.passphrase_edit,
            self.repeat_edit,
            self.remember_check,
            self.ok_button,
        ):
            widget.setEnabled(not busy)
        self.busy_label.setText(
            self.tr("Preparing the encrypted database…")
            if self.mode == "new"
            else self.tr("Checking the passphrase…")
        )
        self.busy_label.setVisible(busy)
        self.busy_bar.setVisible(busy)

    def _on_work_done(self, _result: Any, error: BaseException | None) -> None:
        if not shiboken6.isValid(self):
            return
        self._set_busy(False)
        if error is None:
            if self.mode == "open" and self.remember():
                keychain.save_passphrase(self.path, self.passphrase())
            self.accept()
            return
        text = error_text(error) if isinstance(error, CrmError) else str(error)
        self.show_error(text)
        field = self.current_edit if self.mode == "change" else self.passphrase_edit
        if isinstance(error, CrmError) and error.code == "db.wrong_passphrase":
            field.clear()
        field.setFocus()


# --- opening an encrypted file ----------------------------------------------------------------
def unlock_for_open(parent: QWidget | None, path: str, *, headless: bool = False) -> bool:
    """Make the encrypted file ``path`` openable: the passphrase given on the command line, else the
    keychain's, else the dialog's (asked again while wrong). False when cancelled (or refused headless,
    after saying why on stderr)."""
    import sys

    given = _given.get(_key(path))
    if headless:
        if given is None:
            print(f"desktop-crm: {error_text(CrmError('cli.passphrase_needed', path=path))}", file=sys.stderr)
            return False
        try:
            encryption.unlock(path, given)
            return True
        except CrmError as exc:
            print(f"desktop-crm: {error_text(exc)}", file=sys.stderr)
            return False

    def attempt() -> bool:
        """On a thread of its own: the keychain (a system service that may take a while to answer)
        and the key derivation never run on the GUI thread."""
        candidates = [given] if given is not None else [keychain.load_passphrase(path)]
        for candidate in candidates:
            if candidate is None:
                continue
            try:
                encryption.unlock(path, candidate)
                return True
            except CrmError:
                continue  # a stale keychain entry or a wrong file: ask
        keychain.available()  # loaded here, so the dialog's question is answered at once
        return False

    if wait_busy(parent, QCoreApplication.translate("Encryption", "Unlocking the database…"), attempt):
        return True
    dialog = PassphraseDialog(parent, "open", path)
    return prompts.run_modal(dialog) == QDialog.DialogCode.Accepted.value


# --- exports --------------------------------------------------------------------------------
_export_warned: set[str] = set()


def confirm_plain_export(parent: QWidget | None) -> bool:
    """Before an export from an encrypted database: say once per database and session that the exported
    file is not encrypted; True to go on. Always True on a plain database."""
    from desktop_crm.models import database

    path = getattr(database.obj, "crm_path", None)  # None on a team database
    if not isinstance(path, str) or path == ":memory:" or not is_encrypted_database(path):
        return True
    key = _key(path)
    if key in _export_warned:
        return True
    ok = prompts.ask_yes_no(
        parent,
        QCoreApplication.translate("Encryption", "Export not encrypted"),
        QCoreApplication.translate(
            "Encryption",
            "The database is encrypted, but the exported file will not be: anyone who gets the file can "
            "read it. Export anyway?",
        ),
    )
    if ok:
        _export_warned.add(key)
    return ok


# --- File menu ------------------------------------------------------------------------------
class EncryptionController(QObject):
    """File → Encrypt database… / Change passphrase… / Remove encryption… and New encrypted database…"""

    sig_converted = Signal(str)  # "encrypted", "decrypted", "rekeyed"
    _sig_close = Signal()  # from the worker: close the database on the GUI thread, then go on

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.job: Any = None
        self.last_conversion: encryption_convert.Conversion | None = None
        self.encrypt_action = QAction(self.tr("Encry&pt database…"), window)
        self.encrypt_action.setObjectName("encryptAction")
        self.encrypt_action.triggered.connect(self.encrypt)
        self.change_action = QAction(self.tr("Change &passphrase…"), window)
        self.change_action.setObjectName("changePassphraseAction")
        self.change_action.triggered.connect(self.change_passphrase)
        self.decrypt_action = QAction(self.tr("Remo&ve encryption…"), window)
        self.decrypt_action.setObjectName("decryptAction")
        self.decrypt_action.triggered.connect(self.decrypt)
        self.new_action = QAction(self.tr("New encrypted &database…"), window)
        self.new_action.setObjectName("newEncryptedAction")
        self.new_action.triggered.connect(self.new_database)
        self.actions = [self.encrypt_action, self.change_action, self.decrypt_action]
        self._sig_close.connect(self._close_database, Qt.ConnectionType.BlockingQueuedConnection)
        self.update_actions()

    @property
    def path(self) -> str:
        return os.fspath(self.window.db_path)

    def encrypted(self) -> bool:
        return is_encrypted_database(self.window.db_path)

    def update_actions(self) -> None:
        """Encrypt… on a plain file; Change passphrase… and Remove encryption… on an encrypted one.
        Disabled, with the reason as tooltip, without SQLCipher or on a team database."""
        from .team_database import is_team

        team = is_team(self.window.db_path)
        encrypted = self.encrypted()
        self.encrypt_action.setVisible(not encrypted)
        self.change_action.setVisible(encrypted)
        self.decrypt_action.setVisible(encrypted)
        reason = ""
        if not encryption.available():
            reason = error_text(CrmError("encryption.unavailable"))
        elif team:
            reason = error_text(CrmError("encryption.team_database"))
        read_only = self._read_only()
        for action in (*self.actions, self.new_action):
            action.setEnabled(not reason and (action is self.new_action or not read_only))
            action.setToolTip(reason)
        self.new_action.setEnabled(encryption.available())
        self.new_action.setToolTip("" if encryption.available() else reason)

    def _read_only(self) -> bool:
        from .file_status import state

        return bool(state().read_only)

    # --- actions -----------------------------------------------------------------------------
    def _ask(self, mode: str) -> tuple[str, str, str, bool] | None:
        """The dialog of ``mode``: (path, passphrase, its repetition, remember it), None if cancelled."""
        dialog = PassphraseDialog(self.window, mode, self.path)
        if prompts.run_modal(dialog) != QDialog.DialogCode.Accepted.value:
            return None
        return self.path, dialog.passphrase(), dialog.repeated(), dialog.remember()

    def encrypt(self) -> Any:
        answers = self._ask("encrypt")
        if answers is None:
            return None
        path, passphrase, repeated, remember = answers

        def done() -> None:
            if remember:
                keychain.save_passphrase(path, passphrase)

        return self._convert(
            self.tr("Encrypting the database…"),
            lambda progress: _convert().encrypt_file(path, passphrase, progress, repeated=repeated),
            "encrypted",
            done,
        )

    def change_passphrase(self) -> Any:
        answers = self._ask("change")
        if answers is None:
            return None
        path, passphrase, repeated, remember = answers

        def done() -> None:
            if remember:
                keychain.save_passphrase(path, passphrase)
            else:
                keychain.forget_passphrase(path)  # the old one would no longer open the file

        return self._convert(
            self.tr("Changing the passphrase…"),
            lambda progress: _convert().change_passphrase(path, passphrase, progress, repeated=repeated),
            "rekeyed",
            done,
        )

    def decrypt(self) -> Any:
        if not prompts.ask_yes_no(
            self.window,
            self.tr("Remove encryption"),
            self.tr(
                "Remove the encryption of {path}?\n\nThe database and the backups in its backups folder "
                "will be readable without a passphrase by anyone who gets the files."
            ).format(path=self.path),
        ):
            return None
        path = self.path
        return self._convert(
            self.tr("Removing the encryption…"),
            lambda progress: _convert().decrypt_file(path, progress),
            "decrypted",
            lambda: keychain.forget_passphrase(path),
        )

    def new_database(self) -> bool:
        """File → New encrypted database…: the file, then its passphrase; created encrypted."""
        window = self.window
        path = prompts.ask_database_path(
            window, self.tr("New encrypted database"), window.file_folder(), new=True
        )
        if not path:
            return False
        if Path(path).exists() and Path(path).stat().st_size > 0:
            prompts.show_error(
                window,
                self.tr("New encrypted database"),
                error_text(CrmError("encryption.not_new", path=path)),
            )
            return False
        dialog = PassphraseDialog(window, "new", path)
        if prompts.run_modal(dialog) != QDialog.DialogCode.Accepted.value:
            return False
        passphrase, remember = dialog.passphrase(), dialog.remember()
        if not window.switch_database(path, created=True):
            return False
        if remember:
            keychain.save_passphrase(path, passphrase)
        return True

    # --- the conversion ------------------------------------------------------------------------
    def _convert(
        self,
        title: str,
        fn: Callable[[Any], encryption_convert.Conversion],
        kind: str,
        done: Callable[[], None],
    ) -> Any:
        """Close the database, run ``fn`` on the worker with a progress dialog, reopen the file. The
        integrity check of a file just opened reads it on a thread of its own: the conversion, which
        needs the file closed everywhere, starts when it has finished."""
        from .file_status import state
        from .tasks import run_with_progress

        self.job = True  # busy from now on
        if state().checking:
            QTimer.singleShot(100, self, lambda: self._convert(title, fn, kind, done))
            return None

        def work(progress: Any) -> encryption_convert.Conversion:
            # Closed on the GUI thread right before the conversion (the worker waits for it): a page's
            # query delivered meanwhile would have reopened a connection closed any earlier.
            self._sig_close.emit()
            return fn(progress)

        job = run_with_progress(self.window, title, work)
        self.job = job

        def finished(conversion: encryption_convert.Conversion) -> None:
            self.job = None
            self.last_conversion = conversion
            done()
            self._reopen()
            self._report(kind, conversion)
            self.sig_converted.emit(kind)

        def failed(message: str) -> None:
            self.job = None
            self._reopen()
            prompts.show_error(self.window, title.rstrip("…"), message)

        def cancelled() -> None:
            self.job = None
            self._reopen()

        job.sig_finished.connect(finished)
        job.sig_failed.connect(failed)
        job.sig_cancelled.connect(cancelled)
        return job

    @Slot()
    def _close_database(self) -> None:
        from desktop_crm.db import close_database

        from .changes import bus

        bus().pause_outside_watch(True)  # its own connection to the file: closed until the file reopens
        close_database()

    def _reopen(self) -> None:
        from .changes import bus

        self.window.switch_database(self.window.db_path)
        bus().pause_outside_watch(False)
        self.update_actions()

    def _report(self, kind: str, conversion: encryption_convert.Conversion) -> None:
        text = {
            "encrypted": self.tr("The database is now encrypted."),
            "decrypted": self.tr("The database is no longer encrypted."),
            "rekeyed": self.tr("The passphrase was changed."),
        }[kind]
        if conversion.backups:
            text += " " + self.tr("{count} backups converted with it.").format(count=len(conversion.backups))
        if conversion.backups_skipped:
            names = ", ".join(Path(p).name for p in conversion.backups_skipped)
            skipped = self.tr(
                "{count} backups could not be converted (damaged, or under another passphrase) and were left "
                "as they were: {names}"
            ).format(count=len(conversion.backups_skipped), names=names)
            prompts.show_info(self.window, self.tr("Encryption"), text + "\n\n" + skipped)
        self.window.statusBar().showMessage(text, 15_000)

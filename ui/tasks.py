"""Background work on one database worker thread, with progress, cancel and results by signal.

A job is a plain callable ``job(progress) -> result`` where ``progress(done, total)`` reports
progress and returns False once the user has cancelled (the job should then stop, either by
returning or by raising :class:`JobCancelled`). Jobs run one at a time, in submission order, on a
``QThread`` that holds its own peewee connection (peewee keeps one connection per thread) and
closes it after each job. Worker code never touches widgets: everything comes back by signal,
delivered in the GUI thread.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from desktop_crm.errors import CrmError

from .errors import error_text
from .memory import release_free_memory

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int], bool]
JobFn = Callable[[ProgressFn], Any]


class JobCancelled(Exception):
    """Raised by a job that stops because the user cancelled it."""


class Job(QObject):
    """One submitted job: its signals, and :meth:`cancel`, which the job sees through progress()."""

    sig_progress = Signal(int, int)
    sig_finished = Signal(object)
    sig_failed = Signal(str)
    sig_cancelled = Signal()

    def __init__(self, fn: JobFn) -> None:
        super().__init__()
        self.fn = fn
        self._cancel = threading.Event()
        self.done = False

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def progress(self, done: int, total: int) -> bool:
        """Called by the job (in the worker thread)."""
        self.sig_progress.emit(int(done), int(total))
        return not self._cancel.is_set()

    def run(self) -> None:
        """Run the job in the calling (worker) thread and emit exactly one final signal."""
        try:
            if self.cancelled:
                raise JobCancelled()
            result = self.fn(self.progress)
        except JobCancelled:
            self.sig_cancelled.emit()
        except CrmError as exc:
            if self.cancelled:  # a job may report its cancellation as a domain error
                self.sig_cancelled.emit()
            else:
                self.sig_failed.emit(error_text(exc))
        except Exception as exc:
            from desktop_crm.storage_errors import storage_error

            log.exception("background job failed")
            mapped = storage_error(exc)  # a full disk, a lock, a damaged file: the real cause
            if mapped is not None:
                self.sig_failed.emit(error_text(mapped))
            else:
                message = QCoreApplication.translate("Tasks", "Unexpected error: {error}")
                self.sig_failed.emit(message.format(error=f"{type(exc).__name__}: {exc}"))
        else:
            if self.cancelled:
                self.sig_cancelled.emit()
            else:
                self.sig_finished.emit(result)
        finally:
            self.done = True


def deliver(
    job: Job,
    owner: QObject,
    finished: Callable[[Any], None],
    failed: Callable[[str], None] | None = None,
) -> Job:
    """Call ``finished(result)`` (or ``failed(message)``) in the GUI thread when ``job`` ends, unless
    ``owner`` has been deleted by then (a page rebuilt by a language switch, a closed dialog): the
    outcome is dropped instead of calling into a deleted widget. Use it instead of connecting a lambda
    that captures a widget."""

    def on_finished(result: object) -> None:
        if shiboken6.isValid(owner):
            finished(result)

    def on_failed(message: str) -> None:
        if failed is not None and shiboken6.isValid(owner):
            failed(message)

    job.sig_finished.connect(on_finished)
    job.sig_failed.connect(on_failed)
    return job


class DatabaseWorker(QThread):
    """The one database worker: a queue of jobs run in order on this thread.

    A job (a QObject of the GUI thread) is kept in ``_active`` until the worker thread has dropped its
    own reference (``_sig_released``): Python then frees it on the GUI thread. Freed by the worker's last
    reference instead, it was destroyed on the wrong thread (crashes in the GUI thread's event loop)."""

    _sig_released = Signal(object)  # the id() of a job: too large for a C int

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._active: dict[int, Job] = {}
        self._stopped = False
        self._deferred = False
        self.setObjectName("DatabaseWorker")
        self._sig_released.connect(self._on_released, Qt.ConnectionType.QueuedConnection)

    def submit(self, fn: JobFn) -> Job:
        """Queue ``fn``; connect to the returned job's signals to get its outcome.

        The job reaches the thread on the next turn of the event loop, so signals connected right
        after ``submit`` returns can never miss an outcome (a signal emitted before anything is
        connected to it would be lost).
        """
        job = Job(fn)
        self._active[id(job)] = job
        QTimer.singleShot(0, self, lambda: self._enqueue(job))
        return job

    def _enqueue(self, job: Job) -> None:
        if self._stopped:
            job.sig_cancelled.emit()
            self._active.pop(id(job), None)
            return
        self._queue.put(job)
        if not self.isRunning() and not self._deferred:
            self.start()

    def defer_start(self, at_most_ms: int) -> None:
        """Until :meth:`release_start` (the window's first paint), or ``at_most_ms`` later at the latest,
        the jobs submitted wait in the queue and the thread does not start: its Python would take turns at
        the interpreter lock with the window building and painting itself (the start to the first paint
        on the large demo 8-10 ms longer). Nothing changes once the thread runs."""
        if self.isRunning():
            return
        self._deferred = True
        QTimer.singleShot(at_most_ms, self, self.release_start)

    def release_start(self) -> None:
        """End :meth:`defer_start`: the jobs waiting start now."""
        if not self._deferred:
            return
        self._deferred = False
        if not self._stopped and not self._queue.empty() and not self.isRunning():
            self.start()

    def _on_released(self, key: int) -> None:
        self._active.pop(key, None)  # the last reference but the callers': freed on this thread

    def busy(self) -> bool:
        """Whether a job is queued or running."""
        return bool(self._active)

    def stop(self, timeout_ms: int = 10_000) -> None:
        """Cancel the queued jobs, let the running one see the cancel, and end the thread."""
        self._stopped = True
        for job in list(self._active.values()):
            job.cancel()
        self._queue.put(None)
        if self.isRunning():
            self.wait(timeout_ms)

    def run(self) -> None:
        from desktop_crm import pacing
        from desktop_crm.models import database

        pacing.enable()  # the core's long loops leave the window's thread its turn at the interpreter lock
        while True:
            job = self._queue.get()
            if job is None:
                return
            db = database.obj
            key = id(job)
            try:
                job.run()
            finally:
                del job  # before the GUI thread lets go of it (see the class docstring)
                if db is not None and not db.is_closed():
                    db.close()  # closes this thread's connection only
                self._sig_released.emit(key)
            if self._queue.empty():
                release_free_memory()  # what the job read and freed, given back (ui.memory)


_default_worker: DatabaseWorker | None = None


def default_worker() -> DatabaseWorker:
    """The application's database worker, stopped when the application quits."""
    global _default_worker
    if _default_worker is None:
        app = QCoreApplication.instance()
        _default_worker = DatabaseWorker()
        if app is not None:
            app.aboutToQuit.connect(stop_default_worker)
    return _default_worker


def stop_default_worker() -> None:
    global _default_worker
    if _default_worker is not None:
        _default_worker.stop()
        _default_worker = None


_bindings: set[_ProgressBinding] = set()


class _ProgressBinding:
    """Keeps a progress dialog in step with a job (lives in the GUI thread).

    A plain object kept in ``_bindings`` until the job is done, not a QObject child of the dialog: such a
    child, alive only through its parent, was destroyed (and its Python side freed) in the middle of the
    dialog's deferred deletion, which crashed Qt now and then (``setParent_helper`` in ``~QObject``)."""

    def __init__(self, dialog: QProgressDialog, job: Job) -> None:
        _bindings.add(self)
        self.dialog = dialog
        self.job = job
        job.sig_progress.connect(self._on_job_progress)
        for signal in (job.sig_finished, job.sig_failed, job.sig_cancelled):
            signal.connect(self._on_job_done)
        dialog.canceled.connect(self._on_dialog_canceled)

    def _on_job_progress(self, done: int, total: int) -> None:
        if not shiboken6.isValid(self.dialog):
            return
        if total > 0 and self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total) if total > 0 else 0)

    def _on_dialog_canceled(self) -> None:
        if not self.job.done:
            self.job.cancel()
            self.dialog.setLabelText(QCoreApplication.translate("Tasks", "Cancelling…"))

    def _on_job_done(self, *_args: object) -> None:
        _bindings.discard(self)
        if not shiboken6.isValid(self.dialog):  # its parent window closed meanwhile
            return
        self.dialog.canceled.disconnect(self._on_dialog_canceled)
        self.dialog.hide()
        self.dialog.deleteLater()


def run_with_progress(
    parent: QWidget | None, title: str, fn: JobFn, worker: DatabaseWorker | None = None
) -> Job:
    """Run ``fn`` on the worker with a window-modal progress dialog and a Cancel button.

    Returns the job: connect to its ``sig_finished`` / ``sig_failed`` / ``sig_cancelled``.
    The dialog is shown without a nested event loop (no ``exec()``) and closes itself.
    """
    dialog = QProgressDialog(title, QCoreApplication.translate("Tasks", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(380)
    job = (worker or default_worker()).submit(fn)
    _ProgressBinding(dialog, job)
    dialog.show()
    return job

"""The background worker: progress, results, errors as messages, cancel, its own connection."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

from desktop_crm.errors import CrmError
from ui.tasks import DatabaseWorker, JobCancelled, ProgressFn, run_with_progress


@pytest.fixture
def worker() -> Iterator[DatabaseWorker]:
    w = DatabaseWorker()
    yield w
    w.stop()


def test_progress_and_result(qtbot: QtBot, worker: DatabaseWorker) -> None:
    seen: list[tuple[int, int]] = []

    def job(progress: ProgressFn) -> str:
        for i in range(1, 4):
            progress(i, 3)
        return "done"

    job_handle = worker.submit(job)
    job_handle.sig_progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(job_handle.sig_finished, timeout=20_000) as blocker:
        pass
    assert blocker.args == ["done"]
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_jobs_run_in_order_on_one_thread_with_its_own_connection(
    qtbot: QtBot, worker: DatabaseWorker, db: object
) -> None:
    from desktop_crm.models import Client, database

    Client.create(name="上海华东精密机械")
    gui_connection = database.connection()

    def count(progress: ProgressFn) -> tuple[int, str, bool]:
        return (
            Client.select().count(),
            threading.current_thread().name,
            database.connection() is gui_connection,
        )

    first = worker.submit(lambda progress: Client.create(name="Added by the worker").id)
    second = worker.submit(count)
    with qtbot.waitSignal(second.sig_finished, timeout=20_000) as blocker:
        pass
    assert first.done
    number, thread_name, same_connection = blocker.args[0]
    assert number == 2
    assert thread_name != threading.current_thread().name
    assert same_connection is False


def test_errors_come_back_as_messages(qtbot: QtBot, worker: DatabaseWorker) -> None:
    def domain_error(progress: ProgressFn) -> None:
        raise CrmError("record.missing", label="Client", id=7)

    def bug(progress: ProgressFn) -> None:
        raise ZeroDivisionError("division by zero")

    first = worker.submit(domain_error)
    with qtbot.waitSignal(first.sig_failed, timeout=20_000) as blocker:
        pass
    assert blocker.args == ["Client #7 does not exist."]
    second = worker.submit(bug)
    with qtbot.waitSignal(second.sig_failed, timeout=20_000) as blocker:
        pass
    assert blocker.args[0] == "Unexpected error: ZeroDivisionError: division by zero"


def test_cancel_is_seen_by_the_job(qtbot: QtBot, worker: DatabaseWorker) -> None:
    started = threading.Event()
    steps: list[int] = []

    def long_job(progress: ProgressFn) -> str:
        for i in range(20_000):  # about 100 s: the cancel must end it, not the loop
            started.set()
            if not progress(i, 20_000):
                raise JobCancelled()
            steps.append(i)
            time.sleep(0.005)
        return "finished anyway"

    job = worker.submit(long_job)
    finished: list[object] = []
    job.sig_finished.connect(finished.append)
    qtbot.waitUntil(started.is_set, timeout=20_000)
    with qtbot.waitSignal(job.sig_cancelled, timeout=20_000):
        job.cancel()
    assert job.cancelled and not finished
    assert len(steps) < 20_000


def test_a_job_that_returns_after_cancel_counts_as_cancelled(qtbot: QtBot, worker: DatabaseWorker) -> None:
    gate = threading.Event()

    def job(progress: ProgressFn) -> int:
        gate.wait(5)
        return 0 if progress(1, 1) else -1

    handle = worker.submit(job)
    with qtbot.waitSignal(handle.sig_cancelled, timeout=20_000):
        handle.cancel()
        gate.set()


def test_run_with_progress_shows_a_cancellable_dialog(qtbot: QtBot, worker: DatabaseWorker) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    started = threading.Event()

    def job(progress: ProgressFn) -> None:
        for i in range(20_000):
            started.set()
            if not progress(i, 20_000):
                return None
            time.sleep(0.005)

    handle = run_with_progress(parent, "Importing clients", job, worker=worker)
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Importing clients"
    qtbot.waitUntil(started.is_set, timeout=20_000)
    qtbot.waitUntil(lambda: dialog.maximum() == 20_000, timeout=20_000)
    cancel_button = dialog.findChild(QPushButton)
    assert cancel_button.text() == "Cancel"
    with qtbot.waitSignal(handle.sig_cancelled, timeout=20_000):
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    # The dialog hides and deletes itself; under load it may already be gone when we look.
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog) or not dialog.isVisible(), timeout=20_000)


def test_deliver_hands_the_outcome_to_a_live_owner_and_drops_it_for_a_deleted_one(
    qtbot: QtBot, worker: DatabaseWorker
) -> None:
    from PySide6.QtWidgets import QWidget

    from ui.tasks import deliver

    got: list[object] = []
    live = QWidget()
    qtbot.addWidget(live)
    job = deliver(worker.submit(lambda _p: 42), live, got.append)
    with qtbot.waitSignal(job.sig_finished, timeout=5000):
        pass
    qtbot.waitUntil(lambda: got == [42])

    gate = threading.Event()
    doomed = QWidget()
    failures: list[str] = []
    slow = deliver(worker.submit(lambda _p: gate.wait(5) and "late"), doomed, got.append, failures.append)
    shiboken6.delete(doomed)  # the page is gone (a language switch rebuilt the window) before the result
    gate.set()
    with qtbot.waitSignal(slow.sig_finished, timeout=5000):
        pass
    qtbot.wait(50)  # the queued outcome would have been delivered by now
    assert got == [42] and failures == []


def test_a_finished_job_is_freed_on_the_gui_thread(qtbot: QtBot, worker: DatabaseWorker) -> None:
    """The worker's loop keeps its last job until the next one arrives; the job (a QObject of the GUI
    thread) must still be freed on the GUI thread, never by the worker dropping the last reference."""
    import weakref

    freed_on: list[str] = []
    first = worker.submit(lambda _p: 1)
    weakref.finalize(first, lambda: freed_on.append(threading.current_thread().name))
    with qtbot.waitSignal(first.sig_finished, timeout=5000):
        pass
    del first
    qtbot.wait(50)  # the GUI thread has handled every outcome of the first job by now
    second = worker.submit(lambda _p: 2)  # the worker's loop lets go of the first job here
    with qtbot.waitSignal(second.sig_finished, timeout=5000):
        pass
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5000)
    assert freed_on == [threading.main_thread().name]


def test_the_worker_gives_freed_memory_back_when_it_has_no_job_left(
    qtbot: QtBot, worker: DatabaseWorker, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.tasks

    released: list[int] = []
    gate = threading.Event()
    monkeypatch.setattr(ui.tasks, "release_free_memory", lambda: released.append(1) or True)
    first = worker.submit(lambda _p: gate.wait(10))
    second = worker.submit(lambda _p: len(released))  # queued behind the first: no release between them
    gate.set()
    with qtbot.waitSignal(second.sig_finished, timeout=20_000) as blocker:
        pass
    assert first is not second and blocker.args == [0]
    qtbot.waitUntil(lambda: released == [1], timeout=5_000)


def test_a_deferred_start_holds_the_jobs_until_released(qtbot: QtBot, worker: DatabaseWorker) -> None:
    worker.defer_start(60_000)
    ran: list[str] = []
    job = worker.submit(lambda _p: ran.append("ran") or "done")
    qtbot.wait(200)  # several turns of the event loop: queued, not run
    assert ran == [] and not worker.isRunning() and worker.busy()
    worker.release_start()
    with qtbot.waitSignal(job.sig_finished, timeout=20_000) as blocker:
        pass
    assert blocker.args == ["done"] and ran == ["ran"]
    worker.release_start()  # twice: nothing more
    later = worker.submit(lambda _p: "later")
    with qtbot.waitSignal(later.sig_finished, timeout=20_000) as blocker:
        pass
    assert blocker.args == ["later"]


def test_a_deferred_start_ends_by_itself_after_its_longest_wait(qtbot: QtBot, worker: DatabaseWorker) -> None:
    worker.defer_start(150)
    job = worker.submit(lambda _p: "done")
    with qtbot.waitSignal(job.sig_finished, timeout=20_000) as blocker:
        pass
    assert blocker.args == ["done"]


def test_a_running_worker_is_not_deferred(qtbot: QtBot, worker: DatabaseWorker) -> None:
    first = worker.submit(lambda _p: "first")
    with qtbot.waitSignal(first.sig_finished, timeout=20_000):
        pass
    worker.defer_start(60_000)
    second = worker.submit(lambda _p: "second")
    with qtbot.waitSignal(second.sig_finished, timeout=5_000) as blocker:
        pass
    assert blocker.args == ["second"]

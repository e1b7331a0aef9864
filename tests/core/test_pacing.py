"""A background thread that paces (desktop_crm.pacing) pauses now and then in the core's long loops, so the
window's thread gets the interpreter lock; any other thread never pauses."""

from __future__ import annotations

import threading

import pytest

from desktop_crm import pacing
from desktop_crm.engine import raw_connection
from desktop_crm.models import Client


def _in_thread(fn: object) -> None:
    thread = threading.Thread(target=fn)  # type: ignore[arg-type]
    thread.start()
    thread.join()


def test_a_pacing_thread_pauses_once_its_slice_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    pauses: list[float] = []
    monkeypatch.setattr(pacing.time, "sleep", pauses.append)

    def run() -> None:
        pacing.pace()  # not enabled: no pause
        previous = pacing.enable()
        monkeypatch.setattr(pacing, "SLICE_S", 60.0)
        pacing.pace()  # the slice lasts: no pause
        monkeypatch.setattr(pacing, "SLICE_S", 0.0)
        pacing.pace()
        pacing.pace()
        pacing.restore(previous)
        pacing.pace()  # restored: no pause

    _in_thread(run)
    assert pauses == [pacing.PAUSE_S, pacing.PAUSE_S]
    pacing.pace()  # this thread never enabled it
    assert len(pauses) == 2


def test_the_search_memo_paces_while_it_reads(db: object, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop_crm import search

    for i in range(2500):
        Client.create(name=f"Client {i}", phone=f"138{i:08d}")
    pauses: list[float] = []
    monkeypatch.setattr(pacing, "SLICE_S", 0.0)
    monkeypatch.setattr(pacing.time, "sleep", pauses.append)
    conn = raw_connection()
    search.SearchMemo(conn)  # the calling thread does not pace
    assert pauses == []
    found: list[object] = []

    def run() -> None:
        pacing.enable()
        found.append(search.SearchMemo(raw_connection()).matching_ids("13800002499"))

    _in_thread(run)
    assert len(pauses) >= 3  # the rows read, the signatures, the phone index: a pause after each part
    assert len(found) == 1 and len(found[0]) == 1  # type: ignore[arg-type]


def test_a_pacing_thread_waits_while_the_window_paints() -> None:
    """``hold(True)`` (a repaint of the window): a pacing thread's ``pace`` waits until ``hold(False)``;
    a thread that does not pace never waits."""
    reached = threading.Event()
    passed = threading.Event()

    def paced() -> None:
        previous = pacing.enable()
        try:
            reached.set()
            pacing.pace()
            passed.set()
        finally:
            pacing.restore(previous)

    pacing.hold(True)
    try:
        unpaced_done = threading.Event()
        _in_thread(lambda: (pacing.pace(), unpaced_done.set()))
        assert unpaced_done.is_set()  # not pacing: never held
        thread = threading.Thread(target=paced)
        thread.start()
        assert reached.wait(5)
        assert not passed.wait(0.02)  # held while the window paints
    finally:
        pacing.hold(False)
    assert passed.wait(5)
    thread.join()


def test_a_hold_never_lasts_longer_than_its_cap(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pacing, "HOLD_MAX_S", 0.01)
    pacing.hold(True)
    try:
        done = threading.Event()

        def paced() -> None:
            previous = pacing.enable()
            pacing.pace()
            pacing.restore(previous)
            done.set()

        _in_thread(paced)  # a window that never ends its paint does not stop the worker for good
        assert done.is_set()
    finally:
        pacing.hold(False)

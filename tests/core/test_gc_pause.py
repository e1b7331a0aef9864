"""desktop_crm.gc_pause: the collector is paused during bulk jobs and always comes back."""

from __future__ import annotations

import gc

import pytest

from desktop_crm.gc_pause import gc_paused, without_gc
from desktop_crm.importing import pipeline


@pytest.fixture(autouse=True)
def _collector_on() -> object:
    """Start with the automatic collector on (a UI test earlier in the run may have moved collection to
    the GUI thread, which turns it off); leave it as found."""
    before = gc.isenabled()
    gc.enable()
    yield
    if not before:
        gc.disable()


def test_nested_pauses_restore_the_collector_only_at_the_end() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer job still runs
    assert gc.isenabled()


def test_a_failing_job_restores_the_collector() -> None:
    @without_gc
    def job() -> None:
        assert not gc.isenabled()
        raise ValueError("boom")

    with pytest.raises(ValueError):
        job()
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    with gc_paused():
        pass
    assert not gc.isenabled()


def test_the_import_runs_without_collections_and_gives_the_collector_back(db: object) -> None:
    from desktop_crm.importing.reader import Table

    seen: list[bool] = []

    def progress(done: int, total: int) -> bool:
        seen.append(gc.isenabled())
        return True

    table = Table(
        headers=["Company"],
        rows=[["Acme"]],
        row_numbers=[2],
        source="x.csv",
        encoding=None,
        delimiter=None,
        sheet=None,
    )
    pipeline.run_import("clients", table, {0: "name"}, progress=progress)
    assert seen and not any(seen) and gc.isenabled()

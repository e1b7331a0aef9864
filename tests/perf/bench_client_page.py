"""Benchmark: opening a client, the Pipeline and Today on a large file — the longest GUI-thread stall beside
the raw read and the idle floor, measured in the same run.

Usage (a copy of the large demo; the benchmark only reads it)::

    .venv/bin/python tests/perf/bench_client_page.py --db /tmp/x/large.sqlite3 [--runs 5]

For each action the widgets are driven as a user would (``show_client``, ``refresh``) and the benchmark waits
for the page's ``sig_loaded``. Figures, medians over the runs:

* total: from the action to the page showing the new data;
* stall: the largest gap between the ticks of a 5 ms ``QTimer`` heartbeat on the GUI thread meanwhile;
* raw: the read alone (``desktop_crm.read``), without Qt, on the main thread;
* floor: the largest heartbeat gap while the window sits idle for a second (what the machine adds anyway);
  "repaint": the stall of one full repaint of the shown page, unchanged (what any new content costs to
  paint at 1280×720); "worker floor": the stall while the worker runs the same read and nothing is shown
  (what the read alone costs the GUI thread: CPU and GIL shared with the worker).

Each action runs twice: "worker" (as shipped: the read on the database worker, large file) and "inline"
(the read forced onto the GUI thread, as before: ``desktop_crm.read.size.BACKGROUND_CLIENTS`` raised).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from heartbeat import Heartbeat, as_installed, as_the_entry_point  # noqa: E402


def _run_until(
    signal: Any, action: Callable[[], None], accept: Callable[..., bool], timeout_s: float
) -> bool:
    """Run ``action`` and the event loop until ``signal`` fires with arguments ``accept`` takes."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    done = {"ok": False}

    def on_signal(*args: object) -> None:
        if accept(*args):
            done["ok"] = True
            loop.quit()

    signal.connect(on_signal)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    action()
    if not done["ok"]:
        loop.exec()
    signal.disconnect(on_signal)
    return done["ok"]


def _idle(seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def _median_ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:7.1f}" if values else "      –"


def _max_ms(values: list[float]) -> str:
    return f"{max(values) * 1000:7.1f}" if values else "      –"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    as_installed()
    as_the_entry_point()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from desktop_crm import clock
    from desktop_crm.db import open_database
    from desktop_crm.models import Client, FollowUp
    from desktop_crm.pipeline import PipelineFilter
    from desktop_crm.read import size
    from desktop_crm.read import today as today_read
    from desktop_crm.read.client_page import load_client_page
    from desktop_crm.read.pipeline import load_board
    from desktop_crm.read.users import current_user_id
    from desktop_crm.read.users import viewer as read_viewer

    app = QApplication([sys.argv[0]])
    open_database(args.db)
    from peewee import fn

    from ui.pages.clients.hub import ClientHubView
    from ui.pages.pipeline import PipelinePage
    from ui.pages.today import TodayPage
    from ui.tasks import stop_default_worker

    busy = [
        cid
        for cid, _n in FollowUp.select(FollowUp.client, fn.COUNT(FollowUp.id))
        .group_by(FollowUp.client)
        .order_by(fn.COUNT(FollowUp.id).desc())
        .limit(args.runs)
        .tuples()
    ]
    last = Client.select(fn.MAX(Client.id)).scalar()
    clients = busy + [last - 7 * i for i in range(args.runs)]  # the busiest ones, and ordinary ones
    print(f"file: {args.db} ({args.db.stat().st_size / 1e9:.2f} GB), large: {size.is_large()}")
    print(f"load average: {os.getloadavg()[0]:.2f} (2 cores shared)")

    # Raw reads, no Qt.
    raw: dict[str, list[float]] = {"open a client": [], "Pipeline": [], "Today": []}
    for cid in clients:
        t0 = time.perf_counter()
        load_client_page(cid)
        raw["open a client"].append(time.perf_counter() - t0)
    for _ in range(args.runs):
        t0 = time.perf_counter()
        load_board(PipelineFilter())
        raw["Pipeline"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        today_read.load(clock.now(), read_viewer().user_id if not read_viewer().supervisor else None)
        raw["Today"].append(time.perf_counter() - t0)

    heartbeat = Heartbeat()
    heartbeat.start()
    _idle(0.3)
    heartbeat.reset()
    _idle(1.0)
    floor = heartbeat.max_gap

    hub = ClientHubView()
    hub.resize(1280, 720)
    hub.show()
    pipeline = PipelinePage()
    pipeline.resize(1280, 720)
    pipeline.show()
    today_page = TodayPage()
    today_page.resize(1280, 720)
    today_page.show()
    _idle(0.3)

    repaint: dict[str, list[float]] = {"open a client": [], "Pipeline": [], "Today": []}
    hub.show_client(clients[0])
    _idle(0.5)
    for name, widget in (("open a client", hub), ("Pipeline", pipeline), ("Today", today_page)):
        for _ in range(args.runs):
            heartbeat.reset()
            widget.repaint()
            _idle(0.02)
            repaint[name].append(heartbeat.max_gap)

    from ui.tasks import default_worker

    worker_floor: dict[str, list[float]] = {"open a client": [], "Pipeline": [], "Today": []}
    now, who = clock.now(), current_user_id()
    reads: dict[str, list[Callable[[], object]]] = {
        "open a client": [lambda c=cid: load_client_page(c) for cid in clients],
        "Pipeline": [lambda: load_board(PipelineFilter())] * args.runs,
        "Today": [lambda: today_read.load(now, who)] * args.runs,
    }
    for name, jobs in reads.items():
        for read in jobs:
            _idle(0.05)
            heartbeat.reset()
            job = default_worker().submit(lambda _progress, r=read: r())
            _run_until(job.sig_finished, lambda: None, lambda *_a: True, 60)
            _idle(0.02)
            worker_floor[name].append(heartbeat.max_gap)

    results: dict[tuple[str, str], tuple[list[float], list[float]]] = {}
    threshold = size.BACKGROUND_CLIENTS
    for mode in ("worker", "inline"):
        size.BACKGROUND_CLIENTS = threshold if mode == "worker" else 10**12
        totals: list[float] = []
        stalls: list[float] = []
        for cid in clients:
            _idle(0.05)
            heartbeat.reset()
            t0 = time.perf_counter()
            ok = _run_until(hub.sig_loaded, lambda c=cid: hub.show_client(c), lambda got, c=cid: got == c, 60)
            totals.append(time.perf_counter() - t0)
            _idle(0.02)  # the tick after the last slot measures it
            stalls.append(heartbeat.max_gap)
            assert ok, f"client {cid} did not load"
        results[("open a client", mode)] = (totals, stalls)
        for name, page in (("Pipeline", pipeline), ("Today", today_page)):
            totals, stalls = [], []
            for _ in range(args.runs):
                _idle(0.05)
                heartbeat.reset()
                t0 = time.perf_counter()
                ok = _run_until(page.sig_loaded, page.refresh, lambda *_a: True, 60)
                totals.append(time.perf_counter() - t0)
                _idle(0.02)
                stalls.append(heartbeat.max_gap)
                assert ok, f"{name} did not load"
            results[(name, mode)] = (totals, stalls)
    size.BACKGROUND_CLIENTS = threshold

    print(f"current user: {current_user_id()}; runs: {args.runs}; clients: {len(clients)}")
    print(f"idle floor (largest heartbeat gap, 1 s idle): {floor * 1000:.1f} ms")
    print(
        f"{'action':16s} {'mode':7s} {'total':>7s} {'stall':>7s} {'stall max':>9s} {'raw read':>8s}"
        f" {'repaint':>7s} {'worker floor':>12s}  (ms, medians)"
    )
    for (name, mode), (totals, stalls) in results.items():
        print(
            f"{name:16s} {mode:7s} {_median_ms(totals)} {_median_ms(stalls)} {_max_ms(stalls):>9s}"
            f" {_median_ms(raw[name])} {_median_ms(repaint[name])} {_median_ms(worker_floor[name]):>12s}"
        )
    stop_default_worker()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark that watches the GUI thread: the real main window on a database (the large demo: 100k clients,
1M follow-ups), driven step by step while a 5 ms heartbeat ``QTimer`` on the GUI thread records the longest
gap between its ticks (what a user feels as a frozen window). A script, not collected by pytest; the
step driver (``run_steps``) is also run by ``tests/ui/test_ui_bench_gui.py`` on a small database.

    .venv/bin/python tests/perf/bench_gui.py --db /tmp/large.sqlite3 [--rounds 3]

Steps: the start (window built until its first paint: the GUI thread is busy all along), each page's first
visit and a second visit, search keystrokes of each kind typed into the Clients search (an English word
letter by letter, 2 and 3 Chinese characters, a phone fragment digit by digit), opening a client, sorting
a column (both directions), a refresh (View > Refresh). Each step waits until the window settled (no job
on the worker, nothing loading, no debounce timer pending) and reports its longest stall and wall time.

Floors, measured in the same run: the heartbeat's own longest gap in a bare window doing nothing, and for
each kind of step the raw sqlite3 query of that step on a separate connection (medians). Peak RSS is
read after every page has been visited (issue 12 part 6: at most 250 MB). Qt runs offscreen; the
user's settings are left alone (settings in a temporary folder; the window opens on Today); matplotlib's
font cache is the application's (built once, by the first run on a machine). Nothing is
asserted on time: the figures are printed beside their floors and the targets (stall <= 50 ms).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop_crm.driver import sqlite3

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from heartbeat import Heartbeat, as_installed, as_the_entry_point  # noqa: E402

STALL_TARGET_MS = 50.0
RSS_TARGET_MB = 250.0


@dataclass
class StepResult:
    name: str
    kind: str
    stall: float
    wall: float
    rss_mb: float = 0.0  # resident set size after the step
    sqlite_mb: float = 0.0  # of which SQLite's (page caches, statements)
    peak_mb: float = 0.0  # the highest RSS so far (reached during this step when it rose)


@dataclass
class Samples:
    """Search input taken from the data: an English word, Chinese 2/3 characters, a phone fragment."""

    word: str = "Auto"
    chinese: str = "上海华"
    phone: str = "13800"
    client_id: int | None = None

    @classmethod
    def from_db(cls, path: Path) -> Samples:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            samples = cls()
            row = conn.execute(
                "SELECT name FROM client WHERE deleted_at IS NULL AND name GLOB '*[A-Za-z][A-Za-z][A-Za-z]*' "
                "ORDER BY id LIMIT 1"
            ).fetchone()
            if row:
                words = [w for w in str(row[0]).split() if w.isalpha() and len(w) >= 4]
                samples.word = (words or [samples.word])[0][:6]
            for (name,) in conn.execute(
                "SELECT name FROM client WHERE deleted_at IS NULL ORDER BY id DESC LIMIT 200"
            ):
                han = "".join(ch for ch in str(name) if "\u4e00" <= ch <= "\u9fff")
                if len(han) >= 3:
                    samples.chinese = han[:3]
                    break
            row = conn.execute(
                "SELECT phone FROM contact WHERE deleted_at IS NULL AND length(phone) >= 11 ORDER BY id LIMIT 1"
            ).fetchone()
            if row:
                digits = "".join(ch for ch in str(row[0]) if ch.isdigit())
                samples.phone = digits[3:8] or samples.phone
            row = conn.execute(
                "SELECT client_id FROM follow_up GROUP BY client_id ORDER BY count(*) DESC LIMIT 1"
            ).fetchone()
            if row is None:  # no follow-ups: any client
                row = conn.execute(
                    "SELECT id FROM client WHERE deleted_at IS NULL ORDER BY id LIMIT 1"
                ).fetchone()
            samples.client_id = int(row[0]) if row else None
            return samples
        finally:
            conn.close()


@dataclass
class Driver:
    """Runs named steps on a window, each until the window settled, with the heartbeat watching."""

    app: Any
    window: Any
    heartbeat: Heartbeat
    timeout: float = 120.0
    results: list[StepResult] = field(default_factory=list)

    def settled(self) -> bool:
        from PySide6.QtCore import QTimer

        from ui.tasks import default_worker

        if default_worker()._active:
            return False
        page = self.window.current_page
        if getattr(page, "loading", False) or getattr(page, "charts_pending", 0):
            return False
        hub = getattr(page, "_hub", None)
        if hub is not None and hub.isVisible() and getattr(hub, "loading", False):
            return False
        return not any(
            t.isActive() and t.isSingleShot() and t.interval() <= 1000 for t in page.findChildren(QTimer)
        )

    def wait(self, until: Callable[[], bool] | None = None) -> None:
        from PySide6.QtCore import QEventLoop

        deadline = time.perf_counter() + self.timeout
        quiet = 0
        while quiet < 3:  # settled three times in a row, a few ms apart: nothing more is coming
            self.app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            quiet = quiet + 1 if self.settled() and (until is None or until()) else 0
            if time.perf_counter() > deadline:
                raise TimeoutError("the window did not settle")
            time.sleep(0.002)

    def step(
        self, name: str, kind: str, action: Callable[[], object], until: Callable[[], bool] | None = None
    ) -> StepResult:
        self.wait()
        self.heartbeat.reset()
        start = time.perf_counter()
        action()
        self.wait(until)
        result = StepResult(
            name,
            kind,
            self.heartbeat.gap(),
            time.perf_counter() - start,
            rss_mb(),
            sqlite_mb(),
            peak_rss_mb(),
        )
        self.results.append(result)
        return result


def _type(edit: Any, text: str) -> None:
    edit.setText(text)  # as the keystroke would (keyClicks cannot type Chinese)


def run_steps(
    app: Any, window: Any, samples: Samples, *, rounds: int = 1, idle_building: bool = False
) -> Driver:
    """Drive ``window`` through every step (see the module docstring); returns the driver with its results."""
    from PySide6.QtCore import Qt

    from ui.pages import PAGE_KEYS

    heartbeat = Heartbeat()
    heartbeat.start()
    driver = Driver(app, window, heartbeat)
    try:
        if idle_building:  # the window was started as the application starts it (``start_idle_building``)
            driver.step(
                "idle after the first paint: the other pages' modules imported in the background",
                "idle preload",
                lambda: None,
                until=window.idle_preload_done,
            )
        for visit in ("first visit", "visit"):
            for index, key in enumerate(PAGE_KEYS):
                driver.step(f"{visit}: {key}", f"page {visit}", lambda i=index: window.show_page(i))
        clients = window.page("clients")
        window.show_page(PAGE_KEYS.index("clients"))
        edit = clients.list_view.search_edit
        for _ in range(rounds):
            keystrokes = [
                *(("search: English word", samples.word[:n]) for n in range(1, len(samples.word) + 1)),
                ("search: 2 Chinese characters", samples.chinese[:2]),
                ("search: 3 Chinese characters", samples.chinese[:3]),
                *(("search: phone fragment", samples.phone[:n]) for n in range(2, len(samples.phone) + 1)),
            ]
            for kind, text in keystrokes:
                if kind.startswith("search: 2") or kind.startswith("search: phone") and len(text) == 2:
                    driver.step("clear search", "search: clear", lambda: _type(edit, ""))
                driver.step(f"{kind} {text!r}", kind, lambda t=text: _type(edit, t))
            driver.step("clear search", "search: clear", lambda: _type(edit, ""))
            header = clients.list_view.table.horizontalHeader()
            for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
                driver.step(
                    f"sort by name {order.name}",
                    "sort a column",
                    lambda o=order, h=header: h.setSortIndicator(0, o),
                )
            if samples.client_id is not None:
                client_id = samples.client_id
                driver.step("open a client", "open a client", lambda c=client_id: clients.open_client(c))
                driver.step("back to the list", "back to the list", clients.show_list)
            driver.step("refresh (View > Refresh)", "refresh", window.refresh_all)
    finally:
        heartbeat.stop()
    return driver


# --- floors -------------------------------------------------------------------------------------
def heartbeat_floor(app: Any, seconds: float = 1.0) -> float:
    """The heartbeat's own longest gap in a bare window doing nothing."""
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QLabel, QMainWindow

    bare = QMainWindow()
    bare.setCentralWidget(QLabel("bare", bare))
    bare.resize(1280, 800)
    bare.show()
    heartbeat = Heartbeat()
    heartbeat.start()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)
    heartbeat.stop()
    bare.close()
    return heartbeat.max_gap


def raw_floors(path: Path, samples: Samples, runs: int = 3) -> dict[str, float]:
    """The raw sqlite3 query of each kind of step (median of ``runs``), on a separate connection."""
    queries: dict[str, list[tuple[str, tuple[Any, ...]]]] = {
        "search: English word": [
            (
                "SELECT id FROM client WHERE deleted_at IS NULL AND name LIKE ? LIMIT 200",
                (f"%{samples.word}%",),
            )
        ],
        "search: 2 Chinese characters": [
            (
                "SELECT id FROM client WHERE deleted_at IS NULL AND name LIKE ? LIMIT 200",
                (f"%{samples.chinese[:2]}%",),
            )
        ],
        "search: 3 Chinese characters": [
            (
                "SELECT id FROM client WHERE deleted_at IS NULL AND name LIKE ? LIMIT 200",
                (f"%{samples.chinese[:3]}%",),
            )
        ],
        "search: phone fragment": [
            (
                "SELECT client_id FROM contact WHERE deleted_at IS NULL AND phone LIKE ? LIMIT 200",
                (f"%{samples.phone}%",),
            )
        ],
        "sort a column": [
            (
                "SELECT id FROM client WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE DESC, id LIMIT 200",
                (),
            )
        ],
        "open a client": [
            ("SELECT * FROM client WHERE id = ?", (samples.client_id,)),
            ("SELECT * FROM contact WHERE client_id = ? AND deleted_at IS NULL", (samples.client_id,)),
            ("SELECT * FROM follow_up WHERE client_id = ? ORDER BY id DESC LIMIT 50", (samples.client_id,)),
        ],
        "refresh": [("SELECT count(*) FROM client WHERE deleted_at IS NULL", ())],
    }
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    floors: dict[str, float] = {}
    try:
        for kind, statements in queries.items():
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                for sql, params in statements:
                    conn.execute(sql, params).fetchall()
                times.append(time.perf_counter() - start)
            floors[kind] = statistics.median(times)
    finally:
        conn.close()
    return floors


def rss_mb() -> float:
    """The resident set size now, in MiB (Linux ``/proc``; 0 elsewhere)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _sqlite_memory_used() -> Callable[[], int] | None:
    """SQLite's ``sqlite3_memory_used`` (every connection of the process: page caches, statements), asked
    of the library the application's connections use (``desktop_crm.driver``: SQLCipher's module, or the
    shared ``libsqlite3`` of Python's own); None where that library cannot be named."""
    import ctypes
    import ctypes.util

    package = sqlite3.__name__.rpartition(".")[0]
    module = sys.modules.get(f"{package}._sqlite3" if package else "_sqlite3")
    version = int("".join(f"{n:03d}" for n in sqlite3.sqlite_version_info))  # 3.53.4 -> 3053004
    try:
        lib = ctypes.CDLL(getattr(module, "__file__", None) or ctypes.util.find_library("sqlite3"))
        if lib.sqlite3_libversion_number() != version:
            lib = ctypes.CDLL(ctypes.util.find_library("sqlite3"))  # Python's module links it
        if lib.sqlite3_libversion_number() != version:
            return None
        used = lib.sqlite3_memory_used
        used.restype = ctypes.c_int64
    except (OSError, AttributeError, TypeError):
        return None
    return used  # type: ignore[no-any-return]


_SQLITE_USED = _sqlite_memory_used()


def sqlite_mb() -> float:
    """SQLite's own memory now, in MiB (0 where it cannot be asked)."""
    return _SQLITE_USED() / 2**20 if _SQLITE_USED is not None else 0.0


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


# --- the run ------------------------------------------------------------------------------------
def _ms(value: float) -> str:
    return f"{value * 1000:7.1f} ms"


def report(driver: Driver, start: StepResult, floor: float, floors: dict[str, float], rss: float) -> None:
    kinds: dict[str, list[StepResult]] = {}
    for result in driver.results:
        kinds.setdefault(result.kind, []).append(result)
    print(f"\nGUI-thread stalls (heartbeat 5 ms; its own longest gap in a bare window: {_ms(floor)})")
    print(f"{'step':40} {'n':>3} {'stall max':>11} {'stall p95':>11} {'wall med':>11}   raw query floor")
    rows = [("start (built until painted)", [start])] + list(kinds.items())
    for kind, results in rows:
        stalls = sorted(r.stall for r in results)
        p95 = stalls[min(len(stalls) - 1, int(round(0.95 * (len(stalls) - 1))))]
        wall = statistics.median(r.wall for r in results)
        raw = floors.get(kind)
        flag = "" if stalls[-1] * 1000 <= STALL_TARGET_MS else "  > 50 ms"
        print(
            f"{kind:40} {len(results):3} {_ms(stalls[-1]):>11} {_ms(p95):>11} {_ms(wall):>11}   "
            f"{_ms(raw) if raw is not None else '      -':>10}{flag}"
        )
    print("\nlongest single steps:")
    for result in sorted(driver.results, key=lambda r: -r.stall)[:8]:
        print(f"  {result.name:50} stall {_ms(result.stall)}  wall {_ms(result.wall)}")
    print("\nwhere the memory grew (RSS after the step, MiB; SQLite's share of it: page caches, statements):")
    previous = start.rss_mb
    growth = []
    for result in driver.results:
        growth.append((result.rss_mb - previous, result))
        previous = result.rss_mb
    for delta, result in sorted(growth, key=lambda g: -g[0])[:8]:
        print(f"  {result.name:50} +{delta:6.1f}  -> {result.rss_mb:6.1f}  (SQLite {result.sqlite_mb:5.1f})")
    print("\nwhere the peak rose (the highest RSS so far, after the step, MiB):")
    previous = start.peak_mb
    for result in driver.results:
        if result.peak_mb - previous >= 1.0:
            print(f"  {result.name:50} +{result.peak_mb - previous:6.1f}  -> {result.peak_mb:6.1f}")
        previous = max(previous, result.peak_mb)
    print(
        f"\npeak RSS after visiting every page: {rss:.0f} MiB = {rss * 1.048576:.0f} MB"
        f" (target <= {RSS_TARGET_MB:.0f} MB)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, required=True, help="the database (copy the large demo first)")
    parser.add_argument("--rounds", type=int, default=3, help="search/sort/open/refresh rounds")
    args = parser.parse_args(argv)
    as_installed()
    as_the_entry_point()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
    home = tempfile.mkdtemp(prefix="bench-gui-")
    os.environ["XDG_CONFIG_HOME"] = str(Path(home) / "config")
    # matplotlib's font cache stays the application's own (a cache folder, as for an installed program
    # that ran before): a new folder per run had matplotlib parse every font file again on each run, in
    # the background import, holding the interpreter lock while the Clients page opened

    from PySide6.QtCore import QEventLoop

    from ui.app import create_application, open_database_or_report
    from ui.gui_gc import freeze_startup
    from ui.i18n import ensure_compiled, install_translators
    from ui.settings import AppSettings
    from ui.shell import Shell
    from ui.tasks import stop_default_worker

    app = create_application([])
    ensure_compiled()
    install_translators(app, "en")
    settings = AppSettings()
    settings.last_page = "today"
    settings.language = "en"
    samples = Samples.from_db(args.db)
    floors = raw_floors(args.db, samples)
    floor = heartbeat_floor(app)
    if open_database_or_report(args.db, headless=True) is None:
        return 2
    print(f"database {args.db}; samples: {samples}; load average {os.getloadavg()[0]:.1f}")
    began = time.perf_counter()
    shell = Shell(app, args.db, "en", settings)
    painted: list[float] = []
    window = shell.create_window()
    window.backups.automatic = False  # no daily or closing backup of the big file in the middle of the run
    window.after_first_paint(lambda: painted.append(time.perf_counter()))
    window.after_first_paint(freeze_startup)  # as ``ui.app.main`` does
    Shell.watch_sync_once_painted(window)  # as ``Shell.start`` does
    window.start_idle_building()  # as ``Shell.start`` does
    window.resize(1280, 800)
    window.show()
    while not painted:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    start = StepResult(
        "start", "start", painted[0] - began, painted[0] - began, rss_mb(), sqlite_mb(), peak_rss_mb()
    )
    driver = run_steps(app, window, samples, rounds=args.rounds, idle_building=True)
    rss = peak_rss_mb()
    report(driver, start, floor, floors, rss)
    window.close()
    stop_default_worker()
    return 0


if __name__ == "__main__":
    sys.exit(main())

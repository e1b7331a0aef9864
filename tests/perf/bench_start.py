"""Start-up benchmark, measured from outside: a fresh ``desktop-crm --quit-after-first-paint`` process
from its start to its exit right after the main window's first paint, beside the floor measured in the
same run: a fresh process that imports PySide6 and peewee, shows a bare main window and exits after its
first paint (a script, not collected by pytest).

    .venv/bin/python tests/perf/bench_start.py --db /tmp/large.sqlite3 [--runs 7] [--page today]

The two are run alternately (so both see the same machine load); medians are printed, with the ratio
(issue 12 target: at most 1.8x the floor). Settings are isolated (``XDG_CONFIG_HOME`` in a temporary
folder, the remembered page set by ``--page``); Qt runs on the ``offscreen`` platform.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = """
import peewee
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QLabel("Desktop CRM", window))
window.resize(1280, 800)


class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: app.exit(0))
        return False


watch = Watch()
window.installEventFilter(watch)
window.show()
raise SystemExit(app.exec())
"""

SETTINGS = """
from PySide6.QtCore import QCoreApplication
from ui.settings import APPLICATION_NAME, ORGANIZATION_NAME, AppSettings
QCoreApplication.setOrganizationName(ORGANIZATION_NAME)
QCoreApplication.setApplicationName(APPLICATION_NAME)
s = AppSettings()
s.last_page = {page!r}
s.language = "en"
s.theme = "light"
s.sync()
"""


def _timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{command} exited {done.returncode}:\n{done.stderr}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--page", default="today", help="the remembered page the window opens on")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parents[2]
    with tempfile.TemporaryDirectory(prefix="bench-start-") as home:
        env = {
            k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"
        }  # as installed: .pyc kept
        env.update(
            QT_QPA_PLATFORM="offscreen",
            QT_LOGGING_RULES="qt.qpa.*=false",
            XDG_CONFIG_HOME=str(Path(home) / "config"),
            XDG_CACHE_HOME=str(Path(home) / "cache"),
            PYTHONPATH=str(root),
        )
        subprocess.run([sys.executable, "-c", SETTINGS.format(page=args.page)], env=env, check=True)
        app = [sys.executable, "-m", "ui", "--db", str(args.db), "--quit-after-first-paint"]
        bare = [sys.executable, "-c", BARE]
        _timed(app, env)  # warm the file cache (and migrate an older file) before measuring
        _timed(bare, env)
        floors, starts = [], []
        for _ in range(args.runs):
            floors.append(_timed(bare, env))
            starts.append(_timed(app, env))
            print(f"  bare {floors[-1] * 1000:7.1f} ms   app {starts[-1] * 1000:7.1f} ms", flush=True)
    floor, start = statistics.median(floors), statistics.median(starts)
    load = os.getloadavg()[0]
    print(f"start to the painted window ({args.page}), medians of {args.runs}, load average {load:.1f}:")
    print(f"  floor (bare PySide6 window + import peewee) {floor * 1000:7.1f} ms")
    print(
        f"  desktop-crm --quit-after-first-paint        {start * 1000:7.1f} ms   = {start / floor:.2f}x floor"
    )
    print("  target (issue 12): <= 1.8x floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())

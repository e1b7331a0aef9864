"""Benchmark of the Settings page on the GUI thread: what each section reads when shown, the page's first
show, and the two custom-field confirmations whose counts run on the worker. A script, not collected by
pytest:

    .venv/bin/python tests/perf/bench_settings.py --db /tmp/large.sqlite3 [--rounds 5]

Printed, medians over the rounds:
- each read a section makes on the GUI thread when shown (the settings-row sections stay synchronous
  when under 5 ms), and the Team reading (on the worker);
- the Settings page's first show: the longest GUI-thread stall (5 ms heartbeat) until every section shows
  its data, and the wall time;
- "Delete…" and "Edit choices…" of the custom field with the most values: the count alone (the floor: what
  the GUI thread used to spend), the longest stall while the count runs on the worker, and the wall time
  to the question (answered No, nothing changes).

The database is opened read-write (a field's choices are never changed: the question is answered No), Qt
runs offscreen, the settings are kept in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from heartbeat import Heartbeat, as_installed, as_the_entry_point  # noqa: E402

SYNC_LIMIT_MS = 5.0
STALL_TARGET_MS = 50.0


def median_ms(fn: Callable[[], object], rounds: int) -> float:
    fn()  # warm
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def section_reads() -> dict[str, Callable[[], object]]:
    from desktop_crm import team
    from desktop_crm.care_read import care_settings
    from desktop_crm.services import agenda_settings, custom_fields, schedule_rules, service_records
    from desktop_crm.services.client_status import status_follows_deals
    from desktop_crm.services.form_layout import form_layout
    from desktop_crm.services.stages import stage_probabilities
    from desktop_crm.services.weekly_criteria import load_criteria
    from ui.working_as import working_as_text

    return {
        "Today and reminders": lambda: (
            agenda_settings.load_neglect_days(),
            agenda_settings.load_reminder_settings(),
        ),
        "Next-step times": schedule_rules.load_bucket_rules,
        "Opportunity stages": stage_probabilities,
        "Client status": status_follows_deals,
        "Client care": care_settings,
        "Service types": service_records.service_types,
        "Weekly review": load_criteria,
        "Client form": form_layout,
        "Custom fields (list)": lambda: [
            custom_fields.field_choices(f) for f in custom_fields.list_custom_fields()
        ],
        "Page header (working as)": working_as_text,
        "Team (on the worker)": lambda: (team.team_members(), team.current_user_id()),
    }


def busiest_choice_field() -> tuple[int, str, list[str], int]:
    """(id, name, choices, values) of the choice field with the most values."""
    from desktop_crm.services import custom_fields

    best: tuple[int, str, list[str], int] | None = None
    for f in custom_fields.list_custom_fields():
        if f.kind not in ("choice", "multi_choice"):
            continue
        count = custom_fields.count_custom_field_values(f.id)
        if best is None or count > best[3]:
            best = (f.id, f.name, custom_fields.field_choices(f), count)
    if best is None:
        raise SystemExit("no choice field in this database")
    return best


def settled(page: Any) -> bool:
    """Every section of the Settings page shows its data (the Team and the backups are read on the worker)."""
    from ui.pages.settings_backups import BackupSettingsSection
    from ui.pages.settings_team import TeamSection

    backups = page.findChild(BackupSettingsSection)
    return bool(page.findChild(TeamSection).loaded and (backups.loaded or backups.db_path() is None))


def wait_until(app: Any, done: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        app.processEvents()
        time.sleep(0.001)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    as_installed()
    as_the_entry_point()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    app = QApplication([sys.argv[0]])
    QCoreApplication.setOrganizationName("bench")
    QCoreApplication.setApplicationName("bench-settings")
    folder = tempfile.mkdtemp(prefix="bench-settings-")
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)

    from desktop_crm.db import open_database
    from desktop_crm.services import custom_fields

    open_database(args.db)
    from ui import prompts
    from ui.pages.custom_fields import CustomFieldDialog
    from ui.pages.settings import SettingsPage
    from ui.tasks import stop_default_worker

    print(f"database: {args.db}, rounds: {args.rounds}")
    print("\nReads a section makes when shown (GUI thread unless said), medians:")
    for name, read in section_reads().items():
        ms = median_ms(read, max(args.rounds, 15))
        verdict = "" if "worker" in name else ("  ok (< 5 ms)" if ms < SYNC_LIMIT_MS else "  OVER 5 ms")
        print(f"  {name:30s} {ms:7.2f} ms{verdict}")

    heartbeat = Heartbeat()
    heartbeat.start()
    print("\nSettings page, first show until every section shows its data (medians):")
    for built_in_step in (False, True):
        stalls, walls = [], []
        for _ in range(args.rounds):
            if not built_in_step:
                page = SettingsPage()
                page.resize(1280, 720)
                app.processEvents()
            heartbeat.reset()
            start = time.perf_counter()
            if built_in_step:  # the first visit builds the page (pages are built on first visit)
                page = SettingsPage()
                page.resize(1280, 720)
            page.refresh()
            page.show()
            wait_until(app, lambda page=page: settled(page))
            walls.append((time.perf_counter() - start) * 1000)
            stalls.append(heartbeat.gap() * 1000)
            page.hide()
            page.deleteLater()
            app.processEvents()
        label = "built and shown" if built_in_step else "shown (already built)"
        print(
            f"  {label:22s} longest stall {statistics.median(stalls):7.1f} ms "
            f"(target <= {STALL_TARGET_MS:.0f} ms), wall {statistics.median(walls):7.1f} ms"
        )

    field_id, name, choices, values = busiest_choice_field()
    kept = choices[:1]
    print(f"\nCustom field “{name}”: {values} values, choices {choices} (kept for Edit choices: {kept})")
    floors = {
        "Delete…": median_ms(lambda: custom_fields.count_custom_field_values(field_id), args.rounds),
        "Edit choices…": median_ms(
            lambda: custom_fields.count_clients_using_removed_choices(field_id, kept), args.rounds
        ),
    }
    asked: list[str] = []

    def run_modal(dialog: QDialog) -> int:
        if isinstance(dialog, CustomFieldDialog):
            dialog.choices_edit.setPlainText("\n".join(kept))
            dialog.accept()  # waits for the count on the worker, asks the question (No): stays open
            return int(dialog.result())
        assert isinstance(dialog, QMessageBox)
        asked.append(dialog.text())
        dialog.deleteLater()
        return QMessageBox.StandardButton.No.value

    prompts.run_modal = run_modal  # type: ignore[assignment]
    page = SettingsPage()
    page.resize(1280, 720)
    page.refresh()
    page.show()
    section = page.custom_fields
    wait_until(app, lambda: settled(page))
    section.table.selectRow([f[0] for f in section.fields].index(field_id))
    print("  (floor: the count alone; stall: the longest GUI-thread gap from the click to the question)")
    for label, button in (("Delete…", section.delete_button), ("Edit choices…", section.choices_button)):
        stalls, walls = [], []
        for _ in range(args.rounds):
            asked.clear()
            app.processEvents()
            heartbeat.reset()
            start = time.perf_counter()
            button.click()
            walls.append((time.perf_counter() - start) * 1000)
            stalls.append(heartbeat.gap() * 1000)
            assert asked, "no question asked"
        print(
            f"  {label:14s} count {floors[label]:6.1f} ms | longest stall {statistics.median(stalls):6.1f} ms "
            f"| click to question {statistics.median(walls):6.1f} ms | {asked[-1][:60]}…"
        )
    heartbeat.stop()
    stop_default_worker()


if __name__ == "__main__":
    main()

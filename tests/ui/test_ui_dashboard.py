"""Dashboard page on the small demo: every card equals the KPI module for the selected period and person,
a clicked bar lists exactly the records counted and opens the client, the summary table links to weekly
forms and goals, the theme switch restyles window and charts, and the review pack (page and CLI) is a PDF."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from desktop_crm import dashboard, kpi
from desktop_crm.kpi import Period
from ui.main_window import MainWindow
from ui.pages import PAGE_KEYS
from ui.pages.dashboard import DashboardPage
from ui.pages.dashboard.drill import DrillDownDialog
from ui.pages.dashboard.specs import DashboardTexts

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from desktop_crm.demo import generate_demo

    path = tmp_path_factory.mktemp("dashboard") / "demo.sqlite3"
    generate_demo(path, "small", seed=0, today=TODAY)
    from desktop_crm.db import close_database

    close_database()
    return path


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path, clock: object) -> Iterator[Path]:
    from desktop_crm.db import close_database, open_database

    clock.set(datetime(2026, 11, 20, 10, 0))  # type: ignore[attr-defined]
    path = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, path)
    open_database(path)
    yield path
    close_database()


def shown_dashboard(qtbot: QtBot, path: Path, lang: str = "en") -> tuple[MainWindow, DashboardPage]:
    window = MainWindow(path, lang)
    window.remember_state = False
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(PAGE_KEYS.index("dashboard"))
    page = window.page("dashboard")
    assert isinstance(page, DashboardPage)
    wait_loaded(qtbot, page)
    return window, page


def wait_loaded(qtbot: QtBot, page: DashboardPage) -> None:
    qtbot.waitUntil(lambda: not page.loading and not page._reload_timer.isActive(), timeout=30_000)
    qtbot.waitUntil(lambda: not page.charts_pending, timeout=30_000)


def test_cards_equal_the_kpi_module_for_the_period_and_person(qtbot: QtBot, demo: Path) -> None:
    _window, page = shown_dashboard(qtbot, demo)
    texts = DashboardTexts()
    month = Period(date(2026, 10, 1), date(2026, 11, 1), "month")  # the last complete month
    expected = kpi.compute(
        month, page.person_id()
    )  # the working user's view (the whole team for a supervisor)
    assert page.data is not None and page.data.request.period == month
    for key in dashboard.CARD_KEYS:
        card = page.card_by_key[key]
        assert card.value_label.text() == texts.value(key, expected[key]), key
        assert f'href="kpi:{key}"' in card.caption_label.text()
    # MoM against the KPI module's previous period, with its arrow.
    previous = kpi.compute(month.previous(), page.person_id())
    change = kpi.change(expected["signed_amount_cents"], previous["signed_amount_cents"])
    assert (texts.change(change) in page.signed_card.mom_label.text()) if change is not None else True
    # One salesperson, by quarter.
    person = page.person_combo.itemData(page.person_combo.count() - 1)
    page.set_person(person)
    page.set_range("quarter", date(2026, 1, 1), date(2026, 9, 30))
    wait_loaded(qtbot, page)
    quarter = Period(date(2026, 7, 1), date(2026, 10, 1), "quarter")
    expected = kpi.compute(quarter, person)
    assert page.data.request.period == quarter and page.data.request.user_id == person
    assert len(page.data.periods) == 3
    for key in dashboard.CARD_KEYS:
        assert page.card_by_key[key].value_label.text() == texts.value(key, expected[key]), key


def test_clicking_a_bar_lists_exactly_the_records_counted_and_opens_the_client(
    qtbot: QtBot, demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, page = shown_dashboard(qtbot, demo)
    frame = page.frames[0]  # signed / collected / planned
    index = len(page.data.periods) - 2  # last month
    period = page.data.periods[index]
    shown: list[DrillDownDialog] = []
    page.sig_drilled.connect(shown.append)

    def answer(dialog: object) -> int:
        assert isinstance(dialog, DrillDownDialog)
        rows = dialog.model.listing.rows()
        expected = kpi.compute(period, page.person_id())["signed_amount_cents"]
        assert dashboard.drill_value("signed_amount_cents", rows) == expected  # type: ignore[arg-type]
        assert dialog.model.rowCount() == len(rows) > 0
        dialog.view.doubleClicked.emit(dialog.model.index(0, 1))
        return int(dialog.result())

    from matplotlib.backend_bases import MouseButton, MouseEvent

    from ui import prompts

    monkeypatch.setattr(prompts, "run_modal", answer)
    x, y = frame.chart.point_position(0, index)
    event = MouseEvent("button_press_event", frame.chart.canvas, x, y, button=MouseButton.LEFT)
    frame.chart.canvas.callbacks.process("button_press_event", event)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    client_id = shown[0].chosen_client_id
    first = shown[0].model.row(0)
    assert first is not None and client_id == first.client_id
    assert window.current_page.key == "clients"


def test_drill_down_of_every_card_matches_its_value(qtbot: QtBot, demo: Path) -> None:
    month = Period(date(2026, 10, 1), date(2026, 11, 1), "month")
    values = kpi.compute(month)
    for key in dashboard.CARD_KEYS:
        rows = dashboard.drill_down(key, month, None)
        assert dashboard.drill_value(key, rows) == values[key], key


def test_summary_table_ranks_flags_sorts_and_opens_weekly_forms_and_goals(qtbot: QtBot, demo: Path) -> None:
    from desktop_crm import team

    boss = next(m for m in team.team_members(active_only=True) if m.role == "supervisor")
    team.switch_user(boss.id)
    window, page = shown_dashboard(qtbot, demo)
    assert page.person_combo.itemText(0) == "Whole team" and page.person_id() is None
    rows = page.data.people
    assert page.people_proxy.rowCount() == len(rows) > 1
    model = page.people_model
    ranks = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert ranks == [str(r.rank) for r in rows]
    for r, row in enumerate(rows):
        flag = model.data(model.index(r, 13))
        assert flag == ("Busy, not converting" if row.busy_not_converting else "")
    # Sorting by the signed column, descending, puts the largest first.
    page.people_view.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    top = page.people_proxy.index(0, 2).data(Qt.ItemDataRole.UserRole + 1)
    assert top == max(float(r.signed_amount_cents) for r in rows)
    user_id = page._user_at(0)
    page.people_view.doubleClicked.emit(page.people_proxy.index(0, 1))
    weekly = window.page("weekly")
    assert window.current_page is weekly and weekly.person_id() == user_id  # type: ignore[attr-defined]
    page.sig_open_goals_requested.emit(user_id)
    goals = window.page("goals")
    assert window.current_page is goals and goals.owner() == user_id  # type: ignore[attr-defined]


def test_theme_switch_restyles_the_window_and_the_charts(qtbot: QtBot, demo: Path) -> None:
    from matplotlib.colors import to_hex
    from PySide6.QtWidgets import QApplication

    from ui.charts.theme import DARK, LIGHT
    from ui.settings import AppSettings

    window, page = shown_dashboard(qtbot, demo)
    window.remember_state = True
    window.theme_actions["dark"].trigger()
    qtbot.waitUntil(lambda: not page.charts_pending, timeout=10_000)
    assert AppSettings().theme == "dark"
    assert "#161c27" in QApplication.instance().styleSheet()  # type: ignore[union-attr]
    assert all(to_hex(f.chart.figure.get_facecolor()) == DARK.background for f in page.frames)
    window.theme_actions["light"].trigger()
    qtbot.waitUntil(lambda: not page.charts_pending, timeout=10_000)
    assert AppSettings().theme == "light"
    assert "#161c27" not in QApplication.instance().styleSheet()  # type: ignore[union-attr]
    assert to_hex(page.chart.figure.get_facecolor()) == LIGHT.background


def test_export_review_pack_from_the_page(
    qtbot: QtBot, demo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import prompts

    _window, page = shown_dashboard(qtbot, demo)
    target = tmp_path / "pack.pdf"
    monkeypatch.setattr(prompts, "ask_save_path", lambda *_args: str(target))
    job = page.export_review_pack()
    with qtbot.waitSignal(job.sig_finished, timeout=60_000):
        pass
    assert target.read_bytes()[:5] == b"%PDF-"
    assert "pack.pdf" in page.subtitle_label.text()


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_report_command_writes_the_review_pack(demo: Path, tmp_path: Path, lang: str) -> None:
    out = tmp_path / f"pack_{lang}.pdf"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop_crm.cli",
            "--db",
            str(demo),
            "report",
            "--from",
            "2026-10-01",
            "--to",
            "2026-10-31",
            "--language",
            lang,
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:5] == b"%PDF-"
    assert not list(tmp_path.glob(".*.tmp"))
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(out), str(tmp_path / "p")], check=True
        )
        assert list(tmp_path.glob("p*.png"))


def test_report_command_refuses_an_unknown_user_and_a_reversed_range(demo: Path, tmp_path: Path) -> None:
    from desktop_crm import cli

    assert (
        cli.main(
            [
                "--db",
                str(demo),
                "report",
                "--from",
                "2026-10-01",
                "--to",
                "2026-10-31",
                "--user",
                "Nobody",
                "--out",
                str(tmp_path / "x.pdf"),
            ]
        )
        == 2
    )
    assert (
        cli.main(
            [
                "--db",
                str(demo),
                "report",
                "--from",
                "2026-10-31",
                "--to",
                "2026-10-01",
                "--out",
                str(tmp_path / "x.pdf"),
            ]
        )
        == 2
    )
    assert not (tmp_path / "x.pdf").exists()


def test_date_filters_follow_the_granularity(qtbot: QtBot, demo: Path) -> None:
    _window, page = shown_dashboard(qtbot, demo)
    page.granularity_combo.setCurrentIndex(0)  # week
    wait_loaded(qtbot, page)
    assert page.data.request.kind == "week" and len(page.data.periods) == 12
    assert page.from_edit.date() <= page.to_edit.date() == QDate(2026, 11, 15)

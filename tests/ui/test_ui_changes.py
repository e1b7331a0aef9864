"""Fresh views: a change made anywhere (a page, a dialog, the worker) shows in every open page and in the
status bar without a refresh (ui.changes over desktop_crm.changes)."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop_crm import clock
from desktop_crm.errors import ValidationError
from desktop_crm.importing import run_import
from desktop_crm.importing.reader import Table
from desktop_crm.models import Client, NextStep, User
from desktop_crm.services import clients as client_service
from desktop_crm.services.followups import add_next_step
from desktop_crm.write_guard import write_transaction
from ui import prompts
from ui.changes import ChangeSet, bus
from ui.main_window import MainWindow
from ui.pages.clients.editor import ClientEditorDialog
from ui.pages.followups.dialog import FollowUpDialog
from ui.tasks import default_worker


@pytest.fixture
def story(db: object) -> dict[str, object]:
    me = User.create(name="王晓明", role="salesperson")
    client = Client.create(name="华夏机械", owner=me, status="customer")
    Client.create(name="Acme GmbH", owner=me)
    # overdue: Today lists it whatever the date of the run (a step due later might fall in next week)
    step = add_next_step(
        client, me, clock.now() - timedelta(hours=1), title="电话确认报价单", allow_past=True
    )
    return {"me": me, "client": client, "step": step}


def make_window(qtbot: QtBot, db_path: Path) -> MainWindow:
    window = MainWindow(db_path, "en")
    window.remember_state = False
    qtbot.addWidget(window)
    window.update_status()
    window.show()
    qtbot.waitExposed(window)
    return window


def go(window: MainWindow, key: str) -> object:
    page = window.page(key)
    window.show_page(window.pages.index(page))
    return page


def today_titles(window: MainWindow) -> list[str]:
    page = window.page("today")
    return [page.model.item(r).title for r in range(page.model.rowCount())]  # type: ignore[attr-defined]


def answer_follow_up(monkeypatch: pytest.MonkeyPatch, summary: str) -> None:
    def modal(dialog: QDialog) -> int:
        assert isinstance(dialog, FollowUpDialog)
        dialog.summary_edit.setPlainText(summary)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(prompts, "run_modal", modal)


def test_a_step_completed_on_the_client_page_leaves_today(
    qtbot: QtBot, story: dict, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, db_path)
    go(window, "today")
    qtbot.waitUntil(lambda: today_titles(window) == ["电话确认报价单"])
    clients_page = go(window, "clients")
    clients_page.open_client(story["client"].id)  # type: ignore[attr-defined]
    answer_follow_up(monkeypatch, "报价已确认")
    clients_page.hub.follow_ups.complete_step(story["step"].id)  # type: ignore[attr-defined]
    assert NextStep.get_by_id(story["step"].id).done
    # Today was built, loaded and is now hidden: it is stale, and shown fresh without any refresh.
    qtbot.waitUntil(lambda: window.page("today").freshness.stale is not None)
    window.nav.setCurrentRow(window.pages.index(window.page("today")))
    # (the follow-up planned the next step: Today may list that one instead)
    qtbot.waitUntil(lambda: "电话确认报价单" not in today_titles(window))


def test_a_step_completed_on_today_shows_done_on_the_client_page_behind_it(
    qtbot: QtBot, story: dict, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, db_path)
    clients_page = go(window, "clients")
    clients_page.open_client(story["client"].id)  # type: ignore[attr-defined]
    section = clients_page.hub.follow_ups  # type: ignore[attr-defined]
    assert "open next steps: 1" in section.summary_label.text()
    assert "报价已确认" not in " ".join(section.timeline.texts())
    today = go(window, "today")
    qtbot.waitUntil(lambda: today_titles(window) == ["电话确认报价单"])
    answer_follow_up(monkeypatch, "报价已确认")
    extra: list[ChangeSet] = []  # Today reloads after its own change: the announcement adds no reload
    monkeypatch.setattr(today.freshness, "_reload", extra.append)  # type: ignore[attr-defined]
    today.complete_step(today.model.item(0))  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "电话确认报价单" not in today_titles(window))
    qtbot.wait(50)
    assert extra == []
    go(window, "clients")  # the window itself refreshes nothing here: the client page reloads itself
    qtbot.waitUntil(
        lambda: (
            "open next steps: 1" in section.summary_label.text()
            and "报价已确认" in " ".join(section.timeline.texts())
        )
    )


def test_a_client_added_through_the_editor_shows_in_the_list_and_the_status_bar(
    qtbot: QtBot, story: dict, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, db_path)
    go(window, "clients")
    go(window, "today")
    assert window.count_label.text() == "2 clients"

    def fill(dialog: QDialog) -> int:
        assert isinstance(dialog, ClientEditorDialog)
        dialog.line_edits["name"].setText("新客户科技")
        dialog.save_button.click()
        return dialog.result()

    monkeypatch.setattr(prompts, "run_modal", fill)
    # Edit > New client… from Today: the editor saves, the window is not told anything.
    window._on_new_client_action_triggered()
    qtbot.waitUntil(lambda: window.count_label.text() == "3 clients")
    model = window.page("clients").model  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    # A client added elsewhere (another page, the command line in this process) shows too.
    go(window, "today")
    client_service.create_client("Zeta Ltd")
    qtbot.waitUntil(lambda: window.count_label.text() == "4 clients")
    go(window, "clients")
    qtbot.waitUntil(lambda: model.rowCount() == 4)


def test_a_rollback_announces_nothing(qtbot: QtBot, story: dict) -> None:
    seen: list[ChangeSet] = []
    bus().sig_changed.connect(seen.append)
    try:
        with pytest.raises(ValidationError):
            client_service.create_client("")
        with pytest.raises(RuntimeError), write_transaction():
            client_service.create_client("Never saved")
            raise RuntimeError("cancelled")
        qtbot.wait(50)
        assert seen == []
        client_service.create_client("Saved")
        qtbot.waitUntil(lambda: len(seen) == 1)
        assert seen[0].ids("client") == frozenset({Client.get(Client.name == "Saved").id})
    finally:
        bus().sig_changed.disconnect(seen.append)


def test_a_write_on_the_worker_reaches_the_visible_page_on_the_gui_thread(
    qtbot: QtBot, story: dict, db_path: Path
) -> None:
    window = make_window(qtbot, db_path)
    go(window, "today")
    qtbot.waitUntil(lambda: today_titles(window) == ["电话确认报价单"])
    threads: list[bool] = []

    def on_changed(_changes: ChangeSet) -> None:
        threads.append(threading.current_thread() is threading.main_thread())

    bus().sig_changed.connect(on_changed)
    step_id = story["step"].id
    try:
        default_worker().submit(
            lambda _progress: client_service.update_client(story["client"].id, name="华夏机械集团")
        )
        # Today shows the client's name beside the step: it reloads itself, on the GUI thread.
        qtbot.waitUntil(lambda: window.page("today").model.item(0).client_name == "华夏机械集团")
    finally:
        bus().sig_changed.disconnect(on_changed)
    assert threads and all(threads)
    assert NextStep.get_by_id(step_id).title == "电话确认报价单"


def test_a_hundred_writes_make_one_refresh_per_page(
    qtbot: QtBot, story: dict, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, db_path)
    clients_page = go(window, "clients")
    today = window.page("today")
    calls: dict[str, int] = {"clients": 0, "today": 0, "status": 0}

    def counting(name: str, original):  # noqa: ANN001, ANN202
        def wrapper(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
            calls[name] += 1
            return original(*args, **kwargs)

        return wrapper

    for name, freshness in (
        ("clients", clients_page.freshness),
        ("today", today.freshness),
        ("status", window.status_freshness),
    ):
        monkeypatch.setattr(freshness, "_reload", counting(name, freshness._reload))
    # One import of a hundred clients, run on the worker as the import wizard does.
    rows = [[f"Imported {i:03}"] for i in range(100)]
    file = Table(["Name"], rows, list(range(2, 102)), "clients.csv", "utf-8", ",", None)
    default_worker().submit(lambda _progress: run_import("clients", file, {0: "name"}))
    qtbot.waitUntil(lambda: window.count_label.text() == "102 clients")
    qtbot.waitUntil(lambda: clients_page.model.rowCount() == 102)  # type: ignore[attr-defined]
    qtbot.wait(50)
    assert calls == {"clients": 1, "today": 0, "status": 1}
    # A hundred separate writes within one turn of the event loop: one more refresh each.
    for i in range(100):
        client_service.create_client(f"Typed {i:03}")
    qtbot.waitUntil(lambda: window.count_label.text() == "202 clients")
    qtbot.waitUntil(lambda: clients_page.model.rowCount() == 202)  # type: ignore[attr-defined]
    qtbot.wait(50)
    assert calls == {"clients": 2, "today": 0, "status": 2}


def test_the_open_client_reloads_for_its_own_changes_only(
    qtbot: QtBot, story: dict, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(qtbot, db_path)
    clients_page = go(window, "clients")
    clients_page.open_client(story["client"].id)  # type: ignore[attr-defined]
    hub = clients_page.hub  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: hub.name_label.text() == "华夏机械")
    reloads: list[int] = []
    original = hub.refresh
    monkeypatch.setattr(hub, "refresh", lambda *a, **k: (reloads.append(1), original(*a, **k)))
    other = Client.get(Client.name == "Acme GmbH")
    client_service.update_client(other.id, name="Acme AG")  # another client: nothing to reload
    qtbot.wait(50)
    assert reloads == []
    client_service.update_client(story["client"].id, name="华夏机械集团")  # this one: its header follows
    qtbot.waitUntil(lambda: hub.name_label.text() == "华夏机械集团")
    assert reloads == [1]
    clients_page.show_list()  # the list, stale meanwhile, shows both names
    model = clients_page.model  # type: ignore[attr-defined]
    qtbot.waitUntil(
        lambda: {model.index(r, 0).data() for r in range(model.rowCount())} == {"Acme AG", "华夏机械集团"}
    )


def test_the_today_badge_follows_a_step_done_anywhere(qtbot: QtBot, story: dict, db_path: Path) -> None:
    from desktop_crm.services.followups import complete_next_step

    late = add_next_step(
        story["client"], story["me"], clock.now() - timedelta(hours=1), title="回访", allow_past=True
    )
    window = make_window(qtbot, db_path)
    qtbot.waitUntil(lambda: window.nav.item(0).text().startswith("Today ("))
    before = window.nav.item(0).text()
    complete_next_step(late.id)  # e.g. from the command line's twin in this process, or a dialog
    qtbot.waitUntil(lambda: window.nav.item(0).text() != before)
    window.reminders.stop()


def test_a_change_made_by_another_program_shows_without_a_refresh(
    qtbot: QtBot, story: dict, db_path: Path
) -> None:
    from desktop_crm.driver import sqlite3
    from ui.changes import OUTSIDE_POLL_MS

    window = make_window(qtbot, db_path)
    go(window, "today")
    qtbot.waitUntil(lambda: today_titles(window) == ["电话确认报价单"])
    qtbot.wait(OUTSIDE_POLL_MS + 200)  # the window watches the file from its first check on
    other = sqlite3.connect(db_path)  # e.g. the command line's import while the window is open
    with other:
        other.execute("UPDATE client SET name = ? WHERE id = ?", ("华夏重工", story["client"].id))
        other.execute("UPDATE next_step SET title = ? WHERE id = ?", ("寄送样品", story["step"].id))
    other.close()
    qtbot.waitUntil(lambda: today_titles(window) == ["寄送样品"], timeout=OUTSIDE_POLL_MS * 5)
    assert window.page("today").model.item(0).client_name == "华夏重工"  # type: ignore[attr-defined]

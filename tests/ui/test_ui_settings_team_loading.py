"""Settings → Team reads the team on the worker when shown: the table is disabled and says "Loading the
team…" until the reading arrives (never an empty team), then shows it; a late reading of an older load is
dropped; the section's own change shows at once."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from desktop_crm import team
from desktop_crm.models import User
from ui.pages import settings_team
from ui.pages.settings import SettingsPage
from ui.pages.settings_team import TeamSection


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[threading.Thread]:
    """The thread of every reading of the team by the section."""
    seen: list[threading.Thread] = []
    original = settings_team.read_team

    def recorded(*args: Any, **kwargs: Any) -> Any:
        seen.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(settings_team, "read_team", recorded)
    return seen


def names(section: TeamSection) -> list[str]:
    return [section.table.item(row, 0).text() for row in range(section.table.rowCount())]


def test_the_team_loads_on_the_worker_with_a_loading_state(
    qtbot: QtBot, db: object, reads: list[threading.Thread]
) -> None:
    boss = User.create(name="陈主管", role="supervisor")
    User.create(name="王晓明", role="salesperson", supervisor=boss)
    team.switch_user(boss.id)
    reads.clear()
    section = TeamSection()
    qtbot.addWidget(section)
    section.show()  # the worker has not run yet: loading, not an empty team
    assert not section.loaded and section.table.rowCount() == 0
    assert section.loading_label.isVisible() and section.loading_label.text() == "Loading the team…"
    assert not section.table.isEnabled()
    assert not any(b.isEnabled() for b in (section.add_button, section.edit_button, section.export_button))
    with qtbot.waitSignal(section.sig_loaded, timeout=10_000):
        pass
    assert names(section) == ["王晓明", "陈主管 (working now)"]
    assert section.loaded and section.table.isEnabled() and section.loading_label.isHidden()
    assert section.add_button.isEnabled() and not section.edit_button.isEnabled()
    assert len(reads) == 1 and reads[0] is not threading.main_thread()


def test_a_late_reading_of_an_older_load_is_dropped(qtbot: QtBot, db: object) -> None:
    team.switch_user(User.create(name="Anna", role="supervisor").id)
    section = TeamSection()
    qtbot.addWidget(section)
    section.show()
    shown: list[list[str]] = []
    section.sig_loaded.connect(lambda: shown.append(names(section)))
    User.create(name="Bert", role="salesperson")
    section.refresh()  # the section's own change: read at once; the load still on its way is older
    assert shown == [["Anna (working now)", "Bert"]] and section.table.isEnabled()
    qtbot.wait(200)
    assert shown == [["Anna (working now)", "Bert"]]


def test_a_team_change_elsewhere_reloads_without_emptying_the_table(
    qtbot: QtBot, db: object, reads: list[threading.Thread]
) -> None:
    from ui.working_as import team_notifier

    team.switch_user(User.create(name="Anna", role="supervisor").id)
    section = TeamSection()
    qtbot.addWidget(section)
    section.show()
    qtbot.waitUntil(lambda: section.loaded, timeout=10_000)
    User.create(name="Bert", role="salesperson")
    team_notifier().sig_team_changed.emit()  # e.g. the Team menu: reloaded on the worker
    assert names(section) == ["Anna (working now)"] and section.table.isEnabled()  # kept meanwhile
    qtbot.waitUntil(lambda: names(section) == ["Anna (working now)", "Bert"], timeout=10_000)
    assert reads and all(thread is not threading.main_thread() for thread in reads)


def test_the_settings_page_shows_the_team_loading_then_loaded(qtbot: QtBot, db: object) -> None:
    team.switch_user(User.create(name="Anna", role="supervisor").id)
    page = SettingsPage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.refresh()
    page.show()
    section = page.findChild(TeamSection)
    assert section is not None and not section.loaded and section.loading_label.isVisible()
    qtbot.waitUntil(lambda: section.loaded, timeout=10_000)
    assert names(section) == ["Anna (working now)"] and section.loading_label.isHidden()


def test_a_user_added_elsewhere_shows_in_the_open_settings_page(
    qtbot: QtBot, db: object, reads: list[threading.Thread]
) -> None:
    from desktop_crm.services import users

    team.switch_user(User.create(name="Anna", role="supervisor").id)
    page = SettingsPage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    section = page.findChild(TeamSection)
    qtbot.waitUntil(lambda: section.loaded, timeout=10_000)
    users.create_user("Bert", "salesperson")  # not through this section: announced on the change bus
    start = len(reads)
    qtbot.waitUntil(lambda: names(section) == ["Anna (working now)", "Bert"], timeout=10_000)
    assert reads[start:] and all(thread is not threading.main_thread() for thread in reads[start:])

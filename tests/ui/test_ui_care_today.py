"""Today's care sections: re-development candidates and the coming week's anniversaries and birthdays,
with one-click follow-up (the follow-up dialog opens prefilled), the owner filter, and Settings → Client
care changing who is a candidate."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop_crm.clock import FrozenClock
from desktop_crm.models import Client, Contact, Contract, Opportunity, Setting, User
from ui.pages.followups.dialog import FollowUpDialog
from ui.pages.settings_care import CareSettingsSection
from ui.pages.today import TodayPage

NOW = datetime(2026, 11, 18, 10, 0)  # a Wednesday
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def care_db(db: object, clock: FrozenClock) -> dict[str, int]:
    clock.set(NOW)
    me = User.create(name="王晓明", role="salesperson")
    other = User.create(name="李娜", role="salesperson")
    Setting.create(key="current_user_id", value=str(me.id))
    created = datetime(2024, 1, 5)
    old = Client.create(name="老朋友机械", owner=me, created_at=created, last_contact_at=datetime(2026, 8, 1))
    Contract.create(client=old, signed_on=date(2025, 11, 20), amount_cents=1_000_000)  # anniversary Friday
    busy = Client.create(name="二期在谈", owner=me, created_at=created)
    Contract.create(client=busy, signed_on=date(2025, 1, 10), amount_cents=1)
    Opportunity.create(client=busy, owner=me, name="二期", created_at=datetime(2026, 10, 1))
    recent = Client.create(name="新签三月", owner=me, created_at=created)
    Contract.create(client=recent, signed_on=date(2026, 8, 1), amount_cents=1)
    theirs = Client.create(name="远方贸易", owner=other, created_at=created)
    Contract.create(client=theirs, signed_on=date(2024, 3, 3), amount_cents=1)
    zhang = Contact.create(client=recent, name="张伟", birthday=date(1985, 11, 19))
    return {"me": me.id, "old": old.id, "recent": recent.id, "zhang": zhang.id}


def make_page(qtbot: QtBot) -> TodayPage:
    page = TodayPage()
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.show()
    page.refresh()
    return page


def test_candidates_and_dates_are_listed_for_my_clients(qtbot: QtBot, care_db: dict[str, int]) -> None:
    page = make_page(qtbot)
    care = page.care
    names = [care.candidate_model.index(r, 0).data() for r in range(care.candidate_model.rowCount())]
    assert names == ["老朋友机械"]  # not the one with a new opportunity, the recent one, nor another's
    assert care.candidates.count_label.text() == "1"
    assert care.candidate_model.index(0, 1).data() == "11/20/2025"
    assert care.candidate_model.index(0, 2).data() == "109 days ago"
    occasions = [
        (
            care.date_model.index(r, 0).data(),
            care.date_model.index(r, 1).data(),
            care.date_model.index(r, 2).data(),
        )
        for r in range(care.date_model.rowCount())
    ]
    assert occasions == [
        ("In 1 day", "Birthday of 张伟", "新签三月"),
        ("In 2 days", "Signed 1 year ago", "老朋友机械"),
    ]


def test_one_click_follow_up_opens_the_dialog_prefilled(
    qtbot: QtBot, care_db: dict[str, int], monkeypatch
) -> None:
    page = make_page(qtbot)
    care = page.care
    seen: list[tuple[int | None, list[int]]] = []

    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, FollowUpDialog)
        seen.append((dialog.client_id(), dialog.checked_contact_ids()))
        return QDialog.DialogCode.Rejected.value

    monkeypatch.setattr("ui.prompts.run_modal", answer)
    assert not care.candidate_follow_up.isEnabled()  # nothing selected yet
    care.candidates.select_row(0)
    qtbot.mouseClick(care.candidate_follow_up, LEFT)
    care.dates.select_row(0)
    qtbot.mouseClick(care.date_follow_up, LEFT)
    assert seen == [(care_db["old"], []), (care_db["recent"], [care_db["zhang"]])]
    opened: list[int] = []
    page.sig_open_client_requested.connect(opened.append)
    care.candidates.select_row(0)
    qtbot.mouseClick(care.candidate_open, LEFT)
    assert opened == [care_db["old"]]


def test_settings_change_who_is_a_candidate(qtbot: QtBot, care_db: dict[str, int]) -> None:
    section = CareSettingsSection()
    qtbot.addWidget(section)
    section.show()
    assert (section.signed_spin.value(), section.quiet_spin.value()) == (6, 3)
    section.signed_spin.setValue(3)
    section.url_edit.setText("https://www.bing.com/search")  # no {query}
    qtbot.mouseClick(section.save_button, LEFT)
    assert "{query}" in section.status_label.text()
    section.url_edit.setText("https://www.bing.com/search?q={query}")
    qtbot.mouseClick(section.save_button, LEFT)
    assert section.status_label.text() == "Saved."
    page = make_page(qtbot)
    names = {
        page.care.candidate_model.index(r, 0).data() for r in range(page.care.candidate_model.rowCount())
    }
    assert names == {"老朋友机械", "新签三月"}  # signed more than 3 months ago now counts


def test_on_a_large_file_the_care_lists_load_on_the_worker(qtbot: QtBot, care_db: dict[str, int]) -> None:
    from ui.pages.today.care_section import CareSections

    care = CareSections()
    qtbot.addWidget(care)
    with qtbot.waitSignal(care.sig_loaded, timeout=30_000):
        care.refresh(NOW.date(), care_db["me"], large=True)
        assert care.candidates.count_label.text() == "…"  # loading on the worker
    assert care.candidate_model.rowCount() == 1 and care.date_model.rowCount() == 2

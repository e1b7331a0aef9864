"""The follow-up dialog: keyboard-only logging, the client picker, next-step buckets, refusals at the field."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_crm import clock
from desktop_crm.models import Client, Contact, FollowUp, FollowUpContact, NextStep, Opportunity, User, now
from ui.pages.followups.dialog import FollowUpDialog


def next_weekday(weekday: int, hour: int = 10) -> datetime:
    """The next such weekday (0 = Monday) at least a week ahead, at ``hour``: always in the future."""
    day = clock.today() + timedelta(days=7)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return datetime(day.year, day.month, day.day, hour, 0)


@pytest.fixture
def people(db: object) -> dict[str, int]:
    me = User.create(name="王晓明", role="salesperson")
    acme = Client.create(name="Acme GmbH", owner=me)
    huadong = Client.create(name="上海华东精密机械", short_name="华东精密", owner=me)
    Client.create(name="北京中科信息", owner=me)
    hans = Contact.create(client=acme, name="Hans Berger", title="CTO")
    Contact.create(client=acme, name="Anna Vogel")
    zhang = Contact.create(client=huadong, name="张伟")
    deal = Opportunity.create(client=acme, name="Phase 2", stage="proposal")
    Opportunity.create(client=acme, name="Old deal", stage="lost")
    return {
        "me": me.id,
        "acme": acme.id,
        "huadong": huadong.id,
        "hans": hans.id,
        "zhang": zhang.id,
        "deal": deal.id,
    }


def open_dialog(qtbot: QtBot, **kwargs: object) -> FollowUpDialog:
    dialog = FollowUpDialog(None, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    return dialog


def focused() -> object:
    return QApplication.focusWidget()


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_keyboard_only_logging(qtbot: QtBot, people: dict[str, int]) -> None:
    """Type the client, pick with arrows + Enter, Tab through, Alt+3 = tomorrow, Ctrl+Enter saves."""
    friday = next_weekday(4)
    dialog = open_dialog(qtbot, now=friday)
    assert focused() is dialog.picker.edit
    qtbot.keyClicks(dialog.picker.edit, "gmb")
    assert dialog.picker.match_names() == ["Acme GmbH"]
    press(qtbot, Qt.Key.Key_Down)  # stays on the only match
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.client_id() == people["acme"] and dialog.isVisible()
    assert focused() is dialog.contacts_list
    assert dialog.contacts_list.currentItem().text() == "Anna Vogel"
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)  # check Hans
    assert dialog.checked_contact_ids() == [people["hans"]]
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.opportunity_combo
    press(qtbot, Qt.Key.Key_Down)  # the open deal (the lost one is not offered)
    assert dialog.opportunity_combo.count() == 2
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.channel_combo
    qtbot.keyClicks(focused(), "v")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.purpose_combo
    qtbot.keyClicks(focused(), "d")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)  # the time stays "now"
    assert focused() is dialog.duration_spin
    qtbot.keyClicks(focused(), "45")
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is dialog.summary_edit
    qtbot.keyClicks(focused(), "Demo went well")
    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    monday = (friday + timedelta(days=3)).replace(hour=9)
    assert dialog.next_step.due_label.text().startswith("Tomorrow → Mon")
    assert dialog.next_step.due_label.text().endswith("09:00")
    with qtbot.waitSignal(dialog.sig_follow_up_logged) as logged:
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    fu = FollowUp.get_by_id(logged.args[0])
    assert (fu.client_id, fu.channel, fu.purpose, fu.duration_minutes) == (
        people["acme"],
        "visit",
        "dig_opportunity",
        45,
    )
    assert (fu.summary, fu.happened_at, fu.opportunity_id) == ("Demo went well", friday, people["deal"])
    assert [row.contact_id for row in FollowUpContact.select()] == [people["hans"]]
    step = NextStep.get(NextStep.source_follow_up == fu)
    assert (step.bucket, step.due_at, step.plan_type) == ("tomorrow", monday, "dig_opportunity")


def test_picker_finds_a_client_by_two_chinese_characters(qtbot: QtBot, people: dict[str, int]) -> None:
    dialog = open_dialog(qtbot)
    dialog.picker.search("华东")  # setText: keyClicks with Chinese aborts Qt
    assert dialog.picker.match_names() == ["上海华东精密机械  ·  华东精密"]
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.client_id() == people["huadong"]
    assert dialog.picker.edit.text() == "上海华东精密机械"
    assert [dialog.contacts_list.item(0).text()] == ["张伟"]
    dialog.picker.search("中科")
    assert dialog.client_id() is None  # editing drops the pick, and the client's contacts
    assert [dialog.contacts_list.item(0).text()] == ["Pick the client first."]
    dialog.picker.search("没有这个")
    assert dialog.picker.match_names() == ["No client matches “没有这个”"]
    press(qtbot, Qt.Key.Key_Return)
    assert dialog.client_id() is None and dialog.isVisible()


def test_opened_from_a_client_prefills_and_locks(qtbot: QtBot, people: dict[str, int]) -> None:
    dialog = open_dialog(
        qtbot, client_id=people["acme"], contact_ids=[people["hans"]], opportunity_id=people["deal"]
    )
    assert dialog.picker.edit.text() == "Acme GmbH" and dialog.picker.edit.isReadOnly()
    assert dialog.checked_contact_ids() == [people["hans"]]
    assert dialog.opportunity_combo.currentData() == people["deal"]
    assert focused() is dialog.contacts_list


def test_tomorrow_on_a_friday_saves_monday_morning(qtbot: QtBot, people: dict[str, int]) -> None:
    friday = next_weekday(4, hour=16)
    dialog = open_dialog(qtbot, client_id=people["acme"], now=friday)
    dialog.next_step.set_bucket("tomorrow")
    monday = datetime.combine(friday.date() + timedelta(days=3), datetime.min.time()).replace(hour=9)
    assert dialog.next_step.due_at() == monday
    assert dialog.next_step.exact_edit.dateTime().toPython() == monday
    assert dialog.next_step.due_label.text().startswith("Tomorrow → Mon")
    dialog.summary_edit.setPlainText("Sent the revised quote")
    dialog.accept()
    assert NextStep.get().due_at == monday and NextStep.get().bucket == "tomorrow"


def test_an_exact_time_in_the_past_is_refused_at_the_field(qtbot: QtBot, people: dict[str, int]) -> None:
    dialog = open_dialog(qtbot, client_id=people["acme"])
    dialog.summary_edit.setPlainText("Called")
    dialog.next_step.set_bucket("exact")
    assert dialog.next_step.exact_edit.isEnabled()
    past = now() - timedelta(days=1)
    dialog.next_step.exact_edit.setDateTime(past)
    dialog.accept()
    error = dialog.errors["due_at"]
    assert dialog.isVisible() and not error.isHidden()
    assert error.text() == "This time is already past: pick a later one."
    assert FollowUp.select().count() == 0 and NextStep.select().count() == 0
    dialog.next_step.exact_edit.setDateTime(now() + timedelta(days=2))
    assert error.isHidden()  # a new time clears the message
    dialog.accept()
    assert FollowUp.select().count() == 1 and NextStep.get().bucket == "exact"


def test_a_deleted_client_is_refused_with_a_clear_message(qtbot: QtBot, people: dict[str, int]) -> None:
    dialog = open_dialog(qtbot, client_id=people["acme"])
    dialog.summary_edit.setPlainText("Called")
    Client.update(deleted_at=now()).where(Client.id == people["acme"]).execute()
    dialog.accept()
    error = dialog.errors["client"]
    assert dialog.isVisible() and not error.isHidden()
    assert error.text() == (
        "“Acme GmbH” has been deleted: restore it from the trash before logging a follow-up."
    )
    assert FollowUp.select().count() == 0 and NextStep.select().count() == 0
    again = open_dialog(qtbot, client_id=people["acme"])  # opened on a deleted client: said at once
    assert not again.errors["client"].isHidden()


def test_no_client_picked_is_said_at_the_client_field(qtbot: QtBot, people: dict[str, int]) -> None:
    dialog = open_dialog(qtbot)
    dialog.accept()
    assert dialog.errors["client"].text().startswith("Pick the client")
    assert FollowUp.select().count() == 0


def test_a_contact_deleted_meanwhile_is_refused_at_the_contacts(qtbot: QtBot, people: dict[str, int]) -> None:
    dialog = open_dialog(qtbot, client_id=people["acme"], contact_ids=[people["hans"]])
    dialog.summary_edit.setPlainText("Called")
    Contact.update(deleted_at=now()).where(Contact.id == people["hans"]).execute()
    dialog.accept()
    assert dialog.errors["contacts"].text() == "A checked contact has been deleted: uncheck them."
    dialog.set_contact_checked(people["hans"], False)
    dialog.accept()
    assert FollowUp.select().count() == 1


def test_the_next_plan_type_follows_the_purpose_until_chosen(qtbot: QtBot, people: dict[str, int]) -> None:
    dialog = open_dialog(qtbot, client_id=people["acme"])
    dialog.purpose_combo.setCurrentIndex(dialog.purpose_combo.findData("beat_competitor"))
    assert dialog.next_step.plan_type() == "beat_competitor"
    dialog.next_step.set_plan_type("greeting", by_user=True)
    dialog.purpose_combo.setCurrentIndex(dialog.purpose_combo.findData("cultivate_demand"))
    assert dialog.next_step.plan_type() == "greeting"


def test_escape_cancels_and_saves_nothing(qtbot: QtBot, people: dict[str, int]) -> None:
    dialog = open_dialog(qtbot, client_id=people["acme"])
    press(qtbot, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.follow_up_id is None
    assert FollowUp.select().count() == 0


def test_an_empty_summary_is_asked_about_once(qtbot: QtBot, people: dict[str, int], modal: Any) -> None:
    dialog = open_dialog(qtbot, client_id=people["acme"])
    dialog.summary_edit.setPlainText("  \n ")
    dialog.accept()  # "No": back to the summary, nothing saved
    assert modal.titles == ["No summary"] and modal.seen[0][2].startswith("Save without a summary?")
    assert dialog.isVisible() and FollowUp.select().count() == 0
    modal.answer_yes()
    dialog.accept()
    assert FollowUp.get().summary == "" and not dialog.isVisible()
    assert modal.titles == ["No summary", "No summary"]
    again = open_dialog(qtbot, client_id=people["acme"], contact_ids=[people["hans"]])
    Contact.update(deleted_at=now()).where(Contact.id == people["hans"]).execute()
    modal.answer_yes()
    again.accept()  # asked, then refused for another reason: the second try does not ask again
    assert not again.errors["contacts"].isHidden()
    again.set_contact_checked(people["hans"], False)
    again.accept()
    assert FollowUp.select().count() == 2 and len(modal.titles) == 3

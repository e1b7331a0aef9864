"""The follow-up chain in the client hub: log → next step → Complete… (prefilled) → next step, the
timeline showing follow-up → step → follow-up → step; the global Ctrl+L; Settings' next-step times."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop_crm import clock
from desktop_crm.models import Client, Contact, FollowUp, NextStep, User
from desktop_crm.schedule import BucketRules
from desktop_crm.services.followups import add_next_step
from desktop_crm.services.schedule_rules import load_bucket_rules, save_bucket_rules
from ui import actions, prompts
from ui.main_window import MainWindow
from ui.pages.clients.hub import ClientHubView
from ui.pages.followups.dialog import FollowUpDialog
from ui.pages.settings_schedule import ScheduleRulesSection


@pytest.fixture
def client(db: object) -> Client:
    me = User.create(name="王晓明", role="salesperson")
    return Client.create(name="上海华东精密机械", short_name="华东精密", owner=me)


@pytest.fixture
def contact(client: Client) -> Contact:
    return Contact.create(client=client, name="张伟", title="采购经理")


def answer_with(monkeypatch: pytest.MonkeyPatch, fill) -> list[FollowUpDialog]:  # noqa: ANN001
    """The next modal dialogs are filled by ``fill`` and accepted through the dialog's own Save."""
    seen: list[FollowUpDialog] = []

    def modal(dialog: QDialog) -> int:
        assert isinstance(dialog, FollowUpDialog)
        seen.append(dialog)
        fill(dialog)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(prompts, "run_modal", modal)
    return seen


def test_the_chain_in_the_hub(
    qtbot: QtBot, client: Client, contact: Contact, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.show_client(client.id)
    section = hub.follow_ups
    assert section.summary_label.text().startswith("No follow-ups logged yet")

    def first(dialog: FollowUpDialog) -> None:
        assert dialog.picker.edit.isReadOnly() and dialog.client_id() == client.id
        dialog.set_contact_checked(contact.id)
        dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("call"))
        dialog.purpose_combo.setCurrentIndex(dialog.purpose_combo.findData("cultivate_demand"))
        dialog.summary_edit.setPlainText("电话沟通需求，客户关心交期")
        dialog.next_step.set_bucket("next_week")
        dialog.next_step.title_edit.setText("Send the quote")

    answer_with(monkeypatch, first)
    changed: list[int] = []
    hub.sig_client_changed.connect(changed.append)
    qtbot.mouseClick(hub.log_button, Qt.MouseButton.LeftButton)
    assert changed == [client.id]
    fu1 = FollowUp.get()
    step1 = NextStep.get(NextStep.source_follow_up == fu1)
    assert (step1.plan_type, step1.bucket, step1.title) == ("cultivate_demand", "next_week", "Send the quote")
    assert section.timeline.order == [("follow_up", fu1.id), ("step", step1.id)]
    assert list(section.timeline.complete_buttons) == [step1.id]
    assert hub.tabs.tabText(1) == "Follow-ups (1)"
    assert "Last contact: never" not in hub.facts_label.text()

    # Complete… opens the dialog prefilled from the step; the new follow-up completes it.
    def complete(dialog: FollowUpDialog) -> None:
        assert dialog.windowTitle() == "Complete the next step"
        assert dialog.client_id() == client.id and dialog.picker.edit.isReadOnly()
        assert dialog.checked_contact_ids() == [contact.id]  # from the follow-up that set the step
        assert dialog.purpose_combo.currentData() == "cultivate_demand"  # the step's plan type
        assert "Send the quote" in dialog.banner.text() and not dialog.banner.isHidden()
        dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData("email"))
        dialog.summary_edit.setPlainText("Quote sent")
        dialog.next_step.set_bucket("next_month")
        dialog.next_step.set_plan_type("sign_and_collect", by_user=True)

    seen = answer_with(monkeypatch, complete)
    qtbot.mouseClick(section.timeline.complete_buttons[step1.id], Qt.MouseButton.LeftButton)
    assert len(seen) == 1
    fu2 = FollowUp.get(FollowUp.summary == "Quote sent")
    step1 = NextStep.get_by_id(step1.id)
    step2 = NextStep.get(NextStep.source_follow_up == fu2)
    assert step1.done and step1.completed_by_id == fu2.id
    assert (step2.plan_type, step2.bucket, step2.done) == ("sign_and_collect", "next_month", False)

    # Newest first: follow-up 2 → its open step, follow-up 1 → its done step, answered by follow-up 2.
    timeline = section.timeline
    assert timeline.order == [
        ("follow_up", fu2.id),
        ("step", step2.id),
        ("follow_up", fu1.id),
        ("step", step1.id),
    ]
    assert list(timeline.complete_buttons) == [step2.id]
    texts = timeline.texts()
    assert "Quote sent" in texts[0] and "Completes “Send the quote”" in texts[0]
    assert "Open" in texts[1] and "Sign & collect" in texts[1]
    assert "电话沟通需求" in texts[2] and "张伟" in texts[2]
    assert "Done" in texts[3] and "answered by the follow-up of" in texts[3]
    assert hub.tabs.tabText(1) == "Follow-ups (2)"
    assert section.model.rowCount() == 2  # the table view of the same chain
    section.view_button.click()
    assert section.stack.currentWidget() is section.table


def test_complete_a_step_through_the_shared_action(
    qtbot: QtBot, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A step no follow-up set (planned by hand) is completed through ``ui.actions.log_follow_up``."""
    me = User.get()
    step = add_next_step(client, me, clock.now() + timedelta(hours=3), plan_type="greeting", title="中秋问候")
    answer_with(monkeypatch, lambda d: d.summary_edit.setPlainText("已问候"))
    new_id = actions.log_follow_up(None, completes_step_id=step.id)
    assert new_id == FollowUp.get().id
    fresh = NextStep.get_by_id(step.id)
    assert fresh.done and fresh.completed_by_id == new_id
    assert FollowUp.get().purpose == "greeting"
    # Completing it again is refused at the dialog, nothing saved.
    dialog = FollowUpDialog(None, completes_step_id=step.id)
    qtbot.addWidget(dialog)
    dialog.summary_edit.setPlainText("已问候")
    dialog.accept()
    assert dialog.general_error.text() == "This next step is already done."
    assert FollowUp.select().count() == 1


def test_cancel_returns_none(qtbot: QtBot, client: Client, modal) -> None:  # noqa: ANN001
    assert actions.log_follow_up(None, client.id) is None
    assert modal.seen[-1][0] == "FollowUpDialog" and FollowUp.select().count() == 0


def test_ctrl_l_logs_a_follow_up_from_anywhere(
    qtbot: QtBot,
    client: Client,
    db_path,
    modal,
    monkeypatch: pytest.MonkeyPatch,  # noqa: ANN001
) -> None:
    window = MainWindow(db_path, "en")
    window.remember_state = False
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert modal.seen[-1][:2] == ("FollowUpDialog", "Log a follow-up")
    page = window.page("clients")
    window.show_page(window.pages.index(page))
    page.open_client(client.id)  # type: ignore[attr-defined]
    seen: list[FollowUpDialog] = []

    def record(dialog: QDialog) -> int:
        assert isinstance(dialog, FollowUpDialog)
        seen.append(dialog)
        return 0

    monkeypatch.setattr(prompts, "run_modal", record)
    window.log_follow_up_action.trigger()
    assert seen and seen[0].client_id() == client.id  # the client on screen is prefilled


def test_settings_rules_change_the_preview_and_the_saved_step(qtbot: QtBot, client: Client) -> None:
    wednesday = datetime.combine(
        clock.today() + timedelta(days=7 + (2 - clock.today().weekday()) % 7), datetime.min.time()
    )
    noon = wednesday.replace(hour=12)
    section = ScheduleRulesSection(now=noon)
    qtbot.addWidget(section)
    section.refresh()
    assert section.preview_labels["tonight"].text().endswith("20:00")
    section.time_edits["tonight"].setTime(section.time_edits["tonight"].time().fromString("19:15", "HH:mm"))
    assert section.preview_labels["tonight"].text().endswith("19:15")  # live, before saving
    assert section.status_label.text() == "Not saved yet."
    section.week_day_combo.setCurrentIndex(3)  # Thursday
    assert section.preview_labels["this_week"].text().startswith("Thu")
    section.save_button.click()
    assert load_bucket_rules().tonight == "19:15" and load_bucket_rules().this_week_day == 3
    assert section.status_label.text().startswith("Saved")

    dialog = FollowUpDialog(None, client_id=client.id, now=noon)
    qtbot.addWidget(dialog)
    dialog.next_step.set_bucket("tonight")
    assert dialog.next_step.due_label.text().endswith("19:15")
    dialog.summary_edit.setPlainText("Agreed to call back tonight")
    dialog.accept()
    assert NextStep.get().due_at == noon.replace(hour=19, minute=15)

    section.defaults_button.click()
    assert section.preview_labels["tonight"].text().endswith("20:00")
    section.save_button.click()
    assert load_bucket_rules() == BucketRules()


def test_stored_rules_reach_the_dialog(qtbot: QtBot, client: Client) -> None:
    save_bucket_rules(BucketRules(skip_weekends=False))
    dialog = FollowUpDialog(None, client_id=client.id)
    qtbot.addWidget(dialog)
    assert dialog.next_step.rules.skip_weekends is False

"""The client editor dialog, driven through its real widgets: create, edit, refusals at the field,
duplicates, and all-or-nothing saving."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_crm.errors import ValidationError
from desktop_crm.models import Client, ClientMilestone, CustomFieldValue, User
from desktop_crm.services import clients, custom_fields
from ui.pages.clients.editor import ClientEditorDialog
from ui.pages.clients.editor_inputs import OptionalDateEdit


@pytest.fixture
def fields(db: object) -> dict[str, int]:
    return {
        "text": custom_fields.define_custom_field("采购负责人", "text").id,
        "number": custom_fields.define_custom_field("Employees", "number").id,
        "date": custom_fields.define_custom_field("Founded", "date").id,
        "choice": custom_fields.define_custom_field("Size", "choice", ["small", "large"]).id,
        "multi": custom_fields.define_custom_field(
            "Products", "multi_choice", ["pumps", "valves", "泵阀"]
        ).id,
    }


def open_dialog(qtbot: QtBot, client_id: int | None = None) -> ClientEditorDialog:
    dialog = ClientEditorDialog(None, client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def custom_editor(dialog: ClientEditorDialog, field_id: int) -> object:
    return dialog.custom_form.boxes[field_id].editor


def pick(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def check_items(widget: QListWidget, texts: set[str]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.text() in texts else Qt.CheckState.Unchecked)


def save(qtbot: QtBot, dialog: ClientEditorDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_create_client_through_the_dialog(qtbot: QtBot, fields: dict[str, int]) -> None:
    owner = User.create(name="王晓明")
    clients.set_client_tags(clients.create_client("Other").id, ["Key account"])
    dialog = open_dialog(qtbot)
    assert dialog.windowTitle() == "New client"
    dialog.line_edits["name"].setText("  上海华东精密机械有限公司 ")
    dialog.line_edits["short_name"].setText("华东精密")
    dialog.line_edits["phone"].setText("021-5555 0101")
    dialog.line_edits["industry"].setText("机械")
    dialog.notes_edit.setPlainText("第一次拜访很顺利。\nSecond line.")
    pick(dialog.owner_combo, owner.id)
    pick(dialog.combos["status"], "prospect")
    pick(dialog.combos["value_verdict"], "valuable")
    pick(dialog.combos["grade"], "A")
    dialog.sign_date.set_value(date(2026, 3, 31))
    dialog.amount_edit.setText("1,234,567.89")
    check_items(dialog.tag_picker.list_widget, {"Key account"})
    dialog.tag_picker.new_edit.setText("制造业")
    qtbot.mouseClick(dialog.tag_picker.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.milestones.add_button, Qt.MouseButton.LeftButton)
    row = dialog.milestones.rows[0]
    row.title_edit.setText("技术交流会")
    row.due.editor.set_value(date(2026, 2, 1))
    custom_editor(dialog, fields["text"]).setText("李工")
    custom_editor(dialog, fields["number"]).setText("1,200")
    custom_editor(dialog, fields["date"]).set_value(date(1998, 5, 4))
    pick(custom_editor(dialog, fields["choice"]), "large")
    check_items(custom_editor(dialog, fields["multi"]), {"valves", "泵阀"})

    with qtbot.waitSignal(dialog.sig_client_saved) as saved:
        save(qtbot, dialog)

    client = Client.get(Client.name == "上海华东精密机械有限公司")
    assert saved.args == [client.id] and dialog.saved_client_id == client.id
    assert not dialog.isVisible() and dialog.result() == ClientEditorDialog.DialogCode.Accepted
    assert (client.short_name, client.phone, client.industry) == ("华东精密", "021-5555 0101", "机械")
    assert client.notes == "第一次拜访很顺利。\nSecond line."
    assert (client.status, client.value_verdict, client.grade) == ("prospect", "valuable", "A")
    assert client.expected_sign_date == date(2026, 3, 31)
    assert client.expected_amount_cents == 123_456_789
    assert client.owner_id == owner.id
    assert [t.name for t in clients.get_client_tags(client.id)] == ["Key account", "制造业"]
    milestones = list(ClientMilestone.select().where(ClientMilestone.client == client.id))
    assert [(m.title, m.due_date, m.done_date) for m in milestones] == [
        ("技术交流会", date(2026, 2, 1), None)
    ]
    assert custom_fields.get_custom_values(client.id) == {
        "采购负责人": "李工",
        "Employees": 1200,
        "Founded": date(1998, 5, 4),
        "Size": "large",
        "Products": ["valves", "泵阀"],
    }


def test_edit_a_client(qtbot: QtBot, fields: dict[str, int]) -> None:
    client = clients.create_client(
        "Acme GmbH",
        phone="+49 30 1234567",
        expected_amount_cents=1_000_050,
        tag_names=["Export", "Key account"],
        custom_values={fields["number"]: 12.5, fields["multi"]: ["pumps"]},
    )
    first = clients.add_milestone(client.id, "Trial run", due_date=date(2026, 1, 10))
    clients.add_milestone(client.id, "Tender", due_date=date(2026, 4, 1))
    dialog = open_dialog(qtbot, client.id)
    assert dialog.windowTitle() == "Edit client"
    assert dialog.line_edits["name"].text() == "Acme GmbH"
    assert dialog.amount_edit.text() == "10,000.50"
    assert dialog.tag_picker.checked_names() == ["Export", "Key account"]
    assert [r.title_edit.text() for r in dialog.milestones.rows] == ["Trial run", "Tender"]
    assert custom_editor(dialog, fields["number"]).text() == "12.5"

    dialog.line_edits["name"].setText("Acme Deutschland GmbH")
    dialog.amount_edit.setText("0.29")
    check_items(dialog.tag_picker.list_widget, {"Export"})
    dialog.milestones.rows[0].done.editor.set_value(date(2026, 1, 12))
    qtbot.mouseClick(dialog.milestones.rows[1].remove_button, Qt.MouseButton.LeftButton)
    custom_editor(dialog, fields["number"]).setText("")
    check_items(custom_editor(dialog, fields["multi"]), {"pumps", "valves"})
    save(qtbot, dialog)

    assert dialog.saved_client_id == client.id
    client = clients.get_client(client.id)
    assert client.name == "Acme Deutschland GmbH" and client.expected_amount_cents == 29
    assert [t.name for t in clients.get_client_tags(client.id)] == ["Export"]
    milestones = list(ClientMilestone.select().where(ClientMilestone.client == client.id))
    assert [(m.id, m.done_date) for m in milestones] == [(first.id, date(2026, 1, 12))]
    assert custom_fields.get_custom_values(client.id) == {"Products": ["pumps", "valves"]}
    assert Client.select().count() == 1


@pytest.mark.parametrize("name", ["", "   ", "\t \u3000"])
def test_blank_name_is_refused_at_the_name_field(qtbot: QtBot, db: object, name: str) -> None:
    dialog = open_dialog(qtbot)
    dialog.tabs.setCurrentIndex(2)
    dialog.line_edits["name"].setText(name)
    save(qtbot, dialog)
    box = dialog.boxes["name"]
    assert box.error == "Enter the client's name." and box.error_label.isVisible()
    assert dialog.tabs.currentIndex() == 0 and dialog.isVisible()
    assert dialog.line_edits["name"].property("invalid") is True
    assert Client.select().count() == 0 and dialog.saved_client_id is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-5", "Enter an amount of 0 or more."),
        ("1e30", "Enter an amount, e.g. 12,345.67."),
        ("abc", "Enter an amount, e.g. 12,345.67."),
        ("NaN", "Enter an amount, e.g. 12,345.67."),
        ("1.234", "Use at most 2 decimals (cents)."),
        ("100000000000000000000", "This amount is implausibly large; check the digits."),
    ],
)
def test_bad_amounts_are_refused_at_the_amount_field(
    qtbot: QtBot, db: object, text: str, message: str
) -> None:
    dialog = open_dialog(qtbot)
    dialog.line_edits["name"].setText("Acme")
    dialog.amount_edit.setText(text)
    save(qtbot, dialog)
    assert dialog.boxes["expected_amount_cents"].error == message
    assert dialog.tabs.currentIndex() == 1 and dialog.focusWidget() is dialog.amount_edit
    assert Client.select().count() == 0


def test_dates_outside_1900_to_2100_are_refused(qtbot: QtBot, fields: dict[str, int]) -> None:
    dialog = open_dialog(qtbot)
    dialog.line_edits["name"].setText("Acme")
    dialog.sign_date.set_value(date(1899, 12, 31))
    assert dialog.sign_date.value() == date(1899, 12, 31)  # not clamped: the user gets a message
    save(qtbot, dialog)
    assert dialog.boxes["expected_sign_date"].error == "Enter a date between 1900 and 2100."
    dialog.sign_date.set_value(date(2100, 12, 31))
    custom_editor(dialog, fields["date"]).set_value(date(2101, 1, 1))
    save(qtbot, dialog)
    assert dialog.boxes["expected_sign_date"].error == ""
    assert dialog.custom_form.boxes[fields["date"]].error == "Enter a date between 1900 and 2100."
    assert dialog.tabs.currentIndex() == 3
    custom_editor(dialog, fields["date"]).set_value(None)
    dialog.milestones.add_row().title_edit.setText("Tender")
    dialog.milestones.rows[0].done.editor.set_value(date(1800, 1, 1))
    save(qtbot, dialog)
    assert dialog.milestones.rows[0].done.error == "Enter a date between 1900 and 2100."
    assert dialog.tabs.currentIndex() == 2 and Client.select().count() == 0


def test_milestone_without_title_and_bad_number_are_refused(qtbot: QtBot, fields: dict[str, int]) -> None:
    dialog = open_dialog(qtbot)
    dialog.line_edits["name"].setText("Acme")
    dialog.milestones.add_row().title_edit.setText("Tender")
    dialog.milestones.add_row()
    save(qtbot, dialog)
    assert dialog.milestones.rows[1].title.error == "Give the milestone a title, or remove it."
    qtbot.mouseClick(dialog.milestones.rows[1].remove_button, Qt.MouseButton.LeftButton)
    custom_editor(dialog, fields["number"]).setText("12.3.4")
    save(qtbot, dialog)
    assert dialog.custom_form.boxes[fields["number"]].error == "Enter a number, e.g. 12,345.67."
    assert Client.select().count() == 0


def test_service_refusals_are_shown_at_their_field(qtbot: QtBot, db: object) -> None:
    dialog = open_dialog(qtbot)
    dialog.line_edits["name"].setText("Acme")
    dialog.tag_picker.add_tag("x" * 150)
    save(qtbot, dialog)
    assert dialog.boxes["tags"].error == "Tag is too long (150 characters, at most 100)."
    assert dialog.tabs.currentIndex() == 1 and Client.select().count() == 0


def test_long_notes_and_mixed_scripts_round_trip(qtbot: QtBot, db: object) -> None:
    name = "Ωmega 华东 🚀 Ёлка 𠮷野家"
    notes = ("会议纪要 meeting notes 🚀\n" * 500)[:10_000]
    dialog = open_dialog(qtbot)
    dialog.line_edits["name"].setText(name)
    dialog.notes_edit.setPlainText(notes)
    save(qtbot, dialog)
    client = clients.get_client(dialog.saved_client_id)
    assert client.name == name and client.notes == notes.strip() and len(client.notes) > 9_900
    again = open_dialog(qtbot, client.id)
    assert again.line_edits["name"].text() == name and again.title_label.text() == name


def test_duplicate_name_asks_and_open_it_emits_the_existing_id(qtbot: QtBot, db: object, modal: Any) -> None:
    existing = clients.create_client("上海 华东精密")
    dialog = open_dialog(qtbot)
    dialog.line_edits["name"].setText("上海华东精密")
    modal.answers.append(QMessageBox.StandardButton.Open.value)
    with qtbot.waitSignal(dialog.sig_open_existing) as opened:
        save(qtbot, dialog)
    assert opened.args == [existing.id]
    assert modal.titles == ["Possible duplicate"] and "上海 华东精密" in modal.seen[0][2]
    assert Client.select().count() == 1 and dialog.saved_client_id is None and not dialog.isVisible()


def test_duplicate_phone_save_anyway_or_cancel(qtbot: QtBot, db: object, modal: Any) -> None:
    clients.create_client("Acme", phone="13800138000")
    dialog = open_dialog(qtbot)
    dialog.line_edits["name"].setText("Acme Shanghai")
    dialog.line_edits["phone"].setText("+86 138 0013 8000")
    save(qtbot, dialog)  # the recorder's default answer dismisses the question: nothing saved
    assert modal.titles == ["Possible duplicate"] and dialog.isVisible()
    assert Client.select().count() == 1
    modal.answers.append(QMessageBox.StandardButton.Save.value)
    save(qtbot, dialog)
    assert Client.select().count() == 2 and dialog.saved_client_id is not None


def test_editing_without_changing_name_or_phone_does_not_ask(qtbot: QtBot, db: object, modal: Any) -> None:
    clients.create_client("Acme")
    twin = clients.create_client("Acme")
    dialog = open_dialog(qtbot, twin.id)
    dialog.line_edits["industry"].setText("Pumps")
    save(qtbot, dialog)
    assert modal.seen == [] and clients.get_client(twin.id).industry == "Pumps"


def test_a_failure_in_the_custom_values_step_saves_nothing(
    qtbot: QtBot, fields: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(client_id: int, field_id: int, value: object) -> None:
        raise ValidationError("not_a_number", "Employees", label="Employees")

    monkeypatch.setattr(custom_fields, "set_custom_value", refuse)
    dialog = open_dialog(qtbot)
    dialog.line_edits["name"].setText("Acme")
    dialog.tag_picker.add_tag("New tag")
    dialog.milestones.add_row().title_edit.setText("Tender")
    custom_editor(dialog, fields["number"]).setText("5")
    save(qtbot, dialog)
    assert dialog.custom_form.boxes[fields["text"]].error == "Employees must be a number."
    assert dialog.tabs.currentIndex() == 3 and dialog.isVisible()
    assert Client.select().count() == 0 and ClientMilestone.select().count() == 0
    assert custom_fields.list_tag_names() == [] and CustomFieldValue.select().count() == 0


def test_an_unexpected_error_is_a_message_not_a_traceback(
    qtbot: QtBot, fields: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(client_id: int, field_id: int, value: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(custom_fields, "set_custom_value", crash)
    dialog = open_dialog(qtbot)
    dialog.line_edits["name"].setText("Acme")
    save(qtbot, dialog)
    assert dialog.general_error.isVisible()
    assert dialog.general_error.text() == "The client could not be saved: disk on fire"
    assert Client.select().count() == 0


def test_enter_saves_and_escape_cancels(qtbot: QtBot, db: object) -> None:
    dialog = open_dialog(qtbot)
    assert dialog.focusWidget() is dialog.line_edits["name"]
    dialog.line_edits["name"].setText("Acme")
    dialog.line_edits["name"].setFocus()
    qtbot.keyClick(dialog.line_edits["name"], Qt.Key.Key_Return)
    assert dialog.saved_client_id is not None and not dialog.isVisible()
    other = open_dialog(qtbot)
    other.line_edits["name"].setText("Beta")
    qtbot.keyClick(other.line_edits["name"], Qt.Key.Key_Escape)
    assert not other.isVisible() and Client.select().count() == 1


def test_enter_in_the_new_category_line_adds_it_without_saving(qtbot: QtBot, db: object) -> None:
    dialog = open_dialog(qtbot)
    dialog.line_edits["name"].setText("Acme")
    dialog.tabs.setCurrentIndex(1)
    dialog.tag_picker.new_edit.setText("Export")
    qtbot.keyClick(dialog.tag_picker.new_edit, Qt.Key.Key_Return)
    assert dialog.tag_picker.checked_names() == ["Export"] and dialog.tag_picker.new_edit.text() == ""
    assert dialog.isVisible() and Client.select().count() == 0


def test_owner_combo_lists_active_users_and_keeps_an_inactive_owner(qtbot: QtBot, db: object) -> None:
    active = User.create(name="Active")
    gone = User.create(name="Gone")
    client = clients.create_client("Acme", owner_id=gone.id)
    User.update(active=False).where(User.id == gone.id).execute()
    dialog = open_dialog(qtbot, client.id)
    combo = dialog.owner_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["(no owner)", "Active", "Gone (inactive)"]
    assert combo.currentData() == gone.id
    pick(combo, active.id)
    save(qtbot, dialog)
    assert clients.get_client(client.id).owner_id == active.id


def test_hidden_fields_are_not_shown_and_keep_their_values(qtbot: QtBot, fields: dict[str, int]) -> None:
    client = clients.create_client("Acme", custom_values={fields["choice"]: "small"})
    custom_fields.set_custom_field_hidden(fields["choice"], True)
    dialog = open_dialog(qtbot, client.id)
    assert fields["choice"] not in dialog.custom_form.boxes
    assert isinstance(custom_editor(dialog, fields["date"]), OptionalDateEdit)
    assert isinstance(custom_editor(dialog, fields["text"]), QLineEdit)
    save(qtbot, dialog)
    assert custom_fields.get_custom_values(client.id) == {"Size": "small"}


def test_a_deleted_client_cannot_be_edited(qtbot: QtBot, db: object) -> None:
    client = clients.create_client("Acme")
    clients.delete_client(client.id)
    dialog = open_dialog(qtbot, client.id)
    assert dialog.general_error.isVisible() and "deleted" in dialog.general_error.text()
    assert not dialog.save_button.isEnabled()

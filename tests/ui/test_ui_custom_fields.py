"""Settings → Custom fields: add, rename, hide, reorder, edit choices and delete, and the editor follows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_crm.models import CustomFieldDef
from desktop_crm.services import clients, custom_fields
from ui import prompts
from ui.pages.clients.editor import ClientEditorDialog
from ui.pages.custom_fields import CustomFieldDialog, CustomFieldsSection
from ui.pages.settings import SettingsPage


@dataclass
class DialogDriver:
    """Stands in for ``prompts.run_modal``: fills each field dialog with the next filler and presses OK;
    answers message boxes from ``answers`` (default No)."""

    fillers: list[Callable[[CustomFieldDialog], None]] = field(default_factory=list)
    answers: list[int] = field(default_factory=list)
    dialogs: list[CustomFieldDialog] = field(default_factory=list)
    boxes: list[str] = field(default_factory=list)

    def __call__(self, dialog: QDialog) -> int:
        if isinstance(dialog, CustomFieldDialog):
            self.dialogs.append(dialog)
            self.fillers.pop(0)(dialog)
            dialog.accept()
            return int(dialog.result())
        assert isinstance(dialog, QMessageBox)
        self.boxes.append(dialog.text())
        return self.answers.pop(0) if self.answers else QMessageBox.StandardButton.No.value


@pytest.fixture
def driver(monkeypatch: pytest.MonkeyPatch) -> DialogDriver:
    fake = DialogDriver()
    monkeypatch.setattr(prompts, "run_modal", fake)
    return fake


@pytest.fixture
def section(qtbot: QtBot, db: object) -> CustomFieldsSection:
    widget = CustomFieldsSection()
    qtbot.addWidget(widget)
    widget.show()
    widget.refresh()
    return widget


def rows(section: CustomFieldsSection) -> list[tuple[str, ...]]:
    table = section.table
    return [
        tuple(table.item(r, c).text() for c in range(table.columnCount())) for r in range(table.rowCount())
    ]


def editor_labels(qtbot: QtBot) -> list[str]:
    dialog = ClientEditorDialog(None)
    qtbot.addWidget(dialog)
    form = dialog.custom_form.form
    texts = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, form.ItemRole.LabelRole)
        if item is not None and isinstance(item.widget(), QLabel):
            texts.append(item.widget().text())
    return texts


def select(section: CustomFieldsSection, name: str) -> None:
    section.table.selectRow([f[1] for f in section.fields].index(name))


def fill(name: str = "", kind: str = "", choices: str | None = None) -> Callable[[CustomFieldDialog], None]:
    def filler(dialog: CustomFieldDialog) -> None:
        if name:
            dialog.name_edit.setText(name)
        if kind:
            dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(kind))
        if choices is not None:
            dialog.choices_edit.setPlainText(choices)

    return filler


def click(qtbot: QtBot, button: object) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_add_fields_of_every_kind_and_the_editor_shows_them(
    qtbot: QtBot, section: CustomFieldsSection, driver: DialogDriver
) -> None:
    driver.fillers += [
        fill("年采购额", "number"),
        fill("采购周期", "choice", "月度\n季度\n\n年度"),
        fill("主营产品", "multi_choice", "泵\n阀门"),
        fill("Founded", "date"),
        fill("Notes for ops", "text"),
    ]
    for _ in range(5):
        click(qtbot, section.add_button)
    assert rows(section) == [
        ("年采购额", "Number", "", "Shown"),
        ("采购周期", "Choice", "月度 · 季度 · 年度", "Shown"),
        ("主营产品", "Multiple choice", "泵 · 阀门", "Shown"),
        ("Founded", "Date", "", "Shown"),
        ("Notes for ops", "Text", "", "Shown"),
    ]
    assert section.selected_id() == CustomFieldDef.get(CustomFieldDef.name == "Notes for ops").id
    assert editor_labels(qtbot) == ["年采购额", "采购周期", "主营产品", "Founded", "Notes for ops"]


def test_add_refusals_are_shown_at_the_field_and_the_dialog_stays_open(
    qtbot: QtBot, section: CustomFieldsSection, driver: DialogDriver
) -> None:
    custom_fields.define_custom_field("Size", "text")
    driver.fillers += [fill("SIZE", "text")]  # the list is stale: the service refuses it
    click(qtbot, section.add_button)
    assert driver.dialogs[-1].name_box.error == "A custom field named 'Size' already exists."
    section.refresh()
    driver.fillers += [fill(" size ", "text")]
    click(qtbot, section.add_button)
    dialog = driver.dialogs[-1]
    assert dialog.result() == 0 and dialog.name_box.error == "A field named “Size” already exists."
    driver.fillers += [fill("Colour", "choice", "  \n ")]
    click(qtbot, section.add_button)
    dialog = driver.dialogs[-1]
    assert dialog.choices_box.error == "List at least one choice, one per line."
    driver.fillers += [fill("   ", "text")]
    click(qtbot, section.add_button)
    assert driver.dialogs[-1].name_box.error == "Enter a name for the field."
    driver.fillers += [fill("Colour", "multi_choice", "red\nblue\nred")]
    click(qtbot, section.add_button)
    assert driver.dialogs[-1].choices_box.error == "“red” is listed twice."
    assert [f.name for f in custom_fields.list_custom_fields()] == ["Size"]


def test_rename_hide_show_and_reorder_and_the_editor_follows(
    qtbot: QtBot, section: CustomFieldsSection, driver: DialogDriver
) -> None:
    for name in ("A", "B", "C"):
        custom_fields.define_custom_field(name, "text")
    section.refresh()
    select(section, "B")
    driver.fillers += [fill("Budget 预算 💰")]
    click(qtbot, section.rename_button)
    assert editor_labels(qtbot) == ["A", "Budget 预算 💰", "C"]
    assert section.hide_button.text() == "Hide"
    click(qtbot, section.hide_button)
    assert rows(section)[1][3] == "Hidden" and section.hide_button.text() == "Show"
    assert editor_labels(qtbot) == ["A", "C"]
    click(qtbot, section.hide_button)
    assert editor_labels(qtbot) == ["A", "Budget 预算 💰", "C"]
    select(section, "C")
    click(qtbot, section.up_button)
    click(qtbot, section.up_button)
    assert not section.up_button.isEnabled() and section.down_button.isEnabled()
    assert editor_labels(qtbot) == ["C", "A", "Budget 预算 💰"]
    click(qtbot, section.down_button)
    assert [r[0] for r in rows(section)] == ["A", "C", "Budget 预算 💰"]
    assert editor_labels(qtbot) == ["A", "C", "Budget 预算 💰"]


def test_edit_choices_asks_before_clearing_values_in_use(
    qtbot: QtBot, section: CustomFieldsSection, driver: DialogDriver
) -> None:
    size = custom_fields.define_custom_field("Size", "choice", ["small", "large"])
    client = clients.create_client("Acme", custom_values={size.id: "small"})
    section.refresh()
    select(section, "Size")
    assert section.choices_button.isEnabled()
    driver.fillers += [fill(choices="large\nmedium")]
    click(qtbot, section.choices_button)  # the question is answered No: the dialog stays open
    assert driver.boxes and driver.boxes[-1].startswith("1 client(s) use a choice you removed from “Size”")
    assert driver.dialogs[-1].result() == 0
    assert custom_fields.get_custom_values(client.id) == {"Size": "small"}
    driver.fillers += [fill(choices="large\nmedium")]
    driver.answers.append(QMessageBox.StandardButton.Yes.value)
    click(qtbot, section.choices_button)  # the values are cleared on the worker; the list follows
    assert section.job is not None
    qtbot.waitUntil(lambda: rows(section)[0][2] == "large · medium", timeout=10_000)
    assert custom_fields.get_custom_values(client.id) == {}
    dialog = ClientEditorDialog(None, client.id)
    qtbot.addWidget(dialog)
    combo = dialog.custom_form.boxes[size.id].editor
    assert [combo.itemText(i) for i in range(combo.count())] == ["", "large", "medium"]


def test_delete_says_how_many_clients_have_values(
    qtbot: QtBot, section: CustomFieldsSection, driver: DialogDriver
) -> None:
    size = custom_fields.define_custom_field("Size", "choice", ["small"])
    custom_fields.define_custom_field("Other", "text")
    for name in ("A", "B"):
        clients.create_client(name, custom_values={size.id: "small"})
    section.refresh()
    select(section, "Size")
    click(qtbot, section.delete_button)  # answered No
    assert "2 client(s) have a value" in driver.boxes[-1]
    assert len(custom_fields.list_custom_fields()) == 2
    driver.answers.append(QMessageBox.StandardButton.Yes.value)
    click(qtbot, section.delete_button)  # values to delete: on the worker, the list follows
    assert section.job is not None
    qtbot.waitUntil(lambda: [r[0] for r in rows(section)] == ["Other"], timeout=10_000)
    assert editor_labels(qtbot) == ["Other"]


def test_buttons_follow_the_selection(section: CustomFieldsSection) -> None:
    custom_fields.define_custom_field("Note", "text")
    section.refresh()
    assert not section.rename_button.isEnabled() and not section.delete_button.isEnabled()
    select(section, "Note")
    assert section.rename_button.isEnabled() and not section.choices_button.isEnabled()
    assert not section.up_button.isEnabled() and not section.down_button.isEnabled()


def test_settings_page_keeps_its_content_and_shows_the_section(qtbot: QtBot, db: object) -> None:
    custom_fields.define_custom_field("Size", "text")
    page = SettingsPage()
    qtbot.addWidget(page)
    page.refresh()
    assert page.language_combo.count() == 2 and page.database_edit.text()
    assert page.custom_fields is None and page.sections_pending  # built once the page is shown
    page.show()
    qtbot.waitUntil(lambda: page.sections_pending == 0)
    assert page.custom_fields is not None
    assert [r[0] for r in rows(page.custom_fields)] == ["Size"]

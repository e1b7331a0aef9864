"""Form customisation: Settings → Client form hides, relabels and orders; the client editor and the clients
list follow it; a hidden field keeps its value; bad labels are refused at the field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_crm.models import Client, CustomFieldDef, User
from desktop_crm.services.form_layout import form_layout, save_form_layout
from ui import i18n
from ui.pages.clients.editor import ClientEditorDialog
from ui.pages.clients.list_view import ClientListView
from ui.pages.settings_form import ClientFormSettingsSection


@pytest.fixture
def client_id(db: object) -> int:
    owner = User.create(name="王晓明")
    return Client.create(name="上海华东精密机械", website="https://hd.example", region="华东", owner=owner).id


def _row_label(dialog: ClientEditorDialog, key: str) -> str:
    box = dialog.boxes[key]
    form = box.parentWidget().layout().itemAt(0).layout()
    return form.labelForField(box).text()


def test_settings_hide_relabel_order(qtbot, client_id, modal) -> None:
    section = ClientFormSettingsSection()
    qtbot.addWidget(section)
    section.show()
    assert not section.shown_checks["name"].isEnabled()
    section.shown_checks["website"].setChecked(False)
    section.label_edits[("industry", "en")].setText("Trade")
    section.label_edits[("industry", "zh_CN")].setText("行业类别")
    section.sections_list.setCurrentRow(3)  # Business features first
    for _ in range(3):
        qtbot.mouseClick(section.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert section.status_label.text().startswith("Saved.")
    layout = form_layout()
    assert layout.hidden == {"website"}
    assert layout.label("industry", "en") == "Trade" and layout.label("industry", "zh_CN") == "行业类别"
    assert layout.sections == ("features", "profile", "value", "milestones")

    dialog = ClientEditorDialog(None, client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.tabs.tabText(0) == "Business features"
    assert dialog.tabs.tabText(1) == "Profile"
    assert dialog.boxes["website"].isHidden()
    assert not dialog.boxes["phone"].isHidden()
    assert _row_label(dialog, "industry") == "Trade"
    # the hidden website keeps its value through a save
    dialog.line_edits["region"].setText("华南")
    dialog.accept()
    client = Client.get_by_id(client_id)
    assert (client.region, client.website) == ("华南", "https://hd.example")

    view = ClientListView()
    qtbot.addWidget(view)
    view.refresh()
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(view.model.columnCount())]
    assert "Trade" in headers and "Industry" not in headers

    # back to the built-in form
    modal.answer_yes()
    qtbot.mouseClick(section.reset_button, Qt.MouseButton.LeftButton)
    assert form_layout().hidden == frozenset()
    assert section.shown_checks["website"].isChecked()
    assert section.label_edits[("industry", "en")].text() == ""


def test_bad_label_is_refused_at_the_field(qtbot, db) -> None:
    save_form_layout(hidden=["website"])
    section = ClientFormSettingsSection()
    qtbot.addWidget(section)
    section.show()
    edit = section.label_edits[("phone", "en")]
    edit.setText("x" * 45)
    section.shown_checks["website"].setChecked(True)
    qtbot.mouseClick(section.save_button, Qt.MouseButton.LeftButton)
    assert "too long" in section.status_label.text()
    assert "border" in edit.styleSheet()
    assert form_layout().hidden == {"website"}  # nothing saved


def test_chinese_labels_in_the_chinese_interface(qtbot, qapp, client_id) -> None:
    save_form_layout(labels={"industry": {"en": "Trade", "zh_CN": "行业类别"}, "name": {"zh_CN": "公司全称"}})
    assert i18n.install_translators(qapp, "zh_CN")
    dialog = ClientEditorDialog(None, client_id)
    qtbot.addWidget(dialog)
    assert _row_label(dialog, "industry") == "行业类别"
    assert _row_label(dialog, "name") == "公司全称 *"
    assert _row_label(dialog, "phone") == "电话"
    section = ClientFormSettingsSection()
    qtbot.addWidget(section)
    assert section.save_button.text() == "保存客户表单"


def test_custom_fields_keep_working(qtbot, client_id) -> None:
    CustomFieldDef.create(name="设备数量", kind="number", position=1)
    save_form_layout(hidden=["website", "region"], sections=["features", "value", "profile", "milestones"])
    dialog = ClientEditorDialog(None, client_id)
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(0) == "Business features"
    assert len(dialog.custom_form.fields) == 1

"""ui.input_guard: the wheel scrolls the page; an unfocused spin box or combo box under the pointer keeps its value."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from ui.app import create_application


def _wheel(widget: QWidget, steps: int = -1) -> bool:
    """One notch of the wheel (negative = towards the user, scrolling down) over the widget's centre;
    True if the widget took it. (A real, spontaneous wheel event that a widget leaves is passed on by Qt to
    its parents, so the scroll area scrolls; a synthesized one like this is not, so the test looks at
    whether the field took it.)"""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def _form(qtbot: QtBot) -> tuple[QScrollArea, QSpinBox, QComboBox, QDateEdit]:
    create_application([])  # installs the guard, as at start-up
    area = QScrollArea()
    qtbot.addWidget(area)
    body = QWidget()
    layout = QVBoxLayout(body)
    spin, combo, date_edit = QSpinBox(body), QComboBox(body), QDateEdit(body)
    spin.setRange(0, 100)
    spin.setValue(30)
    combo.addItems(["Lead", "Prospect", "Customer"])
    combo.setCurrentIndex(1)
    for widget in (spin, combo, date_edit):
        layout.addWidget(widget)
        layout.addSpacing(600)
    area.setWidget(body)
    area.resize(300, 300)
    area.show()
    qtbot.waitExposed(area)
    return area, spin, combo, date_edit


def test_the_wheel_over_an_unfocused_field_scrolls_the_page_and_keeps_the_value(qtbot: QtBot) -> None:
    area, spin, combo, date_edit = _form(qtbot)
    area.setFocus()
    date_before = date_edit.date()
    assert not any([_wheel(spin), _wheel(combo), _wheel(date_edit)])  # left for the page to scroll
    assert (spin.value(), combo.currentIndex(), date_edit.date()) == (30, 1, date_before)
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel never gives the focus either


def test_a_focused_field_still_takes_the_wheel(qtbot: QtBot) -> None:
    _area, spin, combo, _date_edit = _form(qtbot)
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    assert _wheel(spin, steps=1)
    assert spin.value() == 31
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    _wheel(combo, steps=-1)
    assert combo.currentIndex() == 2


def test_scrolling_the_real_settings_page_and_a_dialog_changes_nothing(qtbot: QtBot, db: object) -> None:
    """The reported case: scrolling down Settings over a stage probability changed it from 30% to 20%.
    The guard is application-wide, so it holds on the Settings sections (built with the page) and in a
    dialog opened later (the opportunity dialog's stage and client lists) alike."""
    from desktop_crm.models import Client
    from ui.pages.deals import OpportunityDialog
    from ui.pages.settings import SettingsPage
    from ui.pages.settings_stages import StageProbabilitiesSection

    create_application([])
    page = SettingsPage()
    qtbot.addWidget(page)
    page.resize(1280, 720)
    page.show()
    qtbot.waitExposed(page)
    qtbot.waitUntil(lambda: page.sections_pending == 0)  # built one per turn once shown
    section = page.findChild(StageProbabilitiesSection)
    assert section is not None
    spin = section.spins["needs"]
    qtbot.waitUntil(lambda: spin.value() == 30)
    page.setFocus()
    fields = [spin, *page.findChildren(QAbstractSpinBox), *page.findChildren(QComboBox)]
    before = [(f, f.text() if isinstance(f, QAbstractSpinBox) else f.currentIndex()) for f in fields]
    assert len(fields) > 5
    for field in fields:
        if field.isVisible() and not field.hasFocus():
            assert not _wheel(field), field.objectName()
    assert spin.value() == 30
    assert [(f, f.text() if isinstance(f, QAbstractSpinBox) else f.currentIndex()) for f in fields] == before

    acme = Client.create(name="Acme")
    dialog = OpportunityDialog(None, client_id=acme.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.name_edit.setFocus()
    stage = dialog.stage_combo.currentIndex()
    assert not _wheel(dialog.stage_combo) and dialog.stage_combo.currentIndex() == stage
    assert dialog.stage_combo.focusPolicy() == Qt.FocusPolicy.StrongFocus

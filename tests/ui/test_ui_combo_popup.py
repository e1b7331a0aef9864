"""A combo box's drop-down list shows its highlighted item, in both themes (issue 13: the highlighted item was
invisible under the style sheet)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QComboBox, QStyledItemDelegate

from ui.combo_popup import install_combo_popup_styler
from ui.theme import apply_theme, current_theme

HIGHLIGHT = {"light": QColor("#dce7fb"), "dark": QColor("#2d4a80")}


@pytest.fixture
def themed():
    app = QApplication.instance()
    install_combo_popup_styler(app)  # as the application does after its window's first paint (ui.app_filters)
    before = current_theme()
    yield app
    apply_theme(app, before)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_highlighted_item_is_painted_in_the_highlight_colour(qtbot, themed, theme):
    apply_theme(themed, theme)
    combo = QComboBox()
    combo.addItems(["Lead", "Prospect", "Customer", "Lost"])
    qtbot.addWidget(combo)
    combo.show()
    assert isinstance(combo.itemDelegate(), QStyledItemDelegate)
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    view.setCurrentIndex(combo.model().index(2, 0))
    image = view.grab().toImage()
    rect = view.visualRect(combo.model().index(2, 0))
    other = view.visualRect(combo.model().index(0, 0))
    # Far right of the rows: background only, no text.
    x = rect.right() - 4
    assert image.pixelColor(x, rect.center().y()) == HIGHLIGHT[theme]
    assert image.pixelColor(x, other.center().y()) != HIGHLIGHT[theme]
    # The highlighted item's text is painted (some pixels differ from the highlight background).
    row = [
        image.pixelColor(px, py)
        for px in range(rect.left(), rect.left() + 80)
        for py in range(rect.top(), rect.bottom())
    ]
    assert sum(1 for c in row if c != HIGHLIGHT[theme]) > 20
    combo.hidePopup()


def test_a_delegate_set_by_the_code_is_kept(qtbot, themed):
    class Mine(QStyledItemDelegate):
        pass

    combo = QComboBox()
    mine = Mine(combo)
    combo.setItemDelegate(mine)
    qtbot.addWidget(combo)
    combo.show()
    assert combo.itemDelegate() is mine

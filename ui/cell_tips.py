"""A table, tree or list cell whose text is cut ("上海华东精…", "Procurement Mana…") shows its whole text as
a tooltip when hovered (issue 13), in every item view of the application, in one place.

:class:`ElidedTextTips` is the item delegate that does it: a ``helpEvent`` override, so nothing runs until
a tooltip is asked for, and nothing watches a widget (a Python event filter on a page's widgets kept
receiving events while the page was destroyed). A tooltip the model gives (``ToolTipRole``) always wins;
a cell shown whole gets none. :func:`give_cell_tips` makes it a view's delegate when the view still has
Qt's plain one; the application-wide polish filter of ``ui.combo_popup`` calls it for every table, tree
and list view when it is polished (before it is first shown), so no page has to remember it. A view
whose code set a delegate of its own keeps it.

A text is cut when the style draws it so: Qt's ``QCommonStyle`` lays the text out in the delegate's text
rectangle less its focus-frame margins and elides a line wider than that, or the lines below the last
one that fits its height (a note of several lines in a row of one).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QHelpEvent, QTextLayout, QTextOption
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QTreeView,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex
TIPPED_VIEWS = (QTableView, QTreeView, QListView)  # QTableWidget, QTreeWidget, QListWidget included


def text_is_cut(text: str, font: QFont, width: float, height: int, wrap: bool) -> bool:
    """Whether ``text`` laid out in ``font`` within ``width`` × ``height`` is drawn cut: a line wider than
    ``width`` (elided "…"), or more lines than ``height`` holds."""
    if not text:
        return False
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(
        QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if wrap else QTextOption.WrapMode.ManualWrap
    )
    layout.setTextOption(option)
    layout.beginLayout()
    cut = False
    bottom = 0.0
    lines = 0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        bottom += line.height()
        lines += 1
        if line.naturalTextWidth() > width or (lines > 1 and bottom > height):
            cut = True
            break
    layout.endLayout()
    return cut


def shown_text_is_cut(view: QAbstractItemView, option: QStyleOptionViewItem) -> bool:
    """Whether the style draws ``option.text`` (an ``initStyleOption``-filled option whose ``rect`` is the
    cell's) cut, as ``QCommonStyle`` draws an item view's text: in ``SE_ItemViewItemText`` less the
    focus-frame margin and a pixel on each side; or past the viewport's right edge (a list's long item is
    as wide as its text and scrolls sideways)."""
    style = view.style()
    rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view)
    if rect.right() > view.viewport().width():  # part of it out of sight (a list's long item scrolls)
        rect.setRight(view.viewport().width())
    margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    wrap = bool(option.features & QStyleOptionViewItem.ViewItemFeature.WrapText)
    text = option.text.replace("\n", "\u2028")  # as the delegate's displayText draws line breaks
    return text_is_cut(text, option.font, rect.width() - 2 * margin, rect.height(), wrap)


def tooltip_html(text: str) -> str:
    """``text`` for ``QToolTip``: plain text stays plain; one Qt would take for rich text is escaped."""
    if GuiQt.mightBeRichText(text):
        return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
    return text


class ElidedTextTips(QStyledItemDelegate):
    """Qt's styled delegate, which also shows a cut cell's whole text as its tooltip (the model's own
    tooltip first)."""

    def helpEvent(  # noqa: N802 (Qt's name)
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if event is None or view is None or event.type() != QEvent.Type.ToolTip or not index.isValid():
            return super().helpEvent(event, view, option, index)
        if index.data(Qt.ItemDataRole.ToolTipRole) not in (None, ""):
            return super().helpEvent(event, view, option, index)  # the model's tooltip
        shown = QStyleOptionViewItem(option)
        self.initStyleOption(shown, index)
        if not shown_text_is_cut(view, shown):
            return super().helpEvent(event, view, option, index)  # no tooltip: hides a previous one
        text = shown.text.replace("\u2028", "\n")  # the delegate's line separators: the text's own breaks
        QToolTip.showText(event.globalPos(), tooltip_html(text), view.viewport(), option.rect)
        event.accept()
        return True


def give_cell_tips(view: QObject) -> None:
    """Make ``view``'s delegate an :class:`ElidedTextTips` if it is a table, tree or list view (not a
    drop-down's or completer's popup) that still has Qt's plain styled delegate."""
    if not isinstance(view, TIPPED_VIEWS):
        return
    if isinstance(view, QWidget) and view.window().windowType() == Qt.WindowType.Popup:
        return  # a combo box's or completer's list: its own delegate (ui.combo_popup)
    if type(view.itemDelegate()) is QStyledItemDelegate:
        view.setItemDelegate(ElidedTextTips(view))

"""Accessibility basics, applied to every page and dialog (issue 13, item 10).

:func:`prepare` is called on a page when it is shown and before each Tab inside it (``ui.pages.base``),
and on every dialog before it runs (``ui.prompts.run_modal``); it is generic, so controls added later
get the same treatment:

- **Names.** A button without readable text (an icon, "✕", "◀") takes its tooltip as its accessible
  name; a line edit's clear button and a calendar's month buttons are named; an input whose label sits
  beside it in a form, a grid or a row gets that label as its buddy; a field in a table cell or in a
  grid without a label is named by its column heading and its row; else its placeholder or tooltip
  becomes its accessible name. Labels with links are reached by Tab.
- **Tab order** follows reading order: the layouts are walked top to bottom and, within a row, left to
  right (a column laid out beside another is read to its end first); ``QWidget.setTabOrder`` puts each
  stop after the one before it (a pair already in order costs nothing). Item views and text boxes let Tab leave them (the arrow keys move
  inside). Containers that hand their focus to a field inside (a tab widget, a button box, a field
  with its message) are placed with that field, since Tab reaching them focuses it.
- **Text size** follows the application font (the platform's default): ``font-size: 1.2em`` in a style
  sheet is made relative to it (:func:`scaled_css`); :func:`line_height` and :func:`text_height` derive
  heights from the font metrics.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QBoxLayout,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTabBar,
    QTabWidget,
    QTextEdit,
    QToolButton,
    QWidget,
)

# Controls whose children are their own business (a spin box's line edit, a combo box's list...).
_ATOMIC = (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QTextEdit,
    QPlainTextEdit,
    QAbstractSlider,
    QTabBar,
    QAbstractItemView,
    QCalendarWidget,
)
_COMPOUND = (QAbstractSpinBox, QComboBox)
# Inputs that need a name (their label as buddy, or an accessible name).
INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit)
_TAGS = re.compile(r"<[^>]+>")
_READABLE = re.compile(r"\w")


# --- text size --------------------------------------------------------------------------------------
def base_point_size() -> float:
    """The application font's point size (the platform's default UI font, at least 10 pt)."""
    font = QApplication.font()
    size = font.pointSizeF()
    if size <= 0:  # a font given in pixels: its size in points at the screen's resolution
        size = font.pixelSize() * 72.0 / 96.0
    return size if size > 0 else 10.0


_EM_FONT_SIZE = re.compile(r"font-size:\s*([0-9.]+)em")


def relative_font_sizes(css: str, base_points: float) -> str:
    """``font-size: 1.5em`` (Qt style sheets know only pt and px) as points of ``base_points``."""
    return _EM_FONT_SIZE.sub(lambda m: f"font-size: {float(m.group(1)) * base_points:.1f}pt", css)


def scaled_css(css: str) -> str:
    """A style sheet whose ``font-size: …em`` are relative to the application font (the system's):
    text grows and shrinks with it."""
    return relative_font_sizes(css, base_point_size())


def line_height(widget: QWidget, padding: int = 12) -> int:
    """A row that fits one line of ``widget``'s text with ``padding`` pixels around it (table rows)."""
    return QFontMetrics(widget.font()).height() + padding


def text_height(widget: QWidget, lines: float) -> int:
    """The height of a text box (``QTextEdit``/``QPlainTextEdit``/list) showing ``lines`` lines."""
    metrics = QFontMetrics(widget.font())
    frame = 2 * widget.frameWidth() if isinstance(widget, QFrame) else 0
    return int(metrics.lineSpacing() * lines) + frame + 12


# --- names ------------------------------------------------------------------------------------------
def readable(text: str) -> bool:
    """Whether ``text`` says something (not empty, not only symbols such as "✕", "◀", "+")."""
    return bool(_READABLE.search(text.replace("&", "")))


def needs_name(button: QAbstractButton) -> bool:
    return not readable(button.text()) and not button.accessibleName()


def _plain(text: str) -> str:
    return " ".join(_TAGS.sub(" ", text).split())


def _name_button(button: QAbstractButton) -> None:
    if not needs_name(button):
        return
    name = _plain(button.toolTip())
    if not name and isinstance(button, QToolButton) and button.defaultAction() is not None:
        action = button.defaultAction()
        name = _plain(action.toolTip() or action.text().replace("&", ""))
    if not name and isinstance(button.parent(), QLineEdit):  # the line edit's own clear button
        name = QCoreApplication.translate("Accessibility", "Clear the text")
    if name:
        button.setAccessibleName(name)
        if not button.toolTip():
            button.setToolTip(name)


def name_popup_calendar(edit: QDateTimeEdit) -> None:
    """Name the month arrows of ``edit``'s pop-up calendar (made now if it was not yet)."""
    _name_calendar(edit.calendarWidget())


def _name_calendar(calendar: QCalendarWidget) -> None:
    for object_name, text in (
        ("qt_calendar_prevmonth", QCoreApplication.translate("Accessibility", "Previous month")),
        ("qt_calendar_nextmonth", QCoreApplication.translate("Accessibility", "Next month")),
    ):
        button = calendar.findChild(QToolButton, object_name)
        if button is not None and not button.accessibleName():
            button.setAccessibleName(text)
            button.setToolTip(text)


def _grid_cells(layout: QGridLayout) -> dict[tuple[int, int], QWidget]:
    cells: dict[tuple[int, int], QWidget] = {}
    for index in range(layout.count()):
        item = layout.itemAt(index)
        widget = item.widget() if item is not None else None
        if widget is not None:
            row, column, _rs, _cs = cast(tuple[int, int, int, int], layout.getItemPosition(index))
            cells[(row, column)] = widget
    return cells


def _label_pairs(layout: QLayout) -> Iterable[tuple[QLabel | QCheckBox, QWidget]]:
    """(label, field) pairs where a label sits just left of a field: form rows, grid cells, box rows."""
    if isinstance(layout, QFormLayout):
        for row in range(layout.rowCount()):
            label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is not None and field is not None:
                first = _first_input(field.widget() or field.layout())
                if isinstance(label.widget(), QLabel) and first is not None:
                    yield label.widget(), first  # type: ignore[misc]
    elif isinstance(layout, QGridLayout):
        cells = _grid_cells(layout)
        for (row, column), widget in cells.items():
            left = cells.get((row, column - 1))
            if isinstance(left, QLabel) and isinstance(widget, INPUTS):
                yield left, widget
    elif isinstance(layout, QBoxLayout) and layout.direction() in (
        QBoxLayout.Direction.LeftToRight,
        QBoxLayout.Direction.RightToLeft,
    ):
        previous: QWidget | None = None
        for index in range(layout.count()):
            box_item = layout.itemAt(index)
            current = box_item.widget() if box_item is not None else None
            if current is None:
                continue
            if isinstance(previous, (QLabel, QCheckBox)) and isinstance(current, INPUTS):
                yield previous, current
            previous = current


def _first_input(node: QWidget | QLayout | None) -> QWidget | None:
    if isinstance(node, QWidget):
        if isinstance(node, INPUTS) or takes_tab(node):
            return node
        node = node.layout()
    if isinstance(node, QLayout):
        for index in range(node.count()):
            item = node.itemAt(index)
            found = _first_input(item.widget() or item.layout()) if item is not None else None
            if found is not None:
                return found
    return None


def _unnamed(widget: QWidget) -> bool:
    if isinstance(widget, QAbstractButton):
        return needs_name(widget)
    return isinstance(widget, INPUTS) and not widget.accessibleName()


def _label_text(widget: QWidget | None) -> str:
    if isinstance(widget, (QLabel, QAbstractButton)) and readable(widget.text()):
        return _plain(widget.text().replace("&", ""))
    return ""


def _name_grid_cells(layout: QGridLayout) -> None:
    """A field in a grid without a label beside it: named by its column's heading and its row's label."""
    cells = _grid_cells(layout)
    for (row, column), widget in cells.items():
        beside = cells.get((row, column - 1))
        if column == 0 or not _unnamed(widget) or (isinstance(beside, QLabel) and isinstance(widget, INPUTS)):
            continue
        heading = _label_text(cells.get((0, column))) if row > 0 else ""
        row_label = _label_text(cells.get((row, 0)))
        if heading and row_label:
            widget.setAccessibleName(
                QCoreApplication.translate("Accessibility", "{heading}: {row}").format(
                    heading=heading, row=row_label
                )
            )


def _name_cell_widgets(view: QAbstractItemView) -> None:
    """Widgets in an item view's cells: named by the column's header and the row's first cell."""
    model = view.model()
    if model is None:
        return
    for child in view.viewport().children():
        if not isinstance(child, QWidget) or not _unnamed(child):
            continue
        index = view.indexAt(child.geometry().center())
        if not index.isValid():
            continue
        heading = model.headerData(index.column(), Qt.Orientation.Horizontal)
        first = model.index(index.row(), 0)
        row_text = model.data(first) or _label_text(view.indexWidget(first))
        if isinstance(first_widget := view.indexWidget(first), QLineEdit):
            row_text = row_text or first_widget.text()
        parts = [str(part) for part in (heading, row_text) if part]
        if parts:
            child.setAccessibleName(
                QCoreApplication.translate("Accessibility", "{heading}: {row}").format(
                    heading=parts[0], row=parts[-1]
                )
                if len(parts) == 2
                else parts[0]
            )


def _name_inputs(root: QWidget) -> None:
    for view in root.findChildren(QAbstractItemView):
        _name_cell_widgets(view)
    for layout in [root.layout(), *root.findChildren(QLayout)]:
        if layout is None:
            continue
        if isinstance(layout, QGridLayout):
            _name_grid_cells(layout)
        for label, field in _label_pairs(layout):
            if field.accessibleName():
                continue
            if isinstance(label, QLabel):
                if label.buddy() is None and readable(label.text()):
                    label.setBuddy(field)
            elif readable(label.text()):  # a check box that switches the field beside it on
                field.setAccessibleName(_label_text(label))
    labels = root.findChildren(QLabel)
    for label in labels:  # a form row's label names the field box; the field inside it is the input
        buddy = label.buddy()
        if buddy is not None and not isinstance(buddy, INPUTS) and not takes_tab(buddy):
            first = _first_input(buddy)
            if first is not None and first is not buddy:
                label.setBuddy(first)
            for other in buddy.findChildren(QWidget):  # more fields in the row: the label names them too
                named = other is first or not isinstance(other, INPUTS) or _inner(other)
                if not named and not other.accessibleName() and _label_text(label):
                    other.setAccessibleName(_label_text(label))
    labelled = {id(label.buddy()) for label in labels if label.buddy() is not None}
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or widget.accessibleName() or id(widget) in labelled:
            continue
        if isinstance(widget, QLineEdit) and isinstance(widget.parent(), (QAbstractSpinBox, QComboBox)):
            continue
        placeholder = (
            widget.placeholderText() if isinstance(widget, (QLineEdit, QTextEdit, QPlainTextEdit)) else ""
        )
        inner = widget.lineEdit() if isinstance(widget, QComboBox) else None
        if not placeholder and inner is not None:
            placeholder = inner.placeholderText()
        name = _plain(widget.toolTip()) or placeholder
        if name:
            widget.setAccessibleName(name)


def _links_by_keyboard(root: QWidget) -> None:
    """A label with links (a KPI's handbook entry, a client's name) is reached by Tab, its links followed
    with Enter: Qt leaves such links to the mouse unless asked."""
    for label in root.findChildren(QLabel):
        flags = label.textInteractionFlags()
        if "<a " in label.text() and not flags & Qt.TextInteractionFlag.LinksAccessibleByKeyboard:
            label.setTextInteractionFlags(flags | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)


def name_controls(root: QWidget) -> None:
    """Give every text-less button and every unlabelled input under ``root`` an accessible name."""
    _links_by_keyboard(root)
    for button in root.findChildren(QAbstractButton):
        _name_button(button)
    for edit in root.findChildren(QDateTimeEdit):
        # A pop-up calendar is a whole month of widgets (4 ms to make): an edit that names its calendar
        # when it opens it (``ui.inputs``) keeps it unmade until then.
        if edit.calendarPopup() and not getattr(edit, "names_its_calendar", False):
            name_popup_calendar(edit)
    for calendar in root.findChildren(QCalendarWidget):
        _name_calendar(calendar)
    _name_inputs(root)


# --- tab order --------------------------------------------------------------------------------------
def _inner(widget: QWidget) -> bool:
    """The line edit inside a spin box or combo box (the box itself takes the focus)."""
    return isinstance(widget.parent(), _COMPOUND)


def takes_tab(widget: QWidget) -> bool:
    """Whether Tab can stop on ``widget``: it takes the focus by Tab and is not the inner line edit of a
    spin box or combo box (their focus goes to the box). ``focusProxy()`` is not asked: PySide 6.11
    can free the proxy with the wrapper it returns (an item view's cell widget, then a segfault)."""
    if isinstance(widget, (QTabWidget, QCalendarWidget)):  # the focus goes to their tab bar / table
        return False
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and not _inner(widget)


def _layout_nodes(layout: QLayout) -> list[QWidget | QLayout]:
    entries: list[tuple[tuple[int, int], QWidget | QLayout]] = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        node = (item.widget() or item.layout()) if item is not None else None
        if node is None:
            continue
        if isinstance(layout, QGridLayout):
            row, column, _rs, _cs = cast(tuple[int, int, int, int], layout.getItemPosition(index))
            key = (row, column)
        elif isinstance(layout, QFormLayout):
            row, role = cast(tuple[int, Any], layout.getItemPosition(index))
            key = (row, int(role.value) if hasattr(role, "value") else int(role))
        else:
            key = (index, 0)
        entries.append((key, node))
    entries.sort(key=lambda entry: entry[0])
    nodes = [node for _key, node in entries]
    if isinstance(layout, QBoxLayout) and layout.direction() in (
        QBoxLayout.Direction.RightToLeft,
        QBoxLayout.Direction.BottomToTop,
    ):
        nodes.reverse()
    return nodes


def _visit(widget: QWidget, root: QWidget, out: list[QWidget], seen: dict[int, QWidget]) -> None:
    if id(widget) in seen or (widget.isWindow() and widget is not root):
        return
    seen[id(widget)] = widget  # the wrapper kept: its id is not reused during the walk
    if widget is not root and (takes_tab(widget) or _proxied_container(widget)):
        out.append(widget)
    if isinstance(widget, QAbstractItemView):  # widgets in cells, row by row
        cells = [child for child in widget.viewport().children() if isinstance(child, QWidget)]
        cells.sort(key=lambda cell: (cell.y(), cell.x()))
        for cell in cells:
            _visit(cell, root, out, seen)
        return
    if isinstance(widget, _ATOMIC):
        return
    children: list[QWidget | QLayout] = []
    if isinstance(widget, QTabWidget):
        children.append(widget.tabBar())
    elif isinstance(widget, QAbstractScrollArea):
        children.append(widget.viewport())
    elif isinstance(widget, QSplitter):
        children.extend(w for w in (widget.widget(i) for i in range(widget.count())) if w is not None)
    layout = widget.layout()
    if layout is not None:
        children.append(layout)
    children.extend(child for child in widget.children() if isinstance(child, QWidget))
    for child in children:
        if isinstance(child, QLayout):
            _visit_layout(child, root, out, seen)
        else:
            _visit(child, root, out, seen)


def _visit_layout(layout: QLayout, root: QWidget, out: list[QWidget], seen: dict[int, QWidget]) -> None:
    for node in _layout_nodes(layout):
        if isinstance(node, QLayout):
            _visit_layout(node, root, out, seen)
        else:
            _visit(node, root, out, seen)


def _proxied_container(widget: QWidget) -> bool:
    """One of the application's containers whose focus goes to a field inside it (a field with its
    message, a check box with its date): Tab reaching it in the chain focuses that field, so it is moved
    with it. ``focusProxy()`` is asked of the application's own classes only: on some of Qt's widgets
    (cell widgets of item views) PySide 6.11 can leave the view a dangling editor after it (a segfault)."""
    if isinstance(widget, (QTabWidget, QDialogButtonBox)):  # Qt's own: the tab bar, the default button
        return True
    if type(widget).__module__.startswith("PySide6") or widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
        return False
    proxy = widget.focusProxy()
    return proxy is not None and widget.isAncestorOf(proxy)


def _laid_out(root: QWidget) -> list[QWidget]:
    """The Tab stops under ``root`` in reading order, with the containers that hand their focus to a
    field inside them just before it."""
    out: list[QWidget] = []
    _visit(root, root, out, {})
    return out


def reading_order(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that Tab stops on, in reading order (hidden ones included)."""
    return [widget for widget in _laid_out(root) if takes_tab(widget)]


def _chain_under(root: QWidget) -> list[QWidget]:
    chain: list[QWidget] = []
    widget = root.nextInFocusChain()
    for _ in range(100_000):
        if widget is root or widget is None:
            break
        if root.isAncestorOf(widget):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def focus_chain(root: QWidget) -> list[QWidget]:
    """The widgets under ``root`` that Tab stops on, in the order of the focus chain."""
    return [widget for widget in _chain_under(root) if takes_tab(widget)]


def order_tabs(root: QWidget) -> None:
    """Make Tab follow reading order under ``root``; item views and text boxes let Tab leave them."""
    order = _laid_out(root)
    placed: list[QWidget] | None = getattr(root, "_a11y_placed", None)
    if (
        placed is not None
        and len(placed) == len(order)
        and all(a is b for a, b in zip(placed, order, strict=True))
    ):
        return  # nothing added, removed or moved since the last time: the chain is as it was left
    for widget in order:
        if isinstance(widget, QAbstractItemView) and widget.tabKeyNavigation():
            widget.setTabKeyNavigation(False)
        elif isinstance(widget, (QTextEdit, QPlainTextEdit)) and not widget.tabChangesFocus():
            widget.setTabChangesFocus(True)  # Tab leaves a notes box rather than typing a tab
    # The chain is not read back here to skip work: walking it from Python wraps every widget of the
    # window (menus, the status bar), and PySide 6.11 then invalidated the window's own QAction wrappers.
    # setTabOrder returns at once for a pair already in order.
    # Qt moves no widget without a focus policy: the containers are lent one while they are placed
    # (setFocusPolicy passes it on to the focus proxy too: every policy is put back afterwards).
    policies = [(widget, widget.focusPolicy()) for widget in [root, *root.findChildren(QWidget)]]
    order = [root, *order]  # the stops follow the page (dialog) itself: where it is in the window's chain
    for widget in order:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    try:
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
    finally:
        for _pass in range(2):  # a container's policy put back reaches its proxy: the proxy's again
            for widget, policy in policies:
                if widget.focusPolicy() != policy:
                    widget.setFocusPolicy(policy)
    root._a11y_placed = order[1:]  # type: ignore[attr-defined]


def prepare(root: QWidget) -> None:
    """Names and tab order for ``root`` (a page or a dialog) and everything in it."""
    name_controls(root)
    order_tabs(root)
    root._a11y_count = len(root.findChildren(QWidget))  # type: ignore[attr-defined]


def prepare_if_changed(root: QWidget) -> None:
    """:func:`prepare` again when widgets were added to or removed from ``root`` since the last time (the
    check before each Tab: one count, not a walk, when nothing changed)."""
    if getattr(root, "_a11y_count", None) != len(root.findChildren(QWidget)):
        prepare(root)

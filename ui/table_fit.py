"""Column headers never clipped (issue 13: "no truncated column headers at 1280×720"): the width a
header's text needs, drawn bold and padded as the style sheet draws it (``QHeaderView::section``:
font-weight 600, padding 8px), and the sort arrow's room when the table sorts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTableView

HEADER_PADDING = 2 * 8 + 6  # the style sheet's padding on both sides, the section's border and a margin
SORT_ARROW = 22  # Fusion's sort arrow and its margin


def header_text_width(view: QTableView, column: int) -> int:
    """The width the header of ``column`` needs to show its whole text (0 without a model or text)."""
    model = view.model()
    if model is None:
        return 0
    text = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
    if not text:
        return 0
    font = QFont(view.horizontalHeader().font())
    font.setWeight(QFont.Weight.DemiBold)
    lines = str(text).splitlines() or [""]
    width = max(QFontMetrics(font).horizontalAdvance(line) for line in lines) + HEADER_PADDING
    sorts = view.isSortingEnabled() or view.horizontalHeader().isSortIndicatorShown()
    return width + (SORT_ARROW if sorts else 0)


def fitted_width(view: QTableView, column: int, width: int) -> int:
    """``width``, widened to what the header's text needs."""
    return max(width, header_text_width(view, column))


def keep_stretch_headers_whole(view: QTableView) -> None:
    """A stretched column shares what the others leave: never less than its header's text (the
    header's minimum section size; the table scrolls sideways rather than clipping it)."""
    header = view.horizontalHeader()
    needed = [
        header_text_width(view, column)
        for column in range(header.count())
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch
    ]
    if needed and max(needed) > header.minimumSectionSize():
        header.setMinimumSectionSize(max(needed))

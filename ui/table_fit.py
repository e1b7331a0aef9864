"""Column headers and known cell texts never clipped (issue 13: "no truncated column headers at 1280×720").

A header: the width its text needs, drawn bold and padded as the style sheet draws it
(``QHeaderView::section``: font-weight 600, padding 8px), and the sort arrow's room when the table sorts.
A cell: ``fit_to_samples`` widens a column to every text it can show when those are known in advance (a
vocabulary's labels, the locale's dates, "999 days ago"), measured as the view's delegate measures."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QStyleOptionViewItem, QTableView

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


def cell_width(view: QAbstractItemView, text: str, *, bold: bool = False, icon: bool = False) -> int:
    """The width a cell of ``view`` needs to show ``text`` whole, measured as the view's delegate does
    (the style and the style sheet's ``::item`` padding), in bold when the cell is, with a decoration's
    room when it has one."""
    view.ensurePolished()  # the style sheet's font and padding, also before the view is first shown
    font = QFont(view.font())
    if bold:
        font.setBold(True)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.font = font
    option.fontMetrics = QFontMetrics(font)
    option.text = text
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasDisplay
    if icon:
        size = view.iconSize()
        option.decorationSize = size if size.isValid() and not size.isEmpty() else QSize(16, 16)
        option.features |= QStyleOptionViewItem.ViewItemFeature.HasDecoration
    hint = view.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, option, QSize(), view)
    return hint.width() + 2  # the grid line and a pixel of air: Qt elides at the exact width


def fit_to_samples(
    view: QTableView, column: int, texts: Iterable[str], *, bold: bool = False, icon: bool = False
) -> int:
    """Widen ``column`` (never narrow it) so every text it can show is whole: the labels of its vocabulary,
    the widest dates of the locale, ... (its cells' text is known before any row is loaded, so the widths
    stay as the rows change). Fitted again when the view's font changes (a larger system font). Returns the
    width set."""
    samples = list(texts)
    key = shiboken6.getCppPointer(view)[0]
    refit = _refits.get(key)
    if refit is None:
        refit = _refits[key] = _Refit(view)
        view.destroyed.connect(lambda _obj=None, k=key: _refits.pop(k, None))
    refit.fits[column] = (samples, bold, icon)
    return _fit(view, column, samples, bold=bold, icon=icon)


def _fit(view: QTableView, column: int, texts: list[str], *, bold: bool, icon: bool) -> int:
    needed = max((cell_width(view, text, bold=bold, icon=icon) for text in texts), default=0)
    needed = max(needed, header_text_width(view, column))
    if view.columnWidth(column) < needed:
        view.setColumnWidth(column, needed)
    return view.columnWidth(column)


# Each view's refit, kept here while the view lives: held only as the view's child, its Python side was
# now and then freed and remade without its attributes (the font change then raised in its filter).
_refits: dict[int, _Refit] = {}
_REFIT_ON = (QEvent.Type.FontChange, QEvent.Type.StyleChange)


class _Refit(QObject):
    """Fits a view's sampled columns again when its font or style changes (the text grew)."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        self.fits: dict[int, tuple[list[str], bool, bool]] = {}
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # While the view is destroyed its filter may still be called after this object's Python side
        # was cleared (no ``view`` any more): nothing to fit then.
        view = getattr(self, "view", None)
        if view is not None and watched is view and event.type() in _REFIT_ON:
            for column, (texts, bold, icon) in self.fits.items():
                _fit(view, column, texts, bold=bold, icon=icon)
        return False


def widest_dates() -> list[str]:
    """Dates with the widest digits of each place, as ``fmt.short_date`` writes them in the current locale."""
    from . import fmt

    return [fmt.short_date(date(year, month, day)) for year in (2000, 2088) for month, day in _DAYS]


def widest_datetimes() -> list[str]:
    """Date-times as ``fmt.short_datetime`` writes them (morning and evening: "AM"/"PM", "上午"/"下午")."""
    from . import fmt

    return [
        fmt.short_datetime(datetime(year, month, day, hour, 58))
        for year in (2000, 2088)
        for month, day in _DAYS
        for hour in (10, 22)
    ]


_DAYS = ((10, 20), (12, 28), (11, 30))

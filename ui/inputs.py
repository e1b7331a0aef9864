"""The one money input and the one date / date-time input of every form.

``MoneyEdit`` is a text field holding an exact amount: what the user types is read with ``Decimal`` into
integer cents (never through a float), in the user's locale (``QLocale``: its decimal point, its group
separator; a currency sign, spaces and full-width digits are tolerated). When the field is left, the amount
is shown again through ``fmt.money``. A text that is no amount, a negative amount (unless the field allows
it), more than 2 decimals or an implausibly large number is refused at the field: ``sig_problem`` carries
the message for the line under the field, and ``cents()`` raises ``InputProblem`` with it.

``DateEdit`` / ``DateTimeEdit`` always show a 4-digit year (the locale's short format with ``yy`` widened
to ``yyyy``, or ISO) so a typed year is kept, and accept years 1000..9999: a date the services refuse gets
their message instead of being clamped silently.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QDateTime, QLocale, QSize, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QLabel, QLineEdit, QWidget

from desktop_crm import clock
from desktop_crm.services.common import MAX_CENTS

from . import fmt

ISO_DATE = "yyyy-MM-dd"
ISO_DATETIME = "yyyy-MM-dd HH:mm"
FIRST_DAY = QDate(1000, 1, 1)
LAST_DAY = QDate(9999, 12, 31)

_SPACES = " \u00a0\u202f\u2009\u3000"
_CURRENCY = ("¥", "$", "€", "£", "元", "RMB", "CNY")
_MINUS = ("-", "\u2212")
_DIGITS = re.compile(r"\d+")
_GROUPED = re.compile("\\d{1,3}(?:\0\\d{3})+")  # NUL marks a group separator (see _integer_part)


class InputProblem(ValueError):
    """Why a text is not a valid amount or number: ``kind`` is one of the keys below; ``message`` is the
    sentence for the user (set by the input that found it); ``field`` the form's key of that input."""

    NOT_A_NUMBER = "not_a_number"
    NEGATIVE = "negative"
    TOO_MANY_DECIMALS = "too_many_decimals"
    TOO_LARGE = "too_large"

    def __init__(self, kind: str, field: str = "", message: str = "") -> None:
        super().__init__(message or kind)
        self.kind = kind
        self.field = field
        self.message = message


def _normalise(text: str) -> str:
    """Full-width digits and signs as ASCII ("１２３" -> "123"), the ideographic full stop as a point."""
    return unicodedata.normalize("NFKC", text).replace("。", ".").replace("．", ".")


def _integer_part(text: str, groups: str) -> str:
    """The digits of an integer part written with or without group separators; raises when a separator is
    misplaced (every group after the first has exactly 3 digits)."""
    if _DIGITS.fullmatch(text):
        return text
    marked = "".join("\0" if ch in groups else ch for ch in text)
    if not _GROUPED.fullmatch(marked):
        raise InputProblem(InputProblem.NOT_A_NUMBER)
    return marked.replace("\0", "")


def parse_decimal(text: str, locale: QLocale | None = None) -> Decimal | None:
    """The number written in ``text`` in ``locale`` (default: the current one); None when empty.

    The locale's decimal point separates the decimals; its group separator, spaces and an apostrophe may
    group the integer digits by three. A leading or trailing currency sign and a minus sign are read.
    """
    locale = locale or QLocale()
    point = _normalise(locale.decimalPoint()) or "."
    group = _normalise(locale.groupSeparator())
    cleaned = _normalise(text).strip(_SPACES)
    symbols = (*_CURRENCY, _normalise(locale.currencySymbol()))
    negative = False
    for _ in range(3):  # "-¥5", "¥-5", "5 元" in any order
        before = cleaned
        for symbol in symbols:
            if symbol and cleaned.startswith(symbol):
                cleaned = cleaned[len(symbol) :].strip(_SPACES)
            if symbol and cleaned.endswith(symbol):
                cleaned = cleaned[: -len(symbol)].strip(_SPACES)
        if cleaned[:1] in _MINUS and not negative:
            negative, cleaned = True, cleaned[1:].strip(_SPACES)
        elif cleaned.startswith("+"):
            cleaned = cleaned[1:].strip(_SPACES)
        if cleaned == before:
            break
    if not cleaned:
        if negative:
            raise InputProblem(InputProblem.NOT_A_NUMBER)
        return None
    groups = _SPACES + "'" + group
    if point != "," and group != ",":
        groups += ","
    whole, sep, fraction = cleaned.rpartition(point)
    if not sep:
        whole, fraction = cleaned, ""
    if not whole and not fraction:
        raise InputProblem(InputProblem.NOT_A_NUMBER)
    if fraction and not _DIGITS.fullmatch(fraction):
        raise InputProblem(InputProblem.NOT_A_NUMBER)
    digits = _integer_part(whole, groups) if whole else "0"
    try:
        value = Decimal(f"{digits}.{fraction or '0'}")
    except InvalidOperation:  # pragma: no cover - only digits reach here
        raise InputProblem(InputProblem.NOT_A_NUMBER) from None
    return -value if negative else value


def parse_cents(text: str, locale: QLocale | None = None, allow_negative: bool = False) -> int | None:
    """Currency units with at most 2 decimals as integer cents; None when the text is empty."""
    value = parse_decimal(text, locale)
    if value is None:
        return None
    if value < 0 and not allow_negative:
        raise InputProblem(InputProblem.NEGATIVE)
    if abs(value) > Decimal(MAX_CENTS) / 100:
        raise InputProblem(InputProblem.TOO_LARGE)
    cents = value * 100
    if cents != cents.to_integral_value():
        raise InputProblem(InputProblem.TOO_MANY_DECIMALS)
    return int(cents)


class MessageLabel(QLabel):
    """A word-wrapped message under a field whose minimum height follows its width, so the layout gives it
    every line and the dialog grows (a wrapped label in a nested form layout is otherwise squeezed to one
    line, or squeezes the field it is about)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.wordWrap() and self.text() and self.width() > 0:
            return QSize(hint.width(), max(hint.height(), self.heightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # another width, another number of lines


class MoneyEdit(QLineEdit):
    """The money input of every form: ``cents()`` / ``set_cents()``, ``sig_changed`` when the amount text
    changes, ``sig_problem(message)`` when the text becomes refused ("" when it is fine again)."""

    sig_changed = Signal()
    sig_problem = Signal(str)

    def __init__(self, parent: QWidget | None = None, allow_negative: bool = False, field: str = "") -> None:
        super().__init__(parent)
        self.allow_negative = allow_negative
        self.field = field  # the form's key of this input, carried by the problems it raises
        self._problem = ""
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMinimumWidth(160)
        self.setPlaceholderText(fmt.money(0))
        self.textChanged.connect(self._on_text_changed)
        self.textEdited.connect(self._on_text_edited)
        self.editingFinished.connect(self._on_editing_finished)

    # --- value ----------------------------------------------------------------------------------
    def cents(self) -> int | None:
        """The amount in cents, None when empty; raises ``InputProblem`` (with its message) when refused."""
        try:
            return parse_cents(self.text(), allow_negative=self.allow_negative)
        except InputProblem as problem:
            raise InputProblem(problem.kind, self.field, self.problem_text(problem.kind)) from None

    def set_cents(self, cents: int | None) -> None:
        self.setText(fmt.money(cents))
        self._set_problem("")

    def problem(self) -> str:
        """The message shown for the current text, "" when it is an amount."""
        return self._problem

    def problem_text(self, kind: str) -> str:
        if kind == InputProblem.NEGATIVE:
            return self.tr("Enter an amount of 0 or more.")
        if kind == InputProblem.TOO_MANY_DECIMALS:
            return self.tr("Use at most 2 decimals (cents).")
        if kind == InputProblem.TOO_LARGE:
            return self.tr("This amount is implausibly large; check the digits.")
        return self.tr("Enter an amount, e.g. {example}.").format(example=fmt.money(1_234_567))

    # --- checking while typing ------------------------------------------------------------------
    def _check(self, while_typing: bool) -> None:
        try:
            parse_cents(self.text(), allow_negative=self.allow_negative)
        except InputProblem as problem:
            if while_typing and problem.kind == InputProblem.NOT_A_NUMBER:
                self._set_problem("")  # "1,2" is on its way to "1,234": judged when the field is left
            else:
                self._set_problem(self.problem_text(problem.kind))
            return
        self._set_problem("")

    def _set_problem(self, message: str) -> None:
        if message == self._problem:
            return
        self._problem = message
        self.setProperty("invalid", bool(message))
        self.style().unpolish(self)
        self.style().polish(self)
        self.sig_problem.emit(message)

    def _on_text_changed(self, _text: str) -> None:
        self.sig_changed.emit()

    def _on_text_edited(self, _text: str) -> None:
        self._check(while_typing=True)

    def _on_editing_finished(self) -> None:
        try:
            cents = parse_cents(self.text(), allow_negative=self.allow_negative)
        except InputProblem:
            self._check(while_typing=False)
            return
        self._set_problem("")
        if cents is not None:
            self.setText(fmt.money(cents))


def four_digit_year(pattern: str) -> str:
    """A date pattern with the year in full ("M/d/yy" -> "M/d/yyyy"): a typed year is kept."""
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def date_format() -> str:
    return four_digit_year(QLocale().dateFormat(QLocale.FormatType.ShortFormat))


def datetime_format() -> str:
    return four_digit_year(QLocale().dateTimeFormat(QLocale.FormatType.ShortFormat))


class _NamesItsCalendar:
    """A date edit whose pop-up calendar is made when the user first presses a key or the mouse on it (the
    press that may open it), its month arrows then named (``ui.a11y``), rather than when a page is prepared
    for accessibility: a calendar is a whole month of widgets, 4 ms to make, and most are never opened."""

    names_its_calendar = True
    _calendar_named = False

    def _name_calendar_once(self) -> None:
        if not self._calendar_named and isinstance(self, QDateTimeEdit) and self.calendarPopup():
            from .a11y import name_popup_calendar

            self._calendar_named = True
            name_popup_calendar(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt's name)
        self._name_calendar_once()
        super().mousePressEvent(event)  # type: ignore[misc]

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        self._name_calendar_once()
        super().keyPressEvent(event)  # type: ignore[misc]


class DateEdit(_NamesItsCalendar, QDateEdit):
    """A date with a calendar pop-up and a 4-digit year: ``day()`` / ``set_date()``; ``iso=True`` shows
    ``yyyy-MM-dd`` (forms that always showed ISO)."""

    def __init__(self, parent: QWidget | None = None, day: date | None = None, iso: bool = False) -> None:
        super().__init__(parent)
        self.setDisplayFormat(ISO_DATE if iso else date_format())
        self.setCalendarPopup(True)
        self.setDateRange(FIRST_DAY, LAST_DAY)
        self.setMinimumWidth(140)
        self.set_date(day or clock.today())

    def set_date(self, day: date) -> None:
        self.setDate(QDate(day.year, day.month, day.day))

    def day(self) -> date:
        d = self.date()
        return date(d.year(), d.month(), d.day())


class DateTimeEdit(_NamesItsCalendar, QDateTimeEdit):
    """A date and time (minutes) with a calendar pop-up and a 4-digit year: ``value()`` / ``set_value()``."""

    def __init__(
        self, parent: QWidget | None = None, when: datetime | None = None, iso: bool = False
    ) -> None:
        super().__init__(parent)
        self.setDisplayFormat(ISO_DATETIME if iso else datetime_format())
        self.setCalendarPopup(True)
        self.setDateTimeRange(QDateTime(FIRST_DAY, QTime(0, 0)), QDateTime(LAST_DAY, QTime(23, 59)))
        self.setMinimumWidth(170)
        self.set_value(when or clock.now())

    def set_value(self, when: datetime) -> None:
        self.setDateTime(QDateTime(QDate(when.year, when.month, when.day), QTime(when.hour, when.minute)))

    def value(self) -> datetime:
        d, t = self.date(), self.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

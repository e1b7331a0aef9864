"""Locale-aware display of money, numbers and dates (through QLocale's default locale)."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime


def money(cents: int | None, decimals: int = 2) -> str:
    """Integer cents as a currency-less amount with group separators, e.g. ``12,345.60``."""
    if cents is None:
        return ""
    return QLocale().toString(cents / 100, "f", decimals)


def number(value: int | float | None, decimals: int = 0) -> str:
    if value is None:
        return ""
    if decimals == 0:
        return QLocale().toString(int(round(value)))
    return QLocale().toString(float(value), "f", decimals)


def percent(ratio: float | None) -> str:
    """A ratio (0.25) as ``+25.0%``-style text; empty when unknown."""
    if ratio is None:
        return ""
    sign = "+" if ratio > 0 else ""
    return f"{sign}{QLocale().toString(ratio * 100, 'f', 1)}%"


def _four_digit_year(pattern: str) -> str:
    """The locale's short pattern with the year in full ("M/d/yy" -> "M/d/yyyy"): CRM data spans decades."""
    return pattern if "yyyy" in pattern else pattern.replace("yy", "yyyy")


def short_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    locale = QLocale()
    pattern = _four_digit_year(locale.dateFormat(QLocale.FormatType.ShortFormat))
    return locale.toString(QDate(value.year, value.month, value.day), pattern)


def short_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    locale = QLocale()
    qdt = QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))
    return locale.toString(qdt, _four_digit_year(locale.dateTimeFormat(QLocale.FormatType.ShortFormat)))


def month_label(value: date) -> str:
    """A short month label for chart axes: ``Jan 25`` in English, ``25年1月`` in Chinese."""
    pattern = QCoreApplication.translate("Format", "MMM yy", "QDate format of a month on a chart axis")
    return QLocale().toString(QDate(value.year, value.month, 1), pattern)

"""Columns, cell values and the OWASP formula neutralisation shared by the CSV and XLSX writers.

A column has a ``kind`` that says how its raw values (as SQLite returns them) are written:

* ``text``: a string; neutralised (see :func:`neutralise`);
* ``int`` / ``number``: a number (a negative number stays a number, never neutralised);
* ``money``: integer cents, written as an amount with two decimals (``-1234.50``);
* ``date`` / ``datetime``: ISO text in CSV (``2026-03-09``, ``2026-03-09 14:30``), real dates in XLSX.

A value that does not fit its kind (a custom field holding text where a number was expected) is
written as text, neutralised: an export never fails on an odd stored value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

KINDS = ("text", "int", "number", "money", "date", "datetime")
# OWASP CSV injection: a cell starting with one of these is read as a formula by spreadsheet programs.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = "text"  # one of KINDS


def neutralise(text: str) -> str:
    """``text`` made safe for a spreadsheet: prefixed with ``'`` when it starts like a formula."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _as_datetime(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value.replace("T", " ", 1))
        except ValueError:
            return None
    return None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def typed_value(kind: str, value: Any) -> Any:
    """The value as the writers place it: ``None``, ``str`` (text), ``int``/``float``/``Decimal``
    (numbers and money), ``date`` or ``datetime``."""
    if value is None or value == "":
        return None
    if kind == "money" and _is_number(value):
        return Decimal(int(value)).scaleb(-2)
    if kind in ("int", "number") and _is_number(value):
        return value
    if kind == "date":
        moment = _as_datetime(value)
        if moment is not None:
            return moment.date()
    if kind == "datetime":
        moment = _as_datetime(value)
        if moment is not None:
            return moment.replace(second=0, microsecond=0)
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    return str(value)


def csv_text(value: Any) -> str:
    """A typed value (:func:`typed_value`) as CSV text: numbers plain, dates ISO, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)

"""Texts the import wizard's steps share: kind names, field labels, cell values, problem messages."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from desktop_crm.importing.reader import Percent
from desktop_crm.messages import MESSAGES

from .. import fmt, labels
from ..errors import message_text

KIND_ORDER = (
    "clients",
    "contacts",
    "follow-ups",
    "opportunities",
    "contracts",
    "payment-plans",
    "payments",
    "service-records",
    "referrals",
    "dossier-notes",
)


def kind_label(kind: str) -> str:
    names = {
        "clients": QCoreApplication.translate("ImportKinds", "Clients"),
        "contacts": QCoreApplication.translate("ImportKinds", "Contacts"),
        "follow-ups": QCoreApplication.translate("ImportKinds", "Follow-ups"),
        "opportunities": QCoreApplication.translate("ImportKinds", "Opportunities"),
        "contracts": QCoreApplication.translate("ImportKinds", "Contracts"),
        "payment-plans": QCoreApplication.translate("ImportKinds", "Payment plans"),
        "payments": QCoreApplication.translate("ImportKinds", "Payments"),
        "service-records": QCoreApplication.translate("ImportKinds", "Service records"),
        "referrals": QCoreApplication.translate("ImportKinds", "Referrals"),
        "dossier-notes": QCoreApplication.translate("ImportKinds", "Dossier notes"),
    }
    return names.get(kind, kind)


def chinese_ui() -> bool:
    """True when the interface (its default locale) is Chinese: field labels use the Chinese headers."""
    return QLocale().language() == QLocale.Language.Chinese


def field_label(spec: Any) -> str:
    """A target field as the user knows it: the canonical header in the interface language."""
    return str(spec.header_zh if chinese_ui() else spec.header_en)


def _choice_group(choices: tuple[str, ...]) -> str | None:
    """The enum of ``ui.labels`` whose keys are ``choices`` (a field's stored keys)."""
    wanted = set(choices)
    for group in labels.KINDS:
        keys = {key for key, _text in labels.choices(group)}
        if wanted and wanted <= keys:
            return group
    return None


def cell_text(spec: Any, value: Any) -> str:
    """A prepared value of field ``spec`` as shown: a choice by its translated label, money, dates."""
    if spec.kind == "service_type" and isinstance(
        value, str
    ):  # a built-in type's key, or a business type's name
        return labels.label("service_type", value)
    if spec.kind == "choice" and isinstance(value, str):
        group = _choice_group(tuple(spec.choices))
        return labels.label(group, value) if group else value
    return value_text(value, spec.kind)


def value_text(value: Any, kind: str = "text") -> str:
    """A prepared cell value as the interface shows it (money and dates in the user's locale)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if kind == "money" and isinstance(value, int):
        return fmt.money(value)
    if isinstance(value, datetime):
        if value.hour == value.minute == value.second == 0:  # a date written without a time
            return fmt.short_date(value)
        return fmt.short_datetime(value)
    if isinstance(value, date):
        return fmt.short_date(value)
    if isinstance(value, Percent):  # a cell the sheet shows as a percentage: 0.6 is shown 60%
        percent = value.percent()
        return fmt.number(percent, 0 if percent.is_integer() else 2) + "%"
    if isinstance(value, int | float):
        return fmt.number(value, 0 if isinstance(value, int) or float(value).is_integer() else 2)
    return str(value)


def raw_text(value: Any, limit: int = 200) -> str:
    """A cell of the file as read (shortened: a 1 MB cell must not flood a table)."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else value_text(value)
    return text if len(text) <= limit else text[:limit] + "…"


def problem_text(problem: Any, specs: dict[str, Any] | None = None) -> str:
    """A problem of the preview in the interface language (its code and params), else its message.

    The field named in the sentence is called by its header in the interface language (``specs``: the
    kind's fields by key), as the preview's columns are."""
    code = getattr(problem, "code", "")
    if code in MESSAGES:
        params = dict(getattr(problem, "params", {}) or {})
        spec = (specs or {}).get(str(getattr(problem, "field", "") or ""))
        if spec is not None and "label" in params:
            params["label"] = field_label(spec)
        try:
            return message_text(code, params)
        except Exception:  # parameters the template does not expect: the core's own sentence
            pass
    return str(getattr(problem, "message", "") or code)

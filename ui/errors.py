"""Show the core's errors in the interface language, by their code.

Every domain error carries a stable ``code`` and its ``params`` (``desktop_crm.errors``). The English
template of each code lives in ``desktop_crm.messages.MESSAGES``; ``tools/extract_service_messages.py``
copies the templates and the field labels into ``ui/service_text.py`` so Qt's tools translate them
(contexts "ServiceErrors" and "ServiceLabels"). ``error_text`` looks the code's template up, translates
it and fills in the parameters the way the interface shows values: field labels translated, money
(``*_cents``) and dates in the user's locale, stored enum keys as their labels. Nothing here reads or
matches the English sentence.
"""

from __future__ import annotations

import string
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QCoreApplication

from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.messages import ENUM_PARAMS, MESSAGES

from . import fmt, labels


def label_text(label: str) -> str:
    """A field label of the core (``desktop_crm.messages.LABELS``) in the interface language."""
    return QCoreApplication.translate("ServiceLabels", label)


def _shown(key: str, value: Any) -> Any:
    if isinstance(value, str) and (key == "label" or key.endswith("_label")):
        return label_text(value)
    if key.endswith("_cents") and isinstance(value, int) and not isinstance(value, bool):
        return fmt.money(value)
    if isinstance(value, datetime):
        return fmt.short_datetime(value)
    if isinstance(value, date):
        return fmt.short_date(value)
    return value


class _Formatter(string.Formatter):
    def format_field(self, value: Any, format_spec: str) -> str:
        # Values arrive already formatted for the interface (money, dates): a spec meant for the raw
        # value (e.g. a date pattern) no longer applies to the text.
        if isinstance(value, str):
            return value
        return super().format_field(value, format_spec)


_FORMATTER = _Formatter()


def message_text(code: str, params: dict[str, Any]) -> str:
    """The sentence of ``code`` in the interface language, ``params`` filled in."""
    template = MESSAGES[code]
    enums = ENUM_PARAMS.get(code, {})
    shown = {
        key: labels.label(enums[key], value)
        if key in enums and isinstance(value, str)
        else _shown(key, value)
        for key, value in params.items()
    }
    translated = QCoreApplication.translate("ServiceErrors", template)
    try:
        return _FORMATTER.vformat(translated, (), shown)
    except (KeyError, IndexError, ValueError, AttributeError):  # a damaged translation: the English template
        return _FORMATTER.vformat(template, (), shown)


def input_error(text: str, field: str | None = None) -> ValidationError:
    """A refusal the interface tells by itself before calling a service (code ``interface``):
    ``text`` is already in the interface language; ``field`` is where it is shown."""
    return ValidationError("interface", field, text=text)


def error_text(error: BaseException | str) -> str:
    """The message of ``error`` in the interface language.

    A domain error is translated by its code; anything else (an operating-system error, a text that is
    already a sentence) is shown as it is.
    """
    if isinstance(error, CrmError) and error.code in MESSAGES:
        return message_text(error.code, error.params)
    if isinstance(error, str):
        return error
    return str(error)

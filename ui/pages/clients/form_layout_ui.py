"""The business's client form layout (Settings → Client form) as the client editor and the clients list
apply it: own labels in the interface language, hidden fields, the sections' order."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from desktop_crm.services.form_layout import FormLayout, form_layout

# Clients-list column keys that show a client form field (the list's key -> the form's key).
LIST_COLUMN_FIELDS = {
    "name": "name",
    "short_name": "short_name",
    "status": "status",
    "grade": "grade",
    "value_verdict": "value_verdict",
    "owner": "owner_id",
    "industry": "industry",
    "region": "region",
    "source": "source",
    "phone": "phone",
    "expected_amount_cents": "expected_amount_cents",
    "expected_sign_date": "expected_sign_date",
    "tags": "tags",
}


def current_language() -> str:
    """``zh_CN`` when the interface speaks Chinese, else ``en`` (the languages of the layout's labels)."""
    return "zh_CN" if QLocale().name().startswith("zh") else "en"


def caption(layout: FormLayout, key: str, built_in: str) -> str:
    """The business's own label of ``key`` in the interface language, else ``built_in``."""
    return layout.label(key, current_language()) or built_in


def list_headers(headers: dict[str, str], layout: FormLayout | None = None) -> dict[str, str]:
    """The clients list's column headers with the business's own labels."""
    layout = layout or form_layout()
    result = dict(headers)
    for column, field in LIST_COLUMN_FIELDS.items():
        if column in result:
            result[column] = caption(layout, field, result[column])
    return result

"""Form customisation of the client form (seed 003: hide fields, relabel them, lay the form out).

One setting (``client_form.layout``, JSON) in the database, so every user of the file sees the same
form: the built-in client fields hidden, each field's own label per language (English and Chinese; an
empty label keeps the built-in one), and the order of the editor's sections. A hidden field keeps its
value (the editor still loads and saves it, unchanged). Custom fields (Settings → Custom fields) are
not affected: they are added, renamed and removed there as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import ValidationError
from .common import check_characters, transactional
from .settings import delete_setting, get_setting, set_setting

SETTING_KEY = "client_form.layout"
LANGUAGES = ("en", "zh_CN")
MAX_LABEL = 40

# The built-in client fields, in the editor's order (key -> the English label validators name).
FIELDS: dict[str, str] = {
    "name": "Name",
    "short_name": "Short name",
    "owner_id": "Owner",
    "phone": "Phone",
    "website": "Website",
    "address": "Address",
    "industry": "Industry",
    "region": "Region",
    "source": "Source",
    "notes": "Notes",
    "status": "Status",
    "value_verdict": "Value verdict",
    "grade": "Grade",
    "expected_sign_date": "Expected signing date",
    "expected_amount_cents": "Expected amount",
    "tags": "Category",
}
REQUIRED = frozenset({"name"})  # cannot be hidden
SECTIONS = ("profile", "value", "milestones", "features")


@dataclass(frozen=True)
class FormLayout:
    hidden: frozenset[str] = frozenset()
    labels: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> language -> label
    sections: tuple[str, ...] = SECTIONS

    def is_hidden(self, key: str) -> bool:
        return key in self.hidden

    def label(self, key: str, language: str) -> str | None:
        """The business's own label of ``key`` in ``language`` (None: keep the built-in one)."""
        return self.labels.get(key, {}).get(language) or None

    def to_json(self) -> dict[str, Any]:
        return {
            "hidden": sorted(self.hidden),
            "labels": {k: dict(v) for k, v in sorted(self.labels.items())},
            "sections": list(self.sections),
        }


def _language(value: Any) -> str | None:
    if isinstance(value, str):
        if value in LANGUAGES:
            return value
        if value.startswith("zh"):
            return "zh_CN"
        if value.startswith("en"):
            return "en"
    return None


def _parse(stored: Any) -> FormLayout:
    """The stored value, tolerantly (a damaged or older value falls back to the defaults per part)."""
    if not isinstance(stored, dict):
        return FormLayout()
    hidden = stored.get("hidden")
    hidden_set = frozenset(
        k
        for k in (hidden if isinstance(hidden, list) else [])
        if isinstance(k, str) and k in FIELDS and k not in REQUIRED
    )
    labels: dict[str, dict[str, str]] = {}
    raw_labels = stored.get("labels")
    if isinstance(raw_labels, dict):
        for key, per_language in raw_labels.items():
            if key in FIELDS and isinstance(per_language, dict):
                clean = {
                    lang: text.strip()
                    for lang, text in per_language.items()
                    if lang in LANGUAGES and isinstance(text, str) and text.strip()
                }
                if clean:
                    labels[key] = clean
    sections = stored.get("sections")
    order = (
        tuple(sections)
        if isinstance(sections, list)
        and all(isinstance(key, str) for key in sections)
        and sorted(sections) == sorted(SECTIONS)
        else SECTIONS
    )
    return FormLayout(hidden_set, labels, order)


def form_layout() -> FormLayout:
    """The client form's layout (the defaults when none was saved)."""
    return _parse(get_setting(SETTING_KEY))


def _check_labels(labels: Any) -> dict[str, dict[str, str]]:
    if not isinstance(labels, Mapping):
        raise ValidationError("not_text", "labels", label="Label")
    clean: dict[str, dict[str, str]] = {}
    for key, per_language in labels.items():
        if not isinstance(key, str) or key not in FIELDS:
            raise ValidationError("form_layout.unknown_field", f"label:{key}", field=str(key)[:60])
        if not isinstance(per_language, Mapping):
            raise ValidationError("not_text", f"label:{key}", label="Label")
        for lang, text in per_language.items():
            language = _language(lang)
            where = f"label:{key}:{lang}"
            if language is None:
                raise ValidationError(
                    "unknown_value", where, label="Label", value=lang, allowed=", ".join(LANGUAGES)
                )
            if text is None:
                continue
            if not isinstance(text, str):
                raise ValidationError("not_text", where, label="Label")
            text = text.strip()
            if len(text) > MAX_LABEL:
                raise ValidationError(
                    "too_long", where, label="Label", length=len(text), max_length=MAX_LABEL
                )
            check_characters(text, where, "Label")
            if "\n" in text or "\r" in text or "\t" in text:
                raise ValidationError("text.control_character", where, label="Label")
            if text:
                clean.setdefault(str(key), {})[language] = text
    return clean


@transactional
def save_form_layout(
    hidden: Iterable[str] = (),
    labels: Mapping[str, Mapping[str, str | None]] | None = None,
    sections: Sequence[str] = SECTIONS,
) -> FormLayout:
    """Validate and store the client form's layout for every user of the file."""
    if isinstance(hidden, str | bytes) or not isinstance(hidden, Iterable):
        raise ValidationError(
            "unknown_value", "hidden", label="Client field", value=hidden, allowed=", ".join(FIELDS)
        )
    hidden_set = set()
    for key in hidden:
        if not isinstance(key, str) or key not in FIELDS:
            raise ValidationError("form_layout.unknown_field", f"hidden:{key}", field=str(key)[:60])
        if key in REQUIRED:
            raise ValidationError("form_layout.cannot_hide", f"hidden:{key}", label=FIELDS[key])
        hidden_set.add(key)
    clean_labels = _check_labels(labels or {})
    if (
        isinstance(sections, str | bytes)
        or not isinstance(sections, Sequence)
        or not all(isinstance(key, str) for key in sections)
        or sorted(sections) != sorted(SECTIONS)
    ):
        raise ValidationError("form_layout.bad_sections", "sections", allowed=", ".join(SECTIONS))
    layout = FormLayout(frozenset(hidden_set), clean_labels, tuple(sections))
    if layout == FormLayout():
        delete_setting(SETTING_KEY)
    else:
        set_setting(SETTING_KEY, layout.to_json())
    return layout


@transactional
def reset_form_layout() -> FormLayout:
    """Back to the built-in form: every field shown with its own label, the sections in their order."""
    delete_setting(SETTING_KEY)
    return FormLayout()

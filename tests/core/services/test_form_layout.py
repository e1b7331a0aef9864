"""Form customisation of the client form: hidden fields, own labels per language, section order."""

from __future__ import annotations

import pytest

from desktop_crm.errors import ValidationError
from desktop_crm.services.form_layout import (
    SECTIONS,
    SETTING_KEY,
    FormLayout,
    form_layout,
    reset_form_layout,
    save_form_layout,
)
from desktop_crm.services.settings import get_setting, set_setting


def test_defaults(db: object) -> None:
    layout = form_layout()
    assert layout == FormLayout()
    assert layout.sections == SECTIONS
    assert not layout.is_hidden("phone")
    assert layout.label("phone", "zh_CN") is None


def test_save_and_read_back(db: object) -> None:
    saved = save_form_layout(
        hidden=["website", "region"],
        labels={"industry": {"en": " Trade ", "zh_CN": "行业类别"}, "source": {"zh_CN": "", "en": None}},
        sections=["features", "profile", "value", "milestones"],
    )
    assert saved == form_layout()
    assert saved.is_hidden("website") and saved.is_hidden("region") and not saved.is_hidden("phone")
    assert saved.label("industry", "en") == "Trade"
    assert saved.label("industry", "zh_CN") == "行业类别"
    assert saved.label("source", "en") is None  # empty: the built-in label
    assert saved.sections == ("features", "profile", "value", "milestones")
    assert get_setting(SETTING_KEY)["hidden"] == ["region", "website"]


def test_reset(db: object) -> None:
    save_form_layout(hidden=["website"])
    assert reset_form_layout() == FormLayout() == form_layout()
    assert get_setting(SETTING_KEY) is None


@pytest.mark.parametrize(
    ("kwargs", "code", "field"),
    [
        ({"hidden": ["name"]}, "form_layout.cannot_hide", "hidden:name"),
        ({"hidden": ["shoe_size"]}, "form_layout.unknown_field", "hidden:shoe_size"),
        ({"hidden": "website"}, "unknown_value", "hidden"),
        ({"labels": {"phone": {"en": "x" * 41}}}, "too_long", "label:phone:en"),
        ({"labels": {"phone": {"fr": "Téléphone"}}}, "unknown_value", "label:phone:fr"),
        ({"labels": {"phone": {"en": 5}}}, "not_text", "label:phone:en"),
        ({"labels": {"phone": {"en": "a\x00b"}}}, "text.control_character", "label:phone:en"),
        ({"labels": {"nope": {"en": "x"}}}, "form_layout.unknown_field", "label:nope"),
        ({"sections": ["profile", "value"]}, "form_layout.bad_sections", "sections"),
        ({"sections": ["profile", "profile", "value", "features"]}, "form_layout.bad_sections", "sections"),
    ],
)
def test_bad_input_saves_nothing(db: object, kwargs: dict, code: str, field: str) -> None:
    save_form_layout(hidden=["website"])
    with pytest.raises(ValidationError) as err:
        save_form_layout(**kwargs)
    assert (err.value.code, err.value.field) == (code, field)
    assert form_layout().hidden == {"website"}


def test_damaged_stored_value_falls_back(db: object) -> None:
    set_setting(
        SETTING_KEY, {"hidden": ["name", "phone", 3], "labels": {"phone": "x"}, "sections": ["value"]}
    )
    layout = form_layout()
    assert layout.hidden == {"phone"}
    assert layout.labels == {}
    assert layout.sections == SECTIONS

"""The core's English messages are shown in the interface language."""

from __future__ import annotations

import pytest

from desktop_crm.errors import ValidationError
from desktop_crm.services.clients import create_client
from desktop_crm.services.payments import record_payment
from ui import i18n
from ui.errors import error_text
from ui.service_text import TEMPLATES


@pytest.fixture
def chinese(qapp: object) -> object:
    i18n.install_translators(qapp, "zh_CN")  # type: ignore[arg-type]
    yield qapp
    i18n.remove_translators(qapp)  # type: ignore[arg-type]


def test_messages_with_labels_and_values_are_translated(db: object, chinese: object) -> None:
    with pytest.raises(ValidationError) as info:
        create_client("   ")
    assert error_text(info.value) == "名称为必填项。"
    with pytest.raises(ValidationError) as info:
        create_client("甲", short_name="x" * 101)
    assert error_text(info.value) == "简称太长（101 个字符，最多 100 个）。"
    with pytest.raises(ValidationError) as info:
        create_client("甲", expected_sign_date="1899-12-31")
    assert error_text(info.value) == "预计签约日期必须在 1900 年到 2100 年之间。"


def test_an_unknown_message_is_shown_as_it_is(chinese: object) -> None:
    assert error_text("Something nobody wrote a template for.") == "Something nobody wrote a template for."
    assert error_text(RuntimeError("boom")) == "boom"


def test_english_interface_keeps_the_english_message(db: object) -> None:
    with pytest.raises(Exception) as info:
        record_payment(999, 100, "2026-01-01")
    assert error_text(info.value) == str(info.value)


def test_the_generated_templates_are_current() -> None:
    """tools/extract_service_messages.py has been run after the core's messages changed."""
    import importlib.util
    from pathlib import Path

    script = Path(__file__).resolve().parents[2] / "tools" / "extract_service_messages.py"
    spec = importlib.util.spec_from_file_location("extract_service_messages", script)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    templates, _labels = module.collect()
    assert templates == sorted(TEMPLATES)

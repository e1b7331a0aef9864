"""The translation catalogs: complete Chinese, in step with the code, placeholders intact; enum labels."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from desktop_crm.models import enums, service
from ui import i18n, labels

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def live_messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> <translation> of every message still used by the code."""
    messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            messages[(name, message.findtext("source"))] = translation
    return messages


def test_every_chinese_string_is_translated() -> None:
    messages = live_messages(i18n.ts_path("zh_CN"))
    assert len(messages) > 100
    unfinished = [key for key, tr in messages.items() if tr.get("type") == "unfinished"]
    empty = [key for key, tr in messages.items() if not (tr.text or "").strip()]
    assert unfinished == [] and empty == []


def test_placeholders_survive_translation() -> None:
    for (context, source), tr in live_messages(i18n.ts_path("zh_CN")).items():
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(tr.text)), (context, source)


def test_catalogs_are_in_step_with_the_code(tmp_path: Path) -> None:
    """Every tr() string in ui/ is in the catalogs (run tools/update_translations.py when this fails)."""
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed")
    fresh = tmp_path / "fresh.ts"
    files = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([str(lupdate), "-silent", *files, "-ts", str(fresh)], check=True, timeout=120)
    in_code = set(live_messages(fresh))
    for lang in ("zh_CN", "en"):
        missing = in_code - set(live_messages(i18n.ts_path(lang)))
        assert not missing, f"{lang}: run tools/update_translations.py and translate {sorted(missing)}"


def test_compiled_catalog_loads_and_translates() -> None:
    app = QApplication.instance()
    assert i18n.ensure_compiled() and i18n.qm_path("zh_CN").exists()
    assert i18n.install_translators(app, "zh_CN")
    assert labels.label("stance", "ally") == "良友"
    assert labels.label("stage", "lost") == "失败"
    assert labels.label("client_status", "lost") == "流失"
    assert labels.label("plan_type", "sign_and_collect") == "签约回款"
    i18n.remove_translators(app)
    assert labels.label("stance", "ally") == "Close ally"


def test_every_enum_value_has_a_label() -> None:
    pairs = {
        "user_role": enums.USER_ROLES,
        "client_status": enums.CLIENT_STATUSES,
        "value_verdict": enums.VALUE_VERDICTS,
        "grade": enums.GRADES,
        "stakeholder_role": enums.STAKEHOLDER_ROLES,
        "stance": enums.STANCES,
        "influence": enums.INFLUENCES,
        "channel": enums.CHANNELS,
        "plan_type": enums.PLAN_TYPES,
        "bucket": enums.BUCKETS,
        "stage": enums.OPPORTUNITY_STAGES,
        "instalment_status": enums.INSTALMENT_STATUSES,
        "goal_kind": enums.GOAL_KINDS,
        "weekly_status": enums.WEEKLY_FORM_STATUSES,
        "custom_field_kind": enums.CUSTOM_FIELD_KINDS,
        "service_type": service.BUILTIN_SERVICE_TYPES,
        "service_severity": service.SERVICE_SEVERITIES,
        "service_status": service.SERVICE_STATUSES,
        "headcount_band": enums.HEADCOUNT_BANDS,  # slice care
        "revenue_band": enums.REVENUE_BANDS,
    }
    assert set(pairs) == set(labels.KINDS)
    for kind, keys in pairs.items():
        assert [key for key, _text in labels.choices(kind)] == list(keys), kind
    assert labels.label("stance", "unknown-key") == "unknown-key"
    assert labels.label("stance", None) == ""


def test_language_resolution() -> None:
    assert i18n.resolve_language("zh_CN", "en") == "zh_CN"
    assert i18n.resolve_language(None, "zh_CN") == "zh_CN"
    assert i18n.resolve_language(None, "") in ("en", "zh_CN")

"""The KPIs' names in Chinese follow the glossary (DOMAIN.md: opportunity 商机): "New opportunity value" is
新增商机金额 (it read 新价值, "new value", which says nothing of opportunities) wherever a KPI is named: the
weekly form and charts (``kpi_name``), the dashboard's per-person summary and the handbook's topics."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_crm.handbook_seed import seed_entries, topic_title
from ui import i18n
from ui.pages.dashboard.summary import COLUMNS, PersonSummaryModel
from ui.pages.weekly.kpi_names import _NAMES, kpi_name

KEY = "new_opportunity_value_cents"


@pytest.fixture
def chinese() -> Iterator[None]:
    app = QApplication.instance()
    assert i18n.ensure_compiled()
    assert i18n.install_translators(app, "zh_CN")
    yield
    i18n.remove_translators(app)


def test_new_opportunity_value_is_named_after_the_opportunities(chinese: None) -> None:
    assert kpi_name(KEY) == "新增商机金额"
    model = PersonSummaryModel()
    headers = {
        key: model.headerData(column, Qt.Orientation.Horizontal)
        for column, (_attribute, key) in enumerate(COLUMNS)
        if key
    }
    assert headers[KEY] == "新增商机金额"
    assert topic_title(KEY, "zh_CN") == "新增商机金额"
    question = dict((key, q) for key, q, _answer in seed_entries("zh_CN"))[KEY]
    assert "新增商机金额" in question


def test_every_kpi_about_opportunities_says_opportunity_in_chinese(chinese: None) -> None:
    """Every KPI name whose English names the opportunities uses the glossary's 商机; none says 新价值."""
    for key, english in _NAMES.items():
        name = kpi_name(key)
        assert name != english, key  # translated
        assert "新价值" not in name and "新价值" not in topic_title(key, "zh_CN"), key
        if "opportunit" in english.lower():
            assert "商机" in name, english
    model = PersonSummaryModel()
    for column in range(model.columnCount()):
        assert "新价值" not in str(model.headerData(column, Qt.Orientation.Horizontal))

"""The import wizard imports service records (服务单): the kind is offered, the type is shown by its
translated name, a broken rule is named at its row and column, and a clean file is imported."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from test_ui_import import cell, choose_file, make_wizard, to_preview, write_csv

from desktop_crm.models.service import ServiceRecord

HEADERS = ["客户名称", "服务类型", "服务主题", "处理状态", "创建时间", "处理结果"]


def test_service_records_are_checked_and_imported_in_the_wizard(
    qtbot: QtBot, populated_db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [
        ["Acme GmbH", "投诉", "发票有误", "已解决", "2026-03-01 10:00", ""],
        ["Acme GmbH", "training", "上机培训", "", "2026-03-02 09:00", ""],
    ]
    wizard = make_wizard(qtbot, "service-records")
    assert wizard.source_step.kind == "service-records"
    choose_file(qtbot, wizard, write_csv(tmp_path / "服务单.csv", [HEADERS, *rows]), monkeypatch)
    to_preview(qtbot, wizard)
    assert cell(wizard, 2, "Service type") == "Complaint" and cell(wizard, 3, "Service type") == "Training"
    assert cell(wizard, 2, "Action") == "Error" and not wizard.import_button.isEnabled()
    lines = [
        wizard.preview_step.problem_list.item(i).text()
        for i in range(wizard.preview_step.problem_list.count())
    ]
    assert lines == [
        'Row 2, column "处理结果": Resolution is required: a resolved or confirmed service record has a resolution.'
    ]

    rows[0][5] = "已作废重开"
    wizard = make_wizard(qtbot, "service-records")
    choose_file(qtbot, wizard, write_csv(tmp_path / "服务单2.csv", [HEADERS, *rows]), monkeypatch)
    to_preview(qtbot, wizard)
    assert wizard.import_button.isEnabled()
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20_000)
    assert wizard.result_label.text() == "Service records: 2 created, 0 updated, 0 skipped."
    assert sorted(r.kind for r in ServiceRecord.select()) == ["complaint", "training"]

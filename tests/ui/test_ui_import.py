"""The import wizard (File → Import…): choose a file, map its columns, check every row, import, cancel."""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desktop_crm.driver import sqlite3
from ui import prompts
from ui.importer import ImportWizard
from ui.importer.preview_model import ERROR_TINT
from ui.importer.wizard import IMPORT, MAPPING, PREVIEW, SOURCE

HEADERS = ["客户名称", "客户级别", "手机", "联系人", "下次联系时间", "预计金额", "所属行业"]
ROWS = [
    [
        "杭州西湖电子科技有限公司",
        "A（重点客户）",
        "13800138000",
        "张伟",
        "2026/3/9",
        "￥120,000.00",
        "电子制造",
    ],
    ["苏州工业园区精工机械", "B", "0512-66889900", "李娜", "2026年3月12日", "80000", "机械"],
    ["深圳南山云联网络", "C（小单）", "13912345678", "王芳", "2026-03-15", "15,000", "互联网"],
]


def write_csv(path: Path, rows: list[list[str]], encoding: str = "gbk", delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def client_names(db_path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM client WHERE deleted_at IS NULL"))
    finally:
        conn.close()


def make_wizard(qtbot: QtBot, kind: str = "clients") -> ImportWizard:
    wizard = ImportWizard(None, kind)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    return wizard


def wait_idle(qtbot: QtBot, wizard: ImportWizard) -> None:
    qtbot.waitUntil(lambda: not wizard.busy, timeout=20_000)


def choose_file(qtbot: QtBot, wizard: ImportWizard, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The user clicks "Choose file…" and picks ``path`` in the file dialog."""
    asked: list[str] = []

    def ask(parent: object, title: str, directory: str, file_filter: str) -> str:
        asked.append(file_filter)
        return str(path)

    monkeypatch.setattr(prompts, "ask_open_path", ask)
    wizard.source_step.choose_button.click()
    assert asked and "*.csv" in asked[0] and "*.xlsx" in asked[0]
    wait_idle(qtbot, wizard)


def to_preview(qtbot: QtBot, wizard: ImportWizard) -> None:
    wizard.next_button.click()
    assert wizard.step == MAPPING
    assert wizard.next_button.isEnabled()
    wizard.next_button.click()
    assert wizard.step == PREVIEW
    wait_idle(qtbot, wizard)
    assert wizard.preview is not None


def cell(wizard: ImportWizard, file_row: int, header: str, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
    model = wizard.preview_step.model
    row = model.row_of(file_row)
    assert row is not None
    column = next(
        c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == header
    )
    return model.data(model.index(row, column), role)


def test_a_gbk_file_is_read_mapped_checked_and_imported(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "客户名单.csv", [HEADERS, *ROWS])
    wizard = make_wizard(qtbot)
    assert wizard.step == SOURCE and not wizard.next_button.isEnabled()
    imported: list[Any] = []
    wizard.sig_imported.connect(imported.append)
    choose_file(qtbot, wizard, path, monkeypatch)
    status = wizard.source_step.status_label.text()
    assert "3 rows and 7 columns" in status and "GBK" in status and "Comma" in status
    assert wizard.source_step.sample_table.item(0, 0).text() == "杭州西湖电子科技有限公司"
    assert wizard.next_button.isEnabled()

    wizard.next_button.click()
    table = wizard.mapping_step.table
    assert table.rowCount() == 7
    assert table.item(0, 0).text() == "客户名称"
    assert (
        "杭州西湖电子科技有限公司" in table.item(0, 1).text()
        and "深圳南山云联网络" in table.item(0, 1).text()
    )
    assert wizard.mapping_step.combos[0].currentText() == "Name (required)"
    assert wizard.mapping_step.combos[1].currentText() == "Grade"
    assert wizard.mapping_step.combos[4].currentText() == "Next contact"
    assert not wizard.mapping_remembered

    wizard.next_button.click()
    wait_idle(qtbot, wizard)
    assert "Create: <b>3</b>" in wizard.preview_step.counts_label.text()
    assert cell(wizard, 2, "Grade") == "A · Big deal"  # "A（重点客户）" is grade A
    assert cell(wizard, 2, "Expected amount") == "120,000.00"
    assert wizard.import_button.isEnabled()

    wizard.import_button.click()
    assert wizard.step == IMPORT
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20_000)
    assert wizard.result_title.text() == "Import complete"
    assert wizard.result_label.text() == "Clients: 3 created, 0 updated, 0 skipped."
    assert wizard.close_button.isVisible() and not wizard.cancel_button.isVisible()
    assert len(imported) == 1
    assert client_names(db_path) == sorted(
        ["Acme GmbH", "上海华东精密机械", "北京中科信息", *(row[0] for row in ROWS)]
    )


def test_a_file_with_errors_keeps_import_disabled_and_names_row_and_column(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [row[:] for row in ROWS]
    rows[1][1] = "S（超大客户）"  # row 3 of the file: an unknown grade
    rows[2][5] = "abc"  # row 4: not an amount
    path = write_csv(tmp_path / "有错.csv", [HEADERS, *rows])
    wizard = make_wizard(qtbot)
    choose_file(qtbot, wizard, path, monkeypatch)
    to_preview(qtbot, wizard)
    assert not wizard.import_button.isEnabled()
    assert "Errors: <b>2</b>" in wizard.preview_step.counts_label.text()
    lines = [
        wizard.preview_step.problem_list.item(i).text()
        for i in range(wizard.preview_step.problem_list.count())
    ]
    assert any(line.startswith('Row 3, column "客户级别": Grade: unknown value') for line in lines), lines
    assert any(line.startswith('Row 4, column "预计金额"') and "'abc'" in line for line in lines), lines
    assert cell(wizard, 3, "Grade") == "S（超大客户）"
    assert cell(wizard, 3, "Grade", Qt.ItemDataRole.BackgroundRole) == ERROR_TINT
    assert "unknown value" in cell(wizard, 3, "Grade", Qt.ItemDataRole.ToolTipRole)
    assert cell(wizard, 3, "Expected amount", Qt.ItemDataRole.BackgroundRole) is None
    assert cell(wizard, 2, "Grade", Qt.ItemDataRole.BackgroundRole) is None
    assert cell(wizard, 3, "Action") == "Error"

    wizard.preview_step.only_problems_check.setChecked(True)
    assert wizard.preview_step.model.rowCount() == 2
    assert wizard.preview_step.model.row_of(2) is None
    wizard.preview_step.problem_list.setCurrentRow(0)
    wizard.preview_step._on_problem_list_item_activated(wizard.preview_step.problem_list.item(0))
    selected = wizard.preview_step.view.selectionModel().selectedRows()
    assert [wizard.preview_step.model.data(i) for i in selected] == ["3"]
    assert client_names(db_path) == ["Acme GmbH", "上海华东精密机械", "北京中科信息"]


def test_the_mapping_chosen_is_remembered_for_the_same_headers(
    qtbot: QtBot, populated_db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "a.csv", [HEADERS, *ROWS])
    wizard = make_wizard(qtbot)
    choose_file(qtbot, wizard, path, monkeypatch)
    wizard.next_button.click()
    wizard.mapping_step.set_target(6, "")  # 所属行业: do not import
    wizard.mapping_step.set_target(3, "notes")  # 联系人 into the notes
    wizard.next_button.click()
    wait_idle(qtbot, wizard)
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20_000)

    other = write_csv(tmp_path / "b.csv", [HEADERS, ["宁波港口物流", "B", "", "", "", "", ""]])
    again = make_wizard(qtbot)
    choose_file(qtbot, again, other, monkeypatch)
    again.next_button.click()
    assert again.mapping_remembered
    assert again.mapping_step.combos[6].currentText() == "Do not import"
    assert again.mapping_step.combos[3].currentText() == "Notes"
    assert again.mapping_step.mapping() == wizard.mapping_step.mapping()


def test_cancel_during_the_import_writes_nothing(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_crm.importing import memory, pipeline

    rows = [[f"客户{i:05d}", "B", f"139{i:08d}", "", "", "1000", ""] for i in range(3000)]
    path = write_csv(tmp_path / "many.csv", [HEADERS, *rows])
    real = pipeline.run_import
    reached, release = threading.Event(), threading.Event()

    def held(kind: str, table: Any, mapping: Any, on_duplicate: str = "skip", progress: Any = None) -> Any:
        def gate(done: int, total: int) -> Any:
            if done > total // 2 and not reached.is_set():  # halfway through the writing
                reached.set()
                release.wait(10)
            return progress(done, total)

        return real(kind, table, mapping, on_duplicate, progress=gate)

    monkeypatch.setattr(pipeline, "run_import", held)
    wizard = make_wizard(qtbot)
    choose_file(qtbot, wizard, path, monkeypatch)
    to_preview(qtbot, wizard)
    wizard.import_button.click()
    qtbot.waitUntil(reached.is_set, timeout=20_000)
    qtbot.waitUntil(lambda: wizard.progress_bar.value() > 0, timeout=5_000)  # the bar moved
    assert wizard.cancel_button.isVisible() and not wizard.back_button.isEnabled()
    wizard.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: not wizard.busy, timeout=20_000)
    assert wizard.result_title.text() == "Import cancelled"
    assert "Nothing was imported" in wizard.result_label.text()
    assert wizard.result is None and wizard.back_button.isEnabled()
    assert client_names(db_path) == ["Acme GmbH", "上海华东精密机械", "北京中科信息"]
    assert memory.remembered_mapping("clients", HEADERS) is None  # nothing at all was written


def test_duplicates_choice_checks_again(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [["北京中科信息", "A", "", "", "", "", "软件"], ROWS[0]]
    path = write_csv(tmp_path / "dup.csv", [HEADERS, *rows])
    wizard = make_wizard(qtbot)
    choose_file(qtbot, wizard, path, monkeypatch)
    to_preview(qtbot, wizard)
    assert "Skip: <b>1</b>" in wizard.preview_step.counts_label.text()
    assert cell(wizard, 2, "Action") == "Skip"
    combo = wizard.preview_step.duplicates_combo
    combo.setCurrentIndex(combo.findData("update"))
    combo.activated.emit(combo.currentIndex())
    assert wizard.busy
    wait_idle(qtbot, wizard)
    assert "Update: <b>1</b>" in wizard.preview_step.counts_label.text()
    assert cell(wizard, 2, "Action") == "Update"
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20_000)
    assert wizard.result_label.text() == "Clients: 1 created, 1 updated, 0 skipped."
    assert client_names(db_path).count("北京中科信息") == 1


def test_encoding_override_rereads_and_a_bad_choice_is_explained(
    qtbot: QtBot, db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "gbk.csv", [HEADERS, *ROWS])
    wizard = make_wizard(qtbot)
    choose_file(qtbot, wizard, path, monkeypatch)
    combo = wizard.source_step.encoding_combo
    assert combo.isVisible() and not wizard.source_step.sheet_combo.isVisible()
    combo.setCurrentIndex(combo.findData("utf-8"))
    combo.activated.emit(combo.currentIndex())
    wait_idle(qtbot, wizard)
    assert (
        "not valid" in wizard.source_step.status_label.text()
        and "row 1" in wizard.source_step.status_label.text()
    )
    assert not wizard.next_button.isEnabled()
    combo.setCurrentIndex(combo.findData("gb18030"))
    combo.activated.emit(combo.currentIndex())
    wait_idle(qtbot, wizard)
    assert "3 rows" in wizard.source_step.status_label.text()
    assert wizard.next_button.isEnabled()


def test_a_semicolon_export_in_english_combines_first_and_last_names(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [
        ["Company Name", "First Name", "Last Name", "Phone Number", "City"],
        ["Northwind Traders", "Anna", "Berg", "+1 206 555 0100", "Seattle"],
        ["Contoso Ltd", "Ben", "Miller", "+44 20 7946 0958", "London"],
    ]
    path = write_csv(tmp_path / "hubspot.csv", rows, encoding="utf-8", delimiter=";")
    wizard = make_wizard(qtbot)
    choose_file(qtbot, wizard, path, monkeypatch)
    assert "Semicolon" in wizard.source_step.status_label.text()
    to_preview(qtbot, wizard)
    assert cell(wizard, 2, "Contact") == "Anna Berg"
    assert wizard.import_button.isEnabled()


def test_required_field_unmapped_blocks_next(
    qtbot: QtBot, db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "a.csv", [HEADERS, *ROWS])
    wizard = make_wizard(qtbot)
    choose_file(qtbot, wizard, path, monkeypatch)
    wizard.next_button.click()
    wizard.mapping_step.set_target(0, "")
    assert not wizard.next_button.isEnabled()
    assert "Required fields not mapped yet: Name." in wizard.mapping_step.status_label.text()
    wizard.mapping_step.set_target(0, "name")
    wizard.mapping_step.set_target(3, "name")
    assert not wizard.next_button.isEnabled()
    assert "Several columns go into the same field: Name" in wizard.mapping_step.status_label.text()
    wizard.mapping_step.set_target(3, "contact")
    assert wizard.next_button.isEnabled()


def test_an_excel_file_with_several_sheets_offers_the_sheet(
    qtbot: QtBot, db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    first = book.active
    first.title = "说明"
    first.append(["这个表是说明"])
    first.append(["请看第二个表"])
    second = book.create_sheet("客户")
    second.append(HEADERS)
    for row in ROWS:
        second.append(row)
    path = tmp_path / "clients.xlsx"
    book.save(path)
    wizard = make_wizard(qtbot)
    choose_file(qtbot, wizard, path, monkeypatch)
    sheet = wizard.source_step.sheet_combo
    assert sheet.isVisible() and [sheet.itemText(i) for i in range(sheet.count())] == ["说明", "客户"]
    assert not wizard.source_step.encoding_combo.isVisible()
    sheet.setCurrentIndex(1)
    sheet.activated.emit(1)
    wait_idle(qtbot, wizard)
    assert "3 rows and 7 columns" in wizard.source_step.status_label.text()
    assert "Sheet: 客户" in wizard.source_step.status_label.text()
    assert sheet.currentText() == "客户"


def test_a_file_that_is_not_a_spreadsheet_is_refused_in_one_sentence(
    qtbot: QtBot, db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(b"")
    wizard = make_wizard(qtbot)
    choose_file(qtbot, wizard, path, monkeypatch)
    assert wizard.source_step.status_label.text() == "empty.csv is empty: there is nothing to import."
    assert not wizard.next_button.isEnabled()


def test_import_from_the_file_menu_refreshes_the_window(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.main_window import MainWindow

    path = write_csv(tmp_path / "客户名单.csv", [HEADERS, *ROWS])
    window = MainWindow(db_path, "en")
    qtbot.addWidget(window)
    window.update_status()
    assert window.count_label.text() == "3 clients"
    seen: list[str] = []

    def drive(dialog: QDialog) -> int:
        assert isinstance(dialog, ImportWizard)
        seen.append(dialog.windowTitle())
        dialog.open_file(str(path))
        wait_idle(qtbot, dialog)
        to_preview(qtbot, dialog)
        dialog.import_button.click()
        qtbot.waitUntil(lambda: dialog.result is not None, timeout=20_000)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(prompts, "run_modal", drive)
    window.import_action.trigger()
    assert seen == ["Import"]
    assert window.count_label.text() == "6 clients"


def test_import_template_is_saved_in_the_chosen_language_and_format(
    qtbot: QtBot, db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    from ui.importer import TemplateDialog
    from ui.main_window import MainWindow

    target = tmp_path / "模板.xlsx"
    window = MainWindow(tmp_path / "crm.sqlite3", "en")
    qtbot.addWidget(window)
    answers: list[str] = []

    def drive(dialog: QDialog) -> int:
        if isinstance(dialog, TemplateDialog):
            dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("contacts"))
            dialog.lang_combo.setCurrentIndex(dialog.lang_combo.findData("zh_CN"))
            dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
            return QDialog.DialogCode.Accepted.value
        answers.append(dialog.text())  # type: ignore[attr-defined]
        return 0

    monkeypatch.setattr(prompts, "run_modal", drive)
    monkeypatch.setattr(prompts, "ask_save_path", lambda *args: str(target))
    window.import_template_action.trigger()
    sheet = openpyxl.load_workbook(target).active
    headers = [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert headers[:2] == ["客户名称", "姓名"]
    assert answers == [f"The template was saved to {target}."]


def test_cancel_pressed_after_the_commit_still_reports_the_import(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_crm.importing import pipeline

    path = write_csv(tmp_path / "a.csv", [HEADERS, *ROWS])
    real = pipeline.run_import
    committed, release = threading.Event(), threading.Event()

    def late(*args: Any, **kwargs: Any) -> Any:
        result = real(*args, **kwargs)
        committed.set()
        release.wait(10)
        return result

    monkeypatch.setattr(pipeline, "run_import", late)
    wizard = make_wizard(qtbot)
    choose_file(qtbot, wizard, path, monkeypatch)
    to_preview(qtbot, wizard)
    wizard.import_button.click()
    qtbot.waitUntil(committed.is_set, timeout=20_000)
    wizard.cancel_button.click()
    release.set()
    qtbot.waitUntil(lambda: not wizard.busy, timeout=20_000)
    assert wizard.result_title.text() == "Import complete"
    assert wizard.result_label.text() == "Clients: 3 created, 0 updated, 0 skipped."
    assert len(client_names(db_path)) == 6


@pytest.fixture
def chinese(qapp: Any) -> Any:
    from ui import i18n

    i18n.install_translators(qapp, "zh_CN")
    yield qapp
    i18n.remove_translators(qapp)


def test_the_wizard_in_chinese(
    qtbot: QtBot,
    chinese: Any,
    populated_db: object,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rows = [row[:] for row in ROWS]
    rows[1][1] = "S（超大客户）"
    path = write_csv(tmp_path / "客户名单.csv", [HEADERS, *rows])
    wizard = make_wizard(qtbot)
    assert wizard.windowTitle() == "导入"
    assert wizard.source_step.kind_combo.currentText() == "客户"
    assert wizard.next_button.text() == "下一步 >"
    choose_file(qtbot, wizard, path, monkeypatch)
    status = wizard.source_step.status_label.text()
    assert status.startswith("已从 客户名单.csv 读取 3 行、7 列。") and "中文（GBK/GB18030）" in status
    wizard.next_button.click()
    assert wizard.mapping_step.combos[0].currentText() == "客户名称（必填）"
    assert wizard.mapping_step.combos[1].currentText() == "客户级别"
    assert wizard.mapping_step.table.horizontalHeaderItem(2).text() == "导入到"
    wizard.next_button.click()
    wait_idle(qtbot, wizard)
    assert "错误：<b>1</b>" in wizard.preview_step.counts_label.text()
    assert cell(wizard, 2, "客户级别") == "A · 大单"
    assert cell(wizard, 3, "处理") == "错误"
    first = wizard.preview_step.problem_list.item(0).text()
    assert first.startswith("第 3 行，“客户级别”列：客户级别"), first
    assert not wizard.import_button.isEnabled()


def test_reading_runs_on_the_worker_with_a_progress_bar(
    qtbot: QtBot, db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [[f"客户{i:05d}", "B", f"139{i:08d}", "", "", "", ""] for i in range(20_000)]
    path = write_csv(tmp_path / "big.csv", [HEADERS, *rows])
    wizard = make_wizard(qtbot)
    wizard.open_file(str(path))  # returns at once: the file is read on the worker
    assert wizard.busy and wizard.progress_bar.isVisible() and wizard.cancel_button.isEnabled()
    assert not wizard.next_button.isEnabled()
    assert wizard.source_step.status_label.text() == "Reading big.csv…"
    wait_idle(qtbot, wizard)
    assert not wizard.progress_bar.isVisible()
    assert "20,000 rows" in wizard.source_step.status_label.text()


def test_screenshots_of_the_mapping_and_the_check(
    qapp: Any, db: object, db_path: Path, tmp_path: Path
) -> None:
    from ui.importer.screenshots import render_import_screenshots

    assert render_import_screenshots(qapp, tmp_path, (1280, 720)) == []
    for name in ("import_mapping.png", "import_preview.png"):
        data = (tmp_path / name).read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 5_000, name
    assert client_names(db_path) == []  # the screenshots import nothing


def test_an_excel_percentage_is_shown_and_imported_as_the_sheet_shows_it(
    qtbot: QtBot, populated_db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["客户名称", "商机名称", "赢率"])
    sheet.append(["上海华东精密机械", "二期改造", 0.6])
    sheet.append(["上海华东精密机械", "三期改造", 1])
    for row in (2, 3):
        sheet.cell(row, 3).number_format = "0%"
    path = tmp_path / "商机.xlsx"
    book.save(path)
    wizard = make_wizard(qtbot, "opportunities")
    choose_file(qtbot, wizard, path, monkeypatch)
    wizard.next_button.click()
    assert wizard.mapping_step.mapping()[2] == "probability"
    assert wizard.mapping_step.table.item(2, 1).text() == "60%  ·  100%"  # as Excel shows them
    wizard.next_button.click()
    wait_idle(qtbot, wizard)
    assert "Create: <b>2</b>" in wizard.preview_step.counts_label.text()
    assert (cell(wizard, 2, "Probability"), cell(wizard, 3, "Probability")) == ("60", "100")


def _script_written_workbook(path: Path) -> Path:
    """An XLSX a script wrote: its amount is a formula whose result was never computed or saved."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["客户名称", "预计金额"])
    sheet.append(["杭州西湖电子科技有限公司", "=1200*100"])
    sheet.append(["苏州工业园区精工机械", 80000])
    book.save(path)
    return path


def test_a_formula_without_a_saved_value_is_named_at_its_row_and_column(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _script_written_workbook(tmp_path / "script.xlsx")
    wizard = make_wizard(qtbot)
    choose_file(qtbot, wizard, path, monkeypatch)
    assert wizard.source_step.sample_table.item(0, 1).text() == "=1200*100"  # shown as written
    to_preview(qtbot, wizard)
    assert not wizard.import_button.isEnabled()
    assert "Errors: <b>1</b>" in wizard.preview_step.counts_label.text()
    first = wizard.preview_step.problem_list.item(0).text()
    assert first == (
        "Row 2, column \"预计金额\": Expected amount: '=1200*100' is a formula without a saved value; "
        "open the file in Excel or WPS and save it again."
    ), first
    assert cell(wizard, 2, "Expected amount", Qt.ItemDataRole.BackgroundRole) == ERROR_TINT
    assert client_names(db_path) == ["Acme GmbH", "上海华东精密机械", "北京中科信息"]


def test_a_formula_without_a_saved_value_in_chinese(
    qtbot: QtBot, chinese: Any, populated_db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _script_written_workbook(tmp_path / "脚本导出.xlsx")
    wizard = make_wizard(qtbot)
    choose_file(qtbot, wizard, path, monkeypatch)
    to_preview(qtbot, wizard)
    first = wizard.preview_step.problem_list.item(0).text()
    assert first.startswith("第 2 行，“预计金额”列：") and first.endswith(
        "'=1200*100' 是没有保存计算结果的公式，请在 Excel 或 WPS 中打开该文件并重新保存。"
    ), first


def test_choosing_another_kind_maps_the_columns_again(
    qtbot: QtBot, populated_db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [["客户名称", "姓名", "职务", "手机"], ["上海华东精密机械", "周强", "采购经理", "13700001111"]]
    path = write_csv(tmp_path / "联系人.csv", rows)
    wizard = make_wizard(qtbot)
    choose_file(qtbot, wizard, path, monkeypatch)
    wizard.source_step.set_kind("contacts")
    wait_idle(qtbot, wizard)
    wizard.next_button.click()
    assert wizard.mapping_step.mapping() == {0: "client", 1: "name", 2: "title", 3: "phone"}
    wizard.next_button.click()
    wait_idle(qtbot, wizard)
    assert "Create: <b>1</b>" in wizard.preview_step.counts_label.text()
    assert cell(wizard, 2, "Job title") == "采购经理"


def test_closing_during_the_import_waits_for_the_cancel_and_writes_nothing(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_crm.importing import pipeline

    path = write_csv(tmp_path / "a.csv", [HEADERS, *ROWS])
    real = pipeline.run_import
    reached, release = threading.Event(), threading.Event()

    def held(kind: str, table: Any, mapping: Any, on_duplicate: str = "skip", progress: Any = None) -> Any:
        def gate(done: int, total: int) -> Any:
            if done > 0 and not reached.is_set():
                reached.set()
                release.wait(10)
            return progress(done, total)

        return real(kind, table, mapping, on_duplicate, progress=gate)

    monkeypatch.setattr(pipeline, "run_import", held)
    wizard = make_wizard(qtbot)
    finished: list[int] = []
    wizard.finished.connect(finished.append)
    choose_file(qtbot, wizard, path, monkeypatch)
    to_preview(qtbot, wizard)
    wizard.import_button.click()
    qtbot.waitUntil(reached.is_set, timeout=20_000)
    wizard.reject()  # Escape or the window's close button
    assert wizard.isVisible() and finished == []
    assert wizard.busy_label.text() == "Cancelling…"
    release.set()
    qtbot.waitUntil(lambda: finished == [QDialog.DialogCode.Rejected.value], timeout=20_000)
    assert client_names(db_path) == ["Acme GmbH", "上海华东精密机械", "北京中科信息"]


def test_back_after_a_cancelled_import_allows_importing_again(
    qtbot: QtBot, populated_db: object, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "a.csv", [HEADERS, *ROWS])
    wizard = make_wizard(qtbot)
    choose_file(qtbot, wizard, path, monkeypatch)
    to_preview(qtbot, wizard)
    wizard.import_button.click()
    wizard.cancel_button.click()  # before the worker even starts
    wait_idle(qtbot, wizard)
    assert wizard.result_title.text() == "Import cancelled"
    wizard.back_button.click()
    assert wizard.step == PREVIEW and wizard.import_button.isEnabled()
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20_000)
    assert len(client_names(db_path)) == 6

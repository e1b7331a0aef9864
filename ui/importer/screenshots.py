"""``--screenshots``: the import wizard's mapping and check steps (``import_mapping.png``,
``import_preview.png``) over a realistic file: a GBK CSV with Chinese headers for the Chinese interface,
a semicolon-separated English CRM export for the English one. Nothing is imported."""

from __future__ import annotations

import csv
import io
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication

from .wizard import MAPPING, PREVIEW, ImportWizard

CHINESE_ROWS = [
    ["客户名称", "客户级别", "客户状态", "手机", "联系人", "下次联系时间", "预计金额", "所属行业", "备注"],
    [
        "杭州西湖电子科技有限公司",
        "A（重点客户）",
        "潜在客户",
        "13800138000",
        "张伟",
        "2026/3/9",
        "￥120,000.00",
        "电子制造",
        "老客户介绍",
    ],
    ["苏州工业园区精工机械", "B", "", "0512-66889900", "李娜", "2026年3月12日", "80000", "机械", ""],
    [
        "深圳南山云联网络",
        "S（超大客户）",
        "",
        "13912345678",
        "王芳",
        "2026-03-15",
        "15,000",
        "互联网",
        "展会认识",
    ],
    ["成都天府软件园创新中心", "A", "", "028-85551234", "刘洋", "3/20/2026", "￥300,000", "软件", ""],
    [
        "武汉光谷智能装备",
        "C（小单）",
        "",
        "027-87654321",
        "陈静",
        "2026-04-01",
        "不详",
        "装备制造",
        "价格敏感",
    ],
    ["南京江北新材料", "B（普通客户）", "", "025-58881234", "赵磊", "2026/4/8", "60,000", "新材料", ""],
]
ENGLISH_ROWS = [
    [
        "Company Name",
        "First Name",
        "Last Name",
        "Phone Number",
        "Industry",
        "City",
        "Grade",
        "Next contact",
        "Annual Revenue",
    ],
    [
        "Northwind Traders",
        "Anna",
        "Berg",
        "+1 206 555 0100",
        "Wholesale",
        "Seattle",
        "A",
        "2026-03-09",
        "$120,000.00",
    ],
    ["Contoso Ltd", "Ben", "Miller", "+44 20 7946 0958", "Software", "London", "B", "3/12/2026", "80,000"],
    [
        "Fabrikam Inc",
        "Chloe",
        "Nguyen",
        "+1 415 555 0199",
        "Manufacturing",
        "San Francisco",
        "Gold",
        "2026-03-15",
        "15000",
    ],
    ["Adventure Works", "David", "Okafor", "+234 1 555 0142", "Retail", "Lagos", "C", "2026-03-20", "n/a"],
    ["Tailspin Toys", "Emma", "Rossi", "+39 02 5555 0123", "Retail", "Milan", "B", "2026-04-01", "42,500"],
]


def sample_file(folder: Path, chinese: bool) -> Path:
    buffer = io.StringIO()
    if chinese:
        csv.writer(buffer, lineterminator="\r\n").writerows(CHINESE_ROWS)
        path = folder / "客户名单.csv"
        path.write_bytes(buffer.getvalue().encode("gbk"))
    else:
        csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(ENGLISH_ROWS)
        path = folder / "hubspot-companies.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _wait(app: QApplication, wizard: ImportWizard, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    for _ in range(3):
        app.processEvents()
    while wizard.busy and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def render_import_screenshots(app: QApplication, target: Path, size: tuple[int, int]) -> list[str]:
    """Write ``import_mapping.png`` and ``import_preview.png`` to ``target``; returns the failures."""
    failures: list[str] = []
    chinese = QLocale().language() == QLocale.Language.Chinese
    with tempfile.TemporaryDirectory(prefix="crm-import-shots-") as folder:
        wizard = ImportWizard(None, "clients")
        wizard.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        wizard.resize(*size)
        wizard.show()
        wizard.open_file(str(sample_file(Path(folder), chinese)))
        _wait(app, wizard)
        shots = (("import_mapping", MAPPING), ("import_preview", PREVIEW))
        for name, step in shots:
            if step == MAPPING:
                wizard.next_button.click()
            else:
                wizard.next_button.click()
                _wait(app, wizard)
                wizard.preview_step.view.resizeColumnsToContents()
            _wait(app, wizard)
            if wizard.step != step:
                failures.append(f"{name}: the wizard did not reach the step")
                continue
            path = target / f"{name}.png"
            if not wizard.grab().save(str(path), "PNG"):
                failures.append(f"could not write {path}")
        wizard.close()
        wizard.deleteLater()
        app.processEvents()
    return failures

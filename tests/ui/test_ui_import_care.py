"""The import wizard offers referrals (转介绍) and dossier notes (客户雷达记录): a broken rule is named at its
row and column, a clean file is imported; File → Export lists the new kinds and the attachment list."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from test_ui_import import choose_file, make_wizard, to_preview, write_csv

from desktop_crm.models.care import DossierNote, Referral


def _problems(wizard: object) -> list[str]:
    listing = wizard.preview_step.problem_list  # type: ignore[attr-defined]
    return [listing.item(i).text() for i in range(listing.count())]


def test_the_kind_list_offers_the_new_kinds(qtbot: QtBot, populated_db: object) -> None:
    wizard = make_wizard(qtbot)
    combo = wizard.source_step.kind_combo
    kinds = [combo.itemData(i) for i in range(combo.count())]
    assert kinds == [
        "clients",
        "contacts",
        "follow-ups",
        "opportunities",
        "contracts",
        "payment-plans",
        "payments",
        "service-records",
        "referrals",
        "dossier-notes",
    ]
    assert combo.itemText(kinds.index("payment-plans")) == "Payment plans"
    assert [combo.itemText(i) for i in range(combo.count())][-2:] == ["Referrals", "Dossier notes"]


def test_referrals_are_checked_and_imported_in_the_wizard(
    qtbot: QtBot, populated_db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = ["客户名称", "介绍人", "承诺奖励", "承诺奖励金额"]
    rows = [["Acme GmbH", "Acme GmbH", "购物卡", "500"], ["北京中科信息", "上海华东精密机械", "", ""]]
    wizard = make_wizard(qtbot, "referrals")
    choose_file(qtbot, wizard, write_csv(tmp_path / "转介绍.csv", [headers, *rows]), monkeypatch)
    to_preview(qtbot, wizard)
    assert not wizard.import_button.isEnabled()
    assert _problems(wizard) == ['Row 2, column "介绍人": A client cannot be its own referrer.']

    rows[0][1] = "北京中科信息"
    wizard = make_wizard(qtbot, "referrals")
    choose_file(qtbot, wizard, write_csv(tmp_path / "转介绍2.csv", [headers, *rows]), monkeypatch)
    to_preview(qtbot, wizard)
    assert wizard.import_button.isEnabled()
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20_000)
    assert wizard.result_label.text() == "Referrals: 2 created, 0 updated, 0 skipped."
    assert sorted(r.reward_promised_cents or 0 for r in Referral.select()) == [0, 50_000]


def test_dossier_notes_are_imported_in_the_wizard(
    qtbot: QtBot, populated_db: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    headers = ["Client", "Date", "Source", "Note"]
    rows = [["Acme GmbH", "2026-01-05", "Handelsblatt", "New plant opened"]]
    wizard = make_wizard(qtbot, "dossier-notes")
    choose_file(qtbot, wizard, write_csv(tmp_path / "notes.csv", [headers, *rows]), monkeypatch)
    to_preview(qtbot, wizard)
    wizard.import_button.click()
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20_000)
    assert wizard.result_label.text() == "Dossier notes: 1 created, 0 updated, 0 skipped."
    assert [n.source for n in DossierNote.select()] == ["Handelsblatt"]


def test_file_menu_exports_the_new_kinds(qtbot: QtBot, populated_db: object, db_path: Path) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(db_path, "en")
    qtbot.addWidget(window)
    texts = [a.text().replace("&", "") for a in window.export_menu.actions() if a.text()]
    assert {"Referrals…", "Dossier notes…", "Attachment list…"} <= set(texts)

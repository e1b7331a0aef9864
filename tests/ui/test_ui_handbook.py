"""The performance handbook page (绩效手册): the first edition on the first visit, search, add / edit /
delete / move through the dialogs, and KPI links from the dashboard landing on their entry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_crm import clock
from desktop_crm.handbook_seed import SEED
from desktop_crm.services.handbook import add_entry, delete_entry, entries, entry_for_key
from ui import fmt, i18n, prompts
from ui.main_window import MainWindow
from ui.pages.handbook import HandbookPage
from ui.pages.handbook.dialog import HandbookEntryDialog


@dataclass
class DialogDriver:
    """Stands in for ``prompts.run_modal``: fills each entry dialog with the next filler and presses
    Save (its result: accepted or still open); answers message boxes from ``answers`` (default No)."""

    fillers: list[Callable[[HandbookEntryDialog], None]] = field(default_factory=list)
    answers: list[int] = field(default_factory=list)
    dialogs: list[HandbookEntryDialog] = field(default_factory=list)
    boxes: list[str] = field(default_factory=list)

    def __call__(self, dialog: QDialog) -> int:
        if isinstance(dialog, HandbookEntryDialog):
            self.dialogs.append(dialog)
            self.fillers.pop(0)(dialog)
            dialog.accept()
            return int(dialog.result())
        assert isinstance(dialog, QMessageBox)
        self.boxes.append(dialog.text())
        return self.answers.pop(0) if self.answers else QMessageBox.StandardButton.No.value


@pytest.fixture
def driver(monkeypatch: pytest.MonkeyPatch) -> DialogDriver:
    fake = DialogDriver()
    monkeypatch.setattr(prompts, "run_modal", fake)
    return fake


@pytest.fixture
def page(qtbot: QtBot, db: object) -> HandbookPage:
    widget = HandbookPage()
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    widget.refresh()
    return widget


def questions(page: HandbookPage) -> list[str]:
    return [page.list.topLevelItem(i).text(0) for i in range(page.list.topLevelItemCount())]


def shown(page: HandbookPage) -> str:
    return page.question_label.text() if page.question_label.isVisible() else ""


def test_first_visit_fills_the_handbook_in_the_interface_language(page: HandbookPage) -> None:
    assert page.title_label.text() == "Handbook"
    assert questions(page) == [entry.en.question for entry in SEED]
    kinds = {page.list.topLevelItem(i).text(1) for i in range(page.list.topLevelItemCount())}
    assert kinds == {"Role", "Scoring rule", "KPI"}
    assert shown(page) == "What is a salesperson judged on? (job description)"
    assert page.topic_label.text() == "Role · Salesperson"
    assert page.revised_label.text() == f"Revised on {fmt.short_date(clock.today())}"
    assert "collected amount" in page.answer_view.toPlainText()
    assert not page.up_button.isEnabled() and page.down_button.isEnabled()
    page.refresh()  # a second visit adds nothing
    assert page.list.topLevelItemCount() == len(SEED)


def test_choosing_a_question_shows_its_answer(qtbot: QtBot, page: HandbookPage) -> None:
    row = next(i for i in range(len(SEED)) if SEED[i].key == "conversion_rate")
    page.list.setCurrentItem(page.list.topLevelItem(row))
    assert shown(page) == "How is the conversion rate worked out?"
    assert page.topic_label.text() == "KPI · Conversion rate"
    assert "share whose first contract is signed before the period ends" in page.answer_view.toPlainText()


def test_search_filters_questions_and_answers(page: HandbookPage) -> None:
    page.search_edit.setText("model worker")
    assert questions(page) == [
        "What is a salesperson judged on? (job description)",
        "Why do many follow-ups not raise my score?",
    ]
    assert not page.up_button.isEnabled() and not page.down_button.isEnabled()
    page.search_edit.setText("劳模")  # Chinese words inside the English edition
    assert len(questions(page)) == 2
    page.search_edit.setText("承兑汇票")
    assert questions(page) == []
    assert page.empty_label.text() == "No question or answer contains “承兑汇票”."
    assert not page.seed_button.isVisible() and not page.edit_button.isEnabled()
    page.search_edit.setText("")
    assert len(questions(page)) == len(SEED)


def test_add_edit_delete_and_move_through_the_dialogs(page: HandbookPage, driver: DialogDriver) -> None:
    def empty_question(dialog: HandbookEntryDialog) -> None:
        dialog.question_edit.setText("   ")

    driver.fillers.append(empty_question)
    page.add_button.click()
    assert driver.dialogs[0].error_text("question") == "Question is required."
    assert len(entries()) == len(SEED)

    def new_entry(dialog: HandbookEntryDialog) -> None:
        assert dialog.windowTitle() == "New handbook entry"
        dialog.question_edit.setText("承兑汇票按哪天算回款？")
        dialog.answer_edit.setPlainText("按收到汇票的日期计。\n\n- 电子汇票：签收日\n- 纸质汇票：收票日")
        dialog.topic_combo.setCurrentIndex(dialog.topic_combo.findData("collected_amount_cents"))

    driver.fillers.append(new_entry)
    page.add_button.click()
    assert questions(page)[-1] == "承兑汇票按哪天算回款？"
    assert shown(page) == "承兑汇票按哪天算回款？"
    assert page.topic_label.text() == "KPI · Collected amount"
    assert "电子汇票：签收日" in page.answer_view.toPlainText()
    assert not page.down_button.isEnabled()

    page.up_button.click()
    assert questions(page)[-2] == "承兑汇票按哪天算回款？"
    assert shown(page) == "承兑汇票按哪天算回款？"
    page.down_button.click()
    assert questions(page)[-1] == "承兑汇票按哪天算回款？"

    def edit_entry(dialog: HandbookEntryDialog) -> None:
        assert dialog.windowTitle() == "Edit handbook entry"
        assert dialog.topic_combo.currentData() == "collected_amount_cents"
        dialog.question_edit.setText("银行承兑汇票按哪天算回款？")
        dialog.topic_combo.setCurrentIndex(0)

    driver.fillers.append(edit_entry)
    page.edit_button.click()
    assert shown(page) == "银行承兑汇票按哪天算回款？"
    assert not page.topic_label.isVisible()
    assert entries()[-1].key == ""

    page.delete_button.click()  # the driver answers No
    assert driver.boxes == ["Delete the question “银行承兑汇票按哪天算回款？” and its answer?"]
    assert len(entries()) == len(SEED) + 1
    driver.answers.append(QMessageBox.StandardButton.Yes.value)
    page.delete_button.click()
    assert len(entries()) == len(SEED)
    assert "银行承兑汇票按哪天算回款？" not in questions(page)
    assert shown(page) == SEED[-1].en.question  # the neighbour is selected


def test_an_emptied_handbook_offers_the_first_edition(page: HandbookPage) -> None:
    for item in entries():
        delete_entry(item.id)
    page.refresh()  # not refilled behind the user's back
    assert questions(page) == []
    assert page.empty_label.text().startswith("The handbook is empty.")
    assert page.seed_button.isVisible()
    page.seed_button.click()
    assert len(questions(page)) == len(SEED)


def make_window(qtbot: QtBot, db_path: Path, lang: str = "en") -> MainWindow:
    window = MainWindow(db_path, lang)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_kpi_link_on_the_dashboard_opens_its_entry(qtbot: QtBot, db: object, db_path: Path) -> None:
    add_entry("Who counts the signed amount?", "The client's owner.", "signed_amount_cents")
    window = make_window(qtbot, db_path)
    window.show_page([p.key for p in window.pages].index("dashboard"))
    dashboard = window.page("dashboard")
    caption = dashboard.signed_card.caption_label
    assert 'href="kpi:signed_amount_cents"' in caption.text()
    caption.linkActivated.emit("kpi:signed_amount_cents")
    handbook = window.page("handbook")
    assert window.current_page is handbook
    assert handbook.selected().key == "signed_amount_cents"
    assert shown(handbook) == "Who counts the signed amount?"
    assert not handbook.notice_label.isVisible()
    # No entry for the collected amount in this handbook: the page says so.
    window.show_page([p.key for p in window.pages].index("dashboard"))
    collected = dashboard.collected_card.caption_label
    assert 'href="kpi:collected_amount_cents"' in collected.text()
    collected.linkActivated.emit("kpi:collected_amount_cents")
    assert window.current_page is handbook
    assert handbook.notice_label.isVisible()
    assert handbook.notice_label.text() == (
        "No handbook entry explains “Collected amount” yet. Use Add… to write one."
    )


def test_add_after_a_missing_link_proposes_that_topic(
    qtbot: QtBot, db: object, db_path: Path, driver: DialogDriver
) -> None:
    add_entry("Our only question")
    window = make_window(qtbot, db_path)
    window.page("dashboard").collected_card.caption_label.linkActivated.emit("kpi:collected_amount_cents")
    handbook = window.page("handbook")
    assert handbook.notice_label.isVisible()

    def answer(dialog: HandbookEntryDialog) -> None:
        assert dialog.topic_combo.currentData() == "collected_amount_cents"
        dialog.question_edit.setText("How is the collected amount counted?")

    driver.fillers.append(answer)
    handbook.add_button.click()
    assert not handbook.notice_label.isVisible()
    found = entry_for_key("collected_amount_cents")
    assert found is not None and shown(handbook) == found.question


def test_help_menu_and_chinese_interface(qtbot: QtBot, db: object, db_path: Path) -> None:
    assert i18n.install_translators(QApplication.instance(), "zh_CN")
    window = make_window(qtbot, db_path, "zh_CN")
    window._on_handbook_action_triggered()
    handbook = window.page("handbook")
    assert window.current_page is handbook
    assert handbook.title_label.text() == "绩效手册"
    assert window.nav.item(window.pages.index(handbook)).text() == "绩效手册"
    assert shown(handbook) == "业务员考核什么？（职务说明书）"
    assert handbook.topic_label.text() == "岗位 · 业务员"
    assert handbook.revised_label.text().startswith("修订于 ")
    assert handbook.add_button.text() == "添加…"
    handbook.search_edit.setText("回款")
    assert all("回款" in item.question or "回款" in item.answer for item in handbook.items)
    assert "回款额按哪天算？" in questions(handbook)

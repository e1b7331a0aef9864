"""The one money input and the one date input (issue 13 items 4 and 5): typed in the user's locale, exact
cents, a negative amount refused at the field, a typed 4-digit year kept, the payment dialog proposing
what is owed on the next instalment, and a refusal message that never squashes its field."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QWidget
from pytestqt.qtbot import QtBot

from desktop_crm.errors import ValidationError
from desktop_crm.models import Client, Opportunity, User
from desktop_crm.services.deal_forms import OpportunityInput, save_opportunity
from desktop_crm.services.deals import close_opportunity, create_contract, create_opportunity
from desktop_crm.services.payments import record_payment, set_payment_plan
from ui.inputs import DateEdit, DateTimeEdit, InputProblem, MoneyEdit
from ui.pages.clients.editor import ClientEditorDialog
from ui.pages.deals import OpportunityDialog, PaymentDialog


@pytest.fixture
def locale() -> Iterator[object]:
    """Set the default locale in a test; the previous one comes back afterwards."""
    before = QLocale()

    def use(name: str) -> None:
        QLocale.setDefault(QLocale(name))

    yield use
    QLocale.setDefault(before)


@pytest.fixture
def client_id(db: object) -> int:
    owner = User.create(name="王晓明", role="salesperson")
    return int(Client.create(name="上海华东精密机械", owner=owner).id)


def _money(qtbot: QtBot, **options: object) -> MoneyEdit:
    edit = MoneyEdit(None, **options)  # type: ignore[arg-type]
    qtbot.addWidget(edit)
    return edit


def _typed(edit: MoneyEdit, text: str) -> int | None:
    edit.setText(text)
    return edit.cents()


def test_english_amounts_are_read_exactly_and_shown_grouped(qtbot: QtBot, locale) -> None:
    locale("en_US")
    edit = _money(qtbot)
    assert _typed(edit, "1,234.56") == 123_456
    assert _typed(edit, "1234.56") == 123_456
    assert _typed(edit, "0.29") == 29  # 0.29 * 100 is 28.999… as a float
    assert _typed(edit, " ¥1,234,567.80 ") == 123_456_780
    assert _typed(edit, "$ 12.") == 1_200 and _typed(edit, ".5") == 50
    assert _typed(edit, "") is None
    edit.setText("1234567.8")
    edit.editingFinished.emit()  # leaving the field shows the amount in the locale
    assert edit.text() == "1,234,567.80"
    edit.set_cents(5)
    assert edit.text() == "0.05" and edit.cents() == 5
    assert edit.alignment() & Qt.AlignmentFlag.AlignRight


def test_chinese_locale_takes_full_width_digits(qtbot: QtBot, locale) -> None:
    locale("zh_CN")
    edit = _money(qtbot)
    assert _typed(edit, "１２３") == 12_300
    assert _typed(edit, "￥１，２３４．５") == 123_450
    assert _typed(edit, "5,000 元") == 500_000
    edit.set_cents(123_456_789)
    assert edit.text() == QLocale().toString(1_234_567.89, "f", 2) == "1,234,567.89"


def test_german_locale_uses_its_decimal_comma(qtbot: QtBot, locale) -> None:
    locale("de_DE")
    edit = _money(qtbot)
    assert _typed(edit, "1234,56") == 123_456
    assert _typed(edit, "1.234,56") == 123_456
    edit.set_cents(123_456)
    assert edit.text() == "1.234,56"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("-5", InputProblem.NEGATIVE),
        ("1,2.3.4", InputProblem.NOT_A_NUMBER),
        ("1234,56", InputProblem.NOT_A_NUMBER),  # a comma is no decimal point in English: refused, not 123456
        ("abc", InputProblem.NOT_A_NUMBER),
        ("1.234", InputProblem.TOO_MANY_DECIMALS),
        ("100000000000000000000", InputProblem.TOO_LARGE),
    ],
)
def test_refused_texts_say_why(qtbot: QtBot, locale, text: str, kind: str) -> None:
    locale("en_US")
    edit = _money(qtbot, field="amount")
    edit.setText(text)
    with pytest.raises(InputProblem) as refused:
        edit.cents()
    assert refused.value.kind == kind and refused.value.field == "amount" and refused.value.message


def test_negative_allowed_only_when_asked(qtbot: QtBot, locale) -> None:
    locale("en_US")
    assert _typed(_money(qtbot, allow_negative=True), "-1,250.50") == -125_050


def test_a_negative_opportunity_amount_is_refused_at_the_field(qtbot: QtBot, client_id: int, locale) -> None:
    locale("en_US")
    dialog = OpportunityDialog(None, client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.name_edit.setText("ERP")
    qtbot.keyClicks(dialog.amount_edit, "-5")
    error = dialog.errors["expected_amount_cents"]
    assert error.isVisible() and error.text() == "Enter an amount of 0 or more."  # told while typing
    assert dialog.amount_edit.text() == "-5"  # kept as typed, not clamped to 0
    dialog.accept()
    assert dialog.isVisible() and error.isVisible()
    assert Opportunity.select().count() == 0  # nothing saved (before: saved as 0.00)
    dialog.amount_edit.selectAll()
    qtbot.keyClicks(dialog.amount_edit, "5")
    assert not error.isVisible()
    dialog.accept()
    assert [o.expected_amount_cents for o in Opportunity.select()] == [500]


def test_the_service_refuses_a_negative_opportunity_amount(client_id: int) -> None:
    data = OpportunityInput(client_id=client_id, owner_id=None, stage="initial", probability=10, roles={},
                            name="ERP", expected_amount_cents=-500, expected_close_date=None, competitor="",
                            notes="")  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        save_opportunity(None, data)
    assert (refused.value.code, refused.value.field) == ("negative", "expected_amount_cents")
    assert Opportunity.select().count() == 0


def _type_year(qtbot: QtBot, edit: QDateTimeEdit, year: str) -> None:
    edit.show()
    qtbot.waitExposed(edit)
    edit.activateWindow()
    edit.setFocus()
    edit.setSelectedSection(QDateTimeEdit.Section.YearSection)  # as a click on the year does
    qtbot.keyClicks(edit, year)
    edit.interpretText()


@pytest.mark.parametrize("name", ["en_US", "zh_CN", "de_DE"])
def test_a_typed_year_is_kept(qtbot: QtBot, locale, name: str) -> None:
    locale(name)
    edit = DateEdit(None, date(2026, 5, 4))
    qtbot.addWidget(edit)
    assert "yyyy" in edit.displayFormat()
    _type_year(qtbot, edit, "2031")
    assert edit.day() == date(2031, 5, 4)
    assert edit.minimumDate() <= QDate(1900, 1, 1) and edit.maximumDate() >= QDate(9999, 1, 1)


def test_a_typed_year_is_kept_in_a_date_time(qtbot: QtBot, locale) -> None:
    locale("en_US")
    edit = DateTimeEdit(None, datetime(2026, 5, 4, 9, 30))
    qtbot.addWidget(edit)
    assert "yyyy" in edit.displayFormat()
    _type_year(qtbot, edit, "2031")
    assert edit.value() == datetime(2031, 5, 4, 9, 30)


def _contract(client_id: int, amount: int) -> int:
    opp = close_opportunity(create_opportunity(client_id, "二期扩容", expected_amount_cents=amount), True)
    return int(create_contract(client_id, amount, date(2026, 1, 5), opp).id)


def test_payment_dialog_proposes_what_is_owed_on_the_next_instalment(
    qtbot: QtBot, client_id: int, locale
) -> None:
    locale("en_US")
    contract = _contract(client_id, 9_000_00)
    first, _second, _third = set_payment_plan(
        contract, [("2026-02-01", 3_000_00), ("2026-03-01", 3_000_00), ("2026-04-01", 3_000_00)]
    )
    record_payment(contract, 1_000_00, "2026-02-01", instalment_id=first.id)
    dialog = PaymentDialog(None, contract)
    qtbot.addWidget(dialog)
    assert dialog.amount_edit.cents() == 2_000_00  # not the contract's 9,000.00 nor its 8,000.00 owed
    assert dialog.amount_edit.text() == "2,000.00"
    assert dialog.owed_label.text() == "2,000.00 on the next instalment #1 (8,000.00 on the contract)"
    dialog.accept()
    record_payment(contract, 6_000_00, "2026-03-01")
    paid = PaymentDialog(None, contract)
    qtbot.addWidget(paid)
    assert paid.amount_edit.text() == "" and paid.owed_label.text() == "Nothing is owed on this contract"


def _fully_visible(label: QWidget) -> bool:
    return label.isVisible() and label.height() >= label.heightForWidth(label.width())


LONG = "This amount cannot be saved because " + "the reason is explained at length, " * 10 + "really."


def test_a_long_refusal_does_not_squash_the_deal_field(qtbot: QtBot, client_id: int) -> None:
    dialog = OpportunityDialog(None, client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.resize(dialog.minimumSizeHint())
    QApplication.processEvents()
    before, height = dialog.amount_edit.size(), dialog.height()
    dialog.show_error("expected_amount_cents", LONG)
    dialog.show_error("name", LONG)
    qtbot.waitUntil(lambda: _fully_visible(dialog.errors["expected_amount_cents"]))
    assert dialog.amount_edit.size() == before and dialog.name_edit.size().height() == before.height()
    assert _fully_visible(dialog.errors["name"]) and dialog.height() > height  # the dialog grew instead


def test_a_long_refusal_does_not_squash_the_client_editor_field(qtbot: QtBot, db: object) -> None:
    dialog = ClientEditorDialog(None, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(1)
    QApplication.processEvents()
    box = dialog.boxes["expected_amount_cents"]
    before = dialog.amount_edit.size()
    box.show_error(LONG)
    qtbot.waitUntil(lambda: _fully_visible(box.error_label))
    assert dialog.amount_edit.size() == before

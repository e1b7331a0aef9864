"""The interface translates the core's errors by their code, never by their English text."""

from __future__ import annotations

import string
import xml.etree.ElementTree as ET
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from desktop_crm import errors as core_errors
from desktop_crm.errors import NotFoundError, ValidationError
from desktop_crm.messages import LABELS, MESSAGES
from desktop_crm.models import Client, Contract, FollowUp, Payment, PaymentInstalment, User, now
from desktop_crm.services.clients import create_client
from desktop_crm.services.deals import close_opportunity, create_contract, create_opportunity
from desktop_crm.services.payments import record_payment
from desktop_crm.services.stakeholders import create_contact
from ui import i18n
from ui.errors import error_text, input_error
from ui.service_text import LABELS as GENERATED_LABELS
from ui.service_text import TEMPLATES

ACCEPTED = QDialog.DialogCode.Accepted.value


@pytest.fixture
def chinese(qapp: QApplication) -> object:
    i18n.install_translators(qapp, "zh_CN")
    yield qapp
    i18n.remove_translators(qapp)


@pytest.fixture
def no_english(monkeypatch: pytest.MonkeyPatch) -> None:
    """Errors raised from now on carry no English sentence: whatever the interface shows comes from the
    code and the parameters alone (so no dialog can be matching the English text)."""
    monkeypatch.setattr(core_errors, "render", lambda code, params: "<withheld>")


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
    with pytest.raises(NotFoundError) as missing:
        record_payment(999, 100, "2026-01-01")
    assert error_text(missing.value) == "合同 #999 不存在。"


def test_translation_does_not_read_the_english_sentence(
    db: object, chinese: object, no_english: None
) -> None:
    with pytest.raises(ValidationError) as info:
        create_client("甲", short_name="x" * 101)
    assert info.value.message == "<withheld>"
    assert error_text(info.value) == "简称太长（101 个字符，最多 100 个）。"


def test_money_and_dates_are_shown_in_the_interface_format(chinese: object) -> None:
    overpaid = ValidationError("payment.overpaid", "amount_cents", amount_cents=1_234_550, owed_cents=100_000)
    assert error_text(overpaid) == "金额：12,345.50 超过本合同尚欠的 1,000.00；确认后才能登记超额回款。"
    due = datetime(2026, 3, 9, 14, 30)
    late = ValidationError("followup.due_in_past", "due_at", due=due)
    assert "2026" in error_text(late) and "14:30" in error_text(late) and "已过去" in error_text(late)


def test_english_interface_shows_the_english_sentence(db: object) -> None:
    with pytest.raises(NotFoundError) as info:
        record_payment(999, 100, "2026-01-01")
    assert error_text(info.value) == str(info.value) == "Contract #999 does not exist."
    overpaid = ValidationError("payment.overpaid", "amount_cents", amount_cents=150_000, owed_cents=1_000)
    assert error_text(overpaid) == str(overpaid)


def test_the_interfaces_own_refusals_and_other_errors_pass_through(chinese: object) -> None:
    assert error_text(input_error("请输入名称。", "name")) == "请输入名称。"
    assert input_error("请输入名称。", "name").field == "name"
    assert error_text(RuntimeError("boom")) == "boom"
    assert error_text(OSError(28, "No space left on device")) == "[Errno 28] No space left on device"


def _finished_translations() -> dict[tuple[str, str], str]:
    found = {}
    for context in ET.parse(i18n.ts_path("zh_CN")).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            if (translation.text or "").strip():
                found[(name, message.findtext("source", ""))] = translation.text or ""
    return found


def _fields(text: str) -> list[str]:
    return sorted(
        "{" + name + ("!" + conv if conv else "") + "}"
        for _literal, name, _spec, conv in string.Formatter().parse(text)
        if name is not None
    )


def test_every_code_and_label_has_a_chinese_translation() -> None:
    translations = _finished_translations()
    untranslated = [code for code, text in MESSAGES.items() if ("ServiceErrors", text) not in translations]
    assert untranslated == []
    damaged = [
        code
        for code, text in MESSAGES.items()
        if _fields(translations[("ServiceErrors", text)]) != _fields(text)
    ]
    assert damaged == []
    assert [label for label in LABELS if ("ServiceLabels", label) not in translations] == []


def test_the_generated_templates_are_current() -> None:
    """tools/extract_service_messages.py has been run after the catalogue changed."""
    assert TEMPLATES == MESSAGES
    assert sorted(GENERATED_LABELS) == sorted(set(LABELS))


# --- the dialogs show their field errors by code, in Chinese -----------------------------------------


@pytest.fixture
def client_id(db: object) -> int:
    owner = User.create(name="王晓明", role="salesperson")
    return Client.create(name="上海华东精密机械", owner=owner).id


def test_contract_dialog(qtbot: QtBot, client_id: int, chinese: object, no_english: None) -> None:
    from ui.pages.deals import ContractDialog

    open_opp = create_opportunity(client_id, "Open")
    dialog = ContractDialog(None, open_opp.id)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.error_text("opportunity_id") == "合同须由赢单的商机创建：请先将此商机关闭为赢单。"
    won = close_opportunity(create_opportunity(client_id, "Won"), True)
    create_contract(client_id, 1_000, date(2026, 1, 5), won.id)
    again = ContractDialog(None, won.id)
    qtbot.addWidget(again)
    again.accept()
    assert again.error_text("opportunity_id") == "此商机已有合同。"
    assert Contract.select().count() == 1


def test_payment_dialog(qtbot: QtBot, client_id: int, chinese: object, no_english: None) -> None:
    from ui.pages.deals import PaymentDialog

    won = close_opportunity(create_opportunity(client_id, "Won"), True)
    contract = create_contract(client_id, 100_000, date(2026, 1, 5), won.id)
    dialog = PaymentDialog(None, contract.id)
    qtbot.addWidget(dialog)
    dialog.amount_edit.set_cents(0)
    dialog.accept()
    assert dialog.error_text("amount_cents") == "请输入回款金额。"
    assert Payment.select().count() == 0


def test_plan_dialog(qtbot: QtBot, client_id: int, chinese: object, no_english: None) -> None:
    from ui.pages.deals import PaymentPlanDialog

    won = close_opportunity(create_opportunity(client_id, "Won"), True)
    contract = create_contract(client_id, 1_000_000, date(2026, 1, 5), won.id)
    dialog = PaymentPlanDialog(None, contract.id)
    qtbot.addWidget(dialog)
    dialog.split(3, date(2026, 2, 10))
    dialog.table.cellWidget(2, 0).set_date(date(2026, 3, 10))  # the same day as the second
    dialog.accept()
    assert dialog.error_text("due_date") == "两期的计划日期相同：请修改日期或合并。"
    dialog.table.cellWidget(2, 0).set_date(date(2026, 4, 10))
    dialog.table.cellWidget(2, 1).set_cents(900_000)
    dialog.accept()
    assert dialog.error_text("amount_cents") == "回款计划总额超过合同金额。"
    assert PaymentInstalment.select().count() == 0


def test_follow_up_dialog(qtbot: QtBot, client_id: int, chinese: object, no_english: None) -> None:
    from ui.pages.followups.dialog import FollowUpDialog

    dialog = FollowUpDialog(None, client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.summary_edit.setPlainText("电话沟通")
    dialog.next_step.set_bucket("exact")
    dialog.next_step.exact_edit.setDateTime(now() - timedelta(days=1))
    dialog.accept()
    error = dialog.errors["due_at"]
    assert not error.isHidden() and error.text() == "该时间已经过去：请选择更晚的时间。"
    assert FollowUp.select().count() == 0


def test_today_reschedule_dialog(qtbot: QtBot, chinese: object, no_english: None) -> None:
    from ui.pages.today.dialogs import RescheduleDialog, refusal_text

    moment = datetime(2026, 11, 18, 10, 0)
    saved: list[datetime] = []
    dialog = RescheduleDialog(None, "华夏机械", "电话确认报价单", moment, moment, saved.append)
    qtbot.addWidget(dialog)
    dialog.set_due_at(moment - timedelta(days=1))
    dialog.accept()
    assert dialog.error_label.text() == "该时间已经过去，请选择现在之后的时间。" and saved == []
    # the service's refusal of a past time reads the same
    service_refusal = ValidationError("followup.due_in_past", "due_at", due=moment)
    assert refusal_text(service_refusal) == "该时间已经过去，请选择现在之后的时间。"


def test_contact_dialog(qtbot: QtBot, client_id: int, chinese: object, no_english: None) -> None:
    from ui.pages.clients.contact_dialog import ContactDialog

    dialog = ContactDialog(client_id)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("  ")
    dialog.accept()
    assert dialog.errors["name"].text() == "请输入联系人姓名。" and dialog.result() != ACCEPTED
    boss = create_contact(client_id, "Boss")
    report = create_contact(client_id, "Report", reports_to_id=boss.id)
    edit = ContactDialog(client_id, boss.id)
    qtbot.addWidget(edit)
    edit.boss_combo.setCurrentIndex(edit.boss_combo.findData(report.id))
    edit.accept()
    assert edit.errors["reports_to_id"].text() == "这会形成汇报循环：任何人都不能向自己或自己的下属汇报。"


def test_opportunity_dialog_and_a_generic_error_at_its_field(
    qtbot: QtBot, client_id: int, chinese: object, no_english: None
) -> None:
    from ui.pages.deals import OpportunityDialog

    dialog = OpportunityDialog(None, client_id=client_id)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.error_text("name") == "请输入商机名称。"
    Client.update(deleted_at=now()).where(Client.id == client_id).execute()
    dialog.name_edit.setText("迟到的商机")
    dialog.accept()
    assert dialog.error_text("client_id") == "客户“上海华东精密机械”已删除；请先恢复，再关联记录。"


# --- no traceback reaches a user of the window --------------------------------------------------------


def _raised(error: BaseException) -> tuple[type[BaseException], BaseException, object]:
    try:
        raise error
    except BaseException as caught:  # noqa: BLE001 - the hook receives whatever escaped
        return type(caught), caught, caught.__traceback__


def test_an_unhandled_bug_shows_one_sentence_and_logs_the_traceback(
    modal: object, caplog: pytest.LogCaptureFixture
) -> None:
    from ui.app import _gui_excepthook

    kind, value, tb = _raised(KeyError("client_id"))
    with caplog.at_level("ERROR"):
        _gui_excepthook(kind, value, tb)  # type: ignore[arg-type]
    [(_cls, title, text)] = modal.seen  # type: ignore[attr-defined]
    assert title == "Unexpected error" and "Traceback" not in text and "File " not in text
    assert text.startswith("Something went wrong: 'client_id'") and "log file" in text
    assert any(record.exc_info and record.exc_info[1] is value for record in caplog.records)


def test_an_uncaught_domain_error_is_translated_by_its_code(modal: object, chinese: object) -> None:
    from ui.app import _gui_excepthook

    kind, value, tb = _raised(
        ValidationError("payment.overpaid", "amount_cents", amount_cents=500, owed_cents=100)
    )
    _gui_excepthook(kind, value, tb)  # type: ignore[arg-type]
    [(_cls, _title, text)] = modal.seen  # type: ignore[attr-defined]
    assert text == "金额：5.00 超过本合同尚欠的 1.00；确认后才能登记超额回款。"


def test_enum_keys_are_shown_as_their_labels(chinese: object) -> None:
    from desktop_crm.messages import ENUM_PARAMS
    from ui import labels

    for code, params in ENUM_PARAMS.items():
        assert code in MESSAGES and all("{" + name in MESSAGES[code] for name in params), code
        assert all(kind in labels._LABELS for kind in params.values()), code
    split = ValidationError("goal.split_kind", "child_kind", kind="year", child_kind="day")
    assert str(split) == "Split: a year goal cannot be split into day goals."
    assert error_text(split) == "分解：年度目标不能分解为日目标。"
    closed = ValidationError("opportunity.already_closed", "stage", stage="won")
    assert error_text(closed) == "阶段：此商机已关闭（成功）。"

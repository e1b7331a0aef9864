"""Import vCard… on the client hub's contacts: choose a file, see the preview (name, phone, e-mail, title,
problems, duplicates), choose, import; the contacts list refreshes. Cancel writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop_crm.models import Client, Contact, User
from desktop_crm.services.stakeholders import create_contact
from ui import prompts
from ui.pages.clients.hub import ClientHubView
from ui.pages.clients.vcard_dialog import PROBLEM_COLUMN, VCardImportDialog

VCF = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:王伟\r\nTEL;TYPE=CELL:+86 138 0013 8000\r\nTITLE:采购经理\r\n"
    "EMAIL:wangwei@hengda.example\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E6=9D=8E;=E5=A8=9C\r\n"
    "TEL;CELL:139-1234-5678\r\nTITLE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=E6=80=BB=E7=9B=91\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nTEL:021-1234\r\nEND:VCARD\r\n"
)


@pytest.fixture
def client_id(db: object) -> int:
    client = Client.create(name="苏州恒达机械有限公司", owner=User.create(name="王磊"))
    create_contact(client.id, "王伟", phone="138 0013 8000")
    return int(client.id)


def _hub(qtbot, client_id: int) -> ClientHubView:  # type: ignore[no-untyped-def]
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.resize(1280, 720)
    hub.show()
    hub.show_client(client_id)
    return hub


def _cells(dialog: VCardImportDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [str(model.data(model.index(r, c)) or "") for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def _fake_modal(qtbot, act: Callable[[VCardImportDialog], None], seen: dict[str, object]):  # type: ignore[no-untyped-def]
    def run_modal(dialog: QDialog) -> int:
        if isinstance(dialog, QMessageBox):
            seen.setdefault("messages", []).append(dialog.text())  # type: ignore[union-attr]
            return QMessageBox.StandardButton.Ok.value
        assert isinstance(dialog, VCardImportDialog)
        qtbot.waitUntil(lambda: dialog.model.rowCount() > 0 or not dialog.status.isHidden(), timeout=20_000)
        seen["rows"] = _cells(dialog)
        seen["summary"] = dialog.summary.text()
        seen["import_enabled"] = dialog.import_button.isEnabled()
        seen["status"] = dialog.status.text() if not dialog.status.isHidden() else ""
        act(dialog)
        return dialog.result()

    return run_modal


def _vcf(tmp_path: Path, text: str = VCF, encoding: str = "utf-8") -> str:
    path = tmp_path / "contacts.vcf"
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_preview_choose_and_import(qtbot, client_id: int, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    hub = _hub(qtbot, client_id)
    panel = hub.stakeholders.contacts
    assert panel.vcard_button.isVisible() and panel.vcard_button.text() == "Import vCard…"
    path = _vcf(tmp_path)
    monkeypatch.setattr(prompts, "ask_open_path", lambda *args: path)

    def act(dialog: VCardImportDialog) -> None:
        dialog.skip_invalid.setChecked(True)
        assert dialog.import_button.isEnabled()
        dialog.duplicates.setCurrentIndex(dialog.duplicates.findData("update"))
        dialog.import_button.click()
        qtbot.waitUntil(lambda: dialog.result_counts is not None, timeout=20_000)

    seen: dict[str, object] = {}
    monkeypatch.setattr(prompts, "run_modal", _fake_modal(qtbot, act, seen))
    panel.vcard_button.click()

    rows = seen["rows"]
    assert [row[:5] for row in rows] == [  # type: ignore[union-attr]
        ["1", "王伟", "+86 138 0013 8000", "wangwei@hengda.example", "采购经理"],
        ["2", "李娜", "139-1234-5678", "", "总监"],
        ["3", "–", "021-1234", "", ""],
    ]
    checks = [row[PROBLEM_COLUMN] for row in rows]  # type: ignore[union-attr]
    assert checks == ["Same name or phone as 王伟", "New contact", "Card 3 has no name."]
    assert seen["summary"] == "contacts.vcf: cards: 3 · duplicates: 1 · with problems: 1"
    assert seen["import_enabled"] is False  # a card with a problem: nothing until the user chooses
    assert "leave them out" in str(seen["status"])
    assert seen["messages"] == ["Contacts added: 1 · updated: 1 · left out: 1"]
    names = [panel.model.row(r)[0] for r in range(panel.model.rowCount())]
    assert sorted(names) == ["李娜", "王伟"]  # the list refreshed
    assert Contact.get(Contact.name == "王伟").title == "采购经理"


def test_cancel_writes_nothing(qtbot, client_id: int, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    hub = _hub(qtbot, client_id)
    path = _vcf(tmp_path, VCF, "utf-16")
    monkeypatch.setattr(prompts, "ask_open_path", lambda *args: path)
    seen: dict[str, object] = {}
    monkeypatch.setattr(prompts, "run_modal", _fake_modal(qtbot, lambda dialog: dialog.reject(), seen))
    hub.stakeholders.contacts.vcard_button.click()
    assert len(seen["rows"]) == 3  # type: ignore[arg-type]
    assert "messages" not in seen
    assert Contact.select().count() == 1


def test_not_a_vcard_is_explained(qtbot, client_id: int, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    hub = _hub(qtbot, client_id)
    path = _vcf(tmp_path, "客户名称,手机\n苏州恒达,13800000000\n", "gbk")
    monkeypatch.setattr(prompts, "ask_open_path", lambda *args: path)
    seen: dict[str, object] = {}
    monkeypatch.setattr(prompts, "run_modal", _fake_modal(qtbot, lambda dialog: dialog.reject(), seen))
    hub.stakeholders.contacts.vcard_button.click()
    assert seen["rows"] == []
    assert seen["import_enabled"] is False
    assert "holds no contact cards" in str(seen["status"])
    assert seen["summary"] == "contacts.vcf cannot be imported."


def test_choosing_no_file_does_nothing(qtbot, client_id: int, monkeypatch, modal) -> None:  # type: ignore[no-untyped-def]
    hub = _hub(qtbot, client_id)
    monkeypatch.setattr(prompts, "ask_open_path", lambda *args: None)
    hub.stakeholders.contacts.vcard_button.click()
    assert modal.seen == []

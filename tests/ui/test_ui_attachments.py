"""Attachments in the window: the client's tab (file dialog, drag and drop, preview, open, remove + undo,
removed files, delete for good), the follow-up's and the contract's attachments dialogs, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop_crm import attachments as store
from desktop_crm import clock
from desktop_crm.models import Client, Contract, FollowUp, User
from desktop_crm.models.attachments import Attachment
from ui import i18n
from ui.attachments import panel as panel_module
from ui.attachments.panel import AttachmentsDialog, AttachmentsPanel
from ui.pages.clients.hub import ClientHubView
from ui.undo import undo_step


@pytest.fixture
def crm(db: object) -> dict[str, int]:
    user = User.create(name="王晓明")
    client = Client.create(name="上海华东精密机械", owner=user)
    follow_up = FollowUp.create(client=client, user=user, channel="call", happened_at=clock.now())
    contract = Contract.create(
        client=client, title="年度维保合同", amount_cents=100_00, signed_on=clock.today()
    )
    return {"client": client.id, "follow_up": follow_up.id, "contract": contract.id}


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "desk"
    folder.mkdir()
    image = QImage(120, 80, QImage.Format.Format_RGB32)
    image.fill(QColor("#2d5bb9"))
    photo = folder / "名片.png"
    assert image.save(str(photo))
    mail = folder / "报价确认.eml"
    mail.write_bytes(b"From: li@example.com\r\nSubject: offer\r\n\r\nOK")
    recording = folder / "call.m4a"
    recording.write_bytes(b"\x00\x00\x00\x20ftypM4A " + b"\x01" * 4000)
    return {"photo": photo, "mail": mail, "recording": recording}


def _wait(qtbot, panel: AttachmentsPanel, job) -> None:  # noqa: ANN001
    assert job is not None
    qtbot.waitUntil(lambda: job.done and panel.job is None, timeout=20_000)


def _drop(widget: AttachmentsPanel, paths: list[Path]) -> None:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)


def test_client_tab_attach_by_dialog_and_drop(qtbot, crm, files, modal, monkeypatch) -> None:
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.resize(1200, 700)
    hub.show()
    hub.show_client(crm["client"])
    tab = hub.tabs.indexOf(hub.attachments)
    assert hub.tabs.tabText(tab) == "Attachments (0)"
    panel = hub.attachments
    assert "No attachments yet" in panel.summary_label.text()

    def choose(dialog: QDialog) -> int:
        assert isinstance(dialog, QFileDialog)
        monkeypatch.setattr(dialog, "selectedFiles", lambda: [str(files["photo"]), str(files["mail"])])
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr("ui.prompts.run_modal", choose)
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    _wait(qtbot, panel, panel.job)
    assert sorted(panel.texts()) == ["名片.png", "报价确认.eml"]
    assert hub.tabs.tabText(tab) == "Attachments (2)"
    assert panel.status_label.text() == "Attached 2 file(s)."
    # drop a recording onto the tab
    _drop(panel, [files["recording"]])
    _wait(qtbot, panel, panel.job)
    assert panel.texts()[0] == "call.m4a" and len(panel.texts()) == 3
    types = [panel.model.index(r, 1).data() for r in range(3)]
    assert "Call recording" in types and "Image" in types and "E-mail" in types
    assert panel.model.index(0, 3).data().startswith("Client")
    # preview of the image
    panel.select(Attachment.get(Attachment.file_name == "名片.png").id)
    assert panel.preview.mode == "image"
    assert "名片.png" in panel.preview.caption.text()
    panel.select(Attachment.get(Attachment.file_name == "call.m4a").id)
    assert panel.preview.mode == "icon"


def test_open_with_the_system_application(qtbot, crm, files, monkeypatch) -> None:
    panel = AttachmentsPanel()
    qtbot.addWidget(panel)
    panel.show_client(crm["client"])
    _wait(qtbot, panel, panel.add_files([files["mail"]]))
    opened: list[Path] = []
    monkeypatch.setattr(panel_module, "open_with_system", lambda path: opened.append(path) or True)
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert [p.name for p in opened] == ["报价确认.eml"]
    assert opened[0].read_bytes() == files["mail"].read_bytes()


def test_too_large_is_refused_with_a_message(qtbot, crm, files, monkeypatch) -> None:
    monkeypatch.setattr(store, "MAX_BYTES", 1000)
    panel = AttachmentsPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_client(crm["client"])
    assert panel.add_files([files["mail"], files["recording"]]) is None
    assert panel.status_label.isVisible()
    assert "call.m4a" in panel.status_label.text() and "at most" in panel.status_label.text()
    assert panel.texts() == [] and Attachment.select().count() == 0


def test_unreadable_file_is_refused(qtbot, crm, tmp_path) -> None:
    panel = AttachmentsPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_client(crm["client"])
    assert panel.add_files([tmp_path / "gone.pdf"]) is None
    assert "gone.pdf cannot be read" in panel.status_label.text()
    assert Attachment.select().count() == 0


def test_remove_undo_removed_files_and_delete_for_good(qtbot, crm, files, modal) -> None:
    panel = AttachmentsPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.show_client(crm["client"])
    _wait(qtbot, panel, panel.add_files([files["photo"]]))
    row = Attachment.get()
    blob = store.blob_path(store.current_store(), row.sha256)
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert panel.texts() == []
    assert "Undo with Ctrl+Z" in panel.status_label.text()
    assert blob.is_file()
    assert undo_step()  # Edit → Undo
    assert panel.texts() == ["名片.png"]
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    panel.removed_button.setChecked(True)
    assert panel.texts() == ["名片.png"]
    assert panel.restore_button.isVisible() and not panel.add_button.isVisible()
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.purge_button, Qt.MouseButton.LeftButton)  # the question is answered No
    assert panel.texts() == ["名片.png"] and blob.is_file()
    modal.answer_yes()
    qtbot.mouseClick(panel.purge_button, Qt.MouseButton.LeftButton)
    assert panel.texts() == [] and not blob.exists()
    assert Attachment.select().count() == 0


def test_follow_up_and_contract_dialogs(qtbot, crm, files, monkeypatch) -> None:
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.show_client(crm["client"])
    seen: list[AttachmentsDialog] = []

    def show(dialog: QDialog) -> int:
        assert isinstance(dialog, AttachmentsDialog)
        seen.append(dialog)
        _drop(dialog.panel, [files["recording"]])
        _wait(qtbot, dialog.panel, dialog.panel.job)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr("ui.prompts.run_modal", show)
    button = hub.follow_ups.timeline.file_buttons[crm["follow_up"]]
    assert button.text() == "Attach files…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert seen[0].panel.texts() == ["call.m4a"]
    assert seen[0].windowTitle().startswith("Attachments: Follow-up")
    button = hub.follow_ups.timeline.file_buttons[crm["follow_up"]]
    assert button.text() == "Attachments (1)…"
    hub.tabs.setCurrentWidget(hub.contracts)
    hub.contracts.select(crm["contract"])
    qtbot.mouseClick(hub.contracts.files_button, Qt.MouseButton.LeftButton)
    assert seen[1].windowTitle() == "Attachments: 年度维保合同"
    assert seen[1].panel.texts() == ["call.m4a"]
    rows = {(a.owner_kind, a.file_name) for a in Attachment.select()}
    assert rows == {("follow_up", "call.m4a"), ("contract", "call.m4a")}
    hub.refresh()
    owners = sorted(hub.attachments.model.index(r, 3).data() for r in range(2))
    assert owners[0].startswith("Contract · 年度维保合同") and owners[1].startswith("Follow-up · ")


def test_deleted_follow_up_keeps_its_files_on_the_client(qtbot, crm, files) -> None:
    from desktop_crm.services.followups import delete_follow_up

    panel = AttachmentsPanel()
    qtbot.addWidget(panel)
    panel.show_record("follow_up", crm["follow_up"])
    _wait(qtbot, panel, panel.add_files([files["mail"]]))
    delete_follow_up(crm["follow_up"])
    panel.show_client(crm["client"])
    assert panel.texts() == ["报价确认.eml"]
    assert panel.model.index(0, 3).data() == "Follow-up (deleted)"


def test_deleted_client_is_read_only(qtbot, crm, files) -> None:
    from desktop_crm.services.clients import delete_client

    delete_client(crm["client"])
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.show_client(crm["client"])
    assert not hub.attachments.add_button.isEnabled()
    assert hub.attachments.add_files([files["mail"]]) is None


def test_chinese(qtbot, qapp, crm, files) -> None:
    assert i18n.install_translators(qapp, "zh_CN")
    panel = AttachmentsPanel()
    qtbot.addWidget(panel)
    panel.show_client(crm["client"])
    assert panel.add_button.text() == "添加文件…"
    _wait(qtbot, panel, panel.add_files([files["recording"]]))
    assert panel.model.index(0, 1).data() == "通话录音"
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "名称"


def test_service_record_attachments(qtbot, crm, files, monkeypatch) -> None:
    from desktop_crm.models.service import ServiceRecord

    record = ServiceRecord.create(
        client=crm["client"], kind="complaint", title="设备异响投诉", due_at=clock.now()
    )
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.show_client(crm["client"])
    hub.show_service_record(record.id)
    seen: list[AttachmentsDialog] = []

    def show(dialog: QDialog) -> int:
        assert isinstance(dialog, AttachmentsDialog)
        seen.append(dialog)
        _drop(dialog.panel, [files["photo"]])
        _wait(qtbot, dialog.panel, dialog.panel.job)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr("ui.prompts.run_modal", show)
    assert hub.service.files_button.isEnabled()
    qtbot.mouseClick(hub.service.files_button, Qt.MouseButton.LeftButton)
    assert seen[0].windowTitle() == "Attachments: 设备异响投诉"
    assert seen[0].panel.texts() == ["名片.png"]
    hub.refresh()
    assert hub.attachments.model.index(0, 3).data().startswith("Service record · 设备异响投诉")


def _drop_on(widget, paths: list[Path], at: QPointF) -> None:  # noqa: ANN001
    from PySide6.QtGui import QDragEnterEvent
    from PySide6.QtWidgets import QApplication

    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    buttons, keys = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(at.toPoint(), Qt.DropAction.CopyAction, data, buttons, keys)
    assert QApplication.sendEvent(widget, enter) and enter.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(at, Qt.DropAction.CopyAction, data, buttons, keys))


def test_drop_on_a_follow_up_card_and_a_contract_row(qtbot, crm, files, monkeypatch) -> None:
    hub = ClientHubView()
    qtbot.addWidget(hub)
    hub.resize(1200, 700)
    hub.show()
    hub.show_client(crm["client"])
    seen: list[AttachmentsDialog] = []

    def show(dialog: QDialog) -> int:
        seen.append(dialog)
        _wait(qtbot, dialog.panel, dialog.panel.job)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr("ui.prompts.run_modal", show)
    hub.tabs.setCurrentWidget(hub.follow_ups)
    card = hub.follow_ups.timeline.cards[crm["follow_up"]]
    _drop_on(card, [files["recording"]], QPointF(10, 10))
    assert seen and seen[0].panel.texts() == ["call.m4a"]
    hub.tabs.setCurrentWidget(hub.contracts)
    qtbot.wait(10)
    viewport = hub.contracts.table.viewport()
    row_rect = hub.contracts.table.visualRect(hub.contracts.model.index(0, 0))
    _drop_on(viewport, [files["mail"]], QPointF(row_rect.center()))
    assert seen[1].panel.texts() == ["报价确认.eml"]
    assert {(a.owner_kind, a.file_name) for a in Attachment.select()} == {
        ("follow_up", "call.m4a"),
        ("contract", "报价确认.eml"),
    }


def test_a_file_only_the_team_database_holds_is_fetched_for_the_preview_and_off_the_window_for_open(
    qtbot, crm, files, monkeypatch
) -> None:
    """As on a team database whose files this computer has no copy of yet: listed as available, the image
    fetched for its preview, the e-mail fetched on the database worker when opened."""
    import threading

    panel = AttachmentsPanel()
    qtbot.addWidget(panel)
    panel.show_client(crm["client"])
    _wait(qtbot, panel, panel.add_files([files["photo"], files["mail"]]))
    local = store.current_store()
    server = {row.sha256: store.blob_path(local, row.sha256).read_bytes() for row in Attachment.select()}
    for sha in server:
        store.blob_path(local, sha).unlink()  # only "the database" has them now
    fetched_on: list[int] = []

    def fetch(sha256: str, name: str, folder: Path | None = None) -> Path:
        fetched_on.append(threading.get_ident())
        path = store.blob_path(folder or local, sha256)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(server[sha256])
        return path

    monkeypatch.setattr(store, "shared_hashes", lambda hashes: set(hashes) & set(server))
    monkeypatch.setattr(store, "local_file", fetch)
    opened: list[Path] = []
    monkeypatch.setattr(panel_module, "open_with_system", lambda path: opened.append(path) or True)
    panel.reload()
    photo = Attachment.get(Attachment.file_name == "名片.png")
    panel.select(photo.id)
    assert panel.preview.mode == "image"  # fetched, then decoded
    mail = Attachment.get(Attachment.file_name == "报价确认.eml")
    panel.select(mail.id)
    assert panel.open_button.isEnabled()
    qtbot.mouseClick(panel.open_button, Qt.MouseButton.LeftButton)
    assert panel.status_label.text() == "Fetching 报价确认.eml…"
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)
    assert opened[0].name == "报价确认.eml" and opened[0].read_bytes() == files["mail"].read_bytes()
    assert fetched_on[-1] != threading.get_ident()  # the window never waited for the server
    assert panel.status_label.isHidden()

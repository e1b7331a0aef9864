"""Attachments: the content-addressed store, the services, purge, and backups/restores carrying the files."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from desktop_crm import attachments as store
from desktop_crm.backup import backup_folder, create_backup, prune_backups
from desktop_crm.db import close_database, open_database
from desktop_crm.errors import CrmError, NotFoundError, ValidationError
from desktop_crm.models import Client, Contract, FollowUp, User
from desktop_crm.models.attachments import Attachment
from desktop_crm.restore import restore_backup
from desktop_crm.services import attachments as service


@pytest.fixture
def crm(db: object) -> dict[str, int]:
    user = User.create(name="王晓明")
    client = Client.create(name="上海华东精密机械", owner=user)
    follow_up = FollowUp.create(client=client, user=user, channel="call", happened_at=store_now())
    contract = Contract.create(client=client, amount_cents=100_00, signed_on=store_now().date())
    return {"user": user.id, "client": client.id, "follow_up": follow_up.id, "contract": contract.id}


def store_now():  # noqa: ANN201
    from desktop_crm.clock import now

    return now()


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_layout_is_beside_the_database(db_path: Path) -> None:
    assert store.store_for_database(db_path) == db_path.resolve().parent / "crm.sqlite3.files"
    sha = "ab" + "c" * 62
    assert store.blob_path(Path("/s"), sha) == Path("/s/ab") / ("c" * 62)


def test_kinds_by_extension() -> None:
    assert store.kind_of("call 2026-11-02.M4A") == "recording"
    assert store.kind_of("offer.eml") == "email"
    assert store.kind_of("合同.pdf") == "pdf"
    assert store.kind_of("photo.JPG") == "image"
    assert store.kind_of("微信聊天记录.txt") == "text"
    assert store.kind_of("quote.xlsx") == "document"
    assert store.kind_of("archive.zip") == "other"


def test_add_to_each_owner_and_list(crm: dict[str, int], tmp_path: Path, db_path: Path) -> None:
    data = b"%PDF-1.4 offer"
    a = service.add_attachment("client", crm["client"], _file(tmp_path, "offer.pdf", data))
    b = service.add_attachment("follow_up", crm["follow_up"], _file(tmp_path, "call.mp3", b"ID3 sound"))
    c = service.add_attachment("contract", crm["contract"], _file(tmp_path, "signed.pdf", b"signed"))
    assert a.sha256 == hashlib.sha256(data).hexdigest()
    blob = store.blob_path(store.current_store(), a.sha256)
    assert blob.read_bytes() == data
    assert {r.file_name for r in service.list_attachments(crm["client"])} == {
        "offer.pdf",
        "call.mp3",
        "signed.pdf",
    }
    rows = service.list_for_record("follow_up", crm["follow_up"])
    assert [(r.file_name, r.kind, r.owner_kind, r.owner_id) for r in rows] == [
        ("call.mp3", "recording", "follow_up", crm["follow_up"])
    ]
    assert service.attachment_counts("contract", [crm["contract"]]) == {crm["contract"]: 1}
    assert b.kind == "recording" and c.owner_kind == "contract"


def test_same_file_twice_is_stored_once(crm: dict[str, int], tmp_path: Path, db_path: Path) -> None:
    data = os.urandom(3 * 1024 * 1024 + 17)
    first = service.add_attachment("client", crm["client"], _file(tmp_path, "a.wav", data))
    second = service.add_attachment("contract", crm["contract"], _file(tmp_path, "copy of a.wav", data))
    assert first.sha256 == second.sha256
    root = store.current_store()
    blobs = [p for p in root.rglob("*") if p.is_file()]
    assert blobs == [store.blob_path(root, first.sha256)]
    assert not list(root.glob(".*.tmp"))


def test_too_large_and_unreadable_refused_nothing_saved(
    crm: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    monkeypatch.setattr(store, "MAX_BYTES", 1000)
    big = _file(tmp_path, "big.mp3", b"x" * 1001)
    with pytest.raises(ValidationError) as err:
        service.add_attachment("client", crm["client"], big)
    assert err.value.code == "attachment.too_large" and err.value.field == "file"
    assert "big.mp3" in err.value.message
    with pytest.raises(ValidationError) as err:
        service.add_attachment("client", crm["client"], tmp_path / "missing.pdf")
    assert err.value.code == "attachment.unreadable"
    with pytest.raises(ValidationError) as err:
        service.add_attachment("client", crm["client"], tmp_path)
    assert err.value.code == "attachment.not_a_file"
    assert Attachment.select().count() == 0
    root = store.current_store()
    assert not root.exists() or not [p for p in root.rglob("*") if p.is_file()]


def test_failed_row_removes_new_bytes(crm: dict[str, int], tmp_path: Path, db_path: Path) -> None:
    with pytest.raises(ValidationError):
        service.add_attachment("client", crm["client"], _file(tmp_path, "ok.pdf", b"pdf"), by="nobody")
    assert Attachment.select().count() == 0
    assert not [p for p in store.current_store().rglob("*") if p.is_file()]


def test_bad_owner(crm: dict[str, int], tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as err:
        service.add_attachment("invoice", 1, _file(tmp_path, "x.pdf", b"x"))
    assert err.value.code == "unknown_value"
    with pytest.raises(NotFoundError):
        service.add_attachment("follow_up", 999, _file(tmp_path, "x.pdf", b"x"))


def test_remove_restore_keeps_the_file_purge_removes_it_last(
    crm: dict[str, int], tmp_path: Path, db_path: Path
) -> None:
    data = b"recording bytes"
    one = service.add_attachment("client", crm["client"], _file(tmp_path, "a.amr", data))
    two = service.add_attachment("follow_up", crm["follow_up"], _file(tmp_path, "b.amr", data))
    blob = store.blob_path(store.current_store(), one.sha256)
    service.remove_attachment(one.id)
    assert [r.file_name for r in service.list_attachments(crm["client"])] == ["b.amr"]
    assert [r.file_name for r in service.list_attachments(crm["client"], removed=True)] == ["a.amr"]
    assert blob.is_file()
    service.restore_attachment(one.id)  # undo
    assert len(service.list_attachments(crm["client"])) == 2
    with pytest.raises(ValidationError) as err:
        service.purge_attachment(one.id)  # not removed
    assert err.value.code == "attachment.purge_not_removed"
    service.remove_attachment(one.id)
    assert service.purge_attachment(one.id) is False  # the other row still needs the bytes
    assert blob.is_file()
    service.remove_attachment(two.id)
    assert service.purge_attachment(two.id) is True
    assert not blob.exists()


def test_deleted_client_keeps_attachments(crm: dict[str, int], tmp_path: Path, db_path: Path) -> None:
    from desktop_crm.services.clients import delete_client, restore_client

    row = service.add_attachment("client", crm["client"], _file(tmp_path, "x.png", b"png"))
    delete_client(crm["client"])
    assert [r.file_name for r in service.list_attachments(crm["client"])] == ["x.png"]
    with pytest.raises(NotFoundError):
        service.add_attachment("client", crm["client"], _file(tmp_path, "y.png", b"png2"))
    restore_client(crm["client"])
    assert service.attachment_file(row.id).read_bytes() == b"png"


def test_deleted_follow_up_attachments_stay_on_the_client(crm: dict[str, int], tmp_path: Path) -> None:
    from desktop_crm.services.followups import delete_follow_up

    service.add_attachment("follow_up", crm["follow_up"], _file(tmp_path, "call.mp3", b"a"))
    delete_follow_up(crm["follow_up"])
    # a new follow-up may get the same id: it does not inherit the file
    again = FollowUp.create(
        id=crm["follow_up"], client=crm["client"], channel="call", happened_at=store_now()
    )
    assert service.list_for_record("follow_up", again.id) == []
    rows = service.list_attachments(crm["client"])
    assert [(r.file_name, r.owner_kind, r.owner_id) for r in rows] == [("call.mp3", "follow_up", None)]


def test_file_to_open_has_its_name(crm: dict[str, int], tmp_path: Path) -> None:
    row = service.add_attachment("client", crm["client"], _file(tmp_path, "报价单.pdf", b"%PDF"))
    opened = service.file_to_open(row.id, tmp_path / "open")
    assert opened.name == "报价单.pdf" and opened.read_bytes() == b"%PDF"


def test_a_portable_installation_opens_its_copies_inside_its_folder(
    crm: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DESKTOP_CRM_HOME (a USB stick, issue 13 item 1): the copy handed to the system application is
    written in the portable folder, not in the machine's temporary folder; without it, the temporary
    folder."""
    import tempfile

    row = service.add_attachment("client", crm["client"], _file(tmp_path, "quote.pdf", b"%PDF"))
    stick = tmp_path / "stick"
    monkeypatch.setenv("DESKTOP_CRM_HOME", str(stick))
    opened = service.file_to_open(row.id)
    assert opened.is_relative_to(stick) and opened.read_bytes() == b"%PDF"
    monkeypatch.delenv("DESKTOP_CRM_HOME")
    machine = tmp_path / "machine-temp"
    monkeypatch.setattr(tempfile, "tempdir", str(machine))
    assert service.file_to_open(row.id).is_relative_to(machine)


def _add_files(tmp_path: Path) -> dict[str, bytes]:
    client = Client.get()
    files = {"a.pdf": os.urandom(50_000), "b.m4a": os.urandom(70_000), "c.eml": b"From: x\r\n\r\nhi"}
    for name, data in files.items():
        service.add_attachment("client", client.id, _file(tmp_path, name, data))
    return files


@pytest.mark.sqlite_only  # backups and restores of the database file with its files beside it
def test_backup_and_restore_bring_files_back_byte_for_byte(
    crm: dict[str, int], tmp_path: Path, db_path: Path
) -> None:
    files = _add_files(tmp_path)
    removed = Attachment.get(Attachment.file_name == "c.eml")
    service.remove_attachment(removed.id)  # a removed attachment can still be undone after a restore
    close_database()
    info = create_backup(db_path)
    shared = backup_folder(db_path) / store.BACKUP_STORE
    assert len([p for p in shared.rglob("*") if p.is_file()]) == 3
    target = tmp_path / "usb" / "copy.sqlite3"
    create_backup(db_path, target)
    assert len([p for p in (tmp_path / "usb" / "copy.sqlite3.files").rglob("*") if p.is_file()]) == 3
    # the files are lost on this machine, then restored from each backup
    import shutil

    for source in (info.path, target):
        shutil.rmtree(store.store_for_database(db_path))
        restore_backup(db_path, source)
        open_database(db_path)
        for name, data in files.items():
            row = Attachment.get(Attachment.file_name == name)
            assert service.attachment_file(row.id).read_bytes() == data
        close_database()


@pytest.mark.sqlite_only  # backups and restores of the database file with its files beside it
def test_restore_into_another_folder(crm: dict[str, int], tmp_path: Path, db_path: Path) -> None:
    files = _add_files(tmp_path)
    close_database()
    target = tmp_path / "usb" / "crm-copy.sqlite3"
    create_backup(db_path, target)
    elsewhere = tmp_path / "other" / "crm.sqlite3"
    restore_backup(elsewhere, target)
    open_database(elsewhere)
    for name, data in files.items():
        assert service.attachment_file(Attachment.get(Attachment.file_name == name).id).read_bytes() == data


@pytest.mark.sqlite_only  # backups and restores of the database file with its files beside it
def test_rotation_prunes_unreferenced_backup_files(
    crm: dict[str, int], tmp_path: Path, db_path: Path, clock: object
) -> None:
    from desktop_crm.backup import save_retention

    save_retention({"daily": 1, "weekly": 0, "monthly": 0, "manual": 1})
    first = service.add_attachment("client", crm["client"], _file(tmp_path, "old.pdf", b"old"))
    close_database()
    create_backup(db_path)
    shared = backup_folder(db_path) / store.BACKUP_STORE
    assert store.blob_path(shared, first.sha256).is_file()
    open_database(db_path)
    service.remove_attachment(first.id)
    service.purge_attachment(first.id)
    second = service.add_attachment("client", crm["client"], _file(tmp_path, "new.pdf", b"new"))
    close_database()
    clock.advance(days=2)  # type: ignore[attr-defined]
    create_backup(db_path)
    prune_backups(db_path)
    assert not store.blob_path(shared, first.sha256).exists()
    assert store.blob_path(shared, second.sha256).is_file()


@pytest.mark.sqlite_only  # backups and restores of the database file with its files beside it
def test_backup_of_a_missing_file_still_backs_up(crm: dict[str, int], tmp_path: Path, db_path: Path) -> None:
    row = service.add_attachment("client", crm["client"], _file(tmp_path, "x.pdf", b"x"))
    store.blob_path(store.store_for_database(db_path), row.sha256).unlink()
    close_database()
    info = create_backup(db_path)
    assert info.path.is_file()
    assert store.carry_into_backup(db_path, info.path, info.path) == [row.sha256]


def test_not_in_the_store_is_a_coded_error(crm: dict[str, int], tmp_path: Path) -> None:
    from desktop_crm.engine import is_postgres

    row = service.add_attachment("client", crm["client"], _file(tmp_path, "x.pdf", b"x"))
    store.blob_path(store.current_store(), row.sha256).unlink()
    if is_postgres():  # the team database's copy is fetched again...
        assert service.attachment_file(row.id).read_bytes() == b"x"
        store.blob_path(store.current_store(), row.sha256).unlink()
        Attachment._meta.database.execute_sql("DELETE FROM attachment_blob")  # ...unless it is lost too
    with pytest.raises(CrmError) as err:
        service.attachment_file(row.id)
    assert err.value.code == ("attachment.file_not_shared" if is_postgres() else "attachment.file_missing")
    assert not service.list_attachments(crm["client"])[0].available


def test_dump_lists_attachments_by_hash(crm: dict[str, int], tmp_path: Path) -> None:
    import io
    import json

    from desktop_crm.dump import dump_database
    from desktop_crm.models import ALL_MODELS

    assert Attachment in ALL_MODELS
    row = service.add_attachment("client", crm["client"], _file(tmp_path, "x.pdf", b"x"))
    out = io.StringIO()
    dump_database(Attachment._meta.database, out)
    dumped = json.loads(out.getvalue())["tables"]["attachment"]
    assert [(d["file_name"], d["sha256"]) for d in dumped] == [("x.pdf", row.sha256)]
    assert "x" not in {str(v) for d in dumped for v in d.values()} - {row.sha256}


def test_added_by_defaults_to_the_working_user(crm: dict[str, int], tmp_path: Path) -> None:
    service.add_attachment("client", crm["client"], _file(tmp_path, "x.pdf", b"x"), by=crm["user"])
    listed = service.list_attachments(crm["client"])[0]
    assert listed.added_by == "王晓明"
    assert listed.added_at == store_now()


def test_upgrade_from_version_10_keeps_the_data(db_path: Path) -> None:
    from desktop_crm.db import migrate, schema_version
    from desktop_crm.driver import sqlite3

    conn = sqlite3.connect(db_path, isolation_level=None)
    migrate(conn, target=10)
    conn.execute(
        "INSERT INTO client (uuid, created_at, updated_at, name, short_name, status, value_verdict, grade, "
        "expected_amount_cents, source, industry, region, phone, address, website, notes, last_contact_at) "
        "VALUES ('c-1', '2026-01-01', '2026-01-01', '杭州云帆', '', 'lead', 'uncertain', 'A', 0, '', '', '', '', "
        "'', '', '', NULL)"
    )
    conn.close()
    open_database(db_path)
    assert schema_version(Attachment._meta.database.connection()) >= 13
    client = Client.get(Client.uuid == "c-1")
    assert client.name == "杭州云帆"
    assert service.list_attachments(client.id) == []


def test_service_records_carry_attachments(crm: dict[str, int], tmp_path: Path) -> None:
    models = pytest.importorskip("desktop_crm.models.service")
    record = models.ServiceRecord.create(
        client=crm["client"], kind="complaint", title="噪音投诉", due_at=store_now()
    )
    service.add_attachment("service_record", record.id, _file(tmp_path, "现场照片.jpg", b"jpg"))
    rows = service.list_attachments(crm["client"])
    assert [(r.owner_kind, r.owner_id, r.owner_title) for r in rows] == [
        ("service_record", record.id, "噪音投诉")
    ]
    assert service.attachment_counts("service_record", [record.id]) == {record.id: 1}


def test_demo_attachments_are_deterministic_and_stored(tmp_path: Path, clock: object) -> None:
    from desktop_crm.demo.generate import generate_demo
    from desktop_crm.driver import sqlite3

    tables = []
    for name in ("a", "b"):
        path = tmp_path / name / "crm.sqlite3"
        generate_demo(path, "small", seed=3, today=clock.today())  # type: ignore[attr-defined]
        conn = sqlite3.connect(path)
        rows = conn.execute("SELECT * FROM attachment ORDER BY id").fetchall()
        conn.close()
        root = store.store_for_database(path)
        for row in rows:
            sha = row[-2]
            assert hashlib.sha256(store.blob_path(root, sha).read_bytes()).hexdigest() == sha
        tables.append(rows)
    assert tables[0] == tables[1]
    assert {r[6] for r in tables[0]} == {"client", "follow_up", "contract"}

"""Attachments on a team database: the bytes live in the database, so a file attached on one computer
opens on another; each computer keeps a checked copy in its own cache; the bytes go with the last row
that refers to them, never earlier (an undo finds them), also when a colleague attaches the same bytes
while they are being purged."""

from __future__ import annotations

import hashlib
import os
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from desktop_crm import attachments as store
from desktop_crm.db import close_database, open_database
from desktop_crm.engine import is_postgres
from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.models import Client, User
from desktop_crm.models.attachments import Attachment
from desktop_crm.postgres import blobs
from desktop_crm.services import attachments as service


@pytest.fixture
def team(db: Any) -> Any:
    if not is_postgres(db):
        pytest.skip("about team databases: runs in the --engine postgresql pass")
    return db


@pytest.fixture
def client_id(team: Any) -> int:
    user = User.create(name="王晓明")
    return int(Client.create(name="上海华东精密机械", owner=user).id)


def _file(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def _count(sql: str) -> int:
    from desktop_crm.models import database

    return int(database.obj.execute_sql(sql).fetchone()[0])


def _another_computer(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> Path:
    """Another computer: a data folder of its own, so no cached copy of anything."""
    home = tmp_path / name
    monkeypatch.setenv("DESKTOP_CRM_HOME", str(home))
    return home


def test_a_file_attached_on_one_computer_opens_on_another(
    team: Any, client_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(blobs, "PART", 1000)  # several parts, as a recording of many megabytes has
    data = os.urandom(2500)
    row = service.add_attachment("client", client_id, _file(tmp_path, "通话录音.m4a", data))
    assert _count("SELECT count(*) FROM attachment_blob") == 1
    assert _count("SELECT count(*) FROM attachment_blob_part") == 3
    mine = store.current_store()
    assert store.blob_path(mine, row.sha256).read_bytes() == data  # the adding computer's own copy

    _another_computer(monkeypatch, tmp_path, "colleague")
    theirs = store.current_store()
    assert theirs != mine and not theirs.exists()
    listed = service.list_attachments(client_id)[0]
    assert listed.available and not listed.path.exists()  # in the database, not yet on this computer
    assert service.attachment_file(row.id).read_bytes() == data
    assert store.blob_path(theirs, row.sha256).read_bytes() == data  # cached now
    opened = service.file_to_open(row.id, tmp_path / "open")
    assert opened.name == "通话录音.m4a" and opened.read_bytes() == data


def test_the_cache_only_ever_holds_the_right_bytes(
    team: Any, client_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = service.add_attachment("client", client_id, _file(tmp_path, "offer.pdf", b"%PDF-1.4 offer"))
    team.execute_sql(
        "UPDATE attachment_blob_part SET data = ?", (b"%PDF-1.4 other",)
    )  # damaged on the server
    _another_computer(monkeypatch, tmp_path, "colleague")
    with pytest.raises(CrmError) as caught:
        service.attachment_file(row.id)
    assert caught.value.code == "attachment.file_not_shared" and "offer.pdf" in caught.value.message
    cache = store.current_store()
    assert not [p for p in cache.rglob("*") if p.is_file()]  # neither the wrong bytes nor a leftover


def test_the_same_bytes_are_kept_once_and_go_with_the_last_reference_only(
    team: Any, client_id: int, tmp_path: Path
) -> None:
    data = b"ID3 a call recording"
    sha = hashlib.sha256(data).hexdigest()
    one = service.add_attachment("client", client_id, _file(tmp_path, "a.mp3", data))
    two = service.add_attachment("client", client_id, _file(tmp_path, "copy of a.mp3", data))
    assert _count("SELECT count(*) FROM attachment_blob") == 1
    service.remove_attachment(one.id)
    service.restore_attachment(one.id)  # the undo of a removal finds its bytes
    service.remove_attachment(one.id)
    assert service.purge_attachment(one.id) is False  # the other row still needs them
    assert blobs.present(team, [sha]) == {sha}
    service.remove_attachment(two.id)  # removed, not purged: an undo may still bring it back
    assert blobs.present(team, [sha]) == {sha}
    service.restore_attachment(two.id)
    assert service.attachment_file(two.id).read_bytes() == data
    service.remove_attachment(two.id)
    assert service.purge_attachment(two.id) is True
    assert _count("SELECT count(*) FROM attachment_blob") == 0
    assert _count("SELECT count(*) FROM attachment_blob_part") == 0
    assert not store.blob_path(store.current_store(), sha).exists()


def test_a_refused_attachment_leaves_no_bytes_in_the_database(
    team: Any, client_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(ValidationError):
        service.add_attachment("client", client_id, _file(tmp_path, "ok.pdf", b"pdf"), by="nobody")
    monkeypatch.setattr(store, "MAX_BYTES", 1000)  # the same size limit as on a file
    with pytest.raises(ValidationError) as caught:
        service.add_attachment("client", client_id, _file(tmp_path, "big.wav", b"x" * 1001))
    assert caught.value.code == "attachment.too_large"
    assert _count("SELECT count(*) FROM attachment_blob") == 0
    assert Attachment.select().count() == 0


def test_a_purge_waits_for_a_colleague_attaching_the_same_bytes_and_keeps_them(
    team: Any, client_id: int, tmp_path: Path
) -> None:
    from desktop_crm.postgres.connect import TeamDatabase

    data = b"the same contract scan"
    sha = hashlib.sha256(data).hexdigest()
    mine = service.add_attachment("client", client_id, _file(tmp_path, "scan.pdf", data))
    service.remove_attachment(mine.id)
    colleague = TeamDatabase(team.crm_url, autoconnect=True)
    colleague.connect()
    outcome: list[Any] = []
    try:
        with colleague.atomic():  # their computer attaches the same bytes; not committed yet
            assert blobs.store(colleague, sha, len(data), [data]) is False  # there already: claimed
            colleague.execute_sql(
                "INSERT INTO attachment (uuid, created_at, updated_at, client_id, owner_kind, owner_uuid,"
                " file_name, kind, size_bytes, sha256) VALUES ('u-1', '2026-01-01 00:00:00',"
                " '2026-01-01 00:00:00', ?, 'client', 'x', 'scan.pdf', 'pdf', ?, ?)",
                (client_id, len(data), sha),
            )

            def purge() -> None:  # ours, deleting the last row we know of
                try:
                    outcome.append(service.purge_attachment(mine.id))
                except BaseException as exc:  # noqa: BLE001 (handed to the test's thread)
                    outcome.append(exc)
                finally:
                    from desktop_crm.models import database

                    database.close()

            worker = threading.Thread(target=purge)
            worker.start()
            time.sleep(0.5)
            assert outcome == []  # waiting for their lock on the bytes
        worker.join(10)
    finally:
        colleague.close()
    assert outcome == [False]  # their row needs the bytes: kept
    assert blobs.present(team, [sha]) == {sha}
    theirs = Attachment.get(Attachment.uuid == "u-1")
    assert service.attachment_file(theirs.id).read_bytes() == data


def test_files_kept_on_a_computer_before_the_database_held_them_are_shared_at_its_next_open(
    team: Any, client_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a team database from before revision 2 (or opened by someone who may not add tables)
    team.execute_sql("DROP TABLE attachment_blob_part")
    team.execute_sql("DROP TABLE attachment_blob")
    team.execute_sql("UPDATE crm_meta SET value = '1' WHERE key = 'team_revision'")
    team.crm_shared_files = None
    data = b"an e-mail kept on this computer only"
    row = service.add_attachment("client", client_id, _file(tmp_path, "mail.eml", data))
    assert store.blob_path(store.current_store(), row.sha256).read_bytes() == data
    url = team.crm_url
    close_database()
    open_database(url)  # the owner's next open adds the tables; this computer shares what it kept
    try:
        assert _count("SELECT count(*) FROM attachment_blob") == 1
        _another_computer(monkeypatch, tmp_path, "colleague")
        assert service.attachment_file(row.id).read_bytes() == data
    finally:
        close_database()

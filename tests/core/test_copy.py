"""``desktop-crm copy``: a whole database into an empty one, on either engine; ``dump`` identical after.

With ``--engine postgresql`` the destination is a fresh team database (the ``db`` fixture), so the same
test proves file → PostgreSQL → file; on SQLite it copies file → file.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pytest

from desktop_crm import cli
from desktop_crm.copy_db import copy_database
from desktop_crm.db import close_database, open_database
from desktop_crm.dump import dump_database
from desktop_crm.errors import CrmError


def _dump(target: Any) -> str:
    db = open_database(target)
    try:
        out = io.StringIO()
        dump_database(db, out)
        return out.getvalue()
    finally:
        close_database()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from datetime import date

    from desktop_crm.demo import generate_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite3"
    generate_demo(path, size="small", seed=3, today=date(2026, 6, 15))
    close_database()
    return path


def _target(db: Any, db_path: Path) -> Any:
    return getattr(db, "crm_url", None) or db_path


def test_copy_round_trip_gives_identical_dumps(
    db: Any, db_path: Path, demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _target(db, db_path)
    close_database()
    summary = copy_database(demo_file, target)
    assert summary.counts["client"] == 200 and summary.counts["follow_up"] > 1000
    original = _dump(demo_file)
    assert _dump(target) == original
    back = tmp_path / "back.sqlite3"
    copy_database(target, back)
    assert _dump(back) == original
    # the copy is a working database: the derived data (KPI summaries, search text) came along exactly
    assert _kpi_json(target, capsys) == _kpi_json(demo_file, capsys)
    assert _searched_and_counted(target) == _searched_and_counted(demo_file)


def _searched_and_counted(target: Any) -> tuple[list[int], list[int], int, int]:
    """Two searches (in name order) and the clients counted, as the Clients list reads them."""
    from desktop_crm.client_list import ClientFilter, ClientQuery
    from desktop_crm.engine import raw_connection
    from desktop_crm.search import search_client_ids

    open_database(target)
    try:
        return (
            search_client_ids(raw_connection(), "公司"),
            search_client_ids(raw_connection(), "科技"),
            ClientQuery(ClientFilter()).count(),
            ClientQuery(ClientFilter(trash=True)).count(),
        )
    finally:
        close_database()


def _kpi_json(target: Any, capsys: pytest.CaptureFixture[str]) -> Any:
    capsys.readouterr()
    assert cli.main(["kpi", "--db", str(target), "--json", "--from", "2025-07-01", "--to", "2026-06-30"]) == 0
    return json.loads(capsys.readouterr().out)


def test_copy_refuses_a_destination_with_rows(db: Any, db_path: Path, demo_file: Path) -> None:
    from desktop_crm.services.clients import create_client

    create_client(name="已有客户")
    target = _target(db, db_path)
    before = _dump(target)
    with pytest.raises(CrmError) as caught:
        copy_database(demo_file, target)
    assert caught.value.code == "copy.not_empty"
    assert _dump(target) == before  # nothing written


def test_copy_from_the_command_line_prints_counts_as_json(
    db: Any, db_path: Path, demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _target(db, db_path)
    close_database()
    assert cli.main(["copy", str(demo_file), str(target), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"source", "destination", "tables", "files"}
    assert report["tables"]["client"] == 200
    assert report["files"]["copied"] > 0 and report["files"]["missing"] == []  # the demo's attachments
    assert "password" not in report["destination"]


def test_copy_onto_itself_is_refused(demo_file: Path) -> None:
    with pytest.raises(CrmError) as caught:
        copy_database(demo_file, demo_file)
    assert caught.value.code == "copy.same"


def test_copy_carries_the_attachments_bytes_both_ways(
    db: Any, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File → destination (a team database, or a file on SQLite) → file: the attachments open on a
    computer that never had them, and the file copied back keeps them in its own store."""
    import os

    from desktop_crm import attachments as store
    from desktop_crm.models.attachments import Attachment
    from desktop_crm.services import attachments as service
    from desktop_crm.services.clients import create_client

    target = _target(db, db_path)
    close_database()
    source = tmp_path / "mine.sqlite3"
    open_database(source)
    client = create_client(name="苏州工业园区客户")
    files = {"call.m4a": os.urandom(300_000), "offer.pdf": b"%PDF-1.4 offer", "again.pdf": b"%PDF-1.4 offer"}
    for name, data in files.items():
        path = tmp_path / "in" / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        service.add_attachment("client", client.id, path)
    close_database()

    there = copy_database(source, target)
    assert (there.files, there.missing_files) == (2, [])  # two contents: the same offer attached twice
    monkeypatch.setenv("DESKTOP_CRM_HOME", str(tmp_path / "colleague"))
    open_database(target)
    try:
        for name, data in files.items():
            assert (
                service.attachment_file(Attachment.get(Attachment.file_name == name).id).read_bytes() == data
            )
    finally:
        close_database()

    monkeypatch.setenv("DESKTOP_CRM_HOME", str(tmp_path / "third computer"))  # nothing cached here
    back = tmp_path / "back.sqlite3"
    summary = copy_database(target, back)
    assert (summary.files, summary.missing_files) == (2, [])
    assert _dump(back) == _dump(source)
    own = store.store_for_database(back)
    for data in files.values():
        assert store.blob_path(own, hashlib.sha256(data).hexdigest()).read_bytes() == data


def test_copy_names_the_bytes_the_source_lacks(db: Any, db_path: Path, tmp_path: Path) -> None:
    from desktop_crm import attachments as store
    from desktop_crm.services import attachments as service
    from desktop_crm.services.clients import create_client

    target = _target(db, db_path)
    close_database()
    source = tmp_path / "mine.sqlite3"
    open_database(source)
    path = tmp_path / "lost.pdf"
    path.write_bytes(b"lost")
    row = service.add_attachment("client", create_client(name="Acme").id, path)
    store.blob_path(store.current_store(), row.sha256).unlink()
    close_database()
    summary = copy_database(source, target)
    assert (summary.files, summary.missing_files) == (0, [row.sha256])
    assert summary.counts["attachment"] == 1  # the row is copied all the same

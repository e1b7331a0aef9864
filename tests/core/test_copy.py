"""``desktop-crm copy``: a whole database into an empty one, on either engine; ``dump`` identical after.

With ``--engine postgresql`` the destination is a fresh team database (the ``db`` fixture), so the same
test proves file → PostgreSQL → file; on SQLite it copies file → file.
"""

from __future__ import annotations

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
    assert set(report) == {"source", "destination", "tables"}
    assert report["tables"]["client"] == 200
    assert "password" not in report["destination"]


def test_copy_onto_itself_is_refused(demo_file: Path) -> None:
    with pytest.raises(CrmError) as caught:
        copy_database(demo_file, demo_file)
    assert caught.value.code == "copy.same"

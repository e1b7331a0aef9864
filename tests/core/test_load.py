"""``desktop-crm load FILE.json``: a dump restored into an empty database is the source again; hostile
files are refused in one sentence with the target exactly as before."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from desktop_crm import load as load_module
from desktop_crm.cli import main
from desktop_crm.db import close_database, open_database
from desktop_crm.driver import sqlite3
from desktop_crm.dump import dump_database
from desktop_crm.integrity import check_database
from desktop_crm.migrations import LATEST_VERSION

DEMO_DAY = date(2026, 6, 15)


@pytest.fixture(scope="module")
def demo_dump(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str]:
    """(the small demo database, its dump file, the dump's text), made once for the module."""
    from desktop_crm.demo import generate_demo

    folder = tmp_path_factory.mktemp("demo")
    source = folder / "source.sqlite3"
    generate_demo(source, size="small", seed=3, today=DEMO_DAY)
    db = open_database(source)
    out = io.StringIO()
    dump_database(db, out)
    close_database()
    path = folder / "dump.json"
    path.write_text(out.getvalue(), encoding="utf-8")
    return source, path, out.getvalue()


def _dump_text(path: Path) -> str:
    db = open_database(path)
    try:
        out = io.StringIO()
        dump_database(db, out)
        return out.getvalue()
    finally:
        close_database()


def _derived(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        return {
            "search": conn.execute("SELECT client_id, body FROM client_search ORDER BY client_id").fetchall(),
            "daily": conn.execute("SELECT * FROM kpi_daily ORDER BY day, user_id").fetchall(),
            "first": conn.execute("SELECT * FROM kpi_first_signing ORDER BY client_id").fetchall(),
            "last_contact": conn.execute("SELECT id, last_contact_at FROM client ORDER BY id").fetchall(),
            "schema": conn.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
            ).fetchall(),
            "version": conn.execute("PRAGMA user_version").fetchall(),
        }
    finally:
        conn.close()


def test_round_trip_is_byte_identical(demo_dump: tuple[Path, Path, str], tmp_path: Path) -> None:
    source, dump_path, text = demo_dump
    target = tmp_path / "restored.sqlite3"
    summary = load_module.load_file(target, dump_path)
    assert summary.total_rows == sum(len(rows) for rows in json.loads(text)["tables"].values())
    assert summary.problems == []
    assert _dump_text(target) == text
    # the data the dump leaves out is rebuilt exactly as the triggers kept it in the source
    assert _derived(target) == _derived(source)
    db = open_database(target)
    try:
        assert check_database(db).ok
        from desktop_crm.search import search_client_ids

        client = json.loads(text)["tables"]["client"][0]
        assert client["id"] in search_client_ids(db.connection(), client["name"])
    finally:
        close_database()


def test_cli_load_then_dump_gives_the_same_bytes(
    demo_dump: tuple[Path, Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _source, dump_path, _text = demo_dump
    target = tmp_path / "cli.sqlite3"
    assert main(["--db", str(target), "load", str(dump_path)]) == 0
    assert "loaded" in capsys.readouterr().out
    again = tmp_path / "again.json"
    assert main(["--db", str(target), "dump", "--output", str(again)]) == 0
    assert again.read_bytes() == dump_path.read_bytes()
    assert main(["--db", str(target), "check"]) == 0


def test_any_json_layout_is_accepted(demo_dump: tuple[Path, Path, str], tmp_path: Path) -> None:
    """The reader does not rely on the writer's one-row-per-line layout: one line, or indented with the
    columns of every row in another order, load the same records."""
    _source, _dump_path, text = demo_dump
    data = json.loads(text)
    shuffled = {
        "schema_version": data["schema_version"],
        "format": data["format"],
        "format_version": data["format_version"],
        "tables": {
            name: [dict(reversed(list(row.items()))) for row in rows]
            for name, rows in reversed(list(data["tables"].items()))  # children before parents
        },
    }
    for index, layout in enumerate(
        (json.dumps(data, ensure_ascii=True), json.dumps(shuffled, ensure_ascii=False, indent=3))
    ):
        dump_path = tmp_path / f"layout{index}.json"
        dump_path.write_text(layout, encoding="utf-8")
        target = tmp_path / f"layout{index}.sqlite3"
        load_module.load_file(target, dump_path)
        assert _dump_text(target) == text


def test_tiny_reads_split_every_value(
    demo_dump: tuple[Path, Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Numbers, strings and rows cut at every chunk boundary still read right (a streaming reader)."""
    _source, _dump_path, text = demo_dump
    data = json.loads(text)
    small = {**data, "tables": {name: rows[:40] for name, rows in data["tables"].items()}}
    small_text = json.dumps(small, ensure_ascii=False)
    dump_path = tmp_path / "small.json"
    dump_path.write_text(small_text, encoding="utf-8")
    monkeypatch.setattr(load_module, "CHUNK", 7)
    reader = load_module.DumpReader(io.StringIO(small_text))
    assert reader.header().schema_version == LATEST_VERSION
    read = {name: list(rows) for name, rows in reader.tables()}
    assert read == small["tables"]


def _empty_db(path: Path) -> None:
    open_database(path)
    close_database()


def test_non_empty_database_is_refused(
    demo_dump: tuple[Path, Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _source, dump_path, _text = demo_dump
    target = tmp_path / "busy.sqlite3"
    open_database(target)
    from desktop_crm.models import User

    User.create(name="王磊")
    close_database()
    before = _dump_text(target)
    assert main(["--db", str(target), "load", str(dump_path)]) == 2
    err = capsys.readouterr().err
    assert "already holds records" in err and "Traceback" not in err
    assert _dump_text(target) == before


def test_existing_empty_database_is_filled(demo_dump: tuple[Path, Path, str], tmp_path: Path) -> None:
    _source, dump_path, text = demo_dump
    target = tmp_path / "empty.sqlite3"
    _empty_db(target)
    load_module.load_file(target, dump_path)
    assert _dump_text(target) == text


# --- hostile files ---------------------------------------------------------------------------------------


@pytest.fixture
def mini_dump(tmp_path: Path) -> dict[str, object]:
    source = tmp_path / "mini.sqlite3"
    open_database(source)
    from desktop_crm.models import Client, Contact, FollowUp, User

    owner = User.create(name="王磊")
    client = Client.create(name="苏州恒达机械有限公司", owner=owner)
    Contact.create(client=client, name="李娜")
    FollowUp.create(
        client=client, user=owner, channel="call", summary="电话", happened_at="2026-03-09 10:00:00"
    )
    close_database()
    data: dict[str, object] = json.loads(_dump_text(source))
    return data


def _rows(data: dict[str, object], table: str) -> list[dict[str, object]]:
    tables = data["tables"]
    assert isinstance(tables, dict)
    rows: list[dict[str, object]] = tables[table]
    return rows


Mutation = Callable[[dict[str, object]], "str | bytes | dict[str, object]"]


def _set(table: str, column: str, value: object) -> Mutation:
    def mutate(data: dict[str, object]) -> dict[str, object]:
        _rows(data, table)[0][column] = value
        return data

    return mutate


def _with(key: str, value: object) -> Mutation:
    def mutate(data: dict[str, object]) -> dict[str, object]:
        data[key] = value
        return data

    return mutate


def _text(data: dict[str, object]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1)


HOSTILE: dict[str, tuple[Mutation, str]] = {
    "not json": (lambda d: "hello, this is not a dump", "not a desktop-crm dump"),
    "binary": (lambda d: bytes(range(256)) * 4, "not UTF-8"),
    "empty": (lambda d: "", "empty"),
    "json array": (lambda d: "[1, 2, 3]", "not a desktop-crm dump"),
    "truncated": (lambda d: _text(d)[: len(_text(d)) // 2], "ends too early"),
    "broken json": (lambda d: _text(d).replace('"name":', '"name"', 1), "not valid JSON"),
    "trailing": (lambda d: _text(d) + "\n{}", "extra text"),
    "other format": (_with("format", "something-else"), "not a desktop-crm dump"),
    "newer format": (_with("format_version", 2), "newer version"),
    "newer schema": (_with("schema_version", LATEST_VERSION + 1), "newer version"),
    "version as text": (_with("format_version", "1"), "header is damaged"),
    "header after tables": (
        lambda d: '{"tables": {}, "format": "desktop-crm-dump", "format_version": 1, "schema_version": 10}',
        "header is damaged",
    ),
    "unknown table": (lambda d: {**d, "tables": {**d["tables"], "hackers": []}}, "unknown table 'hackers'"),  # type: ignore[dict-item]
    "derived table": (lambda d: {**d, "tables": {"kpi_daily": []}}, "unknown table 'kpi_daily'"),
    "huge table name": (lambda d: {**d, "tables": {"x" * 1_000_000: []}}, "unknown table"),
    "unknown column": (_set("client", "password", "x"), "unknown column 'password'"),
    "huge column name": (_set("client", "y" * 1_000_000, 1), "unknown column"),
    "missing column": (lambda d: (_rows(d, "client")[0].pop("name"), d)[1], "column name is missing"),
    "row not object": (lambda d: (_rows(d, "user").append([1, 2]), d)[1], "not a record"),
    "text in integer": (
        _set("client", "expected_amount_cents", "lots"),
        "expected_amount_cents is not a valid",
    ),
    "fraction id": (_set("contact", "id", 1.5), "a value of the wrong type (id)"),
    "bad timestamp": (_set("follow_up", "happened_at", "yesterday"), "happened_at is not a valid datetime"),
    "object value": (_set("client", "name", {"a": 1}), "wrong type"),
    "huge integer": (_set("client", "expected_amount_cents", 10**30), "wrong type"),
    "half emoji": (
        lambda d: _text(_set("client", "name", "X")(d)).replace('"X"', '"\\ud83d"'),
        "broken character",
    ),
    "NaN": (
        lambda d: _text(d).replace('"expected_amount_cents": 0', '"expected_amount_cents": NaN'),
        "not valid",
    ),
    "null name": (_set("client", "name", None), "no value for client.name"),
    "duplicate id": (
        lambda d: (_rows(d, "user").append(dict(_rows(d, "user")[0])), d)[1],
        "two records have the same user.id",
    ),
    "duplicate uuid": (
        lambda d: (_rows(d, "user").append({**_rows(d, "user")[0], "id": 7, "name": "x"}), d)[1],
        "two records have the same user.uuid",
    ),
    "duplicate table": (
        lambda d: _text(d).replace('"tables": {', '"tables": {"saved_view": [], ', 1),
        "lists table saved_view twice",
    ),
    "broken reference": (
        _set("contact", "client_id", 999),
        "client_id = 999 points at a missing client record",
    ),
    "deep nesting": (lambda d: '{"format": ' + "[" * 100_000 + "]" * 100_000 + "}", "not"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
@pytest.mark.parametrize("into", ["new file", "empty database"])
def test_hostile_dump_is_refused_and_nothing_written(
    case: str,
    into: str,
    mini_dump: dict[str, object],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    mutate, expected = HOSTILE[case]
    content = mutate(json.loads(json.dumps(mini_dump)))
    dump_path = tmp_path / "hostile.json"
    if isinstance(content, bytes):
        dump_path.write_bytes(content)
    else:
        dump_path.write_text(content if isinstance(content, str) else _text(content), encoding="utf-8")
    target = tmp_path / "target.sqlite3"
    if into == "empty database":
        _empty_db(target)
        before = _dump_text(target)
    assert main(["--db", str(target), "load", str(dump_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    assert expected in err, err
    assert len(err) < 400
    if into == "new file":
        assert not target.exists()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["hostile.json", "mini.sqlite3"]
    else:
        assert _dump_text(target) == before


def test_valid_mini_dump_loads(mini_dump: dict[str, object], tmp_path: Path) -> None:
    """The hostile cases' base is valid: without the mutation it loads (so each case tests its mutation)."""
    dump_path = tmp_path / "mini.json"
    dump_path.write_text(_text(mini_dump), encoding="utf-8")
    load_module.load_file(tmp_path / "ok.sqlite3", dump_path)
    assert json.loads(_dump_text(tmp_path / "ok.sqlite3")) == mini_dump


def test_a_megabyte_of_text_loads(mini_dump: dict[str, object], tmp_path: Path) -> None:
    _rows(mini_dump, "client")[0]["notes"] = "客" * 1_000_000
    dump_path = tmp_path / "big.json"
    dump_path.write_text(_text(mini_dump), encoding="utf-8")
    load_module.load_file(tmp_path / "big.sqlite3", dump_path)
    assert json.loads(_dump_text(tmp_path / "big.sqlite3")) == mini_dump


def test_missing_dump_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "t.sqlite3"), "load", str(tmp_path / "nope.json")]) == 2
    assert "no dump file" in capsys.readouterr().err
    assert not (tmp_path / "t.sqlite3").exists()


def test_domain_problems_load_with_exit_1(
    mini_dump: dict[str, object], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A dump of a database whose records break a domain rule is still the user's data: loaded, and the
    problem reported with exit 1 (as ``check`` does)."""
    _rows(mini_dump, "client")[0]["expected_amount_cents"] = -5
    dump_path = tmp_path / "neg.json"
    dump_path.write_text(_text(mini_dump), encoding="utf-8")
    assert main(["--db", str(tmp_path / "neg.sqlite3"), "load", str(dump_path)]) == 1
    assert "negative money amounts" in capsys.readouterr().out


# --- older schema versions -------------------------------------------------------------------------------


def test_older_schema_dump_is_loaded_then_upgraded(tmp_path: Path) -> None:
    source = tmp_path / "v9.sqlite3"
    db = open_database(source, migrate_to=9)
    from desktop_crm.models import Client, Contract, User

    owner = User.create(name="王磊")
    client = Client.create(name="苏州恒达", owner=owner)
    Contract.create(client=client, amount_cents=120000, signed_on="2025-02-01")
    out = io.StringIO()
    dump_database(db, out)
    close_database()
    assert json.loads(out.getvalue())["schema_version"] == 9
    dump_path = tmp_path / "v9.json"
    dump_path.write_text(out.getvalue(), encoding="utf-8")

    target = tmp_path / "new.sqlite3"
    summary = load_module.load_file(target, dump_path)
    assert (summary.schema_version, summary.migrated_from) == (LATEST_VERSION, 9)
    data = json.loads(_dump_text(target))
    assert data["schema_version"] == LATEST_VERSION
    assert data["tables"]["contract"][0]["amount_cents"] == 120000
    conn2 = sqlite3.connect(target)
    assert conn2.execute("SELECT signed_amount_cents FROM kpi_daily WHERE day = '2025-02-01'").fetchone() == (
        120000,
    )
    conn2.close()
    db = open_database(target)
    assert check_database(db).ok
    close_database()

    # an existing database of the latest schema cannot take it: one sentence, nothing written
    existing = tmp_path / "existing.sqlite3"
    _empty_db(existing)
    with pytest.raises(load_module.CrmError) as caught:
        load_module.load_file(existing, dump_path)
    assert caught.value.code == "load.older_dump_needs_new_file"

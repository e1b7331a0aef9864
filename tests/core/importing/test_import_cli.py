"""``desktop-crm import`` and ``desktop-crm template``: the report, exit codes, nothing written on errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_crm.cli import main
from desktop_crm.db import close_database, open_database
from desktop_crm.models import Client, User


@pytest.fixture
def small(db_path: Path) -> Path:
    open_database(db_path)
    User.create(name="王磊")
    Client.create(name="已有客户", phone="021-5555 0000")
    close_database()
    return db_path


def _dump(db: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--db", str(db), "dump"]) == 0
    return capsys.readouterr().out


def _csv(tmp_path: Path, text: str, encoding: str = "gbk") -> Path:
    path = tmp_path / "clients.csv"
    path.write_bytes(text.encode(encoding))
    return path


GOOD = "客户名称,客户级别,手机,负责人\n华东机电,A（重点客户）,13800138000,王磊\n已有客户,B,,\n"


def test_import_prints_the_report_and_exits_0(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _csv(tmp_path, GOOD)
    assert main(["--db", str(small), "import", "clients", str(path)]) == 0
    out = capsys.readouterr().out
    assert "row 3: Already there as client '已有客户'" in out
    assert "imported: 1 created, 0 updated, 1 skipped" in out
    open_database(small)
    assert Client.get(Client.name == "华东机电").grade == "A"
    close_database()


def test_errors_exit_2_with_nothing_written(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _dump(small, capsys)
    path = _csv(tmp_path, GOOD + "坏客户,Z,,无名氏\n")
    assert main(["--db", str(small), "import", "clients", str(path)]) == 2
    captured = capsys.readouterr()
    assert "row 4, 客户级别: Grade: unknown value 'Z' (allowed: A, B, C)." in captured.out
    assert "row 4, 负责人: Owner: there is no user named '无名氏'" in captured.out
    assert "nothing imported" in captured.err and "Traceback" not in captured.err
    assert _dump(small, capsys) == before


def test_dry_run_writes_nothing(small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _dump(small, capsys)
    path = _csv(tmp_path, GOOD)
    assert main(["--db", str(small), "import", "clients", str(path), "--dry-run"]) == 0
    assert "dry run, nothing written: would 1 create, 0 update, 1 skip, 0 error" in capsys.readouterr().out
    assert _dump(small, capsys) == before


def test_map_override_json_and_update(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _csv(tmp_path, "Firma;Telefon;Bemerkung\n已有客户;021 5555 0000;=1+2\n", "utf-8")
    args = [
        "--db",
        str(small),
        "import",
        "clients",
        str(path),
        "--map",
        "Firma=name",
        "--map",
        "telefon=电话",
    ]
    args += ["--map", "Bemerkung=Notes", "--on-duplicate", "update", "--json"]
    assert main(args) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["delimiter"] == ";" and report["encoding"] == "utf-8"
    assert report["mapping"] == {"Firma": "name", "Telefon": "phone", "Bemerkung": "notes"}
    assert report["imported"] == {"created": 0, "updated": 1, "skipped": 0}
    open_database(small)
    assert Client.get(Client.name == "已有客户").notes == "=1+2"
    close_database()
    # the mapping is remembered for the same headers
    assert main(["--db", str(small), "import", "clients", str(path), "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["mapping"]["Bemerkung"] == "notes"


@pytest.mark.parametrize(
    "order",
    [
        ["FILE", "--map", "Firma=name", "Telefon=phone", "--dry-run"],  # one --map, several pairs
        ["FILE", "--map", "Firma=name", "--map", "Telefon=phone", "--dry-run"],  # --map repeated
        ["--map", "Firma=name", "Telefon=phone", "FILE", "--dry-run"],  # the file after the pairs
        ["--dry-run", "--map", "Firma=name", "FILE", "--map", "Telefon=phone"],
    ],
)
def test_map_takes_several_pairs_in_any_order(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], order: list[str]
) -> None:
    """``--map SOURCE=FIELD ...``: pairs after one --map or after each, before or after FILE."""
    path = _csv(tmp_path, "Firma,Telefon\n新客户,13800138000\n", "utf-8")
    args = [str(path) if a == "FILE" else a for a in order]
    assert main(["--db", str(small), "import", "clients", *args, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["mapping"] == {"Firma": "name", "Telefon": "phone"}


def test_import_without_a_file_is_one_sentence(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(small), "import", "clients", "--map", "Firma=name"]) == 2
    err = capsys.readouterr().err
    assert "FILE" in err and "Traceback" not in err


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--map", "nope=name"], "the file has no column 'nope'"),
        (["--map", "客户名称=wings"], "unknown field 'wings'"),
        (["--map", "novalue"], "write SOURCE=FIELD"),
    ],
)
def test_bad_map_is_one_sentence(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], needle: str
) -> None:
    path = _csv(tmp_path, GOOD)
    assert main(["--db", str(small), "import", "clients", str(path), *args]) == 2
    err = capsys.readouterr().err
    assert needle in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "is empty"),
        ("客户名称\n".encode(), "header row but no records"),
        (b'Name,Notes\nA,"open\n', "row 2, column 2: a quotation mark opens here and is never closed"),
        (b"\x00\x01\x02\x03binary\x00\xff", "is not a spreadsheet"),
    ],
)
def test_bad_files_are_one_sentence(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes, needle: str
) -> None:
    before = _dump(small, capsys)
    path = tmp_path / "bad.csv"
    path.write_bytes(data)
    assert main(["--db", str(small), "import", "clients", str(path)]) == 2
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err
    assert _dump(small, capsys) == before


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_template_command_writes_a_file_the_import_reads(
    small: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, suffix: str
) -> None:
    from desktop_crm.importing import fields, read_table, suggest_mapping
    from desktop_crm.importing.templates import template_headers

    for kind in ("clients", "contacts", "follow-ups", "opportunities", "contracts", "payments"):
        path = tmp_path / f"{kind}{suffix}"
        assert main(["--db", str(small), "template", kind, str(path), "--lang", lang]) == 0
        if suffix == ".csv":
            assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        headers = template_headers(kind, lang)
        assert len(headers) == len([f for f in fields(kind) if not f.key.endswith(("_first", "_last"))])
        # a template with one row of data maps every column back to its field
        with pytest.raises(Exception) as caught:
            read_table(path)
        assert getattr(caught.value, "code", "") == "import.header_only"
        mapping = suggest_mapping(kind, headers)
        assert sorted(mapping) == list(range(len(headers)))
    capsys.readouterr()

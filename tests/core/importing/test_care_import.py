"""Contacts' birthdays, referrals (转介绍) and dossier notes (客户雷达记录) in import and export; the attachment
list as an export (its import refused)."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from desktop_crm.cli import main
from desktop_crm.db import close_database, open_database
from desktop_crm.exporting.entities import export_kind
from desktop_crm.importing import prepare, run_import, suggest_mapping
from desktop_crm.models import Client, Contact, FollowUp, User
from desktop_crm.models.attachments import Attachment
from desktop_crm.models.care import DossierNote, Referral
from desktop_crm.services.referrals import set_referral

from .conftest import table


def _errors(kind: str, headers: list[str], *rows: list[Any], on_duplicate: str = "skip") -> list[tuple]:
    preview = prepare(kind, table(headers, *rows), suggest_mapping(kind, headers), on_duplicate)
    return [(p.row, p.column, p.code) for p in preview.all_problems() if p.severity == "error"]


def _import(kind: str, headers: list[str], *rows: list[Any], on_duplicate: str = "skip") -> Any:
    return run_import(kind, table(headers, *rows), suggest_mapping(kind, headers), on_duplicate)


def _csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


# ---- birthdays ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("header", ["生日", "出生日期", "Birthday", "Date of birth", "DOB"])
def test_birthday_synonyms(db: Any, header: str) -> None:
    assert suggest_mapping("contacts", ["客户名称", "姓名", header]) == {
        0: "client",
        1: "name",
        2: "birthday",
    }


def test_birthdays_in_and_out_and_bad_dates_per_row(db: Any, clock: Any, tmp_path: Path) -> None:
    Client.create(name="甲公司")
    headers = ["客户名称", "姓名", "生日"]
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    assert _errors(
        "contacts", headers, ["甲公司", "张三", "1980年2月30日"], ["甲公司", "李四", tomorrow]
    ) == [
        (2, "生日", "import.not_a_date"),
        (3, "生日", "dossier.date_in_future"),
    ]
    assert _import("contacts", headers, ["甲公司", "张三", "1980/3/9"], ["甲公司", "李四", ""]).created == 2
    assert Contact.get(Contact.name == "张三").birthday == date(1980, 3, 9)
    assert Contact.get(Contact.name == "李四").birthday is None
    path = tmp_path / "contacts.csv"
    export_kind("contacts", path, lang="zh_CN")
    rows = _csv(path)
    column = rows[0].index("生日")
    assert {row[1]: row[column] for row in rows[1:]} == {"张三": "1980-03-09", "李四": ""}
    # update sets a birthday on the contact already there
    assert _import("contacts", headers, ["甲公司", "李四", "1990-01-02"], on_duplicate="update").updated == 1
    assert Contact.get(Contact.name == "李四").birthday == date(1990, 1, 2)


# ---- referrals -----------------------------------------------------------------------------------------

REFERRAL_HEADERS = [
    "客户名称",
    "介绍人",
    "承诺奖励",
    "承诺奖励金额",
    "已兑现奖励",
    "已兑现奖励金额",
    "奖励兑现日期",
    "备注",
]


@pytest.mark.parametrize("header", ["客户名称", "被介绍客户", "Client", "Referred client"])
def test_referred_client_synonyms(db: Any, header: str) -> None:
    assert suggest_mapping("referrals", [header, "介绍人", "Referrer"]) == {0: "client", 1: "referrer"}


def test_referrals_import_with_rewards_and_export_back(db: Any, clock: Any, tmp_path: Path) -> None:
    a, b, c = (Client.create(name=n) for n in ("甲公司", "乙公司", "丙公司"))
    zhang = Contact.create(client=c, name="张三")
    day = clock.today() - timedelta(days=3)
    result = _import(
        "referrals",
        REFERRAL_HEADERS,
        ["甲公司", "乙公司", "购物卡", "¥500", "购物卡", "500", day.isoformat(), "老客户推荐"],
        ["乙公司", "张三（丙公司）", "", "", "", "", "", ""],
    )
    assert (result.created, result.updated) == (2, 0)
    first = Referral.get(Referral.client == a.id)
    assert (first.referrer_client_id, first.referrer_contact_id) == (b.id, None)
    assert (first.reward_promised, first.reward_promised_cents, first.reward_given_cents) == (
        "购物卡",
        50_000,
        50_000,
    )
    assert (first.reward_given_on, first.notes) == (day, "老客户推荐")
    assert Referral.get(Referral.client == b.id).referrer_contact_id == zhang.id
    path = tmp_path / "referrals.csv"
    assert export_kind("referrals", path, lang="zh_CN") == 2
    rows = _csv(path)
    assert rows[0] == REFERRAL_HEADERS
    assert rows[1] == ["乙公司", "张三 (丙公司)", "", "", "", "", "", ""]
    assert rows[2] == [
        "甲公司",
        "乙公司",
        "购物卡",
        "500.00",
        "购物卡",
        "500.00",
        day.isoformat(),
        "老客户推荐",
    ]


def test_referral_rules_are_the_services(db: Any, clock: Any) -> None:
    own = Client.create(name="甲公司")
    Contact.create(client=own, name="李四")
    Client.create(name="乙公司")
    for name in ("C1", "C2", "C3", "C4", "C5"):
        Client.create(name=name)
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    headers = ["客户名称", "介绍人", "已兑现奖励", "奖励兑现日期", "承诺奖励金额"]
    assert _errors(
        "referrals",
        headers,
        ["甲公司", "甲公司", "", "", ""],
        ["C1", "李四 (C1)", "", "", ""],
        ["C2", "无名氏", "", "", ""],
        ["C3", "乙公司", "", clock.today().isoformat(), ""],  # a day given, nothing given
        ["C4", "乙公司", "礼品", tomorrow, ""],
        ["C5", "乙公司", "", "", "-5"],
        ["丁公司", "乙公司", "", "", ""],
        ["乙公司", "", "", "", ""],
    ) == [
        (2, "介绍人", "referral.self"),
        (3, "介绍人", "import.unknown_referrer"),
        (4, "介绍人", "import.unknown_referrer"),
        (5, "奖励兑现日期", "referral.given_on_without_reward"),
        (6, "奖励兑现日期", "referral.date_in_future"),
        (7, "承诺奖励金额", "import.negative_money"),
        (8, "客户名称", "import.unknown_client"),
        (9, "介绍人", "import.required"),
    ]
    # a client referred through one of its own contacts
    assert _errors("referrals", headers, ["甲公司", "李四 (甲公司)", "", "", ""]) == [
        (2, "介绍人", "referral.own_contact")
    ]
    assert Referral.select().count() == 0


def test_one_referral_per_client_skip_update_create(db: Any, clock: Any) -> None:
    a, b, c = (Client.create(name=n) for n in ("甲公司", "乙公司", "丙公司"))
    day = clock.today()
    set_referral(a.id, referrer_client_id=b.id, reward_given="红包", reward_given_on=day)
    headers = ["客户名称", "介绍人", "承诺奖励"]
    assert _import("referrals", headers, ["甲公司", "丙公司", "茶叶"]).skipped == 1
    assert Referral.get(Referral.client == a.id).referrer_client_id == b.id
    # update: the referrer replaced, the stored reward kept (its date stays valid with it)
    assert _import("referrals", headers, ["甲公司", "丙公司", "茶叶"], on_duplicate="update").updated == 1
    referral = Referral.get(Referral.client == a.id)
    assert (referral.referrer_client_id, referral.reward_promised, referral.reward_given) == (
        c.id,
        "茶叶",
        "红包",
    )
    # create on a client that has one, or twice in the file: an error at the client's cell
    assert _errors("referrals", headers, ["甲公司", "丙公司", ""], on_duplicate="create") == [
        (2, "客户名称", "import.referral_exists")
    ]
    assert _errors(
        "referrals", headers, ["乙公司", "丙公司", ""], ["乙公司", "甲公司", ""], on_duplicate="create"
    ) == [(3, "客户名称", "import.referral_twice")]
    preview = prepare(
        "referrals",
        table(headers, ["乙公司", "丙公司", ""], ["乙公司", "甲公司", ""]),
        {0: "client", 1: "referrer"},
    )
    assert [r.action for r in preview.rows] == ["create", "skip"]
    assert Referral.select().count() == 1


# ---- dossier notes ---------------------------------------------------------------------------------------

NOTE_HEADERS = ["客户名称", "日期", "信息来源", "记录内容"]


def test_dossier_notes_in_and_out_duplicates_and_rules(db: Any, clock: Any, tmp_path: Path) -> None:
    a = Client.create(name="甲公司")
    DossierNote.create(client=a, noted_on=date(2026, 1, 5), source="官网", text="新厂投产")
    tomorrow = (clock.today() + timedelta(days=1)).isoformat()
    assert _errors(
        "dossier-notes",
        NOTE_HEADERS,
        ["甲公司", tomorrow, "", "将来的事"],
        ["甲公司", "2026-13-01", "", "坏日期"],
        ["甲公司", "2026-01-06", "", ""],
    ) == [
        (2, "日期", "dossier.date_in_future"),
        (3, "日期", "import.not_a_date"),
        (4, "记录内容", "import.required"),
    ]
    result = _import(
        "dossier-notes",
        NOTE_HEADERS,
        ["甲公司", "2026/1/5", "报纸", "新厂 投产"],  # the same client, date and text: skipped
        ["甲公司", "2026-02-01", "天眼查", "=增资"],
        ["甲公司", "2026-02-01", "", "=增资"],  # repeats the row above
    )
    assert (result.created, result.skipped) == (1, 2)
    note = DossierNote.get(DossierNote.noted_on == date(2026, 2, 1))
    assert (note.source, note.text) == ("天眼查", "=增资")
    path = tmp_path / "notes.csv"
    assert export_kind("dossier-notes", path, lang="zh_CN") == 2
    rows = _csv(path)
    assert rows == [
        NOTE_HEADERS,
        ["甲公司", "2026-01-05", "官网", "新厂投产"],
        ["甲公司", "2026-02-01", "天眼查", "'=增资"],
    ]
    again = _import("dossier-notes", NOTE_HEADERS, *rows[1:], on_duplicate="create")
    assert again.created == 2 and DossierNote.select().count() == 4


# ---- attachments: export only ------------------------------------------------------------------------------


def test_attachment_list_export_and_import_refused(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    open_database(db_path)
    try:
        wang = User.create(name="王磊")
        a = Client.create(name="甲公司")
        gone = Client.create(name="已删除", deleted_at=datetime(2026, 1, 1))
        visit = FollowUp.create(
            client=a, user=wang, channel="visit", happened_at=datetime(2026, 3, 9, 14, 30)
        )
        common = {"size_bytes": 1200, "sha256": "ab" * 32, "kind": "pdf", "added_by": wang}
        Attachment.create(
            client=a, owner_kind="client", owner_uuid=a.uuid, file_name="营业执照.pdf", **common
        )
        Attachment.create(
            client=a, owner_kind="follow_up", owner_uuid=visit.uuid, file_name="=纪要.pdf", **common
        )
        Attachment.create(client=gone, owner_kind="client", owner_uuid=gone.uuid, file_name="x.pdf", **common)
    finally:
        close_database()
    out = tmp_path / "attachments.csv"
    assert main(["--db", str(db_path), "export", "attachments", str(out), "--lang", "zh_CN"]) == 0
    rows = _csv(out)
    assert rows[0] == [
        "客户名称",
        "所属记录类型",
        "所属记录",
        "文件名",
        "文件类型",
        "大小（字节）",
        "SHA-256",
        "添加时间",
        "添加人",
    ]
    assert [r[1:4] for r in rows[1:]] == [
        ["client", "甲公司", "营业执照.pdf"],
        ["follow_up", "2026-03-09 14:30", "'=纪要.pdf"],
    ]
    assert rows[1][5] == "1200" and rows[1][6] == "ab" * 32 and rows[1][8] == "王磊"
    capsys.readouterr()
    before = db_path.read_bytes()
    assert main(["--db", str(db_path), "import", "attachments", str(out)]) == 2
    err = capsys.readouterr().err
    assert "Attachments cannot be imported" in err and "Traceback" not in err
    assert main(["--db", str(db_path), "template", "attachments", str(tmp_path / "t.csv")]) == 2
    assert db_path.read_bytes() == before and not (tmp_path / "t.csv").exists()


@pytest.mark.parametrize("kind", ["referrals", "dossier-notes"])
def test_cli_templates_and_export_of_the_new_kinds(
    db_path: Path, tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    open_database(db_path)
    close_database()
    for lang in ("en", "zh_CN"):
        path = tmp_path / f"{kind}-{lang}.csv"
        assert main(["--db", str(db_path), "template", kind, str(path), "--lang", lang]) == 0
        headers = _csv(path)[0]
        assert headers[0] == ("客户名称" if lang == "zh_CN" else "Client")
        assert sorted(suggest_mapping(kind, headers)) == list(range(len(headers)))
    out = tmp_path / f"{kind}.xlsx"
    assert main(["--db", str(db_path), "export", kind, str(out)]) == 0
    assert f"exported 0 {kind}" in capsys.readouterr().out

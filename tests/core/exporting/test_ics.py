"""The next steps' iCalendar file checked by a small strict RFC 5545 reader: CRLF, 75-octet folding on
UTF-8 boundaries, escaping, stable UIDs, DTSTAMP from the clock, all-day and timed events."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop_crm.exporting.ics import escape_text, export_next_steps, fold
from desktop_crm.models import Client, Contact, FollowUp, FollowUpContact, NextStep, User

LONG_PLAN = "与王总确认二期ERP对接方案，包括财务、仓储；以及报价单\\附件,再约时间拜访" * 3
NAME_RE = re.compile(r"^[A-Z][A-Z0-9-]*$")


def parse_ics(raw: bytes) -> list[dict[str, tuple[dict[str, str], str]]]:
    """A strict reader: every line CRLF-terminated and at most 75 octets, folds only after whole UTF-8
    characters, BEGIN/END balanced, names well formed, TEXT escapes valid. Returns the VEVENTs."""
    assert raw.endswith(b"\r\n")
    physical = raw[:-2].split(b"\r\n")
    assert b"\n" not in b"".join(physical) and b"\r" not in b"".join(physical)
    logical: list[str] = []
    for line in physical:
        assert len(line) <= 75, line
        text = line.decode("utf-8")  # strict: a fold inside a character would fail here
        if text.startswith(" "):
            assert logical
            logical[-1] += text[1:]
        else:
            logical.append(text)
    stack: list[str] = []
    events: list[dict[str, tuple[dict[str, str], str]]] = []
    current: dict[str, tuple[dict[str, str], str]] | None = None
    for line in logical:
        head, sep, value = line.partition(":")
        assert sep, line
        name, *params = head.split(";")
        assert NAME_RE.match(name), line
        param_map = dict(p.split("=", 1) for p in params)
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                current = {}
            continue
        if name == "END":
            assert stack and stack.pop() == value
            if value == "VEVENT":
                assert current is not None
                events.append(current)
                current = None
            continue
        if name in ("SUMMARY", "DESCRIPTION"):
            assert re.fullmatch(r"(?:[^\\;,]|\\[\\;,nN])*", value), value
        if current is not None:
            assert name not in current, f"{name} twice"
            current[name] = (param_map, value)
    assert stack == [] and logical[0] == "BEGIN:VCALENDAR"
    return events


def unescape(value: str) -> str:
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


@pytest.fixture
def steps(db: object, clock) -> dict[str, NextStep]:  # noqa: ANN001
    clock.set(datetime(2026, 11, 20, 9, 30))
    wang = User.create(name="王磊")
    chen = User.create(name="陈静")
    client = Client.create(name="杭州云帆科技有限公司; 总部, 一期", phone="0571-8888")
    other = Client.create(name="Northwind", phone="")
    gone = Client.create(name="Deleted", deleted_at=datetime(2026, 1, 1))
    boss = Contact.create(client=client, name="李四", phone="139")
    visit = FollowUp.create(client=client, channel="visit", happened_at=datetime(2026, 11, 19, 10))
    FollowUpContact.create(follow_up=visit, contact=boss)
    day = NextStep.create(
        client=client,
        user=wang,
        source_follow_up=visit,
        bucket="next_week",
        due_at=datetime(2026, 11, 30, 9, 0),
        title=LONG_PLAN,
        plan_type="dig_opportunity",
    )
    timed = NextStep.create(client=other, user=chen, bucket="exact", due_at=datetime(2026, 11, 21, 14, 15))
    NextStep.create(client=other, user=chen, bucket="exact", due_at=datetime(2026, 11, 21, 15), done=True)
    NextStep.create(client=gone, user=chen, bucket="exact", due_at=datetime(2026, 11, 21, 15))
    return {"day": day, "timed": timed, "wang": wang}


def test_escape_and_fold() -> None:
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = fold("SUMMARY:" + "汉" * 40)
    assert all(len(part.encode()) <= 75 for part in folded[:-2].split("\r\n"))
    assert folded.replace("\r\n ", "")[:-2] == "SUMMARY:" + "汉" * 40
    assert fold("SHORT:x") == "SHORT:x\r\n"


def test_next_steps_ics_is_valid(steps: dict, tmp_path: Path) -> None:
    path = tmp_path / "steps.ics"
    assert export_next_steps(path) == 2  # done steps and deleted clients left out
    raw = path.read_bytes()
    events = parse_ics(raw)
    assert len(events) == 2
    by_uid = {e["UID"][1]: e for e in events}
    day = by_uid[f"nextstep-{steps['day'].uuid}@desktop-crm"]
    assert day["DTSTART"] == ({"VALUE": "DATE"}, "20261130")
    assert day["DTEND"] == ({"VALUE": "DATE"}, "20261201")
    assert re.fullmatch(r"\d{8}T\d{6}Z", day["DTSTAMP"][1])
    assert unescape(day["SUMMARY"][1]) == f"杭州云帆科技有限公司; 总部, 一期: {LONG_PLAN}"
    description = unescape(day["DESCRIPTION"][1])
    assert "Contact: 李四 (139)" in description and "Client phone: 0571-8888" in description
    assert "Plan: Dig opportunity" in description
    timed = by_uid[f"nextstep-{steps['timed'].uuid}@desktop-crm"]
    assert timed["DTSTART"] == ({}, "20261121T141500")  # floating local time
    assert timed["DTEND"] == ({}, "20261121T144500")
    assert unescape(timed["SUMMARY"][1]) == "Northwind: Keep in touch"


def test_uid_is_stable_and_dtstamp_follows_the_clock(steps: dict, tmp_path: Path, clock) -> None:  # noqa: ANN001
    export_next_steps(tmp_path / "a.ics")
    clock.advance(days=1)
    export_next_steps(tmp_path / "b.ics")
    first, second = parse_ics((tmp_path / "a.ics").read_bytes()), parse_ics((tmp_path / "b.ics").read_bytes())
    assert [e["UID"] for e in first] == [e["UID"] for e in second]
    stamp = lambda e: datetime.strptime(e["DTSTAMP"][1], "%Y%m%dT%H%M%SZ")  # noqa: E731
    assert stamp(second[0]) - stamp(first[0]) == timedelta(days=1)


def test_one_users_steps(steps: dict, tmp_path: Path) -> None:
    assert export_next_steps(tmp_path / "w.ics", user_id=steps["wang"].id) == 1

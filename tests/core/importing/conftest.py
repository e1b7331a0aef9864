"""Helpers of the import tests: a Table from rows, the database dumped as text, a small team."""

from __future__ import annotations

import io
from typing import Any

import pytest

from desktop_crm.importing import Table


def table(headers: list[str], *rows: list[Any], source: str = "t.csv") -> Table:
    return Table(
        list(headers), [list(r) for r in rows], list(range(2, len(rows) + 2)), source, "utf-8", ",", None
    )


def dump_text(db: Any) -> str:
    from desktop_crm.dump import dump_database

    out = io.StringIO()
    dump_database(db, out)
    return out.getvalue()


@pytest.fixture
def team(db: Any) -> dict[str, int]:
    from desktop_crm.services.users import create_user

    wang = create_user("王磊")
    chen = create_user("陈静")
    return {"王磊": wang.id, "陈静": chen.id}

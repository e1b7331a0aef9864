"""SQLite's unary plus before a column (kept off an index) is dropped for PostgreSQL, where ``+`` on text
is no operator; an addition stays an addition."""

from __future__ import annotations

from desktop_crm.postgres.sql import translate


def test_unary_plus_after_a_keyword_or_parenthesis_is_dropped() -> None:
    sql = "SELECT 1 FROM t WHERE +k.deleted_at IS NULL AND +cl.x = ? OR (+o.stage IN ('won'))"
    assert (
        translate(sql) == "SELECT 1 FROM t WHERE k.deleted_at IS NULL AND cl.x = %s OR (o.stage IN ('won'))"
    )


def test_an_addition_and_a_plus_in_a_literal_are_kept() -> None:
    assert translate("SELECT a +b.c, 1 +2 FROM t WHERE n = 'AND +x'") == (
        "SELECT a +b.c, 1 +2 FROM t WHERE n = 'AND +x'"
    )

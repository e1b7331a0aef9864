"""Integrity check of a database file: SQLite's own checks plus the domain's invariants."""

from __future__ import annotations

from dataclasses import dataclass, field

from peewee import Database

from .driver import key_for
from .engine import is_postgres, raw_connection

# (description, SQL returning offending rows' ids) — every query must return no rows on a healthy file.
DOMAIN_CHECKS: list[tuple[str, str]] = [
    (
        "negative money amounts",
        """SELECT 'client', id FROM client WHERE expected_amount_cents < 0
           UNION ALL SELECT 'opportunity', id FROM opportunity WHERE expected_amount_cents < 0
           UNION ALL SELECT 'contract', id FROM contract WHERE amount_cents < 0
           UNION ALL SELECT 'payment_instalment', id FROM payment_instalment WHERE amount_cents < 0
           UNION ALL SELECT 'payment', id FROM payment WHERE amount_cents < 0""",
    ),
    (
        "contacts reporting to a person of another client",
        """SELECT 'contact', c.id FROM contact c JOIN contact b ON b.id = c.reports_to_id
           WHERE b.client_id != c.client_id""",
    ),
    (
        "follow-ups linked to a contact of another client",
        """SELECT 'follow_up', f.id FROM follow_up_contact fc JOIN follow_up f ON f.id = fc.follow_up_id
           JOIN contact c ON c.id = fc.contact_id WHERE c.client_id != f.client_id""",
    ),
    (
        "payments recorded against an instalment of another contract",
        """SELECT 'payment', p.id FROM payment p JOIN payment_instalment i ON i.id = p.instalment_id
           WHERE i.contract_id != p.contract_id""",
    ),
    (
        "contracts of an opportunity of another client",
        """SELECT 'contract', k.id FROM contract k JOIN opportunity o ON o.id = k.opportunity_id
           WHERE o.client_id != k.client_id""",
    ),
    (
        "completed next steps without a completion time",
        "SELECT 'next_step', id FROM next_step WHERE done = 1 AND done_at IS NULL",
    ),
    (
        "opportunities with a probability outside 0..100",
        "SELECT 'opportunity', id FROM opportunity WHERE probability < 0 OR probability > 100",
    ),
    (
        "weekly scores outside 0..100",
        "SELECT 'weekly_score', id FROM weekly_score WHERE score < 0 OR score > 100",
    ),
    (
        "goals whose period ends before it starts",
        "SELECT 'goal', id FROM goal WHERE period_end <= period_start",
    ),
    (
        "client counts (derived.TALLY) that differ from the clients",
        """SELECT 'client_tally', 1 FROM (SELECT
             (SELECT count(*) FROM client WHERE deleted_at IS NULL) AS alive,
             (SELECT count(*) FROM client WHERE deleted_at IS NOT NULL) AS deleted) AS counted
           LEFT JOIN client_tally AS kept ON kept.slot = 1
           WHERE COALESCE(kept.alive, 0) <> counted.alive OR COALESCE(kept.deleted, 0) <> counted.deleted""",
    ),
]


@dataclass
class CheckReport:
    problems: list[str] = field(default_factory=list)
    damaged: bool = False  # SQLite's integrity/quick check failed (the file's structure is broken)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(db: Database, quick: bool = False, sample: int = 5) -> CheckReport:
    """Run SQLite's integrity (or quick) check, the foreign-key check and the domain checks. On a team
    database the server keeps its own structure and the references (checked at every commit): the
    domain checks and the KPI summaries' comparison."""
    report = CheckReport()
    if not is_postgres(db):
        _sqlite_checks(db, report, quick, sample)
    for description, sql in DOMAIN_CHECKS:
        found = db.execute_sql(sql).fetchall()
        if found:
            ids = ", ".join(f"{t}#{i}" for t, i in found[:sample])
            more = f" and {len(found) - sample} more" if len(found) > sample else ""
            report.problems.append(f"{len(found)} {description}: {ids}{more}")
    # The KPI summaries against a recomputation from the records (desktop_crm.kpi_summary), which
    # recomputes inside a savepoint: not possible on a file opened read-only, so skipped there.
    if not quick and not getattr(db, "crm_read_only", False):
        from . import kpi_summary

        conn = raw_connection(db)
        if kpi_summary.has_summaries(conn):
            drift = kpi_summary.check(conn)
            if drift:
                report.problems.append(
                    f"{len(drift)} KPI summary rows differ from the records (first: {drift[0]})"
                )
    return report


def _sqlite_checks(db: Database, report: CheckReport, quick: bool, sample: int) -> None:
    pragma = "quick_check" if quick else "integrity_check"
    rows = [r[0] for r in db.execute_sql(f"PRAGMA {pragma}").fetchall()]
    if rows != ["ok"]:
        report.problems.extend(f"SQLite {pragma}: {r}" for r in rows[:sample])
        report.damaged = True
    path = getattr(db, "crm_path", None)
    if not quick and path and key_for(path) is not None:
        # An encrypted file: every page's authentication code too (a flipped bit anywhere is found,
        # even in a page no table reads).
        pages = [str(r[0]) for r in db.execute_sql("PRAGMA cipher_integrity_check").fetchall()]
        if pages:
            report.problems.extend(f"SQLCipher cipher_integrity_check: {p}" for p in pages[:sample])
            report.damaged = True
    fk_rows = db.execute_sql("PRAGMA foreign_key_check").fetchall()
    if fk_rows:
        report.problems.append(
            f"{len(fk_rows)} rows point at missing records (first: table {fk_rows[0][0]} row {fk_rows[0][1]} "
            f"-> {fk_rows[0][2]})"
        )

"""The command line: ``desktop-crm [--db PATH] [COMMAND ...]``.

Without a command it starts the GUI (the remaining options, such as ``--self-test``,
``--screenshots DIR`` and ``--lang``, go to it). Commands:

- ``demo [--size small|large] [--seed N] [--today YYYY-MM-DD]``: fill an empty database with demo data.
- ``kpi [--from DATE] [--to DATE] [--by week|month|quarter|year] [--user NAME] [--json]``: KPIs per period,
  with month-on-month and year-on-year changes. ``--to`` is inclusive; by default the last 12 periods.
  ``kpi --by-person [--from DATE --to DATE | --by KIND] [--json]``: the per-salesperson summary with rank and
  the busy-but-not-converting flag (``desktop_crm.kpi_cli``). ``--user ""`` is an error, not the team.
- ``dump [--output FILE] [--by-uuid]``: every record as JSON (format in ``desktop_crm.dump``).
- ``check [--quick]``: SQLite integrity, foreign keys and the domain's invariants; exit 1 if problems.
- ``weekly --user NAME --week 2026-W48 [--json | --pdf FILE]``: one weekly goal form (``desktop_crm.weekly_cli``).
- ``goals [--user NAME] [--year YYYY] [--json]``: the goal trees with progress (``desktop_crm.goals_cli``).
- ``report --from DATE --to DATE [--user NAME] --out FILE``: the owner's review pack PDF (``desktop_crm.report_cli``).
- ``backup [FILE]``, ``backups [--json]``, ``restore FILE [--yes]``: backups (``desktop_crm.backup_cli``).
- ``load FILE.json``: restore a ``dump`` into an empty or new database (``desktop_crm.load_cli``).
- ``export KIND FILE [--format csv|xlsx] [--encoding ENC] [--lang en|zh_CN]``, ``export next-steps FILE.ics``:
  records to CSV/XLSX, open next steps to iCalendar (``desktop_crm.export_cli``).
- ``import KIND FILE [--map SOURCE=FIELD ...] [--on-duplicate skip|update|create] [--dry-run] [--json]``: import
  CSV/XLSX with a validation report, all or nothing; ``template KIND FILE [--lang]`` (``desktop_crm.import_cli``).
- ``sync [--with FOLDER] [--json]``, ``export-changes FILE [--full] [--json]``, ``import-changes FILE [--json]``,
  ``conflicts [--json] [--choose ID mine|theirs]``: offline sync (``desktop_crm.sync_cli``).
- ``users [--json]``: the team sorted by name, with role and reports-to (JSON keys: ``desktop_crm.team.TeamMember``).

Errors go to stderr with a non-zero exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import peewee

from . import (
    backup_cli,
    clock,
    encryption_cli,
    export_cli,
    goals_cli,
    import_cli,
    kpi_cli,
    load_cli,
    report_cli,
    sync_cli,
    weekly_cli,
)
from .driver import sqlite3
from .errors import CrmError
from .paths import default_db_path
from .storage_errors import storage_error

EXIT_OK, EXIT_PROBLEMS, EXIT_ERROR = 0, 1, 2


def _version() -> str:
    from .version import app_version  # pyproject.toml's version, also in a frozen build

    return app_version()


def _parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (expected YYYY-MM-DD): {text!r}") from None


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message}\n")


def db_target(value: str) -> Path | str:
    """A ``--db`` value: a file path, or a team database's ``postgresql://`` URL kept as text (a ``Path``
    would fold its ``//``)."""
    from .team_url import is_team_url

    return value if is_team_url(value) else Path(value)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="desktop-crm", description="Offline desktop CRM for B2B salespeople.")
    parser.add_argument(
        "--db",
        type=db_target,
        help=f"database file, or a team database postgresql://user@host:port/dbname (default: {default_db_path()})",
    )
    encryption_cli.add_options(parser)
    parser.add_argument("--version", action="version", version=f"desktop-crm {_version()}")
    gui = parser.add_argument_group("application (without a command)")
    gui.add_argument("--lang", choices=("en", "zh_CN"), help="interface language (remembered)")
    gui.add_argument("--self-test", action="store_true", help="open every page; exit 0 if all work")
    gui.add_argument("--screenshots", metavar="DIR", help="render every page to DIR/<page>.png and exit")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser, metavar="COMMAND")
    # --db is also accepted after the command ("desktop-crm demo --db x.db").
    common = _Parser(add_help=False)
    common.add_argument(
        "--db", type=db_target, default=argparse.SUPPRESS, help="database file or postgresql:// URL"
    )
    encryption_cli.add_options(common, suppress=True)

    demo = sub.add_parser("demo", parents=[common], help="fill an empty database with demo data")
    demo.add_argument("--size", choices=("small", "large"), default="small")
    demo.add_argument("--seed", type=int, default=0)
    demo.add_argument("--today", type=_parse_date, help="the demo's 'today' (default: today)")

    kpi = sub.add_parser("kpi", parents=[common], help="KPIs per period with MoM and YoY")
    kpi.add_argument("--from", dest="start", type=_parse_date, help="first day (default: 12 periods back)")
    kpi.add_argument("--to", dest="end", type=_parse_date, help="last day, inclusive (default: today)")
    kpi.add_argument("--by", choices=("week", "month", "quarter", "year"), default="month")
    kpi.add_argument("--user", help="one salesperson's name (default: the whole team)")
    kpi.add_argument("--json", action="store_true", help="print JSON instead of a table")
    kpi_cli.add_arguments(kpi)

    dump = sub.add_parser("dump", parents=[common], help="every record as JSON, in a stable order")
    dump.add_argument("--output", type=Path, help="write to this file instead of standard output")
    dump.add_argument(
        "--by-uuid",
        action="store_true",
        help="rows keyed by UUID, foreign keys as UUIDs, no ids (compare replicas)",
    )

    check = sub.add_parser("check", parents=[common], help="check the database's integrity")
    check.add_argument("--quick", action="store_true", help="PRAGMA quick_check instead of integrity_check")

    users = sub.add_parser("users", parents=[common], help="the team: users with role and reports-to")
    copy = sub.add_parser(
        "copy",
        help="copy a whole database into an empty one: a file into a team database (postgresql://...) or back",
    )
    copy.add_argument("source", type=db_target, help="database file or postgresql://user@host:port/dbname")
    copy.add_argument("destination", type=db_target, help="a new file or an empty team database")
    copy.add_argument("--json", action="store_true", help="print the rows copied per table as JSON")
    encryption_cli.add_options(copy, suppress=True)
    users.add_argument("--json", action="store_true", help="print JSON instead of a table")
    weekly_cli.add_parser(sub, common)
    goals_cli.add_parser(sub, common)
    report_cli.add_parser(sub, common, _parse_date)
    backup_cli.add_parsers(sub, common)
    load_cli.add_parser(sub, common)
    export_cli.add_parser(sub, common)
    import_cli.add_parsers(sub, common)
    sync_cli.add_parsers(sub, common)
    encryption_cli.add_parsers(sub, common)
    return parser


def _open(args: argparse.Namespace, must_exist: bool = True) -> Any:
    from .db import open_database

    path: Path = args.db or default_db_path()
    if isinstance(path, str):  # a team database: the server checks it (desktop_crm.postgres)
        return open_database(path)
    if must_exist and not path.exists():
        raise CrmError("cli.no_database", path=path)
    _verify_before_reading(path)
    db = open_database(path)
    if getattr(db, "crm_read_only", False):  # a notice, not an error: reading works
        print(f"desktop-crm: {path} is read-only: opened for reading only.", file=sys.stderr)
    return db


def _verify_before_reading(path: Path) -> None:
    """Refuse a hostile file with one sentence before any command reads it: the read-only inspection
    (``open_check``), then SQLite's quick_check on files small enough to check in well under a second."""
    from .migrations import LATEST_VERSION
    from .open_check import CLI_CHECK_LIMIT, OPEN_CHECK_LIMIT, inspect_file, quick_check
    from .storage_errors import DatabaseDamagedError

    verdict = inspect_file(path, LATEST_VERSION)
    # open_database checks files up to OPEN_CHECK_LIMIT itself; the command line goes further.
    small = path.is_file() and OPEN_CHECK_LIMIT < path.stat().st_size <= CLI_CHECK_LIMIT
    if small and quick_check(path, immutable=verdict.immutable) is not None:
        raise DatabaseDamagedError("db.damaged", path=str(path))


def _cmd_demo(args: argparse.Namespace) -> int:
    from .demo import generate_demo
    from .team_url import display_url

    path: Path | str = args.db or default_db_path()
    summary = generate_demo(path, size=args.size, seed=args.seed, today=args.today)
    counts = getattr(summary, "counts", summary)
    shown = display_url(path) if isinstance(path, str) else path  # never a password
    print(f"demo data ({args.size}, seed {args.seed}) written to {shown}")
    if isinstance(counts, dict):
        for table, n in counts.items():
            print(f"  {table:24} {n:>10,}")
    return EXIT_OK


def _default_range(kind: str, end: date) -> date:
    from .kpi import period_containing

    period = period_containing(kind, end)
    for _ in range(11):
        period = period.previous()
    return period.start


def _cmd_kpi(args: argparse.Namespace) -> int:
    from .kpi import series, series_to_json
    from .models import User
    from .team import user_named

    kpi_cli.check_user(args.user)
    _open(args)
    user_id = None
    if args.user:
        user = user_named(args.user)
        if user is None:
            names = ", ".join(u.name for u in User.select().order_by(User.name))
            raise CrmError("cli.no_such_user", name=args.user, users=names or "none")
        user_id = user.id
    if args.by_person:
        return kpi_cli.run_by_person(args, user_id)
    last_day: date = args.end or clock.today()
    start: date = args.start or _default_range(args.by, last_day)
    if start > last_day:
        raise CrmError("cli.from_after_to")
    results = series_to_json(series(args.by, start, last_day + timedelta(days=1), user_id=user_id))
    if args.json:
        payload = {"by": args.by, "from": start.isoformat(), "to": last_day.isoformat(), "user": args.user}
        payload["periods"] = results
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        _print_kpi_table(results)
    return EXIT_OK


def _print_kpi_table(results: list[dict[str, Any]]) -> None:
    if not results:
        print("no periods")
        return
    keys = list(results[0]["values"])
    labels = [r["period"] for r in results]
    width = max(len(k) for k in keys)
    print(" " * width + "".join(f"{label:>14}" for label in labels))
    for key in keys:
        cells = []
        for r in results:
            value = r["values"][key]
            if value is None:
                cells.append(f"{'-':>14}")
            elif key.endswith("_cents"):  # money: shown in currency units
                cells.append(f"{value / 100:>14,.2f}")
            elif isinstance(value, float):
                cells.append(f"{value:>14.3f}")
            else:
                cells.append(f"{value:>14,}")
        name = key.removesuffix("_cents")
        print(f"{name:<{width}}" + "".join(cells))


def _cmd_dump(args: argparse.Namespace) -> int:
    from .dump import dump_database, dump_to_file

    if args.output and not args.output.resolve().parent.is_dir():
        raise CrmError("cli.no_folder", folder=args.output.resolve().parent, name=args.output.name)
    db = _open(args)
    if args.output:
        dump_to_file(db, args.output, by_uuid=args.by_uuid)  # a temporary file renamed at the end
    else:
        dump_database(db, sys.stdout, by_uuid=args.by_uuid)
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from .integrity import check_database

    report = check_database(_open(args), quick=args.quick)
    if report.damaged:  # SQLite's own check failed: the file is damaged, not merely inconsistent
        from .storage_errors import DatabaseDamagedError

        raise DatabaseDamagedError("db.damaged", path=str(args.db or default_db_path()))
    if report.ok:
        print("ok")
        return EXIT_OK
    for problem in report.problems:
        print(problem)
    return EXIT_PROBLEMS


def _cmd_users(args: argparse.Namespace) -> int:
    import unicodedata

    from .team import team_members

    _open(args)
    members = team_members()
    if args.json:
        print(json.dumps([m.to_json() for m in members], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not members:
        print("no users yet (the application asks for your name at first start)")
        return EXIT_OK

    def width(text: str) -> int:  # Chinese characters take two columns in a terminal
        return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)

    header = ("name", "role", "reports to", "active", "PIN", "e-mail", "phone")
    rows = [header] + [
        (m.name, m.role, m.reports_to or "-", "yes" if m.active else "no", "yes" if m.has_pin else "no")
        + (m.email or "-", m.phone or "-")
        for m in members
    ]
    widths = [max(width(row[i]) for row in rows) for i in range(len(header))]
    for row in rows:
        cells = [cell + " " * (w - width(cell)) for cell, w in zip(row, widths, strict=True)]
        print("  ".join(cells).rstrip())
    return EXIT_OK


def _cmd_copy(args: argparse.Namespace) -> int:
    from .copy_db import copy_database

    def progress(table: str, rows: int) -> None:
        if not args.json:
            print(f"  {table}: {rows} rows", file=sys.stderr)

    summary = copy_database(args.source, args.destination, progress)
    if args.json:
        print(json.dumps(summary.as_json(), ensure_ascii=False, indent=2))
    else:
        total = sum(summary.counts.values())
        files = f" and {summary.files} attachment file(s)" if summary.files else ""
        print(f"copied {total} rows{files} from {summary.source} to {summary.destination}")
    if summary.missing_files:
        print(
            f"desktop-crm: {len(summary.missing_files)} attachment file(s) were not found with "
            f"{summary.source}: their records were copied without them",
            file=sys.stderr,
        )
    return EXIT_OK


COMMANDS = {"demo": _cmd_demo, "kpi": _cmd_kpi, "dump": _cmd_dump, "check": _cmd_check, "users": _cmd_users}
COMMANDS["copy"] = _cmd_copy
COMMANDS["encrypt"] = lambda args: encryption_cli.run_encrypt(args, args.db or default_db_path())
COMMANDS["decrypt"] = lambda args: encryption_cli.run_decrypt(args, args.db or default_db_path())
COMMANDS["change-passphrase"] = lambda args: encryption_cli.run_change_passphrase(
    args, args.db or default_db_path()
)
COMMANDS["weekly"] = lambda args: weekly_cli.run(args, _open)
COMMANDS["goals"] = lambda args: goals_cli.run(args, _open)
COMMANDS["report"] = lambda args: report_cli.run(args, _open)
COMMANDS["backup"] = lambda args: backup_cli.run_backup(args, args.db or default_db_path())
COMMANDS["backups"] = lambda args: backup_cli.run_backups(args, args.db or default_db_path())
COMMANDS["restore"] = lambda args: backup_cli.run_restore(args, args.db or default_db_path())
COMMANDS["load"] = lambda args: load_cli.run(args, args.db or default_db_path())
COMMANDS["export"] = lambda args: export_cli.run(args, _open)
COMMANDS["import"] = lambda args: import_cli.run_import_command(args, _open)
COMMANDS["template"] = import_cli.run_template_command
COMMANDS["sync"] = lambda args: sync_cli.run_sync(args, _open)
COMMANDS["export-changes"] = lambda args: sync_cli.run_export(args, _open)
COMMANDS["import-changes"] = lambda args: sync_cli.run_import(args, _open)
COMMANDS["conflicts"] = lambda args: sync_cli.run_conflicts(args, _open)


def _start_gui(argv: list[str]) -> int:
    # The core does not depend on the GUI: it hands over to the interface's ``gui`` entry (found through
    # ``desktop_crm.frontend``, never by the interface's name), only when asked to start it.
    from . import frontend

    try:
        gui = frontend.load("gui")
    except (ImportError, LookupError) as exc:
        raise CrmError("cli.no_gui", reason=exc) from exc
    return int(gui(argv) or 0)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    try:
        if args.command is None:
            return _start_gui(argv)
        if args.lang or args.self_test or args.screenshots:
            parser.error("--lang, --self-test and --screenshots are for the application, not for a command")
        if unknown:
            parser.error(f"unrecognized arguments: {' '.join(unknown)}")
        encryption_cli.unlock_files(args, args.db or default_db_path())
        return COMMANDS[args.command](args)
    except CrmError as exc:
        print(f"desktop-crm: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except (sqlite3.Error, peewee.PeeweeException) as exc:
        mapped = storage_error(exc, getattr(args, "db", None) or default_db_path())
        print(f"desktop-crm: {mapped or f'database error: {exc}'}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        print("desktop-crm: interrupted", file=sys.stderr)
        return 130
    except OSError as exc:
        if (mapped := storage_error(exc, exc.filename or "")) is not None:
            print(f"desktop-crm: {mapped}", file=sys.stderr)
            return EXIT_ERROR
        print(f"desktop-crm: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_ERROR
    except Exception as exc:  # a bug: one sentence for the user, the traceback in the log file
        where = _log_unexpected(exc)
        first = str(exc).splitlines()[0] if str(exc) else ""
        print(
            f"desktop-crm: unexpected error ({type(exc).__name__}{': ' + first if first else ''})"
            + (f"; the details were written to {where}" if where else ""),
            file=sys.stderr,
        )
        return EXIT_ERROR


def _log_unexpected(exc: BaseException) -> Path | None:
    """Append ``exc``'s traceback to the application's log file; its path, or None when it cannot be written."""
    import traceback

    from .paths import data_dir

    try:
        path = data_dir() / "desktop-crm.log"
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as log:
            log.write(f"{clock.now().isoformat(sep=' ')} ERROR desktop_crm.cli: unexpected error\n")
            log.write("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    except OSError:
        return None
    return path


if __name__ == "__main__":
    sys.exit(main())

"""``desktop-crm sync [--with FOLDER]``, ``export-changes FILE``, ``import-changes FILE``,
``conflicts [--json] [--choose ID mine|theirs]``: offline sync from the command line (``desktop_crm.sync``).

JSON keys: ``export-changes --json``: ``path``, ``replica``, ``records``, ``full``; ``import-changes --json``:
``path``, ``replica`` (the file's), ``records``, ``applied``, ``unchanged``, ``conflicts``, ``waiting``;
``sync --json``: ``folder``, ``imported`` (a list of the former), ``skipped``, ``exported``, ``problems`` (files
that could not be imported: ``file``, ``code``, ``message``; exit 1 when there are any); with a team
database (``--with postgresql://…``, or the last sync was with one) ``folder`` is null and ``team`` (the
database) and ``pushed`` (how the team database merged this file's records, an import summary) are added; ``conflicts --json``:
a list of ``id``, ``at``, ``table``, ``uuid``, ``field``, ``original``, ``mine``, ``theirs``, ``chosen``,
``rule``, ``peer``, ``decided_by_user_at``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import CrmError

EXIT_OK, EXIT_PROBLEMS = 0, 1


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    sync = sub.add_parser(
        "sync",
        parents=[common],
        help="exchange changes with the other computers: a shared folder or the team database",
    )
    sync.add_argument(
        "--with",
        dest="target",
        metavar="URL|FOLDER",
        help="a shared folder or a team database's postgresql:// URL (default: the one used last)",
    )
    sync.add_argument("--json", action="store_true", help="print what was imported and exported as JSON")
    export = sub.add_parser(
        "export-changes", parents=[common], help="write this database's changes to a file"
    )
    export.add_argument("file", type=Path, help="the change file to write (.crmchanges)")
    export.add_argument("--full", action="store_true", help="every record, not only those changed")
    export.add_argument("--json", action="store_true", help="print the summary as JSON")
    imp = sub.add_parser("import-changes", parents=[common], help="merge another computer's change file")
    imp.add_argument("file", type=Path, help="the change file to import")
    imp.add_argument("--json", action="store_true", help="print the summary as JSON")
    conflicts = sub.add_parser("conflicts", parents=[common], help="the conflicts sync decided, newest first")
    conflicts.add_argument("--json", action="store_true", help="print JSON instead of a table")
    conflicts.add_argument(
        "--choose",
        nargs=2,
        metavar=("ID", "mine|theirs"),
        help="give the record the other value of a conflict",
    )


def _print(payload: dict[str, Any] | list[Any]) -> None:
    print(json.dumps(payload, ensure_ascii=False, indent=2))


def run_sync(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Any]) -> int:
    from .sync.folder import FolderSync, sync_folder
    from .sync.hub import TeamSync, remembered_team, sync_team
    from .team_url import is_team_url

    open_db(args)
    target = args.target if args.target is not None else remembered_team()
    on_team = target is not None and is_team_url(target)
    result: FolderSync | TeamSync = sync_team(str(target)) if on_team else sync_folder(args.target)
    if args.json:
        _print(result.as_json())
        return EXIT_PROBLEMS if result.problems else EXIT_OK
    for summary in result.imported:
        print(_import_line(summary))
    if result.skipped:
        print(f"nothing new in {len(result.skipped)} file(s)")
    if isinstance(result, TeamSync):
        if result.exported is not None:
            print(f"sent {result.exported.records} record(s) to {result.team}")
    elif result.exported is not None:
        print(f"wrote {result.exported.records} record(s) to {result.exported.path}")
    for name, problem in result.problems:
        print(f"desktop-crm: {name} was not imported: {problem.message}", file=sys.stderr)
    return EXIT_PROBLEMS if result.problems else EXIT_OK


def _import_line(summary: Any) -> str:
    line = (
        f"{summary.path}: {summary.records} record(s), {summary.applied} applied, {summary.unchanged} unchanged, "
        f"{summary.conflicts} conflict(s)"
    )
    if summary.waiting:
        line += f", {summary.waiting} waiting for records not received yet"
    return line


def run_export(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Any]) -> int:
    from .sync.exchange import export_changes

    open_db(args)
    summary = export_changes(args.file, full=args.full)
    if args.json:
        _print(summary.as_json())
    else:
        kind = "every record" if summary.full else "the records changed"
        print(f"wrote {summary.records} record(s) ({kind}) to {summary.path}")
    return EXIT_OK


def run_import(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Any]) -> int:
    from .sync.exchange import import_changes

    open_db(args)
    summary = import_changes(args.file)
    if args.json:
        _print(summary.as_json())
    else:
        print(_import_line(summary))
    return EXIT_OK


def run_conflicts(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Any]) -> int:
    from .sync.conflicts import choose, list_conflicts

    open_db(args)
    if args.choose:
        number, choice = args.choose
        try:
            conflict_id = int(number)
        except ValueError:
            raise CrmError("sync.no_conflict", number=number) from None
        decided = choose(conflict_id, choice)
        if args.json:
            _print(decided.as_json())
        else:
            print(f"conflict {decided.id}: {decided.table}.{decided.field} now holds {choice}")
        return EXIT_OK
    found = list_conflicts()
    if args.json:
        _print([c.as_json() for c in found])
        return EXIT_OK
    if not found:
        print("no conflicts")
        return EXIT_OK
    for c in found:
        kept = c.mine if c.chosen == "mine" else c.theirs
        print(
            f"{c.id:>5}  {c.at}  {c.table}.{c.field} ({c.uuid[:8]})  original {c.original!r}  mine {c.mine!r}  "
            f"theirs {c.theirs!r}  kept {kept!r} ({c.rule})"
        )
    sys.stdout.flush()
    return EXIT_OK

"""``desktop-crm export KIND FILE [--format csv|xlsx] [--encoding ENC] [--lang en|zh_CN]`` and
``desktop-crm export next-steps FILE.ics [--user NAME]``.

KIND is one of clients, contacts, follow-ups, opportunities, contracts, payment-plans, payments,
service-records, referrals, dossier-notes, attachments (the attachment list; export only): every live record with the import's headers (English by default, ``--lang zh_CN`` for
Chinese), so the file imports again. The format comes from ``--format``, else from FILE's suffix (``.xlsx``), else CSV; CSV is
written in UTF-8 with BOM unless ``--encoding`` names utf-8, gb18030, gbk or utf-16. ``next-steps``
writes the open next steps (of ``--user`` when given) as iCalendar. Bad input (an unknown kind,
format or encoding, a file that cannot be written, a character the encoding cannot hold) is one
sentence on stderr and exit 2, with FILE left as it was. Progress goes to stderr on a terminal.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import CrmError

NEXT_STEPS = "next-steps"


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    export = sub.add_parser(
        "export", parents=[common], help="export records to CSV/XLSX, or next steps to iCalendar"
    )
    export.add_argument(
        "kind",
        metavar="KIND",
        help="clients, contacts, follow-ups, opportunities, contracts, payment-plans, payments, service-records,"
        " referrals, dossier-notes, attachments or next-steps",
    )
    export.add_argument("file", type=Path, metavar="FILE", help="the file to write (replaced whole)")
    export.add_argument("--format", dest="fmt", help="csv or xlsx (default: from FILE's suffix, else csv)")
    export.add_argument("--encoding", help="CSV encoding: utf-8-sig (default), utf-8, gb18030, gbk, utf-16")
    export.add_argument("--lang", dest="header_lang", default="en", help="header language: en or zh_CN")
    export.add_argument("--user", help="next-steps only: one salesperson's steps (default: everyone's)")


def _progress() -> Callable[[int, int], bool] | None:
    if not sys.stderr.isatty():
        return None

    def report(done: int, total: int) -> bool:
        sys.stderr.write(f"\rexporting {done:,}/{total:,}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()
        return True

    return report


def run(args: argparse.Namespace, open_db: Callable[[argparse.Namespace], Any]) -> int:
    from .exporting.entities import check_kind, check_lang
    from .exporting.writers import codec_for, format_for

    if args.kind == NEXT_STEPS:
        if args.fmt is not None or args.encoding is not None:
            raise CrmError("export.next_steps_options")
        open_db(args)
        return _run_next_steps(args)
    kind = check_kind(args.kind)
    check_lang(args.header_lang)
    fmt = format_for(args.file, args.fmt)
    if fmt == "csv":
        codec_for(args.encoding)
    elif args.encoding is not None:
        raise CrmError("export.encoding_for_xlsx")
    if args.user is not None:
        raise CrmError("export.user_only_next_steps")
    open_db(args)
    from .exporting.entities import export_kind

    count = export_kind(
        kind, args.file, fmt=fmt, encoding=args.encoding, lang=args.header_lang, progress=_progress()
    )
    print(f"exported {count:,} {kind} to {args.file}")
    return 0


def _run_next_steps(args: argparse.Namespace) -> int:
    from .exporting.ics import export_next_steps
    from .models import User
    from .team import user_named

    user_id = None
    if args.user is not None:
        user = user_named(args.user)
        if user is None:
            names = ", ".join(u.name for u in User.select().order_by(User.name))
            raise CrmError("cli.no_such_user", name=args.user, users=names or "none")
        user_id = user.id
    count = export_next_steps(args.file, user_id=user_id, progress=_progress())
    print(f"exported {count:,} open next steps to {args.file}")
    return 0

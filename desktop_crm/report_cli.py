"""``desktop-crm report --from DATE --to DATE [--user NAME] [--language en|zh_CN] --out pack.pdf``.

The owner's review pack: cards, charts, the per-salesperson summary and the period's weekly forms in one
A4 PDF. The core never imports Qt: it hands over to the interface's ``review_pack`` (found through
``desktop_crm.frontend``), which needs no display (an offscreen application is created when none exists).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from . import frontend
from .errors import CrmError


def add_parser(sub: Any, common: argparse.ArgumentParser, parse_date: Any) -> None:
    report = sub.add_parser("report", parents=[common], help="the owner's review pack as one PDF")
    report.add_argument("--from", dest="start", required=True, type=parse_date, help="first day")
    report.add_argument("--to", dest="end", required=True, type=parse_date, help="last day, inclusive")
    report.add_argument("--user", help="one salesperson's name (default: the whole team)")
    report.add_argument("--language", choices=("en", "zh_CN"), default=None, help="language of the PDF")
    report.add_argument("--out", required=True, type=Path, metavar="FILE", help="the PDF to write")


def run(args: argparse.Namespace, open_db: Any) -> int:
    start: date = args.start
    end: date = args.end
    if end < start:
        raise CrmError("cli.to_before_from", end=end, start=start)
    if args.user is not None and not args.user.strip():
        raise CrmError("cli.user_blank")
    if not args.out.parent.exists():
        raise CrmError("cli.no_folder", folder=args.out.parent, name=args.out.name)
    open_db(args)
    user_id = None
    if args.user is not None:
        from .weekly_cli import _user_id

        user_id = _user_id(args.user)
    try:
        module = frontend.load("review_pack")
    except (ImportError, LookupError) as exc:
        raise CrmError("cli.review_pack_needs_gui", reason=exc) from exc
    written = module.export_headless(start, end, user_id, args.out, args.language)
    print(f"review pack {start} – {end} written to {written}")
    return 0

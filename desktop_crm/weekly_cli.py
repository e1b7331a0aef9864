"""``desktop-crm weekly --user NAME --week 2026-W48 [--json | --pdf FILE]``: one weekly goal form.

Reads only: a week without a form prints the automatically filled form with status "missing" and creates
nothing. ``--pdf`` hands over to the interface's ``weekly_pdf`` (found through ``desktop_crm.frontend``;
the core never imports Qt), which renders the form as an A4 PDF.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import frontend
from .errors import CrmError

if TYPE_CHECKING:
    from .weekly_form import WeeklyFormView


def _week(text: str) -> tuple[int, int]:
    from .weekly_form import parse_week

    try:
        return parse_week(text)
    except ValueError as exc:
        raise CrmError("cli.bad_week", reason=exc) from None


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    weekly = sub.add_parser("weekly", parents=[common], help="one salesperson's weekly goal form")
    weekly.add_argument("--user", required=True, help="the salesperson's name")
    weekly.add_argument("--week", required=True, help="ISO week, e.g. 2026-W48")
    out = weekly.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print JSON instead of text")
    out.add_argument("--pdf", type=Path, metavar="FILE", help="write the form as an A4 PDF")
    weekly.add_argument(
        "--language",
        choices=("en", "zh_CN"),
        default=None,
        help="language of the PDF (default: the application's language)",
    )


def _user_id(name: str) -> int:
    from .models import User
    from .team import user_named

    user = user_named(name)
    if user is None:
        names = ", ".join(u.name for u in User.select().order_by(User.name))
        raise CrmError("cli.no_such_user", name=name, users=names or "none")
    return int(user.id)


def run(args: argparse.Namespace, open_db: Any) -> int:
    from .weekly_form import form_to_json, weekly_form_view

    iso_year, iso_week = _week(args.week)
    open_db(args)
    view = weekly_form_view(_user_id(args.user), iso_year, iso_week)
    if args.pdf:
        _write_pdf(view, args.pdf, args.language)
        print(f"weekly form {view.label} of {view.user_name} written to {args.pdf}")
    elif args.json:
        json.dump(form_to_json(view), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_text(view)
    return 0


def _write_pdf(view: WeeklyFormView, path: Path, language: str | None) -> None:
    try:
        module = frontend.load("weekly_pdf")
    except (ImportError, LookupError) as exc:
        raise CrmError("cli.pdf_needs_gui", reason=exc) from exc
    module.export_pdf_headless(view, path, language)


def _money(cents: int) -> str:
    return f"{cents / 100:,.2f}"


def _print_text(view: WeeklyFormView) -> None:
    print(f"{view.user_name}  {view.label}  ({view.start} .. {view.end})  status: {view.status}")
    if view.assessment:
        print("assessment:")
        for t in view.assessment:
            print(f"  {t.goal_title} / {t.label}: target {t.target}, actual {t.actual}, gap {t.gap}")
    print("last week's collections (planned / received):")
    for c in view.last_week_collections:
        print(f"  {c.client_name or '-'}: {_money(c.planned_cents)} / {_money(c.actual_cents)}")
    print("this week's planned collections:")
    for line in view.collections:
        print(
            f"  [{line.kind}] {line.client_name or '-'}: {_money(line.remaining_cents)} {line.note}".rstrip()
        )
    print("plan:")
    for p in view.plan:
        print(f"  {p.weekday} {'[x]' if p.done else '[ ]'} {p.text}")
    print("facts:")
    for key, value in view.facts.items():
        if value not in (None, 0):
            print(f"  {key}: {value}")
    if view.summary:
        print(f"summary: {view.summary}")
    for a in view.annotations:
        print(f"annotation ({a.author_name}, {a.created_at}{', ' + a.line if a.line else ''}): {a.body}")
    if view.score is not None:
        print(f"score: {view.score.total:g}")

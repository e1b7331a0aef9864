"""``desktop-crm goals [--user NAME] [--year YYYY] [--json]``: the goal trees with progress from real data.

Without ``--user``: every tree (the team's first, then each person's by name); with it, only that
person's goals. JSON: a list of goal objects (``desktop_crm.goal_progress.goal_to_json``).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from .errors import CrmError


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    goals = sub.add_parser("goals", parents=[common], help="the goal trees with progress")
    goals.add_argument("--user", help="only this person's goals (default: every tree, the team's first)")
    goals.add_argument("--year", type=int, help="only the trees whose period meets this year")
    goals.add_argument("--json", action="store_true", help="print JSON instead of an indented tree")


def _user_id(name: str) -> int:
    from .models import User
    from .team import user_named

    user = user_named(name)
    if user is None:
        names = ", ".join(u.name for u in User.select().order_by(User.name))
        raise CrmError("cli.no_such_user", name=name, users=names or "none")
    return int(user.id)


def run(args: argparse.Namespace, open_db: Any) -> int:
    from .goal_progress import ALL, goal_forest, goal_to_json

    open_db(args)
    owner: int | str = ALL if args.user is None else _user_id(args.user)
    if args.year is not None and not 1900 <= args.year <= 2100:
        raise CrmError("cli.year_range")
    forest = goal_forest(owner, year=args.year)
    if args.json:
        json.dump([goal_to_json(view) for view in forest], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        if not forest:
            print("no goals")
        for view in forest:
            _print(view, 0)
    return 0


def _number(value: Any, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "cents":
        return f"{value / 100:,.2f}"
    if unit == "rate":
        return f"{value * 100:.1f}%"
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"


def _print(view: Any, depth: int) -> None:
    pad = "  " * depth
    last = view.end.toordinal() - 1
    from datetime import date

    owner = view.user or "team"
    done = "" if view.progress.completion is None else f"  {view.progress.completion * 100:.0f}%"
    print(f"{pad}{view.kind} {view.title} ({owner}, {view.start} – {date.fromordinal(last)}){done}")
    for t in view.progress.targets:
        share = "" if t.completion is None else f" {t.completion * 100:.0f}%"
        name = t.label or t.metric
        print(
            f"{pad}  · {name} [{t.metric}]: target {_number(t.target, t.unit)}, "
            f"actual {_number(t.actual, t.unit)}{share}, {t.pace.replace('_', ' ')}"
        )
    for a in view.actions:
        mark = "x" if a.done else " "
        print(f"{pad}  [{mark}] {a.title}")
    for w in view.smart:
        print(f"{pad}  ! {w.message}")
    for child in view.children:
        _print(child, depth + 1)

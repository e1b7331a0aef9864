"""The goal tree (目标树): team year goal → each salesperson's year → quarter → month → week → event.

Every goal carries numeric targets (数字目标, cents or counts) and action targets (行动目标).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from .context import Ctx, Seller
from .plan import SizeSpec

# Yearly signing target in cents by profile (the closer carries the biggest number).
_YEAR_SIGNING = {"closer": 300_000_000, "busy": 200_000_000, "average": 220_000_000, "newbie": 120_000_000}
_WEEK_FOLLOW_UPS = {"closer": 12, "busy": 30, "average": 18, "newbie": 20}
_YEAR_ACTIONS = (
    "开发{n}家新客户",
    "每月至少拜访每个A类客户一次",
    "老客户转介绍不少于{m}家",
    "参加两次行业展会",
)
_MONTH_ACTIONS = ("完成{s}的方案演示", "推动{s}合同审批", "回访所有本月签约客户", "清理三个月未跟进的客户")
_WEEK_ACTIONS = ("拜访{s}", "给{s}发报价", "约{s}的决策者见面", "催收{s}回款", "整理本周新线索")


@dataclass
class SellerBook:
    """What the goal and weekly-form generators need to know about one salesperson's clients."""

    seller: Seller
    clients: list[tuple[int, str]] = field(default_factory=list)  # (client id, short name), a sample
    customers: list[tuple[int, str]] = field(default_factory=list)
    key_clients: list[tuple[int, str]] = field(default_factory=list)
    last_texts: dict[str, str] = field(default_factory=dict)  # per kind, so a text is not repeated next time

    def fresh(self, ctx: Ctx, kind: str, pool: tuple[str, ...]) -> str:
        """A text from ``pool``, never the same as the previous one of this ``kind``."""
        text = ctx.pick(pool)
        if text == self.last_texts.get(kind) and len(pool) > 1:
            text = pool[(pool.index(text) + 1) % len(pool)]
        self.last_texts[kind] = text
        return text

    def client(self, ctx: Ctx) -> tuple[int, str]:
        pool = self.key_clients if self.key_clients and ctx.chance(0.3) else self.clients
        return ctx.pick(pool) if pool else (0, "")


def _ts(ctx: Ctx, day: date, minute: int = 540) -> str:
    return ctx.ts(ctx.offset(day), minute)


def _goal(
    ctx: Ctx, parent: int | None, user: int | None, kind: str, title: str, start: date, end: date, made: date
) -> int:
    goal_id = ctx.new_id("goal")
    ts = _ts(ctx, min(made, ctx.today))
    ctx.add(
        "goal",
        (goal_id, ctx.uuid(), ts, ts, parent, user, kind, title, start.isoformat(), end.isoformat(), 0, ""),
    )
    return goal_id


def _target(ctx: Ctx, goal_id: int, metric: str, label: str, unit: str, value: int, made: date) -> None:
    ts = _ts(ctx, min(made, ctx.today))
    ctx.add(
        "goal_target",
        (ctx.new_id("goal_target"), ctx.uuid(), ts, ts, goal_id, metric, label, unit, value, None),
    )


def _action(ctx: Ctx, goal_id: int, category: str, title: str, due: date, made: date) -> None:
    ts = _ts(ctx, min(made, ctx.today))
    done = due < ctx.today and ctx.chance(0.75)
    done_at = _ts(ctx, due - timedelta(days=1), 1000) if done else None
    row = (
        ctx.new_id("goal_action"),
        ctx.uuid(),
        ts,
        ts,
        goal_id,
        category,
        title,
        due.isoformat(),
        int(done),
        done_at,
    )
    ctx.add("goal_action", row)


def _link(ctx: Ctx, goal_id: int, client_id: int, made: date, linked: set[tuple[int, int]]) -> None:
    if client_id and (goal_id, client_id) not in linked:
        linked.add((goal_id, client_id))
        ts = _ts(ctx, min(made, ctx.today))
        ctx.add("goal_client", (ctx.new_id("goal_client"), ctx.uuid(), ts, ts, goal_id, client_id))


def _month_of_week(monday: date) -> tuple[int, int]:
    thursday = monday + timedelta(days=3)
    return thursday.year, thursday.month


def write_goals(ctx: Ctx, spec: SizeSpec, books: list[SellerBook]) -> dict[tuple[int, date], int]:
    """Write the goal tree; return the week goal id per (user id, Monday) for the weekly forms."""
    first = ctx.to_date(-spec.days)
    monday0 = first - timedelta(days=first.weekday())
    this_monday = ctx.today - timedelta(days=ctx.today.weekday())
    week_goals: dict[tuple[int, date], int] = {}
    linked: set[tuple[int, int]] = set()
    for year in range(monday0.year, ctx.today.year + 1):
        y_start, y_end = date(year, 1, 1), date(year + 1, 1, 1)
        made = y_start - timedelta(days=10)
        team = _goal(ctx, None, None, "year", f"{year}年团队目标", y_start, y_end, made)
        team_signing = sum(_YEAR_SIGNING[b.seller.profile] for b in books)
        _target(ctx, team, "signed_amount", "签约额", "cents", team_signing, made)
        _target(ctx, team, "collected_amount", "回款额", "cents", team_signing * 85 // 100, made)
        _target(ctx, team, "new_clients", "新增客户", "count", spec.clients * 365 // spec.days, made)
        for book in books:
            seller = book.seller
            signing = _YEAR_SIGNING[seller.profile]
            new_clients = spec.clients * 365 // spec.days // len(books)
            y_goal = _goal(ctx, team, seller.id, "year", f"{seller.name} {year}年目标", y_start, y_end, made)
            _target(ctx, y_goal, "signed_amount", "签约额", "cents", signing, made)
            _target(ctx, y_goal, "collected_amount", "回款额", "cents", signing * 85 // 100, made)
            _target(ctx, y_goal, "new_clients", "新增客户", "count", new_clients, made)
            _target(ctx, y_goal, "first_signings", "首次签约客户", "count", max(4, new_clients // 4), made)
            for text in _YEAR_ACTIONS[:3]:
                title = text.format(n=new_clients, m=max(2, new_clients // 10))
                _action(ctx, y_goal, "dig_opportunity", title, y_end - timedelta(days=1), made)
            for quarter in range(4):
                q_start = date(year, 3 * quarter + 1, 1)
                q_end = date(year + (quarter == 3), (3 * quarter + 3) % 12 + 1, 1)
                if q_end <= monday0:
                    continue
                q_goal = _goal(
                    ctx, y_goal, seller.id, "quarter", f"{year}年第{quarter + 1}季度", q_start, q_end, made
                )
                _target(ctx, q_goal, "signed_amount", "签约额", "cents", signing // 4, made)
                _target(ctx, q_goal, "collected_amount", "回款额", "cents", signing * 85 // 400, made)
                for month in range(3 * quarter + 1, 3 * quarter + 4):
                    m_start = date(year, month, 1)
                    m_end = date(year + (month == 12), month % 12 + 1, 1)
                    if m_end <= monday0:
                        continue
                    m_made = m_start - timedelta(days=3)
                    m_goal = _goal(
                        ctx, q_goal, seller.id, "month", f"{year}年{month}月", m_start, m_end, m_made
                    )
                    _target(ctx, m_goal, "signed_amount", "签约额", "cents", signing // 12, m_made)
                    _target(
                        ctx,
                        m_goal,
                        "activity_counts",
                        "跟进次数",
                        "count",
                        _WEEK_FOLLOW_UPS[seller.profile] * 4,
                        m_made,
                    )
                    client_id, short = book.client(ctx)
                    _action(
                        ctx,
                        m_goal,
                        "sign_and_collect",
                        ctx.pick(_MONTH_ACTIONS).format(s=short),
                        m_end - timedelta(days=1),
                        m_made,
                    )
                    _link(ctx, m_goal, client_id, m_made, linked)
                    _write_weeks(ctx, book, m_goal, (year, month), monday0, this_monday, week_goals, linked)
    return week_goals


def _write_weeks(
    ctx: Ctx,
    book: SellerBook,
    month_goal: int,
    year_month: tuple[int, int],
    monday0: date,
    this_monday: date,
    week_goals: dict[tuple[int, date], int],
    linked: set[tuple[int, int]],
) -> None:
    """Week goals (and, for the last weeks, event goals) of the weeks whose Thursday is in the month."""
    year, month = year_month
    day = date(year, month, 1)
    monday = day - timedelta(days=day.weekday())
    seller = book.seller
    while True:
        if _month_of_week(monday) != year_month:
            if monday > day:
                break
            monday += timedelta(days=7)
            continue
        if monday > this_monday:
            break
        if monday >= monday0:
            made = monday - timedelta(days=3)
            iso = monday.isocalendar()
            w_goal = _goal(
                ctx,
                month_goal,
                seller.id,
                "week",
                f"{iso[0]}年第{iso[1]}周",
                monday,
                monday + timedelta(days=7),
                made,
            )
            week_goals[(seller.id, monday)] = w_goal
            _target(
                ctx, w_goal, "activity_counts", "跟进次数", "count", _WEEK_FOLLOW_UPS[seller.profile], made
            )
            _target(
                ctx,
                w_goal,
                "collected_amount",
                "本周回款",
                "cents",
                _YEAR_SIGNING[seller.profile] // 60,
                made,
            )
            for _ in range(2):
                client_id, short = book.client(ctx)
                _action(
                    ctx,
                    w_goal,
                    "dig_opportunity",
                    ctx.pick(_WEEK_ACTIONS).format(s=short),
                    monday + timedelta(days=4),
                    made,
                )
                _link(ctx, w_goal, client_id, made, linked)
            if (this_monday - monday).days <= 28 and book.key_clients:
                client_id, short = ctx.pick(book.key_clients)
                event = _goal(
                    ctx,
                    w_goal,
                    seller.id,
                    "event",
                    f"事件目标：约见{short}分管副总",
                    monday,
                    monday + timedelta(days=7),
                    made,
                )
                _action(
                    ctx,
                    event,
                    "beat_competitor",
                    f"带技术总监去{short}做方案澄清",
                    monday + timedelta(days=3),
                    made,
                )
                _link(ctx, event, client_id, made, linked)
                week_goals[(-seller.id, monday)] = event
        monday += timedelta(days=7)

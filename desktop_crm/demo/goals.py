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
# Action targets: (category, text); categories are enums.ACTION_CATEGORIES.
_YEAR_ACTIONS = (
    ("market_activity", "开发{n}家新客户"),
    ("routine", "每月至少拜访每个A类客户一次"),
    ("special_communication", "老客户转介绍不少于{m}家"),
    ("market_activity", "参加两次行业展会"),
)
_YEAR_TRAINING = "给渠道代理商做两次产品培训"
_MONTH_ACTIONS = (
    ("special_communication", "完成{s}的方案演示"),
    ("special_communication", "推动{s}合同审批"),
    ("routine", "回访所有本月签约客户"),
    ("routine", "清理三个月未跟进的客户"),
)
_WEEK_ACTIONS = (
    ("routine", "拜访{s}"),
    ("special_communication", "给{s}发报价"),
    ("special_communication", "约{s}的决策者见面"),
    ("special_communication", "催收{s}回款"),
    ("routine", "整理本周新线索"),
)
_PROPOSAL_REASON = "本月两个大单的合同要到下月才能盖章，建议把签约目标调低，下月补上。"


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


def _target(
    ctx: Ctx,
    goal_id: int,
    metric: str,
    label: str,
    unit: str,
    value: int,
    made: date,
    assigned_by: int | None = None,
    proposal: tuple[int, int] | None = None,
) -> None:
    """A target; ``assigned_by`` the supervisor who assigned it (agreed unless ``proposal``, (value, by),
    is pending)."""
    ts = _ts(ctx, min(made, ctx.today))
    proposed, reason, proposer = (
        (proposal[0], _PROPOSAL_REASON, proposal[1]) if proposal else (None, "", None)
    )
    state = "proposed" if proposal else ("agreed" if assigned_by is not None else "")
    row = (ctx.new_id("goal_target"), ctx.uuid(), ts, ts, goal_id, metric, label, unit, value, None,
           assigned_by, proposed, reason, proposer, state)  # fmt: skip
    ctx.add("goal_target", row)


def _action(
    ctx: Ctx, goal_id: int, category: str, title: str, due: date, made: date, client_id: int = 0
) -> None:
    ts = _ts(ctx, min(made, ctx.today))
    done = due < ctx.today and ctx.chance(0.75)
    done_at = _ts(ctx, due - timedelta(days=1), 1000) if done else None
    action_id = ctx.new_id("goal_action")
    row = (action_id, ctx.uuid(), ts, ts, goal_id, category, "", title, due.isoformat(), int(done), done_at)
    ctx.add("goal_action", row)
    if client_id:
        ctx.add(
            "goal_action_client", (ctx.new_id("goal_action_client"), ctx.uuid(), ts, ts, action_id, client_id)
        )


def _link(ctx: Ctx, goal_id: int, client_id: int, made: date, linked: set[tuple[int, int]]) -> None:
    if client_id and (goal_id, client_id) not in linked:
        linked.add((goal_id, client_id))
        ts = _ts(ctx, min(made, ctx.today))
        ctx.add("goal_client", (ctx.new_id("goal_client"), ctx.uuid(), ts, ts, goal_id, client_id))


def _month_of_week(monday: date) -> tuple[int, int]:
    thursday = monday + timedelta(days=3)
    return thursday.year, thursday.month


def write_goals(ctx: Ctx, spec: SizeSpec, books: list[SellerBook]) -> dict[tuple[int, date], int]:
    """Write the goal tree; return the week goal id per (user id, Monday) for the weekly forms.

    The supervisor assigns the year, quarter and month targets (agreed; this month's signing target of
    the first salesperson carries a pending proposal); week targets are the salesperson's own."""
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
        _target(ctx, team, "signed_amount_cents", "签约额", "cents", team_signing, made)
        _target(ctx, team, "collected_amount_cents", "回款额", "cents", team_signing * 85 // 100, made)
        _target(ctx, team, "new_clients", "新增客户", "count", spec.clients * 365 // spec.days, made)
        for index, book in enumerate(books):
            seller = book.seller
            boss = seller.supervisor_id
            signing = _YEAR_SIGNING[seller.profile]
            new_clients = spec.clients * 365 // spec.days // len(books)
            y_goal = _goal(ctx, team, seller.id, "year", f"{seller.name} {year}年目标", y_start, y_end, made)
            _target(ctx, y_goal, "signed_amount_cents", "签约额", "cents", signing, made, boss)
            _target(ctx, y_goal, "collected_amount_cents", "回款额", "cents", signing * 85 // 100, made, boss)
            _target(ctx, y_goal, "new_clients", "新增客户", "count", new_clients, made, boss)
            _target(
                ctx, y_goal, "first_signings", "首次签约客户", "count", max(4, new_clients // 4), made, boss
            )
            for category, text in _YEAR_ACTIONS[:3]:
                title = text.format(n=new_clients, m=max(2, new_clients // 10))
                _action(ctx, y_goal, category, title, y_end - timedelta(days=1), made)
            _action(ctx, y_goal, "training", _YEAR_TRAINING, date(year, 6, 30), made)
            for quarter in range(4):
                q_start = date(year, 3 * quarter + 1, 1)
                q_end = date(year + (quarter == 3), (3 * quarter + 3) % 12 + 1, 1)
                if q_end <= monday0:
                    continue
                q_goal = _goal(
                    ctx, y_goal, seller.id, "quarter", f"{year}年第{quarter + 1}季度", q_start, q_end, made
                )
                _target(ctx, q_goal, "signed_amount_cents", "签约额", "cents", signing // 4, made, boss)
                _target(
                    ctx, q_goal, "collected_amount_cents", "回款额", "cents", signing * 85 // 400, made, boss
                )
                for month in range(3 * quarter + 1, 3 * quarter + 4):
                    m_start = date(year, month, 1)
                    m_end = date(year + (month == 12), month % 12 + 1, 1)
                    if m_end <= monday0:
                        continue
                    m_made = m_start - timedelta(days=3)
                    m_goal = _goal(
                        ctx, q_goal, seller.id, "month", f"{year}年{month}月", m_start, m_end, m_made
                    )
                    current = m_start <= ctx.today < m_end
                    proposal = (signing // 15, seller.id) if current and index == 0 and boss else None
                    _target(
                        ctx,
                        m_goal,
                        "signed_amount_cents",
                        "签约额",
                        "cents",
                        signing // 12,
                        m_made,
                        boss,
                        proposal,
                    )
                    follow_ups = _WEEK_FOLLOW_UPS[seller.profile] * 4
                    _target(ctx, m_goal, "activity_total", "跟进次数", "count", follow_ups, m_made, boss)
                    client_id, short = book.client(ctx)
                    category, text = ctx.pick(_MONTH_ACTIONS)
                    due = m_end - timedelta(days=1)
                    _action(ctx, m_goal, category, text.format(s=short), due, m_made, client_id)
                    _link(ctx, m_goal, client_id, m_made, linked)
                    _write_weeks(
                        ctx, book, m_goal, (m_start, m_end), monday0, this_monday, week_goals, linked
                    )
    return week_goals


def _write_weeks(
    ctx: Ctx,
    book: SellerBook,
    month_goal: int,
    month: tuple[date, date],
    monday0: date,
    this_monday: date,
    week_goals: dict[tuple[int, date], int],
    linked: set[tuple[int, int]],
) -> None:
    """Week goals of the ISO weeks that meet the month, clipped to it (so they nest in the month goal
    and their actuals add up to the month's); the piece holding the week's Thursday carries the week's
    actions and, for the last weeks, an event goal."""
    m_start, m_end = month
    monday = m_start - timedelta(days=m_start.weekday())
    seller = book.seller
    while monday < m_end and monday <= this_monday:
        start, end = max(monday, m_start), min(monday + timedelta(days=7), m_end)
        if monday < monday0:
            monday += timedelta(days=7)
            continue
        made = monday - timedelta(days=3)
        iso = monday.isocalendar()
        days = (end - start).days
        w_goal = _goal(ctx, month_goal, seller.id, "week", f"{iso[0]}年第{iso[1]}周", start, end, made)
        follow_ups = max(1, _WEEK_FOLLOW_UPS[seller.profile] * days // 7)
        _target(ctx, w_goal, "activity_total", "跟进次数", "count", follow_ups, made)
        collect = _YEAR_SIGNING[seller.profile] // 60 * days // 7
        _target(ctx, w_goal, "collected_amount_cents", "本周回款", "cents", collect, made)
        if start <= monday + timedelta(days=3) < end:  # the week's own month
            week_goals[(seller.id, monday)] = w_goal
            for _ in range(2):
                client_id, short = book.client(ctx)
                category, text = ctx.pick(_WEEK_ACTIONS)
                due = min(monday + timedelta(days=4), end - timedelta(days=1))
                _action(ctx, w_goal, category, text.format(s=short), due, made, client_id)
                _link(ctx, w_goal, client_id, made, linked)
            if (this_monday - monday).days <= 28 and book.key_clients:
                client_id, short = ctx.pick(book.key_clients)
                event = _goal(
                    ctx, w_goal, seller.id, "event", f"事件目标：约见{short}分管副总", start, end, made
                )
                due = min(monday + timedelta(days=3), end - timedelta(days=1))
                title = f"带技术总监去{short}做方案澄清"
                _action(ctx, event, "special_communication", title, due, made, client_id)
                _link(ctx, event, client_id, made, linked)
                week_goals[(-seller.id, monday)] = event
        monday += timedelta(days=7)

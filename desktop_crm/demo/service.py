"""Demo service records and complaints (服务单/投诉) that tell a story.

Each salesperson's customers had installations, training and maintenance over the history, most of them
resolved and confirmed, with the odd suggestion and praise. The first salesperson's first key client
complained three weeks ago about alarms after delivery: worked on the next day, resolved two days later
with a visit and an extended warranty, and confirmed by the client, delighted (客户抱怨是金). Another
complaint, opened four days ago, is still open past its due time (overdue on Today); a maintenance visit
is due in two days. Written after everything else, straight into the open transaction, from the
demo's seeded random stream, so the rest of the demo is unchanged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..driver import sqlite3
from ..services.service_records import DEFAULT_RESPONSE_HOURS
from .context import Ctx
from .goals import SellerBook
from .plan import SizeSpec

_COLUMNS = (
    "id",
    "uuid",
    "created_at",
    "updated_at",
    "deleted_at",
    "client_id",
    "contact_id",
    "contract_id",
    "user_id",
    "kind",
    "severity",
    "status",
    "title",
    "description",
    "due_at",
    "resolution",
    "resolved_at",
    "confirmed_at",
    "satisfaction",
)
_SQL = f'INSERT INTO "service_record" ({", ".join(_COLUMNS)}) VALUES ({", ".join("?" for _ in _COLUMNS)})'

# (kind, title, description, resolution)
_ROUTINE: tuple[tuple[str, str, str, str], ...] = (
    (
        "installation",
        "设备到货安装调试",
        "新设备到货，需要现场安装并调试到验收标准。",
        "已完成安装调试，客户签字验收。",
    ),
    (
        "training",
        "操作人员培训",
        "客户新招了两名操作员，需要一次上机培训。",
        "已完成半天上机培训，留下操作手册。",
    ),
    ("maintenance", "季度例行保养", "按合同每季度一次的上门保养。", "已完成保养，更换滤芯两只。"),
    ("maintenance", "主轴异响检查", "客户反映主轴运转时有轻微异响。", "紧固松动部件并加注润滑脂，异响消除。"),
    (
        "suggestion",
        "希望增加远程诊断",
        "客户建议提供远程诊断，减少停机等待时间。",
        "已反馈产品部，列入下一版本计划。",
    ),
    ("praise", "表扬售后工程师", "客户来电表扬工程师响应迅速、态度好。", "已转告工程师并在周会上表扬。"),
    ("complaint", "发票开具有误", "客户财务反映发票抬头错误，无法入账。", "已作废重开发票，当天快递寄出。"),
    (
        "complaint",
        "交货延迟两天",
        "客户投诉交货比合同约定晚了两天。",
        "说明原因并致歉，下批货物提前安排发运。",
    ),
)


def _minute(ctx: Ctx) -> int:
    return ctx.work_minute()


def _plus_hours(ctx: Ctx, offset: int, minute: int, hours: int) -> str:
    total = offset * 1440 + minute + hours * 60
    return ctx.ts(total // 1440, total % 1440)


def _first(conn: sqlite3.Connection, sql: str, client_id: int) -> int | None:
    row = conn.execute(sql, (client_id,)).fetchone()
    return int(row[0]) if row else None


def _contact(conn: sqlite3.Connection, client_id: int) -> int | None:
    return _first(
        conn,
        "SELECT id FROM contact WHERE client_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
        client_id,
    )


def _contract(conn: sqlite3.Connection, client_id: int) -> int | None:
    return _first(
        conn, "SELECT id FROM contract WHERE client_id = ? ORDER BY signed_on, id LIMIT 1", client_id
    )


class _Writer:
    def __init__(self, ctx: Ctx, conn: sqlite3.Connection) -> None:
        self.ctx = ctx
        self.conn = conn
        self.rows: list[tuple[Any, ...]] = []

    def add(
        self,
        client_id: int,
        user_id: int,
        kind: str,
        title: str,
        description: str,
        opened: tuple[int, int],
        *,
        severity: str = "normal",
        status: str = "open",
        resolution: str = "",
        resolved: tuple[int, int] | None = None,
        confirmed: tuple[int, int] | None = None,
        satisfaction: int | None = None,
        due_hours: int | None = None,
    ) -> None:
        ctx = self.ctx
        created = ctx.ts(*opened)
        hours = DEFAULT_RESPONSE_HOURS[kind] if due_hours is None else due_hours
        updated = ctx.ts(*(confirmed or resolved or opened))
        self.rows.append(
            (
                ctx.new_id("service_record"),
                ctx.uuid(),
                created,
                updated,
                None,
                client_id,
                _contact(self.conn, client_id),
                _contract(self.conn, client_id),
                user_id,
                kind,
                severity,
                status,
                title,
                description,
                _plus_hours(ctx, opened[0], opened[1], hours),
                resolution,
                ctx.ts(*resolved) if resolved else None,
                ctx.ts(*confirmed) if confirmed else None,
                satisfaction,
            )
        )


def _routine(ctx: Ctx, spec: SizeSpec, writer: _Writer, client_id: int, user_id: int) -> None:
    """One to three records over the history, nearly all resolved; the last weeks' ones may be open."""
    for _ in range(1 + int(ctx.rng.random() * 3)):
        kind, title, description, resolution = ctx.pick(_ROUTINE)
        opened = -1 - int(ctx.rng.random() * (spec.days - 2))
        minute = _minute(ctx)
        hours = DEFAULT_RESPONSE_HOURS[kind]
        took = max(0, int(ctx.rng.random() * (hours / 24 + 2)))
        if opened + took >= 0:
            writer.add(client_id, user_id, kind, title, description, (opened, minute), status="in_progress")
            continue
        resolved = (opened + took, min(minute + 120, 1439))
        confirmed_ = ctx.chance(0.6) and opened + took + 1 < 0
        writer.add(
            client_id,
            user_id,
            kind,
            title,
            description,
            (opened, minute),
            severity="high" if kind == "complaint" and ctx.chance(0.5) else "normal",
            status="confirmed" if confirmed_ else "resolved",
            resolution=resolution,
            resolved=resolved,
            confirmed=(resolved[0] + 1, 600) if confirmed_ else None,
            satisfaction=(4 if ctx.chance(0.6) else 5 if ctx.chance(0.7) else 3) if confirmed_ else None,
        )


def write_service_records(
    ctx: Ctx, spec: SizeSpec, books: Sequence[SellerBook], conn: sqlite3.Connection
) -> None:
    """Write the service story (see the module docstring) into the open transaction on ``conn``."""
    writer = _Writer(ctx, conn)
    for book in books:
        user_id = book.seller.id
        for client_id, _short in book.customers:
            _routine(ctx, spec, writer, client_id, user_id)
    sellers = [b for b in books if b.key_clients or b.customers]
    if sellers:
        first = sellers[0]
        customers = {c for c, _s in first.customers}
        key = next((c for c, _s in first.key_clients if c in customers), None)
        key = key if key is not None else (first.customers or first.key_clients)[0][0]
        uid = first.seller.id
        writer.add(
            key,
            uid,
            "complaint",
            "设备交付后频繁报警",
            "客户生产主管来电：新设备交付后一周内多次误报警停机，影响排产，语气很不满。",
            (-21, 560),
            severity="urgent",
            status="confirmed",
            resolution="次日派工程师上门，查明是温度传感器批次问题，更换全部传感器并免费延长保修一年；"
            "回访时客户表示非常满意，并提出年底追加两台设备。",
            resolved=(-19, 1020),
            confirmed=(-17, 630),
            satisfaction=5,
        )
        writer.add(key, uid, "training", "新产线操作培训", "追加设备后为新产线的六名操作员安排培训。", (-8, 600),
                   status="resolved", resolution="已完成两场培训，考核全部通过。", resolved=(-6, 900))  # fmt: skip
        writer.add(key, uid, "maintenance", "季度例行保养", "合同约定的季度上门保养。", (-1, 540),
                   due_hours=72)  # fmt: skip
        others = [c for b in sellers for c, _s in (b.customers or b.key_clients) if c != key]
        if others:
            late = others[0]
            owner = next(
                b.seller.id for b in sellers if any(c == late for c, _s in (b.customers or b.key_clients))
            )
            writer.add(
                late,
                owner,
                "complaint",
                "备件迟迟未到",
                "客户投诉报修的备件承诺三天到货，已经过了四天还没有消息。",
                (-4, 660),
                severity="high",
            )
    conn.executemany(_SQL, writer.rows)
    ctx.counts["service_record"] = ctx.counts.get("service_record", 0) + len(writer.rows)

"""The sales team, tags, custom field definitions, and each client's row, tags, values and milestones."""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass

from .context import Ctx, Seller
from .names import (
    BRANDS,
    CITIES,
    CITY_WEIGHTS,
    COMPANY_SUFFIXES,
    DISTRICTS,
    ENGLISH_BRANDS,
    ENGLISH_INDUSTRIES,
    ENGLISH_SUFFIXES,
    INDUSTRIES,
    ROADS,
    SOURCE_WEIGHTS,
    SOURCES,
    TAGS,
)
from .plan import ClientPlan, SizeSpec

SUPERVISORS: tuple[tuple[str, str], ...] = (
    ("刘振华", "liu.zhenhua"), ("赵丽娟", "zhao.lijuan"), ("孙国平", "sun.guoping"),
)  # fmt: skip
SALESPEOPLE: tuple[tuple[str, str], ...] = (
    ("王磊", "wang.lei"), ("陈静", "chen.jing"), ("张晓东", "zhang.xiaodong"), ("李海燕", "li.haiyan"),
    ("黄俊杰", "huang.junjie"), ("周雅婷", "zhou.yating"), ("吴志远", "wu.zhiyuan"), ("徐春梅", "xu.chunmei"),
    ("马文博", "ma.wenbo"), ("朱思远", "zhu.siyuan"), ("胡欣怡", "hu.xinyi"), ("郭振宇", "guo.zhenyu"),
    ("何佳琪", "he.jiaqi"), ("高天宇", "gao.tianyu"), ("林梦瑶", "lin.mengyao"), ("罗一鸣", "luo.yiming"),
    ("郑雨桐", "zheng.yutong"), ("梁浩然", "liang.haoran"), ("谢美玲", "xie.meiling"), ("宋德明", "song.deming"),
)  # fmt: skip
# The first two are the story's pair: 王磊 the steady closer, 陈静 the busy "model worker" (劳模).
_PROFILE_CYCLE = ("average", "closer", "average", "busy", "newbie", "average")
_PROFILES: dict[str, tuple[float, float, tuple[int, ...], float]] = {
    # win rate, effort, channel weights (call, sms, visit, wechat, email, meeting), mean weekly score
    "closer": (0.55, 0.75, (30, 5, 20, 25, 8, 12), 86.0),
    "busy": (0.14, 1.8, (52, 6, 26, 12, 2, 2), 66.0),
    "average": (0.4, 1.0, (40, 8, 18, 22, 6, 6), 77.0),
    "newbie": (0.3, 1.1, (45, 10, 15, 22, 5, 3), 72.0),
}
CUSTOM_FIELDS: tuple[tuple[str, str, list[str]], ...] = (
    ("年采购额（万元）", "number", []),
    ("采购周期", "choice", ["月度", "季度", "半年", "年度", "项目制"]),
    ("员工规模", "choice", ["50人以下", "50-200人", "200-1000人", "1000人以上"]),
)
MILESTONES = ("首次拜访", "需求调研", "方案演示", "商务谈判", "签约", "首付款到账")
_CUM_CITY = tuple(sum(CITY_WEIGHTS[: i + 1]) for i in range(len(CITY_WEIGHTS)))
_CUM_SOURCE = tuple(sum(SOURCE_WEIGHTS[: i + 1]) for i in range(len(SOURCE_WEIGHTS)))


@dataclass
class Setup:
    supervisors: list[Seller]
    sellers: list[Seller]
    tag_ids: dict[str, int]
    field_ids: list[int]


def write_team_and_lookups(ctx: Ctx, spec: SizeSpec) -> Setup:
    start = -spec.days - 30
    supervisors: list[Seller] = []
    for name, email in SUPERVISORS[: spec.supervisors]:
        boss = Seller(ctx.new_id("user"), name, "supervisor", None)
        _user_row(ctx, boss, email, start)
        supervisors.append(boss)
    sellers: list[Seller] = []
    for index, (name, email) in enumerate(SALESPEOPLE[: spec.sellers]):
        profile = ("closer", "busy")[index] if index < 2 else _PROFILE_CYCLE[index % len(_PROFILE_CYCLE)]
        win, effort, channels, score = _PROFILES[profile]
        boss = supervisors[index % len(supervisors)]
        seller = Seller(ctx.new_id("user"), name, profile, boss.id, win, effort, channels, score)
        _user_row(ctx, seller, email, start + 1)
        sellers.append(seller)
    tag_ids: dict[str, int] = {}
    for name, color in TAGS:
        tag_ids[name] = tag_id = ctx.new_id("tag")
        ts = ctx.ts(start, 600)
        ctx.add("tag", (tag_id, ctx.uuid(), ts, ts, name, color))
    field_ids: list[int] = []
    for position, (name, kind, choices) in enumerate(CUSTOM_FIELDS):
        field_id = ctx.new_id("custom_field_def")
        ts = ctx.ts(start, 610)
        choices_json = json.dumps(choices, ensure_ascii=False)
        ctx.add("custom_field_def", (field_id, ctx.uuid(), ts, ts, name, kind, choices_json, position, 0))
        field_ids.append(field_id)
    return Setup(supervisors, sellers, tag_ids, field_ids)


def _user_row(ctx: Ctx, user: Seller, email: str, day: int) -> None:
    ts = ctx.ts(day, 540)
    phone = f"13{ctx.rng.randrange(100_000_000, 999_999_999)}"
    role = "supervisor" if user.profile == "supervisor" else "salesperson"
    row = (user.id, ctx.uuid(), ts, ts, user.name, role, user.supervisor_id, f"{email}@example.cn", phone, 1)
    ctx.add("user", row)


def _weighted(ctx: Ctx, cumulative: tuple[int, ...]) -> int:
    return bisect_right(cumulative, ctx.rng.random() * cumulative[-1])


def write_client(ctx: Ctx, setup: Setup, plan: ClientPlan) -> None:
    """The client row and its tags, custom field values and milestones (``plan`` gets name/short)."""
    rng = ctx.rng
    province, city, area = CITIES[_weighted(ctx, _CUM_CITY)]
    region = f"{province}省{city}市" if province else f"{city}市"
    plan.english = ctx.chance(0.08) and not plan.key  # the stakeholder story reads best in Chinese
    if plan.english:
        brand = ctx.pick(ENGLISH_BRANDS)
        word, industry = ctx.pick(ENGLISH_INDUSTRIES)
        plan.name = f"{brand} {word} {ctx.pick(ENGLISH_SUFFIXES)}"
        plan.short = brand
        website = f"www.{brand.lower().replace(' ', '')}{word.lower()}.com"
    else:
        brand, pinyin = ctx.pick(BRANDS)
        word, industry = ctx.pick(INDUSTRIES)
        suffix = ctx.pick(COMPANY_SUFFIXES)
        if "科技" in word and suffix.startswith("科技"):
            suffix = suffix[2:]
        plan.name = f"{city}{brand}{word}{suffix}"
        plan.short = f"{brand}{word[:2]}"
        website = f"www.{pinyin}{rng.randrange(10, 99)}.com.cn" if ctx.chance(0.6) else ""
    grade = "A" if plan.amount >= 50_000_000 else ("B" if plan.amount >= 5_000_000 else "C")
    verdict = _verdict(ctx, plan)
    expected_day: int | None = None
    open_opps = [o for o in plan.opps if o.stage not in ("won", "lost")]
    if open_opps:
        expected_day = max(open_opps[-1].end, 1 + int(rng.random() * 60))
    elif plan.status == "lead" and ctx.chance(0.3):
        expected_day = 30 + int(rng.random() * 150)
    source = SOURCES[_weighted(ctx, _CUM_SOURCE)]
    created = ctx.ts(plan.created, ctx.work_minute())
    updated = ctx.ts(plan.last_active, ctx.work_minute()) if plan.last_active > plan.created else created
    phone = f"{area}-{rng.randrange(20_000_000, 89_999_999)}"
    address = f"{city}市{ctx.pick(DISTRICTS)}{ctx.pick(ROADS)}{rng.randrange(1, 999)}号"
    notes = _client_notes(ctx, plan)
    ctx.add(
        "client",
        (
            plan.id, ctx.uuid(), created, updated, None, plan.name, plan.short, plan.status, verdict, grade,
            ctx.day(expected_day) if expected_day is not None else None, plan.amount, plan.owner.id,
            source, industry, region, phone, address, website, notes,
        ),
    )  # fmt: skip
    _tags(ctx, setup, plan, source, grade, created)
    _custom_values(ctx, setup, plan, created)
    if grade == "A" or plan.key:
        _milestones(ctx, plan, created, expected_day)


def _verdict(ctx: Ctx, plan: ClientPlan) -> str:
    if plan.status == "customer" or plan.key:
        return "valuable"
    if plan.status == "lost":
        return "not_valuable" if ctx.chance(0.6) else "uncertain"
    if plan.owner.profile == "busy":  # she chases everyone and rarely calibrates value
        return "uncertain" if ctx.chance(0.7) else "valuable"
    roll = ctx.rng.random()
    return "valuable" if roll < 0.4 else ("uncertain" if roll < 0.85 else "not_valuable")


def _client_notes(ctx: Ctx, plan: ClientPlan) -> str:
    if plan.key:
        return "重点项目：决策链较长，技术部倾向竞品，需要尽快见到分管副总。"
    if plan.status == "dormant" and ctx.chance(0.5):
        return "客户暂时没有需求，半年后再联系。"
    if plan.english and ctx.chance(0.5):
        return "Foreign-invested; purchasing decisions need approval from the regional HQ."
    return ""


def _tags(ctx: Ctx, setup: Setup, plan: ClientPlan, source: str, grade: str, ts: str) -> None:
    names: list[str] = []
    if plan.key or (grade == "A" and plan.status in ("customer", "prospect")):
        names.append("重点客户")
    if plan.english:
        names.append("外资企业")
    if source == "展会":
        names.append("展会线索")
    elif source in ("转介绍", "老客户推荐"):
        names.append("老客户转介绍")
    if plan.status == "dormant":
        names.append("待激活")
    if any(o.stage == "lost" and o.competitor for o in plan.opps) or plan.key:
        names.append("有竞品在用")
    if ctx.chance(0.1):
        names.append(ctx.pick(("价格敏感", "需要技术支持", "政府项目", "高层关系好")))
    for name in names[:3]:
        ctx.add("client_tag", (ctx.new_id("client_tag"), ctx.uuid(), ts, ts, plan.id, setup.tag_ids[name]))


def _custom_values(ctx: Ctx, setup: Setup, plan: ClientPlan, ts: str) -> None:
    if not ctx.chance(0.6):
        return
    rng = ctx.rng
    spend = round(plan.amount / 1_000_000 * (2 + rng.random() * 6), 1)  # 万元 per year
    field_spend, field_cycle, field_size = setup.field_ids
    rows = [(field_spend, None, spend), (field_cycle, ctx.pick(CUSTOM_FIELDS[1][2]), None)]
    if ctx.chance(0.5):
        rows.append((field_size, ctx.pick(CUSTOM_FIELDS[2][2]), None))
    for field_id, text, number in rows:
        row = (ctx.new_id("custom_field_value"), ctx.uuid(), ts, ts, field_id, plan.id, text, number, None)
        ctx.add("custom_field_value", row)


def _milestones(ctx: Ctx, plan: ClientPlan, ts: str, expected_day: int | None) -> None:
    first_sign = min((day for _c, _o, day, _a in plan.contracts), default=None)
    end = first_sign if first_sign is not None else (expected_day or 90)
    span = max(end - plan.created, 30)
    for position, title in enumerate(MILESTONES):
        due = plan.created + span * (position + 1) // len(MILESTONES)
        reached = first_sign is not None or position < 3 or (plan.key and position < 4)
        done: str | None = None
        if reached and due < 0:
            done = ctx.day(min(-1, due + int(ctx.rng.random() * 7) - 2))
        row = (
            ctx.new_id("client_milestone"),
            ctx.uuid(),
            ts,
            ts,
            plan.id,
            title,
            ctx.day(due),
            done,
            position,
        )
        ctx.add("client_milestone", row)

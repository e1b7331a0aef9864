"""The fate of one client, decided before any row is written: when it appeared, its deals, its status.

Everything else (contacts, follow-ups, next steps, payments) is drawn to fit this plan, so the
numbers tell one consistent story: a won opportunity has a contract on its closing day, a dormant
client's follow-ups stop when it went quiet, an active client has an open next step.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .context import Ctx, Seller
from .texts import COMPETITORS


@dataclass(frozen=True)
class SizeSpec:
    clients: int
    days: int  # length of the history, ending today
    follow_ups_mean: float
    first_opp_rate: float
    repeat_rate: float  # share of won clients that sign again
    chain_days: int  # next steps exist for follow-ups of the last N days (chained follow-ups adopted)
    batch: int  # clients per insert batch (one progress tick each)
    key_every: int  # a stakeholder-story key client every N clients (the first 3 of each block)
    sellers: int
    supervisors: int


SIZES: dict[str, SizeSpec] = {
    "small": SizeSpec(200, 548, 15.0, 0.55, 0.3, 548, 50, 200, 2, 1),
    "large": SizeSpec(100_000, 1826, 11.7, 0.42, 0.4, 240, 1000, 2000, 20, 3),
}


@dataclass
class Opp:
    id: int
    start: int  # day offset of creation
    end: int  # closing day (closed) or expected close (open)
    stage: str
    probability: int
    amount: int  # cents
    competitor: str
    contract_id: int | None = None


@dataclass
class ContactRef:
    id: int
    name: str
    role: str | None
    weight: float  # how often follow-ups involve this person
    cutoff: int = 0  # no follow-up with this contact after this day offset


@dataclass
class ClientPlan:
    id: int
    owner: Seller
    created: int  # day offset (negative)
    key: bool
    english: bool = False
    name: str = ""
    short: str = ""
    amount: int = 0  # expected amount, cents
    status: str = "lead"
    last_active: int = -1  # day of the last follow-up
    active: bool = True  # has an open next step
    opps: list[Opp] = field(default_factory=list)
    # (contract id, opportunity id or None, signing day, amount in cents)
    contracts: list[tuple[int, int | None, int, int]] = field(default_factory=list)
    contacts: list[ContactRef] = field(default_factory=list)


def _amount(ctx: Ctx, key: bool) -> int:
    """An expected deal size in cents: log-normal around 150k yuan, rounded to 1,000 yuan."""
    yuan = ctx.rng.lognormvariate(11.9, 0.9)
    if key:
        yuan = max(yuan, 800_000.0) * 1.5
    return max(5, min(int(yuan / 1000), 9_000)) * 1000 * 100


def _open_stage(fraction: float) -> str:
    if fraction < 0.25:
        return "initial"
    if fraction < 0.5:
        return "needs"
    return "proposal" if fraction < 0.75 else "negotiation"


def plan_client(ctx: Ctx, spec: SizeSpec, cid: int, owner: Seller, key: bool) -> ClientPlan:
    rng = ctx.rng
    if key:
        created = -150 - int(rng.random() * 250)
    else:  # more clients recently: the business grows
        created = -1 - int(spec.days * (1.0 - rng.random() ** 0.8))
        created = max(created, -spec.days + 1)
    plan = ClientPlan(cid, owner, created, key)
    plan.amount = _amount(ctx, key)
    _plan_deals(ctx, spec, plan)
    _plan_status(ctx, plan)
    return plan


def _plan_deals(ctx: Ctx, spec: SizeSpec, plan: ClientPlan) -> None:
    rng = ctx.rng
    owner = plan.owner
    if plan.key:
        start = plan.created + 30 + int(rng.random() * 40)
        end = -5 + int(rng.random() * 60)
        stage = "negotiation" if plan.id % 2 else "proposal"
        probability = 60 if stage == "negotiation" else 40
        plan.opps.append(
            Opp(ctx.new_id("opportunity"), start, end, stage, probability, plan.amount, ctx.pick(COMPETITORS))
        )
        return
    if -plan.created < 10 or not ctx.chance(spec.first_opp_rate):
        return
    start = plan.created + 5 + int(rng.random() * min(60, -plan.created - 4))
    customer = False
    for _round in range(3):
        if start >= -1:
            break
        duration = int((20 + rng.random() * 130) * (1.3 if owner.profile == "busy" else 1.0))
        amount = (
            plan.amount
            if not customer
            else int(plan.amount * (0.3 + rng.random() * 0.7)) // 100_000 * 100_000 + 100_000
        )
        competitor = ctx.pick(COMPETITORS) if ctx.chance(0.6) else ""
        opp_id = ctx.new_id("opportunity")
        end = start + duration
        if end < 0:
            won = ctx.chance(min(0.9, owner.win_rate * (1.6 if customer else 1.0)))
            opp = Opp(opp_id, start, end, "won" if won else "lost", 100 if won else 0, amount, competitor)
            plan.opps.append(opp)
            if won:
                signed = int(amount * (0.9 + rng.random() * 0.15)) // 100_000 * 100_000
                opp.contract_id = ctx.new_id("contract")
                plan.contracts.append((opp.contract_id, opp_id, end, max(signed, 100_000)))
                customer = True
                if not ctx.chance(spec.repeat_rate):
                    break
                if ctx.chance(0.3):  # a repeat order signed directly, without an opportunity
                    day = end + 60 + int(rng.random() * 300)
                    if day < 0:
                        plan.contracts.append((ctx.new_id("contract"), None, day, max(amount // 2, 100_000)))
                    break
                start = end + 60 + int(rng.random() * 240)
            else:
                if not ctx.chance(0.2):
                    break
                start = end + 30 + int(rng.random() * 200)
        else:
            fraction = (0 - start) / duration
            stage = _open_stage(fraction)
            probability = {"initial": 10, "needs": 30, "proposal": 50, "negotiation": 70}[stage]
            plan.opps.append(Opp(opp_id, start, end, stage, probability, amount, competitor))
            break


def _plan_status(ctx: Ctx, plan: ClientPlan) -> None:
    rng = ctx.rng
    open_opp = any(o.stage not in ("won", "lost") for o in plan.opps)
    if plan.contracts:
        plan.status = "customer"
        plan.active = open_opp or ctx.chance(0.8)
        if not plan.active:
            last_deal = max(day for _cid, _oid, day, _amount in plan.contracts)
            plan.last_active = min(-1, last_deal + 30 + int(rng.random() * 120))
    elif open_opp:
        plan.status = "prospect"
    elif plan.opps:  # every opportunity lost
        plan.status = "lost" if ctx.chance(0.5) else "dormant"
        plan.active = False
        plan.last_active = min(-1, plan.opps[-1].end + int(rng.random() * 30))
    elif plan.created > -120 or ctx.chance(0.6):
        plan.status = "lead"
    else:
        plan.status = "dormant"
        plan.active = False
        plan.last_active = min(-1, plan.created + 10 + int(rng.random() * 200))
    if plan.active:
        plan.last_active = -1 - int(rng.random() * rng.random() * 14)
    plan.last_active = max(plan.last_active, plan.created)

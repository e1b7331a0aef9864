"""Support-vs-opposition analysis of a client's stakeholders, red flags and suggested moves.

Plain functions over plain data, so every rule is unit-tested without a database or a window.
The rules follow the stakeholder method of DOMAIN.md §5 (seed 004):

Quadrants (the article's Table 3)
- support won: allies and supporters;
- opposition faced: opponents;
- potential opposition: neutrals who cooled off (their last stance change moved away from us) or who
  report directly to an opponent;
- potential support: every other neutral ("never give up on neutrals").

Red flags (each says why it fired)
- ``uncovered_role``: no stakeholder holds the approver, decision-maker, evaluator or user role;
- ``key_role_not_supportive``: an approver or decision maker is neutral or opposed;
- ``too_many_allies``: more than two close allies (allies compete with each other);
- ``neutral_not_contacted``: a high-influence neutral not contacted for 30 days (or never);
- ``no_coach``: nobody is the coach/sponsor who vouches for us.

Entry point: top-down when the approver or a coach is on our side, middle (decision maker / evaluator)
when one of them is not opposed, otherwise bottom-up through the users.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SUPPORTIVE = ("ally", "supporter")
STANCE_RANK = {"opponent": 0, "neutral": 1, "supporter": 2, "ally": 3}
COVERED_ROLES = ("approver", "decision_maker", "evaluator", "user")
NEGLECT_DAYS = 30
MAX_ALLIES = 2


@dataclass(frozen=True)
class Stakeholder:
    id: int
    name: str
    role: str | None
    stance: str
    influence: str
    reports_to_id: int | None = None
    last_contacted: date | None = None
    previous_stance: str | None = None  # the stance before the latest change, if any
    title: str = ""
    interests: str = ""


@dataclass(frozen=True)
class Finding:
    """A flag or a move: ``key`` and ``params`` let the UI translate; ``message`` is the English text."""

    key: str
    message: str
    contact_ids: tuple[int, ...] = ()
    params: dict[str, str] = field(default_factory=dict)
    severity: str = "warning"  # "danger" | "warning" | "info"


@dataclass(frozen=True)
class Placement:
    stakeholder: Stakeholder
    reason: str


@dataclass
class Analysis:
    support_won: list[Placement] = field(default_factory=list)
    potential_support: list[Placement] = field(default_factory=list)
    opposition_faced: list[Placement] = field(default_factory=list)
    potential_opposition: list[Placement] = field(default_factory=list)
    flags: list[Finding] = field(default_factory=list)
    entry_point: str = "bottom_up"  # "top_down" | "middle" | "bottom_up"
    entry_reason: str = ""
    entry_contact_ids: tuple[int, ...] = ()
    next_moves: list[Finding] = field(default_factory=list)


def cooled_off(person: Stakeholder) -> bool:
    prev = person.previous_stance
    return prev is not None and STANCE_RANK.get(prev, 1) > STANCE_RANK.get(person.stance, 1)


def classify(people: list[Stakeholder]) -> Analysis:
    """Place every stakeholder in one quadrant of Table 3."""
    result = Analysis()
    by_id = {p.id: p for p in people}
    for p in people:
        if p.stance in SUPPORTIVE:
            result.support_won.append(Placement(p, f"{p.name} is a {p.stance}"))
        elif p.stance == "opponent":
            result.opposition_faced.append(Placement(p, f"{p.name} opposes us"))
        else:
            boss = by_id.get(p.reports_to_id) if p.reports_to_id else None
            if cooled_off(p):
                result.potential_opposition.append(
                    Placement(p, f"{p.name} cooled from {p.previous_stance} to neutral")
                )
            elif boss is not None and boss.stance == "opponent":
                result.potential_opposition.append(
                    Placement(p, f"{p.name} reports to {boss.name}, who opposes us")
                )
            else:
                result.potential_support.append(Placement(p, f"{p.name} is neutral and can be won"))
    return result


def red_flags(people: list[Stakeholder], today: date) -> list[Finding]:
    flags: list[Finding] = []
    held = {p.role for p in people if p.role}
    for role in COVERED_ROLES:
        if role not in held:
            flags.append(
                Finding(
                    "uncovered_role", f"No stakeholder holds the {role} role.", (), {"role": role}, "danger"
                )
            )
    for p in people:
        if p.role in ("approver", "decision_maker") and p.stance in ("neutral", "opponent"):
            flags.append(
                Finding(
                    "key_role_not_supportive",
                    f"{p.name} ({p.role}) is {p.stance}.",
                    (p.id,),
                    {"name": p.name, "role": p.role, "stance": p.stance},
                    "danger" if p.stance == "opponent" else "warning",
                )
            )
    allies = [p for p in people if p.stance == "ally"]
    if len(allies) > MAX_ALLIES:
        names = ", ".join(p.name for p in allies)
        flags.append(
            Finding(
                "too_many_allies",
                f"{len(allies)} close allies ({names}); keep one or two, more allies compete with each other.",
                tuple(p.id for p in allies),
                {"count": str(len(allies)), "names": names},
            )
        )
    for p in people:
        if p.stance == "neutral" and p.influence == "high":
            days = None if p.last_contacted is None else (today - p.last_contacted).days
            if days is None or days >= NEGLECT_DAYS:
                since = "never contacted" if days is None else f"not contacted for {days} days"
                flags.append(
                    Finding(
                        "neutral_not_contacted",
                        f"{p.name} is a high-influence neutral, {since}.",
                        (p.id,),
                        {"name": p.name, "days": "" if days is None else str(days)},
                    )
                )
    if "coach" not in held:
        flags.append(Finding("no_coach", "Nobody is our coach/sponsor.", (), {}, "warning"))
    return flags


def entry_point(people: list[Stakeholder]) -> tuple[str, str, tuple[int, ...]]:
    """The suggested entry point (切入点), why, and the people to start with."""
    approvers = [p for p in people if p.role == "approver"]
    coaches = [p for p in people if p.role == "coach" and p.stance in SUPPORTIVE]
    friendly_approvers = [p for p in approvers if p.stance in SUPPORTIVE]
    if friendly_approvers:
        names = ", ".join(p.name for p in friendly_approvers)
        return "top_down", f"the approver {names} is on our side", tuple(p.id for p in friendly_approvers)
    if coaches and approvers:
        return (
            "top_down",
            f"coach {coaches[0].name} can vouch for us with the approver {approvers[0].name}",
            (coaches[0].id, approvers[0].id),
        )
    middle = [p for p in people if p.role in ("decision_maker", "evaluator") and p.stance != "opponent"]
    if middle:
        middle.sort(key=lambda p: (-STANCE_RANK[p.stance], p.role != "evaluator", p.name))
        best = middle[0]
        return "middle", f"{best.name} ({best.role}) is {best.stance}: start there", (best.id,)
    users = [p for p in people if p.role == "user" and p.stance != "opponent"]
    if users:
        return "bottom_up", "no friendly access above: win the users first", tuple(p.id for p in users)
    return "bottom_up", "no friendly access yet: map the organisation and find a first supporter", ()


def next_moves(people: list[Stakeholder], analysis: Analysis) -> list[Finding]:
    moves: list[Finding] = []
    coach = next((p for p in people if p.role == "coach" and p.stance in SUPPORTIVE), None)
    for p in people:
        if p.role in ("approver", "decision_maker") and p.stance == "neutral":
            via = f" with the help of coach {coach.name}" if coach else ""
            moves.append(
                Finding(
                    "win_key_role",
                    f"Turn {p.name} ({p.role}) into a supporter{via}.",
                    (p.id,),
                    {"name": p.name, "role": p.role, "coach": coach.name if coach else ""},
                    "info",
                )
            )
    for placement in analysis.opposition_faced:
        p = placement.stakeholder
        concern = f" (cares about: {p.interests})" if p.interests else ""
        moves.append(
            Finding(
                "neutralise_opponent",
                f"Neutralise {p.name}: address what they care about{concern}.",
                (p.id,),
                {"name": p.name, "interests": p.interests},
                "info",
            )
        )
    for placement in analysis.potential_opposition:
        p = placement.stakeholder
        moves.append(
            Finding(
                "hold_neutral",
                f"Hold {p.name} at neutral before they turn against us.",
                (p.id,),
                {"name": p.name},
                "info",
            )
        )
    for placement in analysis.potential_support:
        p = placement.stakeholder
        if p.influence == "high":
            moves.append(
                Finding(
                    "court_neutral",
                    f"Court {p.name}: a high-influence neutral decides close contests.",
                    (p.id,),
                    {"name": p.name},
                    "info",
                )
            )
    if not any(p.role == "coach" for p in people):
        supporters = [p for p in people if p.stance in SUPPORTIVE]
        candidate = max(supporters, key=lambda p: STANCE_RANK[p.stance], default=None)
        name = candidate.name if candidate else ""
        text = f"Develop {name} into our coach." if candidate else "Find a coach who will vouch for us."
        moves.append(
            Finding("find_coach", text, (candidate.id,) if candidate else (), {"name": name}, "info")
        )
    allies = [p for p in people if p.stance == "ally"]
    if len(allies) > MAX_ALLIES:
        moves.append(
            Finding(
                "limit_allies",
                "Keep one or two close allies; let the others be supporters.",
                tuple(p.id for p in allies),
                {},
                "info",
            )
        )
    return moves


def analyse(people: list[Stakeholder], today: date) -> Analysis:
    analysis = classify(people)
    analysis.flags = red_flags(people, today)
    analysis.entry_point, analysis.entry_reason, analysis.entry_contact_ids = entry_point(people)
    analysis.next_moves = next_moves(people, analysis)
    return analysis

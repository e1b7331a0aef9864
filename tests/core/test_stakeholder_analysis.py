"""Each rule of the support-vs-opposition analysis, on hand-built stakeholder lists."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_crm.stakeholder_analysis import Stakeholder, analyse, classify, entry_point, red_flags

TODAY = date(2026, 11, 20)


def person(pid: int, role: str | None, stance: str, influence: str = "medium", **kw: object) -> Stakeholder:
    return Stakeholder(id=pid, name=f"P{pid}", role=role, stance=stance, influence=influence, **kw)  # type: ignore[arg-type]


def keys(findings: list) -> list[str]:
    return [f.key for f in findings]


def full_cover() -> list[Stakeholder]:
    return [
        person(1, "approver", "supporter", "high", last_contacted=TODAY),
        person(2, "decision_maker", "ally", "high", reports_to_id=1, last_contacted=TODAY),
        person(3, "evaluator", "neutral", "medium", reports_to_id=2),
        person(4, "user", "supporter", "low", reports_to_id=3),
        person(5, "coach", "ally", "medium"),
    ]


def test_a_well_covered_client_has_no_flags() -> None:
    assert red_flags(full_cover(), TODAY) == []


def test_uncovered_roles_and_missing_coach() -> None:
    flags = red_flags([person(1, "user", "supporter")], TODAY)
    uncovered = sorted(f.params["role"] for f in flags if f.key == "uncovered_role")
    assert uncovered == ["approver", "decision_maker", "evaluator"]
    assert "no_coach" in keys(flags)


def test_neutral_or_opposed_approver_and_decision_maker() -> None:
    people = full_cover()
    people[0] = person(1, "approver", "neutral", "high", last_contacted=TODAY)
    people[1] = person(2, "decision_maker", "opponent", "high")
    flags = [f for f in red_flags(people, TODAY) if f.key == "key_role_not_supportive"]
    assert [(f.contact_ids, f.severity) for f in flags] == [((1,), "warning"), ((2,), "danger")]
    assert "P2 (decision_maker) is opponent." in [f.message for f in flags]


def test_more_than_two_allies() -> None:
    people = full_cover()
    assert "too_many_allies" not in keys(red_flags(people, TODAY))  # two allies are fine
    people[3] = person(4, "user", "ally", "low")
    flag = next(f for f in red_flags(people, TODAY) if f.key == "too_many_allies")
    assert flag.contact_ids == (2, 4, 5)


def test_high_influence_neutral_not_contacted_for_30_days() -> None:
    base = full_cover()
    recent = [*base, person(6, "user", "neutral", "high", last_contacted=TODAY - timedelta(days=29))]
    assert "neutral_not_contacted" not in keys(red_flags(recent, TODAY))
    stale = [*base, person(6, "user", "neutral", "high", last_contacted=TODAY - timedelta(days=30))]
    flag = next(f for f in red_flags(stale, TODAY) if f.key == "neutral_not_contacted")
    assert flag.params["days"] == "30"
    never = [*base, person(6, "user", "neutral", "high")]
    assert (
        "never contacted"
        in next(f for f in red_flags(never, TODAY) if f.key == "neutral_not_contacted").message
    )
    low = [*base, person(6, "user", "neutral", "low")]
    assert "neutral_not_contacted" not in keys(red_flags(low, TODAY))


def test_table_3_quadrants() -> None:
    people = [
        person(1, "approver", "opponent"),
        person(2, "evaluator", "neutral", reports_to_id=1),  # reports to an opponent
        person(3, "user", "neutral", previous_stance="supporter"),  # cooled off
        person(4, "user", "neutral", previous_stance="opponent"),  # warming up
        person(5, "coach", "ally"),
        person(6, "decision_maker", "supporter"),
    ]
    result = classify(people)
    ids = lambda placements: [p.stakeholder.id for p in placements]  # noqa: E731
    assert ids(result.support_won) == [5, 6]
    assert ids(result.opposition_faced) == [1]
    assert ids(result.potential_opposition) == [2, 3]
    assert ids(result.potential_support) == [4]
    assert "reports to P1" in result.potential_opposition[0].reason


def test_entry_point_rules() -> None:
    assert entry_point(full_cover())[0] == "top_down"
    coach_only = [person(1, "approver", "neutral"), person(2, "coach", "supporter")]
    assert entry_point(coach_only)[0:1] == ("top_down",)
    assert entry_point(coach_only)[2] == (2, 1)
    middle = [
        person(1, "approver", "opponent"),
        person(2, "decision_maker", "neutral"),
        person(3, "evaluator", "supporter"),
    ]
    assert entry_point(middle)[0] == "middle" and entry_point(middle)[2] == (3,)
    bottom = [
        person(1, "approver", "opponent"),
        person(2, "evaluator", "opponent"),
        person(3, "user", "neutral"),
    ]
    assert entry_point(bottom)[0] == "bottom_up" and entry_point(bottom)[2] == (3,)
    assert entry_point([])[0] == "bottom_up"


def test_next_moves_follow_the_situation() -> None:
    people = [
        person(1, "approver", "neutral", "high", last_contacted=TODAY),
        person(2, "evaluator", "opponent", interests="技术路线"),
        person(3, "user", "supporter"),
    ]
    analysis = analyse(people, TODAY)
    move_keys = keys(analysis.next_moves)
    assert "win_key_role" in move_keys
    assert "neutralise_opponent" in move_keys
    assert "find_coach" in move_keys
    neutralise = next(m for m in analysis.next_moves if m.key == "neutralise_opponent")
    assert "技术路线" in neutralise.message
    find_coach = next(m for m in analysis.next_moves if m.key == "find_coach")
    assert find_coach.contact_ids == (3,)

"""Every service that takes user input, called with anything (wrong types, lone surrogates, NUL, huge and
negative ids, NaN, very long text, nested lists...): it succeeds or raises a ``CrmError`` and then leaves
the database unchanged; never another exception (``fuzz.call``)."""

from __future__ import annotations

import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import desktop_crm.services
from desktop_crm import team
from desktop_crm.goal_metrics import METRIC_UNITS
from desktop_crm.goal_progress import UNITS
from desktop_crm.models.enums import (
    ACTION_CATEGORIES,
    BUCKETS,
    CHANNELS,
    CLIENT_STATUSES,
    CUSTOM_FIELD_KINDS,
    GOAL_KINDS,
    GRADES,
    INFLUENCES,
    OPEN_STAGES,
    PLAN_TYPES,
    STAKEHOLDER_ROLES,
    STANCES,
    USER_ROLES,
    VALUE_VERDICTS,
)
from desktop_crm.schedule import BucketRules
from desktop_crm.services import (
    agenda_settings,
    clients,
    custom_fields,
    deals,
    followups,
    goals,
    handbook,
    next_steps,
    payments,
    schedule_rules,
    settings,
    stages,
    stakeholders,
    users,
    views,
    weekly,
    weekly_criteria,
)

from .fuzz import (
    anything,
    call,
    cents_or_any,
    date_or_any,
    datetime_or_any,
    deep_values,
    dicts_of,
    ids,
    int_or_any,
    lists_of,
    number_or_any,
    of,
    text_or_any,
    texts,
)


@dataclass(frozen=True)
class Case:
    fn: Callable[..., Any]
    args: dict[str, st.SearchStrategy[Any]] = field(default_factory=dict)  # always given
    optional: dict[str, st.SearchStrategy[Any]] = field(default_factory=dict)  # given or left out


flag = of(True, False)
client_field = {
    "name": text_or_any,
    "short_name": text_or_any,
    "phone": text_or_any,
    "website": text_or_any,
    "status": of(*CLIENT_STATUSES),
    "grade": of(*GRADES),
    "value_verdict": of(*VALUE_VERDICTS),
    "expected_sign_date": date_or_any,
    "expected_amount_cents": cents_or_any,
    "notes": text_or_any,
    "owner_id": ids(1, 2, 3),
}
custom_values = dicts_of(
    st.one_of(st.sampled_from(["Size", "Headcount", "Founded", "Tier", "Channels"]), ids(1, 2, 3, 4, 5)),
    st.one_of(of("A", "B", ["web"], ["web", "shop"], 12, 1.5, "2026-03-01"), anything),
)
contact_field = {
    "name": text_or_any,
    "title": text_or_any,
    "email": of("a@b.cn", "a@@b", "@b", "x@\ud800"),
    "wechat": text_or_any,
    "interests": text_or_any,
    "role": of(*STAKEHOLDER_ROLES, None),
    "stance": of(*STANCES),
    "influence": of(*INFLUENCES),
    "reports_to_id": ids(1, 2, 3),
    "birthday": date_or_any,  # slice care
}
goal_field = {
    "kind": of(*GOAL_KINDS),
    "title": text_or_any,
    "period_start": date_or_any,
    "period_end": date_or_any,
    "qualitative": flag,
    "notes": text_or_any,
    "by": ids(1, 2, 3),
}
target_field = {
    "label": text_or_any,
    "target_value": number_or_any,
    "unit": of(*UNITS),
    "metric": of("", "manual", *sorted(METRIC_UNITS)[:4]),
    "actual_value": number_or_any,
    "by": ids(1, 2, 3),
}
action_field = {
    "title": text_or_any,
    "category": of(*ACTION_CATEGORIES, *PLAN_TYPES),
    "label": text_or_any,
    "due_date": date_or_any,
    "client_ids": lists_of(ids(1, 2, 3)),
    "by": ids(1, 2, 3),
}
follow_up_field = {
    "channel": of(*CHANNELS),
    "purpose": of(*PLAN_TYPES),
    "happened_at": datetime_or_any,
    "duration_minutes": int_or_any,
    "summary": text_or_any,
    "contact_ids": lists_of(ids(1, 2, 3)),
    "opportunity_id": ids(1, 2, 3),
}
bucket_rules = st.one_of(
    st.just(BucketRules()),
    dicts_of(
        st.sampled_from(
            [
                "day_end",
                "tonight",
                "morning",
                "this_week_time",
                "skip_weekends",
                "later_today_hours",
                "this_week_day",
                "next_week_day",
            ]
        ),
        st.one_of(of("18:00", "25:99", "9", 3, 0, 7, True), anything),
    ),
)

CASES: dict[str, Case] = {
    # clients
    "clients.get_client": Case(clients.get_client, {"client_id": ids(1, 3)}, {"include_deleted": flag}),
    "clients.get_client_tags": Case(clients.get_client_tags, {"client_id": ids(1, 3)}),
    "clients.create_client": Case(
        clients.create_client,
        {"name": text_or_any},
        {
            **{k: v for k, v in client_field.items() if k != "name"},
            "tag_names": lists_of(text_or_any),
            "custom_values": custom_values,
        },
    ),
    "clients.update_client": Case(
        clients.update_client,
        {"client_id": ids(1, 2, 3)},
        {
            **client_field,
            "tag_names": lists_of(text_or_any),
            "custom_values": custom_values,
            "unknown_field": anything,
        },
    ),
    "clients.delete_client": Case(clients.delete_client, {"client_id": ids(1, 2, 3)}),
    "clients.restore_client": Case(clients.restore_client, {"client_id": ids(1, 3)}),
    "clients.find_duplicate_clients": Case(
        clients.find_duplicate_clients,
        {"name": of("Acme", "acme ", "北京科技"), "phone": of("+86 138 0013 8000", "")},
        {"exclude_id": ids(1, 2)},
    ),
    "clients.set_client_tags": Case(
        clients.set_client_tags, {"client_id": ids(1, 2), "names": lists_of(text_or_any)}
    ),
    "clients.bulk_update_clients": Case(
        clients.bulk_update_clients,
        {"client_ids": lists_of(ids(1, 2, 3))},
        {"owner_id": ids(1, 2, 3), "grade": of(*GRADES, None), "add_tag": of("vip", None)},
    ),
    "clients.add_milestone": Case(
        clients.add_milestone,
        {"client_id": ids(1, 2), "title": text_or_any},
        {"due_date": date_or_any, "done_date": date_or_any, "position": int_or_any},
    ),
    "clients.update_milestone": Case(
        clients.update_milestone,
        {"milestone_id": ids(1)},
        {"title": text_or_any, "due_date": date_or_any, "done_date": date_or_any, "position": int_or_any},
    ),
    "clients.delete_milestone": Case(clients.delete_milestone, {"milestone_id": ids(1)}),
    # custom fields
    "custom_fields.list_custom_fields": Case(custom_fields.list_custom_fields, {}, {"include_hidden": flag}),
    "custom_fields.define_custom_field": Case(
        custom_fields.define_custom_field,
        {"name": text_or_any, "kind": of(*CUSTOM_FIELD_KINDS)},
        {"choices": lists_of(text_or_any)},
    ),
    "custom_fields.rename_custom_field": Case(
        custom_fields.rename_custom_field, {"field_id": ids(1, 4), "new_name": text_or_any}
    ),
    "custom_fields.set_custom_field_hidden": Case(
        custom_fields.set_custom_field_hidden, {"field_id": ids(1, 2), "hidden": flag}
    ),
    "custom_fields.reorder_custom_fields": Case(
        custom_fields.reorder_custom_fields,
        {"ids_in_order": st.one_of(st.permutations([1, 2, 3, 4, 5]), lists_of(ids(1, 2, 3, 4, 5)))},
    ),
    "custom_fields.delete_custom_field": Case(custom_fields.delete_custom_field, {"field_id": ids(1, 5)}),
    "custom_fields.validate_custom_values": Case(
        custom_fields.validate_custom_values, {"values": custom_values}
    ),
    "custom_fields.set_custom_value": Case(
        custom_fields.set_custom_value,
        {
            "client_id": ids(1, 2),
            "field_id": of("Size", "Headcount", "Founded", "Tier", "Channels", 1, 2),
            "value": st.one_of(of("A", ["web"], 12, 1.5, "2026-03-01", None), anything),
        },
    ),
    "custom_fields.get_custom_values": Case(custom_fields.get_custom_values, {"client_id": ids(1, 3)}),
    "custom_fields.count_custom_field_values": Case(
        custom_fields.count_custom_field_values, {"field_id": ids(4)}
    ),
    "custom_fields.count_clients_using_removed_choices": Case(
        custom_fields.count_clients_using_removed_choices,
        {"field_id": ids(4, 5), "choices": lists_of(text_or_any)},
    ),
    "custom_fields.set_custom_field_choices": Case(
        custom_fields.set_custom_field_choices,
        {"field_id": ids(4, 5), "choices": lists_of(of("A", "B", "C"))},
        {"force": flag},
    ),
    "custom_fields.move_custom_field": Case(
        custom_fields.move_custom_field, {"field_id": ids(1, 5), "offset": int_or_any}
    ),
    # opportunities and contracts
    "deals.create_opportunity": Case(
        deals.create_opportunity,
        {"client_id": ids(1, 2, 3), "name": text_or_any},
        {
            "owner_id": ids(1, 2),
            "stage": of(*OPEN_STAGES, "won"),
            "probability": int_or_any,
            "expected_amount_cents": cents_or_any,
            "expected_close_date": date_or_any,
            "competitor": text_or_any,
            "notes": text_or_any,
        },
    ),
    "deals.update_opportunity": Case(
        deals.update_opportunity,
        {"opportunity_id": ids(1, 2, 3)},
        {
            "name": text_or_any,
            "owner_id": ids(1, 2),
            "stage": of(*OPEN_STAGES),
            "probability": int_or_any,
            "expected_amount_cents": cents_or_any,
            "expected_close_date": date_or_any,
            "competitor": text_or_any,
            "notes": text_or_any,
        },
    ),
    "deals.close_opportunity": Case(
        deals.close_opportunity,
        {"opportunity_id": ids(1, 3), "won": flag},
        {"closed_on": date_or_any, "reason": text_or_any, "competitor": text_or_any},
    ),
    "deals.reopen_opportunity": Case(
        deals.reopen_opportunity, {"opportunity_id": ids(2, 3)}, {"stage": of(*OPEN_STAGES)}
    ),
    "deals.delete_opportunity": Case(deals.delete_opportunity, {"opportunity_id": ids(1, 3)}),
    "deals.restore_opportunity": Case(deals.restore_opportunity, {"opportunity_id": ids(1, 3)}),
    "deals.create_contract": Case(
        deals.create_contract,
        {
            "client_id": ids(1, 2),
            "amount_cents": cents_or_any,
            "signed_on": date_or_any,
            "opportunity_id": ids(2, 3),
        },
        {"title": text_or_any, "number": text_or_any, "notes": text_or_any},
    ),
    "deals.update_contract": Case(
        deals.update_contract,
        {"contract_id": ids(1)},
        {
            "amount_cents": cents_or_any,
            "signed_on": date_or_any,
            "opportunity_id": ids(2, 3),
            "title": text_or_any,
            "number": text_or_any,
            "notes": text_or_any,
        },
    ),
    "deals.delete_contract": Case(deals.delete_contract, {"contract_id": ids(1)}),
    # payments
    "payments.add_instalment": Case(
        payments.add_instalment,
        {"contract_id": ids(1), "due_date": date_or_any, "amount_cents": cents_or_any},
        {"note": text_or_any},
    ),
    "payments.set_payment_plan": Case(
        payments.set_payment_plan,
        {"contract_id": ids(1), "plan": lists_of(st.one_of(st.tuples(date_or_any, cents_or_any), anything))},
    ),
    "payments.delete_instalment": Case(payments.delete_instalment, {"instalment_id": ids(1, 2)}),
    "payments.record_payment": Case(
        payments.record_payment,
        {"contract_id": ids(1), "amount_cents": cents_or_any, "paid_on": date_or_any},
        {"instalment_id": ids(1, 2), "method": text_or_any, "note": text_or_any, "allow_overpay": flag},
    ),
    "payments.still_owed": Case(payments.still_owed, {"contract_id": ids(1)}, {"instalment_id": ids(1, 2)}),
    "payments.instalment_statuses": Case(
        payments.instalment_statuses, {"contract_id": ids(1)}, {"as_of": date_or_any}
    ),
    "payments.contract_payments": Case(payments.contract_payments, {"contract_id": ids(1)}),
    "payments.delete_payment": Case(payments.delete_payment, {"payment_id": ids(1)}),
    "payments.contract_balance": Case(
        payments.contract_balance, {"contract_id": ids(1)}, {"as_of": date_or_any}
    ),
    # follow-ups and next steps
    "followups.log_follow_up": Case(
        followups.log_follow_up,
        {
            "client_id": ids(1, 2, 3),
            "user_id": ids(1, 2),
            "channel": of(*CHANNELS),
            "happened_at": datetime_or_any,
        },
        {k: v for k, v in follow_up_field.items() if k not in ("channel", "happened_at")},
    ),
    "followups.update_follow_up": Case(followups.update_follow_up, {"follow_up_id": ids(1)}, follow_up_field),
    "followups.delete_follow_up": Case(followups.delete_follow_up, {"follow_up_id": ids(1)}),
    "followups.add_next_step": Case(
        followups.add_next_step,
        {"client_id": ids(1, 2), "user_id": ids(1, 2), "due_at": datetime_or_any},
        {
            "plan_type": of(*PLAN_TYPES),
            "bucket": of(*BUCKETS),
            "title": text_or_any,
            "source_follow_up_id": ids(1),
            "allow_past": flag,
        },
    ),
    "followups.complete_next_step": Case(
        followups.complete_next_step, {"step_id": ids(1, 2)}, {"follow_up_id": ids(1)}
    ),
    "followups.reopen_next_step": Case(followups.reopen_next_step, {"step_id": ids(1, 2)}),
    "followups.log_follow_up_with_next_step": Case(
        followups.log_follow_up_with_next_step,
        {
            "client_id": ids(1, 2),
            "user_id": ids(1, 2),
            "channel": of(*CHANNELS),
            "happened_at": datetime_or_any,
            "next_due_at": datetime_or_any,
        },
        {
            "summary": text_or_any,
            "contact_ids": lists_of(ids(1, 2, 3)),
            "completes_step_id": ids(1, 2),
            "next_plan_type": of(*PLAN_TYPES),
            "next_bucket": of(*BUCKETS),
            "next_title": text_or_any,
            "duration_minutes": int_or_any,
            "allow_past": flag,
        },
    ),
    "followups.client_timeline": Case(followups.client_timeline, {"client_id": ids(1, 3)}),
    "followups.open_next_steps": Case(followups.open_next_steps, {"client_id": ids(1, 3)}),
    "next_steps.reschedule_next_step": Case(
        next_steps.reschedule_next_step,
        {"step_id": ids(1, 2), "due_at": datetime_or_any},
        {"bucket": of(*BUCKETS), "now": datetime_or_any},
    ),
    "next_steps.snooze_next_step": Case(
        next_steps.snooze_next_step,
        {"step_id": ids(1, 2)},
        {"bucket": of(*BUCKETS, None), "minutes": int_or_any, "now": datetime_or_any, "rules": bucket_rules},
    ),
    # contacts
    "stakeholders.create_contact": Case(
        stakeholders.create_contact,
        {"client_id": ids(1, 2, 3), "name": text_or_any},
        {k: v for k, v in contact_field.items() if k != "name"},
    ),
    "stakeholders.update_contact": Case(
        stakeholders.update_contact,
        {"contact_id": ids(1, 2, 3)},
        {**contact_field, "stance_reason": text_or_any, "changed_by": ids(1, 2)},
    ),
    "stakeholders.change_stance": Case(
        stakeholders.change_stance,
        {"contact_id": ids(1, 2), "new_stance": of(*STANCES)},
        {"reason": text_or_any, "changed_on": date_or_any, "changed_by": ids(1, 2)},
    ),
    "stakeholders.stance_history": Case(stakeholders.stance_history, {"contact_id": ids(1, 2)}),
    "stakeholders.set_reports_to": Case(
        stakeholders.set_reports_to, {"contact_id": ids(1, 2, 3), "boss_id": ids(1, 2, 3)}
    ),
    "stakeholders.list_contacts": Case(
        stakeholders.list_contacts, {"client_id": ids(1, 3)}, {"include_deleted": flag}
    ),
    "stakeholders.delete_contact": Case(stakeholders.delete_contact, {"contact_id": ids(1, 3)}),
    "stakeholders.restore_contact": Case(stakeholders.restore_contact, {"contact_id": ids(1, 3)}),
    "stakeholders.set_opportunity_role": Case(
        stakeholders.set_opportunity_role,
        {"opportunity_id": ids(1, 2), "contact_id": ids(1, 2, 3), "role": of(*STAKEHOLDER_ROLES, None)},
    ),
    "stakeholders.opportunity_roles": Case(stakeholders.opportunity_roles, {"opportunity_id": ids(1, 2)}),
    # goals
    "goals.can_edit_goal": Case(goals.can_edit_goal, {"goal_id": ids(1, 2)}, {"by": ids(1, 2, 3)}),
    "goals.create_goal": Case(
        goals.create_goal,
        {k: goal_field[k] for k in ("kind", "title", "period_start", "period_end")},
        {
            "user_id": ids(1, 2),
            "parent_id": ids(1, 2),
            "qualitative": flag,
            "notes": text_or_any,
            "by": ids(1, 2, 3),
        },
    ),
    "goals.update_goal": Case(goals.update_goal, {"goal_id": ids(1, 2)}, goal_field),
    "goals.delete_goal": Case(goals.delete_goal, {"goal_id": ids(1, 2)}, {"by": ids(1, 2, 3)}),
    "goals.move_goal": Case(
        goals.move_goal, {"goal_id": ids(1, 2), "parent_id": ids(1, 2)}, {"by": ids(1, 2)}
    ),
    "goals.add_target": Case(
        goals.add_target,
        {"goal_id": ids(1, 2), "label": text_or_any, "target_value": number_or_any},
        {k: target_field[k] for k in ("unit", "metric", "by")},
    ),
    "goals.update_target": Case(goals.update_target, {"target_id": ids(1, 2)}, target_field),
    "goals.delete_target": Case(goals.delete_target, {"target_id": ids(1, 2)}, {"by": ids(1, 2)}),
    "goals.propose_target": Case(
        goals.propose_target,
        {"target_id": ids(1, 2), "value": number_or_any, "reason": text_or_any},
        {"user_id": ids(1, 2, 3)},
    ),
    "goals.accept_proposal": Case(goals.accept_proposal, {"target_id": ids(1, 2)}, {"user_id": ids(1, 2)}),
    "goals.keep_target": Case(goals.keep_target, {"target_id": ids(1, 2)}, {"user_id": ids(1, 2)}),
    "goals.agree_target": Case(goals.agree_target, {"target_id": ids(1, 2)}, {"user_id": ids(1, 2)}),
    "goals.split_target": Case(
        goals.split_target,
        {"target_id": ids(1, 2), "child_kind": of("quarter", "month", "week")},
        {"weights": st.one_of(of("even", "days", None), lists_of(number_or_any)), "by": ids(1, 2)},
    ),
    "goals.goal_warnings": Case(goals.goal_warnings, {"goal": ids(1, 2)}),
    "goals.save_goal": Case(
        goals.save_goal,
        {
            "goal_id": st.one_of(st.none(), ids(1, 2)),
            **{k: goal_field[k] for k in ("kind", "title", "period_start", "period_end")},
        },
        {
            "user_id": ids(1, 2),
            "parent_id": ids(1, 2),
            "qualitative": flag,
            "notes": text_or_any,
            "by": ids(1, 2),
        },
    ),
    "goals.save_target": Case(
        goals.save_target,
        {
            "goal_id": ids(1, 2),
            "target_id": st.one_of(st.none(), ids(1, 2)),
            **{k: target_field[k] for k in ("metric", "label", "target_value")},
        },
        {k: target_field[k] for k in ("unit", "actual_value", "by")},
    ),
    "goals.add_action": Case(
        goals.add_action,
        {"goal_id": ids(1, 2), "title": text_or_any},
        {k: action_field[k] for k in ("category", "due_date", "label", "client_ids", "by")},
    ),
    "goals.update_action": Case(goals.update_action, {"action_id": ids(1)}, action_field),
    "goals.save_action": Case(
        goals.save_action,
        {
            "goal_id": ids(1, 2),
            "action_id": st.one_of(st.none(), ids(1)),
            "title": text_or_any,
            "category": action_field["category"],
        },
        {k: action_field[k] for k in ("label", "due_date", "client_ids", "by")},
    ),
    "goals.set_action_done": Case(
        goals.set_action_done, {"action_id": ids(1), "done": flag}, {"by": ids(1, 2)}
    ),
    "goals.delete_action": Case(goals.delete_action, {"action_id": ids(1)}, {"by": ids(1, 2)}),
    "goals.link_client": Case(goals.link_client, {"goal_id": ids(1, 2), "client_id": ids(1, 2, 3)}),
    "goals.set_goal_clients": Case(
        goals.set_goal_clients, {"goal_id": ids(1, 2), "client_ids": lists_of(ids(1, 2, 3))}
    ),
    "goals.unlink_client": Case(goals.unlink_client, {"goal_id": ids(1, 2), "client_id": ids(1, 2, 3)}),
    "goals.goal_tree": Case(goals.goal_tree, {}, {"user_id": ids(1, 2), "root_kind": of(*GOAL_KINDS)}),
    # weekly forms
    "weekly.week_dates": Case(
        weekly.week_dates, {"iso_year": of(2026, 2025, 1900, 2100), "iso_week": int_or_any}
    ),
    "weekly.open_weekly_form": Case(
        weekly.open_weekly_form, {"user_id": ids(1, 2), "iso_year": of(2026, 2027), "iso_week": int_or_any}
    ),
    "weekly.update_weekly_form": Case(
        weekly.update_weekly_form,
        {"form_id": ids(1, 2)},
        {"summary": text_or_any, "planned_collection_cents": cents_or_any},
    ),
    "weekly.add_plan_item": Case(
        weekly.add_plan_item,
        {"form_id": ids(1, 2), "weekday": int_or_any, "text": text_or_any},
        {"client_id": ids(1, 2, 3), "goal_id": ids(1, 2)},
    ),
    "weekly.set_plan_item_done": Case(weekly.set_plan_item_done, {"item_id": ids(1), "done": flag}),
    "weekly.delete_plan_item": Case(weekly.delete_plan_item, {"item_id": ids(1)}),
    "weekly.add_collection_item": Case(
        weekly.add_collection_item,
        {"form_id": ids(1, 2), "amount_cents": cents_or_any},
        {"client_id": ids(1, 2, 3), "note": text_or_any},
    ),
    "weekly.delete_collection_item": Case(weekly.delete_collection_item, {"item_id": ids(1)}),
    "weekly.submit_weekly_form": Case(weekly.submit_weekly_form, {"form_id": ids(1, 2)}),
    "weekly.return_weekly_form": Case(
        weekly.return_weekly_form, {"form_id": ids(1, 2), "supervisor_id": ids(1, 2), "reason": text_or_any}
    ),
    "weekly.annotate": Case(
        weekly.annotate,
        {"form_id": ids(1, 2), "author_id": ids(1, 2), "body": text_or_any},
        {
            "section": text_or_any,
            "line": st.one_of(
                of(
                    "",
                    "summary",
                    "plan:1",
                    "collection:1",
                    "fact:visits",
                    "plan:99999999999999999999",
                    "collection:-1",
                    "instalment:9223372036854775808",
                    "assessment:1",
                ),
                text_or_any,
            ),
        },
    ),
    "weekly.score_week": Case(
        weekly.score_week,
        {"form_id": ids(1, 2), "scorer_id": ids(1, 2)},
        {
            "score": number_or_any,
            "comment": text_or_any,
            "criteria_scores": dicts_of(of("plan", "execution", "results"), number_or_any),
        },
    ),
    "weekly_criteria.save_criteria": Case(
        weekly_criteria.save_criteria,
        {
            "items": lists_of(
                st.one_of(
                    st.fixed_dictionaries(
                        {"label": text_or_any, "weight": number_or_any}, optional={"key": text_or_any}
                    ),
                    anything,
                )
            )
        },
    ),
    # the handbook
    "handbook.entries": Case(handbook.entries, {}, {"search": text_or_any}),
    "handbook.entry_for_key": Case(handbook.entry_for_key, {"key": st.one_of(of("visits"), text_or_any)}),
    "handbook.add_entry": Case(
        handbook.add_entry,
        {"question": text_or_any},
        {
            "answer": text_or_any,
            "kpi_key": st.one_of(of("visits", "rule:smart", "Bad Key"), text_or_any),
            "revised_on": date_or_any,
        },
    ),
    "handbook.update_entry": Case(
        handbook.update_entry,
        {"entry_id": ids(1, 2)},
        {
            "question": text_or_any,
            "answer": text_or_any,
            "kpi_key": text_or_any,
            "revised_on": date_or_any,
            "other": anything,
        },
    ),
    "handbook.delete_entry": Case(handbook.delete_entry, {"entry_id": ids(1, 2)}),
    "handbook.move_entry": Case(handbook.move_entry, {"entry_id": ids(1, 2), "new_position": int_or_any}),
    "handbook.seed_handbook": Case(handbook.seed_handbook, {"lang": of("en", "zh_CN", "fr")}),
    "handbook.seed_handbook_if_new": Case(handbook.seed_handbook_if_new, {"lang": of("en", "zh_CN")}),
    # users and the team
    "users.require_user": Case(users.require_user, {"value": ids(1, 2)}),
    "users.pin_matches": Case(users.pin_matches, {"stored": text_or_any, "pin": text_or_any}),
    "users.clean_email": Case(users.clean_email, {"value": st.one_of(of("a@b.cn", "a@b@c"), text_or_any)}),
    "users.create_user": Case(
        users.create_user,
        {"name": text_or_any},
        {"role": of(*USER_ROLES), "supervisor_id": ids(1, 2), "email": text_or_any, "phone": text_or_any},
    ),
    "users.update_user": Case(
        users.update_user,
        {"user_id": ids(1, 2, 3)},
        {
            "name": text_or_any,
            "role": of(*USER_ROLES),
            "supervisor_id": ids(1, 2),
            "email": text_or_any,
            "phone": text_or_any,
            "active": flag,
        },
    ),
    "users.deactivate_user": Case(users.deactivate_user, {"user_id": ids(1, 2, 3)}),
    "users.reactivate_user": Case(users.reactivate_user, {"user_id": ids(1, 3)}),
    "users.set_pin": Case(
        users.set_pin,
        {"user_id": ids(1, 3), "pin": of("1234", "123", "1234567890123")},
        {"current_pin": text_or_any},
    ),
    "users.clear_pin": Case(users.clear_pin, {"user_id": ids(1, 3)}, {"current_pin": text_or_any}),
    "users.verify_pin": Case(users.verify_pin, {"user_id": ids(1, 2), "pin": text_or_any}),
    "users.has_pin": Case(users.has_pin, {"user_id": ids(1, 2)}),
    "users.list_users": Case(users.list_users, {}, {"active_only": flag}),
    "team.switch_user": Case(team.switch_user, {"user_id": ids(1, 2, 3)}, {"pin": text_or_any}),
    "team.create_first_user": Case(team.create_first_user, {"name": text_or_any}, {"role": of(*USER_ROLES)}),
    # settings
    "settings.get_setting": Case(
        settings.get_setting, {"key": st.one_of(of("reminders"), text_or_any)}, {"default": anything}
    ),
    "settings.set_setting": Case(
        settings.set_setting,
        {"key": st.one_of(of("x.y"), text_or_any), "value": st.one_of(anything, deep_values)},
    ),
    "settings.delete_setting": Case(settings.delete_setting, {"key": st.one_of(of("x.y"), text_or_any)}),
    "stages.stage_probability": Case(stages.stage_probability, {"stage": of(*OPEN_STAGES, "won")}),
    "stages.set_stage_probabilities": Case(
        stages.set_stage_probabilities,
        {"values": dicts_of(of(*OPEN_STAGES, "won", "lost"), st.one_of(of(0, 50, 100, 101), int_or_any))},
    ),
    "schedule_rules.clean_bucket_rules": Case(schedule_rules.clean_bucket_rules, {"rules": bucket_rules}),
    "schedule_rules.save_bucket_rules": Case(schedule_rules.save_bucket_rules, {"rules": bucket_rules}),
    "schedule_rules.resolve": Case(
        schedule_rules.resolve, {"bucket": of(*BUCKETS)}, {"at": datetime_or_any, "rules": bucket_rules}
    ),
    "agenda_settings.save_neglect_days": Case(
        agenda_settings.save_neglect_days,
        {"days": dicts_of(of(*GRADES, "D"), st.one_of(of(1, 365, "7", " 30 "), int_or_any))},
    ),
    "agenda_settings.save_reminder_settings": Case(
        agenda_settings.save_reminder_settings, {"enabled": flag, "lead_minutes": int_or_any}
    ),
    "views.save_view": Case(
        views.save_view,
        {
            "page": of("clients", "pipeline", "today"),
            "name": text_or_any,
            "definition": st.one_of(anything, deep_values, texts),
        },
        {"user_id": ids(1, 2)},
    ),
    "views.list_views": Case(views.list_views, {"page": of("clients", "today")}, {"user_id": ids(1, 2)}),
    "views.rename_view": Case(views.rename_view, {"view_id": ids(1), "new_name": text_or_any}),
    "views.delete_view": Case(views.delete_view, {"view_id": ids(1)}),
}

from desktop_crm.services import client_status  # noqa: E402

CASES["client_status.set_status_follows_deals"] = Case(
    client_status.set_status_follows_deals, {"enabled": st.one_of(flag, anything)}
)

# load / vcard (slice load-vcard): cards as parse_vcards makes them from random text, or anything at all
from desktop_crm.services import vcards  # noqa: E402
from desktop_crm.vcard import parse_vcards  # noqa: E402

_card_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


def _card(name_phone: tuple[str, str]) -> Any:
    name, phone = name_phone
    return parse_vcards(f"BEGIN:VCARD\nVERSION:3.0\nFN:{name}\nTEL:{phone}\nEND:VCARD\n".encode())[0]


_cards = st.one_of(anything, st.lists(st.tuples(_card_text, _card_text).map(_card), max_size=3))
CASES["vcards.preview_vcards"] = Case(vcards.preview_vcards, {"client_id": ids(1, 2, 3), "cards": _cards})
CASES["vcards.import_vcards"] = Case(
    vcards.import_vcards,
    {"client_id": ids(1, 2, 3), "cards": _cards},
    {"on_duplicate": of("skip", "update", "create", "merge", None), "skip_invalid": flag},
)

# attachments and form layout (slice attach): a real small file (this module), missing paths, anything
from desktop_crm.services import attachments as attachments_service  # noqa: E402
from desktop_crm.services import form_layout  # noqa: E402
from desktop_crm.services.form_layout import FIELDS as FORM_FIELDS  # noqa: E402
from desktop_crm.services.form_layout import SECTIONS as FORM_SECTIONS  # noqa: E402

_owner_kind = of("client", "follow_up", "contract", "service_record", "invoice")
_source = st.one_of(of(__file__, "/no/such/file.pdf", "/", ""), text_or_any)
CASES["attachments.add_attachment"] = Case(
    attachments_service.add_attachment,
    {"owner_kind": _owner_kind, "owner_id": ids(1, 2, 3), "source": _source},
    {"by": ids(1, 2)},
)
CASES["attachments.remove_attachment"] = Case(
    attachments_service.remove_attachment, {"attachment_id": ids(1)}
)
CASES["attachments.restore_attachment"] = Case(
    attachments_service.restore_attachment, {"attachment_id": ids(1)}
)
CASES["attachments.purge_attachment"] = Case(attachments_service.purge_attachment, {"attachment_id": ids(1)})
CASES["attachments.attachment_file"] = Case(attachments_service.attachment_file, {"attachment_id": ids(1)})
CASES["attachments.file_to_open"] = Case(attachments_service.file_to_open, {"attachment_id": ids(1)})
CASES["attachments.list_attachments"] = Case(
    attachments_service.list_attachments,
    {"client_id": ids(1, 2, 3)},
    {"owner_kind": _owner_kind, "owner_id": ids(1, 2), "removed": flag},
)
CASES["attachments.list_for_record"] = Case(
    attachments_service.list_for_record, {"owner_kind": _owner_kind, "owner_id": ids(1, 2)}, {"removed": flag}
)
CASES["attachments.client_of"] = Case(
    attachments_service.client_of, {"owner_kind": _owner_kind, "owner_id": ids(1, 2)}
)
CASES["attachments.attachment_counts"] = Case(
    attachments_service.attachment_counts, {"owner_kind": _owner_kind, "owner_ids": lists_of(ids(1, 2, 3))}
)
CASES["form_layout.save_form_layout"] = Case(
    form_layout.save_form_layout,
    {},
    {
        "hidden": lists_of(of(*FORM_FIELDS)),
        "labels": dicts_of(of(*FORM_FIELDS), dicts_of(of("en", "zh_CN", "fr"), text_or_any)),
        "sections": st.one_of(st.permutations(FORM_SECTIONS), lists_of(of(*FORM_SECTIONS))),
    },
)

# service records and complaints (slice service): records 1 (open complaint) and 2 (resolved) on client 1
from desktop_crm.models.service import SERVICE_SEVERITIES, SERVICE_STATUSES  # noqa: E402
from desktop_crm.services import service_records  # noqa: E402

_service_kind = st.one_of(of("complaint", "training", "custom_1", "nonsense", ""), anything)
_service_fields = {
    "kind": _service_kind,
    "title": text_or_any,
    "severity": of(*SERVICE_SEVERITIES, "huge"),
    "description": text_or_any,
    "contact_id": ids(1, 2, 3),
    "contract_id": ids(1),
    "due_at": datetime_or_any,
}
CASES["service_records.create_service_record"] = Case(
    service_records.create_service_record,
    {"client_id": ids(1, 2, 3), "kind": _service_kind, "title": text_or_any},
    {k: v for k, v in _service_fields.items() if k not in ("kind", "title")} | {"user_id": ids(1, 2)},
)
CASES["service_records.update_service_record"] = Case(
    service_records.update_service_record,
    {"record_id": ids(1, 2)},
    _service_fields | {"resolution": text_or_any},
)
CASES["service_records.change_service_status"] = Case(
    service_records.change_service_status,
    {"record_id": ids(1, 2), "status": of(*SERVICE_STATUSES, "closed")},
    {"resolution": text_or_any, "satisfaction": int_or_any, "now": datetime_or_any},
)
CASES["service_records.resolve_service_record"] = Case(
    service_records.resolve_service_record, {"record_id": ids(1, 2), "resolution": text_or_any}
)
CASES["service_records.delete_service_record"] = Case(
    service_records.delete_service_record, {"record_id": ids(1, 2)}
)
CASES["service_records.restore_service_record"] = Case(
    service_records.restore_service_record, {"record_id": ids(1, 2)}
)
CASES["service_records.save_service_types"] = Case(
    service_records.save_service_types,
    {
        "types": st.one_of(
            lists_of(
                dicts_of(
                    of("key", "name", "response_hours", "active"),
                    st.one_of(of("complaint", "custom_1", "", "远程支持", 24, 0, True, False), anything),
                )
            ),
            anything,
        )
    },
)

# care (slice care): referrals between the world's clients and contacts, the dossier, the care settings
from desktop_crm.models.enums import HEADCOUNT_BANDS, REVENUE_BANDS  # noqa: E402
from desktop_crm.services import care_settings, dossier, referrals  # noqa: E402

_credit_code = st.one_of(
    of("91440300708461136T", "9144 0300 7084 6113 6t", "91440300708461136X", "9144030070846113", ""),
    text_or_any,
)
CASES["referrals.set_referral"] = Case(
    referrals.set_referral,
    {"client_id": ids(1, 2, 3)},
    {
        "referrer_client_id": ids(1, 2, 3),
        "referrer_contact_id": ids(1, 2, 3),
        "reward_promised": text_or_any,
        "reward_promised_cents": cents_or_any,
        "reward_given": text_or_any,
        "reward_given_cents": cents_or_any,
        "reward_given_on": date_or_any,
        "notes": text_or_any,
    },
)
CASES["referrals.clear_referral"] = Case(referrals.clear_referral, {"client_id": ids(1, 2, 3)})
CASES["referrals.clean_reward_fields"] = Case(  # slice io11b: the rules the referrals import applies too
    referrals.clean_reward_fields,
    {
        "fields": st.fixed_dictionaries(
            {},
            optional={
                "reward_promised": text_or_any,
                "reward_promised_cents": cents_or_any,
                "reward_given": text_or_any,
                "reward_given_cents": cents_or_any,
                "reward_given_on": date_or_any,
                "notes": text_or_any,
            },
        )
    },
)
CASES["dossier.clean_credit_code"] = Case(
    dossier.clean_credit_code, {"value": _credit_code}, {"client_id": ids(1)}
)
CASES["dossier.save_dossier"] = Case(
    dossier.save_dossier,
    {"client_id": ids(1, 2, 3)},
    {
        "credit_code": _credit_code,
        "legal_representative": text_or_any,
        "registered_capital_cents": cents_or_any,
        "founded_on": date_or_any,
        "business_scope": text_or_any,
        "headcount_band": of(*HEADCOUNT_BANDS, "huge", None),
        "revenue_band": of(*REVENUE_BANDS, "", None),
    },
)
_note = {"noted_on": date_or_any, "text": text_or_any}
CASES["dossier.add_dossier_note"] = Case(
    dossier.add_dossier_note, {"client_id": ids(1, 2, 3), **_note}, {"source": text_or_any}
)
CASES["dossier.update_dossier_note"] = Case(
    dossier.update_dossier_note, {"note_id": ids(1), **_note}, {"source": text_or_any}
)
CASES["dossier.delete_dossier_note"] = Case(dossier.delete_dossier_note, {"note_id": ids(1)})
CASES["care_settings.set_care_settings"] = Case(
    care_settings.set_care_settings,
    {
        "signed_months": int_or_any,
        "quiet_months": int_or_any,
        "search_url": st.one_of(of("https://www.baidu.com/s?wd={query}", "ftp://x/{query}"), text_or_any),
    },
)

# Public functions that take no user input (or only records the program itself passes): not fuzzed.
NOT_USER_INPUT = {
    "agenda_settings.load_neglect_days",
    "agenda_settings.load_reminder_settings",
    "clients.list_deleted_clients",
    "custom_fields.field_choices",
    "custom_fields.store_custom_values",
    "custom_fields.list_tag_names",
    "deals.alive_client",
    "deals.alive_opportunity",
    "deals.clean_fields",
    "deals.planned_total",
    "goals.child_periods",
    "goals.split_amounts",
    "handbook.topic_kind",
    "handbook.list_entries",
    "handbook.is_empty",
    "schedule_rules.load_bucket_rules",
    "schedule_rules.reset_bucket_rules",
    "stages.stage_probabilities",
    "stages.reset_stage_probabilities",
    "users.hash_pin",
    "weekly.lock_reason",
    "weekly.lock_error",
    "weekly_criteria.load_criteria",
    "weekly_criteria.weighted_total",
}

NOT_USER_INPUT |= {  # the client-status rule: a read, and the hook deals call with their own client
    "client_status.status_follows_deals",
    "client_status.promote_on_deal",
}
NOT_USER_INPUT |= {"vcards.phone_key", "vcards.contact_fields"}  # helpers over parsed cards (load-vcard)
NOT_USER_INPUT |= {  # slice service: reads of the type list and a status test
    "service_records.service_types",
    "service_records.service_type",
    "service_records.is_open",
}
NOT_USER_INPUT |= {  # slice attach: reads of the saved layout, a reset, the program's own registrations
    "form_layout.form_layout",
    "form_layout.reset_form_layout",
    "attachments.register_owner_kind",
    "attachments.busiest_client_id",
}


# the dialogs' use cases (slice services12): one service per dialog, inputs as the dialogs build them
from desktop_crm.models.enums import OPEN_STAGES, STAKEHOLDER_ROLES  # noqa: E402
from desktop_crm.services import client_batches, client_form, contact_form, deal_forms  # noqa: E402

_milestones = lists_of(
    st.builds(client_form.MilestoneInput, st.one_of(st.none(), ids(1)), text_or_any, date_or_any, date_or_any)
)
_client_input = st.builds(
    client_form.ClientInput,
    fields=st.fixed_dictionaries(
        {"name": text_or_any}, optional={k: v for k, v in client_field.items() if k != "name"}
    ),
    tag_names=lists_of(text_or_any),
    custom_values=custom_values,
    milestones=_milestones,
    removed_milestone_ids=lists_of(ids(1)),
)
_role = of(*STAKEHOLDER_ROLES, None)
CASES["client_form.load_client_form"] = Case(client_form.load_client_form, {"client_id": ids(1, 2, 3)})
CASES["client_form.save_client"] = Case(
    client_form.save_client, {"client_id": st.one_of(st.none(), ids(1, 2, 3)), "data": _client_input}
)
CASES["client_form.edit_client"] = Case(
    client_form.edit_client, {"client_id": ids(1, 2, 3), "data": _client_input}
)
CASES["client_batches.delete_clients"] = Case(
    client_batches.delete_clients, {"client_ids": lists_of(ids(1, 2, 3))}
)
CASES["client_batches.restore_clients"] = Case(
    client_batches.restore_clients, {"client_ids": lists_of(ids(1, 2, 3))}
)
CASES["client_batches.bulk_edit_clients"] = Case(
    client_batches.bulk_edit_clients,
    {"client_ids": lists_of(ids(1, 2, 3))},
    {"change_owner": flag, "owner_id": ids(1, 2, 3), "grade": of(*GRADES, None), "add_tag": of("vip", None)},
)
CASES["contact_form.save_contact"] = Case(
    contact_form.save_contact,
    {
        "client_id": ids(1, 2, 3),
        "contact_id": st.one_of(st.none(), ids(1, 2)),
        "data": st.builds(
            contact_form.ContactInput,
            fields=st.fixed_dictionaries(
                {"name": text_or_any}, optional={k: v for k, v in contact_field.items() if k != "name"}
            ),
            stance_reason=text_or_any,
            deal_roles=dicts_of(ids(1, 2), _role),
        ),
    },
)
CASES["deal_forms.save_opportunity"] = Case(
    deal_forms.save_opportunity,
    {
        "opportunity_id": st.one_of(st.none(), ids(1, 2)),
        "data": st.builds(
            deal_forms.OpportunityInput,
            client_id=ids(1, 2, 3),
            name=text_or_any,
            owner_id=st.one_of(st.none(), ids(1, 2)),
            stage=of(*OPEN_STAGES, "won", "lost"),
            probability=int_or_any,
            expected_amount_cents=int_or_any,
            expected_close_date=date_or_any,
            competitor=text_or_any,
            notes=text_or_any,
            roles=dicts_of(ids(1, 2), _role),
        ),
    },
)
CASES["deal_forms.move_opportunity_stage"] = Case(
    deal_forms.move_opportunity_stage,
    {"opportunity_id": ids(1, 2), "stage": of(*OPEN_STAGES, "won", "lost")},
    {"probability": int_or_any},
)
CASES["deal_forms.move_opportunities_stage"] = Case(  # slice pipeline13: cards dropped together
    deal_forms.move_opportunities_stage,
    {
        "opportunity_ids": st.one_of(lists_of(ids(1, 2)), text_or_any),
        "stage": of(*OPEN_STAGES, "won", "lost"),
    },
)
NOT_USER_INPUT |= {"deal_forms.apply_stage_moves"}  # the undo/redo of those: the moves the service returned
NOT_USER_INPUT |= {  # slice services12: the editor's key names and duplicate rule; the undo of a bulk
    # edit and of a client edit put back what the services themselves returned (not typed input)
    "client_form.custom_key",
    "client_form.milestone_key",
    "client_form.needs_duplicate_check",
    "client_form.restore_client_fields",
    "client_batches.restore_bulk_edit",
}


def _public_services() -> set[str]:
    names = set()
    for info in pkgutil.iter_modules(desktop_crm.services.__path__):
        if info.name == "common":  # the validators themselves: fuzzed through every service
            continue
        module = import_module(f"desktop_crm.services.{info.name}")
        for name, value in vars(module).items():
            if inspect.isfunction(value) and not name.startswith("_") and value.__module__ == module.__name__:
                names.add(f"{info.name}.{name}")
    return names


def test_every_service_is_fuzzed() -> None:
    missing = _public_services() - set(CASES) - NOT_USER_INPUT
    assert not missing, f"services without a property test: {sorted(missing)}"


@pytest.mark.parametrize("name", sorted(CASES))
@given(data=st.data())
def test_service_succeeds_or_refuses_cleanly(world: dict[str, int], name: str, data: st.DataObject) -> None:
    case = CASES[name]
    kwargs = data.draw(st.fixed_dictionaries(case.args, optional=case.optional), label="arguments")
    call(case.fn, **kwargs)

"""How sync's results and conflicts read in the interface: table and field names as words, the rules, the
values, and the short summary of a sync, an import or an export (``ui.sync_ui``, ``ui.sync_dialogs``).

The core names records by their table and columns (``desktop_crm.sync.tables``); the words below are the
interface's. Field names the core's validators already use are translated as field labels
(``ui.errors.label_text``); the rest live here, in the "SyncText" context.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from desktop_crm.sync.conflict_names import Names, model_field
from desktop_crm.sync.exchange import ExportSummary, ImportSummary
from desktop_crm.sync.folder import FolderSync
from desktop_crm.sync.hub import TeamSync

from . import fmt, labels
from .errors import error_text, label_text

CONTEXT = "SyncText"

TABLES = {
    "User": QT_TRANSLATE_NOOP("SyncText", "User"),
    "setting": QT_TRANSLATE_NOOP("SyncText", "Setting"),
    "client": QT_TRANSLATE_NOOP("SyncText", "Client"),
    "tag": QT_TRANSLATE_NOOP("SyncText", "Category"),
    "client_tag": QT_TRANSLATE_NOOP("SyncText", "Client's category"),
    "client_milestone": QT_TRANSLATE_NOOP("SyncText", "Milestone"),
    "custom_field_def": QT_TRANSLATE_NOOP("SyncText", "Custom field"),
    "custom_field_value": QT_TRANSLATE_NOOP("SyncText", "Custom field value"),
    "contact": QT_TRANSLATE_NOOP("SyncText", "Contact"),
    "stance_change": QT_TRANSLATE_NOOP("SyncText", "Stance change"),
    "opportunity": QT_TRANSLATE_NOOP("SyncText", "Opportunity"),
    "opportunity_contact": QT_TRANSLATE_NOOP("SyncText", "Opportunity contact"),
    "contract": QT_TRANSLATE_NOOP("SyncText", "Contract"),
    "payment_instalment": QT_TRANSLATE_NOOP("SyncText", "Payment plan instalment"),
    "payment": QT_TRANSLATE_NOOP("SyncText", "Payment"),
    "follow_up": QT_TRANSLATE_NOOP("SyncText", "Follow-up"),
    "follow_up_contact": QT_TRANSLATE_NOOP("SyncText", "Follow-up contact"),
    "next_step": QT_TRANSLATE_NOOP("SyncText", "Next step"),
    "goal": QT_TRANSLATE_NOOP("SyncText", "Goal"),
    "goal_target": QT_TRANSLATE_NOOP("SyncText", "Goal target"),
    "goal_action": QT_TRANSLATE_NOOP("SyncText", "Goal action"),
    "goal_client": QT_TRANSLATE_NOOP("SyncText", "Goal client"),
    "goal_action_client": QT_TRANSLATE_NOOP("SyncText", "Goal action client"),
    "weekly_form": QT_TRANSLATE_NOOP("SyncText", "Weekly form"),
    "weekly_collection_item": QT_TRANSLATE_NOOP("SyncText", "Weekly collection item"),
    "weekly_plan_item": QT_TRANSLATE_NOOP("SyncText", "Weekly plan item"),
    "annotation": QT_TRANSLATE_NOOP("SyncText", "Annotation"),
    "weekly_score": QT_TRANSLATE_NOOP("SyncText", "Weekly score"),
    "weekly_criterion_score": QT_TRANSLATE_NOOP("SyncText", "Criterion score"),
    "handbook_entry": QT_TRANSLATE_NOOP("SyncText", "Handbook entry"),
    "saved_view": QT_TRANSLATE_NOOP("SyncText", "Saved view"),
    "referral": QT_TRANSLATE_NOOP("SyncText", "Referral"),
    "client_dossier": QT_TRANSLATE_NOOP("SyncText", "Client dossier"),
    "dossier_note": QT_TRANSLATE_NOOP("SyncText", "Dossier note"),
    "service_record": QT_TRANSLATE_NOOP("SyncText", "Service record"),
    "attachment": QT_TRANSLATE_NOOP("SyncText", "Attachment"),
}

# columns named by a field label the core's validators already use (translated as "ServiceLabels")
LABELLED_COLUMNS = {
    "address": "Address",
    "amount_cents": "Amount",
    "answer": "Answer",
    "body": "Annotation",
    "category": "Category",
    "channel": "Channel",
    "client_id": "Client",
    "comment": "Comment",
    "competitor": "Competitor",
    "contact_id": "Contact",
    "contract_id": "Contract",
    "department": "Department",
    "due_at": "Due time",
    "due_date": "Due date",
    "duration_minutes": "Duration (minutes)",
    "email": "E-mail",
    "expected_amount_cents": "Expected amount",
    "expected_close_date": "Expected close date",
    "expected_sign_date": "Expected signing date",
    "goal_id": "Goal",
    "grade": "Grade",
    "industry": "Industry",
    "influence": "Influence",
    "instalment_id": "Instalment",
    "interests": "Interests",
    "kind": "Kind",
    "label": "Label",
    "method": "Method",
    "metric": "Metric",
    "name": "Name",
    "note": "Note",
    "notes": "Notes",
    "number": "Contract number",
    "opportunity_id": "Opportunity",
    "owner_id": "Owner",
    "paid_on": "Payment date",
    "period_end": "End date",
    "period_start": "Start date",
    "phone": "Phone",
    "plan_type": "Plan type",
    "position": "Position",
    "probability": "Probability",
    "purpose": "Purpose",
    "question": "Question",
    "region": "Region",
    "role": "Role",
    "score": "Score",
    "section": "Section",
    "short_name": "Short name",
    "signed_on": "Signing date",
    "source": "Source",
    "stage": "Stage",
    "stance": "Stance",
    "status": "Status",
    "summary": "Summary",
    "supervisor_id": "Supervisor",
    "tag_id": "Tag",
    "tenure": "Tenure",
    "text": "Text",
    "title": "Title",
    "user_id": "User",
    "value_verdict": "Value verdict",
    "website": "Website",
    "wechat": "WeChat",
    "weekday": "Weekday",
}

OTHER_COLUMNS = {
    "created_at": QT_TRANSLATE_NOOP("SyncText", "Created at"),
    "updated_at": QT_TRANSLATE_NOOP("SyncText", "Changed at"),
    "deleted_at": QT_TRANSLATE_NOOP("SyncText", "In the trash since"),
    "done": QT_TRANSLATE_NOOP("SyncText", "Done"),
    "done_at": QT_TRANSLATE_NOOP("SyncText", "Done at"),
    "happened_at": QT_TRANSLATE_NOOP("SyncText", "When it happened"),
    "value": QT_TRANSLATE_NOOP("SyncText", "Value"),
    "color": QT_TRANSLATE_NOOP("SyncText", "Colour"),
    "active": QT_TRANSLATE_NOOP("SyncText", "Active"),
    "description": QT_TRANSLATE_NOOP("SyncText", "Description"),
    "resolution": QT_TRANSLATE_NOOP("SyncText", "Resolution"),
    "severity": QT_TRANSLATE_NOOP("SyncText", "Severity"),
    "birthday": QT_TRANSLATE_NOOP("SyncText", "Birthday"),
    "file_name": QT_TRANSLATE_NOOP("SyncText", "File name"),
    "target_value": QT_TRANSLATE_NOOP("SyncText", "Target value"),
    "actual_value": QT_TRANSLATE_NOOP("SyncText", "Actual value"),
    "key": QT_TRANSLATE_NOOP("SyncText", "Key"),
    "action_id": QT_TRANSLATE_NOOP("SyncText", "Goal action"),
    "added_by_id": QT_TRANSLATE_NOOP("SyncText", "Added by"),
    "assigned_by_id": QT_TRANSLATE_NOOP("SyncText", "Assigned by"),
    "author_id": QT_TRANSLATE_NOOP("SyncText", "Author"),
    "bucket": QT_TRANSLATE_NOOP("SyncText", "Time slot"),
    "business_scope": QT_TRANSLATE_NOOP("SyncText", "Business scope"),
    "changed_by_id": QT_TRANSLATE_NOOP("SyncText", "Changed by"),
    "changed_on": QT_TRANSLATE_NOOP("SyncText", "Changed on"),
    "choices": QT_TRANSLATE_NOOP("SyncText", "Choices"),
    "close_reason": QT_TRANSLATE_NOOP("SyncText", "Reason for closing"),
    "closed_on": QT_TRANSLATE_NOOP("SyncText", "Closed on"),
    "completed_by_id": QT_TRANSLATE_NOOP("SyncText", "Completed by follow-up"),
    "confirmed_at": QT_TRANSLATE_NOOP("SyncText", "Confirmed at"),
    "credit_code": QT_TRANSLATE_NOOP("SyncText", "Unified social credit code"),
    "decided_at": QT_TRANSLATE_NOOP("SyncText", "Decided at"),
    "definition": QT_TRANSLATE_NOOP("SyncText", "View settings"),
    "done_date": QT_TRANSLATE_NOOP("SyncText", "Done on"),
    "field_id": QT_TRANSLATE_NOOP("SyncText", "Custom field"),
    "follow_up_id": QT_TRANSLATE_NOOP("SyncText", "Follow-up"),
    "form_id": QT_TRANSLATE_NOOP("SyncText", "Weekly form"),
    "founded_on": QT_TRANSLATE_NOOP("SyncText", "Founded on"),
    "headcount_band": QT_TRANSLATE_NOOP("SyncText", "Headcount"),
    "hidden": QT_TRANSLATE_NOOP("SyncText", "Hidden"),
    "iso_week": QT_TRANSLATE_NOOP("SyncText", "Week"),
    "iso_year": QT_TRANSLATE_NOOP("SyncText", "Year"),
    "kpi_key": QT_TRANSLATE_NOOP("SyncText", "KPI"),
    "legal_representative": QT_TRANSLATE_NOOP("SyncText", "Legal representative"),
    "line": QT_TRANSLATE_NOOP("SyncText", "Line"),
    "new_stance": QT_TRANSLATE_NOOP("SyncText", "New stance"),
    "noted_on": QT_TRANSLATE_NOOP("SyncText", "Noted on"),
    "old_stance": QT_TRANSLATE_NOOP("SyncText", "Previous stance"),
    "owner_kind": QT_TRANSLATE_NOOP("SyncText", "Attached to"),
    "owner_uuid": QT_TRANSLATE_NOOP("SyncText", "Attached to record"),
    "page": QT_TRANSLATE_NOOP("SyncText", "Page"),
    "parent_id": QT_TRANSLATE_NOOP("SyncText", "Parent goal"),
    "pin_hash": QT_TRANSLATE_NOOP("SyncText", "PIN"),
    "planned_collection_cents": QT_TRANSLATE_NOOP("SyncText", "Planned collection"),
    "proposal_reason": QT_TRANSLATE_NOOP("SyncText", "Reason for the proposal"),
    "proposal_state": QT_TRANSLATE_NOOP("SyncText", "Proposal state"),
    "proposed_at": QT_TRANSLATE_NOOP("SyncText", "Proposed at"),
    "proposed_by_id": QT_TRANSLATE_NOOP("SyncText", "Proposed by"),
    "proposed_value": QT_TRANSLATE_NOOP("SyncText", "Proposed value"),
    "qualitative": QT_TRANSLATE_NOOP("SyncText", "Qualitative"),
    "reason": QT_TRANSLATE_NOOP("SyncText", "Reason"),
    "referrer_client_id": QT_TRANSLATE_NOOP("SyncText", "Referred by (client)"),
    "referrer_contact_id": QT_TRANSLATE_NOOP("SyncText", "Referred by (contact)"),
    "registered_capital_cents": QT_TRANSLATE_NOOP("SyncText", "Registered capital"),
    "reports_to_id": QT_TRANSLATE_NOOP("SyncText", "Reports to"),
    "resolved_at": QT_TRANSLATE_NOOP("SyncText", "Resolved at"),
    "revenue_band": QT_TRANSLATE_NOOP("SyncText", "Annual revenue"),
    "revised_on": QT_TRANSLATE_NOOP("SyncText", "Revised on"),
    "reward_given": QT_TRANSLATE_NOOP("SyncText", "Reward given"),
    "reward_given_cents": QT_TRANSLATE_NOOP("SyncText", "Reward given (amount)"),
    "reward_given_on": QT_TRANSLATE_NOOP("SyncText", "Reward given on"),
    "reward_promised": QT_TRANSLATE_NOOP("SyncText", "Reward promised"),
    "reward_promised_cents": QT_TRANSLATE_NOOP("SyncText", "Reward promised (amount)"),
    "satisfaction": QT_TRANSLATE_NOOP("SyncText", "Satisfaction"),
    "scorer_id": QT_TRANSLATE_NOOP("SyncText", "Scored by"),
    "seq": QT_TRANSLATE_NOOP("SyncText", "Instalment number"),
    "sha256": QT_TRANSLATE_NOOP("SyncText", "File contents"),
    "size_bytes": QT_TRANSLATE_NOOP("SyncText", "File size"),
    "source_follow_up_id": QT_TRANSLATE_NOOP("SyncText", "From follow-up"),
    "submitted_at": QT_TRANSLATE_NOOP("SyncText", "Handed in at"),
    "unit": QT_TRANSLATE_NOOP("SyncText", "Unit"),
    "value_date": QT_TRANSLATE_NOOP("SyncText", "Value (date)"),
    "value_number": QT_TRANSLATE_NOOP("SyncText", "Value (number)"),
    "value_text": QT_TRANSLATE_NOOP("SyncText", "Value"),
    "weight": QT_TRANSLATE_NOOP("SyncText", "Weight"),
}

# a column whose word depends on its table
TABLE_COLUMNS = {
    ("contact", "title"): QT_TRANSLATE_NOOP("SyncText", "Job title"),
    ("client_milestone", "position"): QT_TRANSLATE_NOOP("SyncText", "Order"),
    ("custom_field_def", "position"): QT_TRANSLATE_NOOP("SyncText", "Order"),
    ("handbook_entry", "position"): QT_TRANSLATE_NOOP("SyncText", "Order"),
}

# columns holding a key of an enumeration: shown by its label (``ui.labels``), as the pages show it
ENUM_COLUMNS = {
    ("User", "role"): "user_role",
    ("client", "status"): "client_status",
    ("client", "value_verdict"): "value_verdict",
    ("client", "grade"): "grade",
    ("contact", "role"): "stakeholder_role",
    ("contact", "stance"): "stance",
    ("contact", "influence"): "influence",
    ("stance_change", "old_stance"): "stance",
    ("stance_change", "new_stance"): "stance",
    ("opportunity", "stage"): "stage",
    ("opportunity_contact", "role"): "stakeholder_role",
    ("follow_up", "channel"): "channel",
    ("follow_up", "purpose"): "plan_type",
    ("next_step", "plan_type"): "plan_type",
    ("next_step", "bucket"): "bucket",
    ("goal", "kind"): "goal_kind",
    ("weekly_form", "status"): "weekly_status",
    ("custom_field_def", "kind"): "custom_field_kind",
    ("service_record", "kind"): "service_type",
    ("service_record", "severity"): "service_severity",
    ("service_record", "status"): "service_status",
    ("client_dossier", "headcount_band"): "headcount_band",
    ("client_dossier", "revenue_band"): "revenue_band",
}

RULES = {
    "newer": QT_TRANSLATE_NOOP(
        "SyncText", "Both computers changed this field since they last synced: the newer change was kept."
    ),
    "same_key": QT_TRANSLATE_NOOP(
        "SyncText",
        "Both computers created a record under this name: they were merged into one record that keeps the "
        "links of both.",
    ),
    "before_sync": QT_TRANSLATE_NOOP(
        "SyncText", "The two files already held different values when they first synced: one was kept."
    ),
}


def tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def table_text(table: str) -> str:
    """A synced table as a word: "Client", "Next step" (the table's own name when it is a new one)."""
    return tr(TABLES[table]) if table in TABLES else table


# --- the records' names (read on the database worker) ------------------------------------------------
# A record is named by its own name or title, else by the record it belongs to (a payment by its contract,
# a weekly plan item by its form): the user knows records by their names, never by their UUID.
# The read model (the records' names) lives in the core: desktop_crm.sync.conflict_names.


# --- how a conflict reads ------------------------------------------------------------------------------
def record_text(table: str, uuid: str, names: Names | None = None) -> str:
    """Which record: its kind and its name ("Client · 北京中科信息"); the kind alone when it has no name
    (the same record on every computer: the UUID is not shown, it means nothing to the user)."""
    name = (names or {}).get((table.lower(), uuid), "")
    return (
        QCoreApplication.translate("SyncText", "{kind} · {name}").format(kind=table_text(table), name=name)
        if name
        else table_text(table)
    )


def field_text(field: str, table: str = "") -> str:
    if (table, field) in TABLE_COLUMNS:
        return tr(TABLE_COLUMNS[(table, field)])
    if field in LABELLED_COLUMNS:
        return label_text(LABELLED_COLUMNS[field])
    if field in OTHER_COLUMNS:
        return tr(OTHER_COLUMNS[field])
    return field.removesuffix("_id").replace("_", " ")


def rule_text(rule: str) -> str:
    """Why the kept value was kept, in a sentence (the tooltip of the Kept column)."""
    return tr(RULES[rule]) if rule in RULES else rule


def _list_text(value: str) -> str | None:
    """A JSON list of words (a custom field's choices, a multiple choice) as a list in words."""
    if not value.startswith("["):
        return None
    try:
        items = json.loads(value)
    except ValueError:
        return None
    if not isinstance(items, list) or not all(isinstance(item, str) for item in items):
        return None
    return QLocale().createSeparatedList(items)


def value_text(field: str, value: Any, table: str = "", names: Names | None = None) -> str:
    """A field's value as the interface shows values: money and dates in the locale, an enumeration by its
    label, a linked record by its name, yes/no in words, nothing as an empty cell."""
    from peewee import BooleanField, DateField, DateTimeField, ForeignKeyField

    if value is None or value == "":
        return ""
    column = model_field(table, field) if table else None
    if field == "pin_hash":
        return QCoreApplication.translate("SyncText", "(set)")
    if field == "owner_uuid" and isinstance(value, str):
        found = next((name for (_table, uuid), name in (names or {}).items() if uuid == value), "")
        return found or QCoreApplication.translate("SyncText", "(a record not on this computer)")
    if isinstance(column, ForeignKeyField) or (field.endswith("_id") and isinstance(value, str)):
        target = column.rel_model._meta.table_name.lower() if isinstance(column, ForeignKeyField) else ""
        linked = (names or {}).get((target, str(value)))
        return linked or QCoreApplication.translate("SyncText", "(a record not on this computer)")
    if isinstance(value, bool) or isinstance(column, BooleanField):
        return (
            QCoreApplication.translate("SyncText", "Yes")
            if value
            else QCoreApplication.translate("SyncText", "No")
        )
    if (table, field) in ENUM_COLUMNS and isinstance(value, str):
        return labels.label(ENUM_COLUMNS[(table, field)], value)
    if field.endswith("_cents") and isinstance(value, int):
        return fmt.money(value)
    if isinstance(value, int | float):
        return fmt.number(value, 0 if isinstance(value, int) else 2)
    dated = isinstance(column, DateField | DateTimeField) or field.endswith(("_at", "_on", "_date"))
    if isinstance(value, str) and dated:
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return value
        if len(value) <= 10:
            return fmt.short_date(parsed.date())
        return fmt.short_datetime(parsed)
    if isinstance(value, str):
        listed = _list_text(value)
        if listed is not None:
            return listed
    return str(value)


def when_text(at: str) -> str:
    try:
        return fmt.short_datetime(datetime.fromisoformat(at))
    except ValueError:
        return at


# --- summaries ---------------------------------------------------------------------------------
def _imported_lines(summaries: list[ImportSummary]) -> list[str]:
    records = sum(s.records for s in summaries)
    applied = sum(s.applied for s in summaries)
    unchanged = sum(s.unchanged for s in summaries)
    waiting = sum(s.waiting for s in summaries)
    conflicts = sum(s.conflicts for s in summaries)
    if not summaries:
        return [QCoreApplication.translate("SyncText", "No new changes from the other computers.")]
    lines = [
        QCoreApplication.translate(
            "SyncText",
            "Records received: {records} ({applied} updated here, {unchanged} already up to date).",
        ).format(records=fmt.number(records), applied=fmt.number(applied), unchanged=fmt.number(unchanged))
    ]
    if conflicts:
        lines.append(
            QCoreApplication.translate(
                "SyncText",
                "Conflicts: {count} (the same field changed on two computers). Click Show conflicts… to "
                "check them.",
            ).format(count=fmt.number(conflicts))
        )
    else:
        lines.append(QCoreApplication.translate("SyncText", "No conflicts: every change merged cleanly."))
    if waiting:
        lines.append(
            QCoreApplication.translate(
                "SyncText",
                "Waiting for records not received yet: {count} (they are applied at a later sync).",
            ).format(count=fmt.number(waiting))
        )
    return lines


def conflict_count(result: FolderSync | TeamSync | ImportSummary | ExportSummary) -> int:
    """The conflicts this computer's list gained (a clash the team database merged is listed there)."""
    if isinstance(result, FolderSync | TeamSync):
        return sum(s.conflicts for s in result.imported)
    if isinstance(result, ImportSummary):
        return result.conflicts
    return 0


def exported_line(summary: ExportSummary) -> str:
    return QCoreApplication.translate("SyncText", "Records sent: {count}.").format(
        count=fmt.number(summary.records)
    )


def team_text(result: TeamSync) -> str:
    """A sync with the team database: where, what came, what went, the clashes merged on each side."""
    lines = [
        QCoreApplication.translate("SyncText", "Synced with the team database {team}.").format(
            team=result.team
        ),
        *_imported_lines(result.imported),
    ]
    if result.exported is not None and result.exported.records:
        lines.append(exported_line(result.exported))
    else:
        lines.append(QCoreApplication.translate("SyncText", "Nothing new to send from this computer."))
    if result.pushed is not None and result.pushed.conflicts:
        lines.append(
            QCoreApplication.translate(
                "SyncText",
                "Of the conflicts, {count} were met on the team database while it merged this computer's "
                "changes.",
            ).format(count=fmt.number(result.pushed.conflicts))
        )
    for name, error in result.problems:
        lines.append(
            QCoreApplication.translate("SyncText", "Not imported: {file}: {error}").format(
                file=name, error=error_text(error)
            )
        )
    return "\n".join(lines)


def summary_text(result: FolderSync | TeamSync | ImportSummary | ExportSummary) -> str:
    """A sync's, an import's or an export's outcome in a few lines."""
    if isinstance(result, TeamSync):
        return team_text(result)
    if isinstance(result, ExportSummary):
        lines = [
            QCoreApplication.translate("SyncText", "The changes were written to {path}.").format(
                path=result.path
            ),
            exported_line(result),
        ]
        lines.append(
            QCoreApplication.translate(
                "SyncText", "Import this file on the other computer (File → Import changes…)."
            )
        )
        return "\n".join(lines)
    if isinstance(result, ImportSummary):
        return "\n".join(_imported_lines([result]))
    lines = [
        QCoreApplication.translate("SyncText", "Synced with {folder}.").format(folder=result.folder),
        *_imported_lines(result.imported),
    ]
    if result.exported is not None:
        lines.append(exported_line(result.exported))
    else:  # the core leaves this computer's file as it is when it has nothing new
        lines.append(QCoreApplication.translate("SyncText", "Nothing new to send from this computer."))
    for name, error in result.problems:
        lines.append(
            QCoreApplication.translate("SyncText", "Not imported: {file}: {error}").format(
                file=name, error=error_text(error)
            )
        )
    return "\n".join(lines)

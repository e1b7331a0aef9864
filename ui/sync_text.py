"""How sync's results and conflicts read in the interface: table and field names as words, the rules, the
values, and the short summary of a sync, an import or an export (``ui.sync_ui``, ``ui.sync_dialogs``).

The core names records by their table and columns (``desktop_crm.sync.tables``); the words below are the
interface's. Field names the core's validators already use are translated as field labels
(``ui.errors.label_text``); the rest live here, in the "SyncText" context.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_crm.sync.exchange import ExportSummary, ImportSummary
from desktop_crm.sync.folder import FolderSync

from . import fmt
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
}

RULES = {
    "newer": QT_TRANSLATE_NOOP("SyncText", "newer change kept"),
    "same_key": QT_TRANSLATE_NOOP("SyncText", "same name: merged into one"),
    "before_sync": QT_TRANSLATE_NOOP("SyncText", "differed before the first sync"),
}


def tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


def table_text(table: str) -> str:
    """A synced table as a word: "Client", "Next step" (the table's own name when it is a new one)."""
    return tr(TABLES[table]) if table in TABLES else table


def record_text(table: str, uuid: str) -> str:
    """Which record: its kind and the start of its UUID (the same on every computer)."""
    return f"{table_text(table)} {uuid[:8]}"


def field_text(field: str) -> str:
    if field in LABELLED_COLUMNS:
        return label_text(LABELLED_COLUMNS[field])
    if field in OTHER_COLUMNS:
        return tr(OTHER_COLUMNS[field])
    return field.removesuffix("_id").replace("_", " ")


def rule_text(rule: str) -> str:
    return tr(RULES[rule]) if rule in RULES else rule


def value_text(field: str, value: Any) -> str:
    """A field's value as the interface shows values: money and dates in the locale, a linked record by
    the start of its UUID, nothing as an empty cell."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("SyncText", "Yes")
            if value
            else QCoreApplication.translate("SyncText", "No")
        )
    if field.endswith("_cents") and isinstance(value, int):
        return fmt.money(value)
    if field.endswith("_id") and isinstance(value, str) and len(value) >= 32:
        return value[:8]
    if isinstance(value, int | float):
        return fmt.number(value, 0 if isinstance(value, int) else 2)
    if isinstance(value, str) and field.endswith(("_at", "_on", "_date")):
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            return value
        if len(value) <= 10:
            return fmt.short_date(parsed.date())
        return fmt.short_datetime(parsed)
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
            "SyncText", "Records received: {records} ({applied} applied, {unchanged} already here)."
        ).format(records=fmt.number(records), applied=fmt.number(applied), unchanged=fmt.number(unchanged))
    ]
    if conflicts:
        lines.append(
            QCoreApplication.translate("SyncText", "Conflicts: {count}. Open the list to check them.").format(
                count=fmt.number(conflicts)
            )
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


def conflict_count(result: FolderSync | ImportSummary | ExportSummary) -> int:
    if isinstance(result, FolderSync):
        return sum(s.conflicts for s in result.imported)
    if isinstance(result, ImportSummary):
        return result.conflicts
    return 0


def exported_line(summary: ExportSummary) -> str:
    return QCoreApplication.translate("SyncText", "Records sent: {count}.").format(
        count=fmt.number(summary.records)
    )


def summary_text(result: FolderSync | ImportSummary | ExportSummary) -> str:
    """A sync's, an import's or an export's outcome in a few lines."""
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
    for name, error in result.problems:
        lines.append(
            QCoreApplication.translate("SyncText", "Not imported: {file}: {error}").format(
                file=name, error=error_text(error)
            )
        )
    return "\n".join(lines)

"""The catalogue of the product's error messages: stable code -> English template.

Every domain error (``desktop_crm.errors``) names one of these codes and gives the template's
parameters. The English sentence is rendered here (``render``); the interface translates the same
template by code (``ui.errors.error_text``, context "ServiceErrors"), so a code must never change its
meaning. Add a code with its template, then run ``tools/extract_service_messages.py`` and translate.

Parameter conventions:

* ``label`` or a name ending in ``_label``: an English field label from :data:`LABELS`, translated by
  the interface (context "ServiceLabels");
* a name ending in ``_cents``: money in integer cents, written as an amount (``1,234.50``);
* a ``date`` or ``datetime``: written ISO here, in the user's locale by the interface;
* a parameter listed in :data:`ENUM_PARAMS` for its code: a stored enum key, shown by the interface
  as the enum's translated label.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

MESSAGES: dict[str, str] = {
    # generic validators (label = the field label)
    "date_out_of_range": "{label} must be between 1900 and 2100.",
    "negative": "{label} must be at least 0.",
    "not_a_date": "{label} is not a valid date (expected YYYY-MM-DD).",
    "not_a_datetime": "{label} is not a valid date and time.",
    "not_a_number": "{label} must be a number.",
    "not_cents": "{label} must be a whole number of cents.",
    "not_finite": "{label} must be a finite number of reasonable size.",
    "not_positive": "{label} must be more than 0.",
    "not_text": "{label} must be text.",
    "not_whole": "{label} must be a whole number.",
    "out_of_range": "{label} must be between {low} and {high}.",
    "required": "{label} is required.",
    "too_large": "{label} is implausibly large.",
    "too_long": "{label} is too long ({length} characters, at most {max_length}).",
    "unknown_value": "{label}: unknown value {value!r} (allowed: {allowed}).",
    # input at the service boundary (desktop_crm.services.common)
    "not_a_list": "{label} must be a list.",
    "not_a_mapping": "{label} must be a table of names and values.",
    "too_many": "{label}: at most {max_items} items.",
    "text.control_character": "{label} contains a control character (such as NUL); remove it.",
    "text.unpaired_surrogate": "{label} contains a broken character (half of an emoji); type it again.",
    "record.bad_id": "{label} must be given by its record number.",
    "record.id_out_of_range": "{label}: no record has such a number.",
    # agenda
    "agenda.grade_days_range": "Grade {grade}: the number of days must be from {low} to {high}.",
    "agenda.grade_days_whole": "Grade {grade}: the number of days must be a whole number.",
    "agenda.lead_range": "The reminder lead time must be from {low} to {high} minutes.",
    "agenda.unknown_grade": "Unknown grade {grade!r}.",
    # cli
    "cli.bad_week": "--week: {reason}",
    "cli.from_after_to": "--from must not be after --to",
    "cli.no_database": "no database at {path} (create one with: desktop-crm --db {path} demo)",
    "cli.no_folder": "no folder {folder} to write {name} in",
    "cli.no_gui": "the graphical interface is not available: {reason}",
    "cli.no_such_user": "no user named {name!r} (users: {users})",
    "cli.pdf_needs_gui": "PDF export needs the graphical interface's modules: {reason}",
    "cli.review_pack_needs_gui": "the review pack needs the graphical interface's modules: {reason}",
    "cli.to_before_from": "--to {end} is before --from {start}",
    "cli.user_blank": "--user must name a salesperson (leave it out for the whole team)",
    "cli.user_empty": "--user needs a salesperson's name; leave it out for the whole team.",
    "cli.year_range": "--year must be between 1900 and 2100",
    # backup and restore (desktop_crm.backup, desktop_crm.restore, desktop_crm.backup_cli)
    "backup.before_migration_failed": "The database could not be backed up before its upgrade from schema {version} ({reason}); it was left as it was.",
    "backup.cancelled": "The backup was cancelled; nothing was replaced.",
    "backup.cannot_read": "{path} cannot be backed up ({reason}).",
    "backup.check_failed": "The backup copy failed its check ({reason}); no older backup was replaced.",
    "backup.cannot_write": "The backup could not be written to {path} ({reason}).",
    "backup.copy_mismatch": "The backup copy does not match the database; no older backup was replaced.",
    "backup.keep_range": "Keep between {low} and {high} backups of this kind.",
    "backup.keep_whole": "The number of backups to keep must be a whole number.",
    "backup.no_database": "There is no database at {path} to back up.",
    "backup.same_file": "A backup cannot replace the database it is made from.",
    "restore.cannot_write": "The backup could not be put in place of {path} ({reason}); nothing was replaced.",
    "restore.damaged": "{path} is damaged ({reason}) and cannot be restored.",
    "restore.foreign": "{path} is not a database of this application.",
    "restore.in_use": "The database is open in another program; close it there and try again.",
    "restore.missing": "{path} does not exist.",
    "restore.newer": "{path} was written by a newer version of the application (schema {version}, this version understands up to {latest}).",
    "restore.not_a_file": "{path} is not a file.",
    "restore.not_sqlite": "{path} is not a SQLite database.",
    "restore.open_elsewhere": "{path} is open in a window ({owner}); close it there and try again.",
    "restore.same_file": "A database cannot be restored from itself.",
    # client
    "client.deleted": 'Client "{name}" has been deleted; restore it before linking records to it.',
    "client.owner_inactive": "{name} is inactive and cannot own clients.",
    "client.tag_required": "Tag is required.",
    "client.tags_not_a_list": "Tags must be a list of names.",
    "client.unknown_field": "Unknown client field: {key!r}.",
    # contact
    "contact.client_deleted": "Client {client!r} has been deleted; its contacts cannot be changed.",
    "contact.deleted": 'Contact "{name}" has been deleted.',
    "contact.manager_other_client": "{name} works at another client.",
    "contact.other_client": 'Contact "{name}" works for another client, not for "{client}".',
    "contact.reports_cycle": "A contact cannot report to themselves, directly or through others.",
    "contact.unknown_field": "Unknown contact field: {key!r}.",
    # contract
    "contract.below_plan": "Amount: the payment plan already totals {planned_cents}; reduce the plan first.",
    "contract.opportunity_has_contract": 'Opportunity "{name}" already has a contract; record a repeat order as a new opportunity.',
    "contract.opportunity_not_won": 'A contract is created from a won opportunity. "{name}" is not won; close it as won before signing a contract.',
    "contract.opportunity_required": "A contract is created from a won opportunity. Choose one of this client's won opportunities.",
    # criteria
    "criteria.duplicate": "Criterion {name!r} is listed twice.",
    "criteria.too_many": "At most {max} criteria.",
    "criteria.weight_not_a_number": "Weight must be a number.",
    "criteria.weight_range": "Weight must be more than 0 and at most 100.",
    # custom_field
    "custom_field.bad_move": "The move must be a whole number of places.",
    "custom_field.bad_order": "The new order must list every custom field exactly once.",
    "custom_field.choice_in_use": "{count} clients use a removed choice ({choices}). Keep it, or remove it anyway to clear it from those clients.",
    "custom_field.choice_in_use_one": "1 client uses a removed choice ({choices}). Keep it, or remove it anyway to clear it from that client.",
    "custom_field.choices_not_texts": "Choices must be a list of texts.",
    "custom_field.duplicate": "A custom field named {name!r} already exists.",
    "custom_field.duplicate_choice": "Choice {choice!r} is listed twice.",
    "custom_field.hidden_not_bool": "Hidden must be true or false.",
    "custom_field.kind_has_no_choices": "A {kind} field has no choices.",
    "custom_field.missing": "Custom field {id!r} does not exist.",
    "custom_field.no_choices": "A choice field needs at least one choice.",
    "custom_field.not_a_choice_field": "{name} is not a choice field; it has no choices.",
    # custom_value
    "custom_value.not_a_choice": "{label}: {value!r} is not one of the choices.",
    "custom_value.not_a_list": "{label} must be a list of choices.",
    "custom_value.not_a_mapping": "Custom values must be a mapping of field to value.",
    # db
    "db.newer_version": "This database was written by a newer version of the application (schema {version}, this version understands up to {latest}). Please update the application; the file was not modified.",
    "db.newer_version_file": "{path} was written by a newer version of the application (schema {version}, this version understands up to {latest}). Please update the application; the file was not modified.",
    "db.upgrade_failed": "{path} could not be upgraded to the current schema ({reason}); it was left as it was.",
    # files at open, locks, full disks (desktop_crm.open_check, storage_errors, write_guard)
    "db.busy": "The database is busy: another program is writing to it; try again in a moment.",
    "db.cannot_read": "{path} cannot be read ({reason}).",
    "db.checking": "The file is still being checked for damage; changes are possible in a moment.",
    "db.damaged": "{path} is damaged and cannot be opened safely; restore it from a backup.",
    "db.damaged_in_use": "The database file is damaged; nothing more can be saved to it. Restore it from a backup.",
    "db.disk_full": "The disk is full: the change was not saved; free some space and try again.",
    "db.empty_file": "{path} is empty (0 bytes): it holds no CRM data.",
    "db.folder_read_only_new": "{path} cannot be created: its folder is read-only.",
    "db.foreign": "{path} is a database of another application; it was not opened and not modified.",
    "db.io_error": "The disk could not be read or written (input/output error): the change was not saved.",
    "db.is_a_folder": "{path} is a folder, not a database file.",
    "db.not_a_database_file": "{path} is not a database file.",
    "db.read_only": "This database is open read-only: changes cannot be saved.",
    "db.read_only_needs_upgrade": "{path} is read-only and must be upgraded to schema {latest} before it can be opened; copy it to a folder you can write to.",
    # demo
    "demo.busy": "The demo data cannot be generated while another change is in progress.",
    "demo.cancelled": "Demo data generation cancelled; nothing was written.",
    "demo.name_exists": "The database already has {name!r} ({kind_label}); demo data needs an empty database.",
    "demo.not_empty": "The database already holds clients: demo data can only be added to an empty database.",
    "demo.unknown_size": "Unknown demo size {size!r} (choose one of: {sizes}).",
    # followup
    "followup.due_in_past": "The next step is due {due}, which is in the past: pick a later time.",
    "followup.other_client": 'The follow-up is about another client, not "{client}".',
    # goal
    "goal.action_outside_period": "Due date: it must lie within the goal's period.",
    "goal.actual_is_computed": "Actual value: it comes from the recorded data for a KPI target.",
    "goal.agree_not_owner": "Only the goal's owner can agree to a target.",
    "goal.category_name_required": "Category name is required for a custom category.",
    "goal.child_other_person": "User: a sub-goal belongs to the same person as its parent goal.",
    "goal.decide_not_supervisor": "Only the owner's supervisor can decide on a proposal.",
    "goal.end_before_start": "End date must be after the start date.",
    "goal.has_targets": "Qualitative: this goal has numeric targets; delete them first.",
    "goal.kind_cannot_contain": "Kind: a {kind} goal cannot contain its {child_kind} goals.",
    "goal.kind_not_finer": "Kind: a {kind} goal cannot be part of a {parent_kind} goal (it must be a finer kind).",
    "goal.label_required": "Label is required.",
    "goal.no_proposal": "There is no proposal waiting on this target.",
    "goal.not_yours": "You can only edit your own goals.",
    "goal.outside_parent_period": "Period: it must lie within the parent goal's period ({start} to {end}).",
    "goal.parent_cycle": "Parent goal: a goal cannot be moved under itself or its sub-goals.",
    "goal.parent_other_person": "Parent goal: it belongs to another person.",
    "goal.period_loses_child": 'Period: it must still contain sub-goal "{title}".',
    "goal.proposal_pending": "Your proposal is waiting for the supervisor's decision.",
    "goal.propose_not_owner": "Only the goal's owner can propose a different target value.",
    "goal.propose_own_target": "This target is your own; change its value instead.",
    "goal.qualitative": "This goal is qualitative; it has no numeric targets.",
    "goal.split_kind": "Split: a {kind} goal cannot be split into {child_kind} goals.",
    "goal.split_nothing": "Split: there is no sub-period to split into.",
    "goal.split_qualitative": 'Split: sub-goal "{title}" is qualitative.',
    "goal.target_assigned": "Target value: it was assigned to you; propose a different value instead.",
    "goal.target_missing": "Target not found on this goal.",
    "goal.team_needs_supervisor": "Only a supervisor can edit the team's goals.",
    "goal.unknown_metric": "Metric: unknown KPI {metric!r}.",
    "goal.weight_negative": "Weights: each weight is a number of at least 0.",
    "goal.weights_all_zero": "Weights: at least one weight must be above 0.",
    "goal.weights_count": "Weights: give one weight per sub-goal ({count}).",
    "goal.weights_form": "Weights: use even, days or one number per sub-goal.",
    # handbook
    "handbook.bad_topic": "Topic must be a KPI key or a prefixed key such as rule:smart.",
    "handbook.language_not_text": "Language must be text.",
    "handbook.question_required": "Question is required.",
    "handbook.unknown_field": "Unknown handbook field: {key!r}.",
    # milestone
    "milestone.client_deleted": "The client of milestone #{id} has been deleted.",
    "milestone.unknown_field": "Unknown milestone field: {key!r}.",
    # next_step
    "next_step.already_done": "This next step is already done.",
    "next_step.already_done_for": 'This next step of "{client}" is already done.',
    "next_step.due_in_past": "The new due time is in the past: choose a time from now on.",
    "next_step.not_done": "This next step is not done.",
    "next_step.snooze_how": "Snooze by a time bucket or by a number of minutes.",
    "next_step.snooze_minutes": "Snooze minutes must be a whole number from 1 to {high}.",
    # opportunity
    "opportunity.already_closed": "Stage: this opportunity is already closed ({stage}).",
    "opportunity.close_to_win": "Stage: an opportunity is won or lost only by closing it.",
    "opportunity.closed": "Stage: this opportunity is closed; reopen it to change its stage.",
    "opportunity.deleted": 'Opportunity "{name}" has been deleted.',
    "opportunity.has_contracts": "Stage: contracts were signed from this opportunity; delete or unlink them before reopening.",
    "opportunity.not_closed": "Stage: this opportunity is not closed.",
    "opportunity.other_client": 'Opportunity "{name}" belongs to another client, not to "{client}".',
    # payment
    "payment.instalment_other_contract": "Instalment: it belongs to another contract.",
    "payment.overlapping_due": "Due date: another instalment of this contract is already due on {date} (overlapping instalments); change the date or merge them.",
    "payment.overpaid": "Amount: {amount_cents} is more than the {owed_cents} still owed on this contract; confirm to record an overpayment.",
    "payment.overpaid_instalment": "Amount: {amount_cents} is more than the {owed_cents} still owed on this instalment; confirm to record an overpayment.",
    "payment.plan_not_pairs": "Payment plan: each instalment is a (due date, amount) pair.",
    "payment.plan_over_contract": "Amount: the payment plan would total {total_cents}, more than the contract amount of {contract_cents}.",
    "payment.plan_overlapping": "Due date: two instalments are due on {date} (overlapping instalments); change a date or merge them.",
    # record
    "record.deleted": "{label} #{id} has been deleted.",
    "record.missing": "{label} #{id} does not exist.",
    # schedule
    "schedule.later_today_hours": "later_today_hours must be between 1 and 12.",
    "schedule.not_a_time": "{setting} must be a time like 09:00.",
    "schedule.not_a_weekday": "{setting} must be a weekday number 0 (Monday) to 6 (Sunday).",
    "schedule.not_whole": "{setting} must be a whole number.",
    "schedule.skip_weekends_not_bool": "skip_weekends must be true or false.",
    "schedule.unknown_bucket": "Unknown time bucket {bucket!r}.",
    # settings
    "settings.not_storable": "Setting {key!r} cannot be stored: {reason}.",
    # stage
    "stage.probability_fixed": "Stage {stage}: the probability is fixed at {percent}%.",
    "stage.unknown": "Stage: {stage!r} is not a stage.",
    # stakeholder
    "stakeholder.other_client": "{name} works at another client than this opportunity.",
    # team
    "team.not_empty": "The team already has people; add others in Settings, Team.",
    "team.pin_needed": "Enter {name}'s PIN.",
    "team.user_inactive": "{name} is inactive; reactivate them before working as them.",
    # user
    "user.active_not_bool": "Active must be true or false.",
    "user.bad_email": "E-mail {email!r} is not a valid address.",
    "user.bad_pin": "The PIN must be 4 to 12 digits.",
    "user.bad_ref": "A user must be given by their number.",
    "user.current_pin_needed": "Enter {name}'s current PIN, or switch to {name} or to a supervisor first.",
    "user.deactivate_current": "{name} is the person working now; switch to someone else before deactivating them.",
    "user.deactivate_has_reports": "{name} still has people reporting to them; reassign them before deactivating.",
    "user.duplicate": "A user named {name!r} already exists.",
    "user.last_supervisor": "{name} is the last active supervisor; add or reactivate another supervisor before deactivating them.",
    "user.not_a_supervisor": "{name} is not a supervisor.",
    "user.pin_not_allowed": "Switch to {name} or to a supervisor to set their PIN.",
    "user.reports_cycle": "A user cannot report to themselves, directly or through others.",
    "user.role_has_reports": "{name} still has people reporting to them; reassign them before changing the role.",
    "user.team_needs_supervisor": "Only a supervisor can change the team; switch to a supervisor first.",
    "user.unknown_field": "Unknown user field: {key!r}.",
    "user.wrong_pin": "Wrong PIN.",
    # view
    "view.duplicate": "A view named {name!r} already exists.",
    "view.not_json": "The view definition is not valid JSON.",
    "view.not_storable": "The view definition cannot be saved.",
    "view.unknown_page": "Unknown page {page!r}.",
    # weekly
    "weekly.goal_other_person": "Goal: it is another person's goal.",
    "weekly.locked_scored": "This weekly form was submitted on {when} and has been scored; it can no longer be changed.",
    "weekly.locked_submitted": "This weekly form was submitted on {when}; ask {who} to return it for revision before changing it.",
    "weekly.locked_submitted_no_supervisor": "This weekly form was submitted on {when}; ask your supervisor to return it for revision before changing it.",
    "weekly.no_such_week": "Week: {year} has no ISO week {week}.",
    "weekly.not_a_supervisor": "{name} is not a supervisor; only a supervisor can do this.",
    "weekly.not_their_supervisor": "{name} does not supervise the author of this form.",
    "weekly.return_not_submitted": "Only a submitted form can be returned; this one is {status}.",
    "weekly.score_both": "Give either a total score or scores per criterion, not both.",
    "weekly.score_not_a_number": "Score must be a number.",
    "weekly.score_not_submitted": "Only a submitted form can be scored; this one is {status}.",
    "weekly.score_range": "Score must be between 0 and 100.",
    "weekly.unknown_criterion": "Score: {key!r} is not one of the scoring criteria.",
    "weekly.unknown_kpi_line": "Line: {line!r} is not a KPI of the weekly form.",
    "weekly.unknown_line": "Line: {line!r} is not a line of the weekly form.",
    # the interface's own refusals (text already in the interface language) and its PDF writer
    "interface": "{text}",
    "pdf.write_failed": "The PDF {path} could not be written.",
    "pdf.cannot_start": "The PDF writer could not be started.",
    "demo.not_available": "Demo data is not available in this version.",
}

# Field labels the validators name (parameter ``label``); the interface translates them.
LABELS: tuple[str, ...] = (
    "Action",
    "Address",
    "Amount",
    "Annotation",
    "Answer",
    "Category",
    "Category name",
    "Changed by",
    "Channel",
    "Choice",
    "Client",
    "Close date",
    "Collection item",
    "Comment",
    "Competitor",
    "Contact",
    "Contract",
    "Contract number",
    "Criterion",
    "Custom field",
    "Date",
    "Date of change",
    "Department",
    "Due date",
    "Due time",
    "Duration (minutes)",
    "E-mail",
    "End date",
    "Expected amount",
    "Expected close date",
    "Expected signing date",
    "Field kind",
    "Field name",
    "Follow-up",
    "Full name",
    "Goal",
    "Grade",
    "Handbook entry",
    "Industry",
    "Influence",
    "Instalment",
    "Interests",
    "Job title",
    "Kind",
    "Label",
    "Line",
    "Manager",
    "Method",
    "Metric",
    "Milestone",
    "Name",
    "Next step",
    "Note",
    "Notes",
    "Opportunity",
    "Owner",
    "Parent goal",
    "Payment",
    "Payment date",
    "Phone",
    "Plan item",
    "Plan type",
    "Planned collection",
    "Position",
    "Probability",
    "Purpose",
    "Question",
    "Reason",
    "Region",
    "Revision date",
    "Role",
    "Score",
    "Section",
    "Setting name",
    "Short name",
    "Signing date",
    "Source",
    "Stage",
    "Stance",
    "Start date",
    "Status",
    "Summary",
    "Supervisor",
    "Tag",
    "Target",
    "Tenure",
    "Text",
    "Time",
    "Title",
    "Topic",
    "Unit",
    "User",
    "Value verdict",
    "View",
    "View name",
    "WeChat",
    "Website",
    "Week",
    "Weekday",
    "Weekly form",
    "When",
    "Year",
)


# Parameters that hold a stored enum key (``desktop_crm.models.enums``): code -> {param: enum kind}.
# The English sentence shows the key; the interface shows the enum's label in its language.
ENUM_PARAMS: dict[str, dict[str, str]] = {
    "goal.split_kind": {"kind": "goal_kind", "child_kind": "goal_kind"},
    "goal.kind_not_finer": {"kind": "goal_kind", "parent_kind": "goal_kind"},
    "goal.kind_cannot_contain": {"kind": "goal_kind", "child_kind": "goal_kind"},
    "custom_field.kind_has_no_choices": {"kind": "custom_field_kind"},
    "opportunity.already_closed": {"stage": "stage"},
    "stage.probability_fixed": {"stage": "stage"},
    "weekly.return_not_submitted": {"status": "weekly_status"},
    "weekly.score_not_submitted": {"status": "weekly_status"},
}


def money_text(cents: int) -> str:
    """Integer cents as an amount, ``1234550`` -> ``12,345.50``."""
    sign = "-" if cents < 0 else ""
    whole, part = divmod(abs(cents), 100)
    return f"{sign}{whole:,}.{part:02d}"


def display_params(params: dict[str, Any]) -> dict[str, Any]:
    """The parameters as the English sentence shows them."""
    shown: dict[str, Any] = {}
    for key, value in params.items():
        if key.endswith("_cents") and isinstance(value, int) and not isinstance(value, bool):
            value = money_text(value)
        elif isinstance(value, datetime):
            value = value.strftime("%Y-%m-%d %H:%M")
        elif isinstance(value, date):
            value = value.isoformat()
        shown[key] = value
    return shown


def render(code: str, params: dict[str, Any]) -> str:
    """The English sentence of ``code`` with ``params`` filled in (an unregistered code is a KeyError:
    ``tests/core/test_errors.py`` checks that every raise site names a registered code)."""
    return MESSAGES[code].format(**display_params(params))

"""Display labels of the enumerated values stored as English keys (see desktop_crm.models.enums).

All labels live in the translation context "Labels", so every page reuses one translation.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Labels"

_LABELS: dict[str, dict[str, str]] = {
    "user_role": {
        "salesperson": QT_TRANSLATE_NOOP("Labels", "Salesperson"),
        "supervisor": QT_TRANSLATE_NOOP("Labels", "Supervisor"),
    },
    "client_status": {
        "lead": QT_TRANSLATE_NOOP("Labels", "Lead"),
        "prospect": QT_TRANSLATE_NOOP("Labels", "Prospect"),
        "customer": QT_TRANSLATE_NOOP("Labels", "Customer"),
        "dormant": QT_TRANSLATE_NOOP("Labels", "Dormant"),
        "lost": QT_TRANSLATE_NOOP("Labels", "Churned"),
    },
    "value_verdict": {
        "valuable": QT_TRANSLATE_NOOP("Labels", "Valuable"),
        "uncertain": QT_TRANSLATE_NOOP("Labels", "Uncertain"),
        "not_valuable": QT_TRANSLATE_NOOP("Labels", "Not valuable"),
    },
    "grade": {
        "A": QT_TRANSLATE_NOOP("Labels", "A · Big deal"),
        "B": QT_TRANSLATE_NOOP("Labels", "B · Normal"),
        "C": QT_TRANSLATE_NOOP("Labels", "C · Small deal"),
    },
    "stakeholder_role": {
        "approver": QT_TRANSLATE_NOOP("Labels", "Approver"),
        "decision_maker": QT_TRANSLATE_NOOP("Labels", "Decision maker"),
        "evaluator": QT_TRANSLATE_NOOP("Labels", "Evaluator"),
        "user": QT_TRANSLATE_NOOP("Labels", "User"),
        "coach": QT_TRANSLATE_NOOP("Labels", "Coach"),
    },
    "stance": {
        "ally": QT_TRANSLATE_NOOP("Labels", "Close ally"),
        "supporter": QT_TRANSLATE_NOOP("Labels", "Supporter"),
        "neutral": QT_TRANSLATE_NOOP("Labels", "Neutral"),
        "opponent": QT_TRANSLATE_NOOP("Labels", "Opponent"),
    },
    "influence": {
        "high": QT_TRANSLATE_NOOP("Labels", "High"),
        "medium": QT_TRANSLATE_NOOP("Labels", "Medium"),
        "low": QT_TRANSLATE_NOOP("Labels", "Low"),
    },
    "channel": {
        "call": QT_TRANSLATE_NOOP("Labels", "Call"),
        "sms": QT_TRANSLATE_NOOP("Labels", "SMS"),
        "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
        "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat"),
        "email": QT_TRANSLATE_NOOP("Labels", "E-mail"),
        "meeting": QT_TRANSLATE_NOOP("Labels", "Meeting"),
    },
    "plan_type": {
        "keep_in_touch": QT_TRANSLATE_NOOP("Labels", "Keep in touch"),
        "improve_relationship": QT_TRANSLATE_NOOP("Labels", "Improve relationship"),
        "cultivate_demand": QT_TRANSLATE_NOOP("Labels", "Cultivate demand"),
        "dig_opportunity": QT_TRANSLATE_NOOP("Labels", "Dig opportunity"),
        "beat_competitor": QT_TRANSLATE_NOOP("Labels", "Beat a competitor"),
        "sign_and_collect": QT_TRANSLATE_NOOP("Labels", "Sign & collect"),
        "greeting": QT_TRANSLATE_NOOP("Labels", "Greeting"),
    },
    "bucket": {
        "later_today": QT_TRANSLATE_NOOP("Labels", "Later today"),
        "tonight": QT_TRANSLATE_NOOP("Labels", "Tonight"),
        "tomorrow": QT_TRANSLATE_NOOP("Labels", "Tomorrow"),
        "this_week": QT_TRANSLATE_NOOP("Labels", "This week"),
        "next_week": QT_TRANSLATE_NOOP("Labels", "Next week"),
        "next_month": QT_TRANSLATE_NOOP("Labels", "Next month"),
        "exact": QT_TRANSLATE_NOOP("Labels", "Exact time"),
    },
    "stage": {
        "initial": QT_TRANSLATE_NOOP("Labels", "Initial contact"),
        "needs": QT_TRANSLATE_NOOP("Labels", "Needs analysis"),
        "proposal": QT_TRANSLATE_NOOP("Labels", "Proposal"),
        "negotiation": QT_TRANSLATE_NOOP("Labels", "Negotiation"),
        "won": QT_TRANSLATE_NOOP("Labels", "Won"),
        "lost": QT_TRANSLATE_NOOP("Labels", "Lost"),
    },
    "instalment_status": {
        "paid": QT_TRANSLATE_NOOP("Labels", "Paid"),
        "partly": QT_TRANSLATE_NOOP("Labels", "Partly paid"),
        "due": QT_TRANSLATE_NOOP("Labels", "Not yet due"),
        "overdue": QT_TRANSLATE_NOOP("Labels", "Overdue"),
    },
    "goal_kind": {
        "year": QT_TRANSLATE_NOOP("Labels", "Year"),
        "quarter": QT_TRANSLATE_NOOP("Labels", "Quarter"),
        "month": QT_TRANSLATE_NOOP("Labels", "Month"),
        "week": QT_TRANSLATE_NOOP("Labels", "Week"),
        "day": QT_TRANSLATE_NOOP("Labels", "Day"),
        "event": QT_TRANSLATE_NOOP("Labels", "Event"),
    },
    "weekly_status": {
        "draft": QT_TRANSLATE_NOOP("Labels", "Draft"),
        "submitted": QT_TRANSLATE_NOOP("Labels", "Submitted"),
        "returned": QT_TRANSLATE_NOOP("Labels", "Returned"),
        "scored": QT_TRANSLATE_NOOP("Labels", "Scored"),
    },
    "custom_field_kind": {
        "text": QT_TRANSLATE_NOOP("Labels", "Text"),
        "number": QT_TRANSLATE_NOOP("Labels", "Number"),
        "date": QT_TRANSLATE_NOOP("Labels", "Date"),
        "choice": QT_TRANSLATE_NOOP("Labels", "Choice"),
        "multi_choice": QT_TRANSLATE_NOOP("Labels", "Multiple choice"),
    },
    # service records (slice service); the business's own service types are named by the business
    "service_type": {
        "installation": QT_TRANSLATE_NOOP("Labels", "Installation"),
        "training": QT_TRANSLATE_NOOP("Labels", "Training"),
        "maintenance": QT_TRANSLATE_NOOP("Labels", "Maintenance"),
        "complaint": QT_TRANSLATE_NOOP("Labels", "Complaint"),
        "suggestion": QT_TRANSLATE_NOOP("Labels", "Suggestion"),
        "praise": QT_TRANSLATE_NOOP("Labels", "Praise"),
    },
    "service_severity": {
        "low": QT_TRANSLATE_NOOP("Labels", "Low"),
        "normal": QT_TRANSLATE_NOOP("Labels", "Normal"),
        "high": QT_TRANSLATE_NOOP("Labels", "High"),
        "urgent": QT_TRANSLATE_NOOP("Labels", "Urgent"),
    },
    "service_status": {
        "open": QT_TRANSLATE_NOOP("Labels", "Open"),
        "in_progress": QT_TRANSLATE_NOOP("Labels", "In progress"),
        "resolved": QT_TRANSLATE_NOOP("Labels", "Resolved"),
        "confirmed": QT_TRANSLATE_NOOP("Labels", "Confirmed by the client"),
        "reopened": QT_TRANSLATE_NOOP("Labels", "Reopened"),
    },
    # the client dossier (slice care)
    "headcount_band": {
        "lt_20": QT_TRANSLATE_NOOP("Labels", "Under 20 staff"),
        "20_99": QT_TRANSLATE_NOOP("Labels", "20–99 staff"),
        "100_299": QT_TRANSLATE_NOOP("Labels", "100–299 staff"),
        "300_999": QT_TRANSLATE_NOOP("Labels", "300–999 staff"),
        "1000_plus": QT_TRANSLATE_NOOP("Labels", "1,000 staff or more"),
    },
    "revenue_band": {
        "lt_5m": QT_TRANSLATE_NOOP("Labels", "Under 5 million a year"),
        "5m_50m": QT_TRANSLATE_NOOP("Labels", "5–50 million a year"),
        "50m_200m": QT_TRANSLATE_NOOP("Labels", "50–200 million a year"),
        "200m_1b": QT_TRANSLATE_NOOP("Labels", "200 million – 1 billion a year"),
        "1b_plus": QT_TRANSLATE_NOOP("Labels", "1 billion a year or more"),
    },
}

KINDS = tuple(_LABELS)


def label(kind: str, key: str | None) -> str:
    """The translated label of ``key`` in the enum ``kind``; unknown keys are shown as stored."""
    if key is None or key == "":
        return ""
    source = _LABELS[kind].get(key)
    return QCoreApplication.translate(CONTEXT, source) if source else str(key)


def choices(kind: str) -> list[tuple[str, str]]:
    """``(key, translated label)`` pairs in display order, for combo boxes."""
    return [(key, QCoreApplication.translate(CONTEXT, text)) for key, text in _LABELS[kind].items()]

"""The names of the KPI keys of ``kpi --json`` (DOMAIN.md's table), in the interface language."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

_NAMES: dict[str, str] = {
    "new_clients": QT_TRANSLATE_NOOP("KpiNames", "New clients"),
    "first_signings": QT_TRANSLATE_NOOP("KpiNames", "First signings"),
    "conversion_rate": QT_TRANSLATE_NOOP("KpiNames", "Conversion rate"),
    "repeat_rate": QT_TRANSLATE_NOOP("KpiNames", "Repeat rate"),
    "first_order_avg_cents": QT_TRANSLATE_NOOP("KpiNames", "First-order average value"),
    "follow_up_cycle_days_mean": QT_TRANSLATE_NOOP("KpiNames", "Follow-up cycle (mean days)"),
    "follow_up_cycle_days_median": QT_TRANSLATE_NOOP("KpiNames", "Follow-up cycle (median days)"),
    "follow_ups_per_signed_client": QT_TRANSLATE_NOOP("KpiNames", "Follow-ups per signed client"),
    "signed_amount_cents": QT_TRANSLATE_NOOP("KpiNames", "Signed amount"),
    "collected_amount_cents": QT_TRANSLATE_NOOP("KpiNames", "Collected amount"),
    "planned_collection_cents": QT_TRANSLATE_NOOP("KpiNames", "Planned collection"),
    "activity_call": QT_TRANSLATE_NOOP("KpiNames", "Calls"),
    "activity_sms": QT_TRANSLATE_NOOP("KpiNames", "SMS"),
    "activity_visit": QT_TRANSLATE_NOOP("KpiNames", "Visits"),
    "activity_wechat": QT_TRANSLATE_NOOP("KpiNames", "WeChat"),
    "activity_email": QT_TRANSLATE_NOOP("KpiNames", "E-mails"),
    "activity_meeting": QT_TRANSLATE_NOOP("KpiNames", "Meetings"),
    "activity_total": QT_TRANSLATE_NOOP("KpiNames", "Follow-ups in total"),
    "call_minutes": QT_TRANSLATE_NOOP("KpiNames", "Call minutes"),
    "new_opportunity_value_cents": QT_TRANSLATE_NOOP("KpiNames", "New opportunity value"),
    "won_count": QT_TRANSLATE_NOOP("KpiNames", "Won"),
    "won_amount_cents": QT_TRANSLATE_NOOP("KpiNames", "Won amount"),
    "lost_count": QT_TRANSLATE_NOOP("KpiNames", "Lost"),
    "lost_amount_cents": QT_TRANSLATE_NOOP("KpiNames", "Lost amount"),
    "behaviour_score": QT_TRANSLATE_NOOP("KpiNames", "Behaviour score"),
    "complaints_opened": QT_TRANSLATE_NOOP("KpiNames", "Complaints opened"),
    "complaints_resolved": QT_TRANSLATE_NOOP("KpiNames", "Complaints resolved"),
    "resolution_days_mean": QT_TRANSLATE_NOOP("KpiNames", "Mean resolution days"),
    "referrals": QT_TRANSLATE_NOOP("KpiNames", "Referrals"),  # slice care
    "referral_conversion": QT_TRANSLATE_NOOP("KpiNames", "Referral conversion"),
}

# The facts a weekly form shows (DOMAIN.md §3: new clients, follow-ups, deals, collections), in order.
WEEK_FACTS: tuple[str, ...] = (
    "new_clients",
    "activity_total",
    "activity_call",
    "activity_visit",
    "activity_wechat",
    "activity_meeting",
    "activity_email",
    "activity_sms",
    "call_minutes",
    "new_opportunity_value_cents",
    "won_count",
    "won_amount_cents",
    "lost_count",
    "lost_amount_cents",
    "signed_amount_cents",
    "first_signings",
    "collected_amount_cents",
    "planned_collection_cents",
    "complaints_opened",
    "complaints_resolved",
)


def kpi_name(key: str) -> str:
    text = _NAMES.get(key)
    return QCoreApplication.translate("KpiNames", text) if text else key

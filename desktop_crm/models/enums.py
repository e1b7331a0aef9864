"""Enumerated values stored as stable English keys; the UI translates them.

Each tuple is the full set of allowed keys, in display order.
"""

from __future__ import annotations

USER_ROLES = ("salesperson", "supervisor")

CLIENT_STATUSES = ("lead", "prospect", "customer", "dormant", "lost")
VALUE_VERDICTS = ("valuable", "uncertain", "not_valuable")
# Grade (定级): A = big deal 大单, B = normal 正常, C = small 小单.
GRADES = ("A", "B", "C")

STAKEHOLDER_ROLES = ("approver", "decision_maker", "evaluator", "user", "coach")
STANCES = ("ally", "supporter", "neutral", "opponent")
INFLUENCES = ("high", "medium", "low")

CHANNELS = ("call", "sms", "visit", "wechat", "email", "meeting")
PLAN_TYPES = (
    "keep_in_touch",
    "improve_relationship",
    "cultivate_demand",
    "dig_opportunity",
    "beat_competitor",
    "sign_and_collect",
    "greeting",
)
# Fuzzy due buckets of a next step; "exact" means the user picked a date/time.
BUCKETS = ("later_today", "tonight", "tomorrow", "this_week", "next_week", "next_month", "exact")

OPPORTUNITY_STAGES = ("initial", "needs", "proposal", "negotiation", "won", "lost")
OPEN_STAGES = ("initial", "needs", "proposal", "negotiation")
DEFAULT_STAGE_PROBABILITY = {
    "initial": 10,
    "needs": 30,
    "proposal": 50,
    "negotiation": 70,
    "won": 100,
    "lost": 0,
}
# Receivable status of a payment instalment (computed, never stored): see desktop_crm.receivables.
INSTALMENT_STATUSES = ("paid", "partly", "due", "overdue")

GOAL_KINDS = ("year", "quarter", "month", "week", "day", "event")
# Action targets (行动目标): 市场活动, 渠道/代理培训, 例行工作, 专项沟通, custom (with its own label).
ACTION_CATEGORIES = ("market_activity", "training", "routine", "special_communication", "custom")
WEEKLY_FORM_STATUSES = ("draft", "submitted", "returned", "scored")
CUSTOM_FIELD_KINDS = ("text", "number", "date", "choice", "multi_choice")

# The client dossier (客户雷达): staff headcount and yearly revenue bands.
HEADCOUNT_BANDS = ("lt_20", "20_99", "100_299", "300_999", "1000_plus")
REVENUE_BANDS = ("lt_5m", "5m_50m", "50m_200m", "200m_1b", "1b_plus")

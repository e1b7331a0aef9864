"""The follow-up dialog's and timeline's read models; they live in ``desktop_crm.read.followups``."""

from __future__ import annotations

from desktop_crm.read.followups import (
    FollowUpCard,
    StepCard,
    StepInfo,
    Timeline,
    client_label,
    contacts_of,
    loose_steps,
    open_opportunities,
    search_clients,
    step_info,
    timeline,
)

__all__ = [
    "FollowUpCard",
    "StepCard",
    "StepInfo",
    "Timeline",
    "client_label",
    "contacts_of",
    "loose_steps",
    "open_opportunities",
    "search_clients",
    "step_info",
    "timeline",
]

"""Today (the agenda): next steps overdue / today / this week, neglected clients, payments due."""

from __future__ import annotations

from .page import TodayPage

__all__ = ["TodayPage"]

"""The owner's dashboard page (cards, charts, per-salesperson summary, drill-down, review pack)."""

from __future__ import annotations

from .page import DashboardPage

__all__ = ["DashboardPage"]

"""The owner's dashboard page (cards, charts, per-salesperson summary, drill-down, review pack)."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    # The page is imported when asked for, not with the package: importing one of the package's modules
    # (a dialog, a section another page uses) must not import and build the whole page before it is shown.
    if name == "DashboardPage":
        from .page import DashboardPage

        return DashboardPage
    raise AttributeError(name)


__all__ = ["DashboardPage"]

"""The weekly goal form page (周目标/周报): this week's form beside last week's, the supervisor's review,
the team overview and the A4 PDF."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    # The page is imported when asked for, not with the package: importing one of the package's modules
    # (a dialog, a section another page uses) must not import and build the whole page before it is shown.
    if name == "WeeklyPage":
        from .page import WeeklyPage

        return WeeklyPage
    raise AttributeError(name)


__all__ = ["WeeklyPage"]

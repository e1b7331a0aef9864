"""The weekly goal form page (周目标/周报): this week's form beside last week's, the supervisor's review,
the team overview and the A4 PDF."""

from .page import WeeklyPage

__all__ = ["WeeklyPage"]

"""The pages of the main window, in navigation order."""

from __future__ import annotations

from .base import Page
from .clients import ClientsPage
from .dashboard import DashboardPage
from .goals import GoalsPage
from .handbook import HandbookPage
from .pipeline import PipelinePage
from .settings import SettingsPage
from .today import TodayPage
from .weekly import WeeklyPage

PAGE_CLASSES: tuple[type[Page], ...] = (
    TodayPage,
    ClientsPage,
    PipelinePage,
    GoalsPage,
    WeeklyPage,
    DashboardPage,
    HandbookPage,
    SettingsPage,
)
PAGE_KEYS = tuple(cls.key for cls in PAGE_CLASSES)

__all__ = ["PAGE_CLASSES", "PAGE_KEYS", "Page"]

"""The Goals page: the goal tree of a person (or the team) with progress from real data."""

from .page import GoalsPage

__all__ = ["GoalsPage"]

"""Domain errors: every message is meant for the user, never a traceback."""

from __future__ import annotations


class CrmError(Exception):
    """Base of every error the product reports to the user."""


class ValidationError(CrmError):
    """Input that breaks a rule. ``field`` names the offending field, when there is one."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class NotFoundError(CrmError):
    """A referenced record does not exist (or is deleted)."""


class DatabaseVersionError(CrmError):
    """The database file was written by a newer version of the application."""

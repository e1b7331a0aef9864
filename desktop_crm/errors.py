"""Domain errors: every message is meant for the user, never a traceback.

Every error carries a stable ``code`` (a key of :data:`desktop_crm.messages.MESSAGES`) and its
``params``. ``message`` (and ``str(exc)``) is the English sentence rendered from the catalogue; the
interface translates by code (``ui.errors.error_text``), never by matching the English text.

Parameter conventions (the catalogue and the interface both follow them):

* ``label`` or a name ending in ``_label``: an English field label (a key of
  :data:`desktop_crm.messages.LABELS`), translated by the interface;
* a name ending in ``_cents``: an amount of money in integer cents, shown as money.
"""

from __future__ import annotations

from typing import Any

from .messages import render


class CrmError(Exception):
    """Base of every error the product reports to the user."""

    field: str | None = None

    def __init__(self, code: str, /, **params: Any) -> None:
        self.code = code
        self.params: dict[str, Any] = params
        self.message = render(code, params)
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def at(self, field: str | None) -> ValidationError:
        """The same error (code and parameters) as a validation error reported at ``field``."""
        return ValidationError(self.code, field, **self.params)

    def __reduce__(self) -> tuple[Any, ...]:  # errors cross the worker thread and may be pickled
        return (_rebuild, (type(self), self.code, self.field, self.params))


def _rebuild(cls: type[CrmError], code: str, field: str | None, params: dict[str, Any]) -> CrmError:
    error = cls.__new__(cls)
    CrmError.__init__(error, code, **params)
    error.field = field
    return error


class ValidationError(CrmError):
    """Input that breaks a rule. ``field`` names the offending field, when there is one."""

    def __init__(self, code: str, field: str | None = None, /, **params: Any) -> None:
        super().__init__(code, **params)
        self.field = field


class NotFoundError(CrmError):
    """A referenced record does not exist (or is deleted)."""


class DatabaseVersionError(CrmError):
    """The database file was written by a newer version of the application."""

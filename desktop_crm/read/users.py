"""Who is working and the users' names, as plain data."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

from desktop_crm import team
from desktop_crm.models import User


@dataclass(frozen=True)
class Viewer:
    """The user this copy works for: id (None when nobody is chosen), name, whether a supervisor."""

    user_id: int | None
    name: str
    supervisor: bool


def current_user_id() -> int | None:
    """The user this copy works for (see ``desktop_crm.team``)."""
    return team.current_user_id()


def user_name(user_id: int | None) -> str:
    """The user's name, "" when there is no such user."""
    if user_id is None:
        return ""
    row = User.select(User.name).where(User.id == user_id).tuples().first()
    return str(row[0]) if row else ""


def viewer() -> Viewer:
    user_id = current_user_id()
    user = User.get_or_none(User.id == user_id) if user_id is not None else None
    if user is None:
        return Viewer(None, "", False)
    return Viewer(user.id, user.name, user.role == "supervisor")


def user_names() -> dict[int, str]:
    """{user id: name} of every user, active or not."""
    return dict(cast(Iterable[tuple[int, str]], User.select(User.id, User.name).tuples()))


def users() -> list[tuple[int, str]]:
    """(id, name) of every user, by name."""
    return list(
        cast(Iterable[tuple[int, str]], User.select(User.id, User.name).order_by(User.name, User.id).tuples())
    )

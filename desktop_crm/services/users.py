"""Users: salespeople and supervisors, and who reports to whom."""

from __future__ import annotations

from typing import Any

from ..errors import NotFoundError, ValidationError
from ..models import User
from ..models.enums import USER_ROLES
from .common import get_record, optional_text, require_enum, require_text, transactional

_EDITABLE = ("name", "role", "supervisor_id", "email", "phone", "active")


def _clean_name(value: Any, exclude_id: int | None = None) -> str:
    name = require_text(value, "name", "Name", User.name.max_length)
    key = name.casefold()
    for other in User.select(User.id, User.name):
        if other.id != exclude_id and other.name.casefold() == key:
            raise ValidationError(f"A user named {other.name!r} already exists.", "name")
    return name


def clean_email(value: Any, max_length: int = 200) -> str:
    """An optional e-mail address: empty, or something@something without spaces."""
    email = optional_text(value, "email", "E-mail", max_length)
    if email and (email.count("@") != 1 or email.startswith("@") or email.endswith("@") or " " in email):
        raise ValidationError(f"E-mail {email!r} is not a valid address.", "email")
    return email


def _clean_supervisor(value: Any, user_id: int | None) -> User | None:
    if value is None or value == "":
        return None
    try:
        boss = get_record(User, value, "Supervisor")
    except NotFoundError as exc:
        raise ValidationError(str(exc), "supervisor_id") from None
    if boss.role != "supervisor":
        raise ValidationError(f"{boss.name} is not a supervisor.", "supervisor_id")
    if user_id is not None:
        seen: set[int] = set()
        current: User | None = boss
        while current is not None and current.id not in seen:
            if current.id == user_id:
                raise ValidationError(
                    "A user cannot report to themselves, directly or through others.", "supervisor_id"
                )
            seen.add(current.id)
            current = current.supervisor
    return boss


@transactional
def create_user(
    name: str,
    role: str = "salesperson",
    supervisor_id: Any = None,
    email: str = "",
    phone: str = "",
) -> User:
    clean_name = _clean_name(name)
    clean_role = require_enum(role, USER_ROLES, "role", "Role")
    boss = _clean_supervisor(supervisor_id, None)
    clean_mail = clean_email(email, User.email.max_length)
    clean_phone = optional_text(phone, "phone", "Phone", User.phone.max_length)
    return User.create(name=clean_name, role=clean_role, supervisor=boss, email=clean_mail, phone=clean_phone)


@transactional
def update_user(user_id: Any, **changes: Any) -> User:
    """Change any of name, role, supervisor_id, email, phone, active."""
    user = get_record(User, user_id, "User")
    for key in changes:
        if key not in _EDITABLE:
            raise ValidationError(f"Unknown user field: {key!r}.", key)
    values: dict[str, Any] = {}
    if "name" in changes:
        values["name"] = _clean_name(changes["name"], exclude_id=user.id)
    if "role" in changes:
        values["role"] = require_enum(changes["role"], USER_ROLES, "role", "Role")
        has_reports = User.select().where(User.supervisor == user.id).exists()
        if values["role"] != "supervisor" and has_reports:
            raise ValidationError(
                f"{user.name} still has people reporting to them; reassign them before changing the role.",
                "role",
            )
    if "supervisor_id" in changes:
        values["supervisor"] = _clean_supervisor(changes["supervisor_id"], user.id)
    if "email" in changes:
        values["email"] = clean_email(changes["email"], User.email.max_length)
    if "phone" in changes:
        values["phone"] = optional_text(changes["phone"], "phone", "Phone", User.phone.max_length)
    if "active" in changes:
        if not isinstance(changes["active"], bool):
            raise ValidationError("Active must be true or false.", "active")
        values["active"] = changes["active"]
    for key, value in values.items():
        setattr(user, key, value)
    user.save()
    return user


@transactional
def deactivate_user(user_id: Any) -> User:
    """Mark a user inactive: their records stay, they disappear from pickers."""
    user = get_record(User, user_id, "User")
    user.active = False
    user.save()
    return user


def list_users(active_only: bool = True) -> list[User]:
    query = User.select().order_by(User.name, User.id)
    if active_only:
        query = query.where(User.active == True)  # noqa: E712 (peewee expression)
    return list(query)

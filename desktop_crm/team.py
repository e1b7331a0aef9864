"""Who is working, and whose records they see.

The person working on this copy is stored in the database (setting ``current_user_id``): the file is one
salesperson's laptop, or the supervisor's machine with the whole team's data. Visibility: a salesperson
sees their own goals and weekly forms; a supervisor sees their own, those of everyone who reports to them
directly or through others, and those of the salespeople who report to nobody (so nobody is left
unseen), plus the team goals. A supervisor never sees their own supervisor's records, nor a peer
supervisor's team.

Switching (``switch_user``) to anyone who has a PIN needs that PIN, whatever their role: a supervisor
protects their role with a PIN; a salesperson may protect their own forms the same way. Switching to the
person already working needs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import ValidationError
from .models import Setting, User
from .services.common import transactional
from .services.settings import set_setting
from .services.users import create_user, pin_matches, require_user

CURRENT_USER_KEY = "current_user_id"


@dataclass(frozen=True)
class TeamMember:
    """One user as the team list, the switch and ``desktop-crm users`` show them."""

    id: int
    name: str
    role: str  # enums.USER_ROLES
    reports_to_id: int | None
    reports_to: str | None  # the supervisor's name
    active: bool
    email: str
    phone: str
    has_pin: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "role": self.role,
            "reports_to": self.reports_to,
            "active": self.active,
            "email": self.email,
            "phone": self.phone,
            "has_pin": self.has_pin,
        }


def team_members(active_only: bool = False) -> list[TeamMember]:
    """Every user (or the active ones), sorted by name."""
    rows: list[tuple[int, str, str, int | None, bool, str, str, str]] = list(
        User.select(
            User.id, User.name, User.role, User.supervisor, User.active, User.email, User.phone, User.pin_hash
        ).tuples()  # type: ignore[arg-type]
    )
    names = {row[0]: row[1] for row in rows}
    members = [
        TeamMember(
            id=uid,
            name=name,
            role=role,
            reports_to_id=boss,
            reports_to=names.get(boss) if boss is not None else None,
            active=bool(active),
            email=email,
            phone=phone,
            has_pin=bool(pin_hash),
        )
        for uid, name, role, boss, active, email, phone, pin_hash in rows
        if active or not active_only
    ]
    return sorted(members, key=lambda m: (m.name.casefold(), m.name, m.id))


def working_member() -> TeamMember | None:
    """The person working on this copy, or None when the team is empty."""
    user_id = current_user_id()
    return next((m for m in team_members() if m.id == user_id), None)


@transactional
def switch_user(user_id: Any, pin: Any = None) -> User:
    """Work as ``user_id`` from now on (remembered in the database). A user with a PIN needs it."""
    user = require_user(user_id)
    if not user.active:
        raise ValidationError("team.user_inactive", "user_id", name=user.name)
    if user.id == current_user_id():
        set_setting(CURRENT_USER_KEY, user.id)
        return user
    if user.pin_hash:
        if pin is None or pin == "":
            raise ValidationError("team.pin_needed", "pin", name=user.name)
        if not pin_matches(user.pin_hash, pin):
            raise ValidationError("user.wrong_pin", "pin")
    set_setting(CURRENT_USER_KEY, user.id)
    return user


@transactional
def create_first_user(name: Any, role: Any = "salesperson") -> User:
    """First launch: create the first user and make them the one working, in one transaction."""
    if User.select().exists():
        raise ValidationError("team.not_empty", "name")
    user = create_user(name, role)
    set_setting(CURRENT_USER_KEY, user.id)
    return user


def user_named(name: Any) -> User | None:
    """The user called exactly ``name``, or None; a name that cannot be stored (a lone surrogate: what
    Python makes of a command-line argument that is not UTF-8) names nobody."""
    if not isinstance(name, str):
        return None
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return User.get_or_none(User.name == name)


def chosen_user_id() -> int | None:
    """The user explicitly chosen as the one working (switch_user, create_first_user), when still active;
    None when nobody was chosen (``current_user_id`` then falls back to someone)."""
    setting = Setting.get_or_none(Setting.key == CURRENT_USER_KEY)
    if setting is None:
        return None
    try:
        user_id = int(str(setting.value).strip('"'))
    except (TypeError, ValueError):
        return None
    if User.get_or_none((User.id == user_id) & (User.active == True)):  # noqa: E712
        return user_id
    return None


def current_user_id() -> int | None:
    """The user this copy works for: the ``current_user_id`` setting when it names an active user, else
    the first active salesperson (then any active user), users without a PIN first; None when there is
    no user yet."""
    chosen = chosen_user_id()
    if chosen is not None:
        return chosen
    row = (
        User.select(User.id)
        .where(User.active == True)  # noqa: E712
        .order_by((User.pin_hash != ""), (User.role != "salesperson"), User.id)
        .tuples()
        .first()
    )
    return row[0] if row else None


def is_supervisor(user_id: int | None) -> bool:
    if user_id is None:
        return False
    row = User.select(User.role).where(User.id == user_id).tuples().first()
    return bool(row and row[0] == "supervisor")


def visible_user_ids(viewer_id: int | None) -> list[int]:
    """The users whose goals and forms ``viewer_id`` sees (themselves first, then by name)."""
    if viewer_id is None:
        return []
    rows: list[tuple[int, str, str, int | None]] = list(
        User.select(User.id, User.name, User.role, User.supervisor).tuples()  # type: ignore[arg-type]
    )
    viewer = next((r for r in rows if r[0] == viewer_id), None)
    if viewer is None:
        return []
    if viewer[2] != "supervisor":
        return [viewer_id]
    reports: dict[int | None, list[int]] = {}
    for user_id, _name, _role, boss in rows:
        reports.setdefault(boss, []).append(user_id)
    roles = {r[0]: r[2] for r in rows}
    unassigned = [u for u in reports.get(None, []) if roles[u] != "supervisor"]
    seen = {viewer_id}
    pending = list(reports.get(viewer_id, [])) + unassigned
    while pending:
        user_id = pending.pop()
        if user_id not in seen:
            seen.add(user_id)
            pending.extend(reports.get(user_id, []))
    names = {r[0]: r[1] for r in rows}
    return [viewer_id] + sorted((u for u in seen if u != viewer_id), key=lambda u: (names[u].casefold(), u))


def can_see(viewer_id: int | None, owner_id: int | None) -> bool:
    """Whether ``viewer_id`` may see (and, for a supervisor, review) records owned by ``owner_id``
    (None: the team's goals, seen by everyone)."""
    if owner_id is None:
        return viewer_id is not None
    return owner_id in visible_user_ids(viewer_id)

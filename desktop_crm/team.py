"""Who is working, and whose records they see.

The person working on this copy is stored in the database (setting ``current_user_id``): the file is one
salesperson's laptop, or the supervisor's machine with the whole team's data. Visibility: a salesperson
sees their own goals and weekly forms; a supervisor sees their own, those of everyone who reports to them
directly or through others, and those of people who report to nobody, plus the team goals.
"""

from __future__ import annotations

from .models import Setting, User

CURRENT_USER_KEY = "current_user_id"


def current_user_id() -> int | None:
    """The user this copy works for: the ``current_user_id`` setting when it names an active user, else
    the first active salesperson (then any active user); None when there is no user yet."""
    setting = Setting.get_or_none(Setting.key == CURRENT_USER_KEY)
    if setting is not None:
        try:
            user_id = int(str(setting.value).strip('"'))
        except (TypeError, ValueError):
            user_id = None
        if user_id is not None and User.get_or_none((User.id == user_id) & (User.active == True)):  # noqa: E712
            return user_id
    row = (
        User.select(User.id)
        .where(User.active == True)  # noqa: E712
        .order_by((User.role != "salesperson"), User.id)
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
    seen = {viewer_id}
    pending = list(reports.get(viewer_id, [])) + list(reports.get(None, []))
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

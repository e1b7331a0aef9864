"""Users: salespeople and supervisors, who reports to whom, and the PINs that protect switching to them.

PINs are 4 to 12 digits, stored only as a salted ``hashlib.scrypt`` hash with its parameters
(``scrypt$16384$8$1$<salt hex>$<hash hex>``) and compared with ``hmac.compare_digest``.

Who may change the team: while no supervisor is protected by a PIN, anyone working on this copy may
(a PIN-less supervisor protects nothing: anyone can switch to them). Once an active supervisor has a
PIN, adding people, changing roles, reporting lines and active state, and setting or removing someone
else's PIN need a supervisor to be working; everyone may still change their own name, e-mail, phone
and PIN.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from typing import Any

from ..errors import NotFoundError, ValidationError
from ..models import User
from ..models.enums import USER_ROLES
from .common import get_record, optional_text, require_enum, require_text, transactional

_EDITABLE = ("name", "role", "supervisor_id", "email", "phone", "active")
_SELF_EDITABLE = ("name", "email", "phone")

PIN_PATTERN = re.compile(r"[0-9]{4,12}")
SCRYPT_N, SCRYPT_R, SCRYPT_P, SCRYPT_LEN = 2**14, 8, 1, 32
_MAX_N, _MAX_R, _MAX_P = 2**20, 32, 16  # refuse absurd parameters read from a tampered file


def require_user(value: Any) -> User:
    """A user given by id (or as the record); wrong types are validation errors, not lookups."""
    if isinstance(value, User):
        value = value.id
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError("user.bad_ref", "user_id")
    return get_record(User, value, "User")


def _working_user_id() -> int | None:
    from ..team import current_user_id  # team imports this module

    return current_user_id()


def _pin_protected_supervisor_exists() -> bool:
    return (
        User.select()
        .where((User.role == "supervisor") & (User.active == True) & (User.pin_hash != ""))  # noqa: E712
        .exists()
    )


def _require_team_manager(field: str, target_id: int | None = None) -> None:
    """Refuse a change to the team unless a supervisor is working (see the module's docstring).

    ``target_id`` is the user being changed when the change is one they may make to themselves."""
    if not _pin_protected_supervisor_exists():
        return
    working = _working_user_id()
    if target_id is not None and working == target_id:
        return
    row = User.select(User.role).where(User.id == working).tuples().first() if working else None
    if not row or row[0] != "supervisor":
        raise ValidationError("user.team_needs_supervisor", field)


def _clean_pin(value: Any) -> str:
    if not isinstance(value, str) or not PIN_PATTERN.fullmatch(value):
        raise ValidationError("user.bad_pin", "pin")
    return value


def hash_pin(pin: str) -> str:
    """A new salted scrypt hash of ``pin``, with its parameters."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(
        pin.encode("ascii"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=SCRYPT_LEN
    )
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def pin_matches(stored: str, pin: Any) -> bool:
    """Whether ``pin`` hashes to ``stored`` (False for a malformed hash or a PIN that is not text)."""
    if not isinstance(pin, str) or not isinstance(stored, str) or not stored:
        return False
    try:
        scheme, n_text, r_text, p_text, salt_hex, hash_hex = stored.split("$")
        n, r, p = int(n_text), int(r_text), int(p_text)
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(hash_hex)
    except ValueError:
        return False
    if scheme != "scrypt" or not (1 < n <= _MAX_N and 0 < r <= _MAX_R and 0 < p <= _MAX_P) or not expected:
        return False
    try:
        digest = hashlib.scrypt(
            pin.encode("utf-8"),
            salt=salt,
            n=n,
            r=r,
            p=p,
            dklen=len(expected),
            maxmem=256 * r * n * p + 2**20,
        )
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(digest, expected)


def _clean_name(value: Any, exclude_id: int | None = None) -> str:
    name = require_text(value, "name", "Full name", User.name.max_length)
    key = name.casefold()
    for other in User.select(User.id, User.name):
        if other.id != exclude_id and other.name.casefold() == key:
            raise ValidationError("user.duplicate", "name", name=other.name)
    return name


def clean_email(value: Any, max_length: int = 200) -> str:
    """An optional e-mail address: empty, or something@something without spaces."""
    email = optional_text(value, "email", "E-mail", max_length)
    if email and (email.count("@") != 1 or email.startswith("@") or email.endswith("@") or " " in email):
        raise ValidationError("user.bad_email", "email", email=email)
    return email


def _clean_supervisor(value: Any, user_id: int | None) -> User | None:
    if value is None or value == "":
        return None
    try:
        boss = get_record(User, value, "Supervisor")
    except (NotFoundError, ValidationError) as exc:
        raise exc.at("supervisor_id") from None
    if boss.role != "supervisor":
        raise ValidationError("user.not_a_supervisor", "supervisor_id", name=boss.name)
    if user_id is not None:
        seen: set[int] = set()
        current: User | None = boss
        while current is not None and current.id not in seen:
            if current.id == user_id:
                raise ValidationError("user.reports_cycle", "supervisor_id")
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
    _require_team_manager("name")
    clean_name = _clean_name(name)
    clean_role = require_enum(role, USER_ROLES, "role", "Role")
    boss = _clean_supervisor(supervisor_id, None)
    clean_mail = clean_email(email, User.email.max_length)
    clean_phone = optional_text(phone, "phone", "Phone", User.phone.max_length)
    return User.create(name=clean_name, role=clean_role, supervisor=boss, email=clean_mail, phone=clean_phone)


@transactional
def update_user(user_id: Any, **changes: Any) -> User:
    """Change any of name, role, supervisor_id, email, phone, active."""
    user = require_user(user_id)
    for key in changes:
        if key not in _EDITABLE:
            raise ValidationError("user.unknown_field", key, key=key)
    for key in changes:
        _require_team_manager(key, user.id if key in _SELF_EDITABLE else None)
    values: dict[str, Any] = {}
    if "name" in changes:
        values["name"] = _clean_name(changes["name"], exclude_id=user.id)
    if "role" in changes:
        values["role"] = require_enum(changes["role"], USER_ROLES, "role", "Role")
        has_reports = User.select().where(User.supervisor == user.id).exists()
        if values["role"] != "supervisor" and has_reports:
            raise ValidationError(
                "user.role_has_reports",
                "role",
                name=user.name,
            )
    if "supervisor_id" in changes:
        values["supervisor"] = _clean_supervisor(changes["supervisor_id"], user.id)
    if "email" in changes:
        values["email"] = clean_email(changes["email"], User.email.max_length)
    if "phone" in changes:
        values["phone"] = optional_text(changes["phone"], "phone", "Phone", User.phone.max_length)
    if "active" in changes:
        if not isinstance(changes["active"], bool):
            raise ValidationError("user.active_not_bool", "active")
        if user.active and not changes["active"]:
            _check_can_deactivate(user)
        values["active"] = changes["active"]
    for key, value in values.items():
        setattr(user, key, value)
    user.save()
    return user


def _check_can_deactivate(user: User) -> None:
    """Refuse to leave the team without an active supervisor, or the person chosen as working (through
    ``switch_user``) without themselves; nobody chosen yet: the fallback simply moves on."""
    from ..team import chosen_user_id

    if user.id == chosen_user_id():
        raise ValidationError(
            "user.deactivate_current",
            "active",
            name=user.name,
        )
    if user.role == "supervisor":
        others = User.select().where(
            (User.role == "supervisor") & (User.active == True) & (User.id != user.id)  # noqa: E712
        )
        sellers = User.select().where((User.role == "salesperson") & (User.active == True))  # noqa: E712
        if not others.exists() and sellers.exists():
            raise ValidationError(
                "user.last_supervisor",
                "active",
                name=user.name,
            )
        reports = User.select().where((User.supervisor == user.id) & (User.active == True))  # noqa: E712
        if reports.exists():
            raise ValidationError(
                "user.deactivate_has_reports",
                "active",
                name=user.name,
            )


@transactional
def deactivate_user(user_id: Any) -> User:
    """Mark a user inactive: their records stay, they disappear from pickers and from the switch.

    Refused for the person chosen as working now (switch first), for the last active supervisor while there
    are active salespeople, and for a supervisor who still has active people reporting to them."""
    user = require_user(user_id)
    _require_team_manager("active")
    if user.active:
        _check_can_deactivate(user)
    user.active = False
    user.save()
    return user


@transactional
def reactivate_user(user_id: Any) -> User:
    """Make an inactive user active again (a name taken meanwhile is not an issue: names stay unique)."""
    user = require_user(user_id)
    _require_team_manager("active")
    user.active = True
    user.save()
    return user


def _require_pin_authority(user: User, current_pin: Any) -> None:
    """Changing or removing a PIN needs that PIN, or the user themselves working, or a supervisor working."""
    if current_pin is not None and pin_matches(user.pin_hash, current_pin):
        return
    working = _working_user_id()
    if working == user.id:
        return
    row = User.select(User.role).where(User.id == working).tuples().first() if working else None
    if row and row[0] == "supervisor":
        return
    if not user.pin_hash:
        raise ValidationError("user.pin_not_allowed", "pin", name=user.name)
    if current_pin is not None:
        raise ValidationError("user.wrong_pin", "current_pin")
    raise ValidationError(
        "user.current_pin_needed",
        "current_pin",
        name=user.name,
    )


@transactional
def set_pin(user_id: Any, pin: Any, current_pin: Any = None) -> User:
    """Protect switching to ``user_id`` with ``pin`` (4 to 12 digits), stored as a salted hash.

    Allowed while they or a supervisor are working, or with their current PIN."""
    user = require_user(user_id)
    clean = _clean_pin(pin)
    _require_pin_authority(user, current_pin)
    user.pin_hash = hash_pin(clean)
    user.save()
    return user


@transactional
def clear_pin(user_id: Any, current_pin: Any = None) -> User:
    """Remove ``user_id``'s PIN: with that PIN, or while they or a supervisor are working."""
    user = require_user(user_id)
    if user.pin_hash:
        _require_pin_authority(user, current_pin)
        user.pin_hash = ""
        user.save()
    return user


def verify_pin(user_id: Any, pin: Any) -> bool:
    """Whether ``pin`` is ``user_id``'s PIN (False when they have none, or it is not text)."""
    user = require_user(user_id)
    return pin_matches(user.pin_hash, pin)


def has_pin(user_id: Any) -> bool:
    return bool(require_user(user_id).pin_hash)


def list_users(active_only: bool = True) -> list[User]:
    query = User.select().order_by(User.name, User.id)
    if active_only:
        query = query.where(User.active == True)  # noqa: E712 (peewee expression)
    return list(query)

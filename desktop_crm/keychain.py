"""The passphrase of an encrypted database, kept in the system keychain when the user asks for it.

Through ``keyring``: the Windows Credential Manager, the macOS Keychain, the Secret Service (GNOME
Keyring, KWallet) on Linux. Where no keychain answers (a headless machine, a minimal desktop, a
bundle without the Secret Service's libraries) :func:`available` is False and the passphrase is asked
at every open. The entry is filed under the database file's real path; nothing is ever written to
the application's own files. Every call is quiet on failure: a keychain that refuses is a keychain
that is not there.
"""

from __future__ import annotations

import os
from typing import Any

from .driver import file_identity

SERVICE = "desktop-crm database passphrase"


def _keyring() -> Any | None:
    try:
        import keyring
        from keyring.backends import fail
    except Exception:  # not installed, or a backend that fails to load
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 1) <= 0:
        return None
    return keyring


def available() -> bool:
    """Whether a system keychain can keep passphrases on this machine."""
    return _keyring() is not None


def load_passphrase(path: str | os.PathLike[str]) -> str | None:
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        value = keyring.get_password(SERVICE, file_identity(path))
    except Exception:
        return None
    return value if isinstance(value, str) and value else None


def save_passphrase(path: str | os.PathLike[str], passphrase: str) -> bool:
    """Keep ``passphrase`` for ``path``; False when no keychain took it."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(SERVICE, file_identity(path), passphrase)
    except Exception:
        return False
    return True


def forget_passphrase(path: str | os.PathLike[str]) -> None:
    keyring = _keyring()
    if keyring is None:
        return
    try:
        keyring.delete_password(SERVICE, file_identity(path))
    except Exception:
        return

"""The command line of encryption at rest (``desktop_crm.encryption``).

- ``--passphrase-file FILE`` (before or after any command): the passphrase of an encrypted database,
  the first line of FILE (``-``: standard input). Without it, a command on an encrypted file asks on
  the terminal, or, in a script, stops with one sentence naming the option.
- ``encrypt [--new-passphrase-file FILE] [--json]``: encrypt the database and the backups in its
  backup folder (through a verified copy; the plain bytes are overwritten).
- ``decrypt [--json]``: make it plain again (after its passphrase was given).
- ``change-passphrase [--new-passphrase-file FILE] [--json]``: re-key it and its backups in place.

JSON keys: ``path``, ``encrypted``, ``backups`` (converted with it), ``backups_skipped``.
The new passphrase is asked twice on a terminal when no file gives it.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import CrmError


def add_options(parser: argparse.ArgumentParser, *, suppress: bool = False) -> None:
    options: dict[str, Any] = {"default": argparse.SUPPRESS} if suppress else {}
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help="the encrypted database's passphrase: the first line of FILE ('-': standard input)",
        **options,
    )


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    encrypt = sub.add_parser(
        "encrypt", parents=[common], help="encrypt the database and its backups with a passphrase"
    )
    encrypt.add_argument("--new-passphrase-file", type=Path, metavar="FILE", help="the new passphrase")
    encrypt.add_argument("--json", action="store_true", help="print the result as JSON")
    decrypt = sub.add_parser("decrypt", parents=[common], help="remove the database's encryption")
    decrypt.add_argument("--json", action="store_true", help="print the result as JSON")
    rekey = sub.add_parser(
        "change-passphrase", parents=[common], help="change the encrypted database's passphrase"
    )
    rekey.add_argument("--new-passphrase-file", type=Path, metavar="FILE", help="the new passphrase")
    rekey.add_argument("--json", action="store_true", help="print the result as JSON")


def read_passphrase_file(path: Path) -> str:
    """The first line of ``path`` (without its line ending; a UTF-8 BOM is ignored)."""
    try:
        raw = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as exc:
        raise CrmError("cli.passphrase_file", path=str(path), reason=exc.strerror or str(exc)) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CrmError("cli.passphrase_file", path=str(path), reason="it is not UTF-8 text") from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise CrmError("cli.passphrase_file", path=str(path), reason="its first line is empty")
    return lines[0]


def _given_passphrase(args: argparse.Namespace, path: Path) -> str:
    source = getattr(args, "passphrase_file", None)
    if source is not None:
        cached = getattr(args, "_passphrase", None)
        if cached is None:
            cached = read_passphrase_file(source)
            args._passphrase = cached
        return str(cached)
    if sys.stdin.isatty():
        return getpass.getpass(f"Passphrase for {path}: ")
    raise CrmError("cli.passphrase_needed", path=str(path))


def unlock_files(args: argparse.Namespace, db: Path | str) -> None:
    """Before a command runs: unlock the encrypted files it names (the database; ``restore``'s backup
    and ``copy``'s source) with the given passphrase, or refuse with one sentence."""
    from .driver import key_for
    from .encryption import adopt_key, needs_passphrase, unlock

    candidates: list[Path] = []
    command = getattr(args, "command", None) or ""
    if command == "copy":
        _unlock_copy(args)
        return
    if isinstance(db, Path):
        candidates.append(db)
        if getattr(args, "passphrase_file", None) is not None and _is_new(db):
            from .encryption import prepare_new  # a new database given a passphrase starts encrypted

            prepare_new(db, _given_passphrase(args, db))
    if command == "restore" and isinstance(args.file, Path):
        candidates.append(args.file)
    for number, path in enumerate(candidates):
        if not path.is_file() or not needs_passphrase(path):
            continue
        if number > 0 and isinstance(db, Path) and adopt_key(path, key_for(db)):
            continue
        if getattr(args, "passphrase_file", None) is None and not sys.stdin.isatty():
            raise CrmError("cli.passphrase_needed", path=str(path))
        unlock(path, _given_passphrase(args, path))


def _unlock_copy(args: argparse.Namespace) -> None:
    """``copy``: an encrypted source file opens with the passphrase, and a new destination file is
    encrypted with the same one (a copy never leaves the data readable without it)."""
    from .encryption import needs_passphrase, prepare_new, unlock

    source, destination = args.source, args.destination
    if not isinstance(source, Path) or not source.is_file() or not needs_passphrase(source):
        return
    passphrase = _given_passphrase(args, source)
    unlock(source, passphrase)
    if isinstance(destination, Path) and _is_new(destination):
        prepare_new(destination, passphrase)


def _is_new(path: Path) -> bool:
    return not path.exists() or (path.is_file() and path.stat().st_size == 0)


def _new_passphrase(args: argparse.Namespace) -> tuple[str, str | None]:
    """The new passphrase and, when typed, its repetition (the core compares them)."""
    source = getattr(args, "new_passphrase_file", None)
    if source is not None:
        return read_passphrase_file(source), None
    if not sys.stdin.isatty():
        raise CrmError("cli.new_passphrase_needed")
    first = getpass.getpass("New passphrase: ")
    return first, getpass.getpass("The new passphrase again: ")


def _progress(label: str) -> Callable[[int, int], bool] | None:
    from .backup_cli import _progress as terminal_progress

    return terminal_progress(label)


def _locked(db_path: Path, work: Callable[[], Any]) -> Any:
    from . import file_lock

    try:  # a window with the file open holds its lock: never convert the file under it
        lock = file_lock.acquire(db_path)
    except file_lock.LockedElsewhere as exc:
        raise CrmError("encryption.open_elsewhere", path=str(db_path), owner=exc.owner.describe()) from exc
    try:
        return work()
    finally:
        if lock is not None:
            lock.release()


def _target(db: Path | str) -> Path:
    if isinstance(db, str):
        raise CrmError("encryption.team_database")
    if not db.is_file():
        raise CrmError("cli.no_database", path=db)
    return db


def _report(args: argparse.Namespace, result: Any, done: str) -> int:
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return 0
    print(done.format(path=result.path))
    if result.backups:
        print(f"  backups converted with it: {len(result.backups)}")
    for skipped in result.backups_skipped:
        print(f"  backup left as it was (damaged or under another passphrase): {skipped}")
    return 0


def run_encrypt(args: argparse.Namespace, db: Path | str) -> int:
    from .encryption import require_available
    from .encryption_convert import encrypt_file

    path = _target(db)
    require_available()
    passphrase, repeated = _new_passphrase(args)
    result = _locked(path, lambda: encrypt_file(path, passphrase, _progress("encrypting"), repeated=repeated))
    return _report(args, result, "encrypted {path}: it opens only with its passphrase from now on")


def run_decrypt(args: argparse.Namespace, db: Path | str) -> int:
    from .encryption_convert import decrypt_file

    path = _target(db)
    result = _locked(path, lambda: decrypt_file(path, _progress("decrypting")))
    return _report(args, result, "{path} is no longer encrypted")


def run_change_passphrase(args: argparse.Namespace, db: Path | str) -> int:
    from .encryption_convert import change_passphrase

    path = _target(db)
    passphrase, repeated = _new_passphrase(args)
    result = _locked(
        path, lambda: change_passphrase(path, passphrase, _progress("re-keying"), repeated=repeated)
    )
    return _report(args, result, "changed the passphrase of {path}")

"""Encryption at rest: encrypt, reopen, wrong passphrase, re-key, backups and restore, kills during a
conversion, the command line, and a scan of every file written for a client's name in clear."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop_crm import driver, encryption, encryption_convert
from desktop_crm.backup import create_backup, list_backups
from desktop_crm.clock import FrozenClock
from desktop_crm.db import close_database, open_database
from desktop_crm.driver import sqlite3
from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.restore import restore_backup

pytestmark = pytest.mark.skipif(not encryption.available(), reason="SQLCipher is not installed")

SECRET_NAME = "Zyxwvu Confidential Holdings"  # searched for in every written file
SECRET_ZH = "绝密精工机械有限公司"
PASSPHRASE = "correct horse battery"
NEW_PASSPHRASE = "staple 电池 orange"


def _forget_all() -> None:
    """As a new process would start: no key known."""
    with driver._lock:
        driver._keys.clear()


def _make(path: Path, extra: int = 0) -> None:
    from desktop_crm.models import Client, User

    open_database(path)
    owner = User.create(name="王晓明")
    Client.create(name=SECRET_NAME, owner=owner, notes="prefers calls after 3 pm")
    Client.create(name=SECRET_ZH, owner=owner)
    for n in range(extra):
        Client.create(name=f"Client {n}", owner=owner)
    close_database()


def _names(path: Path) -> list[str]:
    from desktop_crm.models import Client

    open_database(path)
    try:
        return [c.name for c in Client.select().order_by(Client.id)]
    finally:
        close_database()


def _leaks(folder: Path) -> list[Path]:
    """Every file under ``folder`` holding a client's name in clear (UTF-8 or UTF-16)."""
    needles = [SECRET_NAME.encode(), SECRET_ZH.encode(), SECRET_NAME.encode("utf-16-le")]
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and any(n in path.read_bytes() for n in needles):
            found.append(path)
    return found


@pytest.fixture
def crm(db_path: Path) -> Path:
    _make(db_path)
    return db_path


def test_encrypting_leaves_no_name_readable_and_reopens_only_with_the_passphrase(
    crm: Path, clock: FrozenClock
) -> None:
    create_backup(crm)  # a plain backup made before: encrypted with the database
    assert _leaks(crm.parent)  # the scan finds the names while the file is plain
    result = encryption_convert.encrypt_file(crm, PASSPHRASE, repeated=PASSPHRASE)
    assert result.encrypted and len(result.backups) == 1 and result.backups_skipped == []
    assert encryption.is_encrypted(crm)
    assert _leaks(crm.parent) == []
    assert [p.name for p in crm.parent.iterdir() if p.name.startswith(".")] == []  # nothing left over

    _forget_all()
    with pytest.raises(CrmError) as needed:
        open_database(crm)
    assert needed.value.code == "db.passphrase_needed"
    with pytest.raises(CrmError) as wrong:
        encryption.unlock(crm, "not the passphrase")
    assert wrong.value.code == "db.wrong_passphrase"
    assert encryption.needs_passphrase(crm)
    encryption.unlock(crm, PASSPHRASE)
    assert _names(crm) == [SECRET_NAME, SECRET_ZH]

    # SQLCipher's own tools open it with the passphrase (the key is derived as SQLCipher 4 does)
    conn = sqlite3.connect(crm)
    conn.execute("PRAGMA key = ?".replace("?", "'" + PASSPHRASE + "'"))
    assert conn.execute("SELECT count(*) FROM client").fetchone()[0] == 2
    conn.close()


def test_the_wal_of_an_open_encrypted_database_holds_no_name(crm: Path) -> None:
    from desktop_crm.models import Client, User

    encryption_convert.encrypt_file(crm, PASSPHRASE)
    open_database(crm)
    try:
        Client.create(name=SECRET_NAME + " Two", owner=User.get())
        wal = Path(f"{crm}-wal")
        assert wal.exists() and wal.stat().st_size > 0  # the write sits in the WAL now
        assert _leaks(crm.parent) == []
    finally:
        close_database()


def test_passphrases_are_checked_before_anything_is_written(crm: Path) -> None:
    before = crm.read_bytes()
    for bad, repeated, code in [
        ("", None, "encryption.passphrase_empty"),
        ("short", None, "encryption.passphrase_short"),
        (" leading space", None, "encryption.passphrase_spaces"),
        (PASSPHRASE, PASSPHRASE + "x", "encryption.passphrase_mismatch"),
    ]:
        with pytest.raises(ValidationError) as refused:
            encryption_convert.encrypt_file(crm, bad, repeated=repeated)
        assert refused.value.code == code
    assert crm.read_bytes() == before
    with pytest.raises(CrmError) as not_encrypted:
        encryption_convert.decrypt_file(crm)
    assert not_encrypted.value.code == "encryption.not_encrypted"


def test_changing_the_passphrase_rekeys_the_file_and_its_backups(crm: Path, clock: FrozenClock) -> None:
    encryption_convert.encrypt_file(crm, PASSPHRASE)
    saved = create_backup(crm)
    result = encryption_convert.change_passphrase(crm, NEW_PASSPHRASE, repeated=NEW_PASSPHRASE)
    assert result.backups == [str(saved.path)]
    _forget_all()
    for path in (crm, saved.path):
        with pytest.raises(CrmError) as old:
            encryption.unlock(path, PASSPHRASE)
        assert old.value.code == "db.wrong_passphrase"
        encryption.unlock(path, NEW_PASSPHRASE)
    assert _names(crm) == [SECRET_NAME, SECRET_ZH]
    assert _leaks(crm.parent) == []


def test_an_encrypted_backup_opens_with_the_same_passphrase_and_restores(
    crm: Path, tmp_path: Path, clock: FrozenClock
) -> None:
    from desktop_crm.models import Client, User

    encryption_convert.encrypt_file(crm, PASSPHRASE)
    saved = create_backup(crm)
    elsewhere = create_backup(crm, tmp_path / "usb" / "copy.sqlite3")  # a file of the user's choice
    assert [i.schema_version for i in list_backups(crm)] == [saved.schema_version]
    open_database(crm)
    Client.create(name="Added after the backup", owner=User.get())
    close_database()
    clock.advance(minutes=1)

    _forget_all()  # a new session: only the passphrase is known
    for backup in (saved.path, elsewhere.path):
        assert encryption.is_encrypted(backup)
        encryption.unlock(backup, PASSPHRASE)
    encryption.unlock(crm, PASSPHRASE)
    prepared = restore_backup(crm, elsewhere.path)
    assert prepared.kept is not None and encryption.is_encrypted(prepared.kept.path)
    assert encryption.is_encrypted(crm)
    assert _names(crm) == [SECRET_NAME, SECRET_ZH]
    assert _leaks(tmp_path) == []


def test_a_plain_backup_restored_into_an_encrypted_database_is_encrypted(
    crm: Path, tmp_path: Path, clock: FrozenClock
) -> None:
    plain = create_backup(crm, tmp_path / "plain-copy.sqlite3")
    encryption_convert.encrypt_file(crm, PASSPHRASE)
    restore_backup(crm, plain.path)
    assert encryption.is_encrypted(crm)
    _forget_all()
    encryption.unlock(crm, PASSPHRASE)
    assert _names(crm) == [SECRET_NAME, SECRET_ZH]


def test_a_backup_under_another_passphrase_asks_for_its_own(
    crm: Path, tmp_path: Path, clock: FrozenClock
) -> None:
    other = tmp_path / "other" / "crm.sqlite3"
    _make(other)
    encryption_convert.encrypt_file(other, "another passphrase")
    encryption_convert.encrypt_file(crm, PASSPHRASE)
    _forget_all()
    encryption.unlock(crm, PASSPHRASE)
    with pytest.raises(CrmError) as needed:
        restore_backup(crm, other)
    assert needed.value.code == "db.passphrase_needed" and needed.value.params["path"] == str(other)
    encryption.unlock(other, "another passphrase")
    restore_backup(crm, other)
    _forget_all()
    encryption.unlock(crm, PASSPHRASE)  # the restored file keeps the database's passphrase
    assert _names(crm) == [SECRET_NAME, SECRET_ZH]


def test_decrypting_makes_the_file_and_its_backups_plain_again(crm: Path, clock: FrozenClock) -> None:
    encryption_convert.encrypt_file(crm, PASSPHRASE)
    saved = create_backup(crm)
    encryption_convert.decrypt_file(crm)
    _forget_all()
    assert not encryption.is_encrypted(crm) and not encryption.is_encrypted(saved.path)
    assert _names(crm) == [SECRET_NAME, SECRET_ZH]


def test_a_new_database_can_start_encrypted(db_path: Path) -> None:
    encryption.prepare_new(db_path, PASSPHRASE)
    _make(db_path)
    assert encryption.is_encrypted(db_path)
    assert _leaks(db_path.parent) == []
    _forget_all()
    encryption.unlock(db_path, PASSPHRASE)
    assert _names(db_path) == [SECRET_NAME, SECRET_ZH]
    with pytest.raises(CrmError) as exists:
        encryption.prepare_new(db_path, PASSPHRASE)
    assert exists.value.code == "encryption.not_new"


def test_without_sqlcipher_encrypting_is_refused_and_plain_files_work(
    crm: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(encryption, "ENCRYPTION_AVAILABLE", False)
    with pytest.raises(CrmError) as refused:
        encryption_convert.encrypt_file(crm, PASSPHRASE)
    assert refused.value.code == "encryption.unavailable"
    assert _names(crm) == [SECRET_NAME, SECRET_ZH]


KILL_SCRIPT = textwrap.dedent(
    """
    import os, sys
    from desktop_crm import encryption, encryption_convert
    point = sys.argv[2]
    real_replace, real_wipe, real_export = os.replace, encryption_convert.wipe_file, encryption_convert.export_copy

    def export_then_die(source, temp, new, meter=None):
        real_export(source, temp, new, meter)
        if point == "after-copy":
            os._exit(9)

    def replace(src, dst):
        if point == "before-replace":
            os._exit(9)
        real_replace(src, dst)
        if point == "after-replace":
            os._exit(9)

    encryption_convert.export_copy = export_then_die
    encryption_convert.os.replace = replace
    encryption_convert.encrypt_file(sys.argv[1], "correct horse battery")
    """
)


@pytest.mark.parametrize("point", ["after-copy", "before-replace", "after-replace"])
def test_a_conversion_killed_midway_leaves_the_original_or_the_converted_copy_whole(
    crm: Path, point: str
) -> None:
    _make(crm.parent / "unused.sqlite3")  # a neighbour that must not be touched
    before = _names(crm)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", KILL_SCRIPT, str(crm), point], env=env, capture_output=True, timeout=120
    )
    assert done.returncode == 9, done.stderr.decode()
    if point == "after-replace":
        assert encryption.is_encrypted(crm)
        encryption.unlock(crm, PASSPHRASE)
    else:
        assert not encryption.is_encrypted(crm)  # the original, intact
    assert _names(crm) == before  # opening cleans what the kill left (old bytes wiped, copies removed)
    leftovers = [p.name for p in crm.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []
    if point == "after-replace":
        assert _leaks(crm.parent) == [crm.parent / "unused.sqlite3"]


def _cli(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run(
        [sys.executable, "-m", "desktop_crm.cli", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        input=stdin if stdin is not None else "",
        timeout=300,
    )


def test_the_command_line_on_an_encrypted_file_and_every_file_it_writes(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    new_secret = tmp_path / "new-pass.txt"
    new_secret.write_text(NEW_PASSPHRASE + "\r\n", encoding="utf-8")
    db = work / "crm.sqlite3"
    _make(db, extra=3)
    _forget_all()

    encrypted = _cli("--db", str(db), "encrypt", "--new-passphrase-file", str(secret), "--json", cwd=work)
    assert encrypted.returncode == 0, encrypted.stderr
    assert set(json.loads(encrypted.stdout)) == {"path", "encrypted", "backups", "backups_skipped"}

    refused = _cli("--db", str(db), "kpi", cwd=work)  # a script without the passphrase
    assert refused.returncode != 0 and "--passphrase-file" in refused.stderr
    assert "Traceback" not in refused.stderr
    given = ["--db", str(db), "--passphrase-file", str(secret)]
    wrong = _cli("--db", str(db), "--passphrase-file", str(new_secret), "check", cwd=work)
    assert wrong.returncode != 0 and "passphrase does not open" in wrong.stderr
    for command in (["check"], ["backup"], ["kpi", "--json"], ["users"], ["backups", "--json"]):
        done = _cli(*given, *command, cwd=work)
        assert done.returncode == 0, (command, done.stderr)
    dump = _cli("check", *given, cwd=work)  # the option also after the command
    assert dump.returncode == 0, dump.stderr
    exported = _cli(*given, "dump", "--output", str(tmp_path / "dump.json"), cwd=work)
    assert exported.returncode == 0 and SECRET_NAME in (tmp_path / "dump.json").read_text(encoding="utf-8")

    rekeyed = _cli(*given, "change-passphrase", "--new-passphrase-file", str(new_secret), cwd=work)
    assert rekeyed.returncode == 0, rekeyed.stderr
    assert _cli(*given, "check", cwd=work).returncode != 0
    given = ["--db", str(db), "--passphrase-file", str(new_secret)]
    assert _cli(*given, "check", cwd=work).returncode == 0

    copy = _cli("copy", str(db), str(work / "copy.sqlite3"), "--passphrase-file", str(new_secret), cwd=work)
    assert copy.returncode == 0, copy.stderr
    assert encryption.is_encrypted(work / "copy.sqlite3")

    new = work / "new.sqlite3"  # a new database given a passphrase starts encrypted
    assert _cli("--db", str(new), "--passphrase-file", str(secret), "demo", cwd=work).returncode == 0
    assert encryption.is_encrypted(new)

    # every file the application wrote in the database's folder (the dump, an export, is elsewhere)
    assert _leaks(work) == []
    home = Path(os.environ["DESKTOP_CRM_HOME"])
    if home.exists():
        assert _leaks(home) == []

    plain = _cli(*given, "decrypt", cwd=work)
    assert plain.returncode == 0, plain.stderr
    assert not encryption.is_encrypted(db)
    assert _cli("--db", str(db), "check", cwd=work).returncode == 0


def test_a_terminal_less_command_without_a_new_passphrase_is_refused(crm: Path, tmp_path: Path) -> None:
    done = _cli("--db", str(crm), "encrypt", cwd=tmp_path)
    assert done.returncode != 0 and "--new-passphrase-file" in done.stderr
    assert not encryption.is_encrypted(crm)


def test_random_bytes_are_refused_with_one_sentence(tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(os.urandom(8192))  # cannot be told from an encrypted file without a passphrase
    with pytest.raises(CrmError) as refused:
        open_database(junk)
    assert refused.value.code == "db.passphrase_needed" and "not a database file" in refused.value.message
    with pytest.raises(CrmError) as wrong:
        encryption.unlock(junk, PASSPHRASE)
    assert wrong.value.code == "db.wrong_passphrase"
    text = tmp_path / "notes.sqlite3"
    text.write_bytes(b"just some notes " * 512)
    assert not encryption.is_encrypted(text)


def test_a_file_another_program_has_open_is_not_converted(crm: Path) -> None:
    other = sqlite3.connect(crm)  # as another program would: WAL mode, reading
    other.execute("PRAGMA journal_mode = WAL")
    other.execute("SELECT count(*) FROM client").fetchone()
    try:
        before = _names(crm)
        with pytest.raises(CrmError) as busy:
            encryption_convert.encrypt_file(crm, PASSPHRASE)
        assert busy.value.code == "encryption.in_use"
        assert not encryption.is_encrypted(crm)
        assert [p.name for p in crm.parent.iterdir() if p.name.startswith(".")] == []
    finally:
        other.close()
    assert _names(crm) == before
    encryption_convert.encrypt_file(crm, PASSPHRASE)  # once it is closed
    encryption_convert.change_passphrase(crm, NEW_PASSPHRASE)
    assert _names(crm) == before


FALLBACK_SCRIPT = textwrap.dedent(
    """
    import sys
    sys.modules["sqlcipher3"] = None  # a platform without SQLCipher's wheel
    from desktop_crm import driver, encryption, encryption_convert
    from desktop_crm.db import close_database, open_database
    from desktop_crm.errors import CrmError
    from desktop_crm.models import Client, User
    assert not driver.ENCRYPTION_AVAILABLE and driver.sqlite3.__name__ == "sqlite3"
    open_database(sys.argv[1])
    Client.create(name="Plain works", owner=User.create(name="A"))
    close_database()
    try:
        encryption_convert.encrypt_file(sys.argv[1], "correct horse battery")
    except CrmError as exc:
        print(exc.code)
    try:
        open_database(sys.argv[2])
    except CrmError as exc:
        print(exc.code)
    """
)


def test_without_the_sqlcipher_wheel_plain_files_work_and_encrypted_ones_say_why(
    db_path: Path, tmp_path: Path
) -> None:
    encrypted = tmp_path / "encrypted.sqlite3"
    _make(encrypted)
    encryption_convert.encrypt_file(encrypted, PASSPHRASE)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", FALLBACK_SCRIPT, str(db_path), str(encrypted)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["encryption.unavailable", "db.encrypted_unsupported"]


def test_sync_import_and_export_work_on_an_encrypted_file(tmp_path: Path) -> None:
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    folder = tmp_path / "shared"
    folder.mkdir()
    laptop_a = tmp_path / "a" / "crm.sqlite3"
    laptop_b = tmp_path / "b" / "crm.sqlite3"
    _make(laptop_a)
    encryption_convert.encrypt_file(laptop_a, PASSPHRASE)
    laptop_b.parent.mkdir()
    open_database(laptop_b)  # a new plain laptop
    close_database()
    _forget_all()
    a = ["--db", str(laptop_a), "--passphrase-file", str(secret)]
    csv = tmp_path / "clients.csv"
    exported = _cli(*a, "export", "clients", str(csv), cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    assert SECRET_NAME in csv.read_text(encoding="utf-8-sig")  # an export is plain, as the README says
    csv.write_text(
        csv.read_text(encoding="utf-8-sig").replace(SECRET_NAME, SECRET_NAME + " Imported"),
        encoding="utf-8-sig",
    )
    imported = _cli(*a, "import", "clients", str(csv), "--on-duplicate", "create", cwd=tmp_path)
    assert imported.returncode == 0, imported.stdout + imported.stderr
    for db in (a, ["--db", str(laptop_b)], a):  # b is a plain laptop
        done = _cli(*db, "sync", "--with", str(folder), cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    dumps = [_cli(*db, "dump", "--by-uuid", cwd=tmp_path).stdout for db in (a, ["--db", str(laptop_b)])]
    assert dumps[0] == dumps[1] and SECRET_NAME + " Imported" in dumps[0]
    assert encryption.is_encrypted(laptop_a) and _leaks(laptop_a.parent) == []


def _bigger(path: Path) -> None:
    from desktop_crm.models import Client, User

    open_database(path)
    owner = User.create(name="王晓明")
    for start in range(0, 20000, 1000):
        Client.insert_many(
            [{"name": f"Client {n}", "owner": owner} for n in range(start, start + 1000)]
        ).execute()
    close_database()


REKEY_KILL_SCRIPT = textwrap.dedent(
    """
    import os, sys, threading
    from desktop_crm import encryption, encryption_convert
    encryption.unlock(sys.argv[1], "correct horse battery")
    real_leave_wal = encryption_convert._leave_wal

    def leave_wal_then_arm(path):  # the timer starts as the re-key itself begins
        real_leave_wal(path)
        threading.Timer(float(sys.argv[2]), lambda: os._exit(9)).start()

    encryption_convert._leave_wal = leave_wal_then_arm
    encryption_convert.change_passphrase(sys.argv[1], "staple 电池 orange")
    os._exit(0)
    """
)


@pytest.mark.parametrize("after", [0.0, 0.03, 0.1, 0.15, 5.0])
def test_a_rekey_killed_midway_leaves_the_file_whole_under_one_passphrase(
    db_path: Path, after: float
) -> None:
    from desktop_crm.models import Client

    _bigger(db_path)
    encryption_convert.encrypt_file(db_path, PASSPHRASE)
    _forget_all()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run(
        [sys.executable, "-c", REKEY_KILL_SCRIPT, str(db_path), str(after)],
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode in (0, 9), done.stderr.decode()
    opened = []
    for passphrase in (PASSPHRASE, NEW_PASSPHRASE):
        try:
            encryption.unlock(db_path, passphrase)
            opened.append(passphrase)
        except CrmError as exc:
            assert exc.code == "db.wrong_passphrase"
        _forget_all()
    assert len(opened) == 1  # the old passphrase (rolled back) or the new one (committed)
    if after == 5.0:
        assert done.returncode == 0 and opened == [NEW_PASSPHRASE]  # the re-key had time to finish
    encryption.unlock(db_path, opened[0])
    db = open_database(db_path)
    try:
        assert Client.select().count() == 20000
        from desktop_crm.integrity import check_database

        assert check_database(db).problems == []
    finally:
        close_database()


def test_a_conversion_reports_its_progress_and_can_be_cancelled_before_anything_changes(
    db_path: Path, clock: FrozenClock
) -> None:
    _bigger(db_path)
    create_backup(db_path)
    seen: list[tuple[int, int]] = []
    encryption_convert.encrypt_file(
        db_path, PASSPHRASE, lambda done, total: seen.append((done, total)) or True
    )
    assert len(seen) > 3 and seen[-1][0] == seen[-1][1]
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)  # never backwards

    calls: list[int] = []

    def cancel_soon(done: int, total: int) -> bool:
        calls.append(done)
        return len(calls) < 3

    before = db_path.read_bytes()
    with pytest.raises(CrmError) as cancelled:
        encryption_convert.decrypt_file(db_path, cancel_soon)
    assert cancelled.value.code == "encryption.cancelled"
    assert [p.name for p in db_path.parent.iterdir() if p.name.startswith(".")] == []
    assert db_path.read_bytes() == before and encryption.is_encrypted(db_path)
    _forget_all()
    encryption.unlock(db_path, PASSPHRASE)  # it opens as it was
    assert len(_names(db_path)) == 20000

    seen.clear()  # a re-key is one quick transaction: reported, not cancellable
    encryption_convert.change_passphrase(
        db_path, NEW_PASSPHRASE, lambda done, total: seen.append((done, total)) or False
    )
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1]
    _forget_all()
    encryption.unlock(db_path, NEW_PASSPHRASE)

"""The merge's rules one at a time, the change file's refusals, and the command line's contract."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest

from desktop_crm import cli
from desktop_crm.backup import list_backups
from desktop_crm.db import close_database
from desktop_crm.engine import raw_connection
from desktop_crm.errors import CrmError
from desktop_crm.models import Client, FollowUp, NextStep, Tag
from desktop_crm.sync.conflicts import choose, list_conflicts
from desktop_crm.sync.exchange import export_changes, import_changes

from .test_sync_convergence import Laptops, killed_after

pytestmark = pytest.mark.sqlite_only


@pytest.fixture
def laptops(tmp_path: Path, clock: Any) -> Any:
    made = Laptops(tmp_path, clock)
    for laptop in ("a", "b"):
        made.sync(laptop)
    yield made
    close_database()


def _exchange(laptops: Laptops, *order: str) -> None:
    for laptop in order or ("a", "b", "a", "b"):
        laptops.sync(laptop)


def test_the_same_tag_made_on_two_laptops_becomes_one(laptops: Laptops) -> None:
    for laptop, color in (("a", "red"), ("b", "blue")):
        laptops.on(laptop)
        Tag.create(name="重点", color=color)
    _exchange(laptops)
    uuids, merged = set(), 0
    for laptop in ("a", "b"):
        laptops.on(laptop)
        tags = list(Tag.select())
        assert len(tags) == 1
        uuids.add(tags[0].uuid)
        merged += [c.rule for c in list_conflicts(raw_connection())].count("same_key")
    assert len(uuids) == 1
    assert merged >= 1  # listed where the two met (on both when each met the other's first)
    assert laptops.dump("a") == laptops.dump("b")


def test_an_edit_beats_a_delete_made_elsewhere(laptops: Laptops, clock: Any) -> None:
    laptops.on("a")
    step = NextStep.select().order_by(NextStep.uuid).first()
    step.delete_instance()
    clock.advance(minutes=1)
    laptops.on("b")
    step = NextStep.get(NextStep.uuid == step.uuid)
    step.title = "still needed"
    step.save()
    _exchange(laptops)
    for laptop in ("a", "b"):
        laptops.on(laptop)
        assert NextStep.get(NextStep.uuid == step.uuid).title == "still needed"


def test_a_purged_client_comes_back_when_another_laptop_logged_a_follow_up(laptops: Laptops) -> None:
    laptops.on("a")
    client = Client.select().order_by(Client.uuid).first()
    client.delete_instance()
    laptops.on("b")
    client = Client.get(Client.uuid == client.uuid)
    follow_up = FollowUp.create(client=client, channel="visit", happened_at=client.created_at, summary="met")
    _exchange(laptops, "a", "b", "a", "b", "a")
    for laptop in ("a", "b"):
        laptops.on(laptop)
        assert Client.get_or_none(Client.uuid == client.uuid) is not None
        assert FollowUp.get(FollowUp.uuid == follow_up.uuid).summary == "met"
    assert laptops.dump("a") == laptops.dump("b")


def test_a_delete_seen_by_nobody_else_travels(laptops: Laptops) -> None:
    laptops.on("a")
    step = NextStep.select().order_by(NextStep.uuid).first()
    step.delete_instance()
    _exchange(laptops)
    laptops.on("b")
    assert NextStep.get_or_none(NextStep.uuid == step.uuid) is None


def test_importing_a_file_twice_changes_nothing(laptops: Laptops, tmp_path: Path) -> None:
    laptops.on("a")
    Client.create(name="Acme")
    file = tmp_path / "a.crmchanges"
    export_changes(file)
    laptops.on("b")
    first = import_changes(file)
    before = laptops.dump("b")
    laptops.on("b")
    second = import_changes(file)
    assert first.applied >= 1 and second.applied == 0 and second.unchanged == second.records
    assert laptops.dump("b") == before


def test_a_sync_killed_midway_leaves_the_file_as_it_was_and_the_next_completes(
    laptops: Laptops, tmp_path: Path
) -> None:
    laptops.on("a")
    for n in range(5):
        Client.create(name=f"客户 {n}")
    file = tmp_path / "a.crmchanges"
    export_changes(file)
    before = laptops.dump("b")
    laptops.on("b")
    with pytest.raises(KeyboardInterrupt), killed_after(2):
        import_changes(file)
    assert laptops.dump("b") == before
    laptops.on("b")
    assert import_changes(file).applied == 5
    assert laptops.dump("a") == laptops.dump("b")


def test_choosing_the_other_value_travels(laptops: Laptops, clock: Any) -> None:
    laptops.on("a")
    client = Client.select().order_by(Client.uuid).first()
    client.phone = "111"
    client.save()
    clock.advance(minutes=1)
    laptops.on("b")
    client = Client.get(Client.uuid == client.uuid)
    client.phone = "222"
    client.save()
    _exchange(laptops, "a", "b", "a")
    laptops.on("a")
    (conflict,) = list_conflicts()
    assert (conflict.mine, conflict.theirs, conflict.chosen) == ("111", "222", "theirs")
    decided = choose(conflict.id, "mine")
    assert decided.chosen == "mine" and decided.decided_by_user_at is not None
    _exchange(laptops, "a", "b")
    for laptop in ("a", "b"):
        laptops.on(laptop)
        assert Client.get(Client.uuid == client.uuid).phone == "111"


def test_the_first_exchange_backs_the_file_up_once(tmp_path: Path, clock: Any) -> None:
    made = Laptops(tmp_path, clock)
    made.sync("a")
    made.sync("a")
    close_database()
    assert [b.kind for b in list_backups(made.paths["a"])] == ["pre-sync"]


# --- refusals ---------------------------------------------------------------------------------------
def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)
    return path


def _manifest(**changes: Any) -> str:
    from desktop_crm.migrations import LATEST_VERSION

    manifest = {"format": "desktop-crm-changes", "format_version": 1, "schema_version": LATEST_VERSION}
    manifest |= {"replica": "another", "file_id": "x", "full": True}
    return json.dumps(manifest | changes)


@pytest.mark.parametrize(
    ("members", "code"),
    [
        ({"readme.txt": "hello"}, "sync.not_changes"),
        ({"manifest.json": "{not json"}, "sync.bad_file"),
        ({"manifest.json": _manifest(format="something else")}, "sync.not_changes"),
        ({"manifest.json": _manifest(schema_version=999)}, "sync.schema_newer"),
        ({"manifest.json": _manifest(schema_version=3)}, "sync.schema_older"),
        ({"manifest.json": _manifest()}, "sync.bad_file"),
        (
            {"manifest.json": _manifest(), "changes.jsonl": '{"table": "no_such", "uuid": "u", "row": {}}\n'},
            "sync.bad_file",
        ),
        ({"manifest.json": _manifest(), "changes.jsonl": '{"table": "client"\n'}, "sync.bad_file"),
        ({"manifest.json": _manifest(), "changes.jsonl": '["a list"]\n'}, "sync.bad_file"),
    ],
)
def test_a_hostile_change_file_is_refused_and_changes_nothing(
    laptops: Laptops, tmp_path: Path, members: dict[str, str], code: str
) -> None:
    before = laptops.dump("a")
    laptops.on("a")
    with pytest.raises(CrmError) as refused:
        import_changes(_zip(tmp_path / "hostile.crmchanges", members))
    assert refused.value.code == code
    assert laptops.dump("a") == before


def test_a_file_that_is_not_a_zip_and_the_own_file_are_refused(laptops: Laptops, tmp_path: Path) -> None:
    laptops.on("a")
    junk = tmp_path / "junk.crmchanges"
    junk.write_bytes(b"\x00" * 100)
    with pytest.raises(CrmError) as refused:
        import_changes(junk)
    assert refused.value.code == "sync.not_changes"
    own = tmp_path / "own.crmchanges"
    export_changes(own)
    with pytest.raises(CrmError) as refused:
        import_changes(own)
    assert refused.value.code == "sync.own_file"


# --- command line -------------------------------------------------------------------------------------
def test_the_command_line_contract(
    laptops: Laptops, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    close_database()
    a, b = str(laptops.paths["a"]), str(laptops.paths["b"])
    file = tmp_path / "cli.crmchanges"
    assert cli.main(["--db", a, "export-changes", str(file), "--json"]) == 0
    assert set(json.loads(capsys.readouterr().out)) == {"path", "replica", "records", "full"}
    assert cli.main(["--db", b, "import-changes", str(file), "--json"]) == 0
    keys = {"path", "replica", "records", "applied", "unchanged", "conflicts", "waiting"}
    assert set(json.loads(capsys.readouterr().out)) == keys
    assert cli.main(["--db", b, "conflicts", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert cli.main(["--db", b, "sync", "--with", str(laptops.shared), "--json"]) == 0
    assert set(json.loads(capsys.readouterr().out)) == {
        "folder",
        "imported",
        "skipped",
        "exported",
        "problems",
    }
    assert cli.main(["--db", b, "sync", "--json"]) == 0  # the folder used last
    capsys.readouterr()
    assert cli.main(["--db", b, "import-changes", str(tmp_path / "missing.crmchanges")]) == 2
    assert "no change file" in capsys.readouterr().err
    assert cli.main(["--db", b, "sync", "--with", "postgresql://u@localhost/x"]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert cli.main(["--db", b, "conflicts", "--choose", "77", "mine"]) == 2
    assert "no sync conflict number 77" in capsys.readouterr().err


def test_an_edit_beats_a_delete_even_when_its_clock_is_behind(laptops: Laptops, clock: Any) -> None:
    start = clock.now()
    laptops.on("a")
    clock.advance(hours=2)
    step = NextStep.select().order_by(NextStep.uuid).first()
    step.title = "deleted later by the clock"
    step.save()
    step.delete_instance()
    clock.set(start)  # the other laptop's clock is two hours behind
    laptops.on("b")
    step = NextStep.get(NextStep.uuid == step.uuid)
    step.done = True
    step.save()
    _exchange(laptops)
    for laptop in ("a", "b"):
        laptops.on(laptop)
        assert NextStep.get(NextStep.uuid == step.uuid).done
    assert laptops.dump("a") == laptops.dump("b")


def test_an_attachment_travels_with_its_bytes_and_false_bytes_are_dropped(
    laptops: Laptops, tmp_path: Path
) -> None:
    from desktop_crm.attachments import blob_path, current_store, put_bytes
    from desktop_crm.models import Attachment

    laptops.on("a")
    client = Client.select().order_by(Client.uuid).first()
    stored = put_bytes("合同扫描件".encode(), "contract.txt", current_store())
    Attachment.create(
        client=client,
        owner_kind="client",
        owner_uuid=client.uuid,
        file_name="contract.txt",
        kind="text",
        size_bytes=stored.size_bytes,
        sha256=stored.sha256,
    )
    file = tmp_path / "a.crmchanges"
    export_changes(file)
    laptops.on("b")
    assert not blob_path(current_store(), stored.sha256).exists()
    import_changes(file)
    assert blob_path(current_store(), stored.sha256).read_bytes() == "合同扫描件".encode()
    forged = _zip(tmp_path / "forged.crmchanges", {"manifest.json": _manifest(), "changes.jsonl": ""})
    with zipfile.ZipFile(forged, "a") as archive:
        archive.writestr("files/" + "ab" * 32, b"not what the name says")
    import_changes(forged)
    assert not blob_path(current_store(), "ab" * 32).exists()


def test_a_copy_of_a_synced_file_syncing_on_its_own_loses_nothing(laptops: Laptops) -> None:
    import shutil

    close_database()
    twin = laptops.folder / "twin.sqlite3"
    shutil.copyfile(laptops.paths["a"], twin)  # a restored backup, a file copied to a new laptop
    laptops.paths["twin"] = twin
    laptops.on("a")
    Client.create(name="made on the original")
    laptops.on("twin")
    Client.create(name="made on the copy")
    _exchange(laptops, "twin", "a", "b", "twin", "a", "b", "twin")
    dumps = {laptop: laptops.dump(laptop) for laptop in ("a", "b", "twin")}
    assert dumps["a"] == dumps["b"] == dumps["twin"]
    laptops.on("b")
    assert {"made on the original", "made on the copy"} <= {c.name for c in Client.select()}
    ids = set()
    for laptop in ("a", "twin"):
        laptops.on(laptop)
        ids.add(raw_connection().execute("SELECT replica FROM sync_state").fetchone()[0])
    assert len(ids) == 2  # one of them took a new id when it met the other's file


def test_a_file_in_the_folder_that_cannot_be_read_is_reported_and_the_others_sync(laptops: Laptops) -> None:
    from desktop_crm.sync.folder import sync_folder

    (laptops.shared / "half-written.crmchanges").write_bytes(b"PK\x03\x04 not yet complete")
    laptops.on("a")
    Client.create(name="still travels")
    laptops.sync("a")
    laptops.on("b")
    result = sync_folder()
    assert [(name, problem.code) for name, problem in result.problems] == [
        ("half-written.crmchanges", "sync.not_changes")
    ]
    assert Client.get_or_none(Client.name == "still travels") is not None


def test_a_tag_renamed_onto_a_name_made_elsewhere_becomes_one_with_both_clients(laptops: Laptops) -> None:
    from desktop_crm.models import ClientTag

    laptops.on("a")
    Tag.create(name="老客户")
    _exchange(laptops)
    laptops.on("a")
    tag = Tag.get(Tag.name == "老客户")
    tag.name = "VIP"
    tag.save()
    ClientTag.create(client=Client.select().order_by(Client.uuid).first(), tag=tag)
    laptops.on("b")
    vip = Tag.create(name="VIP")
    ClientTag.create(client=Client.select().order_by(Client.uuid.desc()).first(), tag=vip)
    _exchange(laptops, "b", "a", "b", "a", "b")
    for laptop in ("a", "b"):
        laptops.on(laptop)
        assert [t.name for t in Tag.select()] == ["VIP"]
        assert ClientTag.select().count() == 2
    assert laptops.dump("a") == laptops.dump("b")


def test_a_sync_with_nothing_new_leaves_the_own_file_in_the_folder_as_it_is(
    laptops: Laptops, clock: Any
) -> None:
    _exchange(laptops)
    laptops.on("a")
    from desktop_crm.sync.exchange import replica_id

    own = laptops.shared / f"{replica_id(raw_connection())}.crmchanges"
    written = own.read_bytes()
    clock.advance(minutes=5)
    laptops.sync("a")  # the other file was imported already, nothing edited here
    assert own.read_bytes() == written
    laptops.on("a")
    client = Client.select().order_by(Client.uuid).first()
    client.notes = "a new note"
    client.save()
    laptops.sync("a")
    assert own.read_bytes() != written  # a local edit is written out
    written = own.read_bytes()
    laptops.on("b")
    client = Client.get(Client.uuid == client.uuid)
    client.phone = "13900000000"
    client.save()
    laptops.sync("b")
    laptops.sync("a")  # b's change arrives: a's file now holds it too (for the laptops that meet only a's)
    assert own.read_bytes() != written


def test_a_key_made_on_two_laptops_lists_the_merge_not_its_creation_time(
    laptops: Laptops, clock: Any
) -> None:
    for laptop in ("a", "b"):
        clock.advance(minutes=3)
        laptops.on(laptop)
        Tag.create(name="同名标签", color="red")
    _exchange(laptops)
    fields: list[str] = []
    for laptop in ("a", "b"):
        laptops.on(laptop)
        fields += [c.field for c in list_conflicts(raw_connection())]
    assert "name" in fields  # the merge, where the two met
    assert "created_at" not in fields and "updated_at" not in fields

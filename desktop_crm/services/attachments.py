"""Attachments on clients, follow-ups, contracts and service records: add, remove (soft), restore, purge,
and the lists the interface shows.

Adding copies the file into the store first (``desktop_crm.attachments.put_file``: hashed, written
atomically, the same bytes kept once), then writes the row in one transaction (on a team database the
bytes go into the database in that same transaction: ``attachments.keep_bytes``); if the row cannot be
written, bytes stored by this call alone are removed again, so nothing is half-saved. Removing is a soft
delete (undo restores the row, the bytes never moved); only :func:`purge_attachment` deletes a row for
good, and its bytes when no other row (removed or not) refers to the same hash.

Owners are named by kind and id; the row keeps the owner's UUID (ids of deleted records can be reused)
and its client, so a follow-up's or contract's attachments stay listed on the client after that record
is deleted. Another slice's record kind joins with :func:`register_owner_kind`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .. import attachments as store
from ..errors import ValidationError
from ..models import Client, Contract, FollowUp, User
from ..models.attachments import Attachment
from ..team import current_user_id
from .common import check_id, get_record, require_list, restore, soft_delete, transactional

MAX_NAME = 255


@dataclass(frozen=True)
class OwnerKind:
    model: Any
    label: str  # the English record label (messages.LABELS)
    client_of: Any  # record -> client id


OWNER_KINDS: dict[str, OwnerKind] = {
    "client": OwnerKind(Client, "Client", lambda record: record.id),
    "follow_up": OwnerKind(FollowUp, "Follow-up", lambda record: record.client_id),
    "contract": OwnerKind(Contract, "Contract", lambda record: record.client_id),
}


def register_owner_kind(kind: str, model: Any, label: str, client_field: str = "client") -> None:
    """Let records of ``model`` carry attachments (e.g. service records); they need a client."""
    OWNER_KINDS[kind] = OwnerKind(model, label, lambda record: getattr(record, f"{client_field}_id"))


def _service_records() -> None:
    """Service records (issue 11 part 1) carry attachments once their model exists."""
    if "service_record" in OWNER_KINDS:
        return
    try:
        from ..models import service as service_models  # type: ignore[attr-defined]
    except ImportError:
        return
    model = getattr(service_models, "ServiceRecord", None)
    if model is not None:
        register_owner_kind("service_record", model, "Service record")


def _owner(kind: Any, owner_id: Any) -> tuple[OwnerKind, Any]:
    _service_records()
    if not isinstance(kind, str) or kind not in OWNER_KINDS:
        raise ValidationError(
            "unknown_value", "owner_kind", label="Record kind", value=kind, allowed=", ".join(OWNER_KINDS)
        )
    spec = OWNER_KINDS[kind]
    record = get_record(spec.model, owner_id, spec.label)
    return spec, record


@dataclass(frozen=True)
class AttachmentRow:
    id: int
    file_name: str
    kind: str
    size_bytes: int
    added_at: datetime
    added_by: str
    owner_kind: str
    owner_id: int | None  # None: the record was deleted since
    owner_title: str  # the owner's name or title ("" for a follow-up)
    owner_date: date | datetime | None  # when the follow-up happened, the contract was signed...
    removed: bool
    path: Path  # where the bytes are on this machine (a team database's cache: see attachment_file)
    available: bool  # the bytes are in the store (a team database: in the database or this machine's cache)


# --- writing -----------------------------------------------------------------------------------
def add_attachment(
    owner_kind: str, owner_id: Any, source: str | os.PathLike[str], *, by: Any = None
) -> Attachment:
    """Attach the file ``source`` to a record; the bytes go to the store, the row in one transaction."""
    if not isinstance(source, str | os.PathLike):
        raise ValidationError("not_text", "file", label="File")
    spec, record = _owner(owner_kind, owner_id)
    path = Path(source)
    name = path.name
    if not name or len(name) > MAX_NAME:
        raise ValidationError("too_long", "file", label="File", length=len(name), max_length=MAX_NAME)
    stored = store.put_file(path)
    try:
        return _insert(owner_kind, record, spec, name, stored, by)
    except BaseException:
        if stored.created:
            with contextlib.suppress(Exception):  # the refusal is what the caller hears about
                store.remove_if_unreferenced(stored.sha256)
        raise


@transactional
def _insert(
    owner_kind: str, record: Any, spec: OwnerKind, name: str, stored: store.StoredFile, by: Any
) -> Attachment:
    client_id = spec.client_of(record)
    client = get_record(Client, client_id, "Client")  # a deleted client takes no new files
    user_id = current_user_id() if by is None else check_id(by, "User")
    if user_id is not None:
        get_record(User, user_id, "User")
    store.keep_bytes(stored, name)  # a team database: the bytes into the database, with the row
    return Attachment.create(
        client=client,
        owner_kind=owner_kind,
        owner_uuid=record.uuid,
        file_name=name,
        kind=store.kind_of(name),
        size_bytes=stored.size_bytes,
        sha256=stored.sha256,
        added_by=user_id,
    )


@transactional
def remove_attachment(attachment_id: Any) -> Attachment:
    """Soft delete: the row is hidden, the file stays (restore_attachment brings it back)."""
    return soft_delete(get_record(Attachment, attachment_id, "Attachment"))


@transactional
def restore_attachment(attachment_id: Any) -> Attachment:
    return restore(get_record(Attachment, attachment_id, "Attachment", include_deleted=True))


def purge_attachment(attachment_id: Any) -> bool:
    """Delete a removed attachment for good; its file goes too when no other row refers to it.
    Returns whether the file was deleted."""
    sha256 = _purge_row(attachment_id)
    return store.remove_if_unreferenced(sha256)


@transactional
def _purge_row(attachment_id: Any) -> str:
    row = get_record(Attachment, attachment_id, "Attachment", include_deleted=True)
    if row.deleted_at is None:
        raise ValidationError("attachment.purge_not_removed", None, name=row.file_name)
    sha256 = str(row.sha256)
    row.delete_instance()
    return sha256


# --- reading -----------------------------------------------------------------------------------
def _owner_texts(rows: list[Attachment]) -> dict[tuple[str, str], tuple[int, str, date | datetime | None]]:
    """(kind, uuid) -> (id, title, date) for the owners that still exist."""
    _service_records()
    found: dict[tuple[str, str], tuple[int, str, date | datetime | None]] = {}
    by_kind: dict[str, set[str]] = {}
    for row in rows:
        by_kind.setdefault(str(row.owner_kind), set()).add(str(row.owner_uuid))
    for kind, uuids in by_kind.items():
        spec = OWNER_KINDS.get(kind)
        if spec is None:
            continue
        for record in spec.model.select().where(spec.model.uuid.in_(list(uuids))):
            found[(kind, record.uuid)] = (int(record.id), *_describe(kind, record))
    return found


def _describe(kind: str, record: Any) -> tuple[str, date | datetime | None]:
    """A record's short title and its date, as the attachments list shows the owner."""
    if kind == "client":
        return str(record.name), None
    if kind == "follow_up":
        return "", record.happened_at
    if kind == "contract":
        return str(record.title or record.number or ""), record.signed_on
    title = next(
        (str(getattr(record, a)) for a in ("title", "summary", "name") if getattr(record, a, None)), ""
    )
    when = next((getattr(record, a) for a in ("opened_at", "created_at") if getattr(record, a, None)), None)
    return " ".join(title.split())[:60], when


def _rows(query: Any) -> list[AttachmentRow]:
    rows = list(query.order_by(Attachment.created_at.desc(), Attachment.id.desc()))
    owners = _owner_texts(rows)
    users = {u.id: u.name for u in User.select(User.id, User.name)}
    root = store.current_store()
    shared = store.shared_hashes({str(row.sha256) for row in rows})  # a team database's own copies
    result = []
    for row in rows:
        owner = owners.get((str(row.owner_kind), str(row.owner_uuid)))
        path = store.blob_path(root, str(row.sha256))
        result.append(
            AttachmentRow(
                id=int(row.id),
                file_name=str(row.file_name),
                kind=str(row.kind),
                size_bytes=int(row.size_bytes),
                added_at=row.created_at,
                added_by=users.get(row.added_by_id, ""),
                owner_kind=str(row.owner_kind),
                owner_id=owner[0] if owner else None,
                owner_title=owner[1] if owner else "",
                owner_date=owner[2] if owner else None,
                removed=row.deleted_at is not None,
                path=path,
                available=str(row.sha256) in shared or path.is_file(),
            )
        )
    return result


def list_attachments(
    client_id: Any, owner_kind: str | None = None, owner_id: Any = None, *, removed: bool = False
) -> list[AttachmentRow]:
    """A client's attachments (every owner's), or one record's (``owner_kind`` and ``owner_id``); the
    removed ones instead with ``removed=True``. Newest first. Like the client's follow-ups on its page,
    they are listed to whoever opens the client (the lists of clients decide who sees which client)."""
    client = get_record(Client, client_id, "Client", include_deleted=True)
    query = Attachment.select().where(Attachment.client == client.id)
    if owner_kind is not None:
        _spec, record = _owner(owner_kind, owner_id)
        query = query.where((Attachment.owner_kind == owner_kind) & (Attachment.owner_uuid == record.uuid))
    query = query.where(Attachment.deleted_at.is_null(not removed))
    return _rows(query)


def list_for_record(owner_kind: str, owner_id: Any, *, removed: bool = False) -> list[AttachmentRow]:
    spec, record = _owner(owner_kind, owner_id)
    return list_attachments(spec.client_of(record), owner_kind, owner_id, removed=removed)


def client_of(owner_kind: str, owner_id: Any) -> int:
    spec, record = _owner(owner_kind, owner_id)
    return int(spec.client_of(record))


def attachment_counts(owner_kind: str, owner_ids: Iterable[int]) -> dict[int, int]:
    """How many (not removed) attachments each record of ``owner_ids`` has (records without any are left out)."""
    _service_records()
    spec = OWNER_KINDS.get(owner_kind) if isinstance(owner_kind, str) else None
    ids = [check_id(i, "Record kind") for i in require_list(owner_ids, "owner_ids", "Record kind")]
    if spec is None or not ids:
        return {}
    uuids = {
        r.uuid: int(r.id)
        for r in spec.model.select(spec.model.id, spec.model.uuid).where(spec.model.id.in_(ids))
    }
    counts: dict[int, int] = {}
    query = Attachment.select(Attachment.owner_uuid).where(
        (Attachment.owner_kind == owner_kind)
        & Attachment.owner_uuid.in_(list(uuids))
        & Attachment.deleted_at.is_null()
    )
    owner_uuid: Any
    for owner_uuid in query.scalars():
        owner = uuids[owner_uuid]
        counts[owner] = counts.get(owner, 0) + 1
    return counts


def attachment_file(attachment_id: Any) -> Path:
    """The stored file of an attachment (its bytes, named by hash); on a team database this machine's
    copy, fetched from the database first when it has none."""
    row = get_record(Attachment, attachment_id, "Attachment", include_deleted=True)
    return store.local_file(str(row.sha256), str(row.file_name))


def file_to_open(attachment_id: Any, folder: Path | None = None) -> Path:
    """A copy of the attachment under its own name (the system picks the application by the name's
    extension), in ``folder`` (default: ``open-copies`` in the portable folder of a portable installation,
    which leaves nothing on the machine, else a ``desktop-crm-open`` folder in the system's temporary
    folder). The stored bytes are never handed out, so an application that edits the file cannot change
    them."""
    import shutil
    import tempfile

    from ..paths import portable_home

    row = get_record(Attachment, attachment_id, "Attachment", include_deleted=True)
    source = attachment_file(attachment_id)
    home = portable_home()
    default = home / "open-copies" if home is not None else Path(tempfile.gettempdir()) / "desktop-crm-open"
    base = folder or default
    target = base / str(row.sha256)[:16] / Path(str(row.file_name)).name
    if not (target.is_file() and target.stat().st_size == row.size_bytes):
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    return target


def busiest_client_id() -> int | None:
    """The alive client with the most attachments, preferring one whose follow-ups and contracts have
    some too (screenshots)."""
    from peewee import fn

    query = (
        Attachment.select(
            Attachment.client, fn.COUNT(fn.DISTINCT(Attachment.owner_kind)), fn.COUNT(Attachment.id)
        )
        .join(Client)
        .where(Attachment.deleted_at.is_null() & Client.deleted_at.is_null())
        .group_by(Attachment.client)
        .order_by(fn.COUNT(fn.DISTINCT(Attachment.owner_kind)).desc(), fn.COUNT(Attachment.id).desc())
        .limit(1)
    )
    row = query.tuples().first()
    return int(row[0]) if row else None

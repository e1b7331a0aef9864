"""The attachment list (附件清单) as an export: one row per live attachment of a live client.

Columns: the client, the kind of record the file belongs to (``client``, ``follow_up``, ``contract``,
``service_record``: keys, as every export writes choices) and a readable reference to that record (the
client's name, the follow-up's time, the contract's number or title, the service record's title;
blank when that record has been deleted since), the file's name, its kind (``pdf``, ``image``...),
its size in bytes, its SHA-256 (the name of its copy in the attachment store), when and by whom it was
added. The list is export only: it names the files but does not hold them (``import attachments`` is
refused with ``import.attachments_not_importable``).
"""

from __future__ import annotations

from .cells import Column

SOURCE = (
    "attachment a JOIN client c ON c.id = a.client_id LEFT JOIN user u ON u.id = a.added_by_id"
    " WHERE a.deleted_at IS NULL AND c.deleted_at IS NULL"
)
_RECORD = (
    "CASE a.owner_kind"
    " WHEN 'client' THEN (SELECT x.name FROM client x WHERE x.uuid = a.owner_uuid)"
    " WHEN 'follow_up' THEN (SELECT strftime('%Y-%m-%d %H:%M', x.happened_at) FROM follow_up x"
    " WHERE x.uuid = a.owner_uuid)"
    " WHEN 'contract' THEN (SELECT coalesce(nullif(x.number, ''), x.title) FROM contract x"
    " WHERE x.uuid = a.owner_uuid)"
    " WHEN 'service_record' THEN (SELECT x.title FROM service_record x WHERE x.uuid = a.owner_uuid"
    " AND x.deleted_at IS NULL)"
    " END"
)
# key, English header, Chinese header, cell kind, select expression
_COLUMNS = (
    ("client", "Client", "客户名称", "text", "c.name"),
    ("owner_kind", "Belongs to", "所属记录类型", "text", "a.owner_kind"),
    ("record", "Record", "所属记录", "text", _RECORD),
    ("file_name", "File name", "文件名", "text", "a.file_name"),
    ("kind", "File type", "文件类型", "text", "a.kind"),
    ("size_bytes", "Size (bytes)", "大小（字节）", "int", "a.size_bytes"),
    ("sha256", "SHA-256", "SHA-256", "text", "a.sha256"),
    ("created_at", "Added at", "添加时间", "datetime", "a.created_at"),
    ("added_by", "Added by", "添加人", "text", "u.name"),
)
ORDER = "c.name COLLATE NOCASE, c.id, a.created_at, a.id"


def attachment_columns_and_sql(lang: str) -> tuple[list[Column], str, list[str]]:
    """The columns, the SELECT and the (empty) post-processing tags of the attachment list."""
    columns = [Column(key, zh if lang == "zh_CN" else en, kind) for key, en, zh, kind, _ in _COLUMNS]
    selects = ", ".join(expr for *_, expr in _COLUMNS)
    return columns, f"SELECT {selects} FROM {SOURCE} ORDER BY {ORDER}", ["" for _ in _COLUMNS]


__all__ = ["SOURCE", "attachment_columns_and_sql"]

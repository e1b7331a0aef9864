"""Every record of one kind to CSV or XLSX, with the import's headers, so that an export imports again.

Columns and headers are those of ``desktop_crm.importing.fields`` (English or Chinese headers by
``lang``), minus the import-only helper columns (first/last name parts, a client's first contact).
Choice values are written as their stored keys (``customer``, ``A``, ``visit``): the import reads
keys, English and Chinese labels alike, and keys never change with the language. References are
written by name: the client's name, the owner's / logger's user name, a payment's contract by its
number (its title when it has no number), a payment's instalment by its due date, a follow-up's
opportunity by name and its contacts by name (comma separated). ``service-records`` write the type's
key (a business type by its name), the contact and contract by name/number, the logger by user name. Clients add a "Categories" column
(tags, comma separated) and one column per custom field (its name as header). ``payment-plans`` are
the contracts' instalments (client, contract, due date, amount, note). ``referrals`` write the referred
client and the referrer as the clients' "Referred by" column does; ``dossier-notes`` the client, date,
source and text. ``attachments`` (export only, ``exporting.attachments``) list the files kept.

Deleted records (and the records of deleted clients) are left out: they are in the trash, which the
Clients list exports as it shows it.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

from ..errors import ValidationError
from ..importing.fields import KINDS, fields
from ..models import database
from .cells import Column
from .writers import Progress, write_table

LANGS = ("en", "zh_CN")
BATCH = 1000
SKIPPED_KEYS = {
    "clients": {"contact", "contact_first", "contact_last"},
    "contacts": {"name_first", "name_last"},
}
KIND_OF = {"text": "text", "choice": "text", "ref": "text", "date": "date", "datetime": "datetime"}
KIND_OF |= {"money": "money", "int": "int"}

# kind -> (FROM ... WHERE ... clause, ORDER BY, {field key: select expression})
_SOURCES: dict[str, tuple[str, str, dict[str, str]]] = {
    "clients": (
        "client c LEFT JOIN user u ON u.id = c.owner_id LEFT JOIN client_dossier d ON d.client_id = c.id"
        " WHERE c.deleted_at IS NULL",
        "c.name COLLATE NOCASE, c.id",
        {
            "owner": "u.name",
            "referrer": "(SELECT CASE WHEN rc.id IS NOT NULL AND rc.deleted_at IS NULL THEN rc.name"
            " WHEN k.id IS NOT NULL AND k.deleted_at IS NULL AND kc.deleted_at IS NULL"
            " THEN k.name || ' (' || kc.name || ')' END"
            " FROM referral rf LEFT JOIN client rc ON rc.id = rf.referrer_client_id"
            " LEFT JOIN contact k ON k.id = rf.referrer_contact_id LEFT JOIN client kc ON kc.id = k.client_id"
            " WHERE rf.client_id = c.id)",
            "credit_code": "nullif(d.credit_code, '')",
            "legal_representative": "nullif(d.legal_representative, '')",
            "registered_capital_cents": "d.registered_capital_cents",
            "founded_on": "d.founded_on",
            "business_scope": "nullif(d.business_scope, '')",
            "headcount_band": "d.headcount_band",
            "revenue_band": "d.revenue_band",
            "next_contact": "(SELECT min(s.due_at) FROM next_step s WHERE s.client_id = c.id AND s.done = 0)",
        },
    ),
    "contacts": (
        "contact k JOIN client c ON c.id = k.client_id WHERE k.deleted_at IS NULL AND c.deleted_at IS NULL",
        "c.name COLLATE NOCASE, c.id, k.name COLLATE NOCASE, k.id",
        {"client": "c.name"},
    ),
    "follow-ups": (
        "follow_up f JOIN client c ON c.id = f.client_id LEFT JOIN user u ON u.id = f.user_id"
        " LEFT JOIN opportunity o ON o.id = f.opportunity_id AND o.deleted_at IS NULL"
        " WHERE c.deleted_at IS NULL",
        "f.happened_at, f.id",
        {
            "client": "c.name",
            "user": "u.name",
            "opportunity": "o.name",
            "contacts": "(SELECT group_concat(name, ', ') FROM (SELECT k.name FROM follow_up_contact fc"
            " JOIN contact k ON k.id = fc.contact_id WHERE fc.follow_up_id = f.id AND k.deleted_at IS NULL"
            " ORDER BY k.name COLLATE NOCASE, k.id) AS names)",
        },
    ),
    "opportunities": (
        "opportunity o JOIN client c ON c.id = o.client_id LEFT JOIN user u ON u.id = o.owner_id"
        " WHERE o.deleted_at IS NULL AND c.deleted_at IS NULL",
        "c.name COLLATE NOCASE, c.id, o.id",
        {"client": "c.name", "owner": "u.name"},
    ),
    "contracts": (
        "contract t JOIN client c ON c.id = t.client_id LEFT JOIN opportunity o ON o.id = t.opportunity_id"
        " WHERE c.deleted_at IS NULL",
        "t.signed_on, t.id",
        {"client": "c.name", "opportunity": "o.name"},
    ),
    "payment-plans": (
        "payment_instalment i JOIN contract t ON t.id = i.contract_id JOIN client c ON c.id = t.client_id"
        " WHERE c.deleted_at IS NULL",
        "t.signed_on, t.id, i.due_date, i.id",
        {"client": "c.name", "contract": "coalesce(nullif(t.number, ''), t.title)"},
    ),
    "payments": (
        "payment p JOIN contract t ON t.id = p.contract_id JOIN client c ON c.id = t.client_id"
        " WHERE c.deleted_at IS NULL",
        "p.paid_on, p.id",
        {
            "client": "c.name",
            "contract": "coalesce(nullif(t.number, ''), t.title)",
            "instalment": "(SELECT i.due_date FROM payment_instalment i WHERE i.id = p.instalment_id)",
        },
    ),
    "service-records": (
        "service_record r JOIN client c ON c.id = r.client_id"
        " LEFT JOIN contact k ON k.id = r.contact_id AND k.deleted_at IS NULL"
        " LEFT JOIN contract t ON t.id = r.contract_id LEFT JOIN user u ON u.id = r.user_id"
        " WHERE r.deleted_at IS NULL AND c.deleted_at IS NULL",
        "r.created_at, r.id",
        {
            "client": "c.name",
            "contact": "k.name",
            "contract": "coalesce(nullif(t.number, ''), t.title)",
            "user": "u.name",
        },
    ),
    "referrals": (  # a referral whose referrer is in the trash is left out (it cannot be named)
        "referral rf JOIN client c ON c.id = rf.client_id LEFT JOIN client rc ON rc.id = rf.referrer_client_id"
        " LEFT JOIN contact k ON k.id = rf.referrer_contact_id LEFT JOIN client kc ON kc.id = k.client_id"
        " WHERE c.deleted_at IS NULL AND ((rc.id IS NOT NULL AND rc.deleted_at IS NULL)"
        " OR (k.id IS NOT NULL AND k.deleted_at IS NULL AND kc.deleted_at IS NULL))",
        "c.name COLLATE NOCASE, c.id",
        {
            "client": "c.name",
            "referrer": "CASE WHEN rc.id IS NOT NULL THEN rc.name ELSE k.name || ' (' || kc.name || ')' END",
        },
    ),
    "dossier-notes": (
        "dossier_note n JOIN client c ON c.id = n.client_id WHERE c.deleted_at IS NULL",
        "c.name COLLATE NOCASE, c.id, n.noted_on, n.id",
        {"client": "c.name"},
    ),
}
_ALIAS = {"clients": "c", "contacts": "k", "follow-ups": "f", "opportunities": "o", "contracts": "t"}
_ALIAS |= {"payments": "p", "payment-plans": "i", "service-records": "r", "referrals": "rf"}
_ALIAS |= {"dossier-notes": "n"}
# kinds that are exported but not imported (``exporting.attachments``: the files stay in the store)
EXPORT_ONLY = ("attachments",)
EXPORT_KINDS = (*KINDS, *EXPORT_ONLY)
TAGS_HEADER = {"en": "Categories", "zh_CN": "分类"}


def check_kind(kind: Any) -> str:
    if kind not in EXPORT_KINDS:
        raise ValidationError(
            "export.unknown_kind", "kind", kind=str(kind)[:60], kinds=", ".join(EXPORT_KINDS)
        )
    return str(kind)


def check_lang(lang: Any) -> str:
    if lang not in LANGS:
        raise ValidationError("export.unknown_lang", "lang", lang=str(lang)[:20], allowed=", ".join(LANGS))
    return str(lang)


def _custom_fields() -> list[tuple[int, str, str]]:
    sql = "SELECT id, name, kind FROM custom_field_def ORDER BY position, id"
    return [(int(i), str(n), str(k)) for i, n, k in database.execute_sql(sql)]


def columns_and_sql(kind: str, lang: str = "en") -> tuple[list[Column], str, list[str]]:
    """The export's columns, its SELECT, and per column a post-processing tag ('' or 'multi')."""
    check_kind(kind)
    check_lang(lang)
    if kind == "attachments":
        from .attachments import attachment_columns_and_sql

        return attachment_columns_and_sql(lang)
    source, order, special = _SOURCES[kind]
    alias = _ALIAS[kind]
    columns: list[Column] = []
    selects: list[str] = []
    post: list[str] = []
    for spec in fields(kind):
        if spec.key in SKIPPED_KEYS.get(kind, set()) or spec.key == "tags" or spec.key.startswith("custom:"):
            continue  # categories and custom fields follow below
        header = spec.header_zh if lang == "zh_CN" else spec.header_en
        columns.append(Column(spec.key, header, KIND_OF.get(spec.kind, "text")))
        selects.append(special.get(spec.key, f"{alias}.{spec.key}"))
        post.append("service_type" if spec.kind == "service_type" else "")
    if kind == "clients":
        columns.append(Column("tags", TAGS_HEADER[lang]))
        selects.append(
            "(SELECT group_concat(name, ', ') FROM (SELECT t.name FROM client_tag ct JOIN tag t ON t.id = ct.tag_id"
            " WHERE ct.client_id = c.id ORDER BY t.name COLLATE NOCASE) AS names)"
        )
        post.append("")
        for field_id, name, field_kind in _custom_fields():
            column_kind = {"number": "number", "date": "date"}.get(field_kind, "text")
            columns.append(Column(f"custom:{field_id}", name, column_kind))
            value = {"number": "value_number", "date": "value_date"}.get(field_kind, "value_text")
            selects.append(
                f"(SELECT v.{value} FROM custom_field_value v WHERE v.client_id = c.id AND v.field_id = {field_id})"
            )
            post.append("multi" if field_kind == "multi_choice" else "")
    sql = f"SELECT {', '.join(selects)} FROM {source} ORDER BY {order}"
    return columns, sql, post


def count_rows(kind: str) -> int:
    if check_kind(kind) == "attachments":
        from .attachments import SOURCE

        source = SOURCE
    else:
        source = _SOURCES[kind][0]
    return int(database.execute_sql(f"SELECT count(*) FROM {source}").fetchone()[0])


def _multi(value: Any) -> Any:
    if not isinstance(value, str):
        return value
    try:
        items = json.loads(value)
    except ValueError:
        return value
    return ", ".join(str(i) for i in items) if isinstance(items, list) else value


def _type_names() -> dict[str, str]:
    """Service type key -> what the export writes: the key of a built-in type, a business type's name."""
    from ..services.service_records import service_types

    return {t.key: t.name or t.key for t in service_types()}


def iter_rows(sql: str, post: list[str]) -> Iterator[tuple[Any, ...]]:
    cursor = database.execute_sql(sql)
    multi = [i for i, tag in enumerate(post) if tag == "multi"]
    types = [i for i, tag in enumerate(post) if tag == "service_type"]
    names = _type_names() if types else {}
    while batch := cursor.fetchmany(BATCH):
        for row in batch:
            if multi or types:
                values = list(row)
                for i in multi:
                    values[i] = _multi(values[i])
                for i in types:
                    values[i] = names.get(values[i], values[i])
                yield tuple(values)
            else:
                yield row


def export_kind(
    kind: str,
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    encoding: str | None = None,
    lang: str = "en",
    progress: Progress | None = None,
) -> int:
    """Export every live record of ``kind`` to ``path``; the number of rows written."""
    columns, sql, post = columns_and_sql(kind, lang)
    total = count_rows(kind)
    return write_table(
        path,
        columns,
        iter_rows(sql, post),
        fmt=fmt,
        encoding=encoding,
        total=total,
        progress=progress,
        sheet=kind,
    )

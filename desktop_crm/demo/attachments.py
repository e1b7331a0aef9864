"""Demo attachments (slice attach): on the clients with the most follow-ups, an e-mail (``.eml``), a WeChat
chat export, a site photo (PNG), a call recording on the latest follow-up (a short silent WAV: the same
bytes on every client, so the store keeps it once) and a contract scan (PDF) on the latest contract.

The bytes go to the database's file store (``desktop_crm.attachments``), the rows straight into the open
transaction. Deterministic: the files and UUIDs come from a ``random.Random`` seeded from the demo seed.
Bounded (``MAX_CLIENTS``), so the large demo stays fast.
"""

from __future__ import annotations

import io
import random
import struct
import uuid
import wave
import zlib
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime

from ..attachments import kind_of, put_bytes, store_for_database
from ..driver import sqlite3

MAX_CLIENTS = 12
CANDIDATES = 2_000  # clients looked at (by id) to find the busiest
_CHAT = (
    "{me}: 王总您好，上周提到的报价单已经发到您邮箱了，请查收。",
    "{them}: 收到，我们技术部在评估，下周给您回复。",
    "{me}: 好的，如需现场演示随时安排。",
    "{them}: 周三下午可以，来我们二号厂区。",
)


def _png(seed: int) -> bytes:
    """A small gradient image (160x100), different per seed."""
    width, height = 160, 100
    rng = random.Random(seed)
    base = (rng.randrange(40, 200), rng.randrange(40, 200), rng.randrange(40, 200))
    rows = []
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            row += bytes(((base[0] + x) % 256, (base[1] + y) % 256, (base[2] + x + y) % 256))
        rows.append(bytes(row))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows), 9))
        + chunk(b"IEND", b"")
    )


def _wav() -> bytes:
    """One second of silence, 8 kHz mono (a stand-in for a call recording)."""
    out = io.BytesIO()
    with wave.open(out, "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(8000)
        handle.writeframes(b"\x00\x00" * 8000)
    return out.getvalue()


def _pdf(title: str) -> bytes:
    """A one-page PDF with a line of (ASCII) text."""
    text = title.encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 18 Tf 72 720 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    body = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    body += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return body


def _email(client: str, contact: str, me: str, when: datetime) -> bytes:
    return (
        f"From: {me} <sales@example.com>\r\n"
        f"To: {contact} <buyer@example.com>\r\n"
        f"Subject: =?utf-8?b?5oql5Lu356Gu6K6k?=\r\n"
        f"Date: {format_datetime(when.replace(tzinfo=timezone(timedelta(hours=8))))}\r\n"
        "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        f"{contact}您好：\r\n\r\n附件是{client}本次采购的报价单，请确认。\r\n\r\n{me}\r\n"
    ).encode()


def write_attachments(conn: sqlite3.Connection, db_path: str, seed: int, today: date) -> dict[str, int]:
    """Attach demo files to the clients with the most follow-ups; returns the row count."""
    rng = random.Random(f"attachments-{seed}")
    store = store_for_database(db_path)
    # The first clients only, and their follow-ups counted in one pass over the table (the demo writes
    # with its indexes suspended: a count per client would scan the million follow-ups once each).
    clients = conn.execute(
        "WITH first AS (SELECT id FROM client ORDER BY id LIMIT ?), "
        " n AS (SELECT client_id, count(*) AS n FROM follow_up "
        "       WHERE client_id BETWEEN (SELECT min(id) FROM first) AND (SELECT max(id) FROM first) "
        "       GROUP BY client_id) "
        "SELECT c.id, c.uuid, c.name, c.owner_id, COALESCE(u.name, ''), COALESCE(n.n, 0) AS n "
        "FROM client c JOIN first ON first.id = c.id LEFT JOIN n ON n.client_id = c.id "
        "LEFT JOIN user u ON u.id = c.owner_id WHERE c.deleted_at IS NULL "
        "ORDER BY n DESC, c.id LIMIT ?",
        (CANDIDATES, MAX_CLIENTS),
    ).fetchall()
    rows = []
    recording = _wav()
    now = datetime.combine(today, datetime.min.time()).replace(hour=9)
    for index, (client_id, client_uuid, name, owner_id, owner_name, _n) in enumerate(clients):
        contact = conn.execute(
            "SELECT name FROM contact WHERE client_id = ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
            (client_id,),
        ).fetchone()
        them = contact[0] if contact else "客户"
        me = owner_name or "销售"
        when = now - timedelta(days=rng.randrange(2, 60), hours=rng.randrange(0, 6))
        chat = "\n".join(line.format(me=me, them=them) for line in _CHAT) + "\n"
        files: list[tuple[str, str, str, bytes, datetime]] = [
            ("client", client_uuid, f"报价确认-{them}.eml", _email(name, them, me, when), when),
            ("client", client_uuid, f"微信聊天记录-{them}.txt", chat.encode("utf-8"), when),
            ("client", client_uuid, "现场照片.png", _png(seed * 1000 + index), when),
        ]
        follow_up = conn.execute(
            "SELECT uuid, happened_at FROM follow_up WHERE client_id = ? ORDER BY happened_at DESC LIMIT 1",
            (client_id,),
        ).fetchone()
        if follow_up is not None:
            at = datetime.fromisoformat(str(follow_up[1]))
            files.append(("follow_up", follow_up[0], f"通话录音-{at:%Y%m%d}.wav", recording, at))
        contract = conn.execute(
            "SELECT uuid, signed_on, COALESCE(NULLIF(number, ''), 'C-' || id) FROM contract "
            "WHERE client_id = ? ORDER BY signed_on DESC LIMIT 1",
            (client_id,),
        ).fetchone()
        if contract is not None:
            signed = datetime.fromisoformat(str(contract[1])).replace(hour=10)
            files.append(("contract", contract[0], "合同扫描件.pdf", _pdf(f"Contract {contract[2]}"), signed))
        for owner_kind, owner_uuid, file_name, data, created in files:
            stored = put_bytes(data, file_name, store)
            stamp = min(created, now).strftime("%Y-%m-%d %H:%M:%S")
            rows.append(
                (
                    str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    stamp,
                    stamp,
                    client_id,
                    owner_kind,
                    owner_uuid,
                    file_name,
                    kind_of(file_name),
                    stored.size_bytes,
                    stored.sha256,
                    owner_id,
                )
            )
    conn.executemany(
        "INSERT INTO attachment (uuid, created_at, updated_at, deleted_at, client_id, owner_kind, owner_uuid, "
        "file_name, kind, size_bytes, sha256, added_by_id) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return {"attachment": len(rows)}


def db_path_of(db: object) -> str:
    """The file of an open peewee database (``open_database`` records it as ``crm_path``)."""
    return str(getattr(db, "crm_path", None) or getattr(db, "database", ":memory:"))

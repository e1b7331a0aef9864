"""Clients page benchmark on the large data (a script, not collected by pytest).

    .venv/bin/desktop-crm --db /tmp/crm-large.sqlite3 demo --size large   # once
    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/perf/bench_clients.py --db /tmp/crm-large.sqlite3

Measures (offscreen):
- the time to construct, refresh and first paint the Clients page;
- per-keystroke search latency: typing a query one character at a time, each keystroke runs the
  search (the debounce is skipped) and is timed from the model reset to the first paint of the
  visible rows; median and p95 per query, beside the raw-sqlite3 floor: the same id query (the
  SQL ``ClientQuery.ids()`` runs) plus the visible-row fetch, run directly with ``sqlite3``.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

QUERIES = {
    "English": "walker",
    "Chinese, 2 chars": "王伟",
    "Chinese, 3 chars": "新能源",
}
VISIBLE_ROWS = 25


CITIES = [
    "上海",
    "北京",
    "杭州",
    "苏州",
    "宁波",
    "深圳",
    "广州",
    "成都",
    "武汉",
    "南京",
    "天津",
    "西安",
    "无锡",
    "佛山",
    "大连",
]
WORDS = [
    "东方",
    "新能源",
    "亿科",
    "兴业",
    "凯旋",
    "卓越",
    "博瑞",
    "同创",
    "华东",
    "中科",
    "启航",
    "恒达",
    "云帆",
    "精密",
    "鼎盛",
    "瑞丰",
    "信达",
    "宏图",
]
TRADES = ["电子", "软件", "机械", "食品", "纺织", "物流", "包装", "电气", "生物医药", "贸易"]
SUFFIXES = ("有限公司", "股份有限公司", "集团有限公司", "科技有限公司")
EN_WORDS = [
    "Bluewave",
    "Brightpath",
    "Evergreen",
    "Harborview",
    "Ironbridge",
    "Keystone",
    "Oakridge",
    "Redwood",
    "Summit",
    "Pacific",
]
EN_TRADES = ["Logistics", "Packaging", "Trading", "Automation", "Electronics", "Software"]
SURNAMES = [
    "王",
    "李",
    "张",
    "刘",
    "陈",
    "杨",
    "黄",
    "赵",
    "吴",
    "周",
    "徐",
    "孙",
    "马",
    "朱",
    "胡",
    "郭",
    "何",
    "高",
    "林",
    "罗",
]
GIVEN = [
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "涛",
    "明",
    "超",
    "秀英",
    "华",
    "平",
    "刚",
    "桂英",
    "玲",
    "浩",
    "丹",
]
EN_FIRST = ["Anna", "Daniel", "David", "Emily", "James", "Laura", "Michael", "Sarah", "Thomas", "Walker"]
EN_LAST = [
    "Fischer",
    "Reed",
    "Walker",
    "Lambert",
    "Bennett",
    "Collins",
    "Meyer",
    "Schulz",
    "Turner",
    "Hughes",
]


def build_synthetic(path: Path, clients: int = 100_000, seed: int = 7) -> None:
    """100k clients (85% Chinese names), 3 contacts each, 20 owners, 10 tags; raw executemany."""
    from random import Random
    from uuid import UUID

    from desktop_crm.db import close_database, open_database
    from desktop_crm.derived import bulk_mode

    rng = Random(seed)
    conn = open_database(path).connection()
    stamp = "2026-01-01 09:00:00"

    def uid() -> str:
        return str(UUID(int=rng.getrandbits(128)))

    def client_name(i: int) -> str:
        if rng.random() < 0.15:
            return f"{rng.choice(EN_WORDS)} {rng.choice(EN_TRADES)} {i} Ltd."
        return rng.choice(CITIES) + rng.choice(WORDS) + rng.choice(TRADES) + rng.choice(SUFFIXES)

    def person() -> str:
        if rng.random() < 0.15:
            return f"{rng.choice(EN_FIRST)} {rng.choice(EN_LAST)}"
        return rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.5 else "")

    start = time.perf_counter()
    with conn, bulk_mode(conn):
        conn.executemany(
            "INSERT INTO user (id, uuid, created_at, updated_at, name, role, email, phone, active)"
            " VALUES (?, ?, ?, ?, ?, 'salesperson', '', '', 1)",
            [(i, uid(), stamp, stamp, person()) for i in range(1, 21)],
        )
        conn.executemany(
            "INSERT INTO tag (id, uuid, created_at, updated_at, name, color) VALUES (?, ?, ?, ?, ?, '')",
            [(i, uid(), stamp, stamp, f"分类{i}") for i in range(1, 11)],
        )
        rows = []
        for i in range(1, clients + 1):
            contact = f"2026-{rng.randrange(1, 12):02d}-{rng.randrange(1, 28):02d} 10:00:00"
            rows.append(
                (
                    i,
                    uid(),
                    stamp,
                    stamp,
                    client_name(i),
                    rng.choice(("lead", "prospect", "customer", "dormant")),
                    rng.choice(("valuable", "uncertain", "not_valuable")),
                    rng.choice("ABC"),
                    rng.randrange(0, 10**9),
                    rng.randrange(1, 21) if rng.random() < 0.95 else None,
                    rng.choice(TRADES),
                    rng.choice(CITIES),
                    f"1{rng.randrange(10**9, 10**10)}",
                    contact if rng.random() < 0.9 else None,
                )
            )
        conn.executemany(
            "INSERT INTO client (id, uuid, created_at, updated_at, name, short_name, status, value_verdict,"
            " grade, expected_amount_cents, owner_id, source, industry, region, phone, address, website,"
            " notes, last_contact_at) VALUES (?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, '', ?, ?, ?, '', '', '', ?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO contact (uuid, created_at, updated_at, client_id, name, phone, title, department,"
            " email, wechat, stance, influence, tenure, interests, notes)"
            " VALUES (?, ?, ?, ?, ?, ?, '', '', '', '', 'neutral', 'medium', '', '', '')",
            [
                (uid(), stamp, stamp, c, person(), f"1{rng.randrange(10**9, 10**10)}")
                for c in range(1, clients + 1)
                for _ in range(3)
            ],
        )
        conn.executemany(
            "INSERT INTO client_tag (uuid, created_at, updated_at, client_id, tag_id) VALUES (?, ?, ?, ?, ?)",
            [(uid(), stamp, stamp, c, rng.randrange(1, 11)) for c in range(1, clients + 1, 3)],
        )
    close_database()
    print(f"built {clients:,} synthetic clients in {time.perf_counter() - start:.1f} s: {path}")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def raw_floor(conn: sqlite3.Connection, prefix: str, columns: list[str]) -> float:
    """Milliseconds to run the list's id query and fetch the visible rows with plain sqlite3."""
    from desktop_crm.client_list import ClientFilter, ClientQuery, column_expr, where_clause

    query = ClientQuery(ClientFilter(search=prefix))
    where, params = where_clause(query.filter)
    ids_sql = f"SELECT client.id FROM {query._from()} WHERE {where} ORDER BY {query._order()}"
    selects = ", ".join(column_expr(key)[0] for key in columns)
    start = time.perf_counter()
    ids = [row[0] for row in conn.execute(ids_sql, params)]
    page = ids[:VISIBLE_ROWS]
    if page:
        marks = ", ".join("?" for _ in page)
        rows_sql = (
            f"SELECT client.id, {selects} FROM client"
            f" LEFT JOIN user AS owner_user ON owner_user.id = client.owner_id WHERE client.id IN ({marks})"
        )
        conn.execute(rows_sql, page).fetchall()
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="/tmp/crm-large.sqlite3")
    parser.add_argument("--rounds", type=int, default=7, help="times each query is typed")
    parser.add_argument("--lang", default="en")
    parser.add_argument(
        "--synthetic", action="store_true", help="build synthetic 100k clients if --db is missing"
    )
    args = parser.parse_args()
    if args.synthetic and not Path(args.db).exists():
        build_synthetic(Path(args.db))
    if not Path(args.db).exists():
        print(f"no database at {args.db}; create it with: desktop-crm --db {args.db} demo --size large")
        return 2

    from PySide6.QtWidgets import QApplication

    from desktop_crm.db import open_database
    from ui.i18n import install_translators

    app = QApplication(sys.argv[:1])
    install_translators(app, args.lang)
    open_database(args.db)
    from ui.pages.clients import ClientsPage

    start = time.perf_counter()
    page = ClientsPage()
    page.resize(1070, 740)
    page.show()
    page.refresh()
    page.list_view.table.viewport().repaint()
    app.processEvents()
    shown_ms = (time.perf_counter() - start) * 1000
    view = page.list_view
    print(f"database: {args.db}  clients: {page.model.rowCount():,}")
    print(f"show Clients page (construct + refresh + first paint): {shown_ms:.0f} ms")

    columns = page.model.columns
    floor_conn = sqlite3.connect(args.db)  # one warm connection, like the application's
    t0 = time.perf_counter()
    view.search_edit.setText("w")
    view.apply_filter()
    view.table.viewport().repaint()
    print(
        f"first keystroke (loads the in-memory search texts once): {(time.perf_counter() - t0) * 1000:.0f} ms"
    )
    view.search_edit.setText("")
    view.apply_filter()
    print(
        f"\n{'query':<18}{'keystrokes':>11}{'median':>9}{'p95':>9}{'floor med':>11}{'floor p95':>11}{'ratio':>7}"
    )
    worst_p95 = 0.0
    for label, text in QUERIES.items():
        gui: list[float] = []
        floor: list[float] = []
        for _round in range(args.rounds):
            for n in range(1, len(text) + 1):
                prefix = text[:n]
                t0 = time.perf_counter()
                view.search_edit.blockSignals(True)
                view.search_edit.setText(prefix)
                view.search_edit.blockSignals(False)
                view.apply_filter()
                view.table.viewport().repaint()
                gui.append((time.perf_counter() - t0) * 1000)
                floor.append(raw_floor(floor_conn, prefix, columns))
            view.search_edit.setText("")
            view.apply_filter()
        med, p95 = statistics.median(gui), percentile(gui, 0.95)
        fmed, fp95 = statistics.median(floor), percentile(floor, 0.95)
        worst_p95 = max(worst_p95, p95)
        print(
            f"{label + ' ' + repr(text):<18}{len(gui):>11}{med:>8.1f}ms{p95:>7.1f}ms"
            f"{fmed:>9.1f}ms{fp95:>9.1f}ms{med / fmed if fmed else 0:>6.2f}x"
        )
        view.search_edit.setText(text)
        view.apply_filter()
        print(f"    '{text}' → {page.model.rowCount():,} matches")
    print(f"\ntarget p95 <= 30 ms: {'met' if worst_p95 <= 30 else 'NOT met'} (worst p95 {worst_p95:.1f} ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

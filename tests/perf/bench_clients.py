"""Clients page benchmark on the large data (a script, not collected by pytest).

    .venv/bin/desktop-crm --db /tmp/crm-large.sqlite3 demo --size large   # once
    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/perf/bench_clients.py --db /tmp/crm-large.sqlite3

Measures (offscreen), each figure beside its floor taken in the same run:
- opening the Clients list: the GUI thread's time in refresh() (the ids are read on the worker), the
  time until the rows are painted, and the floor: the bare id query with plain ``sqlite3``;
- every sort (each column, both directions): the ids read by ``ClientQuery.ids()`` (what the worker
  runs), beside the floor ``SELECT id FROM client WHERE deleted_at IS NULL`` (no order at all);
- the search index: loaded on the worker after the open (its time; the GUI never waits for it), then
  built again in the main thread (median of 5), with its phone part (``_PhoneIndex``: the runs of
  phone characters in the words, the index's build time, size and peak allocation);
- per-keystroke search latency: a query typed one character at a time, each keystroke runs the
  search (the debounce is skipped) and is timed to the paint of the visible rows; median and p95 per
  kind (English, 2- and 3-character Chinese, phone fragments), the search's own share of it (``srch``:
  ``OrderedSearch.matching`` timed inside the keystroke), beside two floors: the same search as raw SQL
  with ``sqlite3`` (FTS5 trigram / LIKE, plus the visible rows), and a plain Python filter over the
  in-memory texts (``term in text`` for every client). The typed phone keystrokes are also given per
  fragment length (1, 2, 3, 4, 5+ characters), and phone fragments of 1 to 4 digits and a whole number
  are searched from an empty box (nothing to narrow from: every row is looked at), after the work the
  clearing left has settled.

Cyclic garbage collection runs on a GUI-thread timer, as in the application (``ui.gui_gc``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from desktop_crm.driver import sqlite3

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

QUERIES = {
    "English": "walker",
    "Chinese, 2 chars": "王伟",
    "Chinese, 3 chars": "新能源",
    "phone fragment": "1371618",
    "phone, dashes": "020-2188",
}
# Searched from an empty box, several fragments per length (the whole number is taken from the data).
PHONE_FRAGMENTS = {
    "phone, 1 digit": ["5", "0", "8", "3"],
    "phone, 2 digits": ["37", "05", "88", "16"],
    "phone, 3 digits": ["371", "052", "889", "160"],
    "phone, 4 digits": ["3716", "0521", "8890", "1604"],
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


def _median_ms(fn: object, rounds: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(rounds):
        t0 = time.perf_counter()
        result = fn()  # type: ignore[operator]
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def python_floor(texts: list[str], prefix: str) -> float:
    """Milliseconds for a plain Python filter: every term a substring of every client's text."""
    terms = [t.casefold() for t in prefix.split()]
    start = time.perf_counter()
    _ = [i for i, body in enumerate(texts) if all(t in body for t in terms)]
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

    from desktop_crm.client_list import BASE_COLUMNS, ClientFilter, ClientQuery, sort_is_indexed
    from desktop_crm.db import open_database
    from desktop_crm.models import database
    from ui.gui_gc import install_gui_thread_collector
    from ui.i18n import install_translators

    app = QApplication(sys.argv[:1])
    install_translators(app, args.lang)
    install_gui_thread_collector(app)  # as the application: cyclic collections between events, on a timer
    open_database(args.db)
    from ui.pages.clients import ClientsPage

    floor_conn = sqlite3.connect(args.db)  # one warm connection, like the application's
    load = os.getloadavg()
    print(f"database: {args.db}   load average at start: {load[0]:.2f} {load[1]:.2f} (2 cores)")

    def wait(condition: object, timeout: float = 30.0) -> None:
        end = time.perf_counter() + timeout
        while not condition() and time.perf_counter() < end:  # type: ignore[operator]
            app.processEvents()
            time.sleep(0.0005)

    page = ClientsPage()
    page.resize(1070, 740)
    page.show()
    app.processEvents()
    view = page.list_view
    model = page.model
    t0 = time.perf_counter()
    page.refresh()
    gui_ms = (time.perf_counter() - t0) * 1000
    wait(lambda: model.loaded_once and not model.loading)
    view.table.viewport().repaint()
    open_ms = (time.perf_counter() - t0) * 1000
    floor_open, _ = _median_ms(
        lambda: floor_conn.execute(
            "SELECT id FROM client WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id"
        ).fetchall(),
        5,
    )
    print(f"clients: {model.rowCount():,}")
    print(
        f"open Clients: GUI thread {gui_ms:.0f} ms; rows painted after {open_ms:.0f} ms"
        f"  (floor: the id query in sqlite3 {floor_open:.0f} ms)"
    )
    t0 = time.perf_counter()
    wait(lambda: model._memo is not None, 60)
    print(f"search texts loaded on the worker {(time.perf_counter() - t0) * 1000:.0f} ms after the rows")

    floor_ms, _ = _median_ms(
        lambda: floor_conn.execute("SELECT id FROM client WHERE deleted_at IS NULL").fetchall(), 5
    )
    print(
        f"\nsort (ClientQuery.ids, median of 3)      asc      desc   floor (unordered ids) {floor_ms:.0f} ms"
    )
    for key in BASE_COLUMNS:
        if key == "deleted_at":
            continue
        asc, _ = _median_ms(lambda k=key: ClientQuery(ClientFilter(), k, False).ids(), 3)
        desc, _ = _median_ms(lambda k=key: ClientQuery(ClientFilter(), k, True).ids(), 3)
        how = "index" if sort_is_indexed(key) else "worker"
        flag = "" if max(asc, desc) <= 50 else "  > 50 ms"
        print(f"  {key:<24}{how:<8}{asc:>7.0f} ms{desc:>7.0f} ms{flag}")

    import tracemalloc

    from desktop_crm import search

    memo_ms, _ = _median_ms(lambda: search.SearchMemo(database.connection()), 5)
    print(f"search index built again in the main thread (median of 5): {memo_ms:.0f} ms")
    memo = model._memo
    if memo is not None:
        split = [
            search._split_text(body.casefold())
            for (body,) in floor_conn.execute("SELECT body FROM client_search ORDER BY client_id")
        ]
        words, phones = [w for w, _p in split], [p for _w, p in split]
        del split
        runs_ms, made = _median_ms(lambda: search._signatures_and_runs(words), 5)
        runs = made[1]  # type: ignore[index]
        index_ms, index = _median_ms(lambda: search._PhoneIndex(phones, runs), 5)
        tracemalloc.start()
        search._PhoneIndex(phones, runs)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        size = sum(getattr(index, name).nbytes for name in ("text", "starts", "owners", "pairs"))
        print(
            f"  of which the signatures with the runs of phone characters in the words {runs_ms:.0f} ms,"
            f" the phone index {index_ms:.0f} ms: {size / 2**20:.1f} MiB"
            f" ({len(index.text):,} bytes of phone text), peak {peak / 2**20:.1f} MiB while building"  # type: ignore[attr-defined]
        )
        joined = memo._words
        print(
            f"  the words of {len(joined):,} clients kept joined: {sys.getsizeof(joined.text) / 2**20:.1f} MiB"
            f" (a string per client: {sum(map(sys.getsizeof, words)) / 2**20:.1f} MiB)"
        )
        del words, phones

    texts = [body.casefold() for (body,) in floor_conn.execute("SELECT body FROM client_search")]
    columns = page.model.columns

    # The search's own share of a keystroke: OrderedSearch.matching timed inside it.
    searching: list[float] = []
    plain_matching = search.OrderedSearch.matching

    def timed_matching(self: search.OrderedSearch, query: str) -> list[int]:
        t0 = time.perf_counter()
        try:
            return plain_matching(self, query)
        finally:
            searching.append((time.perf_counter() - t0) * 1000)

    search.OrderedSearch.matching = timed_matching  # type: ignore[method-assign]
    spent: list[float] = []

    def keystroke(prefix: str) -> float:
        searching.clear()
        t0 = time.perf_counter()
        view.search_edit.blockSignals(True)
        view.search_edit.setText(prefix)
        view.search_edit.blockSignals(False)
        view.apply_filter()
        view.table.viewport().repaint()
        spent.append(sum(searching))
        return (time.perf_counter() - t0) * 1000

    def clear() -> None:
        view.search_edit.setText("")
        view.apply_filter()

    def settle() -> None:
        """Let the work a keystroke leaves behind (reads, timers) finish before the next one is timed."""
        wait(lambda: not model.loading)
        end = time.perf_counter() + 0.2
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.002)

    worst_p95 = 0.0

    def report(
        label: str, gui: list[float], inside: list[float], floor: list[float], pyfloor: list[float]
    ) -> None:
        nonlocal worst_p95
        med, p95 = statistics.median(gui), percentile(gui, 0.95)
        worst_p95 = max(worst_p95, p95)
        print(
            f"{label:<30}{len(gui):>5}{med:>7.1f}ms{p95:>7.1f}ms"
            f"{statistics.median(inside):>7.1f}ms{percentile(inside, 0.95):>7.1f}ms"
            f"{statistics.median(floor):>7.1f}ms{percentile(floor, 0.95):>7.1f}ms"
            f"{statistics.median(pyfloor):>7.1f}ms{percentile(pyfloor, 0.95):>7.1f}ms"
        )

    header = (
        f"{'keys':>5}{'median':>9}{'p95':>9}{'srch med':>9}{'srch p95':>9}{'SQL med':>9}{'SQL p95':>9}"
        f"{'py med':>9}{'py p95':>9}"
    )
    print(f"\n{'query typed':<30}{header}")
    by_length: dict[str, tuple[list[float], list[float], list[float], list[float]]] = {}
    for label, text in QUERIES.items():
        gui: list[float] = []
        floor: list[float] = []
        pyfloor: list[float] = []
        spent.clear()
        phone = set(text) <= set("0123456789+-.()")
        for _round in range(args.rounds):
            for n in range(1, len(text) + 1):
                prefix = text[:n]
                gui.append(keystroke(prefix))
                floor.append(raw_floor(floor_conn, prefix, columns))
                pyfloor.append(python_floor(texts, prefix))
                if phone:
                    kind = f"  {min(n, 5)}{'+' if n >= 5 else ''} character{'s' if n > 1 else ''}"
                    for into, value in zip(
                        by_length.setdefault(kind, ([], [], [], [])),
                        (gui, spent, floor, pyfloor),
                        strict=True,
                    ):
                        into.append(value[-1])
            clear()
        report(f"{label} {text!r}", gui, spent, floor, pyfloor)
        view.search_edit.setText(text)
        view.apply_filter()
        wait(lambda: not model.loading)
        print(f"    '{text}' → {page.model.rowCount():,} matches")
    print("phone keystrokes above by the length typed:")
    for kind in sorted(by_length):
        report(kind, *by_length[kind])

    number = floor_conn.execute(
        "SELECT phone FROM contact WHERE deleted_at IS NULL AND phone != '' ORDER BY id LIMIT 1"
    ).fetchone()
    fragments = dict(PHONE_FRAGMENTS)
    if number:
        fragments["phone, whole number"] = [number[0]]
    print(f"\n{'searched from an empty box':<30}{header}")
    for label, terms in fragments.items():
        gui, floor, pyfloor = [], [], []
        spent.clear()
        matches: dict[str, int] = {}
        for _round in range(args.rounds):
            for term in terms:
                clear()
                settle()
                gui.append(keystroke(term))
                matches[term] = page.model.rowCount()
                floor.append(raw_floor(floor_conn, term, columns))
                pyfloor.append(python_floor(texts, term))
        report(label, gui, spent, floor, pyfloor)
        print("    " + ", ".join(f"'{term}' → {count:,}" for term, count in matches.items()) + " matches")
    clear()
    search.OrderedSearch.matching = plain_matching  # type: ignore[method-assign]
    load = os.getloadavg()
    print(f"\ntarget p95 <= 30 ms: {'met' if worst_p95 <= 30 else 'NOT met'} (worst p95 {worst_p95:.1f} ms)")
    print(f"load average at the end: {load[0]:.2f} {load[1]:.2f}")
    from ui.tasks import stop_default_worker

    page.close()
    stop_default_worker()  # else the worker thread is still running when Python exits (an abort)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

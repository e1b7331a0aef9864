"""What the property tests throw at the services, a small world to throw it at, and the one rule they check.

The rule: a service called with anything either succeeds or raises a ``CrmError`` (``ValidationError`` /
``NotFoundError``), never another exception, and a refused call leaves the database exactly as it was
(a digest of the whole dump before and after).

The examples per test are few (the normal suite runs them); ``HYPOTHESIS_PROFILE=fuzz`` runs many more
with a random seed: ``HYPOTHESIS_PROFILE=fuzz .venv/bin/python -m pytest -q tests/core/properties``.
"""

from __future__ import annotations

import hashlib
import math
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta, timezone
from decimal import Decimal
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from desktop_crm.errors import CrmError
from desktop_crm.models import database

settings.register_profile(
    "suite",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "12")),
    deadline=None,
    database=None,
    derandomize=True,  # the normal suite is reproducible; the fuzz profile explores
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "400")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

# --- values ------------------------------------------------------------------------------------------

NASTY_TEXT = [
    "",
    " ",
    "   \t ",
    "a\ud800b",  # a lone surrogate: cannot be stored as UTF-8
    "\udfff",
    "\ud83d",  # half of an emoji
    "\x00",
    "a\x00b",
    "a\nb",
    "\r\n",
    "a\tb",
    "\x1b[31mred\x1b[0m",
    "\x7f",
    "\u0085",
    "\u202eevil",
    "\u200b",
    "\ufeff",
    "王小明",
    "北京科技有限公司",
    "😀👍🏽",
    "e\u0301",
    "  padded  ",
    "O'Brien; DROP TABLE client;--",
    "%s %d {0} {name}",
    "12345",
    "-1",
    "2026-02-30",
    "2026-03-01",
    "nan",
]
LENGTHS = [49, 50, 51, 99, 100, 101, 199, 200, 201, 300, 301, 1000, 1001, 2000, 2001, 100_000, 100_001]
EXTREME_INTS = [
    -1,
    0,
    1,
    2,
    3,
    2**31,
    2**53 + 1,
    2**63 - 1,
    2**63,
    -(2**63),
    -(2**63) - 1,
    10**15,
    10**15 + 1,
    10**400,
    -(10**400),
]

texts = st.one_of(
    st.sampled_from(NASTY_TEXT),
    st.text(max_size=30),
    st.text(st.characters(categories=["L", "N", "P", "Zs", "Cc", "Cs", "So"]), max_size=20),
    st.builds(lambda ch, n: ch * n, st.sampled_from(["x", "长", "😀"]), st.sampled_from(LENGTHS)),
)
ints = st.one_of(st.integers(-2, 8), st.sampled_from(EXTREME_INTS), st.integers())
floats = st.one_of(
    st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 0.5, 1e308, 2.0**63, 1e-300]),
    st.floats(allow_nan=True, allow_infinity=True),
)
date_texts = st.sampled_from(
    [
        "2026-03-01",
        "2026-02-30",
        "2026-13-01",
        "0001-01-01",
        "9999-12-31",
        "1899-12-31",
        "2101-01-01",
        "2026-03-01T10:00",
        "2026-03-01T25:00",
        "2026-03-01 10:00:00+14:00",
        "20260301",
        "tomorrow",
        "",
        " ",
    ]
)
dates = st.one_of(st.dates(), st.sampled_from([date(1900, 1, 1), date(2100, 12, 31)]), date_texts)
datetimes = st.one_of(
    st.datetimes(),
    st.datetimes(timezones=st.just(None) | st.just(timezone(timedelta(hours=8)))),
    dates,
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    ints,
    floats,
    texts,
    st.binary(max_size=6),
    st.dates(),
    st.datetimes(),
    st.just(Decimal("NaN")),
    st.just(1 + 2j),
    st.just(object()),
    st.just(timedelta(days=1)),
)
anything = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.frozensets(st.one_of(ints, texts), max_size=3),
        st.dictionaries(st.one_of(texts, ints), inner, max_size=4),
    ),
    max_leaves=8,
)


def deep(n: int) -> Any:
    """A list nested ``n`` deep (to reach recursion limits of JSON encoders)."""
    value: Any = []
    for _ in range(n):
        value = [value]
    return value


deep_values = st.sampled_from([deep(50), deep(5000)])


def ids(*valid: int) -> st.SearchStrategy[Any]:
    """A record reference: mostly small ids (some exist), huge and negative ones, and anything."""
    small = st.sampled_from(valid) if valid else st.integers(1, 6)
    return st.one_of(small, st.integers(-1, 12), ints, anything)


def of(*plausible: Any) -> st.SearchStrategy[Any]:
    """One of these plausible values, or anything."""
    return st.one_of(st.sampled_from(plausible), anything)


text_or_any = st.one_of(texts, anything)
int_or_any = st.one_of(ints, anything)
date_or_any = st.one_of(dates, anything)
datetime_or_any = st.one_of(datetimes, anything)
number_or_any = st.one_of(ints, floats, anything)
cents_or_any = st.one_of(st.integers(-5, 10**6), st.sampled_from(EXTREME_INTS), floats, anything)


def lists_of(item: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.lists(item, max_size=4), st.tuples(item), st.frozensets(ints, max_size=3), anything)


def _hashable(value: Any) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def dicts_of(keys: st.SearchStrategy[Any], values: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.dictionaries(keys.filter(_hashable), values, max_size=4), anything)


# --- the rule ----------------------------------------------------------------------------------------


def digest() -> str:
    """A digest of the whole database (schema and rows)."""
    conn = database.connection()
    hasher = hashlib.sha256()
    schema = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    hasher.update(repr(schema).encode("utf-8", "surrogatepass"))
    for kind, name, sql in schema:
        if kind != "table" or name.startswith("sqlite_") or "VIRTUAL" in (sql or "").upper():
            continue
        for text in sorted(repr(row) for row in conn.execute(f'SELECT * FROM "{name}"')):
            hasher.update(text.encode("utf-8", "surrogatepass"))
    return hasher.hexdigest()


@dataclass
class Outcome:
    value: Any = None
    error: CrmError | None = None


def call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Outcome:
    """Call a service: success, or a ``CrmError`` that left the database unchanged. Any other exception
    propagates and fails the test."""
    before = digest()
    try:
        value = fn(*args, **kwargs)
    except CrmError as exc:
        assert not database.in_transaction(), f"{fn.__name__} left a transaction open"
        assert digest() == before, f"{fn.__name__} refused ({exc}) but changed the database"
        assert str(exc).strip(), f"{fn.__name__} refused with an empty message"
        return Outcome(error=exc)
    assert not database.in_transaction(), f"{fn.__name__} left a transaction open"
    return Outcome(value=value)

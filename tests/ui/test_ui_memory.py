"""ui.memory: one malloc arena and freed memory given back, on glibc; nothing (and False) elsewhere."""

from __future__ import annotations

import platform
import sys
from pathlib import Path

import pytest

from ui.memory import limit_malloc_arenas, release_free_memory

GLIBC = sys.platform.startswith("linux") and platform.libc_ver()[0] == "glibc"


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not GLIBC, reason="glibc's malloc only")
def test_release_gives_the_pages_of_freed_chunks_back() -> None:
    # 4 KiB blocks (malloc, not Python's small-object allocator), then all freed but one at the top:
    # glibc keeps the freed ones resident (they are below a live chunk) until malloc_trim
    blocks = [bytes(4096) for _ in range(20_000)]
    top = bytes(4096)
    del blocks
    before = _rss_kb()
    assert release_free_memory() is True
    after = _rss_kb()
    assert before - after > 40_000, (before, after)  # of the 80 MB freed, most given back
    assert top


@pytest.mark.skipif(not GLIBC, reason="glibc's malloc only")
def test_arenas_are_limited_on_glibc() -> None:
    assert limit_malloc_arenas() is True


@pytest.mark.skipif(GLIBC, reason="elsewhere than glibc")
def test_nothing_to_do_elsewhere() -> None:
    assert limit_malloc_arenas() is False
    assert release_free_memory() is False

"""Where a GUI-thread stall went: with ``BENCH_STALL_TRACE=1`` the window benchmarks' heartbeat
(``heartbeat.Heartbeat``) samples the GUI thread's stack every millisecond on a thread of its own and,
after each gap over ``THRESHOLD_S``, prints to stderr the stacks seen during it (the most frequent first)
and what the other threads were doing when the sampler itself came late (another thread held the
interpreter lock). A diagnostic: the sampler takes turns at the interpreter lock too, so figures measured
with it on are not the benchmark's."""

from __future__ import annotations

import collections
import os
import sys
import threading
import time
from types import FrameType

THRESHOLD_S = 0.035
DEPTH = 14


def _stack(frame: FrameType | None) -> list[str]:
    out: list[str] = []
    while frame is not None and len(out) < DEPTH:
        code = frame.f_code
        out.append(f"{os.path.basename(code.co_filename)}:{frame.f_lineno}:{code.co_name}")
        frame = frame.f_back
    return out


class StallTrace:
    def __init__(self) -> None:
        self.main = threading.main_thread().ident
        self.samples: collections.deque[tuple[float, float, list[str], dict[int, list[str]]]] = (
            collections.deque(maxlen=20_000)
        )
        self.thread = threading.Thread(target=self._run, daemon=True, name="stall-trace")
        self.thread.start()

    def _run(self) -> None:
        last = time.perf_counter()
        own = threading.get_ident()
        while True:
            time.sleep(0.001)
            now = time.perf_counter()
            frames = sys._current_frames()
            main = _stack(frames.get(self.main)) if self.main is not None else []
            others = {tid: _stack(f)[:3] for tid, f in frames.items() if tid not in (self.main, own)}
            # No frame kept past this turn: a frame keeps its locals (Qt wrappers among them) alive.
            del frames
            self.samples.append((now, now - last, main, others))
            last = now

    def report(self, start: float, end: float) -> None:
        rows = [s for s in list(self.samples) if start <= s[0] <= end + 0.002]
        counts = collections.Counter(" < ".join(s[2][:8]) for s in rows)
        print(f"--- gap {1000 * (end - start):.0f} ms, {len(rows)} samples", file=sys.stderr)
        for stack, n in counts.most_common(6):
            print(f"  {n:4d}  {stack}", file=sys.stderr)
        for s in [s for s in rows if s[1] > 0.008][:5]:
            print(f"  sampler late {1000 * s[1]:.0f} ms; others: {s[3]}; main {s[2][:4]}", file=sys.stderr)

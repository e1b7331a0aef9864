"""Deterministic demo data: a small first-launch data set and a large one for benchmarks.

``generate_demo(db, size="small", seed=0, today=None, progress=None) -> DemoSummary``; see
``generate.generate_demo``. Same (size, seed, today) → byte-identical tables, UUIDs and timestamps included.
"""

from .generate import DemoSummary, generate_demo
from .plan import SIZES

__all__ = ["SIZES", "DemoSummary", "generate_demo"]

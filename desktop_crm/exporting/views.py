"""Views other than the Clients list, exported as they are filtered: the pipeline board.

``export_pipeline(flt, path, headers=..., stage_labels=...)`` writes every open opportunity the board
counts under ``flt`` (``desktop_crm.pipeline.PipelineFilter``: owner and date range), not only the cards
a column shows: stage by stage in board order, largest expected amount first (the board's order), with
the weighted amount (expected amount × probability, to the cent) the board sums.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import Any

from ..models.enums import OPEN_STAGES
from ..pipeline import PipelineFilter, column_cards, stage_totals
from .cells import Column
from .writers import Progress, write_table

PIPELINE_COLUMNS = (
    ("stage", "Stage", "text"),
    ("client", "Client", "text"),
    ("name", "Opportunity", "text"),
    ("owner", "Owner", "text"),
    ("amount", "Expected amount", "money"),
    ("probability", "Probability", "int"),
    ("weighted", "Weighted amount", "money"),
    ("expected_close", "Expected close date", "date"),
)
_ALL = 1 << 62


def pipeline_rows(
    flt: PipelineFilter, stage_labels: Mapping[str, str] | None = None
) -> Iterator[tuple[Any, ...]]:
    labels = stage_labels or {}
    for stage in OPEN_STAGES:
        for card in column_cards(stage, flt, _ALL):
            weighted = (card.amount_cents * card.probability + 50) // 100
            yield (
                labels.get(stage, stage),
                card.client_name,
                card.name,
                card.owner_name,
                card.amount_cents,
                card.probability,
                weighted,
                card.expected_close,
            )


def export_pipeline(
    flt: PipelineFilter,
    path: str | os.PathLike[str],
    *,
    headers: Mapping[str, str] | None = None,
    stage_labels: Mapping[str, str] | None = None,
    fmt: str | None = None,
    encoding: str | None = None,
    progress: Progress | None = None,
) -> int:
    """The board's open opportunities under ``flt``; the number of rows written."""
    names = headers or {}
    columns = [Column(key, names.get(key, header), kind) for key, header, kind in PIPELINE_COLUMNS]
    total = sum(t.count for t in stage_totals(flt))
    rows = pipeline_rows(flt, stage_labels)
    return write_table(
        path, columns, rows, fmt=fmt, encoding=encoding, total=total, progress=progress, sheet="Pipeline"
    )

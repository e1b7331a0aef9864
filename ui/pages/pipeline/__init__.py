"""The Pipeline page: stage columns with counts, amounts and weighted amounts."""

from __future__ import annotations

from .page import PipelinePage

__all__ = ["PipelinePage"]

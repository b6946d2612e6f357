"""The switch the small-input path's equivalence tests flip (see :mod:`xmqc_kpi._small`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from xmqc_kpi import _small


@contextmanager
def batch_path() -> Iterator[None]:
    """Every input, however few its rows, through the batch (column) path."""
    small = _small.ROWS
    _small.ROWS = -1
    try:
        yield
    finally:
        _small.ROWS = small

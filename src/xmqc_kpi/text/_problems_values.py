"""Problem wording for values and units: units, periods, regions, signs, aggregation."""

from __future__ import annotations

from ._words import Words

__all__ = ["ENTRIES"]

ENTRIES: dict[str, Words] = {}

"""Problem wording: values and units in frames: units, periods, regions, signs, part-of-whole, aggregation (owned by panel, units, aggregate)."""

from __future__ import annotations

from ._words import Words

__all__ = ["ENTRIES"]

ENTRIES: dict[str, Words] = {}

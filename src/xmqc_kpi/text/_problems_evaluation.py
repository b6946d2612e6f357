"""Problem wording: evaluate()'s own arguments: benchmarks, peers, as_of (owned by the engine)."""

from __future__ import annotations

from ._words import Words

__all__ = ["ENTRIES"]

ENTRIES: dict[str, Words] = {}

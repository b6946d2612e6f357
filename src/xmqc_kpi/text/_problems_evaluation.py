"""Problem wording for the arguments of evaluate(): benchmarks, peers, as_of (engine)."""

from __future__ import annotations

from ._words import Words

__all__ = ["ENTRIES"]

ENTRIES: dict[str, Words] = {}

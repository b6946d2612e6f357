"""Problem wording for files as read: structure, headers, cells, budgets (readers)."""

from __future__ import annotations

from ._words import Words

__all__ = ["ENTRIES"]

ENTRIES: dict[str, Words] = {}

"""Problem wording: files as read: CSV, XLSX, JSON and Parquet structure, headers, cells, budgets (owned by the readers)."""

from __future__ import annotations

from ._words import Words

__all__ = ["ENTRIES"]

ENTRIES: dict[str, Words] = {}

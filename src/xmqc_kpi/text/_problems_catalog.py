"""Problem wording for catalog files and declarations (catalogs)."""

from __future__ import annotations

from ._words import Words

__all__ = ["ENTRIES"]

ENTRIES: dict[str, Words] = {}

"""A wording table seen in one language, its keys read as attributes: ``labels.title``.

>>> from xmqc_kpi.text.reports import THRESHOLD_LABELS
>>> labels = Labels(THRESHOLD_LABELS, "en")
>>> labels.title.startswith("Threshold report"), labels.lang
(True, 'en')
>>> labels.no_such_label
Traceback (most recent call last):
AttributeError: no wording 'no_such_label' in the threshold report label table
"""

from __future__ import annotations

from typing import Any

from ..text import Language, WordTable

__all__ = ["Labels"]


class Labels:
    """The entries of a :class:`~xmqc_kpi.text.WordTable` in one language, as attributes."""

    __slots__ = ("_source", "lang")

    def __init__(self, table: WordTable, lang: Language) -> None:
        self._source = table
        self.lang: Language = lang

    def __getattr__(self, key: str) -> str:
        if key.startswith("__") or key not in self._source:
            raise AttributeError(f"no wording {key!r} in the {self._source.name} table")
        return self._source.say(key, self.lang)

    def say(self, key: str, /, **fields: Any) -> str:
        """The entry ``key`` with its fields filled."""
        return self._source.say(key, self.lang, **fields)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Labels):
            return NotImplemented
        return self._source is other._source and self.lang == other.lang

    def __hash__(self) -> int:
        return hash((id(self._source), self.lang))

    def __repr__(self) -> str:
        return f"Labels({self._source.name!r}, {self.lang!r})"

"""Wording as data: each entry holds its Chinese and its English side by side.

A :class:`Words` is one template in both languages, filled with :meth:`str.format` fields; a
:class:`WordTable` maps keys (a reason, a threshold kind, a status, a unit, a message code) to
words and refuses an entry that lacks a language, so no key can be worded in one language only.

>>> MET = Words(zh="达标", en="met")
>>> MET("zh"), MET("en")
('达标', 'met')
>>> table = WordTable("greeting", {"hello": Words(zh="你好，{name}", en="Hello, {name}")})
>>> table.say("hello", "en", name="Li")
'Hello, Li'
>>> table.say("bye", "zh")
Traceback (most recent call last):
KeyError: "no wording 'bye' in the greeting table"
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from ._language import LANGUAGES, Language, resolve_language

__all__ = ["WordTable", "Words"]


@dataclass(frozen=True, slots=True)
class Words:
    """One piece of wording in both languages; ``{name}`` fields are filled when it is said."""

    #: The Chinese wording (full-width punctuation, GB/T 15834).
    zh: str
    #: The English wording.
    en: str

    def __post_init__(self) -> None:
        for lang in LANGUAGES:
            if not isinstance(getattr(self, lang), str):
                raise TypeError(f"Words.{lang} must be a string")

    def template(self, lang: str | None = None) -> str:
        """The unfilled template in ``lang`` (default: the active language)."""
        text: str = getattr(self, resolve_language(lang))
        return text

    def __call__(self, lang: str | None = None, /, **fields: Any) -> str:
        """The wording in ``lang``, its fields filled from ``fields``."""
        text = self.template(lang)
        return text.format(**fields) if fields else text


class WordTable(Mapping[str, Words]):
    """A table of :class:`Words` by key, every entry in every language.

    Entries are never changed or removed; a registered threshold kind may :meth:`add` its own.
    """

    __slots__ = ("_entries", "name")

    def __init__(self, name: str, entries: Mapping[str, Words]) -> None:
        self.name = name
        self._entries: dict[str, Words] = {}
        self.add(entries)

    def add(self, entries: Mapping[str, Words]) -> None:
        """Add entries, each checked like the table's own (every reader keeps seeing them)."""
        for key, words in entries.items():
            if not isinstance(words, Words):
                raise TypeError(f"{self.name}[{key!r}] is not Words")
            for lang in LANGUAGES:
                if not getattr(words, lang).strip():
                    raise ValueError(f"{self.name}[{key!r}] has no {lang} wording")
        self._entries.update(entries)

    def __getitem__(self, key: str) -> Words:
        try:
            return self._entries[key]
        except KeyError:
            raise KeyError(f"no wording {key!r} in the {self.name} table") from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def say(self, key: str, lang: Language | str | None = None, /, **fields: Any) -> str:
        """The entry ``key`` in ``lang`` with its fields filled."""
        return self[key](lang, **fields)

    def __repr__(self) -> str:
        return f"WordTable({self.name!r}, {len(self)} entries)"

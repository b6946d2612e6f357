"""The language of what people read: Chinese (the plan's language) unless asked otherwise.

Every function that produces text takes ``lang=None``, which means the active language: the
innermost :func:`using_language` block, else the ``XMQC_KPI_LANG`` environment variable, else
Chinese. Evaluation itself never reads it: only rendering does.

>>> resolve_language("en")
'en'
>>> with using_language("en"):
...     resolve_language(None)
'en'
>>> resolve_language("fr")
Traceback (most recent call last):
ValueError: lang must be 'zh' or 'en', not 'fr'
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Literal, TypeGuard

__all__ = [
    "LANGUAGES",
    "LANG_ENV",
    "Language",
    "active_language",
    "is_language",
    "resolve_language",
    "using_language",
]

Language = Literal["zh", "en"]
#: Every language the wording layer carries, the default first.
LANGUAGES: tuple[Language, ...] = ("zh", "en")
#: The environment variable that sets the process-wide default language.
LANG_ENV = "XMQC_KPI_LANG"

_ACTIVE: ContextVar[Language | None] = ContextVar("xmqc_kpi_language", default=None)


def is_language(lang: object) -> TypeGuard[Language]:
    """Whether ``lang`` names a language the wording layer carries."""
    return lang in LANGUAGES


def active_language() -> Language:
    """The language used where none is given: block, then environment, then Chinese."""
    chosen = _ACTIVE.get()
    if chosen is not None:
        return chosen
    from_env = os.environ.get(LANG_ENV, "").strip().lower()
    return from_env if is_language(from_env) else "zh"


def resolve_language(lang: str | None) -> Language:
    """``lang`` checked, or the active language when it is ``None``."""
    if lang is None:
        return active_language()
    if not is_language(lang):
        raise ValueError(f"lang must be 'zh' or 'en', not {lang!r}")
    return lang


@contextmanager
def using_language(lang: str) -> Iterator[None]:
    """Make ``lang`` the active language inside the block (thread- and task-local)."""
    token = _ACTIVE.set(resolve_language(lang))
    try:
        yield
    finally:
        _ACTIVE.reset(token)

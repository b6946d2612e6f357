"""The wording layer: every word a person reads, in Chinese and English, from one place.

Modules here hold wording as data (:class:`WordTable` of :class:`Words`, keyed by reason,
threshold kind, status, unit or message code) and the one number policy; the rest of the
package asks them for text and never writes a Chinese word itself. Chinese is the default
language; see :mod:`xmqc_kpi.text._language` for how another is chosen.
"""

from ._language import (
    LANG_ENV,
    LANGUAGES,
    Language,
    active_language,
    is_language,
    resolve_language,
    using_language,
)
from ._words import Words, WordTable

__all__ = [
    "LANGUAGES",
    "LANG_ENV",
    "Language",
    "WordTable",
    "Words",
    "active_language",
    "is_language",
    "resolve_language",
    "using_language",
]

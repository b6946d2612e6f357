"""Status words in Chinese and English: one word per status, everywhere a person reads it.

MINIMAL TABLE written by helper B (reports, notebook, CLI) because they needed it first; helper
A owns this module and extends it (reason words …). Keys are :class:`xmqc_kpi.Status` values.

>>> status_word("not_assessed", "zh"), status_word("not_assessed", "en")
('仅监测', 'monitored')
"""

from __future__ import annotations

from ._language import Language
from ._words import Words, WordTable

__all__ = ["STATUSES", "STATUS_SYMBOLS", "status_word"]

#: The word of each status.
STATUSES = WordTable(
    "status",
    {
        "met": Words(zh="达标", en="met"),
        "not_met": Words(zh="未达标", en="not met"),
        "insufficient_data": Words(zh="数据不足", en="insufficient data"),
        "not_assessed": Words(zh="仅监测", en="monitored"),
    },
)

#: A symbol per status, so that a table reads in grey print and for colour-blind readers.
STATUS_SYMBOLS = {"met": "✓", "not_met": "✗", "insufficient_data": "?", "not_assessed": "○"}


def status_word(status: str, lang: Language | str | None = None) -> str:
    """The word of ``status`` (a :class:`xmqc_kpi.Status` or its value) in ``lang``."""
    return STATUSES.say(str(status), lang)

"""The words of each status and reason: what a reader sees for the machine codes.

The codes (``met``, ``below_minimum`` …) are API and stay in frames and JSON; these are the
words shown beside them. "Not assessed" is one wording everywhere: 仅监测 / monitored.

>>> status_word("not_assessed", "zh"), status_word("not_met", "en")
('仅监测', 'not met')
>>> reason_word("not_below_benchmark", "zh")
'未低于全国平均水平'
"""

from __future__ import annotations

from ._language import Language
from ._words import Words, WordTable

__all__ = [
    "REASONS",
    "STATUSES",
    "STATUS_SYMBOLS",
    "reason_word",
    "register_reason_words",
    "status_word",
]

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

_REASONS: dict[str, Words] = {
    "meets_minimum": Words(zh="不低于目标", en="at least the target"),
    "above_floor": Words(zh="高于目标", en="above the target"),
    "within_maximum": Words(zh="不高于上限", en="at most the limit"),
    "below_limit": Words(zh="低于限值", en="below the limit"),
    "all_comply": Words(zh="全部达到要求", en="all comply"),
    "below_benchmark": Words(zh="低于全国平均水平", en="below the national average"),
    "in_top_group": Words(zh="居前列", en="in the top group"),
    "trend_holds": Words(zh="逐期向好", en="the trend holds"),
    "below_minimum": Words(zh="低于目标", en="below the target"),
    "not_above_floor": Words(zh="未高于目标", en="not above the target"),
    "above_maximum": Words(zh="高于上限", en="above the limit"),
    "not_below_limit": Words(zh="未低于限值", en="not below the limit"),
    "not_all_comply": Words(zh="未全部达到要求", en="not all comply"),
    "not_below_benchmark": Words(zh="未低于全国平均水平", en="not below the national average"),
    "outside_top_group": Words(zh="未进入前列", en="outside the top group"),
    "trend_broken": Words(zh="趋势中断", en="the trend broke"),
    "missing_input": Words(zh="缺少数据", en="an input is missing"),
    "zero_denominator": Words(zh="分母为 0", en="the denominator is 0"),
    "no_benchmark": Words(zh="未提供全国平均水平", en="no national average given"),
    "no_peers": Words(zh="未提供比较数据", en="no peer values given"),
    "too_few_periods": Words(zh="仅一期数据", en="only one period"),
    "gap_in_periods": Words(zh="期间不连续", en="a gap in the periods"),
    "monitored": Words(zh="仅监测", en="monitored"),
}


REASONS = WordTable("reason", _REASONS)


def register_reason_words(words: dict[str, Words]) -> None:
    """Add the short words of a registered kind's own reasons (to the one :data:`REASONS`)."""
    REASONS.add(words)


def status_word(status: str, lang: Language | str | None = None) -> str:
    """The word for a status code (``"met"`` → ``"达标"``)."""
    return STATUSES.say(str(status), lang)


def reason_word(reason: str, lang: Language | str | None = None) -> str:
    """The short words for a reason code (``"below_minimum"`` → ``"低于目标"``).

    A registered kind's reason without short words is shown as its code.
    """
    return REASONS.say(str(reason), lang) if str(reason) in REASONS else str(reason)

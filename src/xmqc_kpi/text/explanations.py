"""The parts of an explanation every kind shares: the header, missing data, the interval.

A kind's own sentences are in :mod:`xmqc_kpi.text.kinds`; these are the pieces around them.
Templates are filled over whole columns by :mod:`xmqc_kpi.explain`.

>>> EXPLANATIONS.say("ratio", "zh", title="合格率", numerator="47 批次",
...                  denominator="50 批次", value="94.00%")
'合格率 = 47 批次 ÷ 50 批次 = 94.00%'
"""

from __future__ import annotations

from ._words import Words, WordTable

__all__ = ["EXPLANATIONS", "INCLUSIVE_WORDS"]

#: The plan's words that make a bound inclusive, quoted when the indicator's quote has one.
INCLUSIVE_WORDS = ("以上", "不低于", "不少于")

EXPLANATIONS = WordTable(
    "explanation",
    {
        "ratio": Words(
            zh="{title} = {numerator} ÷ {denominator} = {value}",
            en="{title} = {numerator} ÷ {denominator} = {value}",
        ),
        "value": Words(zh="{title} = {value}", en="{title} = {value}"),
        "direct": Words(
            zh="{title}（直接填报）= {value}", en="{title} (reported directly) = {value}"
        ),
        "missing_input": Words(
            zh="{title}：缺少{missing}，无法评价。",
            en="{title}: {missing} missing, so it cannot be assessed.",
        ),
        "zero_denominator": Words(
            zh="{title}：{denominator}为 0，比率无定义，无法评价。",
            en="{title}: {denominator} is 0, so the ratio is undefined and cannot be assessed.",
        ),
        "interval_conclusive": Words(
            zh="95% 置信区间（Wilson）{low}–{high}，结论稳健。",
            en=" 95% Wilson interval {low}–{high}: conclusive.",
        ),
        "interval_inconclusive": Words(
            zh="95% 置信区间（Wilson）{low}–{high}，区间跨越目标，结论不稳健。",
            en=" 95% Wilson interval {low}–{high}: not conclusive (the interval straddles the "
            "target).",
        ),
        "label": Words(zh="“{label}”（{name}）", en="“{label}” ({name})"),
        "list": Words(zh="、", en=", "),
        "inclusive": Words(zh="“{word}”", en="“{word}” "),
        "year": Words(zh="{year} 年", en="{year}"),
        "points": Words(zh="{number} 个百分点", en="{number} percentage points"),
        "near_met": Words(
            zh="提示：与比较值相差不超过关注区间 {band}，达标但接近临界。",
            en=" Attention: within the band of {band} of what it is compared with, met but near "
            "the line.",
        ),
        "near_not_met": Words(
            zh="提示：与比较值相差不超过关注区间 {band}，未达标但接近达标。",
            en=" Attention: within the band of {band} of what it is compared with, not met but "
            "near the line.",
        ),
    },
)

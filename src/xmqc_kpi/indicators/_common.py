"""Wording shared by the section modules: count inputs and the interpretation rules.

The rules are written once here so that every indicator that reads 前列, 不断提高 or
低于全国平均水平 states the same reading in the same words (targets.md, "Reading the plan's
wording"), in English (``interpretation``) and in Chinese (``interpretation_zh``, the names
ending in ``_ZH``).
"""

from __future__ import annotations

from ..indicator import Input

__all__ = [
    "BELOW_NATIONAL_AVERAGE",
    "BELOW_NATIONAL_AVERAGE_ZH",
    "CEILING",
    "CEILING_ZH",
    "EVERY_UNIT",
    "EVERY_UNIT_ZH",
    "FALLING_YEAR_ON_YEAR",
    "FALLING_YEAR_ON_YEAR_ZH",
    "RISING",
    "RISING_YEAR_ON_YEAR",
    "RISING_YEAR_ON_YEAR_ZH",
    "RISING_ZH",
    "WINDOW_REASON",
    "WINDOW_REASON_ZH",
    "YEAR_ON_YEAR_REASON",
    "YEAR_ON_YEAR_REASON_ZH",
    "counted",
    "top_group",
    "top_group_zh",
]

#: 低于全国平均水平 (strict; no benchmark means no verdict).
BELOW_NATIONAL_AVERAGE = (
    "低于全国平均水平 is strict: a value equal to the national average of the same period is "
    "not met. The plan gives no national figure: the average is data the caller supplies, and "
    "without it the result is insufficient data, never met."
)
BELOW_NATIONAL_AVERAGE_ZH = (
    "“低于全国平均水平”为严格小于：与全国同期平均水平相等的，视为未达标。方案未给出全国平均"
    "水平的数值，该数值由使用方作为数据提供；未提供的，结果为数据不足，不得判定为达标。"
)

#: 达到100%, 均, 全面 (no tolerance).
EVERY_UNIT = (
    "Every unit must comply: the numerator equals the denominator and the denominator is above "
    "zero (100 %, no tolerance)."
)
EVERY_UNIT_ZH = "所有对象均须达标，即分子等于分母且分母大于零（100%，不设容差）。"

#: 不断提高 / 持续提升 / 逐步 (strictly rising), read over the window (the plan period).
RISING = (
    "The plan sets no number, only a direction: the value must rise strictly from each period to "
    "the next within the evaluated window (reading: window; one step that does not rise fails "
    "every later period of the window). The first period, or a missing value in the window, "
    "is insufficient data."
)
RISING_ZH = (
    "方案未规定具体数值，仅规定变化方向，即在评价时段内每一期的数值均须严格高于上一期"
    "（按评价时段连续判断：一期未提高，其后各期均未达标）；"
    "首期，或评价时段内有数值缺失的，结果为数据不足。"
)

#: 不断提高 / 持续提升, read year on year (比上年提高).
RISING_YEAR_ON_YEAR = (
    "The plan sets no number, only a direction: each period must be strictly higher than the "
    "one before (reading: year on year, 比上年提高; a dip fails its own year only). The first "
    "period, or a missing previous value, is insufficient data."
)
RISING_YEAR_ON_YEAR_ZH = (
    "方案未规定具体数值，仅规定变化方向，即每一期的数值均须严格高于上一期"
    "（逐年比较，比上年提高：某年回落只影响当年）；首期，或上一期数值缺失的，结果为数据不足。"
)

#: 持续降低 (strictly falling), read year on year.
FALLING_YEAR_ON_YEAR = (
    "The plan sets no number, only a direction: each period must be strictly lower than the "
    "one before (reading: year on year, 比上年降低; a rise fails its own year only). The first "
    "period, or a missing previous value, is insufficient data."
)
FALLING_YEAR_ON_YEAR_ZH = (
    "方案未规定具体数值，仅规定变化方向，即每一期的数值均须严格低于上一期"
    "（逐年比较，比上年降低：某年回升只影响当年）；首期，或上一期数值缺失的，结果为数据不足。"
)

#: Why an annual survey or a yearly flow is read year on year.
YEAR_ON_YEAR_REASON = (
    " Read year on year because the value is measured afresh each year (a survey or the "
    "year's own flow), so one year's dip says nothing of the next."
)
YEAR_ON_YEAR_REASON_ZH = (
    "按逐年比较判断，因为该数值每年重新测得（年度测评或当年发生量），某年回落不影响其后各年。"
)

#: Why an accumulating share is read over the window.
WINDOW_REASON = (
    " Read over the window because the share accumulates (it counts what has been built or "
    "covered so far), so a fall is a setback of the whole measure."
)
WINDOW_REASON_ZH = (
    "按评价时段连续判断，因为该比例是累计形成的（统计至当期已建成或已覆盖的部分），"
    "回落即该项措施倒退。"
)

#: A share that reaches 100 % cannot rise further.
CEILING = (
    " A share cannot exceed 100 %: once it is 100 %, staying there keeps the target met "
    "(the trend's ceiling)."
)
CEILING_ZH = "比例不能超过100%：达到100%后保持不变的，视为达标（趋势的上限）。"


def top_group(peer_group: str) -> str:
    """The reading of 居…前列 for a peer group named as the plan words it."""
    return (
        f"居{peer_group}前列 sets no cut-off. Default: the top 20 % of the group, the subject "
        "counted once, rounded up (rank ≤ ⌈0.2·n⌉); ties take the best rank. The cut-off is a "
        f"parameter of the threshold. The plan does not define {peer_group}: the peers and their "
        "values are data the caller supplies."
    )


def top_group_zh(peer_group: str) -> str:
    """The reading of 居…前列 in Chinese (the same content as :func:`top_group`)."""
    return (
        f"“居{peer_group}前列”未规定名次界限。默认按同组前20%（向上取整）解释：名次不超过"
        "⌈0.2·n⌉的为居前列，n为同组地区数，被评价地区计入且只计一次；名次并列的，取最好名次。"
        f"该界限为阈值的参数，可另行设定。方案未界定“{peer_group}”的范围，同组城市及其数值由"
        "使用方作为数据提供。"
    )


def counted(name: str, label_zh: str, label_en: str, description: str, *, of: str) -> Input:
    """An input counted in whole units; ``of`` names what it counts, for its measure word.

    ``of`` is a key of :data:`xmqc_kpi.text.units.MEASURES` (``"batch"`` → 批次,
    ``"port"`` → 个口岸), so explanations never print a bare count.

    >>> counted("ports", "口岸数", "Ports", "", of="port").counted
    'port'
    """
    return Input(
        name=name,
        unit="count",
        label_zh=label_zh,
        label_en=label_en,
        description=description,
        counted=of,
    )

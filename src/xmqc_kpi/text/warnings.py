"""Words of the plausibility warnings: values that are valid but unlikely for their unit.

One entry per warning code (the codes are API, see :mod:`xmqc_kpi.plausibility`); the
templates are filled over whole columns with ``{name}`` (the variable as a reader knows it),
``{value}``, ``{percent}``, ``{benchmark}``, ``{factor}`` and ``{period}``.

>>> WARNINGS.say("fractional_count", "en", name="“sampled batches” (sampled)", value="12.5")
'“sampled batches” (sampled) is a count, but 12.5 has a fractional part: check the value.'
"""

from __future__ import annotations

from ._words import Words, WordTable

__all__ = ["WARNINGS", "WARNING_LIST"]

WARNINGS = WordTable(
    "warnings",
    {
        "share_as_fraction": Words(
            zh="{name}填报为 {value}，未注明单位，按 {value}% 计；不超过 1 的数疑为小数形式的比例"
            "（即 {percent}%），请核实并注明单位。",
            en="{name} was entered as {value} without a unit and read as {value}%; a number of at "
            "most 1 looks like a fraction ({percent}%): check it and state its unit.",
        ),
        "far_above_benchmark": Words(
            zh="{name} = {value}，是 {period} 全国平均水平 {benchmark} 的 {factor} 倍，"
            "疑为输入单位有误（如“万台”填成“台”），请核实。",
            en="{name} = {value}, {factor} times the national average {benchmark} of {period}: "
            "check the units of its inputs (units entered for 10,000 units?).",
        ),
        "far_below_benchmark": Words(
            zh="{name} = {value}，仅为 {period} 全国平均水平 {benchmark} 的 1/{factor}，"
            "疑为输入单位有误，请核实。",
            en="{name} = {value}, 1/{factor} of the national average {benchmark} of {period}: "
            "check the units of its inputs.",
        ),
        "fractional_count": Words(
            zh="{name}是计数，填报值 {value} 含小数部分，请核实。",
            en="{name} is a count, but {value} has a fractional part: check the value.",
        ),
    },
)

#: How a list of warnings is printed (the command line's ``evaluate`` and ``validate``).
WARNING_LIST = WordTable(
    "warning_list",
    {
        "heading": Words(
            zh="数据合理性提示 {count} 条（评价结果未因此改变）：",
            en="{count} plausibility warning(s) (the verdicts are unchanged):",
        ),
        "item": Words(zh="  - {where}：{message}", en="  - {where}: {message}"),
    },
)

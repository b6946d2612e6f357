"""Wording shared by the section modules: count inputs and the interpretation rules.

The rules are written once here so that every indicator that reads 前列, 不断提高 or
低于全国平均水平 states the same reading in the same words (targets.md, "Reading the plan's
wording").
"""

from __future__ import annotations

from ..indicator import Input

__all__ = [
    "BELOW_NATIONAL_AVERAGE",
    "EVERY_UNIT",
    "FALLING",
    "RISING",
    "counted",
    "top_group",
]

#: 低于全国平均水平 (strict; no benchmark means no verdict).
BELOW_NATIONAL_AVERAGE = (
    "低于全国平均水平 is strict: a value equal to the national average of the same period is "
    "not met. The plan gives no national figure: the average is data the caller supplies, and "
    "without it the result is insufficient data, never met."
)

#: 达到100%, 均, 全面 (no tolerance).
EVERY_UNIT = (
    "Every unit must comply: the numerator equals the denominator and the denominator is above "
    "zero (100 %, no tolerance)."
)

#: 不断提高 / 持续提升 / 逐步 (strictly rising).
RISING = (
    "The plan sets no number, only a direction: the value must rise strictly from each period to "
    "the next within the evaluated window. The first period, or a missing value in the window, "
    "is insufficient data."
)

#: 持续降低 (strictly falling).
FALLING = (
    "The plan sets no number, only a direction: the value must fall strictly from each period to "
    "the next within the evaluated window. The first period, or a missing value in the window, "
    "is insufficient data."
)


def top_group(peer_group: str) -> str:
    """The reading of 居…前列 for a peer group named as the plan words it."""
    return (
        f"居{peer_group}前列 sets no cut-off. Default: the top 20 % of the group, the subject "
        "counted once, rounded up (rank ≤ ⌈0.2·n⌉); ties take the best rank. The cut-off is a "
        f"parameter of the threshold. The plan does not define {peer_group}: the peers and their "
        "values are data the caller supplies."
    )


def counted(name: str, label_zh: str, label_en: str, description: str) -> Input:
    """An input counted in whole units (batches, projects, ports, markets …)."""
    return Input(
        name=name, unit="count", label_zh=label_zh, label_en=label_en, description=description
    )

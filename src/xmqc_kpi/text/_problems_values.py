"""Problem wording for values and units: units, periods, regions, signs, aggregation."""

from __future__ import annotations

from ._words import Words, WordTable

__all__ = ["ENTRIES", "EXPECTED_UNIT"]

#: What a unit of each kind is, said where a unit of that kind was expected
#: (keys: :func:`xmqc_kpi.units.expected_kind`).
EXPECTED_UNIT = WordTable(
    "expected unit",
    {
        "count": Words(
            zh="计数单位（个、家、批次、件、台、张、项等，或万个、万台）",
            en="a count unit (个, 家, 批次, 件, 台, 张, 项 and the like, or 万个, 万台)",
        ),
        "share": Words(
            zh="比例单位（%、‰ 或不带单位的小数）",
            en="a share (%, ‰ or a plain fraction)",
        ),
        "money": Words(zh="金额单位（元、万元、亿元）", en="an amount of money (元, 万元, 亿元)"),
        "area": Words(
            zh="面积单位（平方米、亩、公顷）", en="an area (square metres, mu, hectares)"
        ),
        "length": Words(zh="长度单位（米、千米）", en="a length (metres, kilometres)"),
        "persons": Words(zh="人数单位（人、万人）", en="a number of persons (人, 万人)"),
        "time": Words(zh="时间单位（天）", en="a duration (days)"),
        "score": Words(zh="分值（分）", en="a score (points)"),
        "per_person": Words(
            zh="按人口计的比率（如 /万人）", en="a rate per person (e.g. per 万人)"
        ),
        "per_money": Words(zh="按金额计的比率（如 /亿元）", en="a rate per amount (e.g. per 亿元)"),
        "other": Words(zh="与规定单位同一量纲的单位", en="a unit of the declared unit's dimension"),
    },
)

_UNITS: dict[str, Words] = {
    "unit_not_text": Words(zh="单位应为文字，而不是 {unit}", en="a unit must be text, not {unit}"),
    "unit_too_long": Words(
        zh="单位过长（{length} 个字符，上限 {limit} 个）",
        en="the unit is too long ({length} characters; the limit is {limit})",
    ),
    "unit_syntax": Words(
        zh="无法读取单位“{unit}”（在“{at}”处）",
        en="cannot read the unit {unit!r} (at {at!r})",
    ),
    "unit_number": Words(
        zh="单位“{unit}”中含有数字 {number}；倍数请用万元、亿元、万人等单位表示",
        en="the unit {unit!r} contains the number {number}; "
        "write multiples as units (万元, 亿元, 万人 …)",
    ),
    "unit_exponent": Words(
        zh="单位“{unit}”的幂次过大（绝对值不超过 {limit}）",
        en="a power in the unit {unit!r} is too large (at most {limit} in absolute value)",
    ),
    "unit_unknown": Words(zh="无法识别的单位“{name}”", en="unknown unit {name!r}"),
    "unit_not_allowed": Words(
        zh="“{name}”不是本方案使用的单位（角度、比特、ppm 等无量纲单位不能表示计数或比例）",
        en="{name!r} is not a unit of the plan (degrees, bits, ppm and other "
        "dimensionless units are neither counts nor shares)",
    ),
    "unit_mixed": Words(
        zh="单位“{unit}”既不是计数也不是比例", en="the unit {unit!r} is neither a count nor a share"
    ),
    "unit_not_count": Words(
        zh="单位“{unit}”不是计数单位；此处应为{expected}",
        en="the unit {unit!r} is not a count; expected {expected}",
    ),
    "unit_not_share": Words(
        zh="单位“{unit}”不是比例单位；此处应为{expected}",
        en="the unit {unit!r} is not a share; expected {expected}",
    ),
    "unit_not_convertible": Words(
        zh="单位“{unit}”无法换算为规定单位；此处应为{expected}",
        en="the unit {unit!r} does not convert to the declared unit; expected {expected}",
    ),
    "unit_factor_not_rational": Words(
        zh="单位“{unit}”与规定单位之间没有精确的换算系数",
        en="there is no exact conversion factor from the unit {unit!r} to the declared unit",
    ),
}

ENTRIES: dict[str, Words] = {**_UNITS}

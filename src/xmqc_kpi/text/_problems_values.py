"""Problem wording for values and units: units, periods, regions, signs, aggregation."""

from __future__ import annotations

from ._words import Words, WordTable

__all__ = ["ENTRIES", "EXPECTED_UNIT", "FREQUENCIES", "TABLES", "records_more"]

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

#: Period frequencies, as named in problems (keys: the first letter of pandas' frequency).
FREQUENCIES = WordTable(
    "frequency",
    {
        "Y": Words(zh="年度", en="years"),
        "Q": Words(zh="季度", en="quarters"),
        "M": Words(zh="月度", en="months"),
        "D": Words(zh="日", en="days"),
        "other": Words(zh="其他频率", en="another frequency"),
    },
)

#: The reference tables of evaluate(), as named in problems.
TABLES = WordTable(
    "table",
    {
        "benchmarks": Words(zh="全国平均水平表（benchmarks）", en="benchmarks table"),
        "peers": Words(zh="同级城市表（peers）", en="peers table"),
    },
)

#: ``period_missing`` and ``period_unreadable`` are worded with the reading problems (one
#: code per meaning, whichever path finds it).
_FRAME: dict[str, Words] = {
    "columns_multiindex": Words(
        zh="表头有 {levels} 行（多层列名）；请只保留一行表头",
        en="the table has {levels} header rows (MultiIndex columns); give one header row",
    ),
    "column_repeated": Words(
        zh="该列出现了 {times} 次；每列只能出现一次",
        en="the column appears {times} times; give each column once",
    ),
    "period_column_missing": Words(
        zh="数据中没有“period”（期间）列", en="the data has no 'period' column"
    ),
    "period_year_out_of_range": Words(
        zh="期间“{text}”的年份不在 {first}–{last} 年之间",
        en="the year of the period {text!r} is not between {first} and {last}",
    ),
    "period_date_not_end": Words(
        zh="日期“{text}”不是年末、季末或月末，无法读作期间",
        en="the date {text!r} is not the last day of a year, quarter or month, "
        "so it is not a period",
    ),
    "period_other_frequency": Words(
        zh="期间“{text}”与本列其他期间的频率（{freq}）不同；请使用同一频率",
        en="the period {text!r} is not in {freq} like the column's other periods; "
        "use one frequency",
    ),
    "region_missing": Words(zh="缺少地区", en="missing region"),
    "region_unreadable": Words(
        zh="无法将“{text}”读作地区（应为文字或数字编码）",
        en="cannot read {text!r} as a region (give a name or a numeric code)",
    ),
    "duplicate_region_period": Words(
        zh="地区“{region}”期间“{period}”重复出现（首次出现在第{first}行）",
        en="region {region!r}, period {period!r} given again (first at row {first})",
    ),
    "duplicate_period": Words(
        zh="期间“{period}”重复出现（首次出现在第{first}行）",
        en="period {period!r} given again (first at row {first})",
    ),
    "variable_repeated": Words(
        zh="同一地区和期间的“{variable}”给出了两次",
        en="{variable!r} given twice for the same region and period",
    ),
    "units_names_nothing": Words(
        zh="units= 中的“{name}”既不是所评价指标使用的变量，也不在数据中",
        en="units= names {name!r}, which is neither a variable in use nor in the data",
    ),
    "unit_cell_not_text": Words(
        zh="单位应为文字，而不是“{text}”", en="a unit must be text, not {text!r}"
    ),
    "value_boolean": Words(zh="该列是真/假值，不是数量", en="true/false is not a number"),
    "value_complex": Words(zh="复数不是数量", en="complex numbers are not quantities"),
    "value_not_number": Words(zh="“{text}”不是数字", en="not a number: {text!r}"),
    "value_too_large": Words(
        zh="约 {digits} 位的数字过大", en="a number of about {digits} digits is too large"
    ),
    "value_infinite": Words(zh="数值为无穷大", en="the value is infinite"),
    "value_negative": Words(zh="数值 {text} 为负数", en="negative value {text}"),
    "table_column_missing": Words(zh="{table}中没有该列", en="the {table} has no such column"),
    "table_frequency": Words(
        zh="{table}的期间为{given}，数据的期间为{data}",
        en="the {table} gives {given}, the data {data}",
    ),
    "note_region_numbers_as_text": Words(
        zh="{count} 个以数字给出的地区按文字读取（如“{example}”），"
        "与写法相同的文字地区视为同一地区",
        en="{count} region(s) given as numbers read as text (such as {example!r}), "
        "one region with the same text",
    ),
}

ENTRIES.update(_FRAME)

_RECORDS: dict[str, Words] = {
    "records_column_missing": Words(
        zh="记录中没有“{column}”列", en="the records have no {column!r} column"
    ),
    "records_key_missing": Words(
        zh="{count} 条记录缺少“{column}”", en="{count} records lack a {column}"
    ),
    "records_unknown_split": Words(
        zh="未知的“{column}”值“{value}”（{count} 条记录）；应为 {expected} 之一",
        en="unknown {column} {value!r} ({count} records); expected {expected}",
    ),
    "records_not_boolean": Words(
        zh="应为 True 或 False，而不是 {value}{more}",
        en="must be True or False, not {value}{more}",
    ),
    "records_not_whole": Words(
        zh="应为整数，而不是 {value}{more}", en="must be a whole number, not {value}{more}"
    ),
    "records_negative": Words(
        zh="应不小于 0，而不是 {value}{more}", en="must be at least 0, not {value}{more}"
    ),
    "records_date_unreadable": Words(
        zh="无法将 {value} 读作日期{more}", en="cannot read {value} as a date{more}"
    ),
    "records_flag_dtype": Words(
        zh="应为 True 或 False（布尔列），而不是 {dtype}",
        en="must be True or False (a boolean column), not {dtype}",
    ),
    "records_sum_dtype": Words(
        zh="应为整数（整数列），而不是 {dtype}", en="must be whole numbers (integers), not {dtype}"
    ),
    "records_date_dtype": Words(
        zh="应为日期（Date 或 Datetime），而不是 {dtype}",
        en="must be dates (Date or Datetime), not {dtype}",
    ),
    "records_missing_value": Words(
        zh="缺少数值（{count} 条记录）", en="missing value ({count} records)"
    ),
    "records_negative_count": Words(
        zh="应不小于 0（{count} 条记录）", en="must be at least 0 ({count} records)"
    ),
    "records_year_out_of_range": Words(
        zh="日期 {value} 的年份不在 {first}–{last} 年之间{more}",
        en="the year of the date {value} is not between {first} and {last}{more}",
    ),
    "records_too_many_groups": Words(
        zh="汇总需要 {cells} 个分组（{regions} 个地区 × {periods} 个期间 × {splits} 个分类），"
        "超过上限 {limit}",
        en="the counts would need {cells} groups ({regions} regions × {periods} periods × "
        "{splits} values), above the limit of {limit}",
    ),
}

ENTRIES.update(_RECORDS)


def records_more(count: int) -> Words:
    """`` (4 records)`` after a message about several records, nothing for one."""
    if count <= 1:
        return Words(zh="", en="")
    return Words(zh=f"（共 {count} 条记录）", en=f" ({count} records)")

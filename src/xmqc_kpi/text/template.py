"""The input template's wording: its refusals, its sheets and headers, in Chinese and English.

The template's column names (``variable``, ``label_zh`` …) are public API: the frame of
:func:`~xmqc_kpi.template.input_template` and the CSV file keep them. The XLSX form heads them
in the clerk's language (:data:`HEADERS`); every such header reads back as its column
(:data:`HEADER_COLUMNS`, used by :mod:`xmqc_kpi.readers`). Its unit cells are unit names
(:mod:`xmqc_kpi.text.units`).

>>> TEMPLATE.say("periods_repeated", "zh", periods="2013")
'期间重复：2013'
>>> HEADERS.say("accepted_units", "zh"), HEADER_COLUMNS["Accepted units"]
('可选单位', 'accepted_units')
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from ._words import Words, WordTable

__all__ = ["HEADERS", "HEADER_COLUMNS", "INSTRUCTIONS", "TEMPLATE"]

TEMPLATE = WordTable(
    "template",
    {
        "bad_suffix": Words(
            zh="模板只能写成 .csv 或 .xlsx 文件，不能是 {name!r}",
            en="write the template to a .csv or .xlsx file, not {name!r}",
        ),
        "needs_openpyxl": Words(
            zh="写 .xlsx 模板需要 openpyxl，但未安装：pip install 'xmqc_kpi[report]'"
            "（或改写 .csv 文件）",
            en="writing an .xlsx template needs openpyxl, which is not installed: "
            "pip install 'xmqc_kpi[report]' (or write a .csv file instead)",
        ),
        "not_indicators": Words(
            zh="indicators 须为 Indicator 对象，不能是 {types}",
            en="indicators must be Indicator objects, not {types}",
        ),
        "no_indicators": Words(
            zh="没有指标：模板将没有任何行", en="no indicators: the template would have no rows"
        ),
        "no_periods": Words(
            zh="没有期间：请至少给一个，如 periods=(2013, 2014)",
            en="no periods: give at least one, e.g. periods=(2013, 2014)",
        ),
        "blank_period": Words(zh="有期间标签为空", en="a period label is blank"),
        "periods_repeated": Words(zh="期间重复：{periods}", en="periods repeated: {periods}"),
        "periods_clash": Words(
            zh="期间与模板的列名冲突：{periods}",
            en="periods clash with template columns: {periods}",
        ),
        "separator": Words(zh="；", en="; "),
        "list_separator": Words(zh="、", en=", "),
        "no_regions": Words(
            zh="regions 为空：不分地区的模板请给 None",
            en="regions is empty: give None for a template without regions",
        ),
        "blank_region": Words(
            zh="每个地区都须是非空的字符串", en="every region must be a non-blank string"
        ),
        "regions_repeated": Words(zh="地区重复：{regions}", en="regions repeated: {regions}"),
        "no_plan_years": Words(
            zh="方案没有发布日期，指标也没有期限，无法确定期间：请给出 periods，如 "
            "periods=(2021, 2022)",
            en="the plan has no issue date and the indicators no deadline, so there are no "
            "default periods: give periods, e.g. periods=(2021, 2022)",
        ),
        "title": Words(zh="{plan}数据填报模板", en="Data entry template: {plan}"),
        "title_number": Words(
            zh="{plan}（{number}）数据填报模板", en="Data entry template: {plan} ({number})"
        ),
        "title_no_plan": Words(zh="指标数据填报模板", en="Indicator data entry template"),
    },
)

#: The form's headers, by the template's column (and the instructions sheet's columns).
HEADERS = WordTable(
    "template header",
    {
        "variable": Words(zh="变量", en="Variable"),
        "label_zh": Words(zh="名称", en="Chinese label"),
        "unit": Words(zh="单位", en="Unit"),
        "accepted_units": Words(zh="可选单位", en="Accepted units"),
        "indicators": Words(zh="所属指标", en="Indicators"),
        "region": Words(zh="地区", en="Region"),
    },
)

#: Every worded header (both languages) → the template column it heads.
HEADER_COLUMNS: Mapping[str, str] = MappingProxyType(
    {
        HEADERS.say(column, lang): column
        for column in ("variable", "label_zh", "unit", "accepted_units", "indicators", "region")
        for lang in ("zh", "en")
    }
)

#: The instructions sheet: its name, headers and cells.
INSTRUCTIONS = WordTable(
    "template instructions",
    {
        "form_sheet": Words(zh="填报表", en="Form"),
        "sheet": Words(zh="填报说明", en="Instructions"),
        "variable": Words(zh="变量", en="Variable"),
        "label": Words(zh="名称", en="Label"),
        "definition": Words(zh="定义", en="Definition"),
        "unit": Words(zh="默认单位", en="Default unit"),
        "accepted_units": Words(zh="可选单位", en="Accepted units"),
        "example": Words(zh="示例", en="Example"),
        "indicators": Words(zh="所属指标", en="Indicators"),
        "clause": Words(zh="规划条款", en="Plan clause"),
        "example_value": Words(
            zh="{value}（样例数据，{region} {period} 年）",
            en="{value} (sample data, {region} {period})",
        ),
        "clause_separator": Words(zh="；", en="; "),
        "unit_prompt": Words(zh="单位", en="Unit"),
        "unit_help": Words(
            zh="请从下拉列表中选择本行数值所用的单位",
            en="choose the unit of this row's numbers from the list",
        ),
    },
)

"""The input template's wording: its refusals, in Chinese and English.

The template's column names are public API and are not wording; its unit cells are unit names
(:mod:`xmqc_kpi.text.units`).

>>> TEMPLATE.say("periods_repeated", "zh", periods="2013")
'期间重复：2013'
"""

from __future__ import annotations

from ._words import Words, WordTable

__all__ = ["TEMPLATE"]

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
    },
)

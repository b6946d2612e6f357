"""The notebook display's wording (Jupyter ``_repr_html_``), Chinese and English.

Fields named ``code`` are filled with markup by the renderer after the text is escaped.

>>> NOTEBOOK.say("evaluation_title", "zh", count=3, as_of="2015-12-31")
'评价：共 3 项评价，评价日期 2015-12-31'
>>> NOTEBOOK.say("catalog_title", "en", count=42)
'Catalog: 42 indicators'
>>> NOTEBOOK.say("language", "zh", code="…")
'显示语言：中文（切换：…）'
"""

from __future__ import annotations

from ._words import Words, WordTable

__all__ = ["NOTEBOOK"]

NOTEBOOK = WordTable(
    "notebook",
    {
        "evaluation_title": Words(
            zh="评价：共 {count} 项评价，评价日期 {as_of}",
            en="Evaluation: {count} assessments, as of {as_of}",
        ),
        "more": Words(
            zh="… 另有 {more} 项（全部见 {code}；鼠标停在指标名称上可看其编号）",
            en="… {more} more ({code} for all; hover a title for the indicator's id)",
        ),
        "hover": Words(
            zh="鼠标停在指标名称上可看其编号。", en="Hover a title for the indicator's id."
        ),
        "language": Words(
            zh="显示语言：中文（切换：{code}）",
            en="Language: English (to switch: {code})",
        ),
        "switch": Words(
            zh='kpi.text.using_language("en") 或环境变量 XMQC_KPI_LANG=en',
            en='kpi.text.using_language("zh") or XMQC_KPI_LANG=zh',
        ),
        "explanation": Words(zh="说明", en="explanation"),
        "catalog_title": Words(zh="指标目录：共 {count} 个指标", en="Catalog: {count} indicators"),
        "indicator": Words(zh="指标", en="indicator"),
        "region": Words(zh="地区", en="region"),
        "period": Words(zh="期间", en="period"),
        "value": Words(zh="数值", en="value"),
        "threshold": Words(zh="目标", en="threshold"),
        "status": Words(zh="状态", en="status"),
        "reason": Words(zh="原因代码", en="reason code"),
        "margin": Words(zh="差距", en="margin"),
        "interval": Words(zh="95% 置信区间", en="95% interval"),
        "id": Words(zh="编号", en="id"),
        "clause": Words(zh="条款", en="clause"),
        "title": Words(zh="名称", en="title"),
        "quote": Words(zh="方案原文", en="plan wording"),
        "quoted": Words(zh="「{quote}」", en="「{quote}」"),
        "unit": Words(zh="显示单位", en="unit"),
        "direction": Words(zh="方向", en="direction"),
        "deadline": Words(zh="完成时限", en="deadline"),
        "responsible": Words(zh="责任单位", en="responsible"),
        "interpretation": Words(zh="解释说明", en="interpretation"),
        "no_region": Words(zh="（未分地区）", en="(no region)"),
        "no_date": Words(zh="未给出", en="not given"),
    },
)

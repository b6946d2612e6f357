"""The words of the reports' workbooks: sheet names and column headers.

Keyed by the sheet or by the column of :meth:`xmqc_kpi.Evaluation.to_frame` they head, so a
renderer asks for ``COLUMNS.say("threshold", lang)`` and never writes a header itself.

>>> SHEETS.say("assessments", "zh"), COLUMNS.say("threshold", "en")
('评价结果', 'Target')
>>> THRESHOLD_SHEETS.say("not_indicators", "zh")
'未列为指标的条款'
>>> SPREADSHEET.say("by", "zh", key=SPREADSHEET.say("by_region", "zh"))
'按地区'
"""

from __future__ import annotations

from ._words import Words, WordTable

__all__ = ["COLUMNS", "SHEETS", "SPREADSHEET", "THRESHOLD_SHEETS"]

#: The sheet names (at most 31 characters: a spreadsheet's limit).
SHEETS = WordTable(
    "sheet",
    {
        "summary": Words(zh="汇总", en="Summary"),
        "deadlines": Words(zh="期限", en="Deadlines"),
        "matrix": Words(zh="状态矩阵", en="Matrix"),
        "assessments": Words(zh="评价结果", en="Assessments"),
        "inputs": Words(zh="输入数据", en="Inputs"),
        "provenance": Words(zh="来源", en="Provenance"),
    },
)

#: The threshold report's sheet names, by the key of the report's part they hold (at most 31
#: characters, none of ``[]:*?/\\``: a spreadsheet's limits).
THRESHOLD_SHEETS = WordTable(
    "threshold sheet",
    {
        "overview": Words(zh="总览", en="Overview"),
        "rules": Words(zh="解读规则", en="Rules"),
        "indicators": Words(zh="指标详情", en="Indicators"),
        "supplementary": Words(zh="补充指标", en="Supplementary indicators"),
        "not_indicators": Words(zh="未列为指标的条款", en="Clauses not made indicators"),
        "discrepancies": Words(zh="条款差异", en="Discrepancies"),
        "provenance": Words(zh="来源", en="Provenance"),
    },
)

#: Column headers, by the column of ``to_frame()`` or of the other sheets they head.
COLUMNS = WordTable(
    "column",
    {
        "indicator_id": Words(zh="指标编号", en="Indicator id"),
        "title": Words(zh="指标", en="Indicator"),
        "section": Words(zh="章节", en="Section"),
        "region": Words(zh="地区", en="Region"),
        "period": Words(zh="期间", en="Period"),
        "value": Words(zh="数值", en="Value"),
        "unit": Words(zh="单位", en="Unit"),
        "comparison": Words(zh="比较", en="Comparison"),
        "threshold": Words(zh="目标值", en="Target"),
        "status": Words(zh="状态", en="Status"),
        "reason": Words(zh="原因", en="Reason"),
        "explanation": Words(zh="说明", en="Explanation"),
        "numerator": Words(zh="分子", en="Numerator"),
        "denominator": Words(zh="分母", en="Denominator"),
        "margin": Words(zh="与目标之差", en="Margin"),
        "ci_low": Words(zh="置信区间下限", en="Interval low"),
        "ci_high": Words(zh="置信区间上限", en="Interval high"),
        "conclusive": Words(zh="结论稳健", en="Conclusive"),
        "rank": Words(zh="排名", en="Rank"),
        "group_size": Words(zh="参与排名数", en="Ranked"),
        "cutoff_rank": Words(zh="前列名次线", en="Cut-off rank"),
        "direct": Words(zh="直接填报", en="Given directly"),
        "deadline": Words(zh="期限", en="Deadline"),
        "due": Words(zh="已到期", en="Due"),
        "responsible": Words(zh="责任单位", en="Responsible units"),
        "equals_threshold": Words(zh="恰等于目标", en="Equals target"),
        "attention": Words(zh="关注", en="Attention"),
        "variable": Words(zh="变量", en="Variable"),
        "label": Words(zh="名称", en="Label"),
        "grouping": Words(zh="分组方式", en="Grouped by"),
        "group": Words(zh="分组", en="Group"),
        "total": Words(zh="合计", en="Total"),
        "indicators": Words(zh="指标数", en="Indicators"),
        "fact": Words(zh="项目", en="Fact"),
        "fact_value": Words(zh="内容", en="Value"),
    },
)

#: Cell words of the workbook.
SPREADSHEET = WordTable(
    "spreadsheet",
    {
        "yes": Words(zh="是", en="yes"),
        "list_separator": Words(zh="、", en=", "),
        "no": Words(zh="否", en="no"),
        "all": Words(zh="全部", en="all"),
        "by": Words(zh="按{key}", en="by {key}"),
        "by_section": Words(zh="规划章节", en="plan section"),
        "by_responsible": Words(zh="责任单位", en="responsible unit"),
        "by_region": Words(zh="地区", en="region"),
        "no_region": Words(zh="（不分地区）", en="(no region)"),
        "no_deadline": Words(zh="（无期限）", en="(no deadline)"),
        "near_met": Words(zh="达标，接近目标", en="met, near the target"),
        "near_not_met": Words(zh="未达标，接近目标", en="not met, near the target"),
    },
)

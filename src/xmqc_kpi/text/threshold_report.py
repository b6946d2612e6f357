"""Wording of the threshold report's plan-aware parts.

Its title from the plan, the overview, the section headings, the leads, the clauses not made
indicators and the spreadsheet headers.

>>> THRESHOLD_REPORT.say("title_plan", "zh", plan="示例市质量强市行动计划")
'阈值报告：示例市质量强市行动计划的量化目标'
>>> THRESHOLD_REPORT.say("body_leads", "zh", place="正文第 18 条")
'正文牵头单位（正文第 18 条）'
"""

from __future__ import annotations

from ._words import Words, WordTable

__all__ = ["THRESHOLD_COLUMNS", "THRESHOLD_REPORT"]

#: The threshold report's titles, overview, sections, leads and considered clauses.
THRESHOLD_REPORT = WordTable(
    "threshold report wording",
    {
        "title_plan": Words(
            zh="阈值报告：{plan}的量化目标",
            en="Threshold report: the quantitative targets of {plan}",
        ),
        "title_custom": Words(
            zh="阈值报告：自定义指标目录的量化目标",
            en="Threshold report: the quantitative targets of a custom catalog",
        ),
        "plan_details_separator": Words(zh="，", en=", "),
        "plan_line": Words(zh="{title}（{details}）", en="{title} ({details})"),
        "no_plan": Words(
            zh="本目录未声明所依据的方案。", en="The catalog does not declare the plan it follows."
        ),
        "overview": Words(zh="总览", en="Overview"),
        "overview_lead": Words(
            zh="每个指标一行，按方案顺序分部分排列；各指标的详细说明按同一顺序列在后文。",
            en="One row per indicator, in the plan's order by section; the entries below follow "
            "the same order.",
        ),
        "overview_title": Words(zh="指标", en="Indicator"),
        "section_heading": Words(zh="{key} {title}", en="{key} {title}"),
        "clause_pair": Words(zh="{table} / {body}", en="{table} / {body}"),
        "clause_body_only": Words(zh="{body}（{table}无对应行）", en="{body} (no row in {table})"),
        "leads": Words(zh="牵头单位", en="Lead units"),
        "body_leads": Words(zh="正文牵头单位（{place}）", en="Lead units in the body ({place})"),
        "considered": Words(
            zh="已研究但未列为指标的条款", en="Clauses considered and not made indicators"
        ),
        "considered_lead": Words(
            zh="以下方案条款读来像目标，经研究未列为指标；每条列出方案原文和理由，供核对目录是否完整。",
            en="Clauses of the plan that read like targets and were not made indicators, each "
            "with its wording and the reason, so that the catalog's coverage can be audited.",
        ),
        "supplementary": Words(
            zh="补充指标（方案条款中可检查、未列入目标清单的事项）",
            en="Supplementary indicators (checkable clauses of the plan outside the target list)",
        ),
        "supplementary_lead": Words(
            zh="以下指标不在目标清单约定的指标之内，但方案条款给出了可检查的内容，"
            "按与上述指标相同的方式列出；使用 catalog(supplementary=True) 可将其纳入评价。",
            en="These indicators are not among those of the target list, but the plan's clauses "
            "give something checkable; they are declared like the others, and "
            "catalog(supplementary=True) includes them in an evaluation.",
        ),
        "reason": Words(zh="理由", en="Reason"),
        "quoted": Words(zh="「{quote}」", en="「{quote}」"),
        "threshold_value": Words(zh="阈值数值", en="Threshold value"),
        "threshold_unit": Words(zh="阈值单位", en="Threshold unit"),
    },
)

#: Spreadsheet headers of the threshold report's tables, by column key, in both languages.
THRESHOLD_COLUMNS = WordTable(
    "threshold report column",
    {
        "id": Words(zh="编号", en="ID"),
        "clause": Words(zh="条款", en="Clause"),
        "clause_table": Words(zh="分解表条款", en="Table clause"),
        "clause_body": Words(zh="正文条款", en="Body clause"),
        "section": Words(zh="方案部分", en="Plan section"),
        "section_title": Words(zh="部分名称", en="Section title"),
        "title": Words(zh="指标", en="Indicator"),
        "title_zh": Words(zh="中文名称", en="Chinese title"),
        "title_en": Words(zh="英文名称", en="English title"),
        "quote": Words(zh="方案原文", en="Plan wording"),
        "formula": Words(zh="计算公式", en="Formula"),
        "inputs": Words(zh="输入变量", en="Inputs"),
        "unit": Words(zh="显示单位", en="Display unit"),
        "sampled": Words(zh="抽样或全数统计", en="Sampled or counted"),
        "kind": Words(zh="阈值类型", en="Threshold kind"),
        "comparison": Words(zh="比较", en="Comparison"),
        "threshold": Words(zh="阈值数值", en="Threshold value"),
        "threshold_unit": Words(zh="阈值单位", en="Threshold unit"),
        "threshold_text": Words(zh="阈值说明", en="Threshold in words"),
        "direction": Words(zh="方向", en="Direction"),
        "deadline": Words(zh="完成时限", en="Deadline"),
        "deadline_inherited": Words(zh="时限承袭上行", en="Deadline inherited"),
        "responsible": Words(zh="责任单位", en="Responsible units"),
        "leads": Words(zh="牵头单位", en="Lead units"),
        "body_leads": Words(zh="正文牵头单位", en="Lead units in the body"),
        "responsible_inherited_from": Words(zh="责任单位承袭自", en="Units inherited from"),
        "interpretation": Words(zh="解释说明", en="Interpretation"),
        "key": Words(zh="键", en="Key"),
        "wording": Words(zh="方案用语", en="Plan wording"),
        "meaning": Words(zh="含义", en="Meaning"),
        "note": Words(zh="说明", en="Note"),
        "in_force": Words(zh="本目录所用参数", en="In force in this catalog"),
        "clauses": Words(zh="条款", en="Clauses"),
        "finding": Words(zh="差异", en="Discrepancy"),
        "reading": Words(zh="采用的理解", en="Reading adopted"),
        "indicators": Words(zh="相关指标", en="Indicators concerned"),
        "reason": Words(zh="理由", en="Reason"),
        "fact": Words(zh="项目", en="Item"),
        "value": Words(zh="内容", en="Value"),
    },
)
